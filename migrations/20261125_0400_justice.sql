-- The justice chain (issue 5): legal titles over time, pre-trial detention limit rules, hearings
-- and production orders, partner jurisdictions (prosecutors' offices, courts). See docs/justice.md.
-- The documents recorded at admission (legal_document) are the first titles of an admission; the
-- titles added later, and corrections of either, are rows of legal_title. Nothing is deleted, and a
-- title's content never changes: a correction is a new version that supersedes the old one.

-- Courts, prosecutors' offices and the specialised judicial unit whose staff get partner accounts.
CREATE TABLE jurisdiction (
  id          uuid PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('investigating_judge','prosecutor','pole_judiciaire_specialise','liberty_detention_college',
                'court_first_instance','indictment_chamber','assize_court','criminal_chamber','appeal_court','supreme_court','head_of_state','other')),
  region_code text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- A partner account's jurisdictions (prosecutor role): what it may read and write.
CREATE TABLE user_jurisdiction (
  user_id         uuid NOT NULL REFERENCES app_user(id),
  jurisdiction_id uuid NOT NULL REFERENCES jurisdiction(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, jurisdiction_id)
);
CREATE INDEX user_jurisdiction_jurisdiction_idx ON user_jurisdiction (jurisdiction_id);

CREATE TABLE legal_title (
  id                 uuid PRIMARY KEY,
  prison_id          uuid NOT NULL REFERENCES prison(id),
  admission_id       uuid NOT NULL REFERENCES admission(id),
  person_id          uuid NOT NULL REFERENCES person(id),
  kind               text NOT NULL CHECK (kind IN ('committal_order','arrest_warrant','extension_order','committal_for_trial','conviction',
                       'acquittal','release_order','appeal','pardon','remission')),
  authority_kind     text NOT NULL CHECK (authority_kind IN ('investigating_judge','prosecutor','pole_judiciaire_specialise','liberty_detention_college',
                       'court_first_instance','indictment_chamber','assize_court','criminal_chamber','appeal_court','supreme_court','head_of_state','other')),
  authority          text NOT NULL,
  jurisdiction_id    uuid REFERENCES jurisdiction(id),
  reference          text NOT NULL,
  issued_on          date NOT NULL,
  offence_category   text CHECK (offence_category IN ('misdemeanour_2y_or_less','misdemeanour_over_2y','felony','terrorism')),
  effective_from     date,
  valid_until        date,
  period             jsonb CHECK (period IS NULL OR jsonb_typeof(period) = 'object'),
  sentence           jsonb CHECK (sentence IS NULL OR jsonb_typeof(sentence) = 'object'),
  sentence_start     date,
  remand_credit_days integer CHECK (remand_credit_days IS NULL OR remand_credit_days >= 0),
  reduction          jsonb CHECK (reduction IS NULL OR jsonb_typeof(reduction) = 'object'),
  pardon_scope       text CHECK (pardon_scope IN ('full','partial')),
  attachment_id      uuid REFERENCES attachment(id),
  notes              text,
  -- A correction: the title (legal_title or legal_document) this version replaces, and why.
  -- Unique: a version is corrected once; the next correction corrects the correction.
  supersedes_id      uuid UNIQUE,
  correction_reason  text,
  -- Recorded in error: kept, no longer in force.
  withdrawn_at       timestamptz,
  withdrawn_by       uuid REFERENCES app_user(id),
  withdrawn_reason   text,
  created_by         uuid NOT NULL REFERENCES app_user(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL)),
  CHECK (kind <> 'conviction' OR sentence IS NOT NULL),
  CHECK (valid_until IS NULL OR valid_until >= coalesce(effective_from, issued_on))
);
CREATE INDEX legal_title_admission_idx ON legal_title (admission_id, issued_on);
CREATE INDEX legal_title_prison_idx ON legal_title (prison_id, issued_on);
CREATE INDEX legal_title_jurisdiction_idx ON legal_title (jurisdiction_id) WHERE jurisdiction_id IS NOT NULL;

-- A title's content is fixed once written; only the withdrawal may be set, once.
CREATE FUNCTION legal_title_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'withdrawn_at' - 'withdrawn_by' - 'withdrawn_reason') <> (to_jsonb(OLD) - 'withdrawn_at' - 'withdrawn_by' - 'withdrawn_reason')
     OR OLD.withdrawn_at IS NOT NULL THEN
    RAISE EXCEPTION 'legal titles are never changed: correct them with a new version' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER legal_title_immutable BEFORE UPDATE ON legal_title FOR EACH ROW EXECUTE FUNCTION legal_title_immutable();
CREATE TRIGGER no_delete BEFORE DELETE ON legal_title FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

-- Pre-trial detention limits, maintained by an administrator, versioned by legal basis and date.
CREATE TABLE pretrial_rule (
  id                          uuid PRIMARY KEY,
  code                        text NOT NULL UNIQUE,
  category                    text NOT NULL CHECK (category IN ('misdemeanour_2y_or_less','misdemeanour_over_2y','felony','terrorism')),
  legal_basis                 text NOT NULL,
  effective_from              date NOT NULL,
  effective_to                date,
  initial_period              jsonb NOT NULL CHECK (jsonb_typeof(initial_period) = 'object'),
  renewal_period              jsonb CHECK (renewal_period IS NULL OR jsonb_typeof(renewal_period) = 'object'),
  max_renewals                integer CHECK (max_renewals IS NULL OR max_renewals >= 0),
  absolute_max                jsonb CHECK (absolute_max IS NULL OR jsonb_typeof(absolute_max) = 'object'),
  renewal_window_working_days integer CHECK (renewal_window_working_days IS NULL OR renewal_window_working_days > 0),
  to_confirm                  text[] NOT NULL DEFAULT '{}',
  source                      text NOT NULL,
  version                     integer NOT NULL DEFAULT 1,
  created_by                  uuid REFERENCES app_user(id),
  created_at                  timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_to > effective_from)
);
CREATE TRIGGER no_delete BEFORE DELETE ON pretrial_rule FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

-- The administration's alert thresholds (policy, not law). One row.
CREATE TABLE justice_settings (
  id                   boolean PRIMARY KEY DEFAULT true CHECK (id),
  expiring_within_days integer NOT NULL DEFAULT 30 CHECK (expiring_within_days BETWEEN 0 AND 365),
  no_hearing_months    integer NOT NULL DEFAULT 6 CHECK (no_hearing_months BETWEEN 1 AND 60),
  version              integer NOT NULL DEFAULT 1,
  updated_at           timestamptz NOT NULL DEFAULT now()
);
INSERT INTO justice_settings (id) VALUES (true);

-- Court appearances: the production order (ordre d'extraction), the escort, and the outcome.
CREATE TABLE hearing (
  id                   uuid PRIMARY KEY,
  prison_id            uuid NOT NULL REFERENCES prison(id),
  admission_id         uuid NOT NULL REFERENCES admission(id),
  person_id            uuid NOT NULL REFERENCES person(id),
  jurisdiction_id      uuid REFERENCES jurisdiction(id),
  court                text NOT NULL,
  scheduled_at         timestamptz NOT NULL,
  purpose              text,
  production_order_ref text,
  ordered_by           text,
  escort_unit          text,
  escort_leader        text,
  escort_size          integer CHECK (escort_size IS NULL OR escort_size BETWEEN 0 AND 200),
  vehicle              text,
  outcome              text CHECK (outcome IN ('held','adjourned','not_produced','cancelled')),
  outcome_notes        text,
  next_date            date,
  outcome_by           uuid REFERENCES app_user(id),
  outcome_at           timestamptz,
  version              integer NOT NULL DEFAULT 1,
  created_by           uuid NOT NULL REFERENCES app_user(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((outcome IS NULL) = (outcome_at IS NULL))
);
CREATE INDEX hearing_prison_day_idx ON hearing (prison_id, scheduled_at);
CREATE INDEX hearing_admission_idx ON hearing (admission_id, scheduled_at);
CREATE INDEX hearing_jurisdiction_idx ON hearing (jurisdiction_id) WHERE jurisdiction_id IS NOT NULL;
CREATE TRIGGER no_delete BEFORE DELETE ON hearing FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON jurisdiction FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

-- The Malian defaults: Code of Criminal Procedure of 2001 (Loi n°01-080 du 20 août 2001).
-- Mirrors DEFAULT_PRETRIAL_RULES in src/modules/justice/rules.ts (a test checks they agree).
INSERT INTO pretrial_rule (id, code, category, legal_basis, effective_from, initial_period, renewal_period, max_renewals, absolute_max, renewal_window_working_days, to_confirm, source) VALUES
  ('01936a40-0000-7000-8000-000000000125', 'cpp2001-art125', 'misdemeanour_2y_or_less', 'Loi n°01-080 du 20 août 2001 portant Code de procédure pénale, art. 125', '2001-08-20',
   '{"months":1}', NULL, 0, '{"months":1}', NULL, '{effectiveFrom,countedFromFirstAppearance}',
   'Article text as quoted by maliweb.net, afribone.com and malizine.com; the primary Journal officiel text was not read.'),
  ('01936a40-0000-7000-8000-000000000127', 'cpp2001-art127', 'misdemeanour_over_2y', 'Loi n°01-080 du 20 août 2001 portant Code de procédure pénale, art. 127', '2001-08-20',
   '{"months":6}', '{"months":6}', 1, '{"months":12}', NULL, '{effectiveFrom}',
   'Article text as quoted by maliweb.net, afribone.com and malizine.com; the primary Journal officiel text was not read.'),
  ('01936a40-0000-7000-8000-000000000135', 'cpp2001-art135', 'felony', 'Loi n°01-080 du 20 août 2001 portant Code de procédure pénale, art. 135', '2001-08-20',
   '{"years":1}', '{"years":1}', NULL, '{"years":3}', 8, '{effectiveFrom}',
   'Article text as quoted by maliweb.net, afribone.com and malizine.com; the primary Journal officiel text was not read.'),
  ('01936a40-0000-7000-8000-000000001350', 'cpp2001-art135-terrorism', 'terrorism', 'Loi n°01-080 du 20 août 2001 portant Code de procédure pénale, art. 135 (no special pre-trial period for terrorism found)', '2001-08-20',
   '{"years":1}', '{"years":1}', NULL, '{"years":3}', 8, '{effectiveFrom,initial,renewal,maxRenewals,absoluteMax}',
   'As art. 135; terrorism offences are felonies. Loi 2013-016 set a special custody period (CPP art. 7), no special pre-trial detention period was found.');
