-- Dated capacities and prison status (issue 9): occupancy at a past date uses the official capacity
-- then in force. Each change has an effective date, a reason, a source and who recorded it; rows are
-- never changed or deleted. An effective date left empty means "in force since before the
-- registry's records" (an assumption, shown as such).
CREATE TABLE prison_capacity (
  id                uuid PRIMARY KEY,
  prison_id         uuid NOT NULL REFERENCES prison(id),
  official_capacity integer CHECK (official_capacity IS NULL OR official_capacity >= 0),
  effective_from    date,
  reason            text NOT NULL,
  source            text,
  recorded_by       uuid REFERENCES app_user(id),
  recorded_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prison_capacity_prison_idx ON prison_capacity (prison_id, effective_from);

CREATE TABLE prison_status (
  id             uuid PRIMARY KEY,
  prison_id      uuid NOT NULL REFERENCES prison(id),
  status         text NOT NULL CHECK (status IN ('open','closed','destroyed','under_reconstruction')),
  effective_from date,
  reason         text NOT NULL,
  source         text,
  recorded_by    uuid REFERENCES app_user(id),
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prison_status_prison_idx ON prison_status (prison_id, effective_from);

CREATE TRIGGER no_delete BEFORE DELETE ON prison_capacity FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();
CREATE TRIGGER no_delete BEFORE DELETE ON prison_status FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

-- Today's capacities become the first dated values: in force since the prison opened, or, when
-- the opening date is not known, since before the registry's records.
INSERT INTO prison_capacity (id, prison_id, official_capacity, effective_from, reason, source)
  SELECT gen_random_uuid(), id, official_capacity, opened_on,
         'Capacité officielle enregistrée avant la datation des capacités', 'migration 20261201_1120'
  FROM prison;
INSERT INTO prison_status (id, prison_id, status, effective_from, reason, source)
  SELECT gen_random_uuid(), id, 'open', opened_on,
         'Établissement ouvert à la mise en place des statuts datés', 'migration 20261201_1120'
  FROM prison;
