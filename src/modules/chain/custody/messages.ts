/** Custody before prison: the words, French and English (errors, labels, pages). */
import { defineMessages } from '../../../core/messages.js';
import { LEGAL_BASES, LIMIT_CATEGORIES, PLACE_KINDS } from './rules.js';

export const m = defineMessages({
  // Errors
  'chain.custody.to_before_from': {
    fr: 'La fin de l’étape est antérieure à son début.',
    en: 'The stage ends before it begins.',
  },
  'chain.custody.after_arrival': {
    fr: 'Une étape de garde avant la prison commence avant l’arrivée à la prison.',
    en: 'A stage of custody before prison begins before the arrival at the prison.',
  },
  'chain.custody.in_future': { fr: 'Cette date est dans le futur.', en: 'This date is in the future.' },
  'chain.custody.unknown_jurisdiction': {
    fr: 'Ce parquet n’est pas une juridiction connue.',
    en: 'This prosecutor’s office is not a known jurisdiction.',
  },
  'chain.custody.superseded': {
    fr: 'Cette version a déjà été corrigée : corrigez la version en vigueur.',
    en: 'This version has already been corrected: correct the version in force.',
  },
  'chain.custody.rule_exists': {
    fr: 'Une règle de cette catégorie existe déjà à cette date.',
    en: 'A rule of this category already exists on that date.',
  },
  'chain.custody.partners_only': {
    fr: 'Cette liste est celle des parquets partenaires.',
    en: 'This list is for partner prosecutors’ offices.',
  },
  // Labels
  'chain.custody.place.gendarmerie_brigade': { fr: 'Brigade de gendarmerie', en: 'Gendarmerie brigade' },
  'chain.custody.place.police_station': { fr: 'Commissariat de police', en: 'Police station' },
  'chain.custody.place.camp_i': { fr: 'Camp I (gendarmerie)', en: 'Camp I (gendarmerie)' },
  'chain.custody.place.state_security': { fr: 'Sécurité d’État', en: 'State Security service' },
  'chain.custody.place.military_camp': { fr: 'Camp militaire', en: 'Military camp' },
  'chain.custody.place.other': { fr: 'Autre lieu', en: 'Other place' },
  'chain.custody.basis.flagrante_delicto': { fr: 'Flagrant délit', en: 'Flagrante delicto' },
  'chain.custody.basis.garde_a_vue': { fr: 'Garde à vue', en: 'Police custody' },
  'chain.custody.basis.prosecutor_order': { fr: 'Ordre du procureur', en: 'Prosecutor’s order' },
  'chain.custody.basis.military_detention': { fr: 'Détention militaire', en: 'Military detention' },
  'chain.custody.basis.not_stated': { fr: 'Non indiqué', en: 'Not stated' },
  'chain.custody.category.ordinary': { fr: 'Droit commun', en: 'Ordinary' },
  'chain.custody.category.terrorism': { fr: 'Terrorisme', en: 'Terrorism' },
  'chain.custody.over': {
    fr: 'Garde à vue au-delà de sa limite légale : {over} de trop (limite {limit}).',
    en: 'Police custody beyond its legal limit: {over} too long (limit {limit}).',
  },
  'chain.custody.within': {
    fr: 'Garde à vue dans sa limite : {counted} sur {limit}.',
    en: 'Police custody within its limit: {counted} of {limit}.',
  },
  'chain.custody.without_charge': {
    fr: 'Détenu sans mandat de dépôt ni jugement depuis l’arrivée du {date} ({hours} h au-delà du délai).',
    en: 'Held with no committal order or judgment since arrival on {date} ({hours} h past the set time).',
  },
  'chain.custody.without_charge_action': {
    fr: 'Informer le procureur compétent et obtenir le titre ou la libération.',
    en: 'Inform the competent prosecutor and obtain the title or the release.',
  },
  // Pages
  'chain.custody.page.title': { fr: 'Garde avant la prison', en: 'Custody before prison' },
  'chain.custody.page.person': { fr: 'Personne', en: 'Person' },
  'chain.custody.page.committal': { fr: 'Numéro d’écrou', en: 'Committal number' },
  'chain.custody.page.arrived': { fr: 'Arrivée à la prison', en: 'Arrival at the prison' },
  'chain.custody.page.limit': { fr: 'Limite de la garde à vue', en: 'Police custody limit' },
  'chain.custody.page.credit': { fr: 'Imputé sur la peine à partir du', en: 'Credited as remand from' },
  'chain.custody.page.no_credit': { fr: 'Aucune imputation', en: 'No credit' },
  'chain.custody.page.source': { fr: 'Source de la limite', en: 'Source of the limit' },
  'chain.custody.page.to_confirm': { fr: '(à confirmer)', en: '(to confirm)' },
  'chain.custody.page.charge': { fr: 'Mandat de dépôt ou jugement', en: 'Committal order or judgment' },
  'chain.custody.page.charged': { fr: 'Enregistré', en: 'Recorded' },
  'chain.custody.page.not_charged': { fr: 'Aucun pour l’instant', en: 'None yet' },
  'chain.custody.page.stages': { fr: 'Étapes de la garde', en: 'Stages of custody' },
  'chain.custody.page.none': { fr: 'Aucune étape enregistrée.', en: 'No stage recorded.' },
  'chain.custody.page.add': { fr: 'Ajouter une étape', en: 'Add a stage' },
  'chain.custody.page.correct': { fr: 'Corriger', en: 'Correct' },
  'chain.custody.page.previous': { fr: 'Versions corrigées', en: 'Corrected versions' },
  'chain.custody.page.until_handover': { fr: 'jusqu’à la remise', en: 'until the handover' },
  'chain.custody.page.done': { fr: 'Étape enregistrée.', en: 'Stage recorded.' },
  'chain.custody.page.new_title': { fr: 'Ajouter une étape de garde', en: 'Add a stage of custody' },
  'chain.custody.page.correct_title': { fr: 'Corriger une étape de garde', en: 'Correct a stage of custody' },
  'chain.custody.page.intro': {
    fr: 'Saisissez l’étape d’après les documents remis avec la personne (procès-verbal de garde à vue, ordre du procureur).',
    en: 'Enter the stage from the documents brought with the person (police custody report, prosecutor’s order).',
  },
  'chain.custody.page.save': { fr: 'Enregistrer', en: 'Save' },
  'chain.custody.page.file_link': { fr: 'Garde avant la prison', en: 'Custody before prison' },
  'chain.custody.page.col.force': { fr: 'Force, unité', en: 'Force, unit' },
  'chain.custody.page.col.place': { fr: 'Lieu', en: 'Place' },
  'chain.custody.page.col.period': { fr: 'Du, au', en: 'From, to' },
  'chain.custody.page.col.basis': { fr: 'Fondement', en: 'Legal basis' },
  'chain.custody.page.col.document': { fr: 'Document', en: 'Document' },
  'chain.custody.page.col.action': { fr: 'Action', en: 'Action' },
  'chain.custody.page.extensions': { fr: '{n} prolongation(s)', en: '{n} extension(s)' },
  'chain.custody.page.terrorism': { fr: 'terrorisme', en: 'terrorism' },
  'chain.custody.page.corrected_because': { fr: 'Corrigé : {reason}', en: 'Corrected: {reason}' },
  'chain.custody.home.title': { fr: 'Détenus sans titre de poursuite', en: 'Held without charge' },
  'chain.custody.home.none': {
    fr: 'Personne n’est détenu sans mandat de dépôt ni jugement au-delà du délai.',
    en: 'Nobody is held with no committal order or judgment past the set time.',
  },
  'chain.custody.home.intro': {
    fr: 'Aucun mandat de dépôt ni jugement enregistré {hours} heures après l’arrivée (à distinguer d’un titre expiré).',
    en: 'No committal order or judgment recorded {hours} hours after arrival (distinct from an expired title).',
  },
  // Form fields
  'chain.custody.f.force': { fr: 'Force qui a arrêté ou détenu', en: 'Arresting or holding force' },
  'chain.custody.f.unit': { fr: 'Unité', en: 'Unit' },
  'chain.custody.f.place_kind': { fr: 'Type de lieu', en: 'Kind of place' },
  'chain.custody.f.place_name': { fr: 'Lieu (tel qu’écrit)', en: 'Place (as written)' },
  'chain.custody.f.from_at': { fr: 'Début de l’étape', en: 'Start of the stage' },
  'chain.custody.f.from_time': { fr: 'Heure de début (hh:mm, heure de Bamako)', en: 'Start time (hh:mm, Bamako time)' },
  'chain.custody.f.to_at': {
    fr: 'Fin de l’étape (vide : jusqu’à la remise)',
    en: 'End of the stage (empty: until the handover)',
  },
  'chain.custody.f.to_time': { fr: 'Heure de fin (hh:mm)', en: 'End time (hh:mm)' },
  'chain.custody.f.legal_basis': { fr: 'Fondement juridique', en: 'Legal basis' },
  'chain.custody.f.extensions': { fr: 'Prolongations accordées', en: 'Extensions granted' },
  'chain.custody.f.extension_reference': {
    fr: 'Prolongations : par qui, référence',
    en: 'Extensions: by whom, reference',
  },
  'chain.custody.f.terrorism': {
    fr: 'Infraction en relation avec le terrorisme (limites plus longues)',
    en: 'Terrorism-related offence (longer limits)',
  },
  'chain.custody.f.document_reference': { fr: 'Document remis et numéro', en: 'Document brought and its number' },
  'chain.custody.f.prosecutor_jurisdiction_id': { fr: 'Parquet compétent', en: 'Competent prosecutor’s office' },
  'chain.custody.f.notes': { fr: 'Observations', en: 'Notes' },
  'chain.custody.f.reason': { fr: 'Motif de la correction', en: 'Reason for the correction' },
  'chain.custody.f.none': { fr: '— aucun —', en: '— none —' },
});

export const placeLabel = m.family('chain.custody.place.', PLACE_KINDS);
export const basisLabel = m.family('chain.custody.basis.', LEGAL_BASES);
export const categoryLabel = m.family('chain.custody.category.', LIMIT_CATEGORIES);
