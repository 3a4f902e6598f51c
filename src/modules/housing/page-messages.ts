/** Strings of the breach report, awaiting-allocation and capacity-delegation pages. */
import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'hsg.breaches.title': { fr: 'Séparation non respectée', en: 'Separation breaches' },
  'hsg.breaches.intro': {
    fr:
      'Cellules dont les occupants actuels enfreignent une règle de séparation (règle Nelson Mandela 11, fiches de ' +
      'séparation) : après une condamnation, un changement d’âge, une reprise de registre ou des données anciennes. ' +
      'Calculé à l’instant.',
    en:
      'Cells whose current occupants break a separation rule (Nelson Mandela Rule 11, keep-apart records): after a ' +
      'conviction, an age change, a register import or old data. Computed now.',
  },
  'hsg.breaches.none': {
    fr: 'Aucune cellule en infraction aux règles de séparation.',
    en: 'No cell breaks a separation rule.',
  },
  'hsg.breaches.summary': {
    fr: '{uncovered} à traiter, {covered} couverte(s) par une dérogation du directeur',
    en: '{uncovered} to act on, {covered} covered by a director’s override',
  },
  'hsg.breaches.cell': { fr: 'Cellule {unit} / {cell} ({n} occupants)', en: 'Cell {unit} / {cell} ({n} occupants)' },
  'hsg.breaches.rule': { fr: 'Règle', en: 'Rule' },
  'hsg.breaches.people': { fr: 'Personnes concernées', en: 'People concerned' },
  'hsg.breaches.state': { fr: 'Suite', en: 'Action' },
  'hsg.breaches.covered': { fr: 'Couvert par la dérogation du directeur', en: 'Covered by the director’s override' },
  'hsg.breaches.uncovered': {
    fr: 'À traiter : changer de cellule ou décision motivée du directeur',
    en: 'To act on: move someone, or a reasoned decision by the director',
  },
  'hsg.breaches.override': {
    fr: '{name} placé(e) par {by} le {at} : « {reason} »',
    en: '{name} placed by {by} on {at}: "{reason}"',
  },
  'hsg.breaches.more': { fr: 'et {n} autre(s)', en: 'and {n} more' },
  'hsg.breaches.keep_apart_hidden': {
    fr: 'Les fiches de séparation (renseignement) ne sont prises en compte que pour les personnes habilitées.',
    en: 'Keep-apart records (intelligence) are included only for authorised staff.',
  },
  'hsg.breaches.see_all': { fr: 'Voir le rapport complet', en: 'See the full report' },
  'hsg.awaiting.title': { fr: 'En attente d’affectation', en: 'Awaiting allocation' },
  'hsg.awaiting.intro': {
    fr: 'Personnes écrouées qui ne sont dans aucune cellule.',
    en: 'People admitted who are in no cell.',
  },
  'hsg.awaiting.none': { fr: 'Personne n’attend une cellule.', en: 'Nobody is waiting for a cell.' },
  'hsg.awaiting.allocate': { fr: 'Affecter', en: 'Allocate' },
  'hsg.placement.title': { fr: 'Affectation en cellule', en: 'Cell allocation' },
  'hsg.delegation.title': { fr: 'Délégation du dépassement de capacité', en: 'Delegation to exceed capacity' },
  'hsg.delegation.explain': {
    fr:
      'Décision permanente du directeur : les agents qui placent une personne peuvent dépasser la capacité d’une ' +
      'cellule en motivant chaque placement. La capacité seulement : la séparation (règle 11), les fiches de ' +
      'séparation et la politique pour les personnes à haut risque restent toujours du ressort du directeur. Par ' +
      'défaut : pas de délégation.',
    en:
      "The director's standing decision: officers who place a person may exceed a cell's capacity, giving a reason " +
      'for each placement. Capacity only: separation (Rule 11), keep-apart records and the high-risk policy always ' +
      'stay with the director. Default: not delegated.',
  },
  'hsg.delegation.on': {
    fr: 'Délégué depuis le {at} par {by} : « {reason} »',
    en: 'Delegated since {at} by {by}: "{reason}"',
  },
  'hsg.delegation.off': {
    fr: 'Non délégué : seul le directeur peut dépasser la capacité d’une cellule.',
    en: "Not delegated: only the director may exceed a cell's capacity.",
  },
  'hsg.delegation.grant': { fr: 'Déléguer', en: 'Delegate' },
  'hsg.delegation.end': { fr: 'Mettre fin à la délégation', en: 'End the delegation' },
  'hsg.delegation.reason': { fr: 'Motif de la décision', en: 'Reason for the decision' },
  'hsg.delegation.history': { fr: 'Historique des décisions', en: 'History of decisions' },
  'hsg.delegation.ended': { fr: 'fin le {at} par {by} : « {reason} »', en: 'ended on {at} by {by}: "{reason}"' },
  'hsg.delegation.submit': { fr: 'Enregistrer la décision', en: 'Record the decision' },
  'hsg.saved': { fr: 'Enregistré.', en: 'Saved.' },
});
