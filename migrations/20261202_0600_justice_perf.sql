-- Issue 9: the justice alert list and the backlog fast enough for the home page of the largest prison.
-- The people of a prison who left after a date (the second half of heldStateRows): by prison and
-- end, not by scanning every past admission of the prison through (prison_id, admitted_at, ended_at).
CREATE INDEX admission_prison_ended_idx ON admission (prison_id, ended_at) WHERE ended_at IS NOT NULL;
