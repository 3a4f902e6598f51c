import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'custody.person_already_held': {
    fr: 'Cette personne est déjà écrouée ({committal}) : terminez cette admission avant une nouvelle.',
    en: 'This person is already held ({committal}): end that admission before a new one.',
  },
  'custody.person_held_elsewhere': {
    fr: "Cette personne est déjà écrouée dans un autre établissement ({prison}) : contactez l'administration nationale.",
    en: 'This person is already held in another prison ({prison}): contact the national administration.',
  },
  'custody.person_held_elsewhere_unnamed': {
    fr: "Cette personne est déjà écrouée dans un autre établissement : contactez l'administration nationale.",
    en: 'This person is already held in another prison: contact the national administration.',
  },
  'custody.cell_unknown': { fr: 'Cellule inconnue dans cet établissement.', en: 'Unknown cell in this prison.' },
  'custody.cell_full': {
    fr: 'La cellule est pleine ({population}/{capacity}) : indiquez le motif du placement en surnombre.',
    en: 'The cell is full ({population}/{capacity}): give the reason for placing over capacity.',
  },
  'custody.admission_ended': { fr: 'Cette admission est déjà terminée.', en: 'This admission has already ended.' },
  'custody.end_through_movements': {
    fr:
      "Une admission ne se termine plus ici : par la levée d'écrou (vérification, confirmation par un second agent, " +
      'sortie — page /movements/releases/new?admission={admission}, API POST /api/movements/releases), ' +
      "le transfèrement (/movements/transfers, API POST /api/transfers), l'évasion ou le décès " +
      '(/movements/escapes/new, /movements/deaths/new ; API POST /api/movements/escapes, /api/movements/deaths).',
    en:
      'An admission no longer ends here: through the release (check, confirmation by a second officer, release — ' +
      'page /movements/releases/new?admission={admission}, API POST /api/movements/releases), the transfer ' +
      '(/movements/transfers, API POST /api/transfers), the escape or the death (/movements/escapes/new, ' +
      '/movements/deaths/new; API POST /api/movements/escapes, /api/movements/deaths).',
  },
  'custody.end_before_admission': {
    fr: "La date de fin précède l'admission.",
    en: 'The end date is before the admission.',
  },
  'custody.transfer_target_required': {
    fr: "Indiquez l'établissement de destination.",
    en: 'Give the destination prison.',
  },
  'custody.person_or_id': {
    fr: "Donnez soit l'identifiant d'une personne existante, soit son identité.",
    en: 'Give either the id of an existing person or their identity.',
  },
  'custody.nothing_to_correct': { fr: 'Aucune valeur modifiée.', en: 'No value changed.' },
  'custody.status.under_investigation': { fr: 'Inculpé(e), en instruction', en: 'Untried, under investigation' },
  'custody.status.awaiting_trial': { fr: 'Prévenu(e), en attente de jugement', en: 'Untried, awaiting trial' },
  'custody.status.convicted': { fr: 'Condamné(e)', en: 'Convicted' },
  'custody.status.appealing': { fr: 'Condamné(e), en appel', en: 'Convicted, appealing' },
  // The legal status in words (labels.ts): by sex (m, f; x when unknown), prévenu(e) / accusé(e) by the charges.
  'custody.status_word.under_investigation.m': { fr: 'Inculpé, en instruction', en: 'Untried, under investigation' },
  'custody.status_word.under_investigation.f': { fr: 'Inculpée, en instruction', en: 'Untried, under investigation' },
  'custody.status_word.under_investigation.x': { fr: 'Inculpé(e), en instruction', en: 'Untried, under investigation' },
  'custody.status_noun.under_investigation.m': { fr: 'inculpé', en: 'person charged, under investigation' },
  'custody.status_noun.under_investigation.f': { fr: 'inculpée', en: 'person charged, under investigation' },
  'custody.status_noun.under_investigation.x': { fr: 'inculpé(e)', en: 'person charged, under investigation' },
  'custody.status_word.awaiting_trial.m': { fr: 'Prévenu, en attente de jugement', en: 'Untried, awaiting trial' },
  'custody.status_word.awaiting_trial.f': { fr: 'Prévenue, en attente de jugement', en: 'Untried, awaiting trial' },
  'custody.status_word.awaiting_trial.x': { fr: 'Prévenu(e), en attente de jugement', en: 'Untried, awaiting trial' },
  'custody.status_noun.awaiting_trial.m': { fr: 'prévenu', en: 'defendant awaiting trial' },
  'custody.status_noun.awaiting_trial.f': { fr: 'prévenue', en: 'defendant awaiting trial' },
  'custody.status_noun.awaiting_trial.x': { fr: 'prévenu(e)', en: 'defendant awaiting trial' },
  'custody.status_word.accused.m': {
    fr: "Accusé, en attente de jugement (cour d'assises)",
    en: 'Untried, committed for trial at the assize court',
  },
  'custody.status_word.accused.f': {
    fr: "Accusée, en attente de jugement (cour d'assises)",
    en: 'Untried, committed for trial at the assize court',
  },
  'custody.status_word.accused.x': {
    fr: "Accusé(e), en attente de jugement (cour d'assises)",
    en: 'Untried, committed for trial at the assize court',
  },
  'custody.status_noun.accused.m': { fr: 'accusé', en: 'defendant committed for trial at the assize court' },
  'custody.status_noun.accused.f': { fr: 'accusée', en: 'defendant committed for trial at the assize court' },
  'custody.status_noun.accused.x': { fr: 'accusé(e)', en: 'defendant committed for trial at the assize court' },
  'custody.status_word.convicted.m': { fr: 'Condamné', en: 'Convicted' },
  'custody.status_word.convicted.f': { fr: 'Condamnée', en: 'Convicted' },
  'custody.status_word.convicted.x': { fr: 'Condamné(e)', en: 'Convicted' },
  'custody.status_noun.convicted.m': { fr: 'condamné', en: 'convicted person' },
  'custody.status_noun.convicted.f': { fr: 'condamnée', en: 'convicted person' },
  'custody.status_noun.convicted.x': { fr: 'condamné(e)', en: 'convicted person' },
  'custody.status_word.appealing.m': { fr: 'Condamné, en appel', en: 'Convicted, appealing' },
  'custody.status_word.appealing.f': { fr: 'Condamnée, en appel', en: 'Convicted, appealing' },
  'custody.status_word.appealing.x': { fr: 'Condamné(e), en appel', en: 'Convicted, appealing' },
  'custody.status_noun.appealing.m': { fr: 'condamné', en: 'convicted person, appealing' },
  'custody.status_noun.appealing.f': { fr: 'condamnée', en: 'convicted person, appealing' },
  'custody.status_noun.appealing.x': { fr: 'condamné(e)', en: 'convicted person, appealing' },
  'custody.end.release': { fr: 'Libération', en: 'Release' },
  'custody.end.transfer': { fr: 'Transfèrement', en: 'Transfer' },
  'custody.end.death': { fr: 'Décès', en: 'Death' },
  'custody.end.escape': { fr: 'Évasion', en: 'Escape' },
  'custody.doc.committal_order': { fr: 'Mandat de dépôt', en: 'Committal order' },
  'custody.doc.arrest_warrant': { fr: "Mandat d'arrêt", en: 'Arrest warrant' },
  'custody.doc.extension_order': { fr: 'Ordonnance de prolongation', en: 'Extension order' },
  'custody.doc.committal_for_trial': { fr: 'Ordonnance de renvoi / mise en accusation', en: 'Committal for trial' },
  'custody.doc.conviction': { fr: 'Jugement de condamnation', en: 'Judgment (conviction)' },
  'custody.doc.appeal': { fr: 'Acte d’appel', en: 'Notice of appeal' },
});

registerMessages({
  'custody.arrest_after_admission': {
    fr: "L'arrestation ne peut pas suivre l'admission.",
    en: 'The arrest cannot come after the admission.',
  },
  'custody.sentence_not_for_kind': {
    fr: "Une peine ne se saisit qu'avec un jugement de condamnation.",
    en: 'A sentence is entered only with a conviction.',
  },
  'custody.sentence_invalid': {
    fr: 'Peine invalide : une durée (ans, mois, jours), ou la perpétuité, ou la mort ; sursis et amende en nombres entiers positifs.',
    en: 'Invalid sentence: a term (years, months, days), or life, or death; suspended part and fine as whole positive numbers.',
  },
  'custody.sentence_required': {
    fr: 'Saisir la peine prononcée avec sa date de début.',
    en: 'Enter the sentence with its start date.',
  },
  'custody.document_date': {
    fr: "Date du document au format AAAA-MM-JJ, au plus tard le jour de l'admission.",
    en: 'Document date as YYYY-MM-DD, no later than the day of admission.',
  },
  'custody.charges_required': {
    fr: 'Indiquez au moins un chef de poursuite ou de condamnation.',
    en: 'Give at least one charge or offence.',
  },
});

registerMessages({
  'custody.committal_taken': {
    fr: "Ce numéro d'écrou existe déjà dans cet établissement.",
    en: 'This committal number already exists in this prison.',
  },
});

registerMessages({
  'import.sex': { fr: 'Sexe : M ou F.', en: 'Sex: M or F.' },
  'import.admitted_at': {
    fr: "Date d'écrou au format AAAA-MM-JJ ou AAAA-MM-JJ HH:MM.",
    en: 'Admission date as YYYY-MM-DD or YYYY-MM-DD HH:MM.',
  },
  'import.charge_category': {
    fr: 'Catégorie : délit, crime ou contravention.',
    en: 'Category: misdemeanour (délit), felony (crime) or contravention.',
  },
  'import.prison_unknown': { fr: 'Établissement inconnu : {code}.', en: 'Unknown prison: {code}.' },
  // Presumption of innocence: how a person is named (person-label.ts).
  'custody.label.no_charge': { fr: 'chef d’inculpation non renseigné', en: 'charge not recorded' },
  // {of_charges}: in French the charges with their "de", elided ("d'assassinat", "de vol"); in English the charges.
  'custody.label.under_investigation.m': { fr: 'inculpé {of_charges}', en: 'accused of {of_charges}' },
  'custody.label.under_investigation.f': { fr: 'inculpée {of_charges}', en: 'accused of {of_charges}' },
  'custody.label.under_investigation.x': { fr: 'inculpé(e) {of_charges}', en: 'accused of {of_charges}' },
  'custody.label.awaiting_trial.m': {
    fr: 'prévenu {of_charges}',
    en: 'accused of {of_charges} (awaiting trial)',
  },
  'custody.label.awaiting_trial.f': {
    fr: 'prévenue {of_charges}',
    en: 'accused of {of_charges} (awaiting trial)',
  },
  'custody.label.awaiting_trial.x': {
    fr: 'prévenu(e) {of_charges}',
    en: 'accused of {of_charges} (awaiting trial)',
  },
  'custody.label.accused.m': {
    fr: "accusé {of_charges}, renvoyé devant la cour d'assises",
    en: 'accused of {of_charges}, committed for trial at the assize court',
  },
  'custody.label.accused.f': {
    fr: "accusée {of_charges}, renvoyée devant la cour d'assises",
    en: 'accused of {of_charges}, committed for trial at the assize court',
  },
  'custody.label.accused.x': {
    fr: "accusé(e) {of_charges}, renvoyé(e) devant la cour d'assises",
    en: 'accused of {of_charges}, committed for trial at the assize court',
  },
  'custody.label.appealing.m': {
    fr: 'condamné en première instance pour {charges}, appel en cours',
    en: 'convicted at first instance of {charges}, appeal pending',
  },
  'custody.label.appealing.f': {
    fr: 'condamnée en première instance pour {charges}, appel en cours',
    en: 'convicted at first instance of {charges}, appeal pending',
  },
  'custody.label.appealing.x': {
    fr: 'condamné(e) en première instance pour {charges}, appel en cours',
    en: 'convicted at first instance of {charges}, appeal pending',
  },
  'custody.label.convicted.m': { fr: 'condamné pour {charges}', en: 'convicted of {charges}' },
  'custody.label.convicted.f': { fr: 'condamnée pour {charges}', en: 'convicted of {charges}' },
  'custody.label.convicted.x': { fr: 'condamné(e) pour {charges}', en: 'convicted of {charges}' },
  'custody.label.convicted_terrorism.m': {
    fr: 'condamné pour infraction liée au terrorisme : {charges}',
    en: 'convicted of terrorism-related offence: {charges}',
  },
  'custody.label.convicted_terrorism.f': {
    fr: 'condamnée pour infraction liée au terrorisme : {charges}',
    en: 'convicted of terrorism-related offence: {charges}',
  },
  'custody.label.convicted_terrorism.x': {
    fr: 'condamné(e) pour infraction liée au terrorisme : {charges}',
    en: 'convicted of terrorism-related offence: {charges}',
  },
});
