/** Transfers between prisons: words, French and English (errors, labels of the enums, pages). */
import { defineMessages } from '../../../core/messages.js';
import { DECISIONS, NOTICE_METHODS, TRANSFER_REASONS, TRANSFER_STATES } from './rules.js';

export const m = defineMessages({
  // Refusals
  'movements.transfers.not_now': {
    fr: 'Cette action n’est pas possible dans l’état actuel du transfèrement.',
    en: 'This action is not possible in the transfer’s current state.',
  },
  'movements.transfers.national_decides': {
    fr: 'Les deux directeurs ne sont pas d’accord : l’administration nationale décide.',
    en: 'The two directors disagree: the national administration decides.',
  },
  'movements.transfers.directors_first': {
    fr: 'Les directeurs des deux établissements décident d’abord ; l’administration nationale tranche s’ils ne sont pas d’accord.',
    en: 'The directors of the two prisons decide first; the national administration decides if they disagree.',
  },
  'movements.transfers.already_decided': {
    fr: 'Votre établissement a déjà donné sa décision sur ce transfèrement.',
    en: 'Your prison has already given its decision on this transfer.',
  },
  'movements.transfers.both_sides': {
    fr: 'Une même personne ne décide pas pour les deux établissements.',
    en: 'The same person does not decide for both prisons.',
  },
  'movements.transfers.prison_unknown': { fr: 'Établissement inconnu.', en: 'Unknown prison.' },
  'movements.transfers.same_prison': {
    fr: 'L’établissement de destination doit être différent de l’établissement de départ.',
    en: 'The receiving prison must differ from the sending prison.',
  },
  'movements.transfers.prison_closed': {
    fr: 'Cet établissement n’est pas ouvert : aucun transfèrement vers lui.',
    en: 'This prison is not open: no transfer to it.',
  },
  'movements.transfers.not_held': {
    fr: 'La personne n’est pas écrouée dans cet établissement.',
    en: 'The person is not held in this prison.',
  },
  'movements.transfers.already_moving': {
    fr: 'Un transfèrement de cette personne est déjà en cours.',
    en: 'A transfer of this person is already under way.',
  },
  'movements.transfers.notice_who': {
    fr: 'Indiquez qui a été prévenu (nom, lien de parenté).',
    en: 'Say who was told (name, relationship).',
  },
  'movements.transfers.notice_how': {
    fr: 'Indiquez comment la famille a été prévenue.',
    en: 'Say how the family was told.',
  },
  'movements.transfers.notice_why_not': {
    fr: 'Indiquez pourquoi la famille n’a pas été prévenue.',
    en: 'Say why the family was not told.',
  },
  'movements.transfers.check_missing': {
    fr: 'Ce contrôle doit être fait avant l’écrou.',
    en: 'This check must be done before admission.',
  },
  'movements.transfers.arrival_before_departure': {
    fr: 'L’arrivée ne peut pas précéder le départ.',
    en: 'The arrival cannot be before the departure.',
  },
  'movements.transfers.unknown': { fr: 'Transfèrement inconnu.', en: 'Unknown transfer.' },
  'movements.transfers.not_listable': {
    fr: 'Ce transfèrement ne peut plus être mis sur une liste (déjà parti, annulé ou déjà sur un véhicule).',
    en: 'This transfer cannot be put on a list (already left, cancelled or already on a vehicle).',
  },
  'movements.transfers.other_destination': {
    fr: 'Ce transfèrement va vers un autre établissement que le véhicule.',
    en: 'This transfer goes to another prison than the vehicle.',
  },
  'movements.transfers.one_origin': {
    fr: 'Un véhicule part d’un seul établissement.',
    en: 'A vehicle leaves from one prison.',
  },
  'movements.transfers.property_unsigned': {
    fr: 'Les effets et l’argent doivent être remis à l’escorte contre signature.',
    en: 'The property and money must be handed to the escort against signature.',
  },
  'movements.transfers.nobody_to_leave': {
    fr: 'Aucun transfèrement autorisé sur ce véhicule.',
    en: 'No approved transfer on this vehicle.',
  },

  // Enums
  'movements.transfers.reason.congestion': { fr: 'Désengorgement', en: 'Congestion' },
  'movements.transfers.reason.security': { fr: 'Sécurité', en: 'Security' },
  'movements.transfers.reason.court': { fr: 'Comparution devant une juridiction', en: 'Court' },
  'movements.transfers.reason.health': { fr: 'Santé', en: 'Health' },
  'movements.transfers.reason.family_proximity': { fr: 'Rapprochement familial', en: 'Closer to family' },
  'movements.transfers.reason.detainee_request': { fr: 'À la demande du détenu', en: 'At the detainee’s request' },
  'movements.transfers.state.requested': { fr: 'En attente de décision', en: 'Awaiting decision' },
  'movements.transfers.state.escalated': {
    fr: 'Désaccord : décision nationale attendue',
    en: 'Disagreement: national decision awaited',
  },
  'movements.transfers.state.approved': { fr: 'Autorisé', en: 'Approved' },
  'movements.transfers.state.refused': { fr: 'Refusé', en: 'Refused' },
  'movements.transfers.state.in_transit': { fr: 'En route', en: 'In transit' },
  'movements.transfers.state.arrived': { fr: 'Arrivé', en: 'Arrived' },
  'movements.transfers.state.cancelled': { fr: 'Annulé', en: 'Cancelled' },
  'movements.transfers.decision.approved': { fr: 'Accord', en: 'Approved' },
  'movements.transfers.decision.refused': { fr: 'Refus', en: 'Refused' },
  'movements.transfers.method.phone': { fr: 'Téléphone', en: 'Phone' },
  'movements.transfers.method.in_person': { fr: 'En personne', en: 'In person' },
  'movements.transfers.method.letter': { fr: 'Lettre', en: 'Letter' },
  'movements.transfers.method.message': { fr: 'Message', en: 'Message' },

  // Pages
  'movements.transfers.nav': { fr: 'Transfèrements', en: 'Transfers' },
  'movements.transfers.title': { fr: 'Transfèrements — {prison}', en: 'Transfers — {prison}' },
  'movements.transfers.none': { fr: 'Aucun transfèrement.', en: 'No transfers.' },
  'movements.transfers.board.title': { fr: 'Personnes en route — {prison}', en: 'People in transit — {prison}' },
  'movements.transfers.board.link': { fr: 'Personnes en route', en: 'People in transit' },
  'movements.transfers.board.leaving': { fr: 'Partis d’ici, pas encore arrivés', en: 'Left here, not yet arrived' },
  'movements.transfers.board.arriving': { fr: 'Attendus ici', en: 'Expected here' },
  'movements.transfers.board.hint': {
    fr: 'Une personne en route n’est écrouée dans aucun établissement : elle n’est comptée dans aucune cellule, mais les deux établissements la voient ici.',
    en: 'A person in transit is held in no prison: counted in no cell, but both prisons see them here.',
  },
  'movements.transfers.new.title': { fr: 'Demander un transfèrement', en: 'Request a transfer' },
  'movements.transfers.new.link': { fr: 'Demander un transfèrement', en: 'Request a transfer' },
  'movements.transfers.convoy.new': { fr: 'Préparer un véhicule et sa liste', en: 'Prepare a vehicle and its list' },
  'movements.transfers.convoy.title': { fr: 'Liste de transfèrement', en: 'Transfer list' },
  'movements.transfers.convoy.none': {
    fr: 'Aucun transfèrement à mettre sur une liste vers cet établissement.',
    en: 'No transfer to put on a list to this prison.',
  },
  'movements.transfers.convoy.depart': { fr: 'Enregistrer le départ', en: 'Record the departure' },
  'movements.transfers.convoy.signature': { fr: 'Signature', en: 'Signature' },
  'movements.transfers.convoy.escort_signature': {
    fr: 'Le chef d’escorte (nom, grade, signature)',
    en: 'The escort leader (name, rank, signature)',
  },
  'movements.transfers.convoy.registry_signature': {
    fr: 'Le greffe (effets et argent remis)',
    en: 'The registry (property and money handed over)',
  },
  'movements.transfers.convoy.print': { fr: 'Imprimer la liste', en: 'Print the list' },
  'movements.transfers.show.title': { fr: 'Transfèrement de {name}', en: 'Transfer of {name}' },
  'movements.transfers.f.admission_id': { fr: 'Personne (écrou en cours)', en: 'Person (current admission)' },
  'movements.transfers.f.to_prison': { fr: 'Établissement de destination', en: 'Receiving prison' },
  'movements.transfers.f.reason': { fr: 'Motif', en: 'Reason' },
  'movements.transfers.f.note': { fr: 'Observations', en: 'Notes' },
  'movements.transfers.f.decision': { fr: 'Décision', en: 'Decision' },
  'movements.transfers.f.decision_reason': { fr: 'Motif de la décision', en: 'Reason for the decision' },
  'movements.transfers.f.escort_force': { fr: 'Force d’escorte', en: 'Escort force' },
  'movements.transfers.f.vehicle': { fr: 'Véhicule (type, immatriculation)', en: 'Vehicle (kind, plate)' },
  'movements.transfers.f.officers': { fr: 'Agents d’escorte (noms, grades)', en: 'Escort officers (names, ranks)' },
  'movements.transfers.f.planned_departure_at': { fr: 'Départ prévu', en: 'Planned departure' },
  'movements.transfers.f.transfer_ids': { fr: 'Personnes sur ce véhicule', en: 'People on this vehicle' },
  'movements.transfers.f.departed_at': { fr: 'Heure de départ', en: 'Departure time' },
  'movements.transfers.f.property_signed_out': {
    fr: 'Effets et argent remis à l’escorte contre signature',
    en: 'Property and money handed to the escort against signature',
  },
  'movements.transfers.f.arrived_at': { fr: 'Heure d’arrivée', en: 'Arrival time' },
  'movements.transfers.f.security_check': {
    fr: 'Sécurité : fouille et identité vérifiée sur le dossier',
    en: 'Security: search, identity checked against the file',
  },
  'movements.transfers.f.medical_check': {
    fr: 'Médical : vu par le service médical',
    en: 'Medical: seen by the medical service',
  },
  'movements.transfers.f.registry_check': {
    fr: 'Greffe : titre de détention et effets vérifiés',
    en: 'Registry: title of detention and property checked',
  },
  'movements.transfers.f.property_discrepancies': {
    fr: 'Écarts avec la liste des effets (s’il y en a)',
    en: 'Discrepancies with the property list (if any)',
  },
  'movements.transfers.f.cell_id': { fr: 'Cellule (facultatif)', en: 'Cell (optional)' },
  'movements.transfers.f.cancel_reason': { fr: 'Motif de l’annulation', en: 'Reason for cancelling' },
  'movements.transfers.f.notified': { fr: 'La famille a-t-elle été prévenue ?', en: 'Was the family told?' },
  'movements.transfers.f.relative': { fr: 'Qui (nom, lien de parenté)', en: 'Who (name, relationship)' },
  'movements.transfers.f.method': { fr: 'Comment', en: 'How' },
  'movements.transfers.f.notified_at': { fr: 'Quand', en: 'When' },
  'movements.transfers.f.reason_not': { fr: 'Si non : pourquoi', en: 'If not: why' },
  'movements.transfers.yes': { fr: 'Oui', en: 'Yes' },
  'movements.transfers.no': { fr: 'Non', en: 'No' },
  'movements.transfers.col.person': { fr: 'Personne', en: 'Person' },
  'movements.transfers.col.from': { fr: 'De', en: 'From' },
  'movements.transfers.col.to': { fr: 'Vers', en: 'To' },
  'movements.transfers.col.reason': { fr: 'Motif', en: 'Reason' },
  'movements.transfers.col.state': { fr: 'État', en: 'State' },
  'movements.transfers.col.requested': { fr: 'Demandé le', en: 'Requested on' },
  'movements.transfers.col.departed': { fr: 'Parti le', en: 'Left on' },
  'movements.transfers.col.committal': { fr: 'N° d’écrou', en: 'Committal no.' },
  'movements.transfers.col.property': { fr: 'Effets et argent', en: 'Property and money' },
  'movements.transfers.col.vehicle': { fr: 'Véhicule', en: 'Vehicle' },
  'movements.transfers.s.request': { fr: 'Demande', en: 'Request' },
  'movements.transfers.s.requested_by': { fr: 'Demandé par {name} le {at}', en: 'Requested by {name} on {at}' },
  'movements.transfers.s.decisions': { fr: 'Décisions', en: 'Decisions' },
  'movements.transfers.s.sending': { fr: 'Directeur de l’établissement de départ', en: 'Sending prison’s director' },
  'movements.transfers.s.receiving': {
    fr: 'Directeur de l’établissement de destination',
    en: 'Receiving prison’s director',
  },
  'movements.transfers.s.national': { fr: 'Administration nationale', en: 'National administration' },
  'movements.transfers.s.pending': { fr: 'En attente', en: 'Pending' },
  'movements.transfers.s.decided': {
    fr: '{decision} — {name}, le {at} : {reason}',
    en: '{decision} — {name}, on {at}: {reason}',
  },
  'movements.transfers.s.escort': { fr: 'Escorte et véhicule', en: 'Escort and vehicle' },
  'movements.transfers.s.no_convoy': { fr: 'Pas encore sur une liste.', en: 'Not yet on a list.' },
  'movements.transfers.s.property': { fr: 'Effets et argent', en: 'Property and money' },
  'movements.transfers.s.property_none': { fr: 'Aucun effet inventorié.', en: 'No property inventoried.' },
  'movements.transfers.s.signed_out': {
    fr: 'Remis à l’escorte par {name} le {at}',
    en: 'Signed out by {name} on {at}',
  },
  'movements.transfers.s.signed_in': { fr: 'Reçus par {name} le {at}', en: 'Signed in by {name} on {at}' },
  'movements.transfers.s.discrepancies': { fr: 'Écarts : {text}', en: 'Discrepancies: {text}' },
  'movements.transfers.s.arrival': { fr: 'Arrivée', en: 'Arrival' },
  'movements.transfers.s.arrived': {
    fr: 'Arrivé le {at}, reçu par {name} ; nouvel écrou {committal}',
    en: 'Arrived on {at}, received by {name}; new committal {committal}',
  },
  'movements.transfers.s.previous': {
    fr: 'Écrou précédent : {committal} ({prison})',
    en: 'Previous committal: {committal} ({prison})',
  },
  'movements.transfers.s.family': { fr: 'Famille prévenue (règle 68)', en: 'Family told (Rule 68)' },
  'movements.transfers.s.family_none': {
    fr: 'La famille n’a pas encore été prévenue.',
    en: 'The family has not been told yet.',
  },
  'movements.transfers.s.notice': {
    fr: '{relative} — {method}, le {at} (noté par {name})',
    en: '{relative} — {method}, on {at} (recorded by {name})',
  },
  'movements.transfers.s.notice_not': {
    fr: 'Non prévenue : {reason} (noté par {name})',
    en: 'Not told: {reason} (recorded by {name})',
  },
  'movements.transfers.s.cancelled': {
    fr: 'Annulé le {at} par {name} : {reason}',
    en: 'Cancelled on {at} by {name}: {reason}',
  },
  'movements.transfers.a.decide': { fr: 'Donner la décision', en: 'Give the decision' },
  'movements.transfers.a.arrive': {
    fr: 'Accueil à l’arrivée (accueil abrégé) et écrou',
    en: 'Reception on arrival (shortened) and admission',
  },
  'movements.transfers.a.cancel': { fr: 'Annuler le transfèrement', en: 'Cancel the transfer' },
  'movements.transfers.a.notice': { fr: 'Noter l’information de la famille', en: 'Record the family notice' },
  'movements.transfers.a.request': { fr: 'Envoyer la demande', en: 'Send the request' },
  'movements.transfers.a.save': { fr: 'Enregistrer', en: 'Save' },
  'movements.transfers.a.convoy': { fr: 'Créer la liste', en: 'Create the list' },
  'movements.transfers.done.requested': {
    fr: 'Demande de transfèrement enregistrée.',
    en: 'Transfer request recorded.',
  },
  'movements.transfers.done.saved': { fr: 'Enregistré.', en: 'Saved.' },
  'movements.transfers.person_file': { fr: 'Dossier de la personne', en: 'Person’s file' },
});

export const reasonLabel = m.family('movements.transfers.reason.', TRANSFER_REASONS);
export const stateLabel = m.family('movements.transfers.state.', TRANSFER_STATES);
export const decisionLabel = m.family('movements.transfers.decision.', DECISIONS);
export const methodLabel = m.family('movements.transfers.method.', NOTICE_METHODS);
