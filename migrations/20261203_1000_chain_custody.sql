-- The arrest-to-detention chain (issue 20), part 1: custody before prison (docs/chain-custody.md).
-- Each stage of custody before the person reached the prison (force and unit, place, from and to, the
-- legal basis), entered at the handover from the documents brought and correctable later: a
-- correction is a new version naming the one it corrects (supersedes_id), the old one kept.
-- Police custody (garde à vue) limits are dated rules like the pre-trial limits; the time before the
-- committal order is credited as remand (setting credit_custody); a person held with no committal
-- order or judgment N hours after arrival is alerted (setting without_charge_hours).

CREATE TABLE custody_stage (
  id                         uuid PRIMARY KEY,
  prison_id                  uuid NOT NULL REFERENCES prison(id),
  admission_id               uuid NOT NULL REFERENCES admission(id),
  person_id                  uuid NOT NULL REFERENCES person(id),
  -- The arresting or holding force: a code of the reference list arresting_authority.
  force                      text NOT NULL,
  unit                       text,
  place_kind                 text NOT NULL CHECK (place_kind IN ('gendarmerie_brigade', 'police_station', 'camp_i', 'state_security', 'military_camp', 'other')),
  place_name                 text,
  from_at                    timestamptz NOT NULL,
  -- Empty: until the handover at the prison (the admission).
  to_at                      timestamptz,
  legal_basis                text NOT NULL CHECK (legal_basis IN ('flagrante_delicto', 'garde_a_vue', 'prosecutor_order', 'military_detention', 'not_stated')),
  -- Extensions of the garde à vue granted (by the prosecutor), as the documents say.
  extensions                 integer NOT NULL DEFAULT 0 CHECK (extensions >= 0 AND extensions <= 10),
  extension_reference        text,
  -- Held for a terrorism-related offence: the longer limits apply.
  terrorism                  boolean NOT NULL DEFAULT false,
  document_reference         text,
  -- The competent prosecutor's office (a jurisdiction of the justice module): told of the person held without charge.
  prosecutor_jurisdiction_id uuid REFERENCES jurisdiction(id),
  notes                      text,
  supersedes_id              uuid UNIQUE REFERENCES custody_stage(id),
  correction_reason          text,
  created_by                 uuid NOT NULL REFERENCES app_user(id),
  created_at                 timestamptz NOT NULL DEFAULT now(),
  CHECK (to_at IS NULL OR to_at >= from_at),
  CHECK (supersedes_id IS NULL OR correction_reason IS NOT NULL)
);
CREATE INDEX custody_stage_admission_idx ON custody_stage (admission_id);
CREATE INDEX custody_stage_prosecutor_idx ON custody_stage (prosecutor_jurisdiction_id);

-- Police custody limits, dated and versioned by category (ordinary, terrorism).
CREATE TABLE custody_limit_rule (
  id              uuid PRIMARY KEY,
  category        text NOT NULL CHECK (category IN ('ordinary', 'terrorism')),
  effective_from  date NOT NULL,
  initial_hours   integer NOT NULL CHECK (initial_hours > 0),
  extension_hours integer NOT NULL CHECK (extension_hours >= 0),
  max_extensions  integer NOT NULL CHECK (max_extensions >= 0),
  source          text NOT NULL,
  to_confirm      boolean NOT NULL DEFAULT true,
  version         integer NOT NULL DEFAULT 1,
  updated_by      uuid REFERENCES app_user(id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (category, effective_from)
);

INSERT INTO custody_limit_rule (id, category, effective_from, initial_hours, extension_hours, max_extensions, source, to_confirm) VALUES
('0193a6c0-0000-7000-8000-00000000c001', 'ordinary', '2001-08-20', 48, 48, 1,
 'Code de procédure pénale 2001 (Loi n°01-080): garde à vue de 48 heures, prolongeable par le procureur — article et nombre de prolongations à confirmer (assumed, configurable)', true),
('0193a6c0-0000-7000-8000-00000000c002', 'terrorism', '2001-08-20', 48, 48, 3,
 'CPP 2001 consolidé (Loi n°2013-016), art. 7 lu dans l’index du CJAD: terrorisme, garde à vue de 48 heures prolongeable trois fois (docs/justice.md) — à confirmer au Journal officiel', true);

-- The national settings: hours after arrival before a person with no committal order or judgment is
-- alerted, and whether custody before prison is credited as remand.
CREATE TABLE chain_custody_settings (
  id                   text PRIMARY KEY CHECK (id = 'national'),
  without_charge_hours integer NOT NULL DEFAULT 48 CHECK (without_charge_hours > 0),
  credit_custody       boolean NOT NULL DEFAULT true,
  updated_by           uuid REFERENCES app_user(id),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
INSERT INTO chain_custody_settings (id) VALUES ('national');

-- The justice state (release date with remand credit) follows a stage written or corrected, and the credit setting.
CREATE TRIGGER justice_state_stale AFTER INSERT OR UPDATE ON custody_stage FOR EACH ROW EXECUTE FUNCTION pmis_justice_state_stale();
CREATE TRIGGER justice_state_stale AFTER INSERT OR UPDATE ON chain_custody_settings FOR EACH STATEMENT EXECUTE FUNCTION pmis_justice_state_all_stale();
