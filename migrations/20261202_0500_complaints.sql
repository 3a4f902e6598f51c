-- Requests and complaints, with a confidential channel to an independent body (issue 15,
-- docs/complaints.md). Nothing is deleted: every change is an event row and a change_log entry.

-- The national settings: deadlines, owners per category, the independent body's name.
CREATE TABLE complaint_settings (
  id         text PRIMARY KEY CHECK (id = 'national'),
  settings   jsonb NOT NULL,
  updated_by uuid REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The reference counter: one sequence per prison and year (PL-BKO-2026-00042).
CREATE TABLE complaint_counter (
  prison_id uuid NOT NULL REFERENCES prison(id),
  year      integer NOT NULL,
  seq       integer NOT NULL,
  PRIMARY KEY (prison_id, year)
);

CREATE TABLE complaint (
  id             uuid PRIMARY KEY,
  prison_id      uuid NOT NULL REFERENCES prison(id),
  reference      text NOT NULL UNIQUE,
  person_id      uuid REFERENCES person(id),
  admission_id   uuid REFERENCES admission(id),
  -- A cell leader's request for a whole cell names the cell (and may name no person).
  cell_id        uuid REFERENCES cell(id),
  unit_id        uuid REFERENCES unit(id),
  kind           text NOT NULL CHECK (kind IN ('request', 'complaint')),
  category       text NOT NULL CHECK (category IN ('legal', 'health', 'food', 'family', 'property', 'staff_treatment', 'ill_treatment', 'conditions', 'discipline', 'other')),
  channel        text NOT NULL CHECK (channel IN ('in_person', 'cell_leader', 'paper_slip')),
  addressee      text NOT NULL CHECK (addressee IN ('director', 'national', 'inspector')),
  confidential   boolean NOT NULL DEFAULT false,
  urgent         boolean NOT NULL DEFAULT false,
  -- The detainee's own words, as said or written.
  words          text NOT NULL CHECK (length(btrim(words)) > 0),
  named_staff    uuid[] NOT NULL DEFAULT '{}',
  named_staff_text text,
  owner          text NOT NULL,
  assigned_to    uuid REFERENCES app_user(id),
  state          text NOT NULL CHECK (state IN ('received', 'acknowledged', 'under_investigation', 'answered', 'accepted', 'appealed', 'closed')),
  received_at    timestamptz NOT NULL,
  due_at         timestamptz NOT NULL,
  recorded_by    uuid NOT NULL REFERENCES app_user(id),
  acknowledged_at timestamptz,
  answer         text,
  outcome        text CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld', 'withdrawn')),
  action_taken   text,
  answered_at    timestamptz,
  answered_by    uuid REFERENCES app_user(id),
  answer_read_at timestamptz,
  accepted_at    timestamptz,
  appealed_at    timestamptz,
  appeal_reason  text,
  closed_at      timestamptz,
  row_version    integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (person_id IS NOT NULL OR cell_id IS NOT NULL),
  CHECK (addressee <> 'inspector' OR confidential)
);
CREATE INDEX complaint_prison_idx ON complaint (prison_id, state, due_at);
CREATE INDEX complaint_person_idx ON complaint (person_id, received_at);

-- What happened to a complaint: acknowledgement, notes, facts, answer, appeal, recommendation…
CREATE TABLE complaint_event (
  id           uuid PRIMARY KEY,
  complaint_id uuid NOT NULL REFERENCES complaint(id),
  kind         text NOT NULL CHECK (kind IN ('received', 'acknowledge', 'investigate', 'note', 'answer', 'read_to_detainee', 'accept', 'appeal', 'close', 'withdraw', 'assign', 'facts_requested', 'facts', 'recommendation')),
  state_after  text NOT NULL,
  text         text,
  by_user      uuid NOT NULL REFERENCES app_user(id),
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_event_idx ON complaint_event (complaint_id, at);

-- Who was told at once (an allegation of ill-treatment: the director and the national administration).
CREATE TABLE complaint_notice (
  id           uuid PRIMARY KEY,
  complaint_id uuid NOT NULL REFERENCES complaint(id),
  prison_id    uuid NOT NULL REFERENCES prison(id),
  audience     text NOT NULL CHECK (audience IN ('director', 'national', 'inspector')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  seen_by      uuid REFERENCES app_user(id),
  seen_at      timestamptz
);
CREATE INDEX complaint_notice_idx ON complaint_notice (audience, prison_id, created_at);

-- A complainant moved, transferred, disciplined or restricted within 30 days of a complaint.
CREATE TABLE complaint_reprisal_warning (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaint(id),
  prison_id     uuid NOT NULL REFERENCES prison(id),
  person_id     uuid NOT NULL REFERENCES person(id),
  event         text NOT NULL CHECK (event IN ('move', 'transfer', 'discipline', 'visits')),
  event_at      timestamptz NOT NULL,
  detail        text,
  triggered_by  uuid REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_reprisal_warning_idx ON complaint_reprisal_warning (prison_id, created_at);

-- Who saw each warning, and when (the first time).
CREATE TABLE complaint_warning_seen (
  warning_id uuid NOT NULL REFERENCES complaint_reprisal_warning(id),
  user_id    uuid NOT NULL REFERENCES app_user(id),
  seen_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (warning_id, user_id)
);

CREATE TRIGGER no_delete BEFORE DELETE ON complaint FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON complaint_event FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON complaint_reprisal_warning FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
