import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'person.birth_date_format.exact': {
    fr: 'Date de naissance au format AAAA-MM-JJ.',
    en: 'Date of birth as YYYY-MM-DD.',
  },
  'person.birth_date_format.month': { fr: 'Mois de naissance au format AAAA-MM.', en: 'Month of birth as YYYY-MM.' },
  'person.birth_date_format.year': { fr: 'Année de naissance au format AAAA.', en: 'Year of birth as YYYY.' },
  'person.birth_too_old': {
    fr: 'Date de naissance invraisemblable (plus de 120 ans).',
    en: 'Implausible date of birth (over 120 years).',
  },
  'person.estimated_age_range': {
    fr: "L'âge estimé doit être un nombre entier entre 0 et 120.",
    en: 'The estimated age must be a whole number from 0 to 120.',
  },
  'person.birth_precision': {
    fr: 'Précision de la date de naissance inconnue.',
    en: 'Unknown precision for the date of birth.',
  },
  'person.nina_format': { fr: 'NINA : 8 à 20 chiffres ou lettres.', en: 'NINA: 8 to 20 digits or letters.' },
  'person.nina_taken': {
    fr: 'Ce NINA est déjà enregistré pour une autre personne.',
    en: 'This NINA is already registered for another person.',
  },
  'person.version_conflict': {
    fr: 'Le dossier a été modifié entre-temps (version {current}) ; rechargez-le.',
    en: 'The file was changed meanwhile (version {current}); reload it.',
  },
  'person.nothing_changed': { fr: 'Aucune modification.', en: 'Nothing changed.' },
  'person.sex.male': { fr: 'Homme', en: 'Male' },
  'person.sex.female': { fr: 'Femme', en: 'Female' },
  'person.precision.exact': { fr: 'exacte', en: 'exact' },
  'person.precision.month': { fr: 'mois connu', en: 'month known' },
  'person.precision.year': { fr: 'année connue', en: 'year known' },
  'person.precision.estimated': { fr: 'âge estimé', en: 'estimated age' },
  'person.precision.unknown': { fr: 'inconnue', en: 'unknown' },
  'person.age.minor': {
    fr: 'Mineur(e) : moins de 18 ans d’après la date de naissance',
    en: 'Minor: under 18 by the date of birth',
  },
  'person.age.adult': {
    fr: 'Majeur(e) : 18 ans ou plus d’après la date de naissance',
    en: 'Adult: 18 or over by the date of birth',
  },
  'person.age.age_uncertain': {
    fr: 'Traité(e) comme mineur(e) : âge incertain, aucune évaluation de l’âge',
    en: 'Treated as a minor: age uncertain, no age assessment',
  },
  'person.age.age_uncertain_inconclusive': {
    fr: 'Traité(e) comme mineur(e) : âge incertain, évaluation de l’âge non concluante',
    en: 'Treated as a minor: age uncertain, age assessment inconclusive',
  },
  'person.age.age_unknown': {
    fr: 'Traité(e) comme mineur(e) : date de naissance inconnue, aucune évaluation de l’âge',
    en: 'Treated as a minor: date of birth unknown, no age assessment',
  },
  'person.age.age_unknown_inconclusive': {
    fr: 'Traité(e) comme mineur(e) : date de naissance inconnue, évaluation de l’âge non concluante',
    en: 'Treated as a minor: date of birth unknown, age assessment inconclusive',
  },
  'person.age.assessed_minor': {
    fr: 'Mineur(e) selon l’évaluation de l’âge du {date}',
    en: 'Minor according to the age assessment of {date}',
  },
  'person.age.assessed_adult': {
    fr: 'Majeur(e) selon l’évaluation de l’âge du {date}',
    en: 'Adult according to the age assessment of {date}',
  },
  'person.age.method.documents': { fr: 'Pièces d’état civil ou documents', en: 'Civil status or other documents' },
  'person.age.method.psychosocial': {
    fr: 'Entretien et évaluation psychosociale',
    en: 'Interview and psychosocial assessment',
  },
  'person.age.method.medical': { fr: 'Examen médical', en: 'Medical examination' },
  'person.age.method.judicial': { fr: 'Décision judiciaire', en: 'Judicial decision' },
  'person.age.method.other': { fr: 'Autre méthode', en: 'Other method' },
  'person.age.result.minor': { fr: 'Mineur(e)', en: 'Minor' },
  'person.age.result.adult': { fr: 'Majeur(e)', en: 'Adult' },
  'person.age.result.inconclusive': { fr: 'Non concluant', en: 'Inconclusive' },
  'person.age.minimum_age_minor': {
    fr: 'Indiquez l’âge minimal retenu (moins de 18 ans) : le bénéfice du doute va à l’enfant.',
    en: 'Give the lowest age the findings support (under 18): the benefit of the doubt goes to the child.',
  },
  'person.age.minimum_age_adult': {
    fr: 'Un âge minimal de moins de 18 ans ne permet pas de conclure à la majorité.',
    en: 'A lowest age under 18 does not support a finding of adulthood.',
  },
  'person.age.method_unknown': {
    fr: 'Choisissez une méthode de la liste : documents, évaluation psychosociale, examen médical, décision judiciaire, autre.',
    en: 'Choose a method from the list: documents, psychosocial assessment, medical examination, judicial decision, other.',
  },
  'person.age.result_unknown': {
    fr: 'Choisissez un résultat de la liste : mineur, majeur, non concluant.',
    en: 'Choose a result from the list: minor, adult, inconclusive.',
  },
  'person.age.assessed_by_required': {
    fr: 'Indiquez qui a évalué l’âge (nom, fonction, institution).',
    en: 'Say who assessed the age (name, function, institution).',
  },
});
