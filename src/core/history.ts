/**
 * The file's memory. `recordChange` writes who, when, what (before/after) and why, in the same
 * transaction as the change itself; `recordAccess` writes an audit entry for restricted data.
 */
import type { Tx } from '../db/index.js';
import { accessAudit, changeLog } from '../modules/audit/schema.js';
import type { Actor } from './access.js';
import { newId } from './ids.js';

export interface Change {
  entity: string;
  entityId: string;
  action: string;
  prisonId?: string | null;
  personId?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordChange(tx: Tx, actor: Actor | null, c: Change): Promise<void> {
  await tx.insert(changeLog).values({
    id: newId(),
    prisonId: c.prisonId ?? null,
    entity: c.entity,
    entityId: c.entityId,
    personId: c.personId ?? null,
    action: c.action,
    actorId: actor?.userId ?? null,
    reason: c.reason ?? null,
    before: c.before === undefined ? null : jsonSafe(c.before),
    after: c.after === undefined ? null : jsonSafe(c.after),
    ...origin(actor),
  });
}

export type AuditCategory = 'health' | 'intelligence' | 'ethnicity_religion' | 'assessment' | 'attachment' | 'partner';

export async function recordAccess(
  tx: Tx,
  actor: Actor,
  a: { category: AuditCategory; action: 'read' | 'write' | 'list'; entity: string; entityId?: string | null; personId?: string | null; prisonId?: string | null; detail?: unknown },
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

/** The request behind an audit row: its address and session or token (null for the operator's CLI). */
function origin(actor: Actor | null): { address: string | null; sessionId: string | null; tokenId: string | null } {
  return { address: actor?.address ?? null, sessionId: actor?.sessionId ?? null, tokenId: actor?.tokenId ?? null };
}

/** Only the fields that differ between two flat records: what a correction changed. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (after[k] === undefined) continue;
    if (JSON.stringify(jsonSafe(before[k])) !== JSON.stringify(jsonSafe(after[k]))) {
      b[k] = before[k];
      a[k] = after[k] as T[keyof T];
    }
  }
  return { before: b, after: a };
}

function jsonSafe(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v ?? null));
}
