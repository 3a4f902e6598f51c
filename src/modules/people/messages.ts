import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'person.birth_date_format.exact': { fr: 'Date de naissance au format AAAA-MM-JJ.', en: 'Date of birth as YYYY-MM-DD.' },
  'person.birth_date_format.month': { fr: 'Mois de naissance au format AAAA-MM.', en: 'Month of birth as YYYY-MM.' },
  'person.birth_date_format.year': { fr: 'Année de naissance au format AAAA.', en: 'Year of birth as YYYY.' },
  'person.birth_too_old': { fr: 'Date de naissance invraisemblable (plus de 120 ans).', en: 'Implausible date of birth (over 120 years).' },
  'person.estimated_age_range': { fr: "L'âge estimé doit être un nombre entier entre 0 et 120.", en: 'The estimated age must be a whole number from 0 to 120.' },
  'person.birth_precision': { fr: 'Précision de la date de naissance inconnue.', en: 'Unknown precision for the date of birth.' },
  'person.nina_format': { fr: 'NINA : 8 à 20 chiffres ou lettres.', en: 'NINA: 8 to 20 digits or letters.' },
  'person.nina_taken': { fr: 'Ce NINA est déjà enregistré pour une autre personne.', en: 'This NINA is already registered for another person.' },
  'person.version_conflict': { fr: "Le dossier a été modifié entre-temps (version {current}) ; rechargez-le.", en: 'The file was changed meanwhile (version {current}); reload it.' },
  'person.nothing_changed': { fr: 'Aucune modification.', en: 'Nothing changed.' },
  'person.sex.male': { fr: 'Homme', en: 'Male' },
  'person.sex.female': { fr: 'Femme', en: 'Female' },
  'person.precision.exact': { fr: 'exacte', en: 'exact' },
  'person.precision.month': { fr: 'mois connu', en: 'month known' },
  'person.precision.year': { fr: 'année connue', en: 'year known' },
  'person.precision.estimated': { fr: 'âge estimé', en: 'estimated age' },
  'person.precision.unknown': { fr: 'inconnue', en: 'unknown' },
});
