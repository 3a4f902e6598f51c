/** Releases, escapes and deaths in custody: the words, French and English (errors, labels, pages). */
import { defineMessages } from '../../../core/messages.js';
import { AUDIENCES, CHANNELS, DUE_KINDS, INCIDENT_KINDS, RELEASE_REASONS, RELEASE_STATES } from './rules.js';

export const m = defineMessages({
  // Errors
  'movements.release.death_is_incident': {
    fr: 'Un décès en détention s’enregistre comme un incident, pas comme une libération.',
    en: 'A death in custody is recorded as an incident, not as a release.',
  },
  'movements.release.authority_required': {
    fr: 'Choisissez l’autorité qui a délivré l’ordre.',
    en: 'Choose the authority that issued the order.',
  },
  'movements.release.authority_unknown': {
    fr: 'Cette autorité n’est pas une juridiction connue : vérifiez l’ordre.',
    en: 'This authority is not a known jurisdiction: check the order.',
  },
  'movements.release.reference_required': {
    fr: 'Indiquez la référence de l’ordre.',
    en: 'Enter the order’s reference.',
  },
  'movements.release.order_date_required': { fr: 'Indiquez la date de l’ordre.', en: 'Enter the order’s date.' },
  'movements.release.basis_required': {
    fr: 'Indiquez le fondement juridique (date de fin de peine, titre expiré).',
    en: 'Enter the legal basis (end of sentence date, expired title).',
  },
  'movements.release.transfer_authority_required': {
    fr: 'Indiquez l’autorité à qui la personne est remise.',
    en: 'Enter the authority the person is handed to.',
  },
  'movements.release.identity_required': {
    fr: 'L’identité doit être vérifiée sur le dossier avant toute libération.',
    en: 'The identity must be verified against the file before any release.',
  },
  'movements.release.not_awaiting_confirmation': {
    fr: 'Cette libération n’attend pas de confirmation.',
    en: 'This release is not awaiting confirmation.',
  },
  'movements.release.same_officer': {
    fr: 'La confirmation est faite par un second agent, pas par celui qui a vérifié l’ordre.',
    en: 'The confirmation is made by a second officer, not by the one who checked the order.',
  },
  'movements.release.not_confirmed': {
    fr: 'Libération refusée : l’ordre doit être vérifié puis confirmé par un second agent.',
    en: 'Release refused: the order must be checked, then confirmed by a second officer.',
  },
  'movements.release.already_released': { fr: 'La personne est déjà libérée.', en: 'The person is already released.' },
  'movements.release.cancelled': { fr: 'Cette libération a été annulée.', en: 'This release was cancelled.' },
  'movements.release.signature_required': {
    fr: 'La personne signe la restitution de ses effets et de son argent.',
    en: 'The person signs for the return of their belongings and money.',
  },
  'movements.release.returned_notes_required': {
    fr: 'Dites ce qui n’a pas été rendu, et pourquoi.',
    en: 'Say what was not returned, and why.',
  },
  'movements.release.admission_ended': {
    fr: 'Cet écrou est déjà levé.',
    en: 'This admission has already ended.',
  },
  'movements.release.in_progress': {
    fr: 'Une libération est déjà en cours pour cet écrou.',
    en: 'A release is already in progress for this admission.',
  },
  'movements.incident.not_escape': {
    fr: 'Seule une évasion peut être suivie d’une réintégration.',
    en: 'Only an escape can be followed by a readmission.',
  },
  'movements.incident.already_recaptured': {
    fr: 'La personne a déjà été réintégrée.',
    en: 'The person has already been readmitted.',
  },
  'movements.incident.recapture_before_escape': {
    fr: 'La reprise ne peut pas précéder l’évasion.',
    en: 'The recapture cannot come before the escape.',
  },
  'movements.incident.no_basis': {
    fr: 'L’écrou d’origine n’a pas de titre ni de charge à reprendre.',
    en: 'The original admission has no title or charge to carry over.',
  },
  'movements.incident.readmission_note': {
    fr: 'Réintégration après évasion (écrou d’origine {committal})',
    en: 'Readmission after escape (original admission {committal})',
  },
  // Justice basis, written from the justice module's file
  'movements.release.basis_sentence': {
    fr: 'Fin de peine au {date} (date calculée par le module justice)',
    en: 'Sentence ends on {date} (date computed by the justice module)',
  },
  'movements.release.basis_expired': {
    fr: 'Titre de détention expiré le {date}, sans ordonnance de prolongation',
    en: 'Detention title expired on {date}, with no extension order',
  },
  // Reasons
  'movements.release.reason.end_of_sentence': { fr: 'Fin de peine', en: 'End of sentence' },
  'movements.release.reason.acquittal': { fr: 'Acquittement ou relaxe', en: 'Acquittal' },
  'movements.release.reason.release_order': { fr: 'Ordonnance de mise en liberté', en: 'Release order' },
  'movements.release.reason.provisional_release': { fr: 'Liberté provisoire', en: 'Provisional release' },
  'movements.release.reason.pardon': { fr: 'Grâce', en: 'Pardon' },
  'movements.release.reason.detention_expired': {
    fr: 'Expiration de la détention sans ordonnance de prolongation',
    en: 'Detention expired without an extension order',
  },
  'movements.release.reason.transfer_to_authority': {
    fr: 'Remise à une autre autorité',
    en: 'Handed to another authority',
  },
  'movements.release.reason.death': { fr: 'Décès', en: 'Death' },
  // States
  'movements.release.state.checked': { fr: 'Vérifiée, à confirmer', en: 'Checked, to confirm' },
  'movements.release.state.confirmed': { fr: 'Confirmée, à effectuer', en: 'Confirmed, to carry out' },
  'movements.release.state.released': { fr: 'Libéré(e)', en: 'Released' },
  'movements.release.state.cancelled': { fr: 'Annulée', en: 'Cancelled' },
  // Audiences and channels
  'movements.audience.family': { fr: 'Famille', en: 'Family' },
  'movements.audience.authority': { fr: 'Autorité désignée', en: 'Designated authority' },
  'movements.audience.police': { fr: 'Police', en: 'Police' },
  'movements.audience.gendarmerie': { fr: 'Gendarmerie', en: 'Gendarmerie' },
  'movements.audience.prosecutor': { fr: 'Parquet', en: 'Prosecutor' },
  'movements.audience.other': { fr: 'Autre', en: 'Other' },
  'movements.channel.in_person': { fr: 'En personne', en: 'In person' },
  'movements.channel.phone': { fr: 'Téléphone', en: 'Phone' },
  'movements.channel.letter': { fr: 'Courrier', en: 'Letter' },
  'movements.channel.sms': { fr: 'SMS', en: 'Text message' },
  'movements.channel.email': { fr: 'Courriel', en: 'Email' },
  'movements.channel.radio': { fr: 'Radio', en: 'Radio' },
  // Release-due kinds
  'movements.due.release_due': { fr: 'Libération due', en: 'Release due' },
  'movements.due.expired_title': { fr: 'Titre expiré', en: 'Title expired' },
  'movements.due.no_title': { fr: 'Sans titre de détention', en: 'No detention title' },
  'movements.due.ends_tomorrow': { fr: 'Fin de peine demain', en: 'Sentence ends tomorrow' },
  'movements.due.ends_this_week': { fr: 'Fin de peine cette semaine', en: 'Sentence ends this week' },
  // Incidents
  'movements.incident.kind.escape': { fr: 'Évasion', en: 'Escape' },
  'movements.incident.kind.death': { fr: 'Décès en détention', en: 'Death in custody' },
});

export const reasonLabel = m.family('movements.release.reason.', RELEASE_REASONS);
export const stateLabel = m.family('movements.release.state.', RELEASE_STATES);
export const audienceLabel = m.family('movements.audience.', AUDIENCES);
export const channelLabel = m.family('movements.channel.', CHANNELS);
export const dueLabel = m.family('movements.due.', DUE_KINDS);
export const incidentLabel = m.family('movements.incident.kind.', INCIDENT_KINDS);
