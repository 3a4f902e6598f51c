-- Housing by individual assessment (issue 6, first part): security levels decided by a named
-- person with reasons, keep-apart records, each prison's policy for people assessed high-risk.

CREATE TABLE security_level (
  id              uuid PRIMARY KEY,
  prison_id       uuid NOT NULL REFERENCES prison(id),
  admission_id    uuid NOT NULL REFERENCES admission(id),
  person_id       uuid NOT NULL REFERENCES person(id),
  level           text NOT NULL CHECK (level IN ('high','medium','low')),
  reasons         text NOT NULL,
  trigger         text NOT NULL CHECK (trigger IN ('initial','periodic','incident','new_title','programme','override')),
  decided_by      uuid NOT NULL REFERENCES app_user(id),
  decided_at      timestamptz NOT NULL DEFAULT now(),
  next_review_on  date
);
CREATE INDEX security_level_admission_idx ON security_level (admission_id, decided_at DESC);

CREATE TABLE keep_apart (
  id          uuid PRIMARY KEY,
  prison_id   uuid NOT NULL REFERENCES prison(id),
  person_a    uuid NOT NULL REFERENCES person(id),
  person_b    uuid NOT NULL REFERENCES person(id),
  reason      text NOT NULL,
  source      text NOT NULL,
  review_on   date,
  created_by  uuid NOT NULL REFERENCES app_user(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  ended_at    timestamptz,
  ended_by    uuid REFERENCES app_user(id),
  end_reason  text,
  CHECK (person_a <> person_b)
);
CREATE INDEX keep_apart_a_idx ON keep_apart (person_a) WHERE ended_at IS NULL;
CREATE INDEX keep_apart_b_idx ON keep_apart (person_b) WHERE ended_at IS NULL;

CREATE TABLE housing_policy (
  prison_id        uuid PRIMARY KEY REFERENCES prison(id),
  high_risk_policy text NOT NULL CHECK (high_risk_policy IN ('concentrate','disperse','mixed')),
  high_risk_unit_id uuid REFERENCES unit(id),
  updated_by       uuid NOT NULL REFERENCES app_user(id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (high_risk_policy <> 'concentrate' OR high_risk_unit_id IS NOT NULL)
);

CREATE TRIGGER no_delete BEFORE DELETE ON security_level FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON keep_apart FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
