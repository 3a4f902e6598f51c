/** Strings of the estate page's dated capacities and statuses. */
import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'estate.dated_title': {
    fr: 'Capacité officielle et statut dans le temps',
    en: 'Official capacity and status over time',
  },
  'estate.dated_intro': {
    fr:
      'Chaque changement a sa date d’effet, son motif et sa source ; le taux d’occupation d’une date passée utilise ' +
      'la capacité alors en vigueur. Un établissement fermé, détruit ou en reconstruction n’offre aucune place.',
    en:
      'Each change has its effective date, reason and source; the occupancy rate on a past date uses the capacity ' +
      'then in force. A prison closed, destroyed or under reconstruction offers no places.',
  },
  'estate.since_origin': {
    fr: 'depuis l’origine des registres (supposé)',
    en: "since the registry's first records (assumed)",
  },
  'estate.official_capacity': { fr: 'Capacité officielle', en: 'Official capacity' },
  'estate.official_capacity_hint': { fr: 'Vide si elle n’est pas connue.', en: 'Empty when not known.' },
  'estate.capacity_number': { fr: 'Un nombre entier de places.', en: 'A whole number of places.' },
  'estate.effective_from': { fr: 'En vigueur à partir du', en: 'In force from' },
  'estate.reason': { fr: 'Motif', en: 'Reason' },
  'estate.created.capacity': {
    fr: 'Capacité officielle à l’enregistrement de l’établissement',
    en: 'Official capacity when the prison was recorded',
  },
  'estate.created.status': { fr: 'Établissement ouvert à son enregistrement', en: 'Prison open when it was recorded' },
  'estate.created.source': { fr: 'création', en: 'prison record created' },
  'estate.source': { fr: 'Source (arrêté, rapport d’inspection…)', en: 'Source (decree, inspection report…)' },
  'estate.recorded': { fr: 'Enregistré', en: 'Recorded' },
  'estate.status': { fr: 'Statut', en: 'Status' },
  'estate.record_capacity': { fr: 'Enregistrer une capacité officielle', en: 'Record an official capacity' },
  'estate.record_status': { fr: 'Enregistrer un statut', en: 'Record a status' },
  'estate.record': { fr: 'Enregistrer', en: 'Record' },
});
