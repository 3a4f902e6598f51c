-- Confidential data stays confidential everywhere (issue 10, docs/access.md).

-- Restricted parts of a change (interview, health, intelligence, assessment, ethnicity/religion),
-- by category, kept out of before/after/reason. Written by recordChange from the declared
-- classification of each entity (src/core/confidentiality.ts); read only through readChanges,
-- which gives a part back to holders of its permission and audits the read. Rows written before
-- this column are classified again at every read the same way.
ALTER TABLE change_log ADD COLUMN restricted jsonb;

-- Cross-prison openings of a person's data. A re-admission in another prison opens the identity
-- and the legal history to the new prison (kind readmission, recorded by the admitting clerk);
-- anything more is opened by a recorded decision of a director of the prison holding the data or
-- of the national administration (kind decision). Never deleted; a revocation keeps the row.
CREATE TABLE file_opening (
  id             uuid PRIMARY KEY,
  person_id      uuid NOT NULL REFERENCES person(id),
  from_prison_id uuid NOT NULL REFERENCES prison(id),
  to_prison_id   uuid NOT NULL REFERENCES prison(id),
  kind           text NOT NULL CHECK (kind IN ('readmission', 'decision')),
  categories     text[] NOT NULL CHECK (cardinality(categories) > 0
                   AND categories <@ ARRAY['legal_history', 'history', 'reception', 'classification', 'assessment']::text[]),
  admission_id   uuid REFERENCES admission(id),
  reason         text CHECK (length(btrim(reason)) > 0),
  decided_by     uuid NOT NULL REFERENCES app_user(id),
  decided_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz,
  revoked_by     uuid REFERENCES app_user(id),
  revoke_reason  text,
  CHECK (from_prison_id <> to_prison_id),
  -- A re-admission is its own reason (and names its admission); any other opening says why.
  CHECK (CASE kind WHEN 'readmission' THEN admission_id IS NOT NULL ELSE reason IS NOT NULL END),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE INDEX file_opening_person_idx ON file_opening (person_id, to_prison_id);
CREATE TRIGGER no_delete BEFORE DELETE ON file_opening FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
