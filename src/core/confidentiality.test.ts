/** The classification of change-log entries: pure functions, and the rule that nothing else reads the change log. */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { makeActor, ROLE_PERMISSIONS, ROLES } from './access.js';
import {
  CATEGORY_PERMISSION,
  CHANGE_LOG_ENTITIES,
  classify,
  isDeclaredEntity,
  mayRead,
  merge,
  RESTRICTED_CATEGORIES,
  split,
  withheldText,
} from './confidentiality.js';

test('a wholly restricted entry keeps nothing in the open columns, and merges back exactly', () => {
  const c = {
    action: 'step.interview',
    after: { own_account: 'Recruté de force', involvement: 'forced' },
    reason: 'Entretien avant la visite médicale',
  };
  const s = split('reception', c);
  assert.deepEqual([s.before, s.after, s.reason], [null, null, null]);
  assert.deepEqual(Object.keys(s.restricted), ['interview']);
  assert.deepEqual(merge(s, s.restricted), { before: null, after: c.after, reason: c.reason });
  // Other reception steps are open.
  assert.deepEqual(split('reception', { action: 'step.registry', after: { notes: 'x' } }).restricted, {});
});

test('restricted fields and reasons are taken out one by one; the rest stays', () => {
  const s = split('security_level', {
    action: 'initial',
    after: { level: 'high', next_review_on: null },
    reason: 'Menaces',
  });
  assert.deepEqual(
    [s.after, s.reason, s.restricted],
    [{ level: 'high', next_review_on: null }, null, { intelligence: { reason: 'Menaces' } }],
  );
  const p = split('person', { action: 'create', after: { family_name: 'Dolo', sensitive: { religion: 'islam' } } });
  assert.deepEqual(p.after, { family_name: 'Dolo' });
  assert.deepEqual(merge(p, p.restricted).after, { family_name: 'Dolo', sensitive: { religion: 'islam' } });
  // A medical attachment, by its kind; a warrant stays open.
  assert.deepEqual(
    Object.keys(
      split('attachment', { action: 'create', after: { kind: 'medical', filename: 'radio.pdf' } }).restricted,
    ),
    ['health'],
  );
  assert.deepEqual(
    split('attachment', { action: 'create', after: { kind: 'warrant', filename: 'mandat.pdf' } }).restricted,
    {},
  );
  // An override of a keep-apart record reveals the record; an override of capacity does not.
  assert.deepEqual(
    Object.keys(
      split('placement', { action: 'allocation_override', after: { overridden: ['keep_apart'] }, reason: 'r' })
        .restricted,
    ),
    ['intelligence'],
  );
  assert.deepEqual(
    split('placement', { action: 'allocation_override', after: { overridden: ['capacity'] }, reason: 'r' }).restricted,
    {},
  );
});

test('an entity nobody declared is withheld from everyone rather than shown', () => {
  assert.equal(isDeclaredEntity('secret_thing'), false);
  assert.equal(classify('secret_thing', { action: 'x' }), null);
  assert.deepEqual(split('secret_thing', { action: 'x', after: { a: 1 }, reason: 'why' }), {
    before: null,
    after: null,
    reason: null,
    restricted: {},
  });
});

test('each category is read with one permission, held by the roles docs/access.md names', () => {
  const holders = (cat: (typeof RESTRICTED_CATEGORIES)[number]) =>
    ROLES.filter((r) =>
      mayRead(makeActor({ id: 'x', username: r, displayName: r, roles: [r], national: true, prisonIds: [] }), cat),
    );
  assert.deepEqual(holders('interview'), ['social_worker', 'prison_director']);
  assert.deepEqual(holders('health'), ['medical_staff']);
  assert.deepEqual(holders('intelligence'), ['security_officer', 'prison_director', 'national_admin']);
  assert.deepEqual(holders('assessment'), ['social_worker', 'prison_director', 'national_admin']);
  assert.deepEqual(holders('ethnicity_religion'), ['prison_director', 'national_admin']);
  for (const cat of RESTRICTED_CATEGORIES)
    assert.ok(Object.values(ROLE_PERMISSIONS).some((ps) => ps.includes(CATEGORY_PERMISSION[cat])));
  assert.equal(withheldText('en', ['interview', 'health']), 'Restricted content (reception interview, health)');
});

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

test('one way in and out: only core/history.ts touches the change log; every entity written is declared', async () => {
  const offenders: string[] = [];
  const entities = new Set<string>();
  for (const file of await sources('src')) {
    const text = await fs.readFile(file, 'utf8');
    // src/db/privileges.ts names the table only to make it append-only for the app role.
    if (
      !file.endsWith(path.join('core', 'history.ts')) &&
      !file.endsWith(path.join('db', 'history-schema.ts')) &&
      !file.endsWith(path.join('db', 'privileges.ts')) &&
      /\bchangeLog\b|\bchange_log\b/.test(text.replace(/entity: 'change_log'/g, ''))
    )
      offenders.push(file);
    for (const m of text.matchAll(/recordChange\([^)]*?entity: '([a-z_]+)'/gs)) entities.add(m[1]);
  }
  assert.deepEqual(offenders, [], 'read and write the change log through core/history.ts (recordChange, readChanges)');
  assert.ok(entities.size >= 25, `found ${entities.size} entities`);
  assert.deepEqual(
    [...entities].filter((e) => !(e in CHANGE_LOG_ENTITIES)),
    [],
  );
});
