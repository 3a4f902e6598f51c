/** Queries of the complaints module: its own tables, with the names it shows joined in. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';
import { type ComplaintSettings, DEFAULT_SETTINGS } from './rules.js';
import { complaint, complaintCounter, complaintEvent, complaintSettings } from './schema.js';

export {
  complaint,
  complaintEvent,
  complaintNotice,
  complaintReprisalWarning,
  complaintWarningSeen,
  complaintSettings,
} from './schema.js';
export type ComplaintRow = typeof complaint.$inferSelect;

export async function settings(db: Tx): Promise<ComplaintSettings> {
  const [r] = await db.select().from(complaintSettings).where(eq(complaintSettings.id, 'national'));
  return r
    ? { ...DEFAULT_SETTINGS, ...r.settings, owners: { ...DEFAULT_SETTINGS.owners, ...r.settings.owners } }
    : DEFAULT_SETTINGS;
}

/** The next number of a prison's year (the row is locked until the transaction ends). */
export async function nextSeq(db: Tx, prisonId: string, year: number): Promise<number> {
  const r = await db
    .insert(complaintCounter)
    .values({ prisonId, year, seq: 1 })
    .onConflictDoUpdate({
      target: [complaintCounter.prisonId, complaintCounter.year],
      set: { seq: sql`${complaintCounter.seq} + 1` },
    })
    .returning({ seq: complaintCounter.seq });
  return r[0].seq;
}

export async function find(db: Tx, id: string, forUpdate = false): Promise<ComplaintRow | undefined> {
  const q = db.select().from(complaint).where(eq(complaint.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function findByReference(db: Tx, reference: string): Promise<ComplaintRow | undefined> {
  const [r] = await db.select().from(complaint).where(eq(complaint.reference, reference));
  return r;
}

export async function events(db: Tx, complaintId: string) {
  const r = await db.execute<{
    id: string;
    kind: string;
    state_after: string;
    text: string | null;
    by: string | null;
    at: string;
  }>(sql`
    SELECT e.id, e.kind, e.state_after, e.text, u.display_name AS by, e.at
    FROM complaint_event e LEFT JOIN app_user u ON u.id = e.by_user WHERE e.complaint_id = ${complaintId} ORDER BY e.at, e.id`);
  return r.rows;
}

export interface ListRow extends Record<string, unknown> {
  id: string;
  prison_id: string;
  prison_code: string;
  reference: string;
  person_id: string | null;
  person_name: string | null;
  cell_code: string | null;
  unit_code: string | null;
  kind: string;
  category: string;
  channel: string;
  addressee: string;
  confidential: boolean;
  urgent: boolean;
  state: string;
  owner: string;
  received_at: string;
  due_at: string;
  outcome: string | null;
  named_staff: string[];
  words: string;
}

/** Complaints by a filter (prison, person, states, confidential-or-allegation); the caller applies the visibility rule. */
export async function list(
  db: Tx,
  f: {
    id?: string;
    prisonIds?: readonly string[];
    personId?: string;
    open?: boolean;
    forInspector?: boolean;
    limit?: number;
  },
) {
  const where = [sql`true`];
  if (f.prisonIds) where.push(sql`c.prison_id = ANY(${sql.param([...f.prisonIds])}::uuid[])`);
  if (f.id) where.push(sql`c.id = ${f.id}`);
  if (f.personId) where.push(sql`c.person_id = ${f.personId}`);
  if (f.open) where.push(sql`c.state <> 'closed' AND c.state <> 'accepted'`);
  if (f.forInspector) where.push(sql`(c.confidential OR c.category = 'ill_treatment')`);
  const r = await db.execute<ListRow>(sql`
    SELECT c.id, c.prison_id, pr.code AS prison_code, c.reference, c.person_id,
      CASE WHEN p.id IS NULL THEN NULL ELSE p.family_name || ' ' || p.given_names END AS person_name,
      ce.code AS cell_code, un.code AS unit_code, c.kind, c.category, c.channel, c.addressee, c.confidential, c.urgent, c.state,
      c.owner, c.received_at, c.due_at, c.outcome, c.named_staff, c.words
    FROM complaint c JOIN prison pr ON pr.id = c.prison_id
      LEFT JOIN person p ON p.id = c.person_id LEFT JOIN cell ce ON ce.id = c.cell_id LEFT JOIN unit un ON un.id = c.unit_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY c.received_at DESC LIMIT ${f.limit ?? 2000}`);
  return r.rows.map((x) => ({ ...x, named_staff: x.named_staff ?? [] }));
}

/** Where a person is held now: admission, prison, cell and unit. */
export async function currentPlace(db: Tx, admissionId: string) {
  const r = await db.execute<{
    admission_id: string;
    person_id: string;
    prison_id: string;
    ended: boolean;
    cell_id: string | null;
    unit_id: string | null;
  }>(sql`
    SELECT a.id AS admission_id, a.person_id, a.prison_id, a.ended_at IS NOT NULL AS ended, pl.cell_id, ce.unit_id
    FROM admission a LEFT JOIN placement pl ON pl.admission_id = a.id AND pl.to_at IS NULL LEFT JOIN cell ce ON ce.id = pl.cell_id
    WHERE a.id = ${admissionId}`);
  return r.rows[0];
}

/** The current admission of a person held in a cell's leader seat, if any (a cell leader's request). */
export async function cellLeaderOf(db: Tx, cellId: string) {
  const r = await db.execute<{ admission_id: string; person_id: string }>(sql`
    SELECT admission_id, person_id FROM cell_leader WHERE cell_id = ${cellId} AND until IS NULL LIMIT 1`);
  return r.rows[0];
}

export async function usersByName(db: Tx, usernames: readonly string[]) {
  if (!usernames.length) return [];
  const r = await db.execute<{ id: string; username: string }>(
    sql`SELECT id, username FROM app_user WHERE username = ANY(${sql.param([...usernames])}::text[])`,
  );
  return r.rows;
}

/** A person's complaints received within `days` before `at` (the reprisal window). */
export async function recentOfPerson(db: Tx, personId: string, at: Date, days: number) {
  return db
    .select()
    .from(complaint)
    .where(
      and(
        eq(complaint.personId, personId),
        sql`${complaint.receivedAt} <= ${at.toISOString()}::timestamptz
          AND ${complaint.receivedAt} >= ${at.toISOString()}::timestamptz - make_interval(days => ${days})`,
      ),
    )
    .orderBy(asc(complaint.receivedAt));
}

export async function addEvent(db: Tx, row: typeof complaintEvent.$inferInsert) {
  await db.insert(complaintEvent).values(row);
}

export async function noticeRows(db: Tx, audience: string, prisonIds: readonly string[] | undefined) {
  const r = await db.execute<{
    id: string;
    complaint_id: string;
    prison_id: string;
    audience: string;
    created_at: string;
    seen_at: string | null;
    seen_by: string | null;
  }>(sql`
    SELECT n.id, n.complaint_id, n.prison_id, n.audience, n.created_at, n.seen_at, u.display_name AS seen_by
    FROM complaint_notice n LEFT JOIN app_user u ON u.id = n.seen_by
    WHERE n.audience = ${audience} ${prisonIds ? sql`AND n.prison_id = ANY(${sql.param([...prisonIds])}::uuid[])` : sql``}
    ORDER BY n.created_at DESC LIMIT 500`);
  return r.rows;
}

export async function warningRows(db: Tx, prisonIds: readonly string[] | undefined) {
  const r = await db.execute<{
    id: string;
    complaint_id: string;
    prison_id: string;
    person_id: string;
    person_name: string;
    event: string;
    event_at: string;
    detail: string | null;
    triggered_by: string | null;
    created_at: string;
  }>(sql`
    SELECT w.id, w.complaint_id, w.prison_id, w.person_id, p.family_name || ' ' || p.given_names AS person_name, w.event, w.event_at,
      w.detail,
      u.display_name AS triggered_by, w.created_at
    FROM complaint_reprisal_warning w JOIN person p ON p.id = w.person_id LEFT JOIN app_user u ON u.id = w.triggered_by
    WHERE true ${prisonIds ? sql`AND w.prison_id = ANY(${sql.param([...prisonIds])}::uuid[])` : sql``}
    ORDER BY w.created_at DESC LIMIT 500`);
  return r.rows;
}

export async function seenBy(db: Tx, warningIds: readonly string[]) {
  if (!warningIds.length) return [];
  const r = await db.execute<{ warning_id: string; name: string; seen_at: string }>(sql`
    SELECT s.warning_id, u.display_name AS name, s.seen_at FROM complaint_warning_seen s JOIN app_user u ON u.id = s.user_id
    WHERE s.warning_id = ANY(${sql.param([...warningIds])}::uuid[]) ORDER BY s.seen_at`);
  return r.rows;
}

export async function openAdmissionOf(db: Tx, personId: string) {
  const r = await db.execute<{ id: string; prison_id: string }>(
    sql`SELECT id, prison_id FROM admission WHERE person_id = ${personId} AND ended_at IS NULL LIMIT 1`,
  );
  return r.rows[0];
}

/**
 * The cell leaders' requests recorded on the cell's page (classification's `cell_leader_request`)
 * still open, so that the prison's list shows them with the complaints. Read-only here: they are
 * answered on the cell's page.
 */
export async function openLeaderRequests(db: Tx, prisonId: string) {
  const r = await db.execute<{
    id: string;
    cell_id: string;
    cell_code: string;
    unit_code: string;
    subject: string;
    detail: string | null;
    raised_on: string;
    leader: string | null;
  }>(sql`
    SELECT r.id, r.cell_id, c.code AS cell_code, u.code AS unit_code, r.subject, r.detail, r.raised_on::text AS raised_on,
      p.family_name || ' ' || p.given_names AS leader
    FROM cell_leader_request r JOIN cell c ON c.id = r.cell_id JOIN unit u ON u.id = c.unit_id
      LEFT JOIN cell_leader l ON l.id = r.cell_leader_id LEFT JOIN person p ON p.id = l.person_id
    WHERE r.prison_id = ${prisonId} AND r.status = 'open' ORDER BY r.raised_on, r.id LIMIT 500`);
  return r.rows;
}

/** A reception's prison and the admission it produced, to link a complaint to its medical check. */
export async function receptionOf(db: Tx, id: string) {
  const r = await db.execute<{ id: string; prison_id: string; admission_id: string | null }>(
    sql`SELECT id, prison_id, admission_id FROM reception WHERE id = ${id}`,
  );
  return r.rows[0];
}
