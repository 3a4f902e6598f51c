import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'estate.kind.central_prison': { fr: "Maison centrale d'arrêt", en: 'Central prison' },
  'estate.kind.detention_centre': { fr: "Maison d'arrêt / centre de détention", en: 'Prison / detention centre' },
  'estate.kind.womens_centre': { fr: 'Centre de détention pour femmes', en: "Women's detention centre" },
  'estate.kind.minors_centre': { fr: 'Centre pour mineurs', en: "Minors' centre" },
  'estate.code_taken': { fr: 'Ce code est déjà utilisé.', en: 'This code is already in use.' },
  'estate.unit_unknown': { fr: 'Quartier inconnu dans cet établissement.', en: 'Unknown unit in this prison.' },
  'estate.capacity_unknown': { fr: 'inconnue', en: 'unknown' },
  'estate.effective_future': {
    fr: 'La date d’effet ne peut pas être dans le futur : enregistrez le changement le jour où il prend effet.',
    en: 'The effective date cannot be in the future: record the change on the day it takes effect.',
  },
  'estate.status.open': { fr: 'Ouvert', en: 'Open' },
  'estate.status.closed': { fr: 'Fermé', en: 'Closed' },
  'estate.status.destroyed': { fr: 'Détruit', en: 'Destroyed' },
  'estate.status.under_reconstruction': { fr: 'En reconstruction', en: 'Under reconstruction' },
  'estate.status_unknown': {
    fr: 'Choisissez un statut de la liste : ouvert, fermé, détruit, en reconstruction.',
    en: 'Choose a status from the list: open, closed, destroyed, under reconstruction.',
  },
});
