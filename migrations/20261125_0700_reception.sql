-- Reception (issue 3): the handover by the arresting force and the five steps that follow it
-- (security office, administration office, registry, medical check, interview). Who did each step
-- and when; a step out of the default order keeps its reason. Medical findings are kept apart.

CREATE TABLE reception (
  id                  uuid PRIMARY KEY,
  prison_id           uuid NOT NULL REFERENCES prison(id),
  status              text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress','completed','abandoned')),
  -- The handover: what the arresting force brought.
  arresting_authority text NOT NULL,
  officer_name        text,
  officer_rank        text,
  officer_unit        text,
  warrant_name        text NOT NULL,
  warrant_birth       text,
  warrant_region      text,
  warrant_charge      text,
  warrant_reference   text,
  information_shared  text,
  evidence_shared     text,
  nothing_shared      boolean NOT NULL DEFAULT false,
  arrived_at          timestamptz NOT NULL,
  admission_id        uuid REFERENCES admission(id),
  person_id           uuid REFERENCES person(id),
  started_by          uuid NOT NULL REFERENCES app_user(id),
  started_at          timestamptz NOT NULL DEFAULT now(),
  completed_by        uuid REFERENCES app_user(id),
  completed_at        timestamptz,
  CHECK (NOT nothing_shared OR (coalesce(information_shared, '') = '' AND coalesce(evidence_shared, '') = ''))
);
CREATE INDEX reception_prison_status_idx ON reception (prison_id, status, started_at);

CREATE TABLE reception_step (
  id                 uuid PRIMARY KEY,
  prison_id          uuid NOT NULL REFERENCES prison(id),
  reception_id       uuid NOT NULL REFERENCES reception(id),
  step               text NOT NULL CHECK (step IN ('security','administration','registry','medical','interview')),
  data               jsonb NOT NULL DEFAULT '{}'::jsonb,   -- medical data is never here: see reception_medical
  out_of_order_reason text,
  done_by            uuid NOT NULL REFERENCES app_user(id),
  done_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (reception_id, step)
);

-- The reception medical check: visible to medical staff; the injury report also to the director.
CREATE TABLE reception_medical (
  reception_id            uuid PRIMARY KEY REFERENCES reception(id),
  prison_id               uuid NOT NULL REFERENCES prison(id),
  visible_injuries        text,
  ill_treatment_alleged   boolean NOT NULL,
  ill_treatment_account   text,
  fitness                 text NOT NULL CHECK (fitness IN ('fit','fit_with_care','unfit')),
  referral                text,
  notes                   text,
  done_by                 uuid NOT NULL REFERENCES app_user(id),
  done_at                 timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER no_delete BEFORE DELETE ON reception FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON reception_step FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON reception_medical FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
