/**
 * Seeded synthetic identities and labelled pairs for the matching evaluation and bench.
 * PURE (a seeded PRNG, no I/O). Documented in docs/identity-matching.md, "Evaluation set".
 *
 * Every person here is invented. Name pools: the ten most common Malian given names per sex from
 * ml_popular_forenames_wikipedia2010_sigpwned.csv (CC0), family names attested in
 * ml_surname_group_attestations_web.csv, and further common Malian, Tuareg and Moorish names
 * compiled by the project (marked below). Spelling variants come from three kinds of source:
 *  1. the transliteration rules documented in normalize.ts (applied in reverse),
 *  2. token pairs taken from real transliteration clusters (UN alias clusters, AfricaPEP table),
 *  3. rules the normaliser does NOT know: typing errors (deletion, transposition, substitution),
 *     dropped middle names, initials, swapped family/given names, year off by one, day/month swap.
 * Kind 3 keeps the evaluation from only measuring the normaliser against its own rules.
 */
import { prng } from '../../core/random.js';
import type { IdentityRecord } from './score.js';

/** The project's seeded generator (mulberry32). */
export const rng = prng;

type Rnd = () => number;
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rnd, p: number) => r() < p;
const int = (r: Rnd, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// sigpwned Mali 2010 top ten + [pmis] common Malian given names
export const GIVEN_MALE = [
  'Mamadou',
  'Moussa',
  'Mahamadou',
  'Adama',
  'Bakary',
  'Abdoulaye',
  'Modibo',
  'Oumar',
  'Sékou',
  'Ibrahima',
  'Amadou',
  'Boubacar',
  'Seydou',
  'Souleymane',
  'Ousmane',
  'Issa',
  'Drissa',
  'Siaka',
  'Lassina',
  'Yacouba',
  'Aliou',
  'Hamidou',
  'Aboubacrine',
  'Mohamed',
  'Ahmed',
  'Alhousseini',
  'Hama',
  'Boureima',
  'Hassane',
  'Ali',
  'Youssouf',
  'Abdourahamane',
  'Cheick',
  'Tiémoko',
  'Nouhoum',
  'Karim',
  'Daouda',
  'Salif',
  'Zoumana',
  'Fousseyni',
  'Mahamane',
  'Alassane',
  'Baba',
  'Gaoussou',
  'Yaya',
  'Mokhtar',
  'Abdelkader',
  'Hamadoun',
  'Sidi',
  'Attaher',
] as const;
export const GIVEN_FEMALE = [
  'Fatoumata',
  'Mariam',
  'Aminata',
  'Hawa',
  'Awa',
  'Oumou',
  'Djénéba',
  'Bintou',
  'Fanta',
  'Kadiatou',
  'Assétou',
  'Rokia',
  'Salimata',
  'Kadidia',
  'Aïssata',
  'Nana',
  'Mariama',
  'Fadimata',
  'Lalla',
  'Safiatou',
  'Haby',
  'Ramata',
  'Korotoumou',
  'Sitan',
  'Zeinabou',
  'Tata',
  'Maimouna',
  'Coumba',
  'Habibatou',
  'Kadidiatou',
] as const;
// ml_surname_group_attestations_web.csv + [pmis] Songhai, Dogon, Soninké names
export const FAMILY_SEDENTARY = [
  'Traoré',
  'Coulibaly',
  'Diarra',
  'Keïta',
  'Konaté',
  'Dembélé',
  'Sissoko',
  'Samaké',
  'Koné',
  'Doumbia',
  'Camara',
  'Kanté',
  'Bagayoko',
  'Koïta',
  'Diakité',
  'Diallo',
  'Bah',
  'Barry',
  'Sidibé',
  'Sangaré',
  'Cissé',
  'Sylla',
  'Touré',
  'Soumaré',
  'Tounkara',
  'Diawara',
  'Niakhaté',
  'Sakho',
  'Maïga',
  'Haïdara',
  'Dicko',
  'Dolo',
  'Guindo',
  'Togo',
  'Kassogué',
  'Tangara',
  'Fofana',
  'Sanogo',
  'Ouattara',
  'Berthé',
] as const;
// [pmis] Tuareg (Ag <father>) and Moorish (Ould <father>) patronymics
export const TUAREG_FATHERS = [
  'Intalla',
  'Attaher',
  'Ghali',
  'Alghabass',
  'Mossa',
  'Acharatoumane',
  'Assaleh',
  'Bibi',
  'Najim',
  'Ahmada',
  'Elmehdi',
  'Hamma',
  'Alhassane',
  'Mohamed',
  'Sidi',
] as const;
export const MOORISH_FATHERS = [
  'Mohamed',
  'Sidi',
  'Ahmed',
  'Hamoud',
  'Boubacar',
  'Cheikh',
  'Mokhtar',
  'Abdallah',
  'Bady',
  'Mahmoud',
] as const;
export const PLACES = [
  'Bamako',
  'Kati',
  'Koulikoro',
  'Ségou',
  'San',
  'Sikasso',
  'Koutiala',
  'Mopti',
  'Djenné',
  'Bandiagara',
  'Tombouctou',
  'Gao',
  'Kidal',
  'Ménaka',
  'Kayes',
  'Nioro du Sahel',
  'Tessalit',
  'Niafunké',
  'Goundam',
  'Ansongo',
  'Bourem',
  'Douentza',
  'Ténenkou',
  'Macina',
  'Kita',
  'Bougouni',
  'Diré',
  'Léré',
  'Anéfis',
  'Aguelhok',
] as const;

/**
 * Token variants that come from real transliteration clusters, not from the normaliser's rules:
 * UN alias clusters (Koufa/Kouffa, Hamadoun/Hamadou, Belmokhtar/Belmukhtar, Youcef/Yusuf,
 * Ould/Walad, Mokhtar/Mukhtar) and the AfricaPEP alternates table.
 */
export const ATTESTED_VARIANTS: Record<string, readonly string[]> = {
  mohamed: ['Mohammed', 'Muhammad', 'Mohamad', 'Mouhamed'],
  oumar: ['Omar', 'Umar'],
  ousmane: ['Osman', 'Othman', 'Ousmane'],
  ibrahima: ['Ibrahim', 'Brahima'],
  moussa: ['Musa', 'Mousa', 'Mossa'],
  amadou: ['Ahmadou', 'Hamadou'],
  hamadoun: ['Hamadou', 'Amadou'],
  mamadou: ['Mamadu', 'Mahmadou'],
  boubacar: ['Aboubacar', 'Abubakar', 'Boubakar'],
  seydou: ['Saidou', 'Seidou'],
  cheick: ['Cheikh', 'Sheikh', 'Cheik'],
  youssouf: ['Youcef', 'Yusuf', 'Youssef'],
  mokhtar: ['Mukhtar', 'Moctar'],
  yaya: ['Yahia', 'Yahya'],
  abdourahamane: ['Abderrahmane', 'Abd al-Rahman', 'Abdarrahmane'],
  abdelkader: ['Abd el Kader', 'Abdel Kader', 'Abdoul Kader'],
  hassane: ['Hassan', 'Alhassane'],
  souleymane: ['Souleimane', 'Sulayman'],
  abdoulaye: ['Abdoullahi', 'Abdallah'],
  fatoumata: ['Fatimata', 'Fatouma'],
  djeneba: ['Jeneba', 'Dieneba'],
  kadiatou: ['Kadidiatou', 'Khadidja'],
  aminata: ['Aminatou'],
  mariam: ['Mariama', 'Maryam'],
  intalla: ['Intallah', 'Intala'],
  ghali: ['Rhali', 'Ghaly'],
  ould: ['Wuld', 'Walad', 'Ould'],
  ag: ['ag', 'AG', 'Ag'],
  traore: ['Trawre', 'Traore'],
  coulibaly: ['Koulibaly', 'Kulibali'],
  maiga: ['Mayga', 'Maiga'],
  keita: ['Keyta', 'Keita'],
  diallo: ['Jallo', 'Djallo'],
  diarra: ['Jara', 'Djarra'],
};

export interface TruePerson {
  id: number;
  sex: 'male' | 'female';
  given: string[];
  family: string;
  fatherGiven: string;
  fatherFamily: string;
  motherGiven: string;
  motherFamily: string;
  birth: { y: number; m: number; d: number };
  place: string;
  nina: string | null;
}

function familyFor(r: Rnd): { family: string; fatherFamily: string; patron?: 'ag' | 'ould' } {
  const k = r();
  if (k < 0.12) {
    const f = pick(r, TUAREG_FATHERS);
    return { family: `Ag ${f}`, fatherFamily: `Ag ${pick(r, TUAREG_FATHERS)}`, patron: 'ag' };
  }
  if (k < 0.18) {
    const f = pick(r, MOORISH_FATHERS);
    return { family: `Ould ${f}`, fatherFamily: `Ould ${pick(r, MOORISH_FATHERS)}`, patron: 'ould' };
  }
  const fam = pick(r, FAMILY_SEDENTARY);
  return { family: fam, fatherFamily: fam };
}

export function makePerson(r: Rnd, id: number, base?: Partial<TruePerson>): TruePerson {
  const sex = base?.sex ?? (chance(r, 0.93) ? 'male' : 'female');
  const fam = familyFor(r);
  const givenPool = sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const given = base?.given ?? (chance(r, 0.25) ? [pick(r, givenPool), pick(r, givenPool)] : [pick(r, givenPool)]);
  let family = base?.family ?? fam.family;
  let fatherFamily = base?.fatherFamily ?? fam.fatherFamily;
  let fatherGiven = base?.fatherGiven ?? pick(r, GIVEN_MALE);
  if (!base?.family && fam.patron) {
    // Tuareg / Moorish: the family name is "Ag/Ould <father's given name>"
    fatherGiven = family.split(' ').slice(1).join(' ');
  }
  if (base?.family && !base.fatherGiven && /^(ag|ould) /i.test(base.family)) {
    fatherGiven = base.family.split(' ').slice(1).join(' ');
    fatherFamily = `${base.family.split(' ')[0]} ${pick(r, TUAREG_FATHERS)}`;
  }
  family = family.trim();
  const y = base?.birth?.y ?? int(r, 1950, 2007);
  const birth = base?.birth ?? { y, m: int(r, 1, 12), d: int(r, 1, 28) };
  return {
    id,
    sex,
    given,
    family,
    fatherGiven,
    fatherFamily,
    motherGiven: base?.motherGiven ?? pick(r, GIVEN_FEMALE),
    motherFamily: base?.motherFamily ?? pick(r, FAMILY_SEDENTARY),
    birth,
    place: base?.place ?? pick(r, PLACES),
    nina:
      base?.nina !== undefined
        ? base.nina
        : chance(r, 0.2)
          ? `${int(r, 1, 9)}${String(int(r, 0, 99999999)).padStart(8, '0')}${String.fromCharCode(
              65 + int(r, 0, 25),
            )}${String.fromCharCode(65 + int(r, 0, 25))}`
          : null,
  };
}

const strip = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
const keyOf = (s: string) =>
  strip(s)
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** Reverse transliteration rules: what another clerk may write for the same sound. */
const RULE_VARIANTS: [RegExp, string][] = [
  [/ou/, 'u'],
  [/(?<![aeiou])u/, 'ou'],
  [/dj/, 'j'],
  [/j/, 'dj'],
  [/kh/, 'k'],
  [/ch/, 'sh'],
  [/ss/, 's'],
  [/(?<=[aeiou])([lmnt])(?=[aeiou])/, '$1$1'],
  [/e$/, ''],
  [/a$/, 'ah'],
  [/y/, 'i'],
  [/i(?=[aeiou])/, 'y'],
  [/c(?=[aou])/, 'k'],
  [/k/, 'c'],
  [/w/, 'ou'],
];

function caseVariant(r: Rnd, s: string): string {
  const k = r();
  if (k < 0.25) return s.toUpperCase();
  if (k < 0.35) return s.toLowerCase();
  if (k < 0.6) return strip(s);
  return s;
}

function typo(r: Rnd, s: string): string {
  if (s.length < 5) return s;
  const i = int(r, 1, s.length - 2);
  const k = r();
  if (k < 0.4) return s.slice(0, i) + s.slice(i + 1); // deletion
  if (k < 0.7) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // transposition
  const letters = 'aeioumnrsltkd';
  return s.slice(0, i) + letters[int(r, 0, letters.length - 1)] + s.slice(i + 1); // substitution
}

/** One word as another clerk might write it. `rate` scales how often something changes. */
export function varyWord(r: Rnd, w: string, rate = 1): string {
  let out = w;
  const attested = ATTESTED_VARIANTS[keyOf(w)];
  if (attested && chance(r, 0.5 * rate)) out = pick(r, attested);
  else if (chance(r, 0.45 * rate)) {
    const lower = strip(out).toLowerCase();
    const applicable = RULE_VARIANTS.filter(([re]) => re.test(lower));
    if (applicable.length) {
      const [re, rep] = pick(r, applicable);
      const v = lower.replace(re, rep);
      out = v.charAt(0).toUpperCase() + v.slice(1);
    }
  }
  if (chance(r, 0.06 * rate)) out = typo(r, out);
  return out;
}

function varyName(r: Rnd, name: string, rate = 1): string {
  return name
    .split(' ')
    .map((w) => varyWord(r, w, rate))
    .join(chance(r, 0.08 * rate) ? '-' : ' ');
}

export interface Rendering {
  rate: number;
  full?: boolean;
}

/** What one clerk writes down about a true person: noisy, with fields missing. */
export function observe(r: Rnd, p: TruePerson, opts: Rendering = { rate: 1 }): IdentityRecord {
  const rate = opts.rate;
  let given = [...p.given];
  if (given.length > 1 && chance(r, 0.15 * rate)) given = chance(r, 0.5) ? [given[0]] : [given[0], given[1][0] + '.'];
  let family_name = caseVariant(r, varyName(r, p.family, rate));
  let given_names = caseVariant(r, given.map((g) => (g.endsWith('.') ? g : varyWord(r, g, rate))).join(' '));
  if (chance(r, 0.08 * rate)) [family_name, given_names] = [given_names, family_name];
  // Date of birth: precision chosen by what the person or papers can tell.
  const k = r();
  let birth_date: string | null = null;
  let birth_precision: IdentityRecord['birth_precision'] = 'unknown';
  const pad = (n: number) => String(n).padStart(2, '0');
  if (opts.full || k < 0.35) {
    birth_precision = 'exact';
    let { m, d } = p.birth;
    if (chance(r, 0.04 * rate) && d <= 12)
      [m, d] = [d, m]; // day/month swapped
    else if (chance(r, 0.03 * rate)) d = Math.min(28, Math.max(1, d + int(r, -3, 3)));
    birth_date = `${p.birth.y}-${pad(m)}-${pad(d)}`;
  } else if (k < 0.42) {
    birth_precision = 'month';
    birth_date = `${p.birth.y}-${pad(p.birth.m)}`;
  } else if (k < 0.7) {
    birth_precision = 'year';
    birth_date = String(p.birth.y + (chance(r, 0.05 * rate) ? pick(r, [-1, 1]) : 0));
  } else if (k < 0.95) {
    birth_precision = 'estimated';
    birth_date = String(p.birth.y + int(r, -3, 3));
  }
  const father = `${p.fatherGiven}${chance(r, 0.5) ? ` ${p.fatherFamily}` : ''}`;
  const mother = `${p.motherGiven}${chance(r, 0.4) ? ` ${p.motherFamily}` : ''}`;
  return {
    family_name,
    given_names,
    father_name: opts.full || chance(r, 0.8) ? caseVariant(r, varyName(r, father, 0.6 * rate)) : '',
    mother_name: opts.full || chance(r, 0.65) ? caseVariant(r, varyName(r, mother, 0.6 * rate)) : '',
    birth_date: birth_date ?? '',
    birth_precision,
    birth_place:
      opts.full || chance(r, 0.7) ? caseVariant(r, chance(r, 0.2 * rate) ? varyWord(r, p.place, 1) : p.place) : '',
    nina: p.nina && (opts.full || chance(r, 0.5)) ? p.nina : '',
  };
}

export type PairKind = 'same_person' | 'namesake' | 'similar_name' | 'sibling' | 'same_family_name' | 'random';

export interface LabelledPair {
  id: string;
  kind: PairKind;
  label: 'same' | 'different';
  a: IdentityRecord;
  b: IdentityRecord;
}

/**
 * Labelled pairs. Half are the same person written twice; the other half are different people
 * chosen to be hard: namesakes (same names, other parents and date), similar names (a variant of
 * the same name), siblings (same family name and parents, other given name and date), people who
 * share only the family name, and a few random pairs.
 */
export function generatePairs(seed: number, count: number): LabelledPair[] {
  const r = rng(seed);
  const out: LabelledPair[] = [];
  let pid = 0;
  for (let i = 0; i < count; i++) {
    const id = `p${String(i + 1).padStart(5, '0')}`;
    const p = makePerson(r, ++pid);
    if (i % 2 === 0) {
      out.push({ id, kind: 'same_person', label: 'same', a: observe(r, p), b: observe(r, p) });
      continue;
    }
    const k = r();
    let q: TruePerson;
    let kind: PairKind;
    if (k < 0.4) {
      kind = 'namesake';
      q = makePerson(r, ++pid, { sex: p.sex, given: p.given, family: p.family });
    } else if (k < 0.55) {
      kind = 'similar_name';
      q = makePerson(r, ++pid, { sex: p.sex, given: p.given.map((g) => varyWord(r, g, 1.5)), family: p.family });
    } else if (k < 0.75) {
      kind = 'sibling';
      const pool = p.sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
      let g = pick(r, pool);
      while (g === p.given[0]) g = pick(r, pool);
      const gap = pick(r, [-1, 1]) * int(r, 1, 12);
      q = makePerson(r, ++pid, {
        sex: p.sex,
        given: [g],
        family: p.family,
        fatherGiven: p.fatherGiven,
        fatherFamily: p.fatherFamily,
        motherGiven: p.motherGiven,
        motherFamily: p.motherFamily,
        place: p.place,
        birth: { y: p.birth.y + gap, m: int(r, 1, 12), d: int(r, 1, 28) },
      });
    } else if (k < 0.93) {
      kind = 'same_family_name';
      q = makePerson(r, ++pid, { family: p.family });
    } else {
      kind = 'random';
      q = makePerson(r, ++pid);
    }
    out.push({ id, kind, label: 'different', a: observe(r, p), b: observe(r, q) });
  }
  return out;
}

export const PAIR_FIELDS = [
  'family_name',
  'given_names',
  'father_name',
  'mother_name',
  'birth_date',
  'birth_precision',
  'birth_place',
  'nina',
] as const;

/** A pair as a CSV row in the `pmis identities compare` format. */
export function pairRow(p: LabelledPair): Record<string, string> {
  const row: Record<string, string> = { id: p.id, label: p.label, kind: p.kind };
  for (const f of PAIR_FIELDS) row[`a_${f}`] = p.a[f] ?? '';
  for (const f of PAIR_FIELDS) row[`b_${f}`] = p.b[f] ?? '';
  return row;
}
