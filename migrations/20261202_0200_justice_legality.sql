-- Issue 9, item 4: legality alerts that cannot be erased.
-- 1. The arrest warrant's short period is a rule like the others (configurable, versioned).
-- 2. alert_episode: every stretch of time an alert was on (kind, from, to, what ended it); a late
--    extension closes an "expired" episode, it never removes it.
-- 3. justice_state: per admission, the justice situation computed from its titles, charges and
--    hearings, refreshed in the same transaction as every change (refreshJusticeState); the
--    director's alert list and the backlog read it instead of recomputing every case. Triggers mark
--    a row stale when a title, document, charge, hearing or rule changes outside the justice
--    service; readers refresh stale rows first.

ALTER TABLE pretrial_rule DROP CONSTRAINT pretrial_rule_category_check;
ALTER TABLE pretrial_rule ADD CONSTRAINT pretrial_rule_category_check
  CHECK (category IN ('misdemeanour_2y_or_less','misdemeanour_over_2y','felony','terrorism','arrest_warrant'));

INSERT INTO pretrial_rule (id, code, category, legal_basis, effective_from, initial_period, renewal_period, max_renewals, absolute_max, renewal_window_working_days, to_confirm, source) VALUES
  ('01936a40-0000-7000-8000-000000000114', 'cpp2001-arrest-warrant', 'arrest_warrant',
   'Loi n°01-080 du 20 août 2001 portant Code de procédure pénale, art. 114 (mandat d''arrêt); delay before the first interrogation: article to confirm', '2001-08-20',
   '{"days":2}', NULL, 0, NULL, NULL, '{effectiveFrom,initial,legalBasis}',
   'Art. 114 CPP 2001 (the three warrants of the investigating judge) read in the consolidated text indexed by the CJAD (University of Nottingham). The Malian code follows the French code of 1958, whose art. 133 has the person held under an arrest warrant interrogated within 48 hours of incarceration, after which the detention is arbitrary; the Malian article and delay were not read (to confirm).');

CREATE TABLE alert_episode (
  id                   uuid PRIMARY KEY,
  admission_id         uuid NOT NULL REFERENCES admission(id),
  prison_id            uuid NOT NULL REFERENCES prison(id),
  person_id            uuid NOT NULL REFERENCES person(id),
  kind                 text NOT NULL CHECK (kind IN ('expired','no_title','release_due','category_assumed')),
  from_on              date NOT NULL,
  to_on                date,
  resolved_by_title_id uuid,
  resolved_by          text,
  opened_at            timestamptz NOT NULL DEFAULT now(),
  closed_at            timestamptz,
  UNIQUE (admission_id, kind, from_on),
  CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX alert_episode_prison_idx ON alert_episode (prison_id, from_on);
CREATE TRIGGER no_delete BEFORE DELETE ON alert_episode FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

CREATE TABLE justice_state (
  admission_id       uuid PRIMARY KEY REFERENCES admission(id),
  prison_id          uuid NOT NULL REFERENCES prison(id),
  computed_on        date NOT NULL,
  status             text NOT NULL,
  category           text NOT NULL,
  category_assumed   boolean NOT NULL,
  terrorism_related  boolean NOT NULL,
  has_detention_order boolean NOT NULL,
  pretrial_start     date,
  expires_on         date,
  periods            jsonb NOT NULL DEFAULT '[]',
  basis_title_id     uuid,
  judgment_on        date,
  release_on         date,
  release_title_id   uuid,
  outcome_on         date,
  last_hearing_on    date,
  gap_days           integer NOT NULL DEFAULT 0,
  stale              boolean NOT NULL DEFAULT false,
  refreshed_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX justice_state_prison_idx ON justice_state (prison_id);

CREATE FUNCTION pmis_justice_state_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE justice_state SET stale = true WHERE admission_id = NEW.admission_id AND NOT stale;
  RETURN NULL;
END $$;
CREATE TRIGGER justice_state_stale AFTER INSERT OR UPDATE ON legal_title FOR EACH ROW EXECUTE FUNCTION pmis_justice_state_stale();
CREATE TRIGGER justice_state_stale AFTER INSERT OR UPDATE ON legal_document FOR EACH ROW EXECUTE FUNCTION pmis_justice_state_stale();
CREATE TRIGGER justice_state_stale AFTER INSERT OR UPDATE ON charge FOR EACH ROW EXECUTE FUNCTION pmis_justice_state_stale();
CREATE TRIGGER justice_state_stale AFTER INSERT OR UPDATE ON hearing FOR EACH ROW EXECUTE FUNCTION pmis_justice_state_stale();

CREATE FUNCTION pmis_justice_state_all_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE justice_state SET stale = true WHERE NOT stale;
  RETURN NULL;
END $$;
CREATE TRIGGER justice_state_stale AFTER INSERT OR UPDATE ON pretrial_rule FOR EACH STATEMENT EXECUTE FUNCTION pmis_justice_state_all_stale();
