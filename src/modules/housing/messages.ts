import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'housing.refused.capacity': {
    fr: 'La cellule est pleine ({population}/{capacity}).',
    en: 'The cell is full ({population}/{capacity}).',
  },
  'housing.refused.untried_with_convicted': {
    fr: 'Prévenus et condamnés ne partagent pas une cellule (règle Nelson Mandela 11).',
    en: 'Untried and convicted people do not share a cell (Nelson Mandela Rule 11).',
  },
  'housing.refused.women_with_men': {
    fr: 'Femmes et hommes ne partagent pas une cellule (règle 11).',
    en: 'Women and men do not share a cell (Rule 11).',
  },
  'housing.refused.minor_with_adult': {
    fr: 'Mineurs et adultes ne partagent pas une cellule (règle 11).',
    en: 'Minors and adults do not share a cell (Rule 11).',
  },
  'housing.refused.keep_apart': {
    fr: 'Une personne de cette cellule doit être tenue à l’écart de celle-ci (fiche de séparation).',
    en: 'Someone in this cell must be kept apart from this person (keep-apart record).',
  },
  'housing.refused.policy_concentrate_outside': {
    fr: 'Politique de l’établissement : les personnes évaluées à haut risque sont regroupées dans un quartier désigné.',
    en: 'Prison policy: people assessed as high-risk are concentrated in a designated unit.',
  },
  'housing.refused.policy_concentrate_reserved': {
    fr: 'Politique de l’établissement : ce quartier est réservé aux personnes évaluées à haut risque.',
    en: 'Prison policy: this unit is reserved for people assessed as high-risk.',
  },
  'housing.refused.policy_disperse': {
    fr: 'Politique de l’établissement : les personnes évaluées à haut risque sont dispersées (une autre est déjà dans cette cellule).',
    en: 'Prison policy: people assessed as high-risk are dispersed (another is already in this cell).',
  },
  'housing.override_reason': {
    fr: 'Motif de la dérogation décidée par le directeur.',
    en: "Reason for the director's override.",
  },
  'housing.same_person': {
    fr: 'Une personne ne peut pas être tenue à l’écart d’elle-même.',
    en: 'A person cannot be kept apart from themselves.',
  },
  'housing.unit_required': {
    fr: 'Indiquez le quartier où regrouper les personnes à haut risque.',
    en: 'Give the unit where high-risk people are concentrated.',
  },
  'housing.not_held': {
    fr: 'Cette personne n’est pas détenue dans cet établissement.',
    en: 'This person is not held in this prison.',
  },
  'housing.refused.minor_with_adult_assumed': {
    fr:
      'Mineurs et adultes ne partagent pas une cellule (règle 11) ; un âge incertain compte comme mineur tant ' +
      'qu’aucune évaluation de l’âge n’est enregistrée (Observation générale n° 24 du Comité des droits de l’enfant).',
    en:
      'Minors and adults do not share a cell (Rule 11); an uncertain age counts as a minor until an age assessment ' +
      'is recorded (CRC General Comment No. 24).',
  },
  'housing.override_forbidden': {
    fr:
      'Seul le directeur peut passer outre ces règles (avec un motif) ; pour la seule capacité, un agent le peut si ' +
      'le directeur l’a délégué.',
    en: 'Only the director may override these rules (with a reason); for capacity alone, an officer may if the director has delegated it.',
  },
  'housing.before_current_placement': {
    fr: 'Le changement ne peut pas précéder le placement actuel.',
    en: 'The move cannot come before the current placement.',
  },
  'housing.before_admission': {
    fr: 'Le placement ne peut pas précéder l’écrou.',
    en: 'The placement cannot come before the admission.',
  },
  'housing.delegation.already': {
    fr: 'Le dépassement de capacité est déjà délégué dans cet établissement.',
    en: 'Exceeding capacity is already delegated in this prison.',
  },
  'housing.delegation.none': {
    fr: 'Aucune délégation en cours à laquelle mettre fin.',
    en: 'No delegation in force to end.',
  },
  'housing.rule.untried_with_convicted': { fr: 'Prévenus avec condamnés', en: 'Untried with convicted' },
  'housing.rule.women_with_men': { fr: 'Femmes avec hommes', en: 'Women with men' },
  'housing.rule.minor_with_adult': { fr: 'Mineurs avec adultes', en: 'Minors with adults' },
  'housing.rule.keep_apart': { fr: 'Personnes à tenir à l’écart', en: 'People to be kept apart' },
  'housing.side.untried_with_convicted': { fr: 'Non jugés|Condamnés', en: 'Untried|Convicted' },
  'housing.side.women_with_men': { fr: 'Femmes|Hommes', en: 'Women|Men' },
  'housing.side.minor_with_adult': {
    fr: 'Mineurs (ou traités comme tels)|Adultes',
    en: 'Minors (or treated as minors)|Adults',
  },
  'housing.side.keep_apart': { fr: 'Personne|À tenir à l’écart de', en: 'Person|To be kept apart from' },
});
