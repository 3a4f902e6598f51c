/**
 * Compare two identity records: are they the same person? PURE: no database, no I/O.
 *
 * Each field adds evidence (a weight, in log-odds points) for or against "same person"; the sum
 * plus a prior goes through a logistic curve to give a score in 0..1. Hard rules then cap the
 * decision: different NINA, different fathers or incompatible dates of birth are never 'same'.
 * Weights and thresholds are documented in docs/identity-matching.md (keep both in step).
 */
import { canonical, fold, jaroWinkler, nameTokens, phonetic, placeKey, spell } from './normalize.js';

export type BirthPrecisionInput = 'exact' | 'month' | 'year' | 'estimated' | 'unknown' | '' | null | undefined;

export interface IdentityRecord {
  family_name?: string | null;
  given_names?: string | null;
  father_name?: string | null;
  mother_name?: string | null;
  /** ISO date, or partial: '1987' or '1987-05'. For 'estimated', the estimated date or year of birth. */
  birth_date?: string | null;
  birth_precision?: BirthPrecisionInput;
  birth_place?: string | null;
  nina?: string | null;
}

export type Decision = 'same' | 'different' | 'review';

export type Verdict =
  | 'identical'
  | 'equivalent'
  | 'similar'
  | 'partial'
  | 'different'
  | 'missing'
  | 'compatible'
  | 'incompatible'
  | 'probable_typo'
  | 'swapped';

export interface Reason {
  field: 'name' | 'family_name' | 'given_names' | 'father_name' | 'mother_name' | 'birth_date' | 'birth_place' | 'nina';
  verdict: Verdict;
  /** Message key in messages.ts (fr/en). */
  code: string;
  params: Record<string, string | number>;
  /** Evidence in log-odds points (positive = same person). */
  weight: number;
}

export interface Comparison {
  score: number;
  decision: Decision;
  reasons: Reason[];
}

/** Thresholds on the score (documented). */
export const THRESHOLDS = { same: 0.9, review: 0.5 } as const;
/** Score from which a pair counts as a probable match (shown as a candidate, listed by the scan): the 'review' boundary. */
export const MATCH_THRESHOLD = THRESHOLDS.review;
/** Prior log-odds before any evidence. */
export const PRIOR = -2;
/** Highest score given when a hard rule forbids 'same'. */
const CAPPED_SCORE = 0.89;

// ---------------------------------------------------------------------------------------------
// Names

export type TokenMatch = 'identical' | 'equivalent' | 'phonetic' | 'typo' | 'initial' | 'none';

/** Similarity of two folded tokens, with how they agree. */
const tokenSimCache = new Map<string, { sim: number; how: TokenMatch }>();

export function tokenSimilarity(a: string, b: string): { sim: number; how: TokenMatch } {
  if (a === b) return { sim: 1, how: 'identical' };
  const k = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  let r = tokenSimCache.get(k);
  if (!r) {
    if (tokenSimCache.size >= 500_000) tokenSimCache.clear();
    r = tokenSimilarityRaw(a, b);
    tokenSimCache.set(k, r);
  }
  return r;
}

function tokenSimilarityRaw(a: string, b: string): { sim: number; how: TokenMatch } {
  if (a.length === 1 || b.length === 1) {
    // An initial agrees with a name that starts with that letter as written, as spelled or as canonical.
    const [ini, full] = a.length === 1 ? [a, b] : [b, a];
    const starts = new Set([full[0], spell(full)[0], canonical(full)[0]]);
    return starts.has(ini) || starts.has(spell(ini)) ? { sim: 0.8, how: 'initial' } : { sim: 0, how: 'none' };
  }
  const ca = canonical(a);
  const cb = canonical(b);
  if (ca === cb) return { sim: 0.97, how: 'equivalent' };
  const jw = jaroWinkler(ca, cb);
  const pa = phonetic(a);
  const pb = phonetic(b);
  // Same consonant skeleton, and at most two letters apart (Boubacar and Bakary share "bkr" but are two names).
  if (pa === pb && levenshtein(ca, cb) <= (Math.min(ca.length, cb.length) >= 5 ? 2 : 1))
    return { sim: 0.9, how: 'phonetic' };
  if (jw >= 0.86 && Math.min(ca.length, cb.length) >= 4 && levenshtein(ca, cb) <= 2)
    return { sim: 0.92 * jw, how: 'typo' };
  return { sim: 0.6 * jw, how: 'none' };
}

/** Edit distance (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

export interface NameSetResult {
  sim: number;
  pairs: { a: string; b: string; sim: number; how: TokenMatch }[];
  unmatchedA: string[];
  unmatchedB: string[];
}

/**
 * Similarity of two lists of name tokens, in any order: best one-to-one pairing (greedy on the
 * best pairs first). Mostly the coverage of the shorter list (a missing middle name costs little),
 * partly the share of both lists (extra names cost something).
 */
export function nameSetSimilarity(a: string[], b: string[]): NameSetResult {
  if (!a.length || !b.length) return { sim: 0, pairs: [], unmatchedA: a, unmatchedB: b };
  // spelling joined without separators: "Maha Madou" vs "Mahamadou", "Ag-Intalla" vs "Agintalla"
  const ja = a.map(canonical).join('');
  const jb = b.map(canonical).join('');
  if (ja === jb || spell(a.join('')) === spell(b.join('')))
    return {
      sim: 1,
      pairs: [{ a: a.join(' '), b: b.join(' '), sim: 1, how: a.join('') === b.join('') ? 'identical' : 'equivalent' }],
      unmatchedA: [],
      unmatchedB: [],
    };
  const cand: { i: number; j: number; sim: number; how: TokenMatch }[] = [];
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      const r = tokenSimilarity(a[i], b[j]);
      if (r.sim > 0) cand.push({ i, j, ...r });
    }
  // Prefer higher similarity; on ties prefer the pair in the same position (keeps order when equal).
  cand.sort((x, y) => y.sim - x.sim || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: NameSetResult['pairs'] = [];
  let sum = 0;
  for (const c of cand) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    sum += c.sim;
    pairs.push({ a: a[c.i], b: b[c.j], sim: c.sim, how: c.how });
  }
  const coverage = sum / Math.min(a.length, b.length);
  const dice = (2 * sum) / (a.length + b.length);
  return {
    sim: 0.8 * coverage + 0.2 * dice,
    pairs,
    unmatchedA: a.filter((_, i) => !usedA.has(i)),
    unmatchedB: b.filter((_, j) => !usedB.has(j)),
  };
}

function describeNames(r: NameSetResult): string {
  return r.pairs.map((p) => (p.how === 'identical' ? p.a : `${p.a}~${p.b} (${p.how})`)).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Dates of birth

export interface BirthInterval {
  /** Days since 1970-01-01, inclusive bounds. */
  from: number;
  to: number;
  precision: 'exact' | 'month' | 'year' | 'estimated';
  /** As given, for the explanation. */
  text: string;
}

/** Years either side of an estimated date of birth that are still compatible. */
export const ESTIMATE_TOLERANCE_YEARS = 3;
/** Years beyond the precision inside which a difference is "close" (a typo, an age guessed). */
const CLOSE_YEARS = 1;

const dayNo = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);

/** Parse a (possibly partial) date with its precision into the interval of days it allows. */
export function birthInterval(date: string | null | undefined, precision: BirthPrecisionInput): BirthInterval | null {
  const d = (date ?? '').trim();
  if (!d || precision === 'unknown') return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(d);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : undefined;
  const da = m[3] ? Number(m[3]) : undefined;
  if ((mo !== undefined && (mo < 1 || mo > 12)) || (da !== undefined && (da < 1 || da > 31))) return null;
  // The written precision wins; when absent it follows from the format.
  const p =
    precision && precision !== ('' as string)
      ? precision
      : da !== undefined
        ? 'exact'
        : mo !== undefined
          ? 'month'
          : 'year';
  switch (p) {
    case 'exact':
      if (da !== undefined && mo !== undefined)
        return { from: dayNo(y, mo, da), to: dayNo(y, mo, da), precision: 'exact', text: d };
      if (mo !== undefined) return { from: dayNo(y, mo, 1), to: dayNo(y, mo + 1, 0), precision: 'month', text: d };
      return { from: dayNo(y, 1, 1), to: dayNo(y, 12, 31), precision: 'year', text: d };
    case 'month':
      if (mo !== undefined) return { from: dayNo(y, mo, 1), to: dayNo(y, mo + 1, 0), precision: 'month', text: d };
      return { from: dayNo(y, 1, 1), to: dayNo(y, 12, 31), precision: 'year', text: d };
    case 'year':
      return { from: dayNo(y, 1, 1), to: dayNo(y, 12, 31), precision: 'year', text: d };
    case 'estimated':
      return {
        from: dayNo(y - ESTIMATE_TOLERANCE_YEARS, 1, 1),
        to: dayNo(y + ESTIMATE_TOLERANCE_YEARS, 12, 31),
        precision: 'estimated',
        text: d,
      };
    default:
      return null;
  }
}

function compareBirth(a: IdentityRecord, b: IdentityRecord): Reason {
  const ia = birthInterval(a.birth_date, a.birth_precision);
  const ib = birthInterval(b.birth_date, b.birth_precision);
  if (!ia || !ib)
    return { field: 'birth_date', verdict: 'missing', code: 'identity.reason.birth.missing', params: {}, weight: 0 };
  const params = { a: ia.text, pa: ia.precision, b: ib.text, pb: ib.precision };
  if (ia.precision === 'exact' && ib.precision === 'exact') {
    if (ia.from === ib.from)
      return {
        field: 'birth_date',
        verdict: 'identical',
        code: 'identity.reason.birth.identical',
        params,
        weight: 2.2,
      };
    const [ya, ma, da] = ia.text.split('-').map(Number) as [number, number, number];
    const [yb, mb, db] = ib.text.split('-').map(Number) as [number, number, number];
    const swapped = ya === yb && ma === db && da === mb;
    const oneField = (ya === yb ? 0 : 1) + (ma === mb ? 0 : 1) + (da === db ? 0 : 1) === 1;
    if (swapped || (oneField && Math.abs(ia.from - ib.from) <= 366 * 10))
      return {
        field: 'birth_date',
        verdict: 'probable_typo',
        code: 'identity.reason.birth.typo',
        params,
        weight: -0.3,
      };
  }
  const gap = Math.max(0, Math.max(ia.from, ib.from) - Math.min(ia.to, ib.to));
  if (gap === 0) {
    const coarse = [ia.precision, ib.precision];
    const w = coarse.includes('estimated') ? 0.3 : coarse.includes('year') ? 0.7 : 1.2;
    return { field: 'birth_date', verdict: 'compatible', code: 'identity.reason.birth.compatible', params, weight: w };
  }
  const gapYears = Math.round((gap / 365.25) * 10) / 10;
  if (gap <= 365.25 * CLOSE_YEARS)
    return {
      field: 'birth_date',
      verdict: 'similar',
      code: 'identity.reason.birth.close',
      params: { ...params, years: gapYears },
      weight: -1.2,
    };
  return {
    field: 'birth_date',
    verdict: 'incompatible',
    code: 'identity.reason.birth.incompatible',
    params: { ...params, years: gapYears },
    weight: -4,
  };
}

// ---------------------------------------------------------------------------------------------
// Parents, place, NINA

function compareParent(
  field: 'father_name' | 'mother_name',
  a: string | null | undefined,
  b: string | null | undefined,
  explain = true,
): Reason {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  const strong = field === 'father_name';
  if (!ta.length || !tb.length)
    return { field, verdict: 'missing', code: `identity.reason.${field}.missing`, params: {}, weight: 0 };
  const r = nameSetSimilarity(ta, tb);
  const params: Record<string, string | number> = explain ? { a: a ?? '', b: b ?? '', how: describeNames(r) } : {};
  const sim = Math.round(r.sim * 100) / 100;
  if (r.sim >= 0.95)
    return {
      field,
      verdict: 'equivalent',
      code: `identity.reason.${field}.agree`,
      params: { ...params, sim },
      weight: strong ? 2.2 : 1.6,
    };
  if (r.sim >= 0.82)
    return {
      field,
      verdict: 'similar',
      code: `identity.reason.${field}.similar`,
      params: { ...params, sim },
      weight: strong ? 1.2 : 0.8,
    };
  if (r.sim >= 0.65)
    return {
      field,
      verdict: 'partial',
      code: `identity.reason.${field}.partial`,
      params: { ...params, sim },
      weight: strong ? -0.8 : -0.4,
    };
  return {
    field,
    verdict: 'different',
    code: `identity.reason.${field}.different`,
    params: { ...params, sim },
    weight: strong ? -4 : -2.5,
  };
}

function comparePlace(a: string | null | undefined, b: string | null | undefined): Reason {
  const pa = placeKey(a);
  const pb = placeKey(b);
  if (!pa || !pb)
    return { field: 'birth_place', verdict: 'missing', code: 'identity.reason.place.missing', params: {}, weight: 0 };
  const params = { a: a ?? '', b: b ?? '' };
  if (pa === pb)
    return { field: 'birth_place', verdict: 'identical', code: 'identity.reason.place.agree', params, weight: 0.6 };
  if (jaroWinkler(pa, pb) >= 0.9 || pa.includes(pb) || pb.includes(pa))
    return { field: 'birth_place', verdict: 'similar', code: 'identity.reason.place.similar', params, weight: 0.4 };
  return { field: 'birth_place', verdict: 'different', code: 'identity.reason.place.different', params, weight: -0.6 };
}

/** NINA as compared: letters and digits only, upper case. */
export function ninaKey(n: string | null | undefined): string {
  return (n ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function compareNina(a: string | null | undefined, b: string | null | undefined): Reason {
  const na = ninaKey(a);
  const nb = ninaKey(b);
  if (!na || !nb)
    return { field: 'nina', verdict: 'missing', code: 'identity.reason.nina.missing', params: {}, weight: 0 };
  if (na === nb)
    return { field: 'nina', verdict: 'identical', code: 'identity.reason.nina.equal', params: { a: na }, weight: 6 };
  return {
    field: 'nina',
    verdict: 'different',
    code: 'identity.reason.nina.different',
    params: { a: na, b: nb },
    weight: -6,
  };
}

// ---------------------------------------------------------------------------------------------
// Whole name: family + given names, in any order

function compareNames(a: IdentityRecord, b: IdentityRecord, explain = true): Reason[] {
  const fa = nameTokens(a.family_name);
  const fb = nameTokens(b.family_name);
  const ga = nameTokens(a.given_names);
  const gb = nameTokens(b.given_names);
  const all = nameSetSimilarity([...ga, ...fa], [...gb, ...fb]);
  const reasons: Reason[] = [];
  // Name weight: 16 points per unit of similarity around 0.78, at most +3, at least -6.
  const w = all.sim >= 0.97 ? 3 : Math.max(-6, Math.min(3, 16 * (all.sim - 0.78)));
  const sim = Math.round(all.sim * 100) / 100;
  const verdict: Verdict =
    all.sim >= 0.999 && all.pairs.every((p) => p.how === 'identical')
      ? 'identical'
      : all.sim >= 0.9
        ? 'equivalent'
        : all.sim >= 0.78
          ? 'similar'
          : all.sim >= 0.6
            ? 'partial'
            : 'different';
  reasons.push({
    field: 'name',
    verdict,
    code: `identity.reason.name.${verdict}`,
    params: explain ? { sim, how: describeNames(all), extra: [...all.unmatchedA, ...all.unmatchedB].join(' ') } : {},
    weight: Math.round(w * 100) / 100,
  });
  if (!explain) return reasons;
  // Field by field (explanation only; the weight is carried by the whole name).
  const fam = fa.length && fb.length ? nameSetSimilarity(fa, fb) : null;
  const giv = ga.length && gb.length ? nameSetSimilarity(ga, gb) : null;
  const crossed =
    fa.length && gb.length && ga.length && fb.length
      ? Math.min(nameSetSimilarity(fa, gb).sim, nameSetSimilarity(ga, fb).sim)
      : 0;
  const straight = Math.min(fam?.sim ?? 0, giv?.sim ?? 0);
  if (crossed >= 0.9 && crossed > straight + 0.05) {
    reasons.push({
      field: 'family_name',
      verdict: 'swapped',
      code: 'identity.reason.family_name.swapped',
      params: { a: a.family_name ?? '', b: b.family_name ?? '' },
      weight: 0,
    });
    return reasons;
  }
  for (const [field, r, ra, rb] of [
    ['family_name', fam, a.family_name, b.family_name],
    ['given_names', giv, a.given_names, b.given_names],
  ] as const) {
    if (!r) {
      reasons.push({ field, verdict: 'missing', code: `identity.reason.${field}.missing`, params: {}, weight: 0 });
      continue;
    }
    const v: Verdict =
      r.sim >= 0.999 && r.pairs.every((p) => p.how === 'identical')
        ? 'identical'
        : r.sim >= 0.9
          ? 'equivalent'
          : r.sim >= 0.78
            ? 'similar'
            : 'different';
    reasons.push({
      field,
      verdict: v,
      code: `identity.reason.${field}.${v}`,
      params: { a: ra ?? '', b: rb ?? '', how: describeNames(r), sim: Math.round(r.sim * 100) / 100 },
      weight: 0,
    });
  }
  return reasons;
}

// ---------------------------------------------------------------------------------------------

/**
 * Compare two identity records: score 0..1, decision and the reasons field by field.
 * `explain: false` gives the same score and decision but leaves out the field-by-field name
 * explanation and the reasons' parameters (faster: used to rank a long shortlist).
 */
export function compareIdentities(a: IdentityRecord, b: IdentityRecord, opts: { explain?: boolean } = {}): Comparison {
  const explain = opts.explain ?? true;
  const reasons = [
    ...compareNames(a, b, explain),
    compareBirth(a, b),
    compareParent('father_name', a.father_name, b.father_name, explain),
    compareParent('mother_name', a.mother_name, b.mother_name, explain),
    comparePlace(a.birth_place, b.birth_place),
    compareNina(a.nina, b.nina),
  ];
  const total = PRIOR + reasons.reduce((s, r) => s + r.weight, 0);
  let score = 1 / (1 + Math.exp(-total));
  // Hard rules: namesakes with different fathers, incompatible dates or different NINA are never 'same'.
  const blocking = reasons.filter(
    (r) =>
      (r.field === 'nina' && r.verdict === 'different') ||
      (r.field === 'father_name' && r.verdict === 'different') ||
      (r.field === 'birth_date' && r.verdict === 'incompatible'),
  );
  if (blocking.length) score = Math.min(score, CAPPED_SCORE);
  score = Math.round(score * 10000) / 10000;
  const decision: Decision = score >= THRESHOLDS.same ? 'same' : score >= THRESHOLDS.review ? 'review' : 'different';
  return { score, decision, reasons };
}

/** A one-line English summary of the reasons, for CSV output and logs. */
export function summariseReasons(reasons: Reason[]): string {
  return reasons
    .filter((r) => r.verdict !== 'missing' || r.field === 'name')
    .map((r) => `${r.field}:${r.verdict}${r.weight ? `(${r.weight > 0 ? '+' : ''}${r.weight})` : ''}`)
    .join('; ');
}

/** Re-exported for callers that build keys (repository, bench). */
export { fold };
