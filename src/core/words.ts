/**
 * French typography and grammar that composed text needs, in one place: the colon's spacing,
 * elision ("d'assassinat", never "de Assassinat"), and an offence's label in running text
 * (lower-cased first letter, acronyms kept). Pure functions; no message table.
 */
import type { Lang } from './i18n.js';

/** A label's colon: "Langue : " (no-break space before it in French), "Language: " in English. */
export function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}

/** "Langue : Français" / "Language: English". */
export function labelled(lang: Lang, label: string, value: string): string {
  return `${label}${colon(lang)}${value}`;
}

/**
 * Words starting with an h that is *aspiré* (no elision, no liaison: "de haschisch", "le hold-up").
 * Every other initial h is muet ("d'homicide", "d'harcèlement"… the grammar books disagree on
 * harcèlement; the courts write "de harcèlement", listed here). Compared without accents, lower case.
 */
const H_ASPIRE = [
  'hachisch',
  'haschich',
  'haschisch',
  'hasch',
  'hold-up',
  'harcelement',
  'hargne',
  'hasard',
  'haine',
  'halte',
  'handicap',
  'hangar',
  'haut',
  'hauteur',
  'heros',
  'honte',
  'houspill',
  'hurl',
  'hutte',
  'hors',
];

function bare(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when a French word starts with a vowel sound that takes elision (a vowel, or an h muet). */
export function takesElision(word: string): boolean {
  const w = bare(word.trimStart().replace(/^[«"“(\s]+/, ''));
  if (!w) return false;
  if (/^[aeiouy]/.test(w)) {
    // "y" before a vowel is a consonant sound ("de yaourt"); the rare y-words take no elision.
    return !/^y[aeiou]/.test(w);
  }
  if (w.startsWith('h')) return !H_ASPIRE.some((h) => w.startsWith(h));
  return false;
}

/**
 * A French preposition or article before a word, elided when the word starts with a vowel sound:
 * elide('de', 'assassinat') → "d'assassinat"; elide('de', 'vol') → "de vol"; also "que", "le",
 * "la", "je", "ne", "se", "ce", "me", "te", "jusque", "lorsque", "puisque". Uses the typographic
 * apostrophe ’ when asked (the default is the straight one the messages use).
 */
export function elide(word: string, next: string, opts: { apostrophe?: "'" | '’' } = {}): string {
  const w = word.toLowerCase();
  const elidable = ['de', 'que', 'le', 'la', 'je', 'ne', 'se', 'ce', 'me', 'te', 'jusque', 'lorsque', 'puisque'];
  const trimmed = next.trimStart();
  if (elidable.includes(w) && takesElision(trimmed)) {
    const head = word.slice(0, -1);
    return `${head}${opts.apostrophe ?? "'"}${trimmed}`;
  }
  return `${word} ${trimmed}`;
}

/**
 * An offence's label in running text: the first letter lower-cased ("Assassinat" → "assassinat"),
 * unless the first word is an acronym or a proper name kept in capitals ("VIH", "ONU"), or the
 * label is written all in capitals (a clerk's typing: kept as typed, it is the judicial wording).
 */
export function inRunningText(label: string): string {
  const s = label.trim();
  if (!s) return s;
  const first = s.split(/[\s,;:'’-]/)[0] ?? '';
  const letters = first.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return s; // an acronym, or all capitals
  return s.charAt(0).toLocaleLowerCase('fr') + s.slice(1);
}

/** "de {charge}" composed right: "d'assassinat", "de vol aggravé" (French); English: the label in running text ("murder"). */
export function ofCharge(lang: Lang, charge: string): string {
  const c = inRunningText(charge);
  return lang === 'fr' ? elide('de', c) : c;
}
