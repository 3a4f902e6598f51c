/**
 * French first, English second. Every user-facing string lives in a module's message table,
 * registered here, with both languages; `t` falls back to French, then to the key.
 */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export type Messages = Record<string, { fr: string; en: string }>;

const catalogue: Messages = {};

export function registerMessages(messages: Messages): void {
  for (const [k, v] of Object.entries(messages)) {
    if (catalogue[k] && (catalogue[k].fr !== v.fr || catalogue[k].en !== v.en))
      throw new Error(`message ${k} defined twice`);
    catalogue[k] = v;
  }
}

export function hasMessage(key: string): boolean {
  return key in catalogue;
}

/** Every key of the catalogue, in the order the tables registered them (for the completeness test). */
export function messageKeys(): string[] {
  return Object.keys(catalogue);
}

/** Both texts of a key, or undefined when no table declares it. */
export function getMessage(key: string): { fr: string; en: string } | undefined {
  return catalogue[key];
}

export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const entry = catalogue[key];
  const text = entry ? (entry[lang] ?? entry.fr) : key;
  return text.replace(/\{(\w+)\}/g, (_, p: string) => (p in params ? String(params[p]) : `{${p}}`));
}

/** Pick fr or en from an Accept-Language header; French unless English is preferred. */
export function negotiate(header: string | undefined): Lang {
  if (!header) return 'fr';
  const prefs = header
    .split(',')
    .map((part) => {
      const [tag, ...ps] = part.trim().split(';');
      const q = ps.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((p) => p.tag)
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('fr')) return 'fr';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'fr';
}

registerMessages({
  'error.validation': { fr: 'Les données envoyées ne sont pas valides.', en: 'The data sent is not valid.' },
  'error.validation.title': { fr: 'Données invalides', en: 'Invalid data' },
  'error.unauthenticated': { fr: 'Authentification requise.', en: 'Authentication required.' },
  'error.forbidden': { fr: "Vous n'avez pas le droit de faire cela.", en: 'You are not allowed to do this.' },
  'error.out_of_scope': {
    fr: "Cet établissement n'est pas dans votre périmètre.",
    en: 'This prison is outside your scope.',
  },
  'error.not_found': { fr: 'Introuvable.', en: 'Not found.' },
  'error.conflict': {
    fr: 'Conflit avec une modification concurrente ; rechargez et recommencez.',
    en: 'Conflict with a concurrent change; reload and try again.',
  },
  'error.internal': { fr: 'Erreur interne du serveur.', en: 'Internal server error.' },
  'error.bad_credentials': { fr: "Nom d'utilisateur ou mot de passe incorrect.", en: 'Wrong username or password.' },
  'error.csrf': { fr: 'Formulaire expiré ; rechargez la page.', en: 'This form has expired; reload the page.' },
  'field.required': { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  'field.unknown_code': { fr: 'Valeur inconnue « {code} » pour {kind}.', en: 'Unknown value "{code}" for {kind}.' },
  'field.unknown_property': { fr: 'Champ non prévu : {name}.', en: 'Unexpected field: {name}.' },
  'field.reason_required': { fr: 'Indiquez le motif de la modification.', en: 'Give the reason for this change.' },
  'field.date_in_future': { fr: 'La date ne peut pas être dans le futur.', en: 'The date cannot be in the future.' },
  'field.invalid_date': { fr: 'Date invalide.', en: 'Invalid date.' },
});
