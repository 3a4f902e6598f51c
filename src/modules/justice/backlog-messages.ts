/** Column headings of the backlog CSV (service/backlog.ts), French and English. */
import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'justice.csv.prison': { fr: 'Établissement', en: 'Prison' },
  'justice.csv.all': { fr: 'Ensemble', en: 'All prisons' },
  'justice.csv.as_of': { fr: 'Date', en: 'As of' },
  'justice.csv.held': { fr: 'Détenus', en: 'Held' },
  'justice.csv.untried': { fr: 'Non jugés', en: 'Untried' },
  'justice.csv.under_investigation': { fr: 'Inculpés (instruction)', en: 'Under investigation' },
  'justice.csv.awaiting_trial': { fr: 'Prévenus (attente de jugement)', en: 'Awaiting trial' },
  'justice.csv.sentenced': { fr: 'Condamnés (total)', en: 'Sentenced (all)' },
  'justice.csv.convicted': { fr: 'Condamnés définitifs', en: 'Convicted' },
  'justice.csv.appealing': { fr: 'Condamnés en appel', en: 'Appealing' },
  'justice.csv.release_pending': { fr: 'À libérer', en: 'To be released' },
  'justice.csv.sentenced_percent': { fr: 'Condamnés (%)', en: 'Sentenced (%)' },
  'justice.csv.untried_percent': { fr: 'Non jugés (%)', en: 'Untried (%)' },
  'justice.csv.pretrial_median_days': {
    fr: 'Détention provisoire médiane (jours)',
    en: 'Median pre-trial detention (days)',
  },
  'justice.csv.pretrial_mean_days': {
    fr: 'Détention provisoire moyenne (jours)',
    en: 'Mean pre-trial detention (days)',
  },
  'justice.csv.pretrial_longest_days': {
    fr: 'Détention provisoire la plus longue (jours)',
    en: 'Longest pre-trial detention (days)',
  },
  'justice.csv.expired_titles': { fr: 'Titres expirés', en: 'Expired titles' },
  'justice.csv.expiring_titles': { fr: 'Titres expirant bientôt', en: 'Titles expiring soon' },
  'justice.csv.no_hearing': { fr: 'Sans comparution', en: 'No hearing' },
  'justice.csv.terrorism_held': { fr: 'Terrorisme : détenus', en: 'Terrorism: held' },
  'justice.csv.terrorism_untried': { fr: 'Terrorisme : non jugés', en: 'Terrorism: untried' },
  'justice.csv.terrorism_sentenced': { fr: 'Terrorisme : condamnés', en: 'Terrorism: sentenced' },
  'justice.csv.terrorism_sentenced_percent': { fr: 'Terrorisme : condamnés (%)', en: 'Terrorism: sentenced (%)' },
  'justice.csv.terrorism_pretrial_median_days': {
    fr: 'Terrorisme : détention provisoire médiane (jours)',
    en: 'Terrorism: median pre-trial detention (days)',
  },
  'justice.csv.pretrial_lt_1m': { fr: 'Détention provisoire < 1 mois', en: 'Pre-trial < 1 month' },
  'justice.csv.pretrial_1_3m': { fr: 'Détention provisoire 1 à 3 mois', en: 'Pre-trial 1 to 3 months' },
  'justice.csv.pretrial_3_6m': { fr: 'Détention provisoire 3 à 6 mois', en: 'Pre-trial 3 to 6 months' },
  'justice.csv.pretrial_6_12m': { fr: 'Détention provisoire 6 à 12 mois', en: 'Pre-trial 6 to 12 months' },
  'justice.csv.pretrial_1_2y': { fr: 'Détention provisoire 1 à 2 ans', en: 'Pre-trial 1 to 2 years' },
  'justice.csv.pretrial_2_3y': { fr: 'Détention provisoire 2 à 3 ans', en: 'Pre-trial 2 to 3 years' },
  'justice.csv.pretrial_gt_3y': { fr: 'Détention provisoire > 3 ans', en: 'Pre-trial > 3 years' },
  'justice.csv.hearings': { fr: 'Comparutions {month}', en: 'Hearings {month}' },
});
