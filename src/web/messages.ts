/** The web kit's own words, French and English (typed table; see core/messages.ts). */
import { defineMessages } from '../core/messages.js';

// French typography: a no-break space before ":" (never in English).
export const kit = defineMessages({
  'kit.service_name': { fr: 'PMIS', en: 'PMIS' },
  'kit.service_tagline': { fr: 'Administration pénitentiaire', en: 'Prison administration' },
  'kit.organisation': {
    fr: "République du Mali · Direction nationale de l'administration pénitentiaire et de l'éducation surveillée",
    en: 'Republic of Mali · National Directorate of Prison Administration and Supervised Education',
  },
  'kit.footer.text': { fr: 'pmis · registre national des personnes détenues', en: 'pmis · national prisoner registry' },
  'kit.footer.label': { fr: 'Liens utiles', en: 'Support links' },
  'kit.skip': { fr: 'Aller au contenu principal', en: 'Skip to main content' },
  'kit.nav': { fr: 'Navigation principale', en: 'Main navigation' },
  'kit.menu': { fr: 'Menu', en: 'Menu' },
  'kit.service_info': { fr: 'Informations sur le service', en: 'Service information' },
  'kit.language': { fr: 'Langue', en: 'Language' },
  'kit.lang.fr': { fr: 'Français', en: 'Français' },
  'kit.lang.en': { fr: 'English', en: 'English' },
  'kit.signed_in_as': { fr: 'Connecté(e)\u00a0: {name}', en: 'Signed in: {name}' },
  'kit.logout': { fr: 'Se déconnecter', en: 'Log out' },
  'kit.sub_navigation': { fr: 'Sections', en: 'Sections' },
  'kit.error_prefix': { fr: 'Erreur', en: 'Error' },
  'kit.warning': { fr: 'Attention', en: 'Warning' },
  'kit.important': { fr: 'Important', en: 'Important' },
  'kit.success': { fr: 'Enregistré', en: 'Success' },
  'kit.back': { fr: 'Retour', en: 'Back' },
  'kit.errors.title': { fr: 'Il y a un problème', en: 'There is a problem' },
  'kit.pagination': { fr: 'Pages', en: 'Pagination' },
  'kit.pagination.previous': { fr: 'Page précédente', en: 'Previous page' },
  'kit.pagination.next': { fr: 'Page suivante', en: 'Next page' },
  'kit.pagination.page': { fr: 'Page {n}', en: 'Page {n}' },
  'kit.letterhead.printed': {
    fr: 'Imprimé le {date} à {time} par {name}',
    en: 'Printed on {date} at {time} by {name}',
  },
  'kit.error_page.home': { fr: "Retour à l'accueil", en: 'Go to the home page' },
  'kit.error_page.404.title': { fr: 'Page introuvable', en: 'Page not found' },
  'kit.error_page.404.body': {
    fr: "Vérifiez l'adresse saisie, ou revenez à l'accueil. Un lien périmé peut mener ici\u00a0: la page a peut-être changé d'adresse.",
    en: 'Check the address, or go back to the home page. An old link can lead here: the page may have moved.',
  },
  'kit.error_page.403.title': { fr: 'Accès refusé', en: 'You cannot see this page' },
  'kit.error_page.403.body': {
    fr:
      'Votre rôle ou votre périmètre (établissements) ne donne pas accès à cette page. Si vous en avez besoin pour ' +
      "votre travail, demandez-le à l'administrateur du système.",
    en: 'Your role or your scope (prisons) does not give access to this page. If your work needs it, ask the system administrator.',
  },
  'kit.error_page.401.title': { fr: 'Reconnectez-vous', en: 'Sign in again' },
  'kit.error_page.401.body': {
    fr:
      "Vous n'êtes pas connecté(e), ou votre session a pris fin\u00a0: ce que vous avez envoyé n'a pas été " +
      'enregistré. Connectez-vous, puis saisissez-le à nouveau.',
    en: 'You are not signed in, or your session has ended: what you sent was not saved. Sign in, then enter it again.',
  },
  'kit.error_page.sign_in': { fr: 'Se connecter', en: 'Sign in' },
  'kit.error_page.refused.title': { fr: 'Action impossible', en: 'This cannot be done' },
  'kit.error_page.unavailable.title': {
    fr: 'Service momentanément indisponible',
    en: 'Service unavailable for the moment',
  },
  'kit.error_page.reason': { fr: 'Motif\u00a0: {reason}', en: 'Reason: {reason}' },
  'kit.error_page.500.title': {
    fr: 'Désolé, le service rencontre un problème',
    en: 'Sorry, there is a problem with the service',
  },
  'kit.error_page.500.body': {
    fr:
      "Rien de ce que vous avez saisi n'a été enregistré à moitié. Réessayez dans quelques minutes\u00a0; " +
      "l'incident est consigné (référence {ref}).",
    en: 'Nothing you entered was half-saved. Try again in a few minutes; the incident is logged (reference {ref}).',
  },
  'kit.error_page.500.body_no_ref': {
    fr: "Rien de ce que vous avez saisi n'a été enregistré à moitié. Réessayez dans quelques minutes\u00a0; l'incident est consigné.",
    en: 'Nothing you entered was half-saved. Try again in a few minutes; the incident is logged.',
  },

  // Form errors: "<label> : <message>" (fr) / "<label>: <message>" (en).
  'kit.form.field_message': { fr: '{label}\u00a0: {message}', en: '{label}: {message}' },
  'kit.form.required': { fr: 'renseignez ce champ', en: 'enter a value' },
  'kit.form.choose': { fr: 'choisissez une réponse', en: 'select an answer' },
  'kit.form.enum': { fr: 'choisissez une valeur de la liste', en: 'choose a value from the list' },
  'kit.form.boolean': { fr: 'choisissez oui ou non', en: 'choose yes or no' },
  'kit.form.date.real': { fr: 'la date doit être une vraie date', en: 'the date must be a real date' },
  'kit.form.date.missing.day': { fr: 'la date doit comporter un jour', en: 'the date must include a day' },
  'kit.form.date.missing.month': { fr: 'la date doit comporter un mois', en: 'the date must include a month' },
  'kit.form.date.missing.year': { fr: 'la date doit comporter une année', en: 'the date must include a year' },
  'kit.form.date.year_digits': { fr: "l'année doit comporter 4 chiffres", en: 'the year must have 4 digits' },
  'kit.form.too_long': { fr: '{max} caractères au maximum', en: 'must be {max} characters or fewer' },
  'kit.form.too_short': { fr: 'au moins {min} caractères', en: 'must be at least {min} characters' },
  'kit.form.number': { fr: 'saisissez un nombre', en: 'enter a number' },
  'kit.form.integer': { fr: 'saisissez un nombre entier', en: 'enter a whole number' },
  'kit.form.minimum': { fr: 'doit être supérieur ou égal à {min}', en: 'must be {min} or more' },
  'kit.form.maximum': { fr: 'doit être inférieur ou égal à {max}', en: 'must be {max} or less' },
  'kit.form.between': { fr: 'doit être compris entre {min} et {max}', en: 'must be between {min} and {max}' },
  'kit.form.format': { fr: "la valeur saisie n'est pas valide", en: 'enter a valid value' },
  'kit.form.min_items': { fr: 'ajoutez-en au moins {min}', en: 'add at least {min}' },
  'kit.form.max_items': { fr: '{max} au maximum', en: '{max} at most' },
  'kit.form.unexpected': { fr: 'champ non prévu', en: 'unexpected field' },
  'kit.form.invalid': { fr: "la valeur saisie n'est pas acceptée", en: 'the value is not accepted' },
  'kit.form.day': { fr: 'Jour', en: 'Day' },
  'kit.form.month': { fr: 'Mois', en: 'Month' },
  'kit.form.year': { fr: 'Année', en: 'Year' },

  // Formats.
  'kit.birth.unknown': { fr: 'inconnue', en: 'unknown' },
  'kit.birth.estimated': {
    fr: 'environ {age} ans (estimé le {date})',
    en: 'about {age} years old (estimated on {date})',
  },
  'kit.birth.estimated_no_date': { fr: 'environ {age} ans (estimé)', en: 'about {age} years old (estimated)' },
  'kit.birth.about_year': { fr: 'vers {year}', en: 'about {year}' },
});
