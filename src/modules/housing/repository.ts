/** Queries of the placement rule, the breach report and the awaiting-allocation list. */
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';
import type { LegalStatus } from '../custody/index.js';
import { capacityDelegation, housingPolicy, keepApart } from './schema.js';
import type { AgeAssessmentFact } from '../people/index.js';
import type { HighRiskPolicy, Level } from './rules.js';

// The cells are estate's: read and locked (placements into one cell are serialised) through its front door.
export { findCell, lockCell, lockCells } from '../estate/index.js';

export type OccupantFactsRow = {
  admission_id: string;
  person_id: string;
  cell_id: string;
  legal_status: LegalStatus;
  sex: 'male' | 'female';
  level: Level | null;
  birth_precision: string;
  birth_date: string | null;
  birth_estimated_age: number | null;
  birth_estimated_on: string | null;
  assessments: { assessed_on: string; result: string; minimum_age: number | null; recorded_at: string }[] | null;
};

/**
 * The people in some cells now, with what the allocation check needs (sex, legal status, security
 * level, birth and age assessments), in one statement: the placement rule's reads for a whole
 * batch of placements (the register import). The same facts `cellOccupants` + `ageFactsOf` give.
 */
export async function cellsOccupantFacts(db: Tx, cellIds: readonly string[]): Promise<OccupantFactsRow[]> {
  if (!cellIds.length) return [];
  const r = await db.execute<OccupantFactsRow>(sql`
    SELECT pl.admission_id, a.person_id, pl.cell_id, a.legal_status, p.sex,
      (SELECT s.level FROM security_level s WHERE s.admission_id = a.id ORDER BY s.decided_at DESC LIMIT 1) AS level,
      p.birth_precision, p.birth_date::text AS birth_date, p.birth_estimated_age, p.birth_estimated_on::text AS birth_estimated_on,
      (SELECT json_agg(json_build_object('assessed_on', x.assessed_on, 'result', x.result, 'minimum_age', x.minimum_age, 'recorded_at',
        x.recorded_at))
         FROM age_assessment x WHERE x.person_id = p.id) AS assessments
    FROM placement pl JOIN admission a ON a.id = pl.admission_id JOIN person p ON p.id = a.person_id
    WHERE pl.cell_id = ANY(${sql.param([...cellIds])}::uuid[]) AND pl.to_at IS NULL`);
  return r.rows;
}

/**
 * What the allocation check needs of people about to be placed, by admission: sex, security level,
 * birth and age assessments (as `cellsOccupantFacts`), and whether the admission is in a cell now.
 */
export async function admissionsFacts(
  db: Tx,
  admissionIds: readonly string[],
): Promise<Map<string, Omit<OccupantFactsRow, 'cell_id'> & { placed: boolean }>> {
  if (!admissionIds.length) return new Map();
  const r = await db.execute<Omit<OccupantFactsRow, 'cell_id'> & { placed: boolean }>(sql`
    SELECT a.id AS admission_id, a.person_id, a.legal_status, p.sex,
      (SELECT s.level FROM security_level s WHERE s.admission_id = a.id ORDER BY s.decided_at DESC LIMIT 1) AS level,
      p.birth_precision, p.birth_date::text AS birth_date, p.birth_estimated_age, p.birth_estimated_on::text AS birth_estimated_on,
      (SELECT json_agg(json_build_object('assessed_on', x.assessed_on, 'result', x.result, 'minimum_age', x.minimum_age, 'recorded_at',
        x.recorded_at))
         FROM age_assessment x WHERE x.person_id = p.id) AS assessments,
      EXISTS (SELECT 1 FROM placement pl WHERE pl.admission_id = a.id AND pl.to_at IS NULL) AS placed
    FROM admission a JOIN person p ON p.id = a.person_id
    WHERE a.id = ANY(${sql.param([...admissionIds])}::uuid[])`);
  return new Map(r.rows.map((x) => [x.admission_id, x]));
}

/** The people each of some people must be kept apart from (active records; the set-based `keepApartOf`). */
export async function keepApartOfMany(db: Tx, personIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(personIds.map((id) => [id, new Set<string>()]));
  if (!personIds.length) return out;
  const ids = [...personIds];
  const rows = await db
    .select()
    .from(keepApart)
    .where(and(isNull(keepApart.endedAt), or(inArray(keepApart.personA, ids), inArray(keepApart.personB, ids))));
  for (const k of rows) {
    out.get(k.personA)?.add(k.personB);
    out.get(k.personB)?.add(k.personA);
  }
  return out;
}

export type OccupantRow = {
  admission_id: string;
  person_id: string;
  prison_id: string;
  legal_status: LegalStatus;
  sex: 'male' | 'female';
  level: Level | null;
  overridden: string[];
  override_reason: string | null;
  override_by: string | null;
  override_at: Date | null;
  cell_id: string;
  cell_code: string;
  unit_code: string;
  name: string;
  committal_number: string;
};

const OCCUPANT_COLUMNS = sql`pl.admission_id, a.person_id, a.prison_id, a.legal_status, p.sex,
  (SELECT s.level FROM security_level s WHERE s.admission_id = a.id ORDER BY s.decided_at DESC LIMIT 1) AS level,
  pl.overridden, pl.override_reason, ou.username AS override_by, CASE WHEN cardinality(pl.overridden) > 0 THEN pl.created_at END AS
    override_at,
  pl.cell_id, c.code AS cell_code, u.code AS unit_code, p.family_name || ' ' || p.given_names AS name, a.committal_number`;
const OCCUPANT_FROM = sql`placement pl JOIN admission a ON a.id = pl.admission_id JOIN person p ON p.id = a.person_id
  JOIN cell c ON c.id = pl.cell_id JOIN unit u ON u.id = c.unit_id LEFT JOIN app_user ou ON ou.id = pl.override_by`;

/** The people in a cell now (open placements), leaving out one admission (the person being placed). */
export async function cellOccupants(db: Tx, cellId: string, except: string | null): Promise<OccupantRow[]> {
  const r = await db.execute<OccupantRow>(sql`SELECT ${OCCUPANT_COLUMNS} FROM ${OCCUPANT_FROM}
    WHERE pl.cell_id = ${cellId} AND pl.to_at IS NULL ${except ? sql`AND pl.admission_id <> ${except}` : sql``}`);
  return r.rows;
}

export type PrisonOccupantRow = OccupantRow & {
  birth_precision: string;
  birth_date: string | null;
  birth_estimated_age: number | null;
  birth_estimated_on: string | null;
};

/**
 * Everyone in a cell of a prison now, with what the separation rules need (not the security level:
 * the high-risk policy is not a separation rule), for the breach report. One scan of the open
 * placements, no per-row subquery: Bamako's 4,000 in one round trip.
 */
export async function prisonOccupants(db: Tx, prisonId: string): Promise<PrisonOccupantRow[]> {
  const r = await db.execute<PrisonOccupantRow>(sql`
    SELECT pl.admission_id, a.person_id, a.prison_id, a.legal_status, p.sex, NULL AS level,
      pl.overridden, pl.override_reason, ou.username AS override_by, CASE
        WHEN cardinality(pl.overridden) > 0 THEN pl.created_at END AS override_at,
      pl.cell_id, c.code AS cell_code, u.code AS unit_code, p.family_name || ' ' || p.given_names AS name, a.committal_number,
      p.birth_precision, p.birth_date::text AS birth_date, p.birth_estimated_age, p.birth_estimated_on::text AS birth_estimated_on
    FROM ${OCCUPANT_FROM}
    WHERE pl.prison_id = ${prisonId} AND pl.to_at IS NULL AND pl.cell_id IS NOT NULL AND a.ended_at IS NULL`);
  return r.rows;
}

/** The age assessments of everyone held in a prison now, by person. */
export async function prisonAgeAssessments(db: Tx, prisonId: string): Promise<Map<string, AgeAssessmentFact[]>> {
  const r = await db.execute<{
    person_id: string;
    assessed_on: string;
    result: string;
    minimum_age: number | null;
    recorded_at: Date;
  }>(sql`
    SELECT x.person_id, x.assessed_on::text AS assessed_on, x.result, x.minimum_age, x.recorded_at
    FROM age_assessment x JOIN admission a ON a.person_id = x.person_id
    WHERE a.prison_id = ${prisonId} AND a.ended_at IS NULL`);
  const out = new Map<string, AgeAssessmentFact[]>();
  for (const x of r.rows)
    out.set(x.person_id, [
      ...(out.get(x.person_id) ?? []),
      {
        assessedOn: x.assessed_on,
        result: x.result as AgeAssessmentFact['result'],
        minimumAge: x.minimum_age,
        recordedAt: new Date(x.recorded_at).toISOString(),
      },
    ]);
  return out;
}

/** The charges of everyone held in a prison now, for the presumption-of-innocence labels. */
export async function prisonCharges(
  db: Tx,
  prisonId: string,
): Promise<Map<string, { qualification: string; terrorismRelated: boolean; category: string }[]>> {
  const r = await db.execute<{
    admission_id: string;
    qualification: string;
    terrorism_related: boolean;
    category: string;
  }>(sql`
    SELECT ch.admission_id, ch.qualification, ch.terrorism_related, ch.category FROM charge ch JOIN admission a ON a.id = ch.admission_id
    WHERE a.prison_id = ${prisonId} AND a.ended_at IS NULL ORDER BY ch.created_at`);
  const out = new Map<string, { qualification: string; terrorismRelated: boolean; category: string }[]>();
  for (const c of r.rows)
    out.set(c.admission_id, [
      ...(out.get(c.admission_id) ?? []),
      { qualification: c.qualification, terrorismRelated: c.terrorism_related, category: c.category },
    ]);
  return out;
}

export async function levelOf(db: Tx, admissionId: string): Promise<Level | null> {
  const r = await db.execute<{ level: Level }>(
    sql`SELECT level FROM security_level WHERE admission_id = ${admissionId} ORDER BY decided_at DESC LIMIT 1`,
  );
  return r.rows[0]?.level ?? null;
}

/** The people a person must be kept apart from (active records). */
export async function keepApartOf(db: Tx, personId: string): Promise<Set<string>> {
  const rows = await db
    .select()
    .from(keepApart)
    .where(and(isNull(keepApart.endedAt), or(eq(keepApart.personA, personId), eq(keepApart.personB, personId))));
  return new Set(rows.map((k) => (k.personA === personId ? k.personB : k.personA)));
}

/** Active keep-apart pairs of a prison. */
export async function keepApartPairs(db: Tx, prisonId: string): Promise<[string, string][]> {
  const rows = await db
    .select({ a: keepApart.personA, b: keepApart.personB })
    .from(keepApart)
    .where(and(eq(keepApart.prisonId, prisonId), isNull(keepApart.endedAt)));
  return rows.map((r) => [r.a, r.b]);
}

export async function policyOf(db: Tx, prisonId: string): Promise<{ highRisk: HighRiskPolicy; unitId: string | null }> {
  const [p] = await db.select().from(housingPolicy).where(eq(housingPolicy.prisonId, prisonId));
  return { highRisk: (p?.highRiskPolicy ?? 'mixed') as HighRiskPolicy, unitId: p?.highRiskUnitId ?? null };
}

export async function activeDelegation(db: Tx, prisonId: string) {
  const [d] = await db
    .select()
    .from(capacityDelegation)
    .where(and(eq(capacityDelegation.prisonId, prisonId), isNull(capacityDelegation.endedAt)));
  return d;
}

export async function delegationHistory(db: Tx, prisonId: string) {
  const r = await db.execute<{
    id: string;
    reason: string;
    decided_by: string;
    decided_at: Date;
    ended_at: Date | null;
    ended_by: string | null;
    end_reason: string | null;
  }>(sql`
    SELECT d.id, d.reason, du.username AS decided_by, d.decided_at, d.ended_at, eu.username AS ended_by, d.end_reason
    FROM capacity_delegation d JOIN app_user du ON du.id = d.decided_by LEFT JOIN app_user eu ON eu.id = d.ended_by
    WHERE d.prison_id = ${prisonId} ORDER BY d.decided_at DESC`);
  return r.rows;
}

export type AwaitingRow = {
  admission_id: string;
  person_id: string;
  name: string;
  sex: 'male' | 'female';
  committal_number: string;
  legal_status: LegalStatus;
  admitted_at: Date;
};

/** People held in a prison and in no cell: awaiting allocation (oldest first). */
export async function awaitingAllocation(db: Tx, prisonId: string): Promise<AwaitingRow[]> {
  const r = await db.execute<AwaitingRow>(sql`
    SELECT a.id AS admission_id, a.person_id, p.family_name || ' ' || p.given_names AS name, p.sex, a.committal_number, a.legal_status,
      a.admitted_at
    FROM admission a JOIN person p ON p.id = a.person_id
    WHERE a.prison_id = ${prisonId} AND a.ended_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM placement pl WHERE pl.admission_id = a.id AND pl.to_at IS NULL AND pl.cell_id IS NOT NULL)
    ORDER BY a.admitted_at, a.committal_number LIMIT 1000`);
  return r.rows.map((x) => ({ ...x, admitted_at: new Date(x.admitted_at) }));
}
