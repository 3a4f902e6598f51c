-- The arrest-to-detention chain, part 2 (issue 20, docs/chain-announce.md): the arresting forces'
-- units and their officers, the arrivals they announce before the transfer, and the documents that
-- follow the person (files kept by the attachments module, read only by the case's prosecutor and
-- the Pôle judiciaire spécialisé's magistrates).

-- A unit of an arresting force (a gendarmerie brigade, a police station, an army unit, the State
-- Security service…). The force is a code of the reference list arresting_authority.
CREATE TABLE force_unit (
  id          uuid PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
  authority   text NOT NULL CHECK (length(btrim(authority)) > 0),
  name        text NOT NULL CHECK (length(btrim(name)) > 0),
  place       text,
  region_code text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The force officers of a unit (role force_officer): they see only their units' announcements.
CREATE TABLE force_unit_member (
  user_id    uuid NOT NULL REFERENCES app_user(id),
  unit_id    uuid NOT NULL REFERENCES force_unit(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, unit_id)
);

-- A transfer announced by a unit before it happens, to a destination prison.
CREATE TABLE chain_announcement (
  id                uuid PRIMARY KEY,
  prison_id         uuid NOT NULL REFERENCES prison(id),
  unit_id           uuid NOT NULL REFERENCES force_unit(id),
  authority         text NOT NULL,
  family_name       text NOT NULL CHECK (length(btrim(family_name)) > 0),
  given_names       text,
  sex               text CHECK (sex IN ('male', 'female')),
  birth_precision   text NOT NULL CHECK (birth_precision IN ('exact', 'month', 'year', 'estimated', 'unknown')),
  birth_date        text,
  estimated_age     integer CHECK (estimated_age BETWEEN 0 AND 120),
  from_place        text NOT NULL CHECK (length(btrim(from_place)) > 0),
  expected_on       date NOT NULL,
  legal_basis       text NOT NULL CHECK (legal_basis IN ('flagrante_delicto', 'police_custody', 'prosecutor_order', 'warrant', 'other')),
  legal_reference   text,
  jurisdiction_id   uuid REFERENCES jurisdiction(id),
  charge            text,
  terrorism_related boolean NOT NULL DEFAULT false,
  information       text,
  evidence          text,
  status            text NOT NULL DEFAULT 'announced' CHECK (status IN ('announced', 'received', 'cancelled')),
  reception_id      uuid REFERENCES reception(id),
  received_at       timestamptz,
  received_by       uuid REFERENCES app_user(id),
  created_by        uuid NOT NULL REFERENCES app_user(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'received') = (reception_id IS NOT NULL))
);
CREATE UNIQUE INDEX chain_announcement_reception ON chain_announcement (reception_id) WHERE reception_id IS NOT NULL;
CREATE INDEX chain_announcement_prison_idx ON chain_announcement (prison_id, status, expected_on);
CREATE INDEX chain_announcement_unit_idx ON chain_announcement (unit_id, created_at);

-- A document from the forces or the prosecutor attached to an announced case (its file is an attachment).
CREATE TABLE chain_document (
  id              uuid PRIMARY KEY,
  announcement_id uuid NOT NULL REFERENCES chain_announcement(id),
  prison_id       uuid NOT NULL REFERENCES prison(id),
  attachment_id   uuid NOT NULL REFERENCES attachment(id),
  source          text NOT NULL CHECK (source IN ('force', 'prosecutor')),
  title           text NOT NULL CHECK (length(btrim(title)) > 0),
  created_by      uuid NOT NULL REFERENCES app_user(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chain_document_announcement_idx ON chain_document (announcement_id);
