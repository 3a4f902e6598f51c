-- Identity search at a million identities: the shortlist is ordered on the key index alone.
-- Each key row carries the person's year of birth (exact, or the estimated year) and a key of the
-- father's first name, INCLUDEd in the primary key index, so that the search can rank thousands of
-- namesakes by an index-only scan and read only the best few hundred person rows.
ALTER TABLE identity_key ADD COLUMN birth_year smallint, ADD COLUMN father_key text;
ALTER TABLE identity_key DROP CONSTRAINT identity_key_pkey;
ALTER TABLE identity_key ADD CONSTRAINT identity_key_pkey PRIMARY KEY (key, person_id) INCLUDE (birth_year, father_key);

-- The keys now also depend on the date of birth and the father's name.
DROP TRIGGER person_identity_key_upd ON person;
CREATE TRIGGER person_identity_key_upd AFTER UPDATE OF family_name, given_names, merged_into_id, father_name, birth_date, birth_precision, birth_estimated_age, birth_estimated_on ON person
  FOR EACH ROW WHEN (OLD.family_name IS DISTINCT FROM NEW.family_name OR OLD.given_names IS DISTINCT FROM NEW.given_names
    OR OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id OR OLD.father_name IS DISTINCT FROM NEW.father_name
    OR OLD.birth_date IS DISTINCT FROM NEW.birth_date OR OLD.birth_precision IS DISTINCT FROM NEW.birth_precision
    OR OLD.birth_estimated_age IS DISTINCT FROM NEW.birth_estimated_age OR OLD.birth_estimated_on IS DISTINCT FROM NEW.birth_estimated_on)
  EXECUTE FUNCTION identity_key_enqueue();

-- Recompute every person's keys with the new columns.
INSERT INTO identity_key_queue (person_id) SELECT id FROM person ON CONFLICT DO NOTHING;
