/** Messages of the release computation (release.ts): every step of the breakdown, French and English. */
import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'justice.release.step.death': {
    fr: 'Peine de mort (non commuée) : pas de date de libération.',
    en: 'Death sentence (not commuted): no release date.',
  },
  'justice.release.step.fine_only': {
    fr: "Amende seule ({fine} FCFA) : aucune peine d'emprisonnement à exécuter.",
    en: 'Fine only ({fine} CFA francs): no prison term to serve.',
  },
  'justice.release.step.fine': {
    fr: 'Amende de {fine} FCFA (sans effet sur la date de libération).',
    en: 'Fine of {fine} CFA francs (does not change the release date).',
  },
  'justice.release.step.suspended': {
    fr: 'Sursis : {years} an(s), {months} mois, {days} jour(s) non exécutés, soit le {date}.',
    en: 'Suspended part: {years} year(s), {months} month(s), {days} day(s) not served, giving {date}.',
  },
  'justice.release.step.commuted_life': {
    fr:
      'Réclusion à perpétuité commuée ({reference}, {issued_on}) en {years} ' +
      'an(s), {months} mois, {days} jour(s), comptés depuis le début de la peine.',
    en:
      'Life sentence commuted ({reference}, {issued_on}) to {years} year(s), ' +
      '{months} month(s), {days} day(s), counted from the start of the sentence.',
  },
  'justice.release.step.commuted_death': {
    fr:
      'Peine de mort commuée ({reference}, {issued_on}) en {years} an(s), ' +
      '{months} mois, {days} jour(s), comptés depuis le début de la peine.',
    en:
      'Death sentence commuted ({reference}, {issued_on}) to {years} year(s), ' +
      '{months} month(s), {days} day(s), counted from the start of the sentence.',
  },
  'justice.release.step.commuted': {
    fr: 'Peine commuée ({reference}, {issued_on}) en {years} an(s), {months} mois, {days} jour(s).',
    en: 'Sentence commuted ({reference}, {issued_on}) to {years} year(s), {months} month(s), {days} day(s).',
  },
  'justice.release.step.pardon_full_sentence': {
    fr: "Grâce totale {reference} ({date}) : cette peine ne s'exécute plus.",
    en: 'Full pardon {reference} ({date}): this sentence is no longer served.',
  },
  'justice.release.step.sentence_of': {
    fr: 'Condamnation {reference} du {judged_on} {case}',
    en: 'Conviction {reference} of {judged_on} {case}',
  },
  'justice.release.step.consecutive': {
    fr: 'Exécutée à la suite de la peine {reference} : début le {date}.',
    en: 'Served after sentence {reference}: starts {date}.',
  },
  'justice.release.step.consecutive_assumed': {
    fr:
      'Aucune confusion ordonnée : les peines se cumulent, à la suite de la ' +
      'peine {reference} ; début le {date} (à vérifier sur le jugement).',
    en: 'No concurrent running ordered: sentences add up, after sentence {reference}; starts {date} (check the judgment).',
  },
  'justice.release.step.concurrent': {
    fr: 'Confusion avec la peine {reference} ordonnée : court depuis le {date}.',
    en: 'Runs concurrently with sentence {reference} (ordered by the court): from {date}.',
  },
  'justice.release.step.final': { fr: 'Condamnation définitive le {date}.', en: 'Conviction final on {date}.' },
  'justice.release.step.appeal_pending': {
    fr: "Appel en cours : la condamnation n'est pas définitive.",
    en: 'Appeal pending: the conviction is not final.',
  },
  'justice.release.step.sentence_result': {
    fr: 'Fin de la peine {reference} : {date}.',
    en: 'Sentence {reference} ends: {date}.',
  },
  'justice.release.step.result_all': {
    fr: 'Date de libération, toutes peines comprises ({count}) : {date}.',
    en: 'Release date, all {count} sentences counted: {date}.',
  },
  'justice.release.step.no_date': {
    fr: 'Une peine perpétuelle ou capitale non commuée est en cours : pas de date de libération.',
    en: 'A life or death sentence, not commuted, is in force: no release date.',
  },
  'justice.sentence.life_or_death': { fr: 'Perpétuité ou mort, pas les deux.', en: 'Life or death, not both.' },
  'justice.sentence.term_with_life': {
    fr: 'Une peine perpétuelle ou capitale ne porte pas de durée (une commutation se saisit comme une grâce).',
    en: 'A life or death sentence has no term (a commutation is recorded as a pardon).',
  },
  'justice.sentence.suspended_exceeds': {
    fr: 'Le sursis dépasse la peine prononcée.',
    en: 'The suspended part exceeds the sentence.',
  },
  'justice.sentence.bad_fine': {
    fr: "L'amende est un nombre entier positif de FCFA.",
    en: 'The fine is a whole positive number of CFA francs.',
  },
  'justice.sentence.bad_case_ref': {
    fr: 'Numéro de dossier invalide (1 à 100 caractères).',
    en: 'Invalid case number (1 to 100 characters).',
  },
  'justice.sentence.relation_pair': {
    fr: 'Indiquer à la fois la relation (cumul ou confusion) et la condamnation concernée.',
    en: 'Give both the relation (consecutive or concurrent) and the conviction it concerns.',
  },
  'justice.sentence.final_before_judgment': {
    fr: 'La date à laquelle la condamnation est définitive précède le jugement.',
    en: 'The date the conviction became final is before the judgment.',
  },
  'justice.sentence.commutation_names_sentence': {
    fr: 'Une commutation désigne la condamnation commuée.',
    en: 'A commutation names the sentence it commutes.',
  },
  'justice.sentence.unknown_conviction': {
    fr: 'Condamnation introuvable parmi celles de cette personne.',
    en: 'No such conviction for this person.',
  },
  'justice.release.title': { fr: 'Date de libération', en: 'Release date' },
  'justice.release.date': { fr: 'Libération le {date}', en: 'Release on {date}' },
  'justice.release.no_date': { fr: 'Pas de date de libération', en: 'No release date' },
  'justice.release.breakdown': { fr: 'Le calcul, étape par étape', en: 'The calculation, step by step' },
  'justice.release.rule_note': {
    fr:
      'Mois et années comptés de date à date (loi malienne muette : règle retenue ' +
      'par pmis, à confirmer) ; sans confusion ordonnée, les peines se cumulent.',
    en:
      'Months and years counted date to date (Malian law silent: the rule pmis chose, ' +
      'to confirm); without a court-ordered concurrent running, sentences add up.',
  },
  'justice.history.title': { fr: 'Historique des alertes', en: 'Alert history' },
  'justice.history.kind': { fr: 'Alerte', en: 'Alert' },
  'justice.history.from': { fr: 'Du', en: 'From' },
  'justice.history.to': { fr: 'Au', en: 'To' },
  'justice.history.days': { fr: 'Jours', en: 'Days' },
  'justice.history.closed_by': { fr: 'Levée par', en: 'Closed by' },
  'justice.history.open': { fr: 'en cours', en: 'ongoing' },
  'justice.history.none': { fr: 'Aucune alerte pour cette admission.', en: 'No alert for this admission.' },
  'justice.alert.release_soon': { fr: 'Libération prévue le {date}', en: 'Release due on {date}' },
  'justice.action.prepare_release': {
    fr: "Préparer la levée d'écrou (vérifier les titres, informer le parquet).",
    en: 'Prepare the release (check the titles, inform the prosecutor).',
  },
});
