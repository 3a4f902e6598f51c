/**
 * The file's memory. `recordChange` writes who, when, what (before/after) and why, in the same
 * transaction as the change itself; `recordAccess` writes an audit entry for restricted data;
 * `readChanges` is the one way to read the change log back (restricted parts only to those who
 * may read them, each such read audited: core/confidentiality.ts).
 */
import { insertRows } from '../db/bulk.js';
import { and, asc, desc, eq, gte, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/index.js';
import { accessAudit, changeLog } from '../db/history-schema.js';
import type { Actor } from './access.js';
import {
  type ChangeEntity,
  classify,
  merge,
  mayRead,
  RESTRICTED_CATEGORIES,
  type RestrictedCategory,
  type RestrictedParts,
  split,
} from './confidentiality.js';
import { newId } from './ids.js';

export interface Change {
  /** Declared in CHANGE_LOG_ENTITIES with the restricted parts it may carry. */
  entity: ChangeEntity;
  entityId: string;
  action: string;
  prisonId?: string | null;
  personId?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordChange(tx: Tx, actor: Actor | null, c: Change): Promise<void> {
  await tx.insert(changeLog).values(changeValues(actor, c));
}

/** Several changes in one statement (the register import's batches): the same rows as `recordChange` for each, in this order. */
export async function recordChanges(tx: Tx, actor: Actor | null, cs: readonly Change[]): Promise<void> {
  if (cs.length)
    await insertRows(
      tx,
      changeLog,
      cs.map((c) => changeValues(actor, c)),
    );
}

function changeValues(actor: Actor | null, c: Change): typeof changeLog.$inferInsert {
  const full = {
    action: c.action,
    before: c.before === undefined ? null : jsonSafe(c.before),
    after: c.after === undefined ? null : jsonSafe(c.after),
    reason: c.reason ?? null,
  };
  // Restricted parts go to their own column, never into before, after or reason.
  const s = split(c.entity, full);
  return {
    id: newId(),
    prisonId: c.prisonId ?? null,
    entity: c.entity,
    entityId: c.entityId,
    personId: c.personId ?? null,
    action: c.action,
    actorId: actor?.userId ?? null,
    reason: s.reason,
    before: s.before,
    after: s.after,
    restricted: Object.keys(s.restricted).length ? s.restricted : null,
    ...origin(actor),
  };
}

export type AuditCategory = RestrictedCategory | 'attachment' | 'partner' | 'cross_prison' | 'confidential_complaint';

export async function recordAccess(
  tx: Tx,
  actor: Actor,
  a: {
    category: AuditCategory;
    action: 'read' | 'write' | 'list';
    entity: string;
    entityId?: string | null;
    personId?: string | null;
    prisonId?: string | null;
    detail?: unknown;
  },
): Promise<void> {
  await tx.insert(accessAudit).values({
    id: newId(),
    actorId: actor.userId,
    prisonId: a.prisonId ?? null,
    category: a.category,
    action: a.action,
    entity: a.entity,
    entityId: a.entityId ?? null,
    personId: a.personId ?? null,
    detail: a.detail === undefined ? null : jsonSafe(a.detail),
    ...origin(actor),
  });
}

/**
 * Audit entries of one category since a date, newest first, in some prisons (every prison when
 * `prisonIds` is undefined): the one way a module reads the audit back (the partners' access log).
 * The caller has checked audit.read and the scope.
 */
export async function readAccesses(
  db: Tx,
  opts: { category: AuditCategory; since: Date; prisonIds: readonly string[] | undefined; limit: number },
) {
  return db
    .select()
    .from(accessAudit)
    .where(
      and(
        eq(accessAudit.category, opts.category),
        gte(accessAudit.at, opts.since),
        opts.prisonIds ? inArray(accessAudit.prisonId, [...opts.prisonIds]) : undefined,
      ),
    )
    .orderBy(desc(accessAudit.at))
    .limit(opts.limit);
}

export interface HistoryEntry {
  id: string;
  at: string;
  entity: string;
  entity_id: string;
  action: string;
  actor: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  /** The kinds of restricted data this entry carries (shown or not). */
  restricted: RestrictedCategory[];
  /** Those withheld from this reader: only the marker is shown, not the content. */
  withheld: RestrictedCategory[];
}

/**
 * Change-log entries for a reader: each classified (core/confidentiality.ts), restricted parts put back
 * only for holders of their permission, the others withheld with a marker. Every restricted part given
 * back is audited (one access_audit row per category and call, naming the entries). The caller has
 * checked history.read and the scope, and passes the filter.
 */
export async function readChanges(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  audit: { personId?: string | null; prisonId?: string | null } = {},
): Promise<HistoryEntry[]> {
  const rows = await tx
    // The actor's username, read by name: core imports no module's schema (app_user is the access module's).
    .select({
      c: changeLog,
      username: sql<string | null>`(SELECT u.username FROM app_user u WHERE u.id = ${changeLog.actorId})`,
    })
    .from(changeLog)
    .where(where)
    .orderBy(asc(changeLog.at), asc(changeLog.id));
  const shown = new Map<RestrictedCategory, string[]>();
  const out = rows.map(({ c, username }): HistoryEntry => {
    // The entry as recorded, whatever column each part was written to (rows older than the
    // restricted column included), then classified and split again for this reader.
    const full = merge({ before: c.before, after: c.after, reason: c.reason }, c.restricted as RestrictedParts | null);
    const rule = classify(c.entity, { action: c.action, ...full });
    const s = split(c.entity, { action: c.action, ...full });
    const categories = new Set<RestrictedCategory>(Object.keys(s.restricted) as RestrictedCategory[]);
    if (rule?.all) categories.add(rule.all);
    if (!rule) for (const cat of RESTRICTED_CATEGORIES) categories.add(cat); // undeclared: withheld from everyone
    const readable: RestrictedParts = {};
    const withheld: RestrictedCategory[] = [];
    for (const cat of categories) {
      if (rule && mayRead(actor, cat)) {
        if (s.restricted[cat]) readable[cat] = s.restricted[cat];
        shown.set(cat, [...(shown.get(cat) ?? []), c.id]);
      } else withheld.push(cat);
    }
    const v = merge({ before: s.before, after: s.after, reason: s.reason }, readable);
    return {
      id: c.id,
      at: c.at.toISOString(),
      entity: c.entity,
      entity_id: c.entityId,
      action: c.action,
      actor: username,
      reason: v.reason,
      before: v.before,
      after: v.after,
      restricted: [...categories],
      withheld,
    };
  });
  for (const [category, entries] of shown) {
    await recordAccess(tx, actor, {
      category,
      action: 'read',
      entity: 'change_log',
      personId: audit.personId ?? null,
      prisonId: audit.prisonId ?? null,
      detail: { entries },
    });
  }
  return out;
}

/** A change-log filter: one person's entries in some prisons (undefined = every prison). */
export function personChanges(personId: string, prisonIds: readonly string[] | undefined): SQL | undefined {
  return and(
    eq(changeLog.personId, personId),
    prisonIds
      ? or(
          sql`${changeLog.prisonId} IS NULL`,
          prisonIds.length ? inArray(changeLog.prisonId, [...prisonIds]) : sql`false`,
        )
      : undefined,
  );
}

/** Only the fields that differ between two flat records: what a correction changed. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (after[k] === undefined) continue;
    if (JSON.stringify(jsonSafe(before[k])) !== JSON.stringify(jsonSafe(after[k]))) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

function jsonSafe(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v ?? null));
}

/** The request behind an audit row: its address and session or token (null for the operator's CLI). */
function origin(actor: Actor | null): { address: string | null; sessionId: string | null; tokenId: string | null } {
  return { address: actor?.address ?? null, sessionId: actor?.sessionId ?? null, tokenId: actor?.tokenId ?? null };
}
