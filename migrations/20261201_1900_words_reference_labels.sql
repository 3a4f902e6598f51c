-- Words (issue 9, item 6): "Sécurité d'État" lost its apostrophe in the reference data of
-- 20261125_0110 ("Sécurité dÉtat"). Corrected here (an applied migration is never edited).
UPDATE reference_code SET label_fr = 'Sécurité d''État'
 WHERE kind = 'arresting_authority' AND code = 'state_security' AND label_fr = 'Sécurité dÉtat';
