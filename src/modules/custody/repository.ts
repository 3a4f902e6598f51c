import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { insertRows } from '../../db/bulk.js';
import type { Tx } from '../../db/index.js';
import type { LabelCharge } from './person-label.js';
import type { LegalStatus } from './rules.js';
import { admission, charge, committalCounter, legalDocument, placement } from './schema.js';

export type AdmissionRow = typeof admission.$inferSelect;
export type LegalDocumentRow = typeof legalDocument.$inferSelect;
export type ChargeRow = typeof charge.$inferSelect;
export type PlacementRow = typeof placement.$inferSelect;

/** Next sequence number for a prison and year; concurrent admissions serialise on the counter row. */
export async function nextCommittalSeq(db: Tx, prisonId: string, year: number): Promise<number> {
  const [r] = await db
    .insert(committalCounter)
    .values({ prisonId, year, last: 1 })
    .onConflictDoUpdate({
      target: [committalCounter.prisonId, committalCounter.year],
      set: { last: sql`${committalCounter.last} + 1` },
    })
    .returning({ last: committalCounter.last });
  return r.last;
}

/** After typing in a paper register: the next generated number must come after the highest one kept. */
export async function bumpCommittalSeq(db: Tx, prisonId: string, year: number, seq: number): Promise<void> {
  await db
    .insert(committalCounter)
    .values({ prisonId, year, last: seq })
    .onConflictDoUpdate({
      target: [committalCounter.prisonId, committalCounter.year],
      set: { last: sql`greatest(${committalCounter.last}, ${seq})` },
    });
}

/** Reserve the next `n` numbers of a prison's year at once: the last one reserved. */
export async function reserveCommittalSeqs(db: Tx, prisonId: string, year: number, n: number): Promise<number> {
  const [r] = await db
    .insert(committalCounter)
    .values({ prisonId, year, last: n })
    .onConflictDoUpdate({
      target: [committalCounter.prisonId, committalCounter.year],
      set: { last: sql`${committalCounter.last} + ${n}` },
    })
    .returning({ last: committalCounter.last });
  return r.last;
}

/** Which of these committal numbers the prison already has. */
export async function committalNumbersTaken(db: Tx, prisonId: string, numbers: string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const r = await db
    .select({ n: admission.committalNumber })
    .from(admission)
    .where(and(eq(admission.prisonId, prisonId), inArray(admission.committalNumber, numbers)));
  return new Set(r.map((x) => x.n));
}

export async function committalNumberTaken(db: Tx, prisonId: string, committalNumber: string): Promise<boolean> {
  const r = await db
    .select({ id: admission.id })
    .from(admission)
    .where(and(eq(admission.prisonId, prisonId), eq(admission.committalNumber, committalNumber)));
  return r.length > 0;
}

export async function insertAdmission(db: Tx, row: typeof admission.$inferInsert) {
  await db.insert(admission).values(row);
}
export async function insertAdmissions(db: Tx, rows: (typeof admission.$inferInsert)[]) {
  await insertRows(db, admission, rows);
}
export async function insertDocument(db: Tx, row: typeof legalDocument.$inferInsert) {
  await db.insert(legalDocument).values(row);
}
export async function insertDocuments(db: Tx, rows: (typeof legalDocument.$inferInsert)[]) {
  await insertRows(db, legalDocument, rows);
}
export async function insertCharges(db: Tx, rows: (typeof charge.$inferInsert)[]) {
  await insertRows(db, charge, rows);
}
export async function insertPlacement(db: Tx, row: typeof placement.$inferInsert) {
  await db.insert(placement).values(row);
}
export async function insertPlacements(db: Tx, rows: (typeof placement.$inferInsert)[]) {
  await insertRows(db, placement, rows);
}

export async function findAdmission(db: Tx, id: string, forUpdate = false): Promise<AdmissionRow | undefined> {
  const q = db.select().from(admission).where(eq(admission.id, id));
  const [a] = forUpdate ? await q.for('update') : await q;
  return a;
}

export async function findAdmissions(db: Tx, ids: readonly string[]): Promise<AdmissionRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(admission)
    .where(inArray(admission.id, [...ids]));
}

/** Admissions of the prisons given (all when undefined) overlapping [from, to): admitted before `to`, not ended before `from`. */
export async function admissionsOverlapping(
  db: Tx,
  prisonIds: readonly string[] | undefined,
  from: Date,
  to: Date,
): Promise<AdmissionRow[]> {
  return db
    .select()
    .from(admission)
    .where(
      and(
        prisonIds ? inArray(admission.prisonId, [...prisonIds]) : undefined,
        lt(admission.admittedAt, to),
        or(isNull(admission.endedAt), gte(admission.endedAt, from)),
      ),
    );
}

/** Every admission of these people (to follow titles across transfers), oldest first. */
export async function admissionsOfPeople(db: Tx, personIds: readonly string[]): Promise<AdmissionRow[]> {
  if (!personIds.length) return [];
  return db
    .select()
    .from(admission)
    .where(inArray(admission.personId, [...personIds]))
    .orderBy(asc(admission.admittedAt));
}

/** The admission's legal status, as the justice titles derive it. */
export async function setAdmissionLegalStatus(db: Tx, id: string, status: LegalStatus): Promise<void> {
  await updateAdmissionRow(db, id, { legalStatus: status });
}

export async function findOpenAdmission(db: Tx, personId: string): Promise<AdmissionRow | undefined> {
  const [a] = await db
    .select()
    .from(admission)
    .where(and(eq(admission.personId, personId), isNull(admission.endedAt)));
  return a;
}

export async function findAdmissionsOfPerson(db: Tx, personId: string): Promise<AdmissionRow[]> {
  return db.select().from(admission).where(eq(admission.personId, personId)).orderBy(desc(admission.admittedAt));
}

export async function findDocuments(db: Tx, admissionIds: string[]): Promise<LegalDocumentRow[]> {
  if (!admissionIds.length) return [];
  return db
    .select()
    .from(legalDocument)
    .where(inArray(legalDocument.admissionId, admissionIds))
    .orderBy(asc(legalDocument.issuedOn), asc(legalDocument.receivedAt));
}

export async function findDocument(db: Tx, id: string): Promise<LegalDocumentRow | undefined> {
  const [d] = await db.select().from(legalDocument).where(eq(legalDocument.id, id));
  return d;
}

/** A document of a kind recorded at one of the person's admissions (e.g. a judgment), or undefined. */
export async function findPersonDocument(
  db: Tx,
  personId: string,
  id: string,
  kind: string,
): Promise<{ id: string } | undefined> {
  const [d] = await db
    .select({ id: legalDocument.id })
    .from(legalDocument)
    .innerJoin(admission, eq(admission.id, legalDocument.admissionId))
    .where(and(eq(legalDocument.id, id), eq(admission.personId, personId), eq(legalDocument.kind, kind)));
  return d;
}

export async function findCharges(db: Tx, admissionIds: string[]): Promise<ChargeRow[]> {
  if (!admissionIds.length) return [];
  return db.select().from(charge).where(inArray(charge.admissionId, admissionIds)).orderBy(asc(charge.createdAt));
}

/** The charges of some admissions as a person's label needs them (person-label.ts), by admission, oldest first. */
export async function chargesForLabels(db: Tx, admissionIds: readonly string[]): Promise<Map<string, LabelCharge[]>> {
  const out = new Map<string, LabelCharge[]>();
  if (!admissionIds.length) return out;
  const rows = await db
    .select({
      admissionId: charge.admissionId,
      qualification: charge.qualification,
      terrorismRelated: charge.terrorismRelated,
      category: charge.category,
    })
    .from(charge)
    .where(inArray(charge.admissionId, [...new Set(admissionIds)]))
    .orderBy(asc(charge.createdAt));
  for (const { admissionId, ...c } of rows) {
    const list = out.get(admissionId) ?? [];
    list.push(c);
    out.set(admissionId, list);
  }
  return out;
}

export async function findPlacements(db: Tx, admissionIds: string[]): Promise<PlacementRow[]> {
  if (!admissionIds.length) return [];
  return db.select().from(placement).where(inArray(placement.admissionId, admissionIds)).orderBy(asc(placement.fromAt));
}

export async function findOpenPlacement(db: Tx, admissionId: string): Promise<PlacementRow | undefined> {
  const [p] = await db
    .select()
    .from(placement)
    .where(and(eq(placement.admissionId, admissionId), isNull(placement.toAt)));
  return p;
}

/** The open placement (where they sleep now) of each of some admissions. */
export async function findOpenPlacements(db: Tx, admissionIds: readonly string[]): Promise<PlacementRow[]> {
  if (!admissionIds.length) return [];
  return db
    .select()
    .from(placement)
    .where(and(inArray(placement.admissionId, [...admissionIds]), isNull(placement.toAt)));
}

export async function closePlacement(db: Tx, id: string, at: Date) {
  await db.update(placement).set({ toAt: at }).where(eq(placement.id, id));
}

export async function updateAdmissionRow(db: Tx, id: string, patch: Partial<typeof admission.$inferInsert>) {
  await db
    .update(admission)
    .set({ ...patch, version: sql`${admission.version} + 1` })
    .where(eq(admission.id, id));
}

export type PopulationRow = {
  admission_id: string;
  person_id: string;
  committal_number: string;
  family_name: string;
  given_names: string;
  sex: string;
  admitted_at: Date;
  legal_status: string;
  unit_code: string | null;
  cell_code: string | null;
  charges: string[];
  /** A felony among the charges: committed for trial, the person is "accusé(e)" (labels.ts). */
  felony: boolean;
};

/** One page of the people held in a prison at instant `at` (now when null), newest admissions first. */
export async function populationPage(
  db: Tx,
  prisonId: string,
  at: Date | null,
  limit: number,
  offset: number,
): Promise<{ total: number; rows: PopulationRow[] }> {
  const when = at ?? null;
  const heldAt = when
    ? sql`a.admitted_at < ${when} AND (a.ended_at IS NULL OR a.ended_at >= ${when})`
    : sql`a.ended_at IS NULL`;
  const placementAt = when
    ? sql`pl.from_at < ${when} AND (pl.to_at IS NULL OR pl.to_at >= ${when})`
    : sql`pl.to_at IS NULL`;
  const [count, page] = await Promise.all([
    db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM admission a WHERE a.prison_id = ${prisonId} AND ${heldAt}`,
    ),
    // The page of admissions is cut first (from the index), then joined: the joins run for 50 rows,
    // not for every row the OFFSET skips.
    db.execute<PopulationRow>(sql`
      WITH page AS (
        SELECT a.id, a.person_id, a.committal_number, a.admitted_at, a.legal_status FROM admission a
        WHERE a.prison_id = ${prisonId} AND ${heldAt}
        ORDER BY a.admitted_at DESC, a.id DESC
        LIMIT ${limit} OFFSET ${offset})
      SELECT a.id AS admission_id, a.person_id, a.committal_number, p.family_name, p.given_names, p.sex,
             a.admitted_at, a.legal_status, u.code AS unit_code, c.code AS cell_code,
             coalesce((SELECT array_agg(ch.qualification ORDER BY ch.created_at) FROM charge ch WHERE ch.admission_id = a.id),
               '{}') AS charges,
             EXISTS (SELECT 1 FROM charge ch WHERE ch.admission_id = a.id AND ch.category = 'felony') AS felony
      FROM page a
      JOIN person p ON p.id = a.person_id
      LEFT JOIN placement pl ON pl.admission_id = a.id AND ${placementAt}
      LEFT JOIN cell c ON c.id = pl.cell_id
      LEFT JOIN unit u ON u.id = coalesce(pl.unit_id, c.unit_id)
      ORDER BY a.admitted_at DESC, a.id DESC`),
  ]);
  return { total: count.rows[0].n, rows: page.rows.map((r) => ({ ...r, admitted_at: new Date(r.admitted_at) })) };
}

export type SearchRow = {
  person_id: string;
  family_name: string;
  given_names: string;
  sex: string;
  nina: string | null;
  birth_precision: string;
  birth_date: string | null;
  committal_number: string | null;
  prison_id: string | null;
  held: boolean;
};

/**
 * Find people by committal number, NINA or name (trigram similarity, accents ignored), among the
 * files visible from `prisonIds` (all when undefined).
 */
export async function searchPeople(
  db: Tx,
  q: string,
  prisonIds: readonly string[] | undefined,
  limit: number,
): Promise<SearchRow[]> {
  const scope = prisonIds
    ? sql`AND (p.registered_prison_id = ANY(${sql.param([...prisonIds])}::uuid[])
      OR EXISTS (SELECT 1 FROM admission sa WHERE sa.person_id = p.id AND sa.prison_id = ANY(${sql.param([...prisonIds])}::uuid[])))`
    : sql``;
  const term = q.trim();
  const upper = term.toUpperCase().replace(/\s/g, '');
  const r = await db.execute<SearchRow>(sql`
    WITH hits AS (
      SELECT a.person_id, 3.0 AS rank FROM admission a WHERE a.committal_number = ${term.toUpperCase()}
      UNION ALL SELECT p.id, 3.0 FROM person p WHERE p.nina = ${upper}
      UNION ALL SELECT p.id, similarity(lower(p.family_name || ' ' || p.given_names), lower(${term}))
        FROM person p WHERE lower(p.family_name || ' ' || p.given_names) % lower(${term})
           OR lower(p.family_name || ' ' || p.given_names) LIKE '%' || lower(${term}) || '%'
      UNION ALL SELECT n.person_id, similarity(lower(n.family_name || ' ' || n.given_names), lower(${term})) - 0.05
        FROM person_name n WHERE lower(n.family_name || ' ' || n.given_names) % lower(${term})
    ), best AS (SELECT person_id, max(rank) AS rank FROM hits GROUP BY person_id)
    SELECT p.id AS person_id, p.family_name, p.given_names, p.sex, p.nina, p.birth_precision, p.birth_date,
           la.committal_number, la.prison_id, (la.ended_at IS NULL AND la.id IS NOT NULL) AS held
    FROM best b JOIN person p ON p.id = b.person_id
    LEFT JOIN LATERAL (SELECT * FROM admission a WHERE a.person_id = p.id ORDER BY a.admitted_at DESC LIMIT 1) la ON true
    WHERE p.merged_into_id IS NULL ${scope}
    ORDER BY b.rank DESC, p.family_name, p.given_names
    LIMIT ${limit}`);
  return r.rows;
}

// ----------------------------------------------------------------------------------------------
// For the count and the daily state (movements module): who is held, where, and the day's ins and outs.

export type HeldRow = {
  admission_id: string;
  person_id: string;
  committal_number: string;
  family_name: string;
  given_names: string;
  legal_status: string;
  unit_id: string | null;
  cell_id: string | null;
};

/** Everyone held in a prison at an instant (null: now), with the unit and cell of their placement then. */
export async function heldAt(db: Tx, prisonId: string, at: Date | null): Promise<HeldRow[]> {
  const heldWhen = at
    ? sql`a.admitted_at < ${at} AND (a.ended_at IS NULL OR a.ended_at >= ${at})`
    : sql`a.ended_at IS NULL`;
  const placementWhen = at
    ? sql`pl.from_at < ${at} AND (pl.to_at IS NULL OR pl.to_at >= ${at})`
    : sql`pl.to_at IS NULL`;
  const r = await db.execute<HeldRow>(sql`
    SELECT a.id AS admission_id, a.person_id, a.committal_number, p.family_name, p.given_names, a.legal_status,
           coalesce(pl.unit_id, c.unit_id) AS unit_id, pl.cell_id
    FROM admission a
    JOIN person p ON p.id = a.person_id
    LEFT JOIN LATERAL (SELECT * FROM placement pl WHERE pl.admission_id = a.id AND ${placementWhen}
                       ORDER BY pl.from_at DESC LIMIT 1) pl ON true
    LEFT JOIN cell c ON c.id = pl.cell_id
    WHERE a.prison_id = ${prisonId} AND ${heldWhen}
    ORDER BY p.family_name, p.given_names, a.id`);
  return r.rows;
}

/** How many people each prison held at an instant, by legal status. */
export async function populationByStatus(
  db: Tx,
  prisonIds: readonly string[],
  at: Date,
): Promise<{ prison_id: string; legal_status: string; n: number }[]> {
  if (!prisonIds.length) return [];
  const r = await db.execute<{ prison_id: string; legal_status: string; n: number }>(sql`
    SELECT a.prison_id, a.legal_status, count(*)::int AS n FROM admission a
    WHERE a.prison_id IN (${sql.join(
      prisonIds.map((id) => sql`${id}`),
      sql`, `,
    )}) AND a.admitted_at < ${at} AND (a.ended_at IS NULL OR a.ended_at >= ${at})
    GROUP BY a.prison_id, a.legal_status`);
  return r.rows;
}

/**
 * The admissions begun and ended in [from, to) in these prisons. An arrival is a transfer when the
 * person's admission before it ended by a transfer; an end carries its reason.
 */
export async function admissionsBegunAndEnded(
  db: Tx,
  prisonIds: readonly string[],
  from: Date,
  to: Date,
): Promise<{
  arrivals: { prison_id: string; admission_id: string; transfer: boolean }[];
  ends: { prison_id: string; admission_id: string; reason: string }[];
}> {
  if (!prisonIds.length) return { arrivals: [], ends: [] };
  const ids = sql.join(
    prisonIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const [arrivals, ends] = await Promise.all([
    db.execute<{ prison_id: string; admission_id: string; transfer: boolean }>(sql`
      SELECT a.prison_id, a.id AS admission_id,
             coalesce((SELECT b.end_reason = 'transfer' FROM admission b
                       WHERE b.person_id = a.person_id AND b.id <> a.id AND b.ended_at IS NOT NULL
                         AND b.ended_at <= a.admitted_at
                       ORDER BY b.ended_at DESC LIMIT 1), false) AS transfer
      FROM admission a
      WHERE a.prison_id IN (${ids}) AND a.admitted_at >= ${from} AND a.admitted_at < ${to}`),
    db.execute<{ prison_id: string; admission_id: string; reason: string }>(sql`
      SELECT a.prison_id, a.id AS admission_id, a.end_reason AS reason FROM admission a
      WHERE a.prison_id IN (${ids}) AND a.ended_at >= ${from} AND a.ended_at < ${to}`),
  ]);
  return { arrivals: arrivals.rows, ends: ends.rows };
}

/** Who each admission is: person, names and committal number (escort lists, whatever the admission's state). */
export async function admissionPeople(
  db: Tx,
  admissionIds: readonly string[],
): Promise<
  { admission_id: string; person_id: string; family_name: string; given_names: string; committal_number: string }[]
> {
  if (!admissionIds.length) return [];
  const r = await db.execute<{
    admission_id: string;
    person_id: string;
    family_name: string;
    given_names: string;
    committal_number: string;
  }>(sql`
    SELECT a.id AS admission_id, a.person_id, p.family_name, p.given_names, a.committal_number
    FROM admission a JOIN person p ON p.id = a.person_id
    WHERE a.id IN (${sql.join(
      admissionIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return r.rows;
}

/** Admissions to a prison at or after `since` (the home page: arrivals since the start of the Bamako day). */
export async function arrivalsSince(db: Tx, prisonId: string, since: Date): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(admission)
    .where(and(eq(admission.prisonId, prisonId), gte(admission.admittedAt, since)));
  return r.n;
}
