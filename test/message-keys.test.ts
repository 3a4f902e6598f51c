/**
 * Every message key the code uses exists in French and in English (pmis issue 11, item 5):
 *  (a) every key registered has both texts, non-empty, with the same {placeholders};
 *  (b) every literal key in a key position — `t(lang, '…')`, `m.t(lang, '…')`, `both('…')`,
 *      `new AppError(n, '…')`, `forbidden('…')`, `conflict('…')`, `hasMessage('…')`, a field error's
 *      or an alert's `key: '…'` / `actionKey: '…'`, an identity reason's `code: '…'` — is registered;
 *  (c) every key built at run time from an enum (`t(lang, \`justice.title.${kind}\`)`) exists for
 *      every value of the enum. ENUM_KEYS below says, once, which values each template is built
 *      from; a key-shaped template in the sources that it does not name fails the test, so a new
 *      one must be declared here (or built with a typed `m.family(prefix, VALUES)`, core/messages.ts).
 * No database: the tables are plain modules.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { getMessage, LANGS, messageKeys } from '../src/core/i18n.js';
import { CHANGE_LOG_ENTITIES, RESTRICTED_CATEGORIES } from '../src/core/confidentiality.js';
import { KINDS as ATTACHMENT_KINDS } from '../src/modules/attachments/rules.js';
import { ACTIVITIES, DEFAULT_LEVELS, type Due, TRIGGERS, VISIT_MODES } from '../src/modules/classification/rules.js';
import { ACTIONS as COMPLAINT_ACTIONS } from '../src/modules/complaints/rules.js';
import { NOTE_KINDS } from '../src/modules/complaints/schemas.js';
import type { ReprisalEvent } from '../src/modules/complaints/service.js';
import type { StatusWord } from '../src/modules/custody/labels.js';
import { CHARGE_CATEGORIES, DOCUMENT_KINDS, END_REASONS } from '../src/modules/custody/rules.js';
import { PLACEMENT_PATHS } from '../src/modules/custody/placement-port.js';
import { PRISON_STATUSES } from '../src/modules/estate/rules.js';
import { REFUSAL_CODES, SEPARATION_RULES } from '../src/modules/housing/rules.js';
import type { Reason, TokenMatch, Verdict } from '../src/modules/identity/score.js';
import { WITHHELD_FIELDS } from '../src/modules/identity/service.js';
import { TITLE_FIELDS } from '../src/modules/justice/forms.js';
import type { PeriodFlag } from '../src/modules/justice/pretrial/periods.js';
import { EPISODE_KINDS } from '../src/modules/justice/pretrial/episodes.js';
import { ALERT_KINDS } from '../src/modules/justice/rules/alerts.js';
import { DURATION_BUCKETS } from '../src/modules/justice/rules/backlog.js';
import { BACKLOG_CSV_CODES } from '../src/modules/justice/service/backlog.js';
import { ADMISSION_LEGAL_STATUSES, LEGAL_STATUSES } from '../src/modules/justice/rules/situation.js';
import { AUTHORITY_KINDS, OFFENCE_CATEGORIES, TITLE_KINDS } from '../src/modules/justice/rules/titles.js';
import { AGE_METHODS, AGE_RESULTS, BIRTH_PRECISIONS } from '../src/modules/people/rules.js';
import { FINGERPRINTS, FITNESS, INVOLVEMENT, REASONS, STEPS } from '../src/modules/reception/rules.js';
import { OPENING_CATEGORIES } from '../src/modules/sharing/service.js';

/** Every .ts source under src (tests and browser tests excluded). */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}
const FILES = sources('src').map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));

// Load every message table: each file that registers or defines one.
for (const { file, text } of FILES)
  if (/\b(registerMessages|defineMessages)\(/.test(text)) await import(path.resolve(file));

/**
 * The values of a union type, as a list the compiler checks complete: leaving a member out is a
 * type error (`npx tsc`), so the list follows the type.
 */
const all =
  <T extends string>() =>
  <const V extends readonly T[]>(values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : never)): V =>
    values;

const GENDER = ['m', 'f', 'x'] as const; // custody/labels.ts and classification/labels.ts: sexKey, genderKey
const DATE_PARTS = ['day', 'month', 'year'] as const;
const DUE_REASONS = all<Due['reason']>()(['initial', 'periodic', 'event']);
const NAME_VERDICTS = ['identical', 'equivalent', 'similar', 'different'] as const satisfies readonly Verdict[];
const PARENTS = ['father_name', 'mother_name'] as const satisfies readonly Reason['field'][];
const NAMES = ['family_name', 'given_names'] as const satisfies readonly Reason['field'][];
/** What a change-log line's action can be: the actions written with `recordChange`, found in the sources. */
const HISTORY_ACTIONS = historyActions();

/**
 * Each key template of the sources — its text with every `${…}` written `{}` — and the values each
 * `{}` takes, or why it is not a message key.
 */
type Entry =
  | { values: readonly (readonly string[])[] }
  | { keys: readonly string[] } // when not every combination of values can be built
  | { notAKey: string };
const ENUM_KEYS: Record<string, Entry> = {
  'custody.label.accused.{}': { values: [GENDER] },
  'custody.label.appealing.{}': { values: [GENDER] },
  'custody.label.awaiting_trial.{}': { values: [GENDER] },
  'custody.label.convicted.{}': { values: [GENDER] },
  'custody.label.convicted_terrorism.{}': { values: [GENDER] },
  'custody.label.under_investigation.{}': { values: [GENDER] },
  'cls.activity.{}': { values: [ACTIVITIES] },
  'cls.asm.concern.{}': { values: [['more', 'less']] }, // 'neutral' is never written
  'cls.asm.move.{}': {
    values: [['same', 'higher', 'lower', 'changed', 'new_item', 'item_removed', 'first_rating', 'no_longer_rated']],
  },
  'cls.asm.status.{}': { values: [['draft', 'complete']] },
  'cls.cell.how.{}': { values: [['elected', 'appointed']] },
  'cls.due.{}': { values: [DUE_REASONS] },
  'cls.level.{}': { values: [DEFAULT_LEVELS] },
  'cls.trigger.{}': { values: [TRIGGERS] },
  'cls.visits.{}': { values: [VISIT_MODES] },
  'complaints.event.{}': { values: [['received', 'assign', ...COMPLAINT_ACTIONS, ...NOTE_KINDS]] },
  'complaints.event_kind.reprisal.{}': {
    values: [all<ReprisalEvent>()(['move', 'transfer', 'discipline', 'visits'])],
  },
  'content.domain_notes.{}': { notAKey: 'form field name (assessment form)' },
  'content.ratings.{}.evidence': { notAKey: 'form field name (assessment form)' },
  'content.ratings.{}.value': { notAKey: 'form field name (assessment form)' },
  'custody.doc.{}': { values: [DOCUMENT_KINDS] },
  'custody.end.{}': { values: [END_REASONS] },
  'custody.status_noun.{}.{}': {
    values: [all<StatusWord>()(['under_investigation', 'awaiting_trial', 'accused', 'convicted', 'appealing']), GENDER],
  },
  'custody.status_word.{}.{}': {
    values: [all<StatusWord>()(['under_investigation', 'awaiting_trial', 'accused', 'convicted', 'appealing']), GENDER],
  },
  'estate.status.{}': { values: [PRISON_STATUSES] },
  'excluded.{}': { notAKey: 'SQL (ON CONFLICT … excluded.column)' },
  'housing.refused.{}': { values: [REFUSAL_CODES] },
  'housing.rule.{}': { values: [SEPARATION_RULES] },
  'housing.side.{}': { values: [SEPARATION_RULES] },
  'identity.how.{}': {
    values: [all<TokenMatch>()(['identical', 'equivalent', 'phonetic', 'typo', 'initial', 'none'])],
  },
  // Only the fields a minimal view withholds are named this way.
  'identity.minimal.field.{}': { values: [[...WITHHELD_FIELDS]] },
  'identity.minimal.verdict.{}': {
    values: [
      all<Verdict>()([
        'identical',
        'equivalent',
        'similar',
        'partial',
        'different',
        'missing',
        'compatible',
        'incompatible',
        'probable_typo',
        'swapped',
      ]),
    ],
  },
  // A birth interval has a precision only when the date is known (score.ts birthInterval).
  'identity.precision.{}': { values: [BIRTH_PRECISIONS.filter((p) => p !== 'unknown')] },
  'identity.reason.name.{}': { values: [['partial', ...NAME_VERDICTS]] },
  'identity.reason.{}.agree': { values: [PARENTS] },
  'identity.reason.{}.different': { values: [PARENTS] },
  'identity.reason.{}.missing': { values: [[...PARENTS, ...NAMES]] },
  'identity.reason.{}.partial': { values: [PARENTS] },
  'identity.reason.{}.similar': { values: [PARENTS] },
  'identity.reason.{}.{}': { values: [NAMES, NAME_VERDICTS] },
  'jpage.court.{}': { values: [DATE_PARTS] },
  'jpage.f.{}': { values: [TITLE_FIELDS] },
  'jpage.severity.{}': { values: [['critical', 'warning']] },
  'justice.alert.{}': { values: [ALERT_KINDS] },
  'justice.authority.{}': { values: [AUTHORITY_KINDS] },
  'justice.backlog.bucket.{}': { values: [DURATION_BUCKETS.map((b) => b.key)] },
  'justice.csv.{}': { values: [BACKLOG_CSV_CODES] },
  'justice.category.{}': { values: [OFFENCE_CATEGORIES] },
  'justice.episode.{}': { values: [EPISODE_KINDS] },
  'justice.flag.{}': {
    values: [
      all<PeriodFlag>()([
        'late',
        'early',
        'renewal_not_provided',
        'renewals_exceeded',
        'period_exceeds_rule',
        'capped_at_legal_maximum',
        'no_validity',
        'no_rule',
        'arrest_warrant_short_period',
        'category_assumed',
      ]),
    ],
  },
  // A relation is assumed only when none was stated, and then the sentences add up (release/multi.ts).
  'justice.release.step.{}{}': {
    keys: [
      'justice.release.step.consecutive',
      'justice.release.step.concurrent',
      'justice.release.step.consecutive_assumed',
    ],
  },
  // custody's labels say the statuses an admission can have; justice's own words the others.
  'justice.status.{}': {
    values: [LEGAL_STATUSES.filter((s) => !(ADMISSION_LEGAL_STATUSES as readonly string[]).includes(s))],
  },
  'justice.title.{}': { values: [TITLE_KINDS] },
  'kit.form.date.missing.{}': { values: [DATE_PARTS] },
  'kit.lang.{}': { values: [LANGS] },
  'legal_document.sentence.{}': { notAKey: 'form field name (sentence boxes)' },
  'counts.{}.cell_id': { notAKey: 'form field name (the count grid)' },
  'counts.{}.counted': { notAKey: 'form field name (the count grid)' },
  'person.age.method.{}': { values: [AGE_METHODS] },
  'person.age.result.{}': { values: [AGE_RESULTS] },
  'person.birth_date_format.{}': { values: [['exact', 'month', 'year']] },
  'person.precision.{}': { values: [BIRTH_PRECISIONS] },
  'person.sex.{}': { values: [['male', 'female']] },
  'reception.fingerprints.{}': { values: [FINGERPRINTS] },
  'reception.fitness.{}': { values: [FITNESS] },
  'reception.interview.{}': { values: [INVOLVEMENT] },
  'reception.missing.{}': { values: [STEPS] },
  'reception.reason.{}': { values: [REASONS] },
  'reception.step.{}': { values: [STEPS] },
  'restricted.{}': { values: [RESTRICTED_CATEGORIES] },
  'schema.{}': { notAKey: 'validator keyword: the field error carries ajv-i18n’s own localised message' },
  'sharing.category.{}': { values: [OPENING_CATEGORIES] },
  'sharing.kind.{}': { values: [['readmission', 'decision']] },
  'step.{}': { notAKey: 'a change-log action; its words are web.history.action.step.*' },
  'web.charge.{}': { values: [CHARGE_CATEGORIES] },
  'web.due.{}': { values: [DUE_REASONS] },
  'web.history.action.{}': { values: [HISTORY_ACTIONS] },
  'web.history.entity.{}': { values: [Object.keys(CHANGE_LOG_ENTITIES)] },
  'web.history.reason.{}': { values: [PLACEMENT_PATHS] },
  'jpage.f.{}_hint': { values: [['period', 'sentence']] },
  'jpage.f.{}_unit_rest': { values: [['period', 'sentence']] },
  'jpage.f.unit.{}': { values: [['years', 'months', 'days']] },
  'web.rec.kind.{}': { values: [ATTACHMENT_KINDS] },
  'web.rec.status.{}': { values: [['in_progress', 'completed', 'abandoned']] },
};

/** Change-log actions: `action: '…'` in the sources, and reception's `step.<step>`; reads and lists are audit entries. */
function historyActions(): string[] {
  const out = new Set<string>(STEPS.map((s) => `step.${s}`));
  for (const { text } of FILES)
    for (const m of text.matchAll(/\baction: '([a-z_.]+)'/g)) if (m[1] !== 'read' && m[1] !== 'list') out.add(m[1]);
  return [...out].sort();
}

const PLACEHOLDER = /\$\{(?:[^{}`]|\{[^{}`]*\})*\}/g;
/** A template literal shaped like a message key: lower-case dotted words, with `${…}` parts. */
const KEY_TEMPLATE = /`([a-z_][a-z0-9_]*\.(?:[a-z0-9_.]|\$\{(?:[^{}`]|\{[^{}`]*\})*\})*)`/g;

function keyTemplates(): { shape: string; where: string }[] {
  const out: { shape: string; where: string }[] = [];
  for (const { file, text } of FILES)
    for (const m of text.matchAll(KEY_TEMPLATE)) {
      if (!m[1].includes('${')) continue;
      const line = text.slice(0, m.index).split('\n').length;
      out.push({ shape: m[1].replace(PLACEHOLDER, '{}'), where: `${file}:${line}` });
    }
  return out;
}

const KEY = String.raw`[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+`;
/** Where a literal string is a message key. */
const KEY_POSITIONS = [
  String.raw`\bt\(\s*(?:[\w.!?]+(?:\s*\?\?\s*)?)?(?:'(?:fr|en)')?\s*,\s*`, // t(lang, …), m.t(lang, …), t('fr', …)
  String.raw`\bboth\(\s*`,
  String.raw`new AppError\(\s*\d+\s*,\s*`,
  String.raw`\b(?:forbidden|conflict|hasMessage)\(\s*`,
  String.raw`\b\w*[kK]ey:\s*`, // a field error's key, an alert's actionKey, a step's key
  String.raw`\bcode:\s*(?='identity\.)`, // identity reasons
];
/** A literal key, or each arm of a `cond ? 'a.b' : 'c.d'` in a key position. */
const LITERAL = new RegExp(
  String.raw`(?:${KEY_POSITIONS.join('|')})(?:'(${KEY})'|[^'\`,;(){}\n]{1,80}\?\s*'(${KEY})'\s*:\s*'(${KEY})')`,
  'g',
);

function literalKeys(): { key: string; where: string }[] {
  const out: { key: string; where: string }[] = [];
  for (const { file, text } of FILES)
    for (const m of text.matchAll(LITERAL)) {
      const line = text.slice(0, m.index).split('\n').length;
      for (const key of [m[1], m[2], m[3]]) if (key) out.push({ key, where: `${file}:${line}` });
    }
  return out;
}

function expand(shape: string, values: readonly (readonly string[])[]): string[] {
  let keys = [''];
  const parts = shape.split('{}');
  assert.equal(parts.length - 1, values.length, `${shape}: one list of values per {}`);
  parts.forEach((part, i) => {
    keys = keys.map((k) => k + part);
    if (i < values.length) keys = keys.flatMap((k) => values[i].map((v) => k + v));
  });
  return keys;
}

const lacking = (key: string) => {
  const m = getMessage(key);
  return !m || LANGS.some((lang) => !m[lang]?.trim());
};

test('every registered message has a French and an English text, with the same placeholders', () => {
  const names = (s: string) =>
    [...s.matchAll(/\{(\w+)\}/g)]
      .map((x) => x[1])
      .sort()
      .join(', ');
  const problems: string[] = [];
  const keys = messageKeys();
  assert.ok(keys.length > 1000, `every table loaded (${keys.length} keys)`);
  for (const key of keys) {
    const m = getMessage(key)!;
    for (const lang of LANGS)
      if (typeof m[lang] !== 'string' || !m[lang].trim()) problems.push(`${key}: no ${lang} text`);
    if (m.fr && m.en && names(m.fr) !== names(m.en))
      problems.push(`${key}: {${names(m.fr)}} in French, {${names(m.en)}} in English`);
  }
  assert.deepEqual(problems, []);
});

test('every literal message key in the code is registered in both languages', () => {
  const used = literalKeys();
  assert.ok(used.length > 1000, `the key positions are found (${used.length})`);
  const missing = used.filter((u) => !u.key.startsWith('schema.') && lacking(u.key)).map((u) => `${u.where}: ${u.key}`);
  assert.deepEqual(missing, []);
});

test('every key built from an enum exists for every value, in both languages', () => {
  const templates = keyTemplates();
  const undeclared = templates.filter((x) => !(x.shape in ENUM_KEYS)).map((x) => `${x.where}: \`${x.shape}\``);
  assert.deepEqual(undeclared, [], 'a key built at run time: declare its values in ENUM_KEYS');
  const shapes = new Set(templates.map((x) => x.shape));
  assert.deepEqual(
    Object.keys(ENUM_KEYS).filter((s) => !shapes.has(s)),
    [],
    'ENUM_KEYS names a template the code no longer has',
  );
  const missing: string[] = [];
  for (const [shape, entry] of Object.entries(ENUM_KEYS)) {
    if ('notAKey' in entry) continue;
    if ('keys' in entry) {
      const shaped = new RegExp(`^${shape.replace(/\./g, '\\.').replace(/\{\}/g, '[a-z0-9_]*')}$`);
      for (const key of entry.keys) assert.match(key, shaped, `${shape}: ${key}`);
    } else for (const v of entry.values) assert.ok(v.length > 0, `${shape}: values`);
    for (const key of 'keys' in entry ? entry.keys : expand(shape, entry.values)) if (lacking(key)) missing.push(key);
  }
  assert.deepEqual(missing, []);
});

test('the test sees a template key, a literal key and a ternary of keys where the code has them', () => {
  const sample =
    "t(lang, `x.y.${k}`); m.t(req.lang, 'a.b_c'); t(lang, ok ? 'p.yes' : 'p.no'); key: 'e.f'; t('en', 'g.h')";
  assert.deepEqual(
    [...sample.matchAll(KEY_TEMPLATE)].map((m) => m[1].replace(PLACEHOLDER, '{}')),
    ['x.y.{}'],
  );
  assert.deepEqual(
    [...sample.matchAll(LITERAL)].flatMap((m) => [m[1], m[2], m[3]].filter(Boolean)),
    ['a.b_c', 'p.yes', 'p.no', 'e.f', 'g.h'],
  );
  assert.deepEqual(expand('a.{}.{}', [['x', 'y'], ['1']]), ['a.x.1', 'a.y.1']);
});
