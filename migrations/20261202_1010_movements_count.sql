-- Movements (issue 13, docs/movements-count.md): escorts out and back, the roll call per unit with
-- recounts, the count-time names of each prison. Nothing is deleted; a recount is a new row beside
-- the first figures, never an update of them.

-- A detainee taken out under escort (court, hospital, funeral, family visit…) and brought back. Still
-- admitted the whole time: counted in the prison's population, shown "out" at the count.
CREATE TABLE escort (
  id               uuid PRIMARY KEY,
  prison_id        uuid NOT NULL REFERENCES prison(id),
  admission_id     uuid NOT NULL REFERENCES admission(id),
  person_id        uuid NOT NULL REFERENCES person(id),
  purpose          text NOT NULL CHECK (purpose IN ('court', 'hospital', 'funeral', 'family_visit', 'other')),
  -- A court production: the hearing (justice chain) whose production order it carries out.
  hearing_id       uuid REFERENCES hearing(id),
  destination      text NOT NULL CHECK (length(btrim(destination)) > 0),
  officers         text NOT NULL CHECK (length(btrim(officers)) > 0),
  out_at           timestamptz NOT NULL,
  expected_back_at timestamptz NOT NULL,
  back_at          timestamptz,
  notes            text,
  recorded_by      uuid NOT NULL REFERENCES app_user(id),
  back_recorded_by uuid REFERENCES app_user(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (expected_back_at > out_at),
  CHECK (back_at IS NULL OR back_at >= out_at)
);
-- One person is out on one escort at a time.
CREATE UNIQUE INDEX escort_one_out ON escort (admission_id) WHERE back_at IS NULL;
CREATE INDEX escort_prison_idx ON escort (prison_id, out_at);

-- The names of a prison's roll calls, in order (none: morning, noon, evening).
CREATE TABLE count_slot_setting (
  prison_id  uuid PRIMARY KEY REFERENCES prison(id),
  slots      text[] NOT NULL CHECK (cardinality(slots) BETWEEN 1 AND 8),
  updated_by uuid REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A roll call of one unit at one of the day's count times (day: the Bamako calendar day).
CREATE TABLE count_round (
  id              uuid PRIMARY KEY,
  prison_id       uuid NOT NULL REFERENCES prison(id),
  unit_id         uuid NOT NULL REFERENCES unit(id),
  day             date NOT NULL,
  slot            text NOT NULL CHECK (length(btrim(slot)) > 0),
  started_at      timestamptz NOT NULL,
  started_by      uuid NOT NULL REFERENCES app_user(id),
  state           text NOT NULL CHECK (state IN ('open', 'validated')),
  validated_at    timestamptz,
  validated_by    uuid REFERENCES app_user(id),
  validation_note text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, day, slot),
  CHECK ((state = 'validated') = (validated_at IS NOT NULL AND validated_by IS NOT NULL))
);
CREATE INDEX count_round_prison_idx ON count_round (prison_id, day);

-- The figure counted in one cell at one attempt (1: the count, 2…: recounts), with what the registry
-- expected at that moment (held in the cell, and how many of them were out on escort).
CREATE TABLE count_entry (
  id         uuid PRIMARY KEY,
  round_id   uuid NOT NULL REFERENCES count_round(id),
  attempt    integer NOT NULL CHECK (attempt >= 1),
  cell_id    uuid NOT NULL REFERENCES cell(id),
  counted    integer NOT NULL CHECK (counted >= 0),
  placed     integer NOT NULL CHECK (placed >= 0),
  out        integer NOT NULL CHECK (out >= 0),
  entered_by uuid NOT NULL REFERENCES app_user(id),
  entered_at timestamptz NOT NULL,
  UNIQUE (round_id, attempt, cell_id)
);

CREATE TRIGGER no_delete BEFORE DELETE ON escort FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON count_round FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON count_entry FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
