/**
 * Restricted data: what each kind needs to be read, and which parts of a change-log entry carry it.
 *
 * One mechanism (docs/access.md): every entity written to the change log is declared below with the
 * restricted parts it may carry. `recordChange` accepts only declared entities (a type error
 * otherwise) and writes those parts in the separate `restricted` column, never in `before`, `after`
 * or `reason`; every read of the change log goes through `readChanges` (core/history.ts), which
 * classifies each entry again (rows written before the column existed included), gives back a
 * restricted part only to holders of its permission, audits that read, and leaves a marker
 * ("restricted: interview") for everyone else.
 */
import type { Actor, Permission } from './access.js';
import { type Lang, registerMessages, t } from './i18n.js';

export const RESTRICTED_CATEGORIES = [
  'interview',
  'health',
  'intelligence',
  'assessment',
  'ethnicity_religion',
] as const;
export type RestrictedCategory = (typeof RESTRICTED_CATEGORIES)[number];

/** The permission that reads each kind of restricted data. */
export const CATEGORY_PERMISSION: Record<RestrictedCategory, Permission> = {
  interview: 'intake.interview', // the reception's social-inquiry interview
  health: 'health.read', // medical data, medical attachments
  intelligence: 'intelligence.read', // security observations, security-level reasons, keep-apart records
  assessment: 'assessment.read', // risk and needs assessments
  ethnicity_religion: 'person.sensitive',
};

export function mayRead(actor: Actor, category: RestrictedCategory): boolean {
  return actor.permissions.has(CATEGORY_PERMISSION[category]);
}

registerMessages({
  'restricted.interview': { fr: "entretien d'accueil", en: 'reception interview' },
  'restricted.health': { fr: 'santé', en: 'health' },
  'restricted.intelligence': { fr: 'renseignement', en: 'intelligence' },
  'restricted.assessment': { fr: 'évaluation', en: 'assessment' },
  'restricted.ethnicity_religion': { fr: 'ethnie et religion', en: 'ethnicity and religion' },
  'restricted.withheld': { fr: 'Contenu réservé ({categories})', en: 'Restricted content ({categories})' },
});

/** "Restricted content (interview, health)" in the reader's language: the marker shown instead of the content. */
export function withheldText(lang: Lang, categories: readonly RestrictedCategory[]): string {
  return t(lang, 'restricted.withheld', { categories: categories.map((c) => t(lang, `restricted.${c}`)).join(', ') });
}

/** What one change carries: which of its parts are restricted, and as what. */
export interface Rule {
  /** The whole entry (before, after and reason) is restricted. */
  all?: RestrictedCategory;
  /** Top-level fields of before/after that are restricted. */
  fields?: Readonly<Record<string, RestrictedCategory>>;
  /** The free-text reason is restricted. */
  reason?: RestrictedCategory;
}

export interface ChangeContent {
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}
type Classifier = Rule | ((c: ChangeContent) => Rule);

const OPEN: Rule = {};
const field = (v: unknown, k: string): unknown =>
  v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;

/**
 * Every entity the change log may hold, with its restricted parts ({} = nothing restricted: readable
 * with history.read). A new entity must be added here before recordChange accepts it.
 */
export const CHANGE_LOG_ENTITIES = {
  admission: OPEN,
  // An arrival announced by an arresting force (chain module) and the documents that follow the person:
  // the history names the document, never its content (read only through the chain module, audited).
  chain_announcement: OPEN,
  chain_document: OPEN,
  force_unit: OPEN,
  // When a legality alert was on and what ended it (issue 9): the file's history, open to history.read.
  alert_episode: OPEN,
  // Method, by whom, date, result: needed by everyone who places people (doubt protects minors).
  age_assessment: OPEN,
  app_user: OPEN,
  // The change log names the assessment (instrument, version); even that is for assessors.
  assessment: { all: 'assessment' },
  assessment_instrument_version: OPEN,
  // A medical attachment's metadata (kind, file name, type, size, hash) is health data.
  attachment: (c) =>
    field(c.after, 'kind') === 'medical' || field(c.before, 'kind') === 'medical' ? { all: 'health' } : OPEN,
  capacity_delegation: OPEN,
  cell: OPEN,
  cell_leader: OPEN,
  cell_leader_request: OPEN,
  classification_settings: OPEN,
  // A complaint's change-log entries carry its state and ids, never the detainee's words; those of a
  // confidential complaint are written without person or prison, so no file's history shows them.
  complaint: OPEN,
  complaint_settings: OPEN,
  // Escorts out and back, the roll call and its count times (movements): times, places, figures.
  count_round: OPEN,
  count_slot_setting: OPEN,
  escort: OPEN,
  // An escape or a death in custody (movements): the cause of a death as the doctor reported it is health data.
  custody_incident: { fields: { cause_reported: 'health' } },
  // Custody before prison (chain): its stages and their corrections, the police-custody limits, the settings.
  chain_custody_settings: OPEN,
  custody_limit_rule: OPEN,
  custody_stage: OPEN,
  file_opening: OPEN,
  hearing: OPEN,
  housing_policy: OPEN,
  identity_decision: OPEN,
  jurisdiction: OPEN,
  justice_settings: OPEN,
  legal_title: OPEN,
  // Who was told of a release, an escape or a death, how and when.
  movement_notice: OPEN,
  person: {
    fields: { sensitive: 'ethnicity_religion', religion: 'ethnicity_religion', ethnicity: 'ethnicity_religion' },
  },
  person_name: OPEN,
  person_relative: OPEN,
  // Which sensitive fields changed is itself sensitive.
  person_sensitive: { all: 'ethnicity_religion' },
  // An override of a keep-apart record reveals the record (the rules overridden, and the refusal
  // reasons that name the other people), and its reason explains it.
  placement: (c) => {
    const overridden = field(c.after, 'overridden');
    return Array.isArray(overridden) && overridden.includes('keep_apart')
      ? { fields: { overridden: 'intelligence', reasons: 'intelligence' }, reason: 'intelligence' }
      : OPEN;
  },
  pretrial_rule: OPEN,
  prison: OPEN,
  prison_capacity: OPEN,
  prison_status: OPEN,
  reception: (c) => (c.action === 'step.interview' ? { all: 'interview' } : OPEN),
  reference_code: OPEN,
  regime_adjustment: OPEN,
  // A release's checklist: the order or justice basis, identity check, confirmation, belongings returned.
  release: OPEN,
  release_settings: OPEN,
  review_event: OPEN,
  // The level is needed by housing and shown to every reader; the reasons (and an override's
  // justification) are security intelligence.
  security_level: { reason: 'intelligence' },
  // A transfer for health reasons: its note may say why (health data); otherwise open to history.read.
  transfer: (c) => (field(c.after, 'reason') === 'health' ? { fields: { note: 'health' } } : OPEN),
  transfer_convoy: OPEN,
  transfer_notice: OPEN,
  unit: OPEN,
  // Visits (issue 14): visitors, bans, visiting rules, visits and items, restrictions, calls and
  // letters (the fact, never the content), family tracing. A legal visit's content is never recorded at all.
  family_contact: OPEN,
  tracing_request: OPEN,
  visit: OPEN,
  visit_restriction: OPEN,
  visit_rule: OPEN,
  visitor: OPEN,
  visitor_ban: OPEN,
} satisfies Record<string, Classifier>;

export type ChangeEntity = keyof typeof CHANGE_LOG_ENTITIES;

export function isDeclaredEntity(entity: string): entity is ChangeEntity {
  return Object.prototype.hasOwnProperty.call(CHANGE_LOG_ENTITIES, entity);
}

/** The rule for one change. An entity that is not declared is treated as wholly restricted to nobody. */
export function classify(entity: string, c: ChangeContent): Rule | null {
  if (!isDeclaredEntity(entity)) return null;
  const k: Classifier = CHANGE_LOG_ENTITIES[entity];
  return typeof k === 'function' ? k(c) : k;
}

/** One category's share of an entry: whole values (rule `all`) or some fields of before/after. */
export interface RestrictedPart {
  whole?: boolean;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}
export type RestrictedParts = Partial<Record<RestrictedCategory, RestrictedPart>>;

export interface Split {
  before: unknown;
  after: unknown;
  reason: string | null;
  restricted: RestrictedParts;
}

function pick(v: unknown, keys: string[]): [Record<string, unknown> | undefined, unknown] {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [undefined, v];
  const taken: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) (keys.includes(k) ? taken : rest)[k] = x;
  return [Object.keys(taken).length ? taken : undefined, rest];
}

/** Separate what is restricted from what is not. Undeclared entities are wholly withheld. */
export function split(entity: string, c: ChangeContent): Split {
  const before = c.before ?? null;
  const after = c.after ?? null;
  const reason = c.reason ?? null;
  const rule = classify(entity, c);
  if (!rule) return { before: null, after: null, reason: null, restricted: {} };
  if (rule.all) {
    if (before === null && after === null && reason === null) return { before, after, reason, restricted: {} };
    return {
      before: null,
      after: null,
      reason: null,
      restricted: { [rule.all]: { whole: true, before, after, reason } },
    };
  }
  const out: Split = { before, after, reason, restricted: {} };
  const byCategory = new Map<RestrictedCategory, string[]>();
  for (const [k, cat] of Object.entries(rule.fields ?? {})) byCategory.set(cat, [...(byCategory.get(cat) ?? []), k]);
  for (const [cat, keys] of byCategory) {
    const [b, restB] = pick(out.before, keys);
    const [a, restA] = pick(out.after, keys);
    if (b || a) {
      out.before = restB;
      out.after = restA;
      out.restricted[cat] = { ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) };
    }
  }
  if (rule.reason && reason !== null && reason !== '') {
    out.reason = null;
    out.restricted[rule.reason] = { ...(out.restricted[rule.reason] ?? {}), reason };
  }
  return out;
}

/** Put restricted parts back into an entry (the reverse of split). */
export function merge(
  open: { before: unknown; after: unknown; reason: string | null },
  parts: RestrictedParts | null | undefined,
): { before: unknown; after: unknown; reason: string | null } {
  let { before, after, reason } = open;
  for (const p of Object.values(parts ?? {})) {
    if (!p) continue;
    if (p.whole) {
      before = p.before ?? null;
      after = p.after ?? null;
      reason = p.reason ?? null;
      continue;
    }
    if (p.before !== undefined) before = { ...(before ?? {}), ...(p.before as object) };
    if (p.after !== undefined) after = { ...(after ?? {}), ...(p.after as object) };
    if (p.reason !== undefined) reason = p.reason;
  }
  return { before, after, reason };
}
