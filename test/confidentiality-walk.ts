/**
 * The history walk: after a test file's flows, every person's history (API and file page) is read
 * as every role, and no restricted value reaches a role without its permission. Two independent
 * checks: the values written to the restricted tables themselves (interview, medical, security-level
 * reasons, assessments, ethnicity/religion), and every change-log entry classified by the declared
 * map (src/core/confidentiality.ts). Called at the end of the test files whose flows write restricted
 * data (reception, housing, classification, registry, attachments, confidentiality).
 */
import assert from 'node:assert/strict';
import { makeActor, type Role } from '../src/core/access.js';
import {
  CATEGORY_PERMISSION,
  isDeclaredEntity,
  merge,
  mayRead,
  RESTRICTED_CATEGORIES,
  type RestrictedCategory,
  type RestrictedParts,
  split,
} from '../src/core/confidentiality.js';
import type { Database } from '../src/db/index.js';
import type { App } from '../src/http/app.js';
import { addUser, createToken, login } from '../src/modules/access/service.js';
import { auth, type Fixture } from './helpers.js';
import type { List } from './api.js';

/** Every string leaf of a JSON value. */
export function leaves(v: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) leaves(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) leaves(x, out);
  return out;
}

const ALL_ROLES: Role[] = [
  'registry_clerk',
  'security_officer',
  'social_worker',
  'medical_staff',
  'prison_director',
  'national_admin',
  'auditor',
  'prosecutor',
  'system_admin',
];

/** A user per role, national, so that every person is in scope: only permissions decide. */
async function readers(
  database: Database,
): Promise<{ role: Role; token: string; username: string; actor: ReturnType<typeof makeActor> }[]> {
  // In parallel: each password hash takes a while.
  return Promise.all(
    ALL_ROLES.map(async (role) => {
      const username = `walk.${role}.${Math.random().toString(36).slice(2, 8)}`;
      const u = await addUser(database.db, null, {
        username,
        display_name: username,
        password: 'correct horse battery',
        roles: [role],
        national: true,
        prisons: [],
      });
      return {
        role,
        username,
        token: (await createToken(database.db, u.id)).token,
        actor: makeActor({ id: u.id, username, displayName: username, roles: [role], national: true, prisonIds: [] }),
      };
    }),
  );
}

/**
 * The values written to the restricted tables, by category, with the change-log entries that carry
 * them (entity:entity_id). The same value written openly in another entry (the same bytes uploaded
 * as a warrant, say) is not a leak.
 */
async function groundTruth(
  database: Database,
): Promise<{ category: RestrictedCategory; sources: string[]; value: string }[]> {
  const q = async <R extends object = Record<string, unknown>>(sql: string) => (await database.pool.query<R>(sql)).rows;
  const out: { category: RestrictedCategory; sources: string[]; value: string }[] = [];
  const add = (category: RestrictedCategory, sources: string[], values: unknown) => {
    for (const v of leaves(values)) if (v.trim().length >= 3) out.push({ category, sources, value: v });
  };
  for (const r of await q<{ reception_id: string; data: Record<string, unknown> }>(
    `SELECT reception_id, data FROM reception_step WHERE step = 'interview'`,
  )) {
    const d = r.data;
    add(
      'interview',
      [`reception:${r.reception_id}`],
      [d.background, d.family_situation, d.own_account, d.affiliation_declared, d.free_text].filter(
        (x) => typeof x === 'string',
      ),
    );
  }
  for (const r of await q<{ id: string; filename: string; sha256: string }>(
    `SELECT id, filename, sha256 FROM attachment WHERE kind = 'medical'`,
  ))
    add('health', [`attachment:${r.id}`], [r.sha256, r.filename.length >= 8 ? r.filename : null].filter(Boolean));
  for (const r of await q(`SELECT visible_injuries, ill_treatment_account, referral, notes FROM reception_medical`))
    add(
      'health',
      [],
      Object.values(r).filter((x) => typeof x === 'string'),
    );
  for (const r of await q<{ id: string; reasons: string }>(`SELECT id, reasons FROM security_level`))
    add('intelligence', [`security_level:${r.id}`], [r.reasons]);
  for (const r of await q<{ security_level_id: string; override_justification: string }>(
    `SELECT security_level_id, override_justification FROM classification_basis WHERE override_justification IS NOT NULL`,
  ))
    add('intelligence', [`security_level:${r.security_level_id}`], [r.override_justification]);
  for (const r of await q(`SELECT reason, source FROM keep_apart`)) add('intelligence', [], [r.reason, r.source]);
  for (const r of await q<{ id: string; content: unknown }>(`SELECT id, content FROM assessment`)) {
    const c = r.content as { summary?: string; judgement_reasons?: string; domain_notes?: Record<string, string> };
    add(
      'assessment',
      [`assessment:${r.id}`],
      [c.summary, c.judgement_reasons, ...Object.values(c.domain_notes ?? {})].filter(
        (x) => typeof x === 'string' && x.length >= 8,
      ),
    );
  }
  for (const r of await q<{ person_id: string; religion: string | null; ethnicity: string | null }>(
    `SELECT person_id, religion, ethnicity FROM person_sensitive`,
  ))
    add(
      'ethnicity_religion',
      [`person:${r.person_id}`, `person_sensitive:${r.person_id}`],
      [r.religion, r.ethnicity].filter(Boolean),
    );
  return out;
}

type Row = {
  id: string;
  entity: string;
  entity_id: string;
  action: string;
  person_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  restricted: RestrictedParts | null;
};

/**
 * Reads every person's history as every role and asserts that nothing restricted reaches a role
 * without its permission, that restricted entries say so, and that what was shown is audited.
 * Returns the counts walked, for the test's own assertions.
 */
export async function assertHistoryConfidential(
  database: Database,
  app: App,
  _fx?: Fixture,
  opts: {
    /** how many persons' file pages to read as every role (0 by default: each costs logins) */ pages?: number;
  } = {},
): Promise<{ persons: number; entries: number; restricted: number; reads: number }> {
  const rows = (
    await database.pool.query(
      `SELECT id, entity, entity_id, action, person_id, before, after, reason, restricted FROM change_log WHERE person_id IS NOT NULL
        ORDER BY at`,
    )
  ).rows as Row[];
  // Every entity in the change log is declared with its restricted parts.
  const undeclared = [...new Set(rows.map((r) => r.entity).filter((e) => !isDeclaredEntity(e)))];
  assert.deepEqual(undeclared, [], 'entities written to the change log without a classification');
  // Nothing restricted sits in the open columns of rows written by recordChange.
  for (const r of rows) {
    const full = merge({ before: r.before, after: r.after, reason: r.reason }, r.restricted);
    const s = split(r.entity, { action: r.action, ...full });
    assert.deepEqual(
      { before: r.before, after: r.after, reason: r.reason },
      { before: s.before, after: s.after, reason: s.reason },
      `${r.entity}.${r.action}: restricted data in an open column`,
    );
  }
  const truth = await groundTruth(database);
  const users = await readers(database);
  const persons = [...new Set(rows.map((r) => r.person_id))];
  const byId = new Map(rows.map((r) => [r.id, r]));
  let restricted = 0;
  let reads = 0;
  for (const personId of persons) {
    // What else was written openly about this person, by other entities (a value may legitimately repeat there).
    const openElsewhere = new Map<string, Set<string>>();
    for (const r of rows.filter((x) => x.person_id === personId)) {
      const s = split(r.entity, {
        action: r.action,
        ...merge({ before: r.before, after: r.after, reason: r.reason }, r.restricted),
      });
      for (const v of leaves([s.before, s.after, s.reason]))
        (openElsewhere.get(v) ?? openElsewhere.set(v, new Set()).get(v)!).add(`${r.entity}:${r.entity_id}`);
    }
    for (const u of users) {
      const res = await app.inject({ url: `/api/persons/${personId}/history`, headers: auth(u.token, 'en') });
      if (!u.actor.permissions.has('history.read')) {
        assert.equal(res.statusCode, 403, `${u.role} reads no history`);
        continue;
      }
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json<
        List<{
          id: string;
          before: unknown;
          after: unknown;
          reason: string | null;
          restricted: RestrictedCategory[];
          withheld: RestrictedCategory[];
        }>
      >().items;
      const seen = leaves(items.map((i) => [i.before, i.after, i.reason]));
      // 1. The restricted tables' own values (independent of the map).
      for (const g of truth) {
        if (mayRead(u.actor, g.category) || !seen.has(g.value)) continue;
        const legit = [...(openElsewhere.get(g.value) ?? [])].some((e) => !g.sources.includes(e));
        assert.ok(
          legit,
          `${u.role} (without ${CATEGORY_PERMISSION[g.category]}) sees ${g.category} data "${g.value}" in the history of ${personId}`,
        );
      }
      // 2. Each entry as the map classifies it: withheld parts absent and marked; shown parts present.
      for (const item of items) {
        const raw = byId.get(item.id)!;
        const full = merge({ before: raw.before, after: raw.after, reason: raw.reason }, raw.restricted);
        const s = split(raw.entity, { action: raw.action, ...full });
        const open = leaves([s.before, s.after, s.reason]);
        const mine = leaves([item.before, item.after, item.reason]);
        for (const cat of RESTRICTED_CATEGORIES) {
          const part = s.restricted[cat];
          if (!part) continue;
          if (u === users[0]) restricted++;
          if (mayRead(u.actor, cat)) {
            for (const v of leaves(part))
              assert.ok(mine.has(v), `${u.role} should see ${cat} in ${raw.entity}.${raw.action}`);
            reads++;
          } else {
            assert.ok(
              item.withheld.includes(cat),
              `${raw.entity}.${raw.action} marked as withheld (${cat}) for ${u.role}`,
            );
            for (const v of leaves(part))
              if (!open.has(v))
                assert.ok(!mine.has(v), `${u.role} sees ${cat} value "${v}" in ${raw.entity}.${raw.action}`);
          }
        }
      }
      // 3. What was shown was audited: one read per category in this call, naming the entries.
      for (const cat of RESTRICTED_CATEGORIES) {
        const shown = items.filter((i) => i.restricted.includes(cat) && !i.withheld.includes(cat)).map((i) => i.id);
        if (!shown.length) continue;
        const a = (
          await database.pool.query<{ detail: { entries: string[] } }>(
            `SELECT detail FROM access_audit WHERE actor_id = $1 AND category = $2 AND action = 'read' AND entity = 'change_log'
              AND person_id = $3 ORDER BY at DESC LIMIT 1`,
            [u.actor.userId, cat, personId],
          )
        ).rows[0];
        assert.ok(a, `${u.role}'s read of ${cat} in the history of ${personId} is audited`);
        assert.deepEqual([...a.detail.entries].sort(), [...shown].sort());
      }
    }
  }
  // The file page as well, for the persons with restricted entries (the page shows reasons).
  const withRestricted = persons.filter((p) =>
    rows.some(
      (r) =>
        r.person_id === p &&
        (r.restricted ||
          Object.keys(
            split(r.entity, {
              action: r.action,
              ...merge({ before: r.before, after: r.after, reason: r.reason }, r.restricted),
            }).restricted,
          ).length),
    ),
  );
  const pages = withRestricted.slice(0, opts.pages ?? 0);
  const sessions = new Map<string, string>();
  if (pages.length)
    await Promise.all(
      users
        .filter((u) => u.actor.permissions.has('person.read'))
        .map(async (u) =>
          sessions.set(u.username, (await login(database.db, u.username, 'correct horse battery', 1)).session),
        ),
    );
  for (const personId of pages) {
    for (const u of users.filter((x) => sessions.has(x.username))) {
      const session = sessions.get(u.username)!;
      const res = await app.inject({ url: `/people/${personId}`, cookies: { pmis_session: session } });
      assert.equal(res.statusCode, 200, `${u.role} /people/${personId}: ${res.statusCode}`);
      for (const g of truth) {
        if (mayRead(u.actor, g.category) || g.value.length < 6) continue;
        const escaped = g.value
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;');
        if (res.body.includes(escaped))
          assert.ok(
            [...(await openValuesOf(database, personId, g.value))].some((e) => !g.sources.includes(e)),
            `${u.role} sees ${g.category} "${g.value}" on the file page`,
          );
      }
    }
  }
  return { persons: persons.length, entries: rows.length, restricted, reads };
}

async function openValuesOf(database: Database, personId: string, value: string): Promise<Set<string>> {
  const rows = (
    await database.pool.query(
      `SELECT entity, entity_id, action, before, after, reason, restricted FROM change_log WHERE person_id = $1`,
      [personId],
    )
  ).rows as Row[];
  const out = new Set<string>();
  for (const r of rows) {
    const s = split(r.entity, {
      action: r.action,
      ...merge({ before: r.before, after: r.after, reason: r.reason }, r.restricted),
    });
    if (leaves([s.before, s.after, s.reason]).has(value)) out.add(`${r.entity}:${r.entity_id}`);
  }
  return out;
}
