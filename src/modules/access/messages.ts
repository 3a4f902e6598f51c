import { defineMessages } from '../../core/messages.js';

export const e = defineMessages({
  'user.username_format': {
    fr: 'Identifiant : 3 à 64 caractères parmi a-z, 0-9, « . », « _ », « - ».',
    en: 'Username: 3 to 64 characters from a-z, 0-9, ".", "_", "-".',
  },
  'user.password_short': {
    fr: 'Le mot de passe doit faire au moins {min} caractères.',
    en: 'The password must be at least {min} characters long.',
  },
  'user.password_long': {
    fr: 'Le mot de passe ne doit pas dépasser {max} caractères.',
    en: 'The password must not be longer than {max} characters.',
  },
  'user.password_common': {
    fr:
      'Ce mot de passe fait partie des mots de passe les plus courants : choisissez-en un autre (une phrase de ' +
      'plusieurs mots, par exemple).',
    en: 'This password is one of the most common ones: choose another (a phrase of several words, for example).',
  },
  'user.password_username': {
    fr: "Le mot de passe ne doit pas contenir l'identifiant.",
    en: 'The password must not contain the username.',
  },
  'user.password_same': {
    fr: "Le nouveau mot de passe doit être différent de l'ancien.",
    en: 'The new password must differ from the current one.',
  },
  'user.password_wrong': { fr: 'Mot de passe actuel incorrect.', en: 'The current password is wrong.' },
  'user.role_unknown': { fr: 'Rôle inconnu : {role}.', en: 'Unknown role: {role}.' },
  'user.scope_required': {
    fr: 'Indiquez au moins un établissement, ou une portée nationale.',
    en: 'Give at least one prison, or national scope.',
  },
  'user.prison_unknown': { fr: 'Établissement inconnu : {code}.', en: 'Unknown prison: {code}.' },
  'user.username_taken': { fr: 'Cet identifiant existe déjà.', en: 'This username is already taken.' },
  'user.not_pending': { fr: "Ce compte n'attend pas d'approbation.", en: 'This account is not waiting for approval.' },
  'grant.national_scope': {
    fr: 'Seul un administrateur national peut accorder la portée nationale.',
    en: 'Only a national administrator can grant national scope.',
  },
  'grant.not_held': {
    fr: "Vous ne pouvez pas accorder des droits que vous n'avez pas : {rights}.",
    en: 'You cannot grant rights you do not hold: {rights}.',
  },
  'grant.prisoner_data': {
    fr: 'Vous ne pouvez pas créer de compte ayant accès aux données des détenus ({rights}).',
    en: "You cannot create an account with access to prisoners' data ({rights}).",
  },
  'grant.restricted': {
    fr:
      'Seul un administrateur national peut accorder des droits sur des données protégées (santé, renseignement, ' +
      'entretien, évaluations) : {rights}.',
    en: 'Only a national administrator can grant rights to restricted data (health, intelligence, interview, assessments): {rights}.',
  },
  'grant.approval_national_admin': {
    fr: 'Seul un administrateur national peut approuver ce compte.',
    en: 'Only a national administrator can approve this account.',
  },
  'grant.approval_same_person': {
    fr: "Le compte doit être approuvé par un autre administrateur national que celui qui l'a créé.",
    en: 'The account must be approved by another national administrator than the one who created it.',
  },
  'totp.reset_national_admin': {
    fr: "Seul un administrateur national peut réinitialiser la double authentification d'un compte.",
    en: "Only a national administrator can reset an account's two-step verification.",
  },
  'totp.not_eligible': {
    fr: 'La double authentification est proposée aux comptes nationaux et de direction.',
    en: 'Two-step verification is offered to national and director accounts.',
  },
  'totp.already_enabled': {
    fr: 'La double authentification est déjà activée.',
    en: 'Two-step verification is already on.',
  },
  'totp.not_started': { fr: 'Commencez par générer une clé.', en: 'Start by generating a key.' },
  'totp.not_enabled': {
    fr: "La double authentification n'est pas activée pour ce compte.",
    en: 'Two-step verification is not on for this account.',
  },
  'totp.code_wrong': {
    fr: 'Code incorrect ou déjà utilisé : saisissez le code à 6 chiffres affiché par votre application.',
    en: 'Wrong or already used code: type the 6-digit code your app shows.',
  },
  'error.login_locked': {
    fr: 'Trop de tentatives de connexion échouées : ce compte est bloqué pendant {minutes} minutes. Un administrateur peut le débloquer.',
    en: 'Too many failed login attempts: this account is locked for {minutes} minutes. An administrator can unlock it.',
  },
  'error.login_locked_address': {
    fr: 'Trop de tentatives de connexion échouées depuis cette adresse : réessayez dans {minutes} minutes.',
    en: 'Too many failed login attempts from this address: try again in {minutes} minutes.',
  },
  'error.totp_required': {
    fr: 'Ce compte utilise la double authentification : le code à 6 chiffres est requis (champ « totp »).',
    en: 'This account uses two-step verification: the 6-digit code is required ("totp" field).',
  },
  'error.totp_wrong': {
    fr: 'Code de vérification incorrect ou déjà utilisé.',
    en: 'Wrong or already used verification code.',
  },
  'error.login_expired': {
    fr: 'La connexion a expiré : saisissez de nouveau votre identifiant et votre mot de passe.',
    en: 'The login has expired: enter your username and password again.',
  },
  'error.account_pending': {
    fr: "Ce compte attend l'approbation d'un second administrateur national.",
    en: "This account is waiting for a second national administrator's approval.",
  },
  'error.busy': { fr: 'Serveur occupé : réessayez dans un instant.', en: 'Server busy: try again in a moment.' },
  'error.csrf_api': {
    fr:
      "Requête authentifiée par cookie sans jeton anti-CSRF : envoyez l'en-tête X-CSRF-Token (voir GET /api/me) ou " +
      'utilisez un jeton Bearer.',
    en: 'Cookie-authenticated request without a CSRF token: send the X-CSRF-Token header (see GET /api/me) or use a Bearer token.',
  },
  'error.csrf_api_media': {
    fr: "Avec un cookie de session, l'API n'accepte que du JSON.",
    en: 'With a session cookie, the API accepts JSON only.',
  },
});

// Pages: login second step, my account, administration of accounts.
export const m = defineMessages({
  'web.login.code_title': { fr: 'Code de vérification', en: 'Verification code' },
  'web.login.code_intro': {
    fr: "Ce compte utilise la double authentification : saisissez le code à 6 chiffres affiché par votre application d'authentification.",
    en: 'This account uses two-step verification: type the 6-digit code shown by your authenticator app.',
  },
  'web.login.code': { fr: 'Code à 6 chiffres', en: '6-digit code' },
  'web.login.code_hint': { fr: 'Le code change toutes les 30 secondes.', en: 'The code changes every 30 seconds.' },
  'web.login.code_submit': { fr: 'Vérifier', en: 'Verify' },
  'web.login.restart': { fr: 'Recommencer la connexion', en: 'Start the login again' },
  'access.nav.account': { fr: 'Mon compte', en: 'My account' },
  'access.nav.users': { fr: 'Comptes', en: 'Accounts' },
  'access.role.registry_clerk': { fr: 'Greffe', en: 'Registry clerk' },
  'access.role.security_officer': { fr: 'Sécurité', en: 'Security officer' },
  'access.role.social_worker': { fr: 'Service social', en: 'Social worker' },
  'access.role.medical_staff': { fr: 'Personnel médical', en: 'Medical staff' },
  'access.role.prison_director': { fr: "Direction de l'établissement", en: 'Prison director' },
  'access.role.national_admin': { fr: 'Administration nationale', en: 'National administrator' },
  'access.role.auditor': { fr: 'Inspection (lecture seule)', en: 'Auditor (read-only)' },
  'access.role.prosecutor': { fr: 'Parquet', en: 'Prosecutor' },
  'access.role.system_admin': { fr: 'Administration technique', en: 'System administrator' },
  'access.role.inspector': {
    fr: 'Organe indépendant (plaintes confidentielles)',
    en: 'Independent body (confidential complaints)',
  },
  'access.role.complaints_officer': { fr: 'Chargé national des plaintes', en: 'National complaints officer' },
  'access.role.force_officer': {
    fr: 'Officier d’une force (police, gendarmerie, armée)',
    en: 'Officer of an arresting force (police, gendarmerie, army)',
  },
  'access.account.title': { fr: 'Mon compte', en: 'My account' },
  'access.name': { fr: 'Nom', en: 'Name' },
  'access.roles': { fr: 'Rôles', en: 'Roles' },
  'access.scope': { fr: 'Périmètre', en: 'Scope' },
  'access.scope.national': { fr: 'National (tous les établissements)', en: 'National (every prison)' },
  'access.prisons': { fr: 'Établissements', en: 'Prisons' },
  'access.lang': { fr: 'Langue', en: 'Language' },
  'access.state': { fr: 'État', en: 'State' },
  'access.state.active': { fr: 'actif', en: 'active' },
  'access.state.disabled': { fr: 'désactivé', en: 'disabled' },
  'access.state.pending': { fr: "en attente d'approbation", en: 'waiting for approval' },
  'access.state.locked': { fr: 'bloqué (tentatives échouées)', en: 'locked (failed attempts)' },
  'access.reason': { fr: 'Motif', en: 'Reason' },
  'access.sessions.title': { fr: 'Sessions et jetons ouverts', en: 'Open sessions and tokens' },
  'access.sessions.intro': {
    fr: 'Une session ou un jeton prend fin après {idle} minutes sans utilisation, et au plus tard {ttl} heures après \
sa création. Fermez ce que vous ne reconnaissez pas.',
    en: 'A session or token ends after {idle} minutes without use, and at the latest {ttl} hours after it was \
created. End anything you do not recognise.',
  },
  'access.sessions.kind': { fr: 'Type', en: 'Kind' },
  'access.sessions.kind_session': { fr: 'Session (navigateur)', en: 'Session (browser)' },
  'access.sessions.kind_token': { fr: "Jeton d'API", en: 'API token' },
  'access.sessions.current': { fr: 'celle-ci', en: 'this one' },
  'access.sessions.created': { fr: 'Ouverte le', en: 'Opened' },
  'access.sessions.last_used': { fr: 'Dernière utilisation', en: 'Last used' },
  'access.sessions.expires': { fr: 'Expire le', en: 'Expires' },
  'access.sessions.address': { fr: 'Adresse', en: 'Address' },
  'access.sessions.client': { fr: 'Navigateur', en: 'Browser' },
  'access.sessions.action': { fr: 'Action', en: 'Action' },
  'access.sessions.revoke_session': { fr: 'Fermer la session', en: 'End the session' },
  'access.sessions.revoke_token': { fr: 'Révoquer le jeton', en: 'Revoke the token' },
  'access.done.revoked': { fr: 'Fermé.', en: 'Ended.' },
  'access.done.password': {
    fr: 'Mot de passe changé. Vos autres sessions et vos jetons ont été fermés.',
    en: 'Password changed. Your other sessions and your tokens have been ended.',
  },
  'access.done.totp_on': {
    fr: 'Double authentification activée : chaque connexion demandera un code.',
    en: 'Two-step verification is on: every login will ask for a code.',
  },
  'access.done.totp_off': { fr: 'Double authentification désactivée.', en: 'Two-step verification is off.' },
  'access.done.created': { fr: 'Compte créé.', en: 'Account created.' },
  'access.done.created_pending': {
    fr:
      "Compte créé, en attente : il donne des droits protégés que vous n'avez pas ; un second administrateur " +
      "national doit l'approuver avant toute connexion.",
    en:
      'Account created, waiting: it grants restricted rights you do not hold; a second national administrator must ' +
      'approve it before anyone can log in with it.',
  },
  'access.done.disabled': {
    fr: 'Compte désactivé ; ses sessions et jetons sont fermés.',
    en: 'Account disabled; its sessions and tokens are ended.',
  },
  'access.done.approved': { fr: 'Compte approuvé.', en: 'Account approved.' },
  'access.done.unlocked': { fr: 'Compte débloqué.', en: 'Account unlocked.' },
  'access.done.totp_reset': {
    fr: 'Double authentification retirée ; les sessions et jetons du compte sont fermés.',
    en: "Two-step verification removed; the account's sessions and tokens are ended.",
  },
  'access.password.title': { fr: 'Changer mon mot de passe', en: 'Change my password' },
  'access.password.policy': {
    fr: "Au moins {min} caractères ; pas un mot de passe courant ; sans l'identifiant. Une phrase de plusieurs mots est un bon choix.",
    en: 'At least {min} characters; not a common password; not containing the username. A phrase of several words is a good choice.',
  },
  'access.password.current': { fr: 'Mot de passe actuel', en: 'Current password' },
  'access.password.new': { fr: 'Nouveau mot de passe', en: 'New password' },
  'access.password.confirm': { fr: 'Nouveau mot de passe (encore)', en: 'New password (again)' },
  'access.password.initial': { fr: 'Mot de passe initial', en: 'Initial password' },
  'access.password.submit': { fr: 'Changer le mot de passe', en: 'Change the password' },
  'access.password.mismatch': {
    fr: 'Les deux saisies du nouveau mot de passe diffèrent.',
    en: 'The two entries of the new password differ.',
  },
  'access.totp.title': { fr: 'Double authentification', en: 'Two-step verification' },
  'access.totp.short': { fr: 'Double authentification', en: 'Two-step' },
  'access.totp.on': { fr: 'activée', en: 'on' },
  'access.totp.off': { fr: 'non activée', en: 'off' },
  'access.totp.intro': {
    fr:
      'En plus du mot de passe, chaque connexion demandera un code à 6 chiffres affiché par une application ' +
      "d'authentification sur votre téléphone (par exemple FreeOTP ou Aegis). En cas de perte du téléphone, un " +
      'administrateur national peut la retirer.',
    en:
      'Besides the password, every login will ask for a 6-digit code shown by an authenticator app on your phone ' +
      '(for example FreeOTP or Aegis). If the phone is lost, a national administrator can remove it.',
  },
  'access.totp.start': { fr: 'Générer une clé', en: 'Generate a key' },
  'access.totp.step_scan': {
    fr: "Lisez ce code QR avec l'application (ou saisissez la clé).",
    en: 'Scan this QR code with the app (or type the key).',
  },
  'access.totp.step_code': {
    fr: "Saisissez le code à 6 chiffres qu'elle affiche.",
    en: 'Type the 6-digit code it shows.',
  },
  'access.totp.qr_label': {
    fr: 'Code QR de la clé de double authentification',
    en: 'QR code of the two-step verification key',
  },
  'access.totp.secret': { fr: 'Clé', en: 'Key' },
  'access.totp.confirm': { fr: 'Activer', en: 'Turn on' },
  'access.totp.enabled_text': {
    fr: 'La double authentification est activée pour ce compte. Pour la désactiver, saisissez un code actuel.',
    en: 'Two-step verification is on for this account. To turn it off, type a current code.',
  },
  'access.totp.disable': { fr: 'Désactiver', en: 'Turn off' },
  'access.users.title': { fr: 'Comptes', en: 'Accounts' },
  'access.users.new': { fr: 'Créer un compte', en: 'Create an account' },
  'access.users.create': { fr: 'Créer le compte', en: 'Create the account' },
  'access.users.intro': {
    fr: 'Les comptes que vous pouvez gérer : ceux que vous auriez pu créer vous-même.',
    en: 'The accounts you can manage: those you could have created yourself.',
  },
  'access.users.grant_rule': {
    fr:
      "Vous ne pouvez accorder ni un rôle ni un périmètre que vous n'avez pas. La portée nationale et les droits " +
      'sur des données protégées (santé, renseignement, entretien, évaluations, ethnie et religion) demandent un ' +
      "administrateur national ; s'il ne les a pas lui-même, le compte attend l'approbation d'un second " +
      "administrateur national. Tout est inscrit à l'historique.",
    en:
      'You cannot grant a role or a scope you do not hold. National scope and rights to restricted data (health, ' +
      'intelligence, interview, assessments, ethnicity and religion) need a national administrator; if they do not ' +
      "hold them, the account waits for a second national administrator's approval. Everything is recorded in the history.",
  },
  'access.user.title': { fr: 'Compte {username}', en: 'Account {username}' },
  'access.user.actions': { fr: 'Actions', en: 'Actions' },
  'access.user.approve': { fr: 'Approuver le compte', en: 'Approve the account' },
  'access.user.unlock': { fr: 'Débloquer le compte', en: 'Unlock the account' },
  'access.user.totp_reset': {
    fr: 'Retirer la double authentification (téléphone perdu)',
    en: 'Remove two-step verification (lost phone)',
  },
  'access.user.disable': { fr: 'Désactiver le compte', en: 'Disable the account' },
  'access.username': { fr: 'Identifiant', en: 'Username' },
  'access.yes': { fr: 'oui', en: 'yes' },
  'access.no': { fr: 'non', en: 'no' },
  'access.none': { fr: 'Aucune.', en: 'None.' },
  'access.users.prisons_hint': {
    fr: 'Laissez vide pour une portée nationale ou un compte du parquet.',
    en: 'Leave empty for national scope or a prosecutor account.',
  },
  'access.users.roles_required': { fr: 'choisissez au moins un rôle', en: 'choose at least one role' },
  'access.users.lang_fr': { fr: 'Français', en: 'French' },
  'access.users.lang_en': { fr: 'Anglais', en: 'English' },
  'access.totp.qr_caption': { fr: 'Clé\u00a0: {secret}', en: 'Key: {secret}' },
  'access.sessions.revoke_label': { fr: '{action} ouverte le {date}', en: '{action} opened {date}' },
  'access.sessions.caption': { fr: 'Sessions et jetons', en: 'Sessions and tokens' },
});
