-- Movements (issue 13), releases, escapes and deaths in custody (docs/movements-release.md).
-- A release is a checklist: the order (or the justice basis) checked with the person's identity, a
-- second officer's confirmation, belongings returned against signature, then the admission ends
-- (custody's endAdmission, reason 'release'). Nothing is deleted; every change is in change_log.

-- The national settings: the authorities to tell of the release of a person held for
-- terrorism-related offences (designated by the national administration).
CREATE TABLE release_settings (
  id          text PRIMARY KEY CHECK (id = 'national'),
  authorities jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_by  uuid REFERENCES app_user(id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The certificate number: one sequence per prison and year (LIB-BKO-2026-0007).
CREATE TABLE release_counter (
  prison_id uuid NOT NULL REFERENCES prison(id),
  year      integer NOT NULL,
  seq       integer NOT NULL,
  PRIMARY KEY (prison_id, year)
);

CREATE TABLE release (
  id                    uuid PRIMARY KEY,
  prison_id             uuid NOT NULL REFERENCES prison(id),
  admission_id          uuid NOT NULL REFERENCES admission(id),
  person_id             uuid NOT NULL REFERENCES person(id),
  reason                text NOT NULL CHECK (reason IN ('end_of_sentence', 'acquittal', 'release_order', 'provisional_release', 'pardon', 'detention_expired', 'transfer_to_authority')),
  state                 text NOT NULL CHECK (state IN ('checked', 'confirmed', 'released', 'cancelled')),
  -- The order, when one is needed: its issuing authority (a jurisdiction of the justice module), reference, date.
  order_jurisdiction_id uuid REFERENCES jurisdiction(id),
  order_reference       text,
  order_date            date,
  -- Without an order (end of sentence, detention expired): the justice basis as the justice module gives it.
  justice_basis         text,
  transfer_authority    text,
  identity_verified     boolean NOT NULL,
  photo_shown           boolean NOT NULL,
  fingerprints_taken    boolean NOT NULL,
  check_notes           text,
  checked_by            uuid NOT NULL REFERENCES app_user(id),
  checked_at            timestamptz NOT NULL,
  confirmed_by          uuid REFERENCES app_user(id),
  confirmed_at          timestamptz,
  -- What the registry's inventory held, and what was handed back against the person's signature.
  inventory             jsonb,
  all_returned          boolean,
  returned_notes        text,
  signed_by_person      boolean,
  released_at           timestamptz,
  released_by           uuid REFERENCES app_user(id),
  certificate_number    text UNIQUE,
  cancel_reason         text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (confirmed_by IS NULL OR confirmed_by <> checked_by),
  CHECK (state <> 'released' OR (confirmed_by IS NOT NULL AND released_at IS NOT NULL AND signed_by_person)),
  CHECK (order_reference IS NOT NULL OR justice_basis IS NOT NULL)
);
CREATE INDEX release_prison_state_idx ON release (prison_id, state);
CREATE INDEX release_admission_idx ON release (admission_id);
-- One release in progress per admission.
CREATE UNIQUE INDEX release_open_idx ON release (admission_id) WHERE state IN ('checked', 'confirmed');

-- Escapes and deaths in custody; a recapture readmits the person on the same file, linked here.
CREATE TABLE custody_incident (
  id                     uuid PRIMARY KEY,
  prison_id              uuid NOT NULL REFERENCES prison(id),
  admission_id           uuid NOT NULL REFERENCES admission(id),
  person_id              uuid NOT NULL REFERENCES person(id),
  kind                   text NOT NULL CHECK (kind IN ('escape', 'death')),
  occurred_at            timestamptz NOT NULL,
  place                  text NOT NULL,
  -- How (an escape), the circumstances (a death).
  circumstances          text NOT NULL,
  cause_reported         text,
  recorded_by            uuid NOT NULL REFERENCES app_user(id),
  recaptured_at          timestamptz,
  recapture_place        text,
  recapture_authority    text,
  recapture_admission_id uuid REFERENCES admission(id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'escape' OR recaptured_at IS NULL)
);
CREATE INDEX custody_incident_prison_idx ON custody_incident (prison_id, occurred_at);
CREATE UNIQUE INDEX custody_incident_admission_idx ON custody_incident (admission_id);

-- Who was told, how and when: the family, the designated authorities, police and gendarmerie.
CREATE TABLE movement_notice (
  id           uuid PRIMARY KEY,
  prison_id    uuid NOT NULL REFERENCES prison(id),
  release_id   uuid REFERENCES release(id),
  incident_id  uuid REFERENCES custody_incident(id),
  audience     text NOT NULL CHECK (audience IN ('family', 'authority', 'police', 'gendarmerie', 'prosecutor', 'other')),
  recipient    text NOT NULL CHECK (length(btrim(recipient)) > 0),
  channel      text NOT NULL CHECK (channel IN ('in_person', 'phone', 'letter', 'sms', 'email', 'radio')),
  notified_at  timestamptz NOT NULL,
  notes        text,
  recorded_by  uuid NOT NULL REFERENCES app_user(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((release_id IS NULL) <> (incident_id IS NULL))
);
CREATE INDEX movement_notice_release_idx ON movement_notice (release_id);
CREATE INDEX movement_notice_incident_idx ON movement_notice (incident_id);
