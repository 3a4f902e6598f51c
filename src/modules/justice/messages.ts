import { registerMessages } from '../../core/i18n.js';
import './release-messages.js';

registerMessages({
  // Legal titles
  'justice.title.committal_order': { fr: 'Mandat de dépôt', en: 'Committal order' },
  'justice.title.arrest_warrant': { fr: "Mandat d'arrêt", en: 'Arrest warrant' },
  'justice.title.extension_order': { fr: 'Ordonnance de prolongation de la détention', en: 'Extension order' },
  'justice.title.committal_for_trial': { fr: 'Ordonnance de renvoi / mise en accusation', en: 'Committal for trial' },
  'justice.title.conviction': { fr: 'Jugement de condamnation', en: 'Conviction' },
  'justice.title.acquittal': { fr: 'Relaxe / acquittement', en: 'Acquittal' },
  'justice.title.release_order': { fr: 'Ordonnance de mise en liberté', en: 'Release order' },
  'justice.title.appeal': { fr: 'Appel', en: 'Appeal' },
  'justice.title.pardon': { fr: 'Grâce', en: 'Pardon' },
  'justice.title.remission': { fr: 'Remise de peine', en: 'Remission' },

  'justice.authority.investigating_judge': { fr: "Juge d'instruction", en: 'Investigating judge' },
  'justice.authority.prosecutor': { fr: 'Procureur de la République', en: 'Public prosecutor' },
  'justice.authority.pole_judiciaire_specialise': {
    fr: 'Pôle judiciaire spécialisé',
    en: 'Specialised judicial unit (terrorism and organised crime)',
  },
  'justice.authority.liberty_detention_college': {
    fr: 'Collège des libertés et de la détention',
    en: 'Liberty and detention panel',
  },
  'justice.authority.court_first_instance': { fr: 'Tribunal de première instance', en: 'Court of first instance' },
  'justice.authority.indictment_chamber': { fr: "Chambre d'accusation", en: 'Indictment chamber' },
  'justice.authority.assize_court': { fr: "Cour d'assises", en: 'Assize court' },
  'justice.authority.criminal_chamber': { fr: 'Chambre criminelle', en: 'Criminal chamber' },
  'justice.authority.appeal_court': { fr: "Cour d'appel", en: 'Court of appeal' },
  'justice.authority.supreme_court': { fr: 'Cour suprême', en: 'Supreme Court' },
  'justice.authority.head_of_state': { fr: "Chef de l'État", en: 'Head of State' },
  'justice.authority.other': { fr: 'Autre autorité', en: 'Other authority' },

  'justice.category.misdemeanour_2y_or_less': {
    fr: 'Délit puni de 2 ans ou moins',
    en: 'Misdemeanour, 2 years or less',
  },
  'justice.category.misdemeanour_over_2y': { fr: 'Délit puni de plus de 2 ans', en: 'Misdemeanour, over 2 years' },
  'justice.category.felony': { fr: 'Crime', en: 'Felony' },
  'justice.category.terrorism': {
    fr: 'Infraction liée au terrorisme (poursuite)',
    en: 'Terrorism-related offence (charge)',
  },

  // Legal status (derived)
  'justice.status.under_investigation': { fr: 'Inculpé(e), en instruction', en: 'Untried, under investigation' },
  'justice.status.awaiting_trial': { fr: 'Prévenu(e), en attente de jugement', en: 'Untried, awaiting trial' },
  'justice.status.convicted': { fr: 'Condamné(e)', en: 'Convicted' },
  'justice.status.appealing': { fr: 'Condamné(e), en appel', en: 'Convicted, appealing' },
  'justice.status.acquitted': { fr: 'Relaxé(e) ou acquitté(e) : à libérer', en: 'Acquitted: to be released' },
  'justice.status.released': { fr: 'Mise en liberté ordonnée : à libérer', en: 'Release ordered: to be released' },
  'justice.status.pardoned': { fr: 'Gracié(e) : à libérer', en: 'Pardoned: to be released' },

  // Warnings on the sequence of titles
  'justice.warn.no_title': { fr: 'Aucun titre de détention au dossier.', en: 'No detention title on file.' },
  'justice.warn.extension_without_order': {
    fr: 'Prolongation sans mandat initial au dossier.',
    en: 'Extension order without an initial order on file.',
  },
  'justice.warn.extension_after_stage': {
    fr: 'Prolongation postérieure au renvoi ou au jugement : sans effet sur le statut.',
    en: 'Extension order after committal for trial or judgment: no effect on the status.',
  },
  'justice.warn.out_of_sequence': {
    fr: 'Titre hors de la suite normale de la procédure.',
    en: 'Title out of the normal sequence of the procedure.',
  },
  'justice.warn.appeal_without_judgment': {
    fr: 'Appel sans jugement de condamnation au dossier.',
    en: 'Appeal without a conviction on file.',
  },
  'justice.warn.pardon_without_judgment': {
    fr: 'Grâce sans condamnation au dossier.',
    en: 'Pardon without a conviction on file.',
  },
  'justice.warn.remission_without_judgment': {
    fr: 'Remise de peine sans condamnation au dossier.',
    en: 'Remission without a conviction on file.',
  },
  'justice.warn.supersedes_unknown': {
    fr: 'La correction vise un titre inconnu.',
    en: 'The correction refers to an unknown title.',
  },
  'justice.warn.corrected_twice': {
    fr: 'Ce titre a été corrigé deux fois en parallèle.',
    en: 'This title was corrected twice in parallel.',
  },

  // Period flags
  'justice.flag.late': {
    fr: 'Délivré après expiration du titre précédent (détention sans titre)',
    en: 'Issued after the previous title expired (held without a title)',
  },
  'justice.flag.early': {
    fr: 'Délivré avant le délai légal de renouvellement',
    en: 'Issued before the legal renewal window',
  },
  'justice.flag.renewal_not_provided': {
    fr: 'La loi ne prévoit pas de prolongation pour cette catégorie',
    en: 'The law provides no extension for this category',
  },
  'justice.flag.renewals_exceeded': {
    fr: 'Nombre légal de prolongations dépassé',
    en: 'Legal number of extensions exceeded',
  },
  'justice.flag.period_exceeds_rule': {
    fr: 'Durée supérieure à la durée légale : ramenée à la durée légale',
    en: 'Longer than the legal period: capped at the legal period',
  },
  'justice.flag.capped_at_legal_maximum': {
    fr: 'Limité à la durée maximale légale',
    en: 'Capped at the legal maximum',
  },
  'justice.flag.no_validity': {
    fr: 'Aucune validité : durée maximale déjà atteinte',
    en: 'No validity: legal maximum already reached',
  },
  'justice.flag.no_rule': {
    fr: 'Aucune règle de durée pour cette catégorie à cette date',
    en: 'No limit rule for this category on that date',
  },
  'justice.flag.arrest_warrant_short_period': {
    fr: "Mandat d'arrêt : seulement le court délai avant la présentation au juge",
    en: 'Arrest warrant: only the short period before the person is brought before the judge',
  },
  'justice.flag.category_assumed': {
    fr: 'Catégorie inconnue : règle protectrice appliquée (art. 125)',
    en: 'Category unknown: the protective rule applies (art. 125)',
  },
  'justice.category.assumed': {
    fr: 'Catégorie présumée (inconnue au dossier) : règle la plus protectrice',
    en: 'Category assumed (not on file): the most protective rule',
  },
  'justice.category.arrest_warrant': {
    fr: "Mandat d'arrêt (délai de présentation)",
    en: 'Arrest warrant (time to be brought before the judge)',
  },

  // Limit rules
  'justice.rule.bad_period': {
    fr: 'Durée invalide (nombres entiers positifs).',
    en: 'Invalid period (whole positive numbers).',
  },
  'justice.rule.bad_count': { fr: 'Nombre invalide.', en: 'Invalid number.' },
  'justice.rule.renewal_needed': {
    fr: 'Indiquez la durée de chaque prolongation.',
    en: 'Give the length of each extension.',
  },
  'justice.rule.bad_dates': {
    fr: "La fin d'application doit suivre le début.",
    en: 'The end date must follow the start date.',
  },
  'justice.rule.max_below_initial': {
    fr: 'Le maximum absolu est inférieur à la durée initiale.',
    en: 'The absolute maximum is shorter than the initial period.',
  },
  'justice.rule.to_confirm': { fr: 'à confirmer', en: 'to confirm' },

  // Release date calculation
  'justice.release.step.life': {
    fr: 'Réclusion à perpétuité : pas de date de libération.',
    en: 'Life imprisonment: no release date.',
  },
  'justice.release.step.sentence': {
    fr: 'Peine prononcée : {years} an(s), {months} mois, {days} jour(s).',
    en: 'Sentence: {years} year(s), {months} month(s), {days} day(s).',
  },
  'justice.release.step.start': { fr: 'Début de la peine : {date}.', en: 'Sentence starts: {date}.' },
  'justice.release.step.end': {
    fr: 'Fin de peine avant déductions (dernier jour) : {date}.',
    en: 'End of sentence before deductions (last day): {date}.',
  },
  'justice.release.step.remand_credit': {
    fr: 'Détention provisoire imputée : {days} jour(s), soit le {date}.',
    en: 'Remand credit: {days} day(s), giving {date}.',
  },
  'justice.release.step.remand_credit_computed': {
    fr: 'Détention provisoire imputée, du {from} au {to} : {days} jour(s), soit le {date}.',
    en: 'Remand credit, {from} to {to}: {days} day(s), giving {date}.',
  },
  'justice.release.step.remission': {
    fr: 'Remise de peine {reference} : {years} an(s), {months} mois, {days} jour(s), soit le {date}.',
    en: 'Remission {reference}: {years} year(s), {months} month(s), {days} day(s), giving {date}.',
  },
  'justice.release.step.pardon_partial': {
    fr: 'Grâce partielle {reference} : {years} an(s), {months} mois, {days} jour(s), soit le {date}.',
    en: 'Partial pardon {reference}: {years} year(s), {months} month(s), {days} day(s), giving {date}.',
  },
  'justice.release.step.pardon_full': {
    fr: 'Grâce totale {reference} : libération le {date}.',
    en: 'Full pardon {reference}: release on {date}.',
  },
  'justice.release.step.at_large': {
    fr: 'Évadé le {from}, réintégré le {to} : {days} jour(s) hors de la détention ne comptent pas comme peine exécutée, soit le {date}.',
    en: 'Escaped on {from}, back in custody on {to}: {days} day(s) at large do not count as time served, giving {date}.',
  },
  'justice.release.step.result': { fr: 'Date de libération : {date}.', en: 'Release date: {date}.' },
  'justice.release.step.served_in_full': {
    fr: 'Les déductions couvrent toute la peine : libération immédiate ({date}).',
    en: 'Deductions cover the whole sentence: release at once ({date}).',
  },

  // Alerts
  'justice.alert.expired': {
    fr: 'Détenu(e) sans titre valide : titre expiré le {date}',
    en: 'Held without a valid title: title expired on {date}',
  },
  'justice.alert.no_title': { fr: 'Aucun titre de détention au dossier', en: 'No detention title on file' },
  'justice.alert.release_due': { fr: 'Libération due depuis le {date}', en: 'Release due since {date}' },
  'justice.alert.expiring': { fr: 'Titre expirant le {date} ({days} j)', en: 'Title expires on {date} ({days} d)' },
  'justice.alert.no_hearing': {
    fr: 'Pas de comparution depuis {days} jours',
    en: 'No court appearance for {days} days',
  },
  'justice.episode.expired': { fr: 'Détenu(e) sans titre valide', en: 'Held without a valid title' },
  'justice.episode.no_title': { fr: 'Aucun titre de détention au dossier', en: 'No detention title on file' },
  'justice.episode.release_due': { fr: 'Libération due', en: 'Release due' },
  'justice.episode.category_assumed': { fr: "Catégorie d'infraction présumée", en: 'Offence category assumed' },
  'justice.alert.category_assumed': {
    fr: "Catégorie d'infraction inconnue : délai de l'art. 125 appliqué par précaution",
    en: 'Offence category unknown: the art. 125 limit applied as a precaution',
  },
  'justice.action.confirm_category': {
    fr: "Demander au magistrat la qualification et la peine encourue (délit de 2 ans au plus ou non) et la résidence de l'inculpé.",
    en: 'Ask the judge for the offence, its maximum penalty (2 years or less or not) and whether the accused is resident.',
  },
  'justice.action.art129': {
    fr: "Art. 129 CPP : le régisseur avise le juge d'instruction et conduit l'inculpé devant le procureur de la République.",
    en: 'CPP art. 129: the director informs the investigating judge and brings the detainee before the public prosecutor.',
  },
  'justice.action.release': {
    fr: "Vérifier les titres et procéder à la levée d'écrou.",
    en: 'Check the titles and release the person.',
  },
  'justice.action.remind_judge': {
    fr: "Rappeler l'échéance au magistrat qui a délivré le titre.",
    en: 'Remind the issuing judge of the expiry.',
  },
  'justice.action.request_hearing': {
    fr: 'Signaler le dossier au parquet pour audiencement.',
    en: 'Refer the file to the prosecutor for a hearing date.',
  },

  // Backlog
  'justice.backlog.sentenced_share': {
    fr: '{sentenced} condamnés sur {total}, {percent} %',
    en: '{sentenced} of {total} sentenced, {percent} %',
  },
  'justice.backlog.bucket.lt_1m': { fr: "Moins d'un mois", en: 'Under 1 month' },
  'justice.backlog.bucket.1_3m': { fr: '1 à 3 mois', en: '1–3 months' },
  'justice.backlog.bucket.3_6m': { fr: '3 à 6 mois', en: '3–6 months' },
  'justice.backlog.bucket.6_12m': { fr: '6 à 12 mois', en: '6–12 months' },
  'justice.backlog.bucket.1_2y': { fr: '1 à 2 ans', en: '1–2 years' },
  'justice.backlog.bucket.2_3y': { fr: '2 à 3 ans', en: '2–3 years' },
  'justice.backlog.bucket.gt_3y': { fr: 'Plus de 3 ans', en: 'Over 3 years' },
  // Service errors
  'justice.partner.not_your_case': {
    fr: 'Ce dossier ne relève pas de votre juridiction.',
    en: 'This case is not in your jurisdiction.',
  },
  'justice.partner.staff_only': { fr: 'Réservé au personnel pénitentiaire.', en: 'For prison staff only.' },
  'justice.partner.partners_only': { fr: 'Réservé aux partenaires de la justice.', en: 'For justice partners only.' },
  'justice.partner.own_jurisdiction_only': {
    fr: 'Indiquez votre propre juridiction.',
    en: 'Give your own jurisdiction.',
  },
  'justice.partner.own_titles_only': {
    fr: 'Vous ne pouvez corriger que les titres délivrés par votre juridiction.',
    en: 'You may only correct titles your jurisdiction issued.',
  },
  'justice.partner.own_hearings_only': {
    fr: 'Vous ne pouvez modifier que les audiences de votre juridiction.',
    en: 'You may only change hearings before your jurisdiction.',
  },
  'justice.partner.unknown_user': { fr: 'Utilisateur inconnu.', en: 'Unknown user.' },
  'justice.partner.not_partner': {
    fr: "Ce compte n'a pas le rôle de partenaire (procureur).",
    en: 'This account does not have the partner (prosecutor) role.',
  },
  'justice.jurisdiction.unknown': { fr: 'Juridiction inconnue.', en: 'Unknown jurisdiction.' },
  'justice.jurisdiction.bad_code': {
    fr: 'Code invalide (2 à 32 lettres majuscules, chiffres, - ou _).',
    en: 'Invalid code (2 to 32 capital letters, digits, - or _).',
  },
  'justice.jurisdiction.code_taken': { fr: 'Ce code est déjà utilisé.', en: 'This code is already used.' },
  'justice.title.valid_until_before_start': {
    fr: 'La date de fin précède le début du titre.',
    en: 'The end date is before the start of the title.',
  },
  'justice.title.field_not_for_kind': {
    fr: 'Ce champ ne concerne pas ce type de titre.',
    en: 'This field does not apply to this kind of title.',
  },
  'justice.title.sentence_required': { fr: 'Indiquez la peine prononcée.', en: 'Give the sentence.' },
  'justice.title.reduction_required': {
    fr: 'Indiquez la durée de la réduction.',
    en: 'Give the length of the reduction.',
  },
  'justice.title.withdrawn': { fr: 'Ce titre a été retiré.', en: 'This title was withdrawn.' },
  'justice.title.already_corrected': {
    fr: 'Ce titre a déjà été corrigé : corrigez sa dernière version.',
    en: 'This title was already corrected: correct its latest version.',
  },
  'justice.title.nothing_to_correct': { fr: 'Aucune valeur modifiée.', en: 'No value changed.' },
  'justice.hearing.admission_ended': { fr: 'Cette admission est terminée.', en: 'This admission has ended.' },
  'justice.rule.code_taken': { fr: 'Ce code de règle existe déjà.', en: 'This rule code already exists.' },
  'justice.charge.accused_of': { fr: 'Poursuivi(e) pour : {qualification}', en: 'Accused of: {qualification}' },
  'justice.charge.convicted_of': { fr: 'Condamné(e) pour : {qualification}', en: 'Convicted of: {qualification}' },
  // Court list (printable)
  'justice.court_list.title': { fr: 'Extractions du {date} — {prison}', en: 'Court appearances on {date} — {prison}' },
  'justice.court_list.count': { fr: '{count} détenu(s) à extraire.', en: '{count} detainee(s) to take to court.' },
  'justice.court_list.time': { fr: 'Heure', en: 'Time' },
  'justice.court_list.detainee': { fr: 'Détenu(e)', en: 'Detainee' },
  'justice.court_list.committal': { fr: "N° d'écrou", en: 'Committal no.' },
  'justice.court_list.cell': { fr: 'Cellule', en: 'Cell' },
  'justice.court_list.court': { fr: 'Juridiction', en: 'Court' },
  'justice.court_list.charges': { fr: 'Poursuites', en: 'Charges' },
  'justice.court_list.order': { fr: "Ordre d'extraction", en: 'Production order' },
  'justice.court_list.escort': { fr: 'Escorte', en: 'Escort' },
  'justice.court_list.escort_size': { fr: '{count} agent(s)', en: '{count} officer(s)' },
  'justice.court_list.son_of': { fr: 'fils/fille de {name}', en: 'child of {name}' },
  'justice.court_list.empty': { fr: 'Aucune extraction prévue.', en: 'No court appearance scheduled.' },
  'justice.court_list.registry_signature': { fr: 'Le greffier', en: 'Registry clerk' },
  'justice.court_list.escort_signature': { fr: "Le chef d'escorte", en: 'Escort leader' },
});
