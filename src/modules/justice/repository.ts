/**
 * Justice queries. Repositories accept a database handle or an open transaction. The admissions,
 * their documents and charges are custody's, the names people's, the accounts access's: read through
 * their front doors (re-exported below under the names the justice services use).
 */
import { and, asc, eq, getTableColumns, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';
import { readAccesses } from '../../core/history.js';
import { accountNames, findAccount } from '../access/index.js';
import { findPersonDocument } from '../custody/index.js';
import {
  alertEpisode,
  hearing,
  jurisdiction,
  justiceSettings,
  justiceState,
  legalTitle,
  pretrialRule,
  userJurisdiction,
} from './schema.js';

export type LegalTitleRow = typeof legalTitle.$inferSelect;
export type HearingRow = typeof hearing.$inferSelect;
export type RuleRow = typeof pretrialRule.$inferSelect;
export type JurisdictionRow = typeof jurisdiction.$inferSelect;
export {
  admissionsOfPeople,
  admissionsOverlapping,
  findAdmission,
  findAdmissions,
  findDocument,
  findCharges as chargesOf,
  findDocuments as documentsOf,
  setAdmissionLegalStatus,
  type AdmissionRow,
  type ChargeRow,
  type LegalDocumentRow as DocumentRow,
} from '../custody/index.js';
export { peopleNames } from '../people/index.js';

export async function titlesOf(db: Tx, admissionIds: string[]): Promise<LegalTitleRow[]> {
  if (!admissionIds.length) return [];
  return db
    .select()
    .from(legalTitle)
    .where(inArray(legalTitle.admissionId, admissionIds))
    .orderBy(asc(legalTitle.issuedOn), asc(legalTitle.createdAt));
}

export async function hearingsOf(db: Tx, admissionIds: string[]): Promise<HearingRow[]> {
  if (!admissionIds.length) return [];
  return db.select().from(hearing).where(inArray(hearing.admissionId, admissionIds)).orderBy(asc(hearing.scheduledAt));
}

export async function findTitle(db: Tx, id: string): Promise<LegalTitleRow | undefined> {
  const [t] = await db.select().from(legalTitle).where(eq(legalTitle.id, id));
  return t;
}

export async function findCorrectionOf(db: Tx, id: string): Promise<LegalTitleRow | undefined> {
  const [t] = await db.select().from(legalTitle).where(eq(legalTitle.supersedesId, id));
  return t;
}

export async function insertTitle(db: Tx, row: typeof legalTitle.$inferInsert): Promise<void> {
  await db.insert(legalTitle).values(row);
}

export async function withdrawTitle(db: Tx, id: string, by: string, reason: string): Promise<void> {
  await db
    .update(legalTitle)
    .set({ withdrawnAt: new Date(), withdrawnBy: by, withdrawnReason: reason })
    .where(eq(legalTitle.id, id));
}

// Rules and settings ----------------------------------------------------------------------------
export async function rules(db: Tx): Promise<RuleRow[]> {
  return db.select().from(pretrialRule).orderBy(asc(pretrialRule.category), asc(pretrialRule.effectiveFrom));
}
export async function findRule(db: Tx, id: string, forUpdate = false): Promise<RuleRow | undefined> {
  const q = db.select().from(pretrialRule).where(eq(pretrialRule.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}
export async function insertRule(db: Tx, row: typeof pretrialRule.$inferInsert): Promise<void> {
  await db.insert(pretrialRule).values(row);
}
export async function updateRule(db: Tx, id: string, patch: Partial<typeof pretrialRule.$inferInsert>): Promise<void> {
  await db
    .update(pretrialRule)
    .set({ ...patch, version: sql`${pretrialRule.version} + 1` })
    .where(eq(pretrialRule.id, id));
}
export async function settings(db: Tx): Promise<typeof justiceSettings.$inferSelect> {
  const [s] = await db.select().from(justiceSettings);
  return s ?? { id: true, expiringWithinDays: 30, noHearingMonths: 6, version: 1, updatedAt: new Date(0) };
}
export async function updateSettings(
  db: Tx,
  patch: { expiringWithinDays?: number; noHearingMonths?: number },
): Promise<void> {
  await db
    .update(justiceSettings)
    .set({ ...patch, updatedAt: new Date(), version: sql`${justiceSettings.version} + 1` })
    .where(eq(justiceSettings.id, true));
}

// Hearings --------------------------------------------------------------------------------------
export async function insertHearing(db: Tx, row: typeof hearing.$inferInsert): Promise<void> {
  await db.insert(hearing).values(row);
}
export async function findHearing(db: Tx, id: string, forUpdate = false): Promise<HearingRow | undefined> {
  const q = db.select().from(hearing).where(eq(hearing.id, id));
  const [h] = forUpdate ? await q.for('update') : await q;
  return h;
}
export async function updateHearing(db: Tx, id: string, patch: Partial<typeof hearing.$inferInsert>): Promise<void> {
  await db
    .update(hearing)
    .set({ ...patch, version: sql`${hearing.version} + 1` })
    .where(eq(hearing.id, id));
}

/** The hearings of a prison in [from, to) not cancelled, in time order: the court list's rows. */
export async function hearingsOfDay(db: Tx, prisonId: string, from: Date, to: Date): Promise<HearingRow[]> {
  return db
    .select()
    .from(hearing)
    .where(
      and(
        eq(hearing.prisonId, prisonId),
        gte(hearing.scheduledAt, from),
        lt(hearing.scheduledAt, to),
        or(isNull(hearing.outcome), sql`${hearing.outcome} <> 'cancelled'`),
      ),
    )
    .orderBy(asc(hearing.scheduledAt));
}

// Jurisdictions and partners ---------------------------------------------------------------------
export async function jurisdictions(db: Tx): Promise<JurisdictionRow[]> {
  return db.select().from(jurisdiction).orderBy(asc(jurisdiction.code));
}
export async function findJurisdiction(db: Tx, idOrCode: string): Promise<JurisdictionRow | undefined> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const [j] = await db
    .select()
    .from(jurisdiction)
    .where(isUuid ? eq(jurisdiction.id, idOrCode) : eq(jurisdiction.code, idOrCode.toUpperCase()));
  return j;
}
export async function insertJurisdiction(db: Tx, row: typeof jurisdiction.$inferInsert): Promise<void> {
  await db.insert(jurisdiction).values(row);
}
export async function addMember(db: Tx, userId: string, jurisdictionId: string): Promise<void> {
  await db.insert(userJurisdiction).values({ userId, jurisdictionId }).onConflictDoNothing();
}
export async function jurisdictionsOfUser(db: Tx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: userJurisdiction.jurisdictionId })
    .from(userJurisdiction)
    .where(eq(userJurisdiction.userId, userId));
  return rows.map((r) => r.id);
}
export const findUser = findAccount;

/**
 * Admissions linked to any of the jurisdictions: a title in force (not withdrawn, not superseded)
 * issued by one of them, or a hearing before one of them.
 */
export async function admissionsOfJurisdictions(
  db: Tx,
  jurisdictionIds: string[],
  admissionId?: string,
): Promise<string[]> {
  if (!jurisdictionIds.length) return [];
  const ids = sql.join(
    jurisdictionIds.map((j) => sql`${j}::uuid`),
    sql`, `,
  );
  const only = admissionId ? sql`AND x.admission_id = ${admissionId}::uuid` : sql``;
  const r = await db.execute<{ admission_id: string }>(sql`
    SELECT DISTINCT x.admission_id FROM (
      SELECT t.admission_id FROM legal_title t
       WHERE t.jurisdiction_id IN (${ids}) AND t.withdrawn_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM legal_title c WHERE c.supersedes_id = t.id)
      UNION
      SELECT h.admission_id FROM hearing h WHERE h.jurisdiction_id IN (${ids})
    ) x WHERE true ${only}`);
  return r.rows.map((x) => x.admission_id);
}

export async function partnerAccess(db: Tx, prisonIds: readonly string[] | undefined, since: Date, limit: number) {
  const rows = await readAccesses(db, { category: 'partner', since, prisonIds, limit });
  const names = await accountNames(
    db,
    rows.flatMap((a) => (a.actorId ? [a.actorId] : [])),
  );
  return rows.map((a) => {
    const n = a.actorId ? names.get(a.actorId) : undefined;
    return { a, username: n?.username ?? null, displayName: n?.displayName ?? null };
  });
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A conviction of the person (a justice title, or a judgment recorded at admission), in any of their admissions. */
export async function findPersonConviction(db: Tx, personId: string, id: string): Promise<{ id: string } | undefined> {
  if (!UUID_RE.test(id)) return undefined;
  const [t] = await db
    .select({ id: legalTitle.id })
    .from(legalTitle)
    .where(and(eq(legalTitle.id, id), eq(legalTitle.personId, personId), eq(legalTitle.kind, 'conviction')));
  if (t) return t;
  return findPersonDocument(db, personId, id, 'conviction');
}

// Stored justice state and alert episodes (issue 9) ---------------------------------------------
export type JusticeStateRow = typeof justiceState.$inferSelect;
export type AlertEpisodeRow = typeof alertEpisode.$inferSelect;

/** One row of `heldStateRows`: the admission (dates already Bamako days), the person's name, and the stored state when there is one. */
export type HeldStateRow = {
  id: string;
  prison_id: string;
  person_id: string;
  committal_number: string;
  admitted_on: string;
  ended_on: string | null;
  name: string;
  has_state: boolean;
  stale: boolean | null;
  computed_on: string | null;
  status: string | null;
  category: string | null;
  category_assumed: boolean | null;
  terrorism_related: boolean | null;
  has_detention_order: boolean | null;
  pretrial_start: string | null;
  expires_on: string | null;
  periods: { titleId: string; from: string; to: string | null }[] | null;
  basis_title_id: string | null;
  judgment_on: string | null;
  release_on: string | null;
  release_title_id: string | null;
  outcome_on: string | null;
  last_hearing_on: string | null;
  gap_days: number | null;
};

/**
 * Admissions of the prisons held at `at` (admitted before, not ended), with the person's name
 * ("family given") and their stored state when there is one. One query: the open admissions through
 * the partial index admission_one_open_idx, those ended after `at` through admission_prison_ended_idx;
 * the name by a primary-key lookup per person held (a join lets the planner hash the whole registry:
 * 100,000 rows read for 4,000). Dates come back as Bamako days (text), so the home page reads 4,000
 * rows without converting instants one by one.
 */
export async function heldStateRows(
  db: Tx,
  prisonIds: readonly string[] | undefined,
  at: Date,
  opts: { figuresOnly?: boolean; ids?: readonly string[] } = {},
): Promise<HeldStateRow[]> {
  const scope = prisonIds
    ? prisonIds.length
      ? sql`a.prison_id IN (${sql.join(
          prisonIds.map((p) => sql`${p}::uuid`),
          sql`, `,
        )})`
      : sql`false`
    : sql`true`;
  const ids = opts.ids
    ? sql` AND a.id IN (${
        opts.ids.length
          ? sql.join(
              opts.ids.map((x) => sql`${x}::uuid`),
              sql`, `,
            )
          : sql`NULL`
      })`
    : sql``;
  // The figures (backlog) need neither the name nor which title an alert names: half the columns to read.
  const cols = opts.figuresOnly
    ? sql`a.id, a.prison_id, a.person_id, NULL::text AS committal_number,
           (a.admitted_at AT TIME ZONE 'Africa/Bamako')::date::text AS admitted_on,
             (a.ended_at AT TIME ZONE 'Africa/Bamako')::date::text AS ended_on,
           NULL::text AS name, s.admission_id IS NOT NULL AS has_state, s.stale, s.computed_on::text, s.status, s.category,
             s.category_assumed,
           s.terrorism_related, s.has_detention_order, s.pretrial_start::text, s.expires_on::text, NULL::jsonb AS periods,
             NULL::uuid AS basis_title_id, s.judgment_on::text,
           s.release_on::text, NULL::uuid AS release_title_id, s.outcome_on::text, s.last_hearing_on::text, s.gap_days`
    : sql`a.id, a.prison_id, a.person_id, a.committal_number,
           (a.admitted_at AT TIME ZONE 'Africa/Bamako')::date::text AS admitted_on,
             (a.ended_at AT TIME ZONE 'Africa/Bamako')::date::text AS ended_on,
           (SELECT p.family_name || ' ' || p.given_names FROM person p WHERE p.id = a.person_id) AS name,
           s.admission_id IS NOT NULL AS has_state, s.stale, s.computed_on::text, s.status, s.category, s.category_assumed,
           s.terrorism_related, s.has_detention_order, s.pretrial_start::text, s.expires_on::text, s.periods, s.basis_title_id,
             s.judgment_on::text,
           s.release_on::text, s.release_title_id, s.outcome_on::text, s.last_hearing_on::text, s.gap_days`;
  const r = await db.execute<HeldStateRow>(sql`
    SELECT ${cols}
      FROM admission a
      LEFT JOIN justice_state s ON s.admission_id = a.id
     WHERE ${scope} AND a.admitted_at < ${at.toISOString()}::timestamptz AND a.ended_at IS NULL${ids}
     UNION ALL
    SELECT ${cols}
      FROM admission a
      LEFT JOIN justice_state s ON s.admission_id = a.id
     WHERE ${scope} AND a.admitted_at < ${at.toISOString()}::timestamptz AND a.ended_at >= ${at.toISOString()}::timestamptz${ids}`);
  return r.rows;
}

/**
 * The home page's alert summary, counted by the database from the stored states held at `at`
 * (the end of `asOf`): how many alerts there are and the admissions behind the first `limit` in
 * the order of `sortAlerts` (most serious first; within a kind the longest overdue, or the soonest
 * to expire, first; then the admission): the people whose own first alert comes first (whoever
 * holds one of the first `limit` alerts is among them). The conditions are those of
 * `alertsFromSnapshot` (state.ts), written in SQL once per row; a test checks both give the same
 * count and the same first alerts.
 * Rows missing or marked stale are not counted: their ids come back in `refresh` (to refresh and ask again).
 */
export async function alertSummary(
  db: Tx,
  prisonIds: readonly string[],
  asOf: string,
  today: string,
  at: Date,
  settings: { expiringWithinDays: number; noHearingMonths: number },
  limit: number,
): Promise<{ total: number; top: string[]; refresh: string[] }> {
  if (!prisonIds.length) return { total: 0, top: [], refresh: [] };
  const scope = sql.join(
    prisonIds.map((p) => sql`${p}::uuid`),
    sql`, `,
  );
  const d = sql`${asOf}::date`;
  const e = sql`${settings.expiringWithinDays}::int`;
  const r = await db.execute<{ total: number; top: string[] | null; refresh: string[] | null }>(sql`
    WITH h AS (
      SELECT a.id, s.admission_id IS NULL OR s.stale OR s.computed_on > ${d} OR s.computed_on > ${today}::date AS todo,
             s.status, s.has_detention_order AS hdo, s.category_assumed, s.expires_on, s.release_on, s.outcome_on,
             coalesce(s.last_hearing_on, s.pretrial_start) AS since
        FROM admission a LEFT JOIN justice_state s ON s.admission_id = a.id
       WHERE a.prison_id IN (${scope}) AND a.admitted_at < ${at.toISOString()}::timestamptz AND a.ended_at IS NULL
       UNION ALL
      SELECT a.id, s.admission_id IS NULL OR s.stale OR s.computed_on > ${d} OR s.computed_on > ${today}::date AS todo,
             s.status, s.has_detention_order AS hdo, s.category_assumed, s.expires_on, s.release_on, s.outcome_on,
             coalesce(s.last_hearing_on, s.pretrial_start) AS since
        FROM admission a LEFT JOIN justice_state s ON s.admission_id = a.id
       WHERE a.prison_id IN (${scope}) AND a.admitted_at < ${at.toISOString()}::timestamptz
         AND a.ended_at >= ${at.toISOString()}::timestamptz
    ), k AS (
      -- Which alerts each person has (the conditions of alertsFromSnapshot), once per row.
      SELECT h.id, h.status, h.expires_on, h.release_on, h.outcome_on, h.since,
             coalesce(h.status = 'under_investigation' AND h.hdo AND h.expires_on < ${d}, false) AS expired,
             coalesce(h.status = 'under_investigation' AND NOT h.hdo, false) AS no_title,
             coalesce(h.status IN ('acquitted', 'released', 'pardoned') OR (h.status IN ('convicted', 'appealing')
               AND h.release_on <= ${d}), false) AS release_due,
             coalesce(h.status = 'under_investigation' AND h.hdo AND h.expires_on >= ${d} AND h.expires_on - ${d} <= ${e},
               false) AS expiring,
             coalesce(h.status IN ('convicted', 'appealing') AND h.release_on > ${d} AND h.release_on - ${d} <= ${e},
               false) AS release_soon,
             coalesce(h.status IN ('under_investigation', 'awaiting_trial')
               AND (h.since + make_interval(months => ${settings.noHearingMonths}::int))::date <= ${d}, false) AS no_hearing,
             coalesce(h.status = 'under_investigation' AND h.hdo AND h.category_assumed, false) AS category_assumed
        FROM h WHERE NOT h.todo
    ), best AS (
      -- Each person's count and first alert (kind order of sortAlerts; days overdue first, days left for expiring/release_soon).
      SELECT k.id,
             expired::int + no_title::int + release_due::int + expiring::int + release_soon::int + no_hearing::int + category_assumed::int
               AS n,
             CASE WHEN expired THEN 0 WHEN no_title THEN 1 WHEN release_due THEN 2 WHEN expiring THEN 3 WHEN release_soon THEN 4
               WHEN no_hearing THEN 5 WHEN category_assumed THEN 6 END AS ord,
             CASE WHEN expired THEN ${d} - expires_on WHEN no_title THEN 0
                  WHEN release_due THEN ${d} - (CASE WHEN status IN ('acquitted', 'released', 'pardoned') THEN coalesce(outcome_on,
                    ${d}) ELSE release_on END)
                  WHEN expiring THEN -(expires_on - ${d}) WHEN release_soon THEN -(release_on - ${d})
                    WHEN no_hearing THEN ${d} - since ELSE 0 END AS days
        FROM k
    )
    -- The first alerts belong to the people whose first alert comes first: the first (limit) people hold them all.
    SELECT (SELECT coalesce(sum(n), 0)::int FROM best) AS total,
           (SELECT array_agg(id::text) FROM (SELECT id FROM best WHERE n > 0 ORDER BY ord, days DESC, id LIMIT ${limit}) t) AS top,
           (SELECT array_agg(id::text) FROM h WHERE todo) AS refresh`);
  const row = r.rows[0];
  return { total: row.total, top: row.top ?? [], refresh: row.refresh ?? [] };
}

export async function upsertStates(db: Tx, rows: (typeof justiceState.$inferInsert)[]): Promise<void> {
  const columns = getTableColumns(justiceState);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db
      .insert(justiceState)
      .values(chunk)
      .onConflictDoUpdate({
        target: justiceState.admissionId,
        set: Object.fromEntries(
          Object.keys(chunk[0])
            .filter((k) => k !== 'admissionId')
            // The row's keys are the table's columns ($inferInsert).
            .map((k) => [k, sql.raw(`excluded.${columns[k as keyof typeof columns].name}`)]),
        ),
      });
  }
}

export async function episodesOf(db: Tx, admissionIds: string[]): Promise<AlertEpisodeRow[]> {
  if (!admissionIds.length) return [];
  return db
    .select()
    .from(alertEpisode)
    .where(inArray(alertEpisode.admissionId, admissionIds))
    .orderBy(asc(alertEpisode.fromOn), asc(alertEpisode.kind));
}

/** A new episode; a concurrent refresh that recorded the same one first wins (no error). */
export async function insertEpisode(db: Tx, row: typeof alertEpisode.$inferInsert): Promise<boolean> {
  const r = await db.insert(alertEpisode).values(row).onConflictDoNothing().returning({ id: alertEpisode.id });
  return r.length > 0;
}

export async function closeEpisode(
  db: Tx,
  id: string,
  toOn: string,
  resolvedByTitleId: string | null,
  resolvedBy: string,
): Promise<void> {
  await db
    .update(alertEpisode)
    .set({ toOn, resolvedByTitleId, resolvedBy, closedAt: new Date() })
    .where(and(eq(alertEpisode.id, id), isNull(alertEpisode.toOn)));
}

export async function reopenEpisode(db: Tx, id: string): Promise<void> {
  await db
    .update(alertEpisode)
    .set({ toOn: null, resolvedByTitleId: null, resolvedBy: null, closedAt: null })
    .where(eq(alertEpisode.id, id));
}

/** Court appearances that took place (held, adjourned) per Bamako month, for the admissions of the prisons, in [from, to). */
export async function hearingsPerMonth(
  db: Tx,
  prisonIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (!prisonIds.length) return out;
  const ids = sql.join(
    prisonIds.map((p) => sql`${p}::uuid`),
    sql`, `,
  );
  const r = await db.execute<{ prison_id: string; month: string; n: number }>(sql`
    SELECT a.prison_id, to_char(h.scheduled_at AT TIME ZONE 'Africa/Bamako', 'YYYY-MM') AS month, count(*)::int AS n
      FROM hearing h JOIN admission a ON a.id = h.admission_id
     WHERE a.prison_id IN (${ids}) AND h.outcome IN ('held', 'adjourned') AND h.scheduled_at >= ${from.toISOString()}::timestamptz
       AND h.scheduled_at < ${to.toISOString()}::timestamptz
     GROUP BY 1, 2`);
  for (const x of r.rows) {
    let m = out.get(x.prison_id);
    if (!m) out.set(x.prison_id, (m = new Map<string, number>()));
    m.set(x.month, x.n);
  }
  return out;
}
