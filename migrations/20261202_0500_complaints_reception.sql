-- An allegation of ill-treatment links to the reception whose medical check recorded the injuries or
-- the allegation (issue 15: "the medical check of the reception links to them").
ALTER TABLE complaint ADD COLUMN reception_id uuid REFERENCES reception(id);
