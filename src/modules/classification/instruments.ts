/**
 * Risk and needs assessment instruments: defined and versioned by an administrator, as data.
 *
 * An instrument has domains, items rated on named scales, guidance text, a free-text summary and
 * an overall structured professional judgement (SPJ) made and reasoned by the assessor. There is
 * deliberately no total score: ratings are never added up, and nothing here turns ratings into a
 * decision. `profile` only counts ratings per domain to help the reader, and says so.
 *
 * Pure: no database, no I/O. The service stores each version's definition unchanged; a past
 * assessment keeps pointing at the version it was made with.
 */
import type { FieldError } from '../../core/errors.js';
import './messages.js';

export interface Text {
  fr: string;
  en: string;
}

export interface ScaleLevel {
  value: string;
  label: Text;
  /** Position on the scale (0 = lowest); null for "information insufficient", which is not ordinal. */
  rank: number | null;
}
export interface RatingScale {
  code: string;
  label: Text;
  levels: ScaleLevel[];
}

export interface Item {
  code: string;
  text: Text;
  guidance: Text;
  scale: string;
}

export interface Domain {
  code: string;
  title: Text;
  guidance: Text;
  /** Protective domains: a higher rating means more protection, not more concern. */
  protective: boolean;
  items: Item[];
}

export interface InstrumentDefinition {
  code: string;
  kind: 'risk' | 'needs';
  title: Text;
  purpose: Text;
  /** Guidance shown at the top of the form: sources, what counts as established, how to judge. */
  guidance: Text;
  scales: RatingScale[];
  domains: Domain[];
  /** The assessor's overall structured professional judgement: a question and its answers. */
  judgement: { question: Text; guidance: Text; options: { value: string; label: Text }[] };
}

export const CODE_RE = /^[a-z][a-z0-9_]{0,39}$/;

// ---------------------------------------------------------------------------------------------
// Validating a definition (what an administrator submits as a new version)

const textOk = (x: unknown): x is Text =>
  !!x &&
  typeof x === 'object' &&
  typeof (x as Text).fr === 'string' &&
  (x as Text).fr.trim() !== '' &&
  typeof (x as Text).en === 'string' &&
  (x as Text).en.trim() !== '';

/** Every problem in a definition, each with a JSON pointer: codes, both languages, scales used. */
export function validateDefinition(def: InstrumentDefinition): FieldError[] {
  const errs: FieldError[] = [];
  const text = (x: unknown, field: string) => {
    if (!textOk(x)) errs.push({ field, key: 'classification.instrument.text_both_languages' });
  };
  const code = (x: unknown, field: string) => {
    if (typeof x !== 'string' || !CODE_RE.test(x)) errs.push({ field, key: 'classification.instrument.code_format' });
  };
  code(def.code, '/code');
  if (def.kind !== 'risk' && def.kind !== 'needs') errs.push({ field: '/kind', key: 'classification.instrument.kind' });
  text(def.title, '/title');
  text(def.purpose, '/purpose');
  text(def.guidance, '/guidance');
  const scaleCodes = new Set<string>();
  (def.scales ?? []).forEach((s, i) => {
    code(s.code, `/scales/${i}/code`);
    if (scaleCodes.has(s.code))
      errs.push({ field: `/scales/${i}/code`, key: 'classification.instrument.duplicate_code' });
    scaleCodes.add(s.code);
    text(s.label, `/scales/${i}/label`);
    if (!Array.isArray(s.levels) || s.levels.filter((l) => l.rank !== null).length < 2)
      errs.push({ field: `/scales/${i}/levels`, key: 'classification.instrument.scale_levels' });
    const values = new Set<string>();
    const ranks = new Set<number>();
    (s.levels ?? []).forEach((l, j) => {
      code(l.value, `/scales/${i}/levels/${j}/value`);
      if (values.has(l.value))
        errs.push({ field: `/scales/${i}/levels/${j}/value`, key: 'classification.instrument.duplicate_code' });
      values.add(l.value);
      text(l.label, `/scales/${i}/levels/${j}/label`);
      if (l.rank !== null && (!Number.isInteger(l.rank) || l.rank < 0 || ranks.has(l.rank)))
        errs.push({ field: `/scales/${i}/levels/${j}/rank`, key: 'classification.instrument.rank' });
      if (l.rank !== null) ranks.add(l.rank);
    });
  });
  if (!Array.isArray(def.domains) || def.domains.length === 0)
    errs.push({ field: '/domains', key: 'classification.instrument.no_domain' });
  const domainCodes = new Set<string>();
  const itemCodes = new Set<string>();
  (def.domains ?? []).forEach((d, i) => {
    code(d.code, `/domains/${i}/code`);
    if (domainCodes.has(d.code))
      errs.push({ field: `/domains/${i}/code`, key: 'classification.instrument.duplicate_code' });
    domainCodes.add(d.code);
    text(d.title, `/domains/${i}/title`);
    text(d.guidance, `/domains/${i}/guidance`);
    if (typeof d.protective !== 'boolean')
      errs.push({ field: `/domains/${i}/protective`, key: 'classification.instrument.protective' });
    if (!Array.isArray(d.items) || d.items.length === 0)
      errs.push({ field: `/domains/${i}/items`, key: 'classification.instrument.no_item' });
    (d.items ?? []).forEach((it, j) => {
      code(it.code, `/domains/${i}/items/${j}/code`);
      if (itemCodes.has(it.code))
        errs.push({ field: `/domains/${i}/items/${j}/code`, key: 'classification.instrument.duplicate_code' });
      itemCodes.add(it.code);
      text(it.text, `/domains/${i}/items/${j}/text`);
      text(it.guidance, `/domains/${i}/items/${j}/guidance`);
      if (!scaleCodes.has(it.scale))
        errs.push({ field: `/domains/${i}/items/${j}/scale`, key: 'classification.instrument.unknown_scale' });
    });
  });
  const j = def.judgement;
  text(j?.question, '/judgement/question');
  text(j?.guidance, '/judgement/guidance');
  if (!Array.isArray(j?.options) || j.options.length < 2)
    errs.push({ field: '/judgement/options', key: 'classification.instrument.judgement_options' });
  const opts = new Set<string>();
  (j?.options ?? []).forEach((o, i) => {
    code(o.value, `/judgement/options/${i}/value`);
    if (opts.has(o.value))
      errs.push({ field: `/judgement/options/${i}/value`, key: 'classification.instrument.duplicate_code' });
    opts.add(o.value);
    text(o.label, `/judgement/options/${i}/label`);
  });
  return errs;
}

/** A new version must keep the instrument's code and kind (a different instrument is a new one). */
export function validateNewVersion(previous: InstrumentDefinition | null, next: InstrumentDefinition): FieldError[] {
  const errs = validateDefinition(next);
  if (previous && next.code !== previous.code)
    errs.push({ field: '/code', key: 'classification.instrument.code_changed' });
  if (previous && next.kind !== previous.kind)
    errs.push({ field: '/kind', key: 'classification.instrument.kind_changed' });
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Assessments against a version

export interface Rating {
  value: string;
  /** What the rating rests on: sources, observations. */ evidence?: string | null;
}

export interface AssessmentContent {
  ratings: Record<string, Rating>;
  domain_notes?: Record<string, string>;
  /** The assessor's free-text summary of the whole picture. */
  summary: string;
  /** The overall structured professional judgement: one of the instrument's options… */
  judgement: string;
  /** …and the reasons for it, in the assessor's words. */
  judgement_reasons: string;
  /** Measures the assessor recommends (supervision, programmes, contact, housing). */
  recommendations?: string | null;
}

export function allItems(def: InstrumentDefinition): (Item & { domain: Domain })[] {
  return def.domains.flatMap((d) => d.items.map((it) => ({ ...it, domain: d })));
}

function scaleOf(def: InstrumentDefinition, item: Item): RatingScale {
  return def.scales.find((s) => s.code === item.scale)!;
}

/**
 * Every problem with an assessment for this version. A draft may leave items unrated; a completed
 * assessment rates every item (possibly "information insufficient"), and has a summary, a judgement
 * and the reasons for it.
 */
export function validateAssessment(
  def: InstrumentDefinition,
  a: AssessmentContent,
  mode: 'draft' | 'complete',
): FieldError[] {
  const errs: FieldError[] = [];
  const items = new Map(allItems(def).map((i) => [i.code, i]));
  for (const [code, r] of Object.entries(a.ratings ?? {})) {
    const item = items.get(code);
    if (!item) {
      errs.push({ field: `/ratings/${code}`, key: 'classification.assessment.unknown_item' });
      continue;
    }
    if (!scaleOf(def, item).levels.some((l) => l.value === r?.value))
      errs.push({ field: `/ratings/${code}/value`, key: 'classification.assessment.unknown_value' });
  }
  for (const code of Object.keys(a.domain_notes ?? {}))
    if (!def.domains.some((d) => d.code === code))
      errs.push({ field: `/domain_notes/${code}`, key: 'classification.assessment.unknown_domain' });
  if (a.judgement && !def.judgement.options.some((o) => o.value === a.judgement))
    errs.push({ field: '/judgement', key: 'classification.assessment.unknown_judgement' });
  if (mode === 'complete') {
    for (const code of items.keys())
      if (!a.ratings?.[code]) errs.push({ field: `/ratings/${code}`, key: 'classification.assessment.item_unrated' });
    if (!a.summary?.trim()) errs.push({ field: '/summary', key: 'classification.assessment.summary_required' });
    if (!a.judgement) errs.push({ field: '/judgement', key: 'classification.assessment.judgement_required' });
    if (!a.judgement_reasons?.trim())
      errs.push({ field: '/judgement_reasons', key: 'classification.assessment.reasons_required' });
  }
  return errs;
}

/**
 * Counts of ratings per domain and level: a reading aid, not a score. It is never summed across
 * domains and carries no decision; the judgement is the assessor's.
 */
export function profile(
  def: InstrumentDefinition,
  a: AssessmentContent,
): { domain: string; protective: boolean; counts: Record<string, number>; unrated: number }[] {
  return def.domains.map((d) => {
    const counts: Record<string, number> = {};
    let unrated = 0;
    for (const it of d.items) {
      const v = a.ratings?.[it.code]?.value;
      if (v === undefined) unrated++;
      else counts[v] = (counts[v] ?? 0) + 1;
    }
    return { domain: d.code, protective: d.protective, counts, unrated };
  });
}

export type ItemChange = {
  item: string;
  domain: string;
  before: string | null;
  after: string | null;
  /** 'higher'/'lower' on the item's scale; 'changed' when either side is not ordinal. */
  movement: 'same' | 'higher' | 'lower' | 'changed' | 'new_item' | 'item_removed' | 'first_rating' | 'no_longer_rated';
  /** What the movement means: more concern, less concern, or neither (protective items read the other way). */
  concern: 'more' | 'less' | 'neutral';
};

/**
 * Change since the last assessment, item by item (matched by code, so across versions too), and of
 * the overall judgement. Items new in this version or dropped from it are said so.
 */
export function compareAssessments(
  previous: { def: InstrumentDefinition; content: AssessmentContent },
  current: { def: InstrumentDefinition; content: AssessmentContent },
): { items: ItemChange[]; judgement: { before: string; after: string; changed: boolean } } {
  const prevItems = new Map(allItems(previous.def).map((i) => [i.code, i]));
  const curItems = new Map(allItems(current.def).map((i) => [i.code, i]));
  const out: ItemChange[] = [];
  const rankOf = (def: InstrumentDefinition, item: Item, value: string | null) =>
    value === null ? null : (scaleOf(def, item).levels.find((l) => l.value === value)?.rank ?? null);
  for (const [code, item] of curItems) {
    const after = current.content.ratings?.[code]?.value ?? null;
    const prevItem = prevItems.get(code);
    if (!prevItem) {
      out.push({ item: code, domain: item.domain.code, before: null, after, movement: 'new_item', concern: 'neutral' });
      continue;
    }
    const before = previous.content.ratings?.[code]?.value ?? null;
    let movement: ItemChange['movement'];
    let concern: ItemChange['concern'] = 'neutral';
    if (before === after) movement = 'same';
    else if (before === null) movement = 'first_rating';
    else if (after === null) movement = 'no_longer_rated';
    else {
      const rb = rankOf(previous.def, prevItem, before);
      const ra = rankOf(current.def, item, after);
      if (rb === null || ra === null || prevItem.scale !== item.scale) movement = 'changed';
      else if (ra === rb) movement = 'same';
      else {
        movement = ra > rb ? 'higher' : 'lower';
        const up = ra > rb;
        concern = item.domain.protective ? (up ? 'less' : 'more') : up ? 'more' : 'less';
      }
    }
    out.push({ item: code, domain: item.domain.code, before, after, movement, concern });
  }
  for (const [code, item] of prevItems)
    if (!curItems.has(code))
      out.push({
        item: code,
        domain: item.domain.code,
        before: previous.content.ratings?.[code]?.value ?? null,
        after: null,
        movement: 'item_removed',
        concern: 'neutral',
      });
  return {
    items: out,
    judgement: {
      before: previous.content.judgement,
      after: current.content.judgement,
      changed: previous.content.judgement !== current.content.judgement,
    },
  };
}
