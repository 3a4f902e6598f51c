-- Files received during a reception (warrant scan, photo, fingerprints) before or after the file exists.
ALTER TABLE attachment ADD COLUMN reception_id uuid REFERENCES reception(id);
CREATE INDEX attachment_reception_idx ON attachment (reception_id) WHERE reception_id IS NOT NULL;
