-- Sentences (issue 9, item 1): a person's legal situation is a set of cases; a conviction carries its
-- sentence (term, life, death, suspended part, fine: in legal_title.sentence, jsonb) and runs
-- consecutively to, or concurrently with (confusion des peines, ordered by a court), another
-- conviction; remissions, pardons and appeals name the conviction they concern; a pardon may commute
-- a sentence to a term. Titles are still never changed: a correction is a new version (the old value
-- stays). See docs/justice.md, "Release dates".
ALTER TABLE legal_title
  ADD COLUMN case_ref          text CHECK (case_ref IS NULL OR length(case_ref) BETWEEN 1 AND 100),
  ADD COLUMN sentence_relation text CHECK (sentence_relation IN ('consecutive','concurrent')),
  -- The other conviction (a legal_title, or a legal_document recorded at admission: no foreign key).
  ADD COLUMN related_to_id     uuid,
  ADD COLUMN final_on          date,
  -- Remissions, pardons, appeals: the conviction they name (legal_title or legal_document).
  ADD COLUMN applies_to_id     uuid,
  ADD COLUMN commuted_to       jsonb CHECK (commuted_to IS NULL OR jsonb_typeof(commuted_to) = 'object'),
  ADD CONSTRAINT legal_title_relation_pair CHECK ((sentence_relation IS NULL) = (related_to_id IS NULL)),
  ADD CONSTRAINT legal_title_relation_kind CHECK (sentence_relation IS NULL OR kind = 'conviction'),
  ADD CONSTRAINT legal_title_commuted_kind CHECK (commuted_to IS NULL OR kind = 'pardon');
-- Titles follow the person across transfers: the file reads every title of the person's chain of admissions.
CREATE INDEX legal_title_person_idx ON legal_title (person_id, issued_on);

-- A person admitted already convicted: the sentence is entered with the judgment at admission (custody)
-- or at the reception's administration step.
ALTER TABLE legal_document
  ADD COLUMN sentence       jsonb CHECK (sentence IS NULL OR jsonb_typeof(sentence) = 'object'),
  ADD COLUMN sentence_start date,
  ADD COLUMN case_ref       text CHECK (case_ref IS NULL OR length(case_ref) BETWEEN 1 AND 100),
  ADD CONSTRAINT legal_document_sentence_kind CHECK (sentence IS NULL OR kind = 'conviction');
