-- Identity resolution (issue 4): derived name keys for candidate search, the clerk's identity
-- decisions at reception, and merges of two files found to be one person (undoable).
-- Names are stored as written in person / person_name; these tables only hold keys derived from
-- them by src/modules/identity/normalize.ts (docs/identity-matching.md).

-- Blocking keys: for each person (primary name and other names), every unordered pair of name
-- tokens in canonical spelling ("c:<a> <b>") and in phonetic form ("p:<a> <b>"); a one-token name
-- gives "c1:<a>" / "p1:<a>". A search looks up the query's keys and re-ranks the persons found.
CREATE TABLE identity_key (
  key       text NOT NULL,
  person_id uuid NOT NULL REFERENCES person(id),
  PRIMARY KEY (key, person_id)
);
CREATE INDEX identity_key_person_idx ON identity_key (person_id);

-- Persons whose keys must be (re)computed. Filled by triggers on person and person_name, so no
-- write path can forget it; drained by the identity service (before every search, and in bulk).
CREATE TABLE identity_key_queue (
  person_id uuid PRIMARY KEY,
  queued_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION identity_key_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- plpgsql resolves NEW.<field> when the statement runs, so each table gets its own branch.
  IF TG_TABLE_NAME = 'person' THEN
    INSERT INTO identity_key_queue (person_id) VALUES (NEW.id) ON CONFLICT (person_id) DO NOTHING;
  ELSE
    INSERT INTO identity_key_queue (person_id) VALUES (NEW.person_id) ON CONFLICT (person_id) DO NOTHING;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER person_identity_key_ins AFTER INSERT ON person
  FOR EACH ROW EXECUTE FUNCTION identity_key_enqueue();
CREATE TRIGGER person_identity_key_upd AFTER UPDATE OF family_name, given_names, merged_into_id ON person
  FOR EACH ROW WHEN (OLD.family_name IS DISTINCT FROM NEW.family_name OR OLD.given_names IS DISTINCT FROM NEW.given_names OR OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id)
  EXECUTE FUNCTION identity_key_enqueue();
CREATE TRIGGER person_name_identity_key AFTER INSERT OR UPDATE ON person_name
  FOR EACH ROW EXECUTE FUNCTION identity_key_enqueue();

-- Existing persons (a database migrated after people were registered) are queued once.
INSERT INTO identity_key_queue (person_id) SELECT id FROM person ON CONFLICT DO NOTHING;

-- The clerk's decision at reception: this arrival is an existing person (a re-admission) or a new
-- person. Keeps what was searched and which candidates were shown, with their scores.
CREATE TABLE identity_decision (
  id            uuid PRIMARY KEY,
  prison_id     uuid NOT NULL REFERENCES prison(id),
  decision      text NOT NULL CHECK (decision IN ('existing_person','new_person')),
  person_id     uuid REFERENCES person(id),
  admission_id  uuid REFERENCES admission(id),
  query         jsonb NOT NULL,
  candidates    jsonb NOT NULL DEFAULT '[]',
  chosen_score  double precision,
  reason        text,
  decided_by    uuid NOT NULL REFERENCES app_user(id),
  decided_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (decision = 'new_person' OR person_id IS NOT NULL)
);
CREATE INDEX identity_decision_person_idx ON identity_decision (person_id);
CREATE INDEX identity_decision_prison_idx ON identity_decision (prison_id, decided_at);

-- Two files merged into one: the merged person points to the surviving one (person.merged_into_id)
-- and the rows that were moved are listed, so that undoing the merge moves exactly those back.
CREATE TABLE identity_merge (
  id           uuid PRIMARY KEY,
  survivor_id  uuid NOT NULL REFERENCES person(id),
  merged_id    uuid NOT NULL REFERENCES person(id),
  reason       text NOT NULL,
  moved        jsonb NOT NULL DEFAULT '[]',   -- [{table, column, ids: [...]}]
  score        double precision,
  merged_by    uuid NOT NULL REFERENCES app_user(id),
  merged_at    timestamptz NOT NULL DEFAULT now(),
  undone_by    uuid REFERENCES app_user(id),
  undone_at    timestamptz,
  undo_reason  text,
  CHECK (survivor_id <> merged_id),
  CHECK ((undone_at IS NULL) = (undone_by IS NULL))
);
CREATE INDEX identity_merge_survivor_idx ON identity_merge (survivor_id);
CREATE INDEX identity_merge_merged_idx ON identity_merge (merged_id);
-- A person is merged away at most once at a time.
CREATE UNIQUE INDEX identity_merge_active_idx ON identity_merge (merged_id) WHERE undone_at IS NULL;
