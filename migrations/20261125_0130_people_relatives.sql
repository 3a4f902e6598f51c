-- Family members, children and emergency contacts (Mandela Rule 7(f)-(g)): who to notify, and the
-- children's ages, whereabouts and custody.
CREATE TABLE person_relative (
  id               uuid PRIMARY KEY,
  person_id        uuid NOT NULL REFERENCES person(id),
  relationship     text NOT NULL CHECK (relationship IN ('spouse','child','father','mother','sibling','other_family','guardian','other')),
  full_name        text NOT NULL,
  birth_year       integer CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
  phone            text,
  address          text,
  whereabouts      text,   -- for a child: where and with whom they live now
  custody          text,   -- for a child: who has custody while the parent is held
  emergency_contact boolean NOT NULL DEFAULT false,
  notes            text,
  created_by       uuid NOT NULL REFERENCES app_user(id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_relative_person_idx ON person_relative (person_id);
CREATE TRIGGER no_delete BEFORE DELETE ON person_relative FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
