/**
 * Plausible Malian names for demo data and benchmarks. Given names include the ten most common
 * of each sex in Mali in 2010 (Wikipedia list via sigpwned/popular-names-by-country-dataset, CC0);
 * family names are common Bambara/Malinké, Fulani, Soninké, Songhai, Dogon, Tuareg and Moorish
 * names attested in public sources (see docs/reference-data.md). Deterministic: seeded PRNG.
 */
export const GIVEN_MALE = [
  'Mamadou',
  'Moussa',
  'Amadou',
  'Ibrahim',
  'Boubacar',
  'Seydou',
  'Oumar',
  'Souleymane',
  'Adama',
  'Modibo',
  'Hamadoun',
  'Abdoulaye',
  'Issa',
  'Mahamadou',
  'Mohamed',
  'Sidi',
  'Ousmane',
  'Bakary',
  'Drissa',
  'Yacouba',
  'Aliou',
  'Hama',
  'Alhousseini',
  'Abdourahamane',
  'Youssouf',
  'Cheick',
  'Lassana',
  'Siaka',
  'Tiémoko',
  'Bourama',
];
export const GIVEN_FEMALE = [
  'Fatoumata',
  'Mariam',
  'Aminata',
  'Hawa',
  'Kadiatou',
  'Awa',
  'Oumou',
  'Aïssata',
  'Djeneba',
  'Salimata',
  'Rokia',
  'Assétou',
  'Kadidia',
  'Fanta',
  'Nana',
];
export const FAMILY = [
  'Traoré',
  'Diarra',
  'Coulibaly',
  'Keïta',
  'Diallo',
  'Sangaré',
  'Cissé',
  'Touré',
  'Maïga',
  'Sidibé',
  'Dembélé',
  'Konaté',
  'Sissoko',
  'Doumbia',
  'Kanté',
  'Bah',
  'Barry',
  'Diakité',
  'Samaké',
  'Koné',
  'Camara',
  'Tangara',
  'Guindo',
  'Dicko',
  'Ag Intalla',
  'Ag Alher',
  'Ould Mohamed',
  'Haïdara',
  'Sow',
  'Tall',
  'Togo',
  'Dolo',
  'Kassogué',
  'Djimdé',
  'Bagayoko',
  'Koïta',
  'Ag Ghali',
  'Ould Sidi',
  'Tamboura',
  'Yattara',
];

import { prng } from '../core/random.js';

export { prng };

export const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

export const CHARGES = [
  {
    qualification: 'Association de malfaiteurs en relation avec une entreprise terroriste',
    legal_reference: 'Loi n°2008-025, art. 3',
    category: 'felony' as const,
    terrorism_related: true,
  },
  {
    qualification: 'Détention illégale d’armes de guerre',
    legal_reference: 'Code pénal',
    category: 'felony' as const,
    terrorism_related: false,
  },
  {
    qualification: 'Vol qualifié',
    legal_reference: 'Code pénal',
    category: 'felony' as const,
    terrorism_related: false,
  },
  { qualification: 'Meurtre', legal_reference: 'Code pénal', category: 'felony' as const, terrorism_related: false },
  {
    qualification: 'Trafic de stupéfiants',
    legal_reference: 'Loi n°01-078',
    category: 'felony' as const,
    terrorism_related: false,
  },
  {
    qualification: 'Coups et blessures volontaires',
    legal_reference: 'Code pénal',
    category: 'misdemeanour' as const,
    terrorism_related: false,
  },
  {
    qualification: 'Vol simple',
    legal_reference: 'Code pénal',
    category: 'misdemeanour' as const,
    terrorism_related: false,
  },
  {
    qualification: 'Escroquerie',
    legal_reference: 'Code pénal',
    category: 'misdemeanour' as const,
    terrorism_related: false,
  },
  {
    qualification: 'Abus de confiance',
    legal_reference: 'Code pénal',
    category: 'misdemeanour' as const,
    terrorism_related: false,
  },
];

export interface SyntheticPerson {
  family_name: string;
  given_names: string;
  sex: 'male' | 'female';
  birth: { precision: 'exact' | 'year' | 'estimated'; date?: string; estimated_age?: number; estimated_on?: string };
  father_name: string;
  mother_name: string;
  birth_place: string;
  nationality: string;
  origin_region_code: string;
}

const PLACES: [string, string][] = [
  ['Bamako', 'BKO'],
  ['Kati', 'KOULIKORO'],
  ['Koulikoro', 'KOULIKORO'],
  ['Ségou', 'SEGOU'],
  ['Mopti', 'MOPTI'],
  ['Sévaré', 'MOPTI'],
  ['Tombouctou', 'TOMBOUCTOU'],
  ['Gao', 'GAO'],
  ['Kidal', 'KIDAL'],
  ['Ménaka', 'MENAKA'],
  ['Sikasso', 'SIKASSO'],
  ['Kayes', 'KAYES'],
  ['Niono', 'SEGOU'],
  ['Djenné', 'MOPTI'],
  ['Douentza', 'DOUENTZA'],
  ['Bandiagara', 'BANDIAGARA'],
  ['San', 'SAN'],
];

export function syntheticPerson(rnd: () => number, sex?: 'male' | 'female', today = '2026-11-25'): SyntheticPerson {
  const s = sex ?? (rnd() < 0.96 ? 'male' : 'female');
  const given =
    pick(rnd, s === 'male' ? GIVEN_MALE : GIVEN_FEMALE) +
    (rnd() < 0.25 ? ` ${pick(rnd, s === 'male' ? GIVEN_MALE : GIVEN_FEMALE)}` : '');
  const family = pick(rnd, FAMILY);
  const age = 18 + Math.floor(rnd() * 45);
  const year = Number(today.slice(0, 4)) - age;
  const r = rnd();
  const birth =
    r < 0.4
      ? {
          precision: 'exact' as const,
          date: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
        }
      : r < 0.8
        ? { precision: 'year' as const, date: String(year) }
        : { precision: 'estimated' as const, estimated_age: age, estimated_on: today };
  const [place, region] = pick(rnd, PLACES);
  return {
    family_name: family,
    given_names: given,
    sex: s,
    birth,
    father_name: `${pick(rnd, GIVEN_MALE)} ${family}`,
    mother_name: `${pick(rnd, GIVEN_FEMALE)} ${pick(rnd, FAMILY)}`,
    birth_place: place,
    nationality: rnd() < 0.93 ? 'ML' : pick(rnd, ['BF', 'NE', 'MR', 'DZ']),
    origin_region_code: region,
  };
}
