/** Strings of the age section of the prisoner file. */
import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'person.age.title': { fr: 'Âge et minorité', en: 'Age and minority' },
  'person.age.none': { fr: 'Aucune évaluation de l’âge enregistrée.', en: 'No age assessment recorded.' },
  'person.age.record': { fr: 'Enregistrer une évaluation de l’âge', en: 'Record an age assessment' },
  'person.age.method': { fr: 'Méthode', en: 'Method' },
  'person.age.assessed_by': {
    fr: 'Évaluée par (nom, fonction, institution)',
    en: 'Assessed by (name, function, institution)',
  },
  'person.age.assessed_on': { fr: 'Date de l’évaluation', en: 'Date of the assessment' },
  'person.age.result': { fr: 'Conclusion', en: 'Result' },
  'person.age.minimum_age': { fr: 'Âge minimal retenu', en: 'Lowest age supported' },
  'person.age.minimum_age_hint': {
    fr:
      'L’âge le plus bas compatible avec les constatations, ce jour-là ; obligatoire si la personne est mineure (le ' +
      'bénéfice du doute va à l’enfant).',
    en:
      'The lowest age the findings support on that day; required when the person is a minor (the benefit of the ' +
      'doubt goes to the child).',
  },
  'person.age.notes': { fr: 'Observations', en: 'Notes' },
  'person.age.recorded_at': { fr: 'Enregistrée le', en: 'Recorded on' },
  'person.age.at_least': { fr: 'au moins {n} ans', en: 'at least {n}' },
  'person.age.submit': { fr: 'Enregistrer l’évaluation', en: 'Record the assessment' },
});
