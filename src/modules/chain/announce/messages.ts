/** The announced arrivals' words, French and English: errors and the labels of the enums. */
import { defineMessages } from '../../../core/messages.js';
import { BIRTH_PRECISIONS, LEGAL_BASES, MISSING, SOURCES, STATUSES } from './rules.js';

export const m = defineMessages({
  // Errors
  'chain.birth.age_required': { fr: 'Indiquez l’âge estimé.', en: 'Give the estimated age.' },
  'chain.birth.format_exact': {
    fr: 'Date de naissance au format AAAA-MM-JJ.',
    en: 'Date of birth as YYYY-MM-DD.',
  },
  'chain.birth.format_month': { fr: 'Mois de naissance au format AAAA-MM.', en: 'Month of birth as YYYY-MM.' },
  'chain.birth.format_year': { fr: 'Année de naissance au format AAAA.', en: 'Year of birth as YYYY.' },
  'chain.birth.future': {
    fr: 'La naissance ne peut pas être après la date d’arrivée prévue.',
    en: 'The birth cannot be after the expected arrival.',
  },
  'chain.expected.past': {
    fr: 'Une arrivée s’annonce avant le transfert : la date prévue est passée depuis plus d’une semaine.',
    en: 'An arrival is announced before the transfer: the expected date is more than a week ago.',
  },
  'chain.expected.far': {
    fr: 'La date prévue est à plus d’un an.',
    en: 'The expected date is more than a year ahead.',
  },
  'chain.unit.code_taken': { fr: 'Ce code d’unité existe déjà.', en: 'This unit code already exists.' },
  'chain.unit.unknown_user': { fr: 'Aucun compte ne porte cet identifiant.', en: 'No account has this username.' },
  'chain.unit.not_force_officer': {
    fr: 'Ce compte n’a pas le rôle d’officier d’une force.',
    en: 'This account does not have the force officer role.',
  },
  'chain.unit.not_yours': {
    fr: 'Vous n’êtes pas officier de cette unité.',
    en: 'You are not an officer of this unit.',
  },
  'chain.unit.choose': { fr: 'Choisissez l’unité qui annonce.', en: 'Choose the announcing unit.' },
  'chain.unit.none': {
    fr: 'Votre compte n’est rattaché à aucune unité : demandez à l’administration de l’y rattacher.',
    en: 'Your account belongs to no unit: ask the administration to add it to one.',
  },
  'chain.prison_unknown': { fr: 'Établissement inconnu.', en: 'Unknown prison.' },
  'chain.jurisdiction_unknown': { fr: 'Parquet ou juridiction inconnu.', en: 'Unknown prosecutor’s office or court.' },
  'chain.already_received': {
    fr: 'Cette arrivée a déjà été accueillie (ou annulée).',
    en: 'This arrival has already been received (or cancelled).',
  },
  'chain.documents.not_your_case': {
    fr: 'Ces pièces sont réservées au parquet de l’affaire et aux magistrats du Pôle judiciaire spécialisé.',
    en: 'These documents are for the case’s prosecutor and the Pôle judiciaire spécialisé’s magistrates only.',
  },
  'chain.period': { fr: 'Le début de la période est après sa fin.', en: 'The period starts after it ends.' },
  // Enums
  'chain.legal_basis.flagrante_delicto': { fr: 'Flagrant délit', en: 'Caught in the act (flagrante delicto)' },
  'chain.legal_basis.police_custody': { fr: 'Garde à vue', en: 'Police custody' },
  'chain.legal_basis.prosecutor_order': { fr: 'Réquisition du procureur', en: 'Prosecutor’s order' },
  'chain.legal_basis.warrant': { fr: 'Mandat (d’amener, d’arrêt, de dépôt)', en: 'Warrant' },
  'chain.legal_basis.other': { fr: 'Autre', en: 'Other' },
  'chain.precision.exact': { fr: 'Date exacte', en: 'Exact date' },
  'chain.precision.month': { fr: 'Mois et année', en: 'Month and year' },
  'chain.precision.year': { fr: 'Année seulement', en: 'Year only' },
  'chain.precision.estimated': { fr: 'Âge estimé', en: 'Estimated age' },
  'chain.precision.unknown': { fr: 'Inconnue', en: 'Unknown' },
  'chain.status.announced': { fr: 'Attendue', en: 'Expected' },
  'chain.status.received': { fr: 'Accueillie', en: 'Received' },
  'chain.status.cancelled': { fr: 'Annulée', en: 'Cancelled' },
  'chain.source.force': { fr: 'Force qui a arrêté', en: 'Arresting force' },
  'chain.source.prosecutor': { fr: 'Parquet', en: 'Prosecutor' },
  'chain.missing.birth': { fr: 'date de naissance', en: 'date of birth' },
  'chain.missing.legal_reference': { fr: 'référence de la pièce légale', en: 'legal reference' },
  'chain.missing.jurisdiction': { fr: 'parquet compétent', en: 'competent prosecutor' },
  'chain.missing.charge': { fr: 'ce qui est reproché', en: 'what the person is accused of' },
  'chain.missing.information': { fr: 'renseignements', en: 'information' },
  'chain.missing.evidence': { fr: 'éléments de preuve', en: 'evidence' },
  'chain.missing.documents': { fr: 'pièces jointes', en: 'documents' },
});

export const legalBasisLabel = m.family('chain.legal_basis.', LEGAL_BASES);
export const precisionLabel = m.family('chain.precision.', BIRTH_PRECISIONS);
export const statusLabel = m.family('chain.status.', STATUSES);
export const sourceLabel = m.family('chain.source.', SOURCES);
export const missingLabel = m.family('chain.missing.', MISSING);
