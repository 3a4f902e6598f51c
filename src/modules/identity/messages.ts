import { registerMessages } from '../../core/i18n.js';

/** Every reason code produced by score.ts, and the identity module's other strings, in French and English. */
export const IDENTITY_MESSAGES = {
  'identity.decision.same': { fr: 'Même personne', en: 'Same person' },
  'identity.decision.review': { fr: 'À vérifier', en: 'To be checked' },
  'identity.decision.different': { fr: 'Personnes différentes', en: 'Different people' },

  'identity.reason.name.identical': { fr: 'Noms identiques ({how}).', en: 'Names identical ({how}).' },
  'identity.reason.name.equivalent': {
    fr: 'Noms équivalents après normalisation ({how}) ; similarité {sim}.',
    en: 'Names equivalent after normalisation ({how}); similarity {sim}.',
  },
  'identity.reason.name.similar': {
    fr: 'Noms proches ({how}) ; similarité {sim}.',
    en: 'Names close ({how}); similarity {sim}.',
  },
  'identity.reason.name.partial': {
    fr: 'Noms en partie seulement concordants ({how}) ; similarité {sim}.',
    en: 'Names only partly agree ({how}); similarity {sim}.',
  },
  'identity.reason.name.different': {
    fr: 'Noms différents ; similarité {sim}.',
    en: 'Names differ; similarity {sim}.',
  },

  'identity.reason.family_name.identical': { fr: 'Nom de famille identique : {a}.', en: 'Family name identical: {a}.' },
  'identity.reason.family_name.equivalent': {
    fr: 'Nom de famille équivalent : {a} / {b} ({how}).',
    en: 'Family name equivalent: {a} / {b} ({how}).',
  },
  'identity.reason.family_name.similar': {
    fr: 'Nom de famille proche : {a} / {b} ({how}).',
    en: 'Family name close: {a} / {b} ({how}).',
  },
  'identity.reason.family_name.different': {
    fr: 'Nom de famille différent : {a} / {b}.',
    en: 'Family name differs: {a} / {b}.',
  },
  'identity.reason.family_name.missing': {
    fr: 'Nom de famille absent d’un côté.',
    en: 'Family name missing on one side.',
  },
  'identity.reason.family_name.swapped': {
    fr: 'Nom et prénoms inversés : {a} / {b}.',
    en: 'Family and given names swapped: {a} / {b}.',
  },

  'identity.reason.given_names.identical': { fr: 'Prénoms identiques : {a}.', en: 'Given names identical: {a}.' },
  'identity.reason.given_names.equivalent': {
    fr: 'Prénoms équivalents : {a} / {b} ({how}).',
    en: 'Given names equivalent: {a} / {b} ({how}).',
  },
  'identity.reason.given_names.similar': {
    fr: 'Prénoms proches : {a} / {b} ({how}).',
    en: 'Given names close: {a} / {b} ({how}).',
  },
  'identity.reason.given_names.different': {
    fr: 'Prénoms différents : {a} / {b}.',
    en: 'Given names differ: {a} / {b}.',
  },
  'identity.reason.given_names.missing': { fr: 'Prénoms absents d’un côté.', en: 'Given names missing on one side.' },

  'identity.reason.birth.missing': {
    fr: 'Date de naissance inconnue d’un côté.',
    en: 'Date of birth unknown on one side.',
  },
  'identity.reason.birth.identical': {
    fr: 'Même date de naissance : {a} ({pa}).',
    en: 'Same date of birth: {a} ({pa}).',
  },
  'identity.reason.birth.typo': {
    fr: 'Dates de naissance presque identiques, erreur de saisie probable : {a} ({pa}) / {b} ({pb}).',
    en: 'Dates of birth almost identical, probably a typing error: {a} ({pa}) / {b} ({pb}).',
  },
  'identity.reason.birth.compatible': {
    fr: 'Dates de naissance compatibles compte tenu de leur précision : {a} ({pa}) / {b} ({pb}).',
    en: 'Dates of birth compatible given their precision: {a} ({pa}) / {b} ({pb}).',
  },
  'identity.reason.birth.close': {
    fr: 'Dates de naissance proches mais hors de leur précision ({years} an(s) d’écart) : {a} ({pa}) / {b} ({pb}).',
    en: 'Dates of birth close but outside their precision ({years} year(s) apart): {a} ({pa}) / {b} ({pb}).',
  },
  'identity.reason.birth.incompatible': {
    fr: 'Dates de naissance incompatibles ({years} ans d’écart au-delà de leur précision) : {a} ({pa}) / {b} ({pb}).',
    en: 'Dates of birth incompatible ({years} years apart beyond their precision): {a} ({pa}) / {b} ({pb}).',
  },

  'identity.reason.father_name.missing': {
    fr: 'Nom du père absent d’un côté.',
    en: "Father's name missing on one side.",
  },
  'identity.reason.father_name.agree': { fr: 'Même père : {a} / {b} ({how}).', en: 'Same father: {a} / {b} ({how}).' },
  'identity.reason.father_name.similar': {
    fr: 'Noms du père proches : {a} / {b} ({how}).',
    en: "Fathers' names close: {a} / {b} ({how}).",
  },
  'identity.reason.father_name.partial': {
    fr: 'Noms du père en partie différents : {a} / {b}.',
    en: "Fathers' names partly differ: {a} / {b}.",
  },
  'identity.reason.father_name.different': { fr: 'Pères différents : {a} / {b}.', en: 'Different fathers: {a} / {b}.' },

  'identity.reason.mother_name.missing': {
    fr: 'Nom de la mère absent d’un côté.',
    en: "Mother's name missing on one side.",
  },
  'identity.reason.mother_name.agree': { fr: 'Même mère : {a} / {b} ({how}).', en: 'Same mother: {a} / {b} ({how}).' },
  'identity.reason.mother_name.similar': {
    fr: 'Noms de la mère proches : {a} / {b} ({how}).',
    en: "Mothers' names close: {a} / {b} ({how}).",
  },
  'identity.reason.mother_name.partial': {
    fr: 'Noms de la mère en partie différents : {a} / {b}.',
    en: "Mothers' names partly differ: {a} / {b}.",
  },
  'identity.reason.mother_name.different': {
    fr: 'Mères différentes : {a} / {b}.',
    en: 'Different mothers: {a} / {b}.',
  },

  'identity.reason.place.missing': {
    fr: 'Lieu de naissance absent d’un côté.',
    en: 'Place of birth missing on one side.',
  },
  'identity.reason.place.agree': { fr: 'Même lieu de naissance : {a}.', en: 'Same place of birth: {a}.' },
  'identity.reason.place.similar': {
    fr: 'Lieux de naissance proches : {a} / {b}.',
    en: 'Places of birth close: {a} / {b}.',
  },
  'identity.reason.place.different': {
    fr: 'Lieux de naissance différents : {a} / {b}.',
    en: 'Different places of birth: {a} / {b}.',
  },

  'identity.reason.nina.missing': { fr: 'NINA absent d’un côté.', en: 'NINA missing on one side.' },
  'identity.reason.nina.equal': { fr: 'Même NINA : {a}.', en: 'Same NINA: {a}.' },
  'identity.reason.nina.different': { fr: 'NINA différents : {a} / {b}.', en: 'Different NINA: {a} / {b}.' },

  'identity.precision.exact': { fr: 'date exacte', en: 'exact date' },
  'identity.precision.month': { fr: 'mois', en: 'month' },
  'identity.precision.year': { fr: 'année', en: 'year' },
  'identity.precision.estimated': { fr: 'estimée', en: 'estimated' },
  'identity.how.identical': { fr: 'identique', en: 'identical' },
  'identity.how.equivalent': { fr: 'variante', en: 'variant' },
  'identity.how.phonetic': { fr: 'même son', en: 'same sound' },
  'identity.how.typo': { fr: 'faute de frappe probable', en: 'probable typing error' },
  'identity.how.initial': { fr: 'initiale', en: 'initial' },
  'identity.how.none': { fr: 'différent', en: 'different' },

  'identity.compare.missing_columns': {
    fr: 'Colonnes manquantes dans le fichier : {columns}.',
    en: 'Columns missing from the file: {columns}.',
  },
  'identity.compare.bad_precision': {
    fr: 'Ligne {row} : précision de date inconnue « {value} » (exact, month, year, estimated).',
    en: 'Row {row}: unknown date precision "{value}" (exact, month, year, estimated).',
  },
  'identity.query.birth_date': {
    fr: 'Date de naissance : AAAA, AAAA-MM ou AAAA-MM-JJ.',
    en: 'Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.',
  },
  'identity.person_unknown': { fr: 'Personne inconnue.', en: 'Unknown person.' },
  'identity.person_merged': {
    fr: 'Ce dossier a été fusionné dans un autre ({into}) : utilisez celui-ci.',
    en: 'This file was merged into another ({into}): use that one.',
  },
  'identity.merge_same': {
    fr: 'On ne peut pas fusionner un dossier avec lui-même.',
    en: 'A file cannot be merged with itself.',
  },
  'identity.already_merged': {
    fr: 'Le dossier {id} est déjà fusionné dans un autre.',
    en: 'File {id} is already merged into another.',
  },
  'identity.has_merged_persons': {
    fr: "D'autres dossiers ont été fusionnés dans celui-ci : annulez d'abord ces fusions ou fusionnez dans l'autre sens.",
    en: 'Other files were merged into this one: undo those merges first or merge the other way round.',
  },
  'identity.both_held': {
    fr: 'Les deux dossiers ont une incarcération en cours ({a}, {b}) : clôturez-en une avant de fusionner.',
    en: 'Both files have an open admission ({a}, {b}): end one before merging.',
  },
  'identity.merge_undone': { fr: 'Cette fusion a déjà été annulée.', en: 'This merge has already been undone.' },
  'identity.minimal.reason': {
    fr: '{field} : {verdict} (valeur détenue par un autre établissement).',
    en: '{field}: {verdict} (value held by another prison).',
  },
  'identity.minimal.field.father_name': { fr: 'Nom du père', en: "Father's name" },
  'identity.minimal.field.mother_name': { fr: 'Nom de la mère', en: "Mother's name" },
  'identity.minimal.field.birth_date': { fr: 'Date de naissance', en: 'Date of birth' },
  'identity.minimal.field.birth_place': { fr: 'Lieu de naissance', en: 'Place of birth' },
  'identity.minimal.field.nina': { fr: 'NINA', en: 'NINA' },
  'identity.minimal.verdict.identical': { fr: 'identique', en: 'identical' },
  'identity.minimal.verdict.equivalent': { fr: 'concordant', en: 'agrees' },
  'identity.minimal.verdict.similar': { fr: 'proche', en: 'close' },
  'identity.minimal.verdict.partial': { fr: 'en partie concordant', en: 'partly agrees' },
  'identity.minimal.verdict.compatible': { fr: 'compatible', en: 'compatible' },
  'identity.minimal.verdict.probable_typo': { fr: 'faute de frappe probable', en: 'probable typing error' },
  'identity.minimal.verdict.different': { fr: 'différent', en: 'different' },
  'identity.minimal.verdict.incompatible': { fr: 'incompatible', en: 'incompatible' },
  'identity.minimal.verdict.swapped': { fr: 'inversé', en: 'swapped' },
  'identity.minimal.verdict.missing': { fr: 'non renseigné', en: 'not given' },
  'identity.both_held_elsewhere': {
    fr:
      'Les deux dossiers ont une incarcération en cours ({a}, {b}) : clôturez-en une avant de fusionner ; pour un ' +
      "autre établissement, contactez l'administration nationale.",
    en: 'Both files have an open admission ({a}, {b}): end one before merging; for another prison, contact the national administration.',
  },
  'identity.scan.national': {
    fr: "La recherche de doublons porte sur tout le registre : elle est réservée à l'administration nationale.",
    en: 'The duplicate scan covers the whole registry: it is for the national administration.',
  },
  'identity.scan.done': {
    fr: '{scanned} personnes examinées, {pairs} doublons probables.',
    en: '{scanned} persons examined, {pairs} probable duplicates.',
  },
} as const;

registerMessages(IDENTITY_MESSAGES);
