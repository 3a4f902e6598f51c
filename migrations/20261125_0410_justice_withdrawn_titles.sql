-- A withdrawn version of a conviction recorded at admission without its sentence (custody's
-- legal_document has no sentence) must be storable: the sentence is required only for a conviction
-- in force. The constraint was created unnamed: find it by its definition.
DO $$
DECLARE c text;
BEGIN
  SELECT conname INTO c FROM pg_constraint
   WHERE conrelid = 'legal_title'::regclass AND contype = 'c'
     AND pg_get_constraintdef(oid) LIKE '%conviction%' AND pg_get_constraintdef(oid) LIKE '%sentence IS NOT NULL%';
  IF c IS NULL THEN RAISE EXCEPTION 'legal_title conviction/sentence constraint not found'; END IF;
  EXECUTE format('ALTER TABLE legal_title DROP CONSTRAINT %I', c);
END $$;
ALTER TABLE legal_title ADD CONSTRAINT legal_title_conviction_sentence CHECK (kind <> 'conviction' OR sentence IS NOT NULL OR withdrawn_at IS NOT NULL);
