import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'reception.step.security': { fr: 'Bureau de la sécurité', en: 'Security office' },
  'reception.step.administration': {
    fr: "Bureau de l'administration (dossier et écrou)",
    en: 'Administration office (file and committal)',
  },
  'reception.step.registry': { fr: 'Greffe : inventaire des effets', en: 'Registry: belongings inventory' },
  'reception.step.medical': { fr: "Visite médicale d'entrée", en: 'Reception medical check' },
  'reception.step.interview': {
    fr: "Entretien d'accueil (enquête sociale)",
    en: 'Reception interview (social investigation)',
  },
  'reception.missing.security': {
    fr: 'Étape manquante : bureau de la sécurité.',
    en: 'Missing step: security office.',
  },
  'reception.missing.administration': {
    fr: "Étape manquante : bureau de l'administration (dossier et écrou).",
    en: 'Missing step: administration office (file and committal).',
  },
  'reception.missing.registry': {
    fr: 'Étape manquante : inventaire des effets au greffe.',
    en: 'Missing step: belongings inventory at the registry.',
  },
  'reception.missing.medical': {
    fr: "Étape manquante : visite médicale d'entrée.",
    en: 'Missing step: reception medical check.',
  },
  'reception.missing.interview': {
    fr: "Étape manquante : entretien d'accueil.",
    en: 'Missing step: reception interview.',
  },
  'reception.step_done': { fr: 'Cette étape est déjà faite.', en: 'This step has already been done.' },
  'reception.out_of_order': {
    fr: 'Étape faite hors de l’ordre habituel (avant : {steps}) : indiquez pourquoi.',
    en: 'Step done out of the usual order (before: {steps}): say why.',
  },
  'reception.not_in_progress': { fr: 'Cet accueil est terminé.', en: 'This reception is closed.' },
  'reception.override_needs_file': {
    fr:
      'La dérogation du directeur se décide une fois le dossier créé (étape de l’administration) : les règles de ' +
      'séparation ont besoin du dossier.',
    en: "The director's override is decided once the file exists (administration step): the separation rules need the file.",
  },
  'reception.needs_admission': {
    fr: "Le dossier n'est pas encore créé : faites d'abord l'étape de l'administration.",
    en: 'The file is not created yet: do the administration step first.',
  },
  'reception.shared_conflict': {
    fr: 'Vous avez indiqué que rien n’a été transmis : laissez vides les informations et éléments transmis.',
    en: 'You said nothing was shared: leave the information and evidence shared empty.',
  },
  'reception.fingerprint_reason': {
    fr: 'Indiquez pourquoi les empreintes n’ont pas été prises.',
    en: 'Say why the fingerprints were not taken.',
  },
  'reception.interview.voluntary': { fr: 'Volontaire', en: 'Voluntary' },
  'reception.interview.forced': { fr: 'Forcée', en: 'Forced' },
  'reception.interview.denied': { fr: 'Niée', en: 'Denied' },
  'reception.interview.unclear': { fr: 'Pas claire', en: 'Unclear' },
  'reception.reason.economic': { fr: 'Raisons économiques', en: 'Economic reasons' },
  'reception.reason.protection': {
    fr: 'Protection (de soi, de la famille, du bétail)',
    en: 'Protection (self, family, livestock)',
  },
  'reception.reason.community': { fr: 'Pression de la communauté', en: 'Community pressure' },
  'reception.reason.family': { fr: 'Liens familiaux', en: 'Family ties' },
  'reception.reason.religious': { fr: 'Motifs religieux', en: 'Religious motives' },
  'reception.reason.grievance': {
    fr: "Griefs envers l'État ou une communauté",
    en: 'Grievances against the State or a community',
  },
  'reception.reason.coercion': { fr: 'Contrainte, menaces', en: 'Coercion, threats' },
  'reception.reason.revenge': { fr: 'Vengeance', en: 'Revenge' },
  'reception.reason.status': { fr: 'Statut, reconnaissance', en: 'Status, recognition' },
  'reception.reason.other': { fr: 'Autre', en: 'Other' },
  'reception.fitness.fit': { fr: 'Apte à la détention', en: 'Fit for detention' },
  'reception.fitness.fit_with_care': { fr: 'Apte avec soins', en: 'Fit, with care' },
  'reception.fitness.unfit': { fr: 'Inapte : orientation nécessaire', en: 'Unfit: referral needed' },
  'reception.fingerprints.captured': { fr: 'Prises', en: 'Taken' },
  'reception.fingerprints.refused': { fr: 'Refusées', en: 'Refused' },
  'reception.fingerprints.impossible': { fr: 'Impossibles', en: 'Impossible' },
});
