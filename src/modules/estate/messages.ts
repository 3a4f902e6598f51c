import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'estate.kind.central_prison': { fr: "Maison centrale d'arrêt", en: 'Central prison' },
  'estate.kind.detention_centre': { fr: "Maison d'arrêt / centre de détention", en: 'Prison / detention centre' },
  'estate.kind.womens_centre': { fr: 'Centre de détention pour femmes', en: "Women's detention centre" },
  'estate.kind.minors_centre': { fr: 'Centre pour mineurs', en: "Minors' centre" },
  'estate.code_taken': { fr: 'Ce code est déjà utilisé.', en: 'This code is already in use.' },
  'estate.unit_unknown': { fr: 'Quartier inconnu dans cet établissement.', en: 'Unknown unit in this prison.' },
  'estate.capacity_unknown': { fr: 'inconnue', en: 'unknown' },
});
