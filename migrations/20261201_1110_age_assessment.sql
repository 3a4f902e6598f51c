-- Doubt protects (issue 9): a person who may be under 18 is treated as a minor until an age
-- assessment is recorded (CRC General Comment No. 24: the benefit of the doubt goes to the child).
-- Assessments are never deleted; the latest by date (then by recording time) is the one that counts.
CREATE TABLE age_assessment (
  id           uuid PRIMARY KEY,
  person_id    uuid NOT NULL REFERENCES person(id),
  prison_id    uuid REFERENCES prison(id),
  method       text NOT NULL CHECK (method IN ('documents','psychosocial','medical','judicial','other')),
  assessed_by  text NOT NULL,
  assessed_on  date NOT NULL,
  result       text NOT NULL CHECK (result IN ('minor','adult','inconclusive')),
  -- The lowest age the findings support on the day of the assessment (the benefit of the doubt).
  minimum_age  integer CHECK (minimum_age IS NULL OR minimum_age BETWEEN 0 AND 120),
  notes        text,
  recorded_by  uuid NOT NULL REFERENCES app_user(id),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (result <> 'minor' OR (minimum_age IS NOT NULL AND minimum_age < 18)),
  CHECK (result <> 'adult' OR minimum_age IS NULL OR minimum_age >= 18)
);
CREATE INDEX age_assessment_person_idx ON age_assessment (person_id, assessed_on DESC, recorded_at DESC);
CREATE TRIGGER no_delete BEFORE DELETE ON age_assessment FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
