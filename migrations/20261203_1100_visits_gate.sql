-- Visits (issue 14, part 1, docs/visits.md): the visitor register shared by all prisons, visiting rules
-- per prison, visits at the gate (booked or walk-in, refused with their reason), items brought, the
-- individual decisions that restrict a person's visits, family contact (calls, letters) and family
-- tracing requests. Nothing is deleted: a refusal, a lifted ban, a replaced rule stay as rows.

-- A visitor, whichever prison they visit. The name is stored as written; name_keys are the identity
-- module's blocking keys of that name (docs/identity-matching.md), so another spelling finds them.
CREATE TABLE visitor (
  id              uuid PRIMARY KEY,
  family_name     text NOT NULL CHECK (length(btrim(family_name)) > 0),
  given_names     text NOT NULL DEFAULT '',
  name_keys       text[] NOT NULL DEFAULT '{}',
  id_doc_kind     text NOT NULL CHECK (id_doc_kind IN ('nina_card', 'passport', 'consular_card', 'voter_card', 'bar_card', 'other', 'none')),
  id_doc_number   text,
  phone           text,
  bar_number      text,
  photo_attachment_id uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      uuid REFERENCES app_user(id)
);
CREATE INDEX visitor_keys_idx ON visitor USING gin (name_keys);
CREATE INDEX visitor_doc_idx ON visitor (id_doc_number);

-- Who the visitor is to each detainee they visit.
CREATE TABLE visitor_relationship (
  id            uuid PRIMARY KEY,
  visitor_id    uuid NOT NULL REFERENCES visitor(id),
  person_id     uuid NOT NULL REFERENCES person(id),
  relationship  text NOT NULL CHECK (relationship IN ('spouse', 'parent', 'child', 'sibling', 'relative', 'friend', 'lawyer', 'other')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    uuid REFERENCES app_user(id),
  UNIQUE (visitor_id, person_id)
);
CREATE INDEX visitor_relationship_person_idx ON visitor_relationship (person_id);

-- A ban decided by a director: for one prison (prison_id) or every prison (NULL), until a date or
-- open-ended; lifted early with a reason, never deleted.
CREATE TABLE visitor_ban (
  id           uuid PRIMARY KEY,
  visitor_id   uuid NOT NULL REFERENCES visitor(id),
  prison_id    uuid REFERENCES prison(id),
  reason       text NOT NULL CHECK (length(btrim(reason)) > 0),
  from_date    date NOT NULL,
  until_date   date,
  decided_by   uuid NOT NULL REFERENCES app_user(id),
  decided_at   timestamptz NOT NULL,
  lifted_at    timestamptz,
  lifted_by    uuid REFERENCES app_user(id),
  lift_reason  text,
  CHECK (until_date IS NULL OR until_date >= from_date)
);
CREATE INDEX visitor_ban_visitor_idx ON visitor_ban (visitor_id);

-- A visiting window of a prison: a weekday (ISO 1 = Monday … 7 = Sunday) and hours, for everyone or
-- only one unit or one regime level, with its limits. Replaced rules are kept (ended_at).
CREATE TABLE visit_rule (
  id                  uuid PRIMARY KEY,
  prison_id           uuid NOT NULL REFERENCES prison(id),
  unit_id             uuid REFERENCES unit(id),
  regime_level        text,
  weekday             smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts              text NOT NULL CHECK (starts ~ '^[0-2][0-9]:[0-5][0-9]$'),
  ends                text NOT NULL CHECK (ends ~ '^[0-2][0-9]:[0-5][0-9]$'),
  per_person_week     integer NOT NULL CHECK (per_person_week BETWEEN 0 AND 14),
  visitors_per_visit  integer NOT NULL CHECK (visitors_per_visit BETWEEN 1 AND 20),
  room_capacity       integer NOT NULL CHECK (room_capacity BETWEEN 1 AND 2000),
  created_at          timestamptz NOT NULL DEFAULT now(),
  created_by          uuid REFERENCES app_user(id),
  ended_at            timestamptz,
  ended_by            uuid REFERENCES app_user(id),
  CHECK (ends > starts)
);
CREATE INDEX visit_rule_prison_idx ON visit_rule (prison_id) WHERE ended_at IS NULL;

-- An individual decision restricting a person's family visits (Mandela Rule 43(3): never a
-- disciplinary sanction; always a recorded decision with its reason). Never covers legal visits.
CREATE TABLE visit_restriction (
  id           uuid PRIMARY KEY,
  prison_id    uuid NOT NULL REFERENCES prison(id),
  person_id    uuid NOT NULL REFERENCES person(id),
  admission_id uuid NOT NULL REFERENCES admission(id),
  basis        text NOT NULL CHECK (basis IN ('security', 'judicial_order', 'health', 'visitor_safety')),
  reason       text NOT NULL CHECK (length(btrim(reason)) > 0),
  from_date    date NOT NULL,
  until_date   date NOT NULL,
  decided_by   uuid NOT NULL REFERENCES app_user(id),
  decided_at   timestamptz NOT NULL,
  lifted_at    timestamptz,
  lifted_by    uuid REFERENCES app_user(id),
  CHECK (until_date >= from_date)
);
CREATE INDEX visit_restriction_person_idx ON visit_restriction (person_id);

-- A visit: booked (by phone or at the gate) or a walk-in; refused with its reason (never silent);
-- arrival and departure. A legal visit carries the lawyer's bar number and happens out of hearing
-- (Rule 61): there is no column for what was said, in any visit.
CREATE TABLE visit (
  id              uuid PRIMARY KEY,
  prison_id       uuid NOT NULL REFERENCES prison(id),
  admission_id    uuid NOT NULL REFERENCES admission(id),
  person_id       uuid NOT NULL REFERENCES person(id),
  kind            text NOT NULL CHECK (kind IN ('family', 'legal')),
  channel         text NOT NULL CHECK (channel IN ('phone', 'gate', 'walk_in')),
  day             date NOT NULL,
  planned_time    text CHECK (planned_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  state           text NOT NULL CHECK (state IN ('booked', 'in_progress', 'ended', 'refused', 'cancelled')),
  refusal_code    text,
  refusal_detail  text,
  bar_number      text,
  staff_on_duty   text,
  arrived_at      timestamptz,
  left_at         timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      uuid NOT NULL REFERENCES app_user(id),
  CHECK ((state = 'refused') = (refusal_code IS NOT NULL)),
  CHECK (kind <> 'legal' OR bar_number IS NOT NULL),
  CHECK (left_at IS NULL OR (arrived_at IS NOT NULL AND left_at >= arrived_at))
);
CREATE INDEX visit_prison_day_idx ON visit (prison_id, day);
CREATE INDEX visit_person_idx ON visit (person_id, day);

CREATE TABLE visit_visitor (
  visit_id     uuid NOT NULL REFERENCES visit(id),
  visitor_id   uuid NOT NULL REFERENCES visitor(id),
  PRIMARY KEY (visit_id, visitor_id)
);
CREATE INDEX visit_visitor_visitor_idx ON visit_visitor (visitor_id);

-- What a visitor brought: checked, handed over or refused with the reason.
CREATE TABLE visit_item (
  id             uuid PRIMARY KEY,
  visit_id       uuid NOT NULL REFERENCES visit(id),
  kind           text NOT NULL CHECK (kind IN ('food', 'clothes', 'money', 'medicine', 'documents', 'hygiene', 'other')),
  description    text NOT NULL CHECK (length(btrim(description)) > 0),
  outcome        text NOT NULL CHECK (outcome IN ('handed_over', 'refused')),
  refusal_reason text,
  checked_by     uuid NOT NULL REFERENCES app_user(id),
  checked_at     timestamptz NOT NULL,
  CHECK ((outcome = 'refused') = (refusal_reason IS NOT NULL AND length(btrim(refusal_reason)) > 0))
);
CREATE INDEX visit_item_visit_idx ON visit_item (visit_id);

-- A phone call or a letter, recorded as a fact (when, with whom): never its content.
CREATE TABLE family_contact (
  id           uuid PRIMARY KEY,
  prison_id    uuid NOT NULL REFERENCES prison(id),
  person_id    uuid NOT NULL REFERENCES person(id),
  admission_id uuid NOT NULL REFERENCES admission(id),
  kind         text NOT NULL CHECK (kind IN ('call', 'letter_in', 'letter_out')),
  occurred_at  timestamptz NOT NULL,
  with_whom    text NOT NULL CHECK (length(btrim(with_whom)) > 0),
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   uuid NOT NULL REFERENCES app_user(id)
);
CREATE INDEX family_contact_person_idx ON family_contact (person_id, occurred_at);

-- A request to trace a detainee's family through a partner (e.g. the Red Cross), followed to its end.
CREATE TABLE tracing_request (
  id            uuid PRIMARY KEY,
  prison_id     uuid NOT NULL REFERENCES prison(id),
  person_id     uuid NOT NULL REFERENCES person(id),
  admission_id  uuid NOT NULL REFERENCES admission(id),
  partner       text NOT NULL CHECK (length(btrim(partner)) > 0),
  sought        text NOT NULL CHECK (length(btrim(sought)) > 0),
  state         text NOT NULL CHECK (state IN ('sent', 'in_progress', 'found', 'not_found', 'closed')),
  outcome       text,
  requested_on  date NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    uuid NOT NULL REFERENCES app_user(id)
);
CREATE INDEX tracing_request_prison_idx ON tracing_request (prison_id, state);

CREATE TRIGGER no_delete BEFORE DELETE ON visitor FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON visitor_ban FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON visit_rule FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON visit_restriction FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON visit FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON visit_item FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON family_contact FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON tracing_request FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
