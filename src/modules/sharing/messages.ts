import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'sharing.prison_unknown': { fr: 'Établissement inconnu.', en: 'Unknown prison.' },
  'sharing.categories': {
    fr: 'Choisissez ce qui est ouvert : historique judiciaire, historique du dossier, accueil, classement, évaluations.',
    en: 'Choose what is opened: legal history, file history, reception, classification, assessments.',
  },
  'sharing.same_prison': {
    fr: "L'établissement destinataire doit être différent de celui qui détient les données.",
    en: 'The receiving prison must differ from the prison holding the data.',
  },
  'sharing.no_data_there': {
    fr: 'Cet établissement ne détient pas de données sur cette personne.',
    en: 'That prison holds no data about this person.',
  },
  'sharing.not_known_there': {
    fr: "Cette personne n'est pas connue de l'établissement destinataire (ni inscrite ni écrouée).",
    en: 'This person is not known to the receiving prison (neither registered nor admitted there).',
  },
  'sharing.already_revoked': { fr: 'Cette ouverture est déjà révoquée.', en: 'This opening is already revoked.' },
  'sharing.category.legal_history': { fr: 'historique judiciaire', en: 'legal history' },
  'sharing.category.history': { fr: 'historique du dossier', en: 'file history' },
  'sharing.category.reception': { fr: 'accueil', en: 'reception' },
  'sharing.category.classification': { fr: 'classement', en: 'classification' },
  'sharing.category.assessment': { fr: 'évaluations', en: 'assessments' },
  'sharing.kind.readmission': { fr: 'Réadmission', en: 'Re-admission' },
  'sharing.kind.decision': { fr: 'Décision', en: 'Decision' },
});
