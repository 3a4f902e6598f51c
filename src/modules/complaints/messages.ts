/** The complaints module's words, French and English: errors, labels of the enums, pages. */
import { defineMessages } from '../../core/messages.js';
import { ACTIONS, ADDRESSEES, CATEGORIES, CHANNELS, KINDS, OUTCOMES, OWNERS, STATES } from './rules.js';

export const m = defineMessages({
  // Errors
  'complaints.transition': {
    fr: 'Cette action n’est pas possible dans l’état actuel de la plainte.',
    en: 'This action is not possible in the complaint’s current state.',
  },
  'complaints.appeal_once': {
    fr: 'Une réponse ne peut faire l’objet que d’un seul recours.',
    en: 'An answer may be appealed only once.',
  },
  'complaints.appeal_national': {
    fr: 'Un recours est tranché par l’administration nationale.',
    en: 'An appeal is decided by the national administration.',
  },
  'complaints.answer_required': { fr: 'Écrivez la réponse.', en: 'Write the answer.' },
  'complaints.outcome_required': {
    fr: 'Choisissez l’issue : fondée, partiellement fondée ou non fondée.',
    en: 'Choose the outcome: upheld, partly upheld or not upheld.',
  },
  'complaints.named_staff': {
    fr: 'Un agent mis en cause par la plainte ne la traite pas.',
    en: 'A member of staff the complaint names does not handle it.',
  },
  'complaints.unknown_user': { fr: 'Aucun compte ne porte cet identifiant.', en: 'No account has this username.' },
  'complaints.who_required': {
    fr: 'Indiquez la personne détenue (son écrou) ou la cellule.',
    en: 'Give the detainee (their admission) or the cell.',
  },
  'complaints.cell_required': {
    fr: 'Indiquez la cellule dont le chef de chambre porte la demande.',
    en: 'Give the cell whose cell leader carries the request.',
  },
  'complaints.cell_other_prison': {
    fr: 'La cellule n’est pas dans l’établissement de la personne.',
    en: 'The cell is not in the person’s prison.',
  },
  'complaints.not_held': { fr: 'Cette personne n’est pas détenue actuellement.', en: 'This person is not held now.' },
  'complaints.future': {
    fr: 'La date de réception ne peut pas être dans le futur.',
    en: 'The date received cannot be in the future.',
  },
  'complaints.confidential_addressee': {
    fr: 'Une plainte confidentielle s’adresse à l’organe indépendant ou à l’administration nationale, pas à la direction.',
    en: 'A confidential complaint goes to the independent body or the national administration, not the director.',
  },
  'complaints.reception_other': {
    fr: 'Cette réception n’est pas celle de la personne dans cet établissement.',
    en: 'This reception is not the person’s in this prison.',
  },
  'complaints.no_answer': { fr: 'Il n’y a pas encore de réponse à lire.', en: 'There is no answer to read yet.' },
  'complaints.settings.positive': {
    fr: 'Un délai est un nombre entier positif.',
    en: 'A deadline is a positive whole number.',
  },
  'complaints.settings.owner': { fr: 'Chaque catégorie a un responsable.', en: 'Every category has an owner.' },
  // Enums
  'complaints.category.legal': { fr: 'Situation pénale et audiences', en: 'Legal situation and hearings' },
  'complaints.category.health': { fr: 'Santé', en: 'Health' },
  'complaints.category.food': { fr: 'Alimentation', en: 'Food' },
  'complaints.category.family': { fr: 'Contacts avec la famille', en: 'Family contact' },
  'complaints.category.property': { fr: 'Effets personnels', en: 'Property' },
  'complaints.category.staff_treatment': { fr: 'Comportement du personnel', en: 'Treatment by staff' },
  'complaints.category.ill_treatment': {
    fr: 'Mauvais traitements ou torture (allégation)',
    en: 'Ill-treatment or torture (allegation)',
  },
  'complaints.category.conditions': { fr: 'Conditions de détention', en: 'Conditions' },
  'complaints.category.discipline': { fr: 'Décision disciplinaire', en: 'Discipline decision' },
  'complaints.category.other': { fr: 'Autre', en: 'Other' },
  'complaints.kind.request': { fr: 'Requête', en: 'Request' },
  'complaints.kind.complaint': { fr: 'Plainte', en: 'Complaint' },
  'complaints.channel.in_person': {
    fr: 'Recueillie oralement par un agent',
    en: 'Taken down by staff at the detainee’s word',
  },
  'complaints.channel.cell_leader': { fr: 'Portée par le chef de chambre', en: 'Carried by the cell leader' },
  'complaints.channel.paper_slip': { fr: 'Billet écrit, saisi', en: 'Paper slip, typed in' },
  'complaints.addressee.director': { fr: 'Direction de l’établissement', en: 'Prison director' },
  'complaints.addressee.national': { fr: 'Administration nationale (DNAPES)', en: 'National administration (DNAPES)' },
  'complaints.addressee.inspector': {
    fr: 'Organe indépendant, en toute confidentialité',
    en: 'Independent body, in confidence',
  },
  'complaints.state.received': { fr: 'Reçue', en: 'Received' },
  'complaints.state.acknowledged': { fr: 'Accusé de réception', en: 'Acknowledged' },
  'complaints.state.under_investigation': { fr: 'En instruction', en: 'Under investigation' },
  'complaints.state.answered': { fr: 'Répondue', en: 'Answered' },
  'complaints.state.accepted': { fr: 'Réponse acceptée par la personne', en: 'Answer accepted by the detainee' },
  'complaints.state.appealed': { fr: 'Recours au niveau national', en: 'Appealed to the national level' },
  'complaints.state.closed': { fr: 'Close', en: 'Closed' },
  'complaints.outcome.upheld': { fr: 'Fondée', en: 'Upheld' },
  'complaints.outcome.partly_upheld': { fr: 'Partiellement fondée', en: 'Partly upheld' },
  'complaints.outcome.not_upheld': { fr: 'Non fondée', en: 'Not upheld' },
  'complaints.outcome.withdrawn': { fr: 'Retirée', en: 'Withdrawn' },
  'complaints.owner.director': { fr: 'Direction', en: 'Director' },
  'complaints.owner.registry': { fr: 'Greffe', en: 'Registry' },
  'complaints.owner.health': { fr: 'Service médical', en: 'Health service' },
  'complaints.owner.social': { fr: 'Service social', en: 'Social service' },
  'complaints.owner.administration': { fr: 'Économat et intendance', en: 'Stores and administration' },
  'complaints.owner.national': { fr: 'Administration nationale', en: 'National administration' },
  'complaints.action.acknowledge': { fr: 'Accuser réception', en: 'Acknowledge' },
  'complaints.action.investigate': { fr: 'Ouvrir l’instruction', en: 'Start the investigation' },
  'complaints.action.answer': { fr: 'Répondre', en: 'Answer' },
  'complaints.action.accept': { fr: 'La personne accepte la réponse', en: 'The detainee accepts the answer' },
  'complaints.action.appeal': {
    fr: 'La personne fait recours (niveau national)',
    en: 'The detainee appeals (national level)',
  },
  'complaints.action.close': { fr: 'Clore', en: 'Close' },
  'complaints.action.withdraw': { fr: 'La personne retire sa plainte', en: 'The detainee withdraws it' },
  'complaints.event.received': { fr: 'Reçue', en: 'Received' },
  'complaints.event.acknowledge': { fr: 'Accusé de réception', en: 'Acknowledged' },
  'complaints.event.investigate': { fr: 'Instruction ouverte', en: 'Investigation started' },
  'complaints.event.note': { fr: 'Note d’instruction', en: 'Investigation note' },
  'complaints.event.answer': { fr: 'Réponse', en: 'Answer' },
  'complaints.event.read_to_detainee': { fr: 'Réponse lue à la personne', en: 'Answer read to the detainee' },
  'complaints.event.accept': { fr: 'Réponse acceptée', en: 'Answer accepted' },
  'complaints.event.appeal': { fr: 'Recours', en: 'Appeal' },
  'complaints.event.close': { fr: 'Close', en: 'Closed' },
  'complaints.event.withdraw': { fr: 'Retirée', en: 'Withdrawn' },
  'complaints.event.assign': { fr: 'Attribuée', en: 'Assigned' },
  'complaints.event.facts_requested': {
    fr: 'Faits demandés (organe indépendant)',
    en: 'Facts asked for (independent body)',
  },
  'complaints.event.facts': { fr: 'Faits établis', en: 'Facts recorded' },
  'complaints.event.recommendation': { fr: 'Recommandation', en: 'Recommendation' },
  'complaints.event_kind.reprisal.move': { fr: 'changement de cellule', en: 'cell move' },
  'complaints.event_kind.reprisal.transfer': { fr: 'transfèrement', en: 'transfer' },
  'complaints.event_kind.reprisal.discipline': { fr: 'sanction disciplinaire', en: 'discipline' },
  'complaints.event_kind.reprisal.visits': { fr: 'restriction des visites', en: 'visits restricted' },
});

export const categoryLabel = m.family('complaints.category.', CATEGORIES);
export const kindLabel = m.family('complaints.kind.', KINDS);
export const channelLabel = m.family('complaints.channel.', CHANNELS);
export const addresseeLabel = m.family('complaints.addressee.', ADDRESSEES);
export const stateLabel = m.family('complaints.state.', STATES);
export const outcomeLabel = m.family('complaints.outcome.', OUTCOMES);
export const ownerLabel = m.family('complaints.owner.', OWNERS);
export const actionLabel = m.family('complaints.action.', ACTIONS);
