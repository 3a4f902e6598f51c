/** Coded values (regions, education levels, occupations, ...) that administrators extend. */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { type Actor, authorize } from '../../core/access.js';
import { type FieldError, invalid } from '../../core/errors.js';
import { recordChange } from '../../core/history.js';
import { registerMessages } from '../../core/i18n.js';
import type { Db, Tx } from '../../db/index.js';
import { referenceCode } from './schema.js';

registerMessages({
  'reference.code_taken': { fr: 'Ce code existe déjà pour cette liste.', en: 'This code already exists in this list.' },
  'reference.kind_unknown': { fr: 'Liste de référence inconnue.', en: 'Unknown reference list.' },
});

export const REFERENCE_KINDS = [
  'region',
  'cercle',
  'education_level',
  'occupation',
  'marital_status',
  'language',
  'nationality',
  'arresting_authority',
  'religion',
  'ethnicity',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
/** Lists whose values are themselves sensitive to show (religion, ethnicity) need the permission to read them. */
const SENSITIVE_KINDS = new Set<string>(['religion', 'ethnicity']);

export interface CodeRef {
  field: string;
  kind: string;
  code: string | null | undefined;
}

/**
 * Codes seen to exist, for a minute: every admission checks several codes, and the lists only grow.
 * Only hits are cached, so a code added a moment ago (by this or another process) is found at once;
 * a code deactivated is refused at most a minute later.
 */
const known = new Map<string, number>();
const KNOWN_TTL_MS = 60_000;

/** Check that each given code exists (and is active) in its list; one field error per unknown code. */
export async function assertCodes(db: Tx, refs: CodeRef[]): Promise<void> {
  const now = Date.now();
  const wanted = refs.filter(
    (r): r is CodeRef & { code: string } =>
      r.code !== null && r.code !== undefined && r.code !== '' && (known.get(`${r.kind}\u0000${r.code}`) ?? 0) < now,
  );
  if (!wanted.length) return;
  const rows = await db
    .select({ kind: referenceCode.kind, code: referenceCode.code })
    .from(referenceCode)
    .where(
      and(
        eq(referenceCode.active, true),
        or(...wanted.map((r) => and(eq(referenceCode.kind, r.kind), eq(referenceCode.code, r.code)))),
      ),
    );
  const have = new Set(rows.map((r) => `${r.kind}\u0000${r.code}`));
  for (const k of have) known.set(k, now + KNOWN_TTL_MS);
  const errors: FieldError[] = wanted
    .filter((r) => !have.has(`${r.kind}\u0000${r.code}`))
    .map((r) => ({ field: r.field, key: 'field.unknown_code', params: { code: r.code, kind: r.kind } }));
  if (errors.length) throw invalid(errors);
}

export interface CodeView {
  kind: string;
  code: string;
  label_fr: string;
  label_en: string;
  parent_code: string | null;
  active: boolean;
  extra: Record<string, unknown>;
}

export async function listCodes(db: Db, actor: Actor, kind: string): Promise<CodeView[]> {
  if (!(REFERENCE_KINDS as readonly string[]).includes(kind))
    throw invalid([{ field: 'params:/kind', key: 'reference.kind_unknown' }]);
  authorize(actor, SENSITIVE_KINDS.has(kind) ? 'person.sensitive' : 'estate.read');
  const rows = await db
    .select()
    .from(referenceCode)
    .where(eq(referenceCode.kind, kind))
    .orderBy(asc(referenceCode.sort), asc(referenceCode.code));
  return rows.map((r) => ({
    kind: r.kind,
    code: r.code,
    label_fr: r.labelFr,
    label_en: r.labelEn,
    parent_code: r.parentCode,
    active: r.active,
    extra: r.extra,
  }));
}

/** Labels of codes for display, by kind: Map kind → Map code → {fr,en}. */
export async function labels(db: Tx, kinds: string[]): Promise<Map<string, Map<string, { fr: string; en: string }>>> {
  const rows = await db.select().from(referenceCode).where(inArray(referenceCode.kind, kinds));
  const out = new Map<string, Map<string, { fr: string; en: string }>>();
  for (const r of rows) {
    if (!out.has(r.kind)) out.set(r.kind, new Map());
    out.get(r.kind)!.set(r.code, { fr: r.labelFr, en: r.labelEn });
  }
  return out;
}

export async function addCode(
  db: Db,
  actor: Actor | null,
  kind: string,
  input: { code: string; label_fr: string; label_en: string; parent_code?: string | null },
): Promise<CodeView> {
  if (actor) authorize(actor, 'reference.admin');
  if (!(REFERENCE_KINDS as readonly string[]).includes(kind))
    throw invalid([{ field: 'params:/kind', key: 'reference.kind_unknown' }]);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(referenceCode)
      .where(and(eq(referenceCode.kind, kind), eq(referenceCode.code, input.code)));
    if (existing) throw invalid([{ field: '/code', key: 'reference.code_taken' }]);
    const [{ n }] = (
      await tx.execute<{ n: number }>(
        sql`SELECT coalesce(max(sort), 0) + 1 AS n FROM reference_code WHERE kind = ${kind}`,
      )
    ).rows as [{ n: number }];
    await tx.insert(referenceCode).values({
      kind,
      code: input.code,
      labelFr: input.label_fr,
      labelEn: input.label_en,
      parentCode: input.parent_code ?? null,
      sort: n,
    });
    await recordChange(tx, actor, {
      entity: 'reference_code',
      entityId: '00000000-0000-0000-0000-000000000000',
      action: 'create',
      after: { kind, ...input },
    });
    return {
      kind,
      code: input.code,
      label_fr: input.label_fr,
      label_en: input.label_en,
      parent_code: input.parent_code ?? null,
      active: true,
      extra: {},
    };
  });
}
