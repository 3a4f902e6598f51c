-- The current population list is ordered by admission time (newest first) with the id as tie-break:
-- an index in that exact order lets a page be read without sorting the whole prison.
CREATE INDEX admission_current_order_idx ON admission (prison_id, admitted_at DESC, id DESC) WHERE ended_at IS NULL;
DROP INDEX admission_prison_current_idx;
