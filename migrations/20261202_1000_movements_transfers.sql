-- Transfers between prisons (issue 13, item 1; docs/movements-transfers.md): the request, the two
-- directors' decisions (the national administration's when they disagree), the escort and its list
-- (a convoy: one vehicle), the property signed out and in, the arrival with its shortened reception,
-- the link between the sending and the receiving admission, the family notices (Rule 68).
-- Nothing is deleted: a cancelled or refused transfer stays, with who and why.

-- One vehicle with its escort: the transfer list is the transfers it carries.
CREATE TABLE transfer_convoy (
  id             uuid PRIMARY KEY,
  prison_id      uuid NOT NULL REFERENCES prison(id),
  to_prison_id   uuid NOT NULL REFERENCES prison(id),
  escort_force   text NOT NULL CHECK (length(btrim(escort_force)) > 0),
  vehicle        text NOT NULL CHECK (length(btrim(vehicle)) > 0),
  officers       text NOT NULL CHECK (length(btrim(officers)) > 0),
  planned_departure_at timestamptz NOT NULL,
  departed_at    timestamptz,
  created_by     uuid NOT NULL REFERENCES app_user(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (prison_id <> to_prison_id)
);
CREATE INDEX transfer_convoy_prison_idx ON transfer_convoy (prison_id, planned_departure_at);

CREATE TABLE transfer (
  id                  uuid PRIMARY KEY,
  -- The sending prison (tenant); the receiving prison sees it too (the transfer is what makes an
  -- in-transit person visible to both).
  prison_id           uuid NOT NULL REFERENCES prison(id),
  to_prison_id        uuid NOT NULL REFERENCES prison(id),
  person_id           uuid NOT NULL REFERENCES person(id),
  -- The admission the person leaves (ended with reason 'transfer' at departure) and the one that
  -- follows it in the receiving prison (at arrival): the link between the two admissions.
  from_admission_id   uuid NOT NULL REFERENCES admission(id),
  to_admission_id     uuid UNIQUE REFERENCES admission(id),
  reason              text NOT NULL CHECK (reason IN ('congestion', 'security', 'court', 'health', 'family_proximity', 'detainee_request')),
  note                text,
  state               text NOT NULL CHECK (state IN ('requested', 'escalated', 'approved', 'refused', 'in_transit', 'arrived', 'cancelled')),
  requested_by        uuid NOT NULL REFERENCES app_user(id),
  requested_at        timestamptz NOT NULL,
  sending_decision    text CHECK (sending_decision IN ('approved', 'refused')),
  sending_by          uuid REFERENCES app_user(id),
  sending_at          timestamptz,
  sending_reason      text,
  receiving_decision  text CHECK (receiving_decision IN ('approved', 'refused')),
  receiving_by        uuid REFERENCES app_user(id),
  receiving_at        timestamptz,
  receiving_reason    text,
  national_decision   text CHECK (national_decision IN ('approved', 'refused')),
  national_by         uuid REFERENCES app_user(id),
  national_at         timestamptz,
  national_reason     text,
  convoy_id           uuid REFERENCES transfer_convoy(id),
  departed_at         timestamptz,
  -- The registry inventory from reception, as signed out at departure and in at arrival.
  property            jsonb,
  property_out_by     uuid REFERENCES app_user(id),
  property_out_at     timestamptz,
  property_in_by      uuid REFERENCES app_user(id),
  property_in_at      timestamptz,
  property_discrepancies text,
  -- The shortened reception on arrival: security, medical (done or not; the findings live in the
  -- health record), registry check.
  arrived_at          timestamptz,
  received_by         uuid REFERENCES app_user(id),
  security_check      boolean,
  medical_check       boolean,
  registry_check      boolean,
  arrival_note        text,
  cancelled_at        timestamptz,
  cancelled_by        uuid REFERENCES app_user(id),
  cancel_reason       text,
  row_version         integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (prison_id <> to_prison_id),
  CHECK ((sending_decision IS NULL) = (sending_by IS NULL)),
  CHECK ((receiving_decision IS NULL) = (receiving_by IS NULL)),
  CHECK ((national_decision IS NULL) = (national_by IS NULL)),
  CHECK (state NOT IN ('in_transit', 'arrived') OR (departed_at IS NOT NULL AND property_out_by IS NOT NULL AND convoy_id IS NOT NULL)),
  CHECK (state <> 'arrived' OR (arrived_at IS NOT NULL AND to_admission_id IS NOT NULL AND property_in_by IS NOT NULL)),
  CHECK (state <> 'cancelled' OR (cancelled_at IS NOT NULL AND length(btrim(cancel_reason)) > 0))
);
-- A person is on one transfer at a time.
CREATE UNIQUE INDEX transfer_one_active_idx ON transfer (person_id)
  WHERE state IN ('requested', 'escalated', 'approved', 'in_transit');
CREATE INDEX transfer_prison_idx ON transfer (prison_id, state);
CREATE INDEX transfer_to_prison_idx ON transfer (to_prison_id, state);
CREATE INDEX transfer_convoy_idx ON transfer (convoy_id);

-- The family told of the transfer (Mandela Rule 68): who, how, when, by whom — or why not.
CREATE TABLE transfer_notice (
  id           uuid PRIMARY KEY,
  prison_id    uuid NOT NULL REFERENCES prison(id),
  transfer_id  uuid NOT NULL REFERENCES transfer(id),
  person_id    uuid NOT NULL REFERENCES person(id),
  notified     boolean NOT NULL,
  relative     text,
  method       text CHECK (method IN ('phone', 'in_person', 'letter', 'message')),
  notified_at  timestamptz,
  reason_not   text,
  recorded_by  uuid NOT NULL REFERENCES app_user(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (CASE WHEN notified THEN method IS NOT NULL AND length(btrim(relative)) > 0 AND notified_at IS NOT NULL
              ELSE length(btrim(reason_not)) > 0 END)
);
CREATE INDEX transfer_notice_transfer_idx ON transfer_notice (transfer_id);

CREATE TRIGGER no_delete BEFORE DELETE ON transfer_convoy FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON transfer FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON transfer_notice FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
