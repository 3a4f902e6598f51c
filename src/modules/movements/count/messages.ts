/** The words of escorts, the count and the daily state, French and English (keys movements.count.*). */
import { defineMessages } from '../../../core/messages.js';

export const m = defineMessages({
  // Errors
  'movements.count.escort.not_held': {
    fr: 'Cette personne n’est plus écrouée dans l’établissement.',
    en: 'This person is no longer held in the prison.',
  },
  'movements.count.escort.already_out': {
    fr: 'Cette personne est déjà sortie sous escorte : enregistrez d’abord son retour.',
    en: 'This person is already out under escort: record their return first.',
  },
  'movements.count.escort.already_back': {
    fr: 'Le retour de cette escorte est déjà enregistré.',
    en: 'This escort’s return is already recorded.',
  },
  'movements.count.escort.back_before_out': {
    fr: 'L’heure de retour doit être après l’heure de départ.',
    en: 'The return time must be after the departure time.',
  },
  'movements.count.escort.hearing_not_court': {
    fr: 'Une audience ne se rattache qu’à une extraction vers le tribunal.',
    en: 'A hearing belongs only to a court production.',
  },
  'movements.count.escort.hearing_unknown': {
    fr: 'Cette audience n’est pas au rôle du jour pour cette personne.',
    en: 'This hearing is not on the day’s court list for this person.',
  },
  'movements.count.unknown_slot': {
    fr: 'Choisissez un des appels de l’établissement.',
    en: 'Choose one of the prison’s count times.',
  },
  'movements.count.unknown_cell': {
    fr: 'Cette cellule n’est pas une cellule ouverte du bâtiment (ou elle est comptée deux fois).',
    en: 'This cell is not an open cell of the unit (or it is counted twice).',
  },
  'movements.count.every_cell': {
    fr: 'Le premier comptage porte sur toutes les cellules du bâtiment.',
    en: 'The first count covers every cell of the unit.',
  },
  'movements.count.already_counted': {
    fr: 'L’appel « {slot} » de ce bâtiment est déjà commencé aujourd’hui : faites un recomptage.',
    en: 'The “{slot}” count of this unit has already begun today: recount instead.',
  },
  'movements.count.closed': {
    fr: 'Ce comptage est déjà validé : il ne change plus.',
    en: 'This count is already closed: it no longer changes.',
  },
  'movements.count.incomplete': {
    fr: 'Toutes les cellules doivent être comptées avant la validation.',
    en: 'Every cell must be counted before the count is closed.',
  },
  'movements.count.note_required': {
    fr: 'Un écart demeure : expliquez-le (ce qui a été vérifié, ce qui a été fait) avant de valider.',
    en: 'A discrepancy remains: explain it (what was checked, what was done) before closing.',
  },
  'movements.count.time_format': {
    fr: 'indiquez une heure comme 08:30',
    en: 'give a time such as 08:30',
  },

  // Enums
  'movements.count.purpose.court': { fr: 'Extraction (tribunal)', en: 'Court production' },
  'movements.count.purpose.hospital': { fr: 'Hôpital', en: 'Hospital' },
  'movements.count.purpose.funeral': { fr: 'Funérailles', en: 'Funeral' },
  'movements.count.purpose.family_visit': { fr: 'Visite familiale', en: 'Family visit' },
  'movements.count.purpose.other': { fr: 'Autre', en: 'Other' },
  'movements.count.slot.morning': { fr: 'Appel du matin', en: 'Morning count' },
  'movements.count.slot.noon': { fr: 'Appel de midi', en: 'Noon count' },
  'movements.count.slot.evening': { fr: 'Appel du soir', en: 'Evening count' },
  'movements.count.state.open': { fr: 'En cours', en: 'Open' },
  'movements.count.state.validated': { fr: 'Validé', en: 'Closed' },

  // Menu
  'movements.count.nav.escorts': { fr: 'Escortes', en: 'Escorts' },
  'movements.count.nav.count': { fr: 'Appel', en: 'Roll call' },
  'movements.count.nav.daily': { fr: 'Situation journalière', en: 'Daily state' },
  'movements.count.nav.national': { fr: 'Situation nationale', en: 'National daily state' },

  // Escorts pages
  'movements.count.escorts.title': { fr: 'Escortes — {prison}', en: 'Escorts — {prison}' },
  'movements.count.escorts.out': { fr: 'Sortis sous escorte', en: 'Out under escort' },
  'movements.count.escorts.none_out': { fr: 'Personne n’est sorti.', en: 'Nobody is out.' },
  'movements.count.escorts.back_today': { fr: 'Rentrés dans la journée', en: 'Back during the day' },
  'movements.count.escorts.none_back': { fr: 'Aucun retour.', en: 'No return.' },
  'movements.count.escorts.productions': {
    fr: 'Extractions du jour (rôle d’audience)',
    en: 'The day’s court productions (court list)',
  },
  'movements.count.escorts.none_productions': {
    fr: 'Aucune audience avec extraction ce jour.',
    en: 'No hearing with a production order that day.',
  },
  'movements.count.escorts.new': { fr: 'Enregistrer une sortie sous escorte', en: 'Record a departure under escort' },
  'movements.count.escorts.depart': { fr: 'Enregistrer le départ', en: 'Record the departure' },
  'movements.count.escorts.left_at': { fr: 'Parti à {time}', en: 'Left at {time}' },
  'movements.count.escorts.back': { fr: 'Enregistrer le retour', en: 'Record the return' },
  'movements.count.escorts.overdue': { fr: 'Retour en retard', en: 'Overdue' },
  'movements.count.escorts.recorded': { fr: 'La sortie est enregistrée.', en: 'The departure is recorded.' },
  'movements.count.escorts.returned': { fr: 'Le retour est enregistré.', en: 'The return is recorded.' },
  'movements.count.escorts.find': { fr: 'Rechercher la personne', en: 'Find the person' },
  'movements.count.escorts.find_hint': {
    fr: 'Nom ou numéro d’écrou d’une personne écrouée dans l’établissement.',
    en: 'Name or committal number of a person held in the prison.',
  },
  'movements.count.escorts.search': { fr: 'Rechercher', en: 'Search' },
  'movements.count.escorts.no_match': { fr: 'Aucune personne écrouée ne correspond.', en: 'No person held matches.' },
  'movements.count.escorts.choose': { fr: 'Choisir', en: 'Choose' },
  'movements.count.escorts.person': { fr: 'Personne', en: 'Person' },
  'movements.count.escorts.hearing': { fr: 'Audience : {court}, {time}', en: 'Hearing: {court}, {time}' },
  'movements.count.col.person': { fr: 'Personne', en: 'Person' },
  'movements.count.col.committal': { fr: 'Écrou', en: 'Committal no.' },
  'movements.count.col.purpose': { fr: 'Motif', en: 'Purpose' },
  'movements.count.col.destination': { fr: 'Destination', en: 'Destination' },
  'movements.count.col.officers': { fr: 'Escorte', en: 'Escort' },
  'movements.count.col.out': { fr: 'Départ', en: 'Out' },
  'movements.count.col.expected_back': { fr: 'Retour prévu', en: 'Expected back' },
  'movements.count.col.back': { fr: 'Retour', en: 'Back' },
  'movements.count.col.court': { fr: 'Juridiction', en: 'Court' },
  'movements.count.col.time': { fr: 'Heure', en: 'Time' },
  'movements.count.col.order': { fr: 'Ordre d’extraction', en: 'Production order' },
  'movements.count.col.cell': { fr: 'Cellule', en: 'Cell' },
  'movements.count.col.expected': { fr: 'Attendus', en: 'Expected' },
  'movements.count.col.action': { fr: 'Action', en: 'Action' },
  'movements.count.f.purpose': { fr: 'Motif de la sortie', en: 'Purpose' },
  'movements.count.f.destination': { fr: 'Destination', en: 'Destination' },
  'movements.count.f.destination.hint': {
    fr: 'Tribunal, hôpital, lieu des funérailles ou de la visite',
    en: 'Court, hospital, place of the funeral or visit',
  },
  'movements.count.f.officers': { fr: 'Agents d’escorte', en: 'Escort officers' },
  'movements.count.f.officers.hint': {
    fr: 'Noms et corps (garde nationale, gendarmerie, surveillants)',
    en: 'Names and force (national guard, gendarmerie, prison officers)',
  },
  'movements.count.f.out_at': { fr: 'Heure de départ (aujourd’hui)', en: 'Departure time (today)' },
  'movements.count.f.out_at.hint': {
    fr: 'Laissez vide pour maintenant. Exemple : 08:30',
    en: 'Leave empty for now. Example: 08:30',
  },
  'movements.count.f.expected_back_at': {
    fr: 'Heure de retour prévue (aujourd’hui)',
    en: 'Expected return time (today)',
  },
  'movements.count.f.expected_back_at.hint': { fr: 'Exemple : 14:00', en: 'Example: 14:00' },
  'movements.count.f.notes': { fr: 'Observations', en: 'Notes' },
  'movements.count.f.admission_id': { fr: 'Personne', en: 'Person' },
  'movements.count.f.hearing_id': { fr: 'Audience', en: 'Hearing' },
  'movements.count.f.back_at': { fr: 'Heure de retour', en: 'Return time' },

  // Count pages
  'movements.count.day.title': { fr: 'Appel — {prison}', en: 'Roll call — {prison}' },
  'movements.count.day.unit': { fr: 'Bâtiment', en: 'Unit' },
  'movements.count.day.begin': { fr: 'Compter', en: 'Count' },
  'movements.count.day.none_units': { fr: 'Aucun bâtiment ouvert.', en: 'No open unit.' },
  'movements.count.day.unplaced': {
    fr: 'Écroués sans cellule (ni bâtiment)',
    en: 'Held but placed in no cell (nor unit)',
  },
  'movements.count.unplaced_unit': {
    fr: 'Écroués dans ce bâtiment sans cellule (à compter à part)',
    en: 'Held in this unit without a cell (count them apart)',
  },
  'movements.count.balanced': { fr: 'Juste', en: 'Correct' },
  'movements.count.mismatch': { fr: 'Écart {difference}', en: 'Discrepancy {difference}' },
  'movements.count.not_counted': { fr: 'Non compté', en: 'Not counted' },
  'movements.count.sheet.title': { fr: '{slot} — bâtiment {unit}', en: '{slot} — unit {unit}' },
  'movements.count.sheet.intro': {
    fr: 'Comptez les personnes présentes dans chaque cellule et inscrivez le nombre. Les personnes sorties (tribunal, hôpital) sont déduites par pmis.',
    en: 'Count the people present in each cell and enter the number. People out (court, hospital) are deducted by pmis.',
  },
  'movements.count.sheet.counted': { fr: 'Présents', en: 'Present' },
  'movements.count.sheet.submit': { fr: 'Enregistrer le comptage', en: 'Save the count' },
  'movements.count.sheet.no_cells': {
    fr: 'Ce bâtiment n’a pas de cellule ouverte.',
    en: 'This unit has no open cell.',
  },
  'movements.count.round.title': { fr: '{slot} du {date} — bâtiment {unit}', en: '{slot}, {date} — unit {unit}' },
  'movements.count.round.summary': {
    fr: 'Attendus {expected}, comptés {counted}, écart {difference}',
    en: 'Expected {expected}, counted {counted}, discrepancy {difference}',
  },
  'movements.count.round.expected': { fr: 'Attendus : {n}', en: 'Expected: {n}' },
  'movements.count.round.out': { fr: 'dont {n} dehors', en: '{n} out' },
  'movements.count.round.counted': { fr: 'Comptés : {n}', en: 'Counted: {n}' },
  'movements.count.round.attempts': { fr: 'Comptages', en: 'Counts' },
  'movements.count.round.attempt': {
    fr: 'Comptage {attempt} : {counted} pour {expected} attendus',
    en: 'Count {attempt}: {counted} for {expected} expected',
  },
  'movements.count.round.out_people': { fr: 'Dehors', en: 'Out' },
  'movements.count.round.recount': { fr: 'Recompter', en: 'Recount' },
  'movements.count.round.recount_hint': {
    fr: 'Recomptez les cellules en écart. Les premiers chiffres restent dans l’historique.',
    en: 'Count again the cells with a discrepancy. The first figures stay in the history.',
  },
  'movements.count.round.recount_submit': { fr: 'Enregistrer le recomptage', en: 'Save the recount' },
  'movements.count.round.validate': { fr: 'Valider le comptage', en: 'Close the count' },
  'movements.count.round.note': { fr: 'Explication de l’écart', en: 'Explanation of the discrepancy' },
  'movements.count.round.note_hint': {
    fr: 'Obligatoire tant qu’un écart demeure.',
    en: 'Required while a discrepancy remains.',
  },
  'movements.count.round.validated': {
    fr: 'Validé par {name} le {date}',
    en: 'Closed by {name} on {date}',
  },
  'movements.count.round.started': { fr: 'Commencé par {name} le {date}', en: 'Begun by {name} on {date}' },
  'movements.count.round.saved': { fr: 'Le comptage est enregistré.', en: 'The count is saved.' },
  'movements.count.round.cells': { fr: 'Cellules', en: 'Cells' },

  // Daily state
  'movements.count.daily.title': { fr: 'Situation journalière — {prison}', en: 'Daily state — {prison}' },
  'movements.count.daily.of': { fr: 'Journée du {date}', en: 'Day of {date}' },
  'movements.count.daily.previous': { fr: 'Jour précédent', en: 'Previous day' },
  'movements.count.daily.next': { fr: 'Jour suivant', en: 'Next day' },
  'movements.count.daily.movements': { fr: 'Effectif et mouvements', en: 'Population and movements' },
  'movements.count.daily.population_start': {
    fr: 'Effectif au début de la journée',
    en: 'Population at the start of the day',
  },
  'movements.count.daily.admissions': { fr: 'Entrées (écrous)', en: 'Admissions' },
  'movements.count.daily.transfers_in': { fr: 'Transferts reçus', en: 'Transfers in' },
  'movements.count.daily.releases': { fr: 'Libérations', en: 'Releases' },
  'movements.count.daily.transfers_out': { fr: 'Transferts sortis', en: 'Transfers out' },
  'movements.count.daily.escapes': { fr: 'Évasions', en: 'Escapes' },
  'movements.count.daily.deaths': { fr: 'Décès', en: 'Deaths' },
  'movements.count.daily.population_end': { fr: 'Effectif en fin de journée', en: 'Population at the end of the day' },
  'movements.count.daily.total_in': { fr: 'Total des entrées', en: 'Total in' },
  'movements.count.daily.total_out': { fr: 'Total des sorties', en: 'Total out' },
  'movements.count.daily.unbalanced': {
    fr: 'Attention : début + entrées − sorties = {computed}, mais le registre compte {end} en fin de journée.',
    en: 'Warning: start + in − out = {computed}, but the registry counts {end} at the end of the day.',
  },
  'movements.count.daily.by_status': { fr: 'Effectif par situation pénale', en: 'Population by legal status' },
  'movements.count.daily.status': { fr: 'Situation pénale', en: 'Legal status' },
  'movements.count.daily.number': { fr: 'Nombre', en: 'Number' },
  'movements.count.daily.out_on_escort': { fr: 'Sortis sous escorte', en: 'Out on escort' },
  'movements.count.daily.escorts': { fr: 'Escortes de la journée', en: 'Escorts of the day' },
  'movements.count.daily.counts': { fr: 'Appels de la journée', en: 'Counts of the day' },
  'movements.count.daily.no_counts': { fr: 'Aucun appel enregistré.', en: 'No count recorded.' },
  'movements.count.daily.result': { fr: 'Résultat', en: 'Result' },
  'movements.count.daily.state': { fr: 'État', en: 'State' },
  'movements.count.daily.print': { fr: 'Imprimer', en: 'Print' },
  'movements.count.national.title': { fr: 'Situation journalière nationale', en: 'National daily state' },
  'movements.count.national.prison': { fr: 'Établissement', en: 'Prison' },
  'movements.count.national.total': { fr: 'Total national', en: 'National total' },
  'movements.count.national.start': { fr: 'Début', en: 'Start' },
  'movements.count.national.in': { fr: 'Entrées', en: 'In' },
  'movements.count.national.out': { fr: 'Sorties', en: 'Out' },
  'movements.count.national.end': { fr: 'Fin', en: 'End' },
});

export const purposeLabel = m.family('movements.count.purpose.', [
  'court',
  'hospital',
  'funeral',
  'family_visit',
  'other',
] as const);
export const stateLabel = m.family('movements.count.state.', ['open', 'validated'] as const);
const defaultSlot = m.family('movements.count.slot.', ['morning', 'noon', 'evening'] as const);

/** A count time in words: the default names translated, a prison's own names as written. */
export function slotLabel(lang: 'fr' | 'en', slot: string): string {
  return slot === 'morning' || slot === 'noon' || slot === 'evening' ? defaultSlot(lang, slot) : slot;
}
