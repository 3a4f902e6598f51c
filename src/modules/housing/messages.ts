import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'housing.refused.capacity': { fr: 'La cellule est pleine ({population}/{capacity}).', en: 'The cell is full ({population}/{capacity}).' },
  'housing.refused.untried_with_convicted': { fr: 'Prévenus et condamnés ne partagent pas une cellule (règle Nelson Mandela 11).', en: 'Untried and convicted people do not share a cell (Nelson Mandela Rule 11).' },
  'housing.refused.women_with_men': { fr: 'Femmes et hommes ne partagent pas une cellule (règle 11).', en: 'Women and men do not share a cell (Rule 11).' },
  'housing.refused.minor_with_adult': { fr: 'Mineurs et adultes ne partagent pas une cellule (règle 11).', en: 'Minors and adults do not share a cell (Rule 11).' },
  'housing.refused.keep_apart': { fr: 'Une personne de cette cellule doit être tenue à l’écart de celle-ci (fiche de séparation).', en: 'Someone in this cell must be kept apart from this person (keep-apart record).' },
  'housing.refused.policy_concentrate_outside': { fr: 'Politique de l’établissement : les personnes évaluées à haut risque sont regroupées dans un quartier désigné.', en: 'Prison policy: people assessed as high-risk are concentrated in a designated unit.' },
  'housing.refused.policy_concentrate_reserved': { fr: 'Politique de l’établissement : ce quartier est réservé aux personnes évaluées à haut risque.', en: 'Prison policy: this unit is reserved for people assessed as high-risk.' },
  'housing.refused.policy_disperse': { fr: 'Politique de l’établissement : les personnes évaluées à haut risque sont dispersées (une autre est déjà dans cette cellule).', en: 'Prison policy: people assessed as high-risk are dispersed (another is already in this cell).' },
  'housing.override_reason': { fr: 'Motif de la dérogation décidée par le directeur.', en: "Reason for the director's override." },
  'housing.same_person': { fr: 'Une personne ne peut pas être tenue à l’écart d’elle-même.', en: 'A person cannot be kept apart from themselves.' },
  'housing.unit_required': { fr: 'Indiquez le quartier où regrouper les personnes à haut risque.', en: 'Give the unit where high-risk people are concentrated.' },
  'housing.not_held': { fr: 'Cette personne n’est pas détenue dans cet établissement.', en: 'This person is not held in this prison.' },
});
