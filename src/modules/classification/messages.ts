/** Every user-facing string of classification, assessment and cell leaders, in French and English. */
import { registerMessages } from '../../core/i18n.js';

registerMessages({
  // Instruments and assessments (instruments.ts).
  'classification.instrument.text_both_languages': {
    fr: 'Ce texte est requis en français et en anglais.',
    en: 'This text is required in French and in English.',
  },
  'classification.instrument.code_format': {
    fr: 'Code invalide : lettres minuscules, chiffres et « _ », commençant par une lettre (40 au plus).',
    en: 'Invalid code: lower-case letters, digits and “_”, starting with a letter (at most 40).',
  },
  'classification.instrument.kind': {
    fr: 'Le type doit être « risk » ou « needs ».',
    en: 'The kind must be “risk” or “needs”.',
  },
  'classification.instrument.duplicate_code': {
    fr: 'Ce code est déjà utilisé dans l’instrument.',
    en: 'This code is already used in the instrument.',
  },
  'classification.instrument.scale_levels': {
    fr: 'Une échelle a au moins deux niveaux ordonnés.',
    en: 'A scale has at least two ordered levels.',
  },
  'classification.instrument.rank': {
    fr: 'Le rang est un entier positif, unique dans l’échelle (ou vide pour « information insuffisante »).',
    en: 'The rank is a non-negative whole number, unique in the scale (or empty for “information insufficient”).',
  },
  'classification.instrument.no_domain': {
    fr: 'Un instrument a au moins un domaine.',
    en: 'An instrument has at least one domain.',
  },
  'classification.instrument.no_item': { fr: 'Un domaine a au moins un item.', en: 'A domain has at least one item.' },
  'classification.instrument.protective': {
    fr: 'Indiquez si le domaine est un facteur de protection (vrai ou faux).',
    en: 'Say whether the domain is protective (true or false).',
  },
  'classification.instrument.unknown_scale': {
    fr: 'Cette échelle n’est pas définie dans l’instrument.',
    en: 'This scale is not defined in the instrument.',
  },
  'classification.instrument.judgement_options': {
    fr: 'Le jugement d’ensemble propose au moins deux réponses.',
    en: 'The overall judgement offers at least two answers.',
  },
  'classification.instrument.code_changed': {
    fr: 'Une nouvelle version garde le code de l’instrument.',
    en: 'A new version keeps the instrument’s code.',
  },
  'classification.instrument.kind_changed': {
    fr: 'Une nouvelle version garde le type de l’instrument.',
    en: 'A new version keeps the instrument’s kind.',
  },
  'classification.assessment.unknown_item': {
    fr: 'Cet item n’existe pas dans cette version de l’instrument.',
    en: 'This item does not exist in this version of the instrument.',
  },
  'classification.assessment.unknown_value': {
    fr: 'Cette cotation n’est pas sur l’échelle de l’item.',
    en: 'This rating is not on the item’s scale.',
  },
  'classification.assessment.unknown_domain': {
    fr: 'Ce domaine n’existe pas dans cette version de l’instrument.',
    en: 'This domain does not exist in this version of the instrument.',
  },
  'classification.assessment.unknown_judgement': {
    fr: 'Cette réponse n’est pas proposée par l’instrument.',
    en: 'This answer is not offered by the instrument.',
  },
  'classification.assessment.item_unrated': {
    fr: 'Cotez cet item (ou « information insuffisante ») pour terminer l’évaluation.',
    en: 'Rate this item (or “information insufficient”) to complete the assessment.',
  },
  'classification.assessment.summary_required': {
    fr: 'Rédigez la synthèse de l’évaluation.',
    en: 'Write the assessment summary.',
  },
  'classification.assessment.judgement_required': {
    fr: 'Donnez votre jugement professionnel d’ensemble.',
    en: 'Give your overall professional judgement.',
  },
  'classification.assessment.reasons_required': {
    fr: 'Motivez le jugement d’ensemble.',
    en: 'Give the reasons for the overall judgement.',
  },
  // Classification rules (rules.ts).
  'classification.settings.levels': {
    fr: 'Au moins deux niveaux, codes distincts en minuscules.',
    en: 'At least two levels, distinct lower-case codes.',
  },
  'classification.settings.days': {
    fr: 'Un nombre entier de jours entre 1 et 90.',
    en: 'A whole number of days between 1 and 90.',
  },
  'classification.settings.review_days': {
    fr: 'Intervalle de réexamen : un nombre entier de jours entre 7 et 730.',
    en: 'Review interval: a whole number of days between 7 and 730.',
  },
  'classification.settings.regime_missing': {
    fr: 'Définissez le régime de ce niveau.',
    en: 'Define the regime of this level.',
  },
  'classification.settings.unknown_activity': { fr: 'Activité inconnue.', en: 'Unknown activity.' },
  'classification.settings.visits': {
    fr: 'Mode de visite inconnu ou nombre de visites invalide.',
    en: 'Unknown visit mode or invalid number of visits.',
  },
  'classification.decision.unknown_level': {
    fr: 'Ce niveau n’existe pas dans la configuration.',
    en: 'This level does not exist in the settings.',
  },
  'classification.decision.reasons_required': { fr: 'Motivez la décision.', en: 'Give the reasons for the decision.' },
  'classification.decision.unknown_trigger': { fr: 'Motif de réexamen inconnu.', en: 'Unknown review trigger.' },
  'classification.decision.initial_exists': {
    fr: 'Le classement initial a déjà été décidé : il s’agit d’un réexamen.',
    en: 'The initial classification has already been decided: this is a review.',
  },
  'classification.decision.initial_first': {
    fr: 'Aucun classement encore : décidez d’abord le classement initial.',
    en: 'No classification yet: decide the initial classification first.',
  },
  'classification.decision.assessment_required': {
    fr: 'Indiquez l’évaluation sur laquelle repose la décision.',
    en: 'Give the assessment the decision rests on.',
  },
  'classification.decision.justification_required': {
    fr: 'La décision s’écarte du jugement de l’évaluateur : justifiez la dérogation.',
    en: 'The decision departs from the assessor’s judgement: justify the override.',
  },
  // Service errors.
  'classification.not_held': {
    fr: 'Cette personne n’est plus détenue au titre de cet écrou.',
    en: 'This person is no longer held under this admission.',
  },
  'classification.instrument.unknown': {
    fr: 'Instrument d’évaluation inconnu ou retiré.',
    en: 'Unknown or retired assessment instrument.',
  },
  'classification.assessment.final': {
    fr: 'Une évaluation terminée ne se modifie pas : commencez une nouvelle évaluation.',
    en: 'A completed assessment is not changed: start a new assessment.',
  },
  'classification.assessment.stale': {
    fr: 'Quelqu’un a enregistré cette évaluation entre-temps : rechargez-la.',
    en: 'Someone saved this assessment in the meantime: reload it.',
  },
  'classification.decision.assessment_unusable': {
    fr: 'L’évaluation doit être une évaluation terminée de cette personne.',
    en: 'The assessment must be a completed assessment of this person.',
  },
  'classification.event.future': {
    fr: 'La date ne peut pas être dans le futur.',
    en: 'The date cannot be in the future.',
  },
  'classification.leader.not_in_cell': {
    fr: 'Cette personne n’est pas actuellement dans cette cellule.',
    en: 'This person is not currently in this cell.',
  },
  'classification.leader.before_previous': {
    fr: 'La date précède le début du mandat en cours.',
    en: 'The date is before the start of the current term.',
  },
  'classification.leader.none': {
    fr: 'Cette cellule n’a pas de chef de cellule enregistré.',
    en: 'This cell has no recorded cell leader.',
  },
  'classification.leader.answered': {
    fr: 'Cette requête a déjà reçu une réponse.',
    en: 'This request has already been answered.',
  },
  'classification.settings.stored_levels': {
    fr: 'Les niveaux sont choisis parmi high, medium et low (leurs libellés se traduisent à l’affichage).',
    en: 'Levels are chosen among high, medium and low (their labels are translated on display).',
  },
});
