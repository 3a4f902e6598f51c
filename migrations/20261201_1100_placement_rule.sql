-- One placement rule for every path (issue 9): every placement records which path put the person
-- in the cell, the rules a director overrode (with the reason and who), and, when a cell's capacity
-- was exceeded by a placing officer, the director's standing decision that allowed it.

-- A director's standing decision, per prison, that lets the placing officers exceed a cell's
-- capacity with a reason given for each placement. Capacity only: separation rules (Nelson Mandela
-- Rule 11), keep-apart records and the high-risk policy always need the director. Default: none.
CREATE TABLE capacity_delegation (
  id          uuid PRIMARY KEY,
  prison_id   uuid NOT NULL REFERENCES prison(id),
  reason      text NOT NULL,
  decided_by  uuid NOT NULL REFERENCES app_user(id),
  decided_at  timestamptz NOT NULL DEFAULT now(),
  ended_at    timestamptz,
  ended_by    uuid REFERENCES app_user(id),
  end_reason  text,
  CHECK ((ended_at IS NULL) = (ended_by IS NULL)),
  CHECK (ended_at IS NULL OR end_reason IS NOT NULL)
);
CREATE UNIQUE INDEX capacity_delegation_one_open_idx ON capacity_delegation (prison_id) WHERE ended_at IS NULL;
CREATE TRIGGER no_delete BEFORE DELETE ON capacity_delegation FOR EACH ROW EXECUTE FUNCTION pmis_forbid_delete();

ALTER TABLE placement
  ADD COLUMN via text CHECK (via IN ('admission','reception','move','allocation','import','transfer')),
  ADD COLUMN overridden text[] NOT NULL DEFAULT '{}',
  ADD COLUMN override_reason text,
  ADD COLUMN override_by uuid REFERENCES app_user(id),
  ADD COLUMN capacity_delegation_id uuid REFERENCES capacity_delegation(id),
  ADD CONSTRAINT placement_override_has_reason CHECK (cardinality(overridden) = 0 OR coalesce(override_reason, over_capacity_reason) IS NOT NULL),
  ADD CONSTRAINT placement_override_has_author CHECK (cardinality(overridden) = 0 OR override_by IS NOT NULL);

-- The breach report and the placement check read the open placements of a cell.
CREATE INDEX placement_open_cell_idx ON placement (cell_id) WHERE to_at IS NULL;
CREATE INDEX placement_open_prison_idx ON placement (prison_id) WHERE to_at IS NULL;
