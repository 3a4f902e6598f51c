/**
 * Name normalisation for matching. PURE: no database, no I/O.
 *
 * A name is stored exactly as written; these functions only derive keys from it. The rules are
 * written down, with examples, in docs/identity-matching.md. In short:
 *
 *  fold      case, diacritics (é→e, ï→i), apostrophes, hyphens, dots and other separators → spaces
 *  tokens    split; drop kinship particles (ag, ult, welet, ould, walad, ben, ibn...), lone Arabic
 *            articles (el, al...) and honorifics (el hadj, dit...); re-join "abd"+"el"+X compounds
 *  spell     spelling equivalences of the French transliteration: dj→j, tch/ch/sh→x, kh→k,
 *            gh/rh→g, ph→f, th→t, dh→d, q/ck/c(a,o,u)→k, c(e,i)→s, ou/oo/w→u, y→i, ey/ay→ei/ai,
 *            doubled letters → one, final -e / -h dropped, final -oun → -ou
 *  group     documented equivalence groups (Mohamed/Muhammad, Oumar/Omar, ...) → one canonical form
 *  phonetic  consonant skeleton of the spelling: first sound + consonants, vowels dropped
 *  keys      per name: tokens, spelling per token, phonetic per token, sorted-token key
 */
import { ARTICLES, KINSHIP_PARTICLES, NAME_GROUP_OF, NAME_GROUPS, TITLES } from './equivalences.js';

const PARTICLES = new Set(KINSHIP_PARTICLES);
const ARTICLE_SET = new Set(ARTICLES);
const TITLE_SET = new Set(TITLES);

/** Lower case, no diacritics, separators to single spaces; letters and digits only. */
export function fold(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Spelling equivalences of the French transliteration of Arabic, Tamasheq, Fulfulde, Songhai and
 * Bambara names. Input: one folded token. Output: a canonical spelling (not meant for display).
 */
export function spell(token: string): string {
  return memo(spellCache, token, spellRaw);
}

// Small bounded memo caches: the same few thousand names come back again and again.
const MEMO_MAX = 200_000;
const spellCache = new Map<string, string>();
const canonicalCache = new Map<string, string>();
const phoneticCache = new Map<string, string>();
const tokensCache = new Map<string, string[]>();
function memo<T>(cache: Map<string, T>, k: string, f: (k: string) => T): T {
  let v = cache.get(k);
  if (v === undefined) {
    if (cache.size >= MEMO_MAX) cache.clear();
    v = f(k);
    cache.set(k, v);
  }
  return v;
}

function spellRaw(token: string): string {
  let s = token;
  if (!s) return s;
  s = s
    .replace(/tch/g, 'x')
    .replace(/dj/g, 'j')
    .replace(/(ch|sh|sch)/g, 'x')
    .replace(/kh/g, 'k')
    .replace(/(gh|rh)/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/(ou|oo)/g, 'u')
    .replace(/w/g, 'u')
    .replace(/y/g, 'i')
    .replace(/gu(?=[ei])/g, 'g');
  // doubled letters → one (after the digraph rules so "ss" in Moussa and "ll" in Intallah collapse)
  s = s.replace(/(.)\1+/g, '$1');
  // final -e / -h / -eh are silent in the French transliteration (Hassane/Hassan, Intallah/Intalla)
  if (s.length > 3) s = s.replace(/(e|h|eh)$/, '');
  // Fulfulde / Songhai nasal ending: Hamadoun/Hamadou, Alassane? no: only -un (written -oun)
  if (s.length > 4) s = s.replace(/un$/, 'u');
  // "ei"/"ai"/"ey" written for the same diphthong (Seydou/Saidou, Souleymane/Souleimane)
  s = s.replace(/ei/g, 'ai');
  // repeat doubles collapse after the endings changed (e.g. "aa")
  s = s.replace(/(.)\1+/g, '$1');
  return s;
}

const abdSpell = (t: string) => spell(t.startsWith('abd') ? normaliseAbd(t) : t);

let spellGroupOf: Map<string, string> | undefined;
function spellGroups(): Map<string, string> {
  if (spellGroupOf) return spellGroupOf;
  const m = new Map<string, string>();
  for (const g of NAME_GROUPS)
    for (const t of g)
      if (!t.includes(' ')) {
        const k = abdSpell(t);
        if (!m.has(k)) m.set(k, abdSpell(g[0]));
      }
  return (spellGroupOf = m);
}

/** The canonical spelling of a token's equivalence group, or its own spelling when it has none. */
export function canonical(token: string): string {
  return memo(canonicalCache, token, canonicalRaw);
}

function canonicalRaw(token: string): string {
  const direct = NAME_GROUP_OF.get(token);
  if (direct) return abdSpell(direct);
  const sp = abdSpell(token);
  return spellGroups().get(sp) ?? sp;
}

/**
 * Consonant skeleton: first letter (a vowel becomes "a"), then the consonants of the spelling in
 * order, doubles collapsed. Muhammad, Mohamed, Mahamadou → "mhmd"; Belmokhtar/Belmukhtar → "blmktr".
 */
export function phonetic(token: string): string {
  return memo(phoneticCache, token, phoneticRaw);
}

function phoneticRaw(token: string): string {
  const s = spell(token);
  if (!s) return s;
  const first = /[aeiou]/.test(s[0]) ? 'a' : s[0];
  const rest = s.slice(1).replace(/[aeiou]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

const ABD_PREFIX = /^(abd|abdel|abdal|abdoul|abdul|abdou|abdu|abder|abdar|abdour|abdur)$/;

/**
 * Name tokens used for matching: folded, particles / lone articles / titles dropped, Arabic
 * "abd" compounds re-joined ("Abd el Kader", "Abdel Kader", "Abdelkader" → one token).
 * Initials stay as one-letter tokens. Digits are dropped.
 */
export function nameTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  return memo(tokensCache, name, nameTokensRaw);
}

function nameTokensRaw(name: string): string[] {
  const raw = fold(name)
    .split(' ')
    .filter((t) => t && !/^\d+$/.test(t));
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    if (ABD_PREFIX.test(t) && i + 1 < raw.length) {
      // "abd el kader" / "abdel kader" / "abdoul karim": join with the next non-article token
      let j = i + 1;
      while (j < raw.length && ARTICLE_SET.has(raw[j])) j++;
      if (j < raw.length && !PARTICLES.has(raw[j]) && raw[j].length > 1) {
        out.push(joinAbd(t, raw[j]));
        i = j;
        continue;
      }
    }
    if (PARTICLES.has(t) || ARTICLE_SET.has(t) || TITLE_SET.has(t)) continue;
    out.push(t);
  }
  // Nothing left (a name that is only a particle): keep the folded words rather than nothing.
  return out.length ? out : raw;
}

/** "abd" + article + name in one canonical token: abdelkader, abd el kader → "abdkader". */
function joinAbd(prefix: string, next: string): string {
  return normaliseAbd(prefix + next);
}

/** A token that starts with "abd" followed by an article or linking vowel: keep "abd" + the name. */
function normaliseAbd(t: string): string {
  const m = /^abd(.*)$/.exec(t);
  if (!m || t.length <= 6) return t;
  // abd + (e|a|ou|u)? + (l|r)? + rest   — abdel-, abdal-, abdoul-, abder-, abdur-
  const rest = m[1].replace(/^(ou|[aeiu])?(l(?=[^aeiou])|r(?=r))?/, '');
  return 'abd' + rest;
}

export interface NameKeys {
  /** Tokens after particle removal, in the order written. */
  tokens: string[];
  /** Spelling-normalised (and group-canonical) form of each token. */
  spelled: string[];
  /** Phonetic key of each token. */
  phonetic: string[];
  /** Canonical tokens sorted and joined by spaces: independent of order. */
  sortedKey: string;
  /** Spelling of the tokens joined without spaces in written order (hyphen/space independent). */
  joined: string;
}

export function nameKeys(name: string | null | undefined): NameKeys {
  const tokens = nameTokens(name).map((t) => (t.startsWith('abd') ? normaliseAbd(t) : t));
  const spelled = tokens.map(canonical);
  return {
    tokens,
    spelled,
    phonetic: tokens.map(phonetic),
    sortedKey: [...spelled].sort().join(' '),
    joined: spell(tokens.join('')),
  };
}

/** Keys of a whole identity (family + given names), as stored in the derived-key table. */
export function fullNameKeys(familyName: string | null | undefined, givenNames: string | null | undefined): NameKeys {
  return nameKeys(`${givenNames ?? ''} ${familyName ?? ''}`);
}

/** Place names: folded and spelled, so Tombouctou/Tombuktu and Ménaka/Menaka compare equal. */
export function placeKey(place: string | null | undefined): string {
  if (!place) return '';
  return memo(placeCache, place, placeKeyRaw);
}
const placeCache = new Map<string, string>();

function placeKeyRaw(place: string): string {
  return fold(place).split(' ').filter(Boolean).map(spell).join(' ');
}

/** Jaro-Winkler similarity of two strings, 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Array<boolean>(la).fill(false);
  const mb = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a[i] === b[j]) {
        ma[i] = true;
        mb[j] = true;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
