import { registerMessages } from '../../core/i18n.js';

registerMessages({
  'user.username_format': { fr: "Identifiant : 3 à 64 caractères parmi a-z, 0-9, « . », « _ », « - ».", en: 'Username: 3 to 64 characters from a-z, 0-9, ".", "_", "-".' },
  'user.password_short': { fr: 'Le mot de passe doit faire au moins 10 caractères.', en: 'The password must be at least 10 characters long.' },
  'user.role_unknown': { fr: 'Rôle inconnu : {role}.', en: 'Unknown role: {role}.' },
  'user.scope_required': { fr: 'Indiquez au moins un établissement, ou une portée nationale.', en: 'Give at least one prison, or national scope.' },
  'user.prison_unknown': { fr: 'Établissement inconnu : {code}.', en: 'Unknown prison: {code}.' },
  'user.username_taken': { fr: 'Cet identifiant existe déjà.', en: 'This username is already taken.' },
});
