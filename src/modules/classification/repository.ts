/** Queries of classification, assessment and cell leaders. Authorization is the service's job. */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';
import type { LabelStatus } from '../custody/index.js';
import {
  assessment,
  assessmentInstrument,
  assessmentInstrumentVersion,
  cellLeader,
  cellLeaderRequest,
  classificationBasis,
  classificationSettings,
  regimeAdjustment,
  reviewEvent,
} from './schema.js';

export type InstrumentRow = typeof assessmentInstrument.$inferSelect;
export type VersionRow = typeof assessmentInstrumentVersion.$inferSelect;
export type AssessmentRow = typeof assessment.$inferSelect;

export async function findInstrumentByCode(db: Tx, code: string): Promise<InstrumentRow | undefined> {
  const [r] = await db.select().from(assessmentInstrument).where(eq(assessmentInstrument.code, code));
  return r;
}

export async function listInstruments(db: Tx) {
  const r = await db.execute<{
    id: string;
    code: string;
    kind: string;
    retired_at: Date | null;
    latest: number;
    published_at: Date;
  }>(sql`
    SELECT i.id, i.code, i.kind, i.retired_at, v.version AS latest, v.published_at
    FROM assessment_instrument i
    JOIN LATERAL (SELECT version, published_at FROM assessment_instrument_version WHERE instrument_id = i.id ORDER BY version DESC LIMIT 1)
      v ON true
    ORDER BY i.code`);
  return r.rows;
}

export async function findVersion(db: Tx, instrumentId: string, version?: number): Promise<VersionRow | undefined> {
  const q = db.select().from(assessmentInstrumentVersion);
  const [r] =
    version === undefined
      ? await q
          .where(eq(assessmentInstrumentVersion.instrumentId, instrumentId))
          .orderBy(desc(assessmentInstrumentVersion.version))
          .limit(1)
      : await q.where(
          and(
            eq(assessmentInstrumentVersion.instrumentId, instrumentId),
            eq(assessmentInstrumentVersion.version, version),
          ),
        );
  return r;
}

export async function findVersionById(db: Tx, id: string): Promise<VersionRow | undefined> {
  const [r] = await db.select().from(assessmentInstrumentVersion).where(eq(assessmentInstrumentVersion.id, id));
  return r;
}

export async function findAssessment(db: Tx, id: string, forUpdate = false): Promise<AssessmentRow | undefined> {
  const q = db.select().from(assessment).where(eq(assessment.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

/** The latest completed assessment of a person with an instrument (any version), if any. */
export async function latestCompleted(
  db: Tx,
  personId: string,
  instrumentId: string,
  before?: Date,
): Promise<AssessmentRow | undefined> {
  const r = await db.execute<{ id: string }>(sql`
    SELECT a.id FROM assessment a JOIN assessment_instrument_version v ON v.id = a.instrument_version_id
    WHERE a.person_id = ${personId} AND v.instrument_id = ${instrumentId} AND a.status = 'complete'
      ${before ? sql`AND a.completed_at < ${before}` : sql``}
    ORDER BY a.completed_at DESC LIMIT 1`);
  return r.rows[0] ? findAssessment(db, r.rows[0].id) : undefined;
}

export async function assessmentsOfPerson(db: Tx, personId: string) {
  const r = await db.execute<{
    id: string;
    prison_id: string;
    admission_id: string;
    status: string;
    judgement: string | null;
    code: string;
    version: number;
    assessor: string;
    started_at: Date;
    completed_at: Date | null;
  }>(sql`
    SELECT a.id, a.prison_id, a.admission_id, a.status, a.judgement, i.code, v.version, u.username AS assessor, a.started_at, a.completed_at
    FROM assessment a JOIN assessment_instrument_version v ON v.id = a.instrument_version_id
    JOIN assessment_instrument i ON i.id = v.instrument_id JOIN app_user u ON u.id = a.assessor_id
    WHERE a.person_id = ${personId} ORDER BY a.started_at DESC`);
  return r.rows;
}

export async function findSettings(db: Tx, prisonId: string) {
  const [r] = await db.select().from(classificationSettings).where(eq(classificationSettings.prisonId, prisonId));
  return r;
}

/** Security level decisions of an admission, latest first, with what they rest on. */
export async function levelDecisions(db: Tx, admissionId: string) {
  const r = await db.execute<{
    id: string;
    level: string;
    reasons: string;
    trigger: string;
    decided_by: string;
    decided_at: Date;
    next_review_on: string | null;
    assessment_id: string | null;
    indicated_level: string | null;
    override: boolean | null;
    override_justification: string | null;
  }>(sql`
    SELECT s.id, s.level, s.reasons, s.trigger, u.username AS decided_by, s.decided_at, s.next_review_on,
           b.assessment_id, b.indicated_level, b.override, b.override_justification
    FROM security_level s JOIN app_user u ON u.id = s.decided_by
    LEFT JOIN classification_basis b ON b.security_level_id = s.id
    WHERE s.admission_id = ${admissionId} ORDER BY s.decided_at DESC`);
  return r.rows;
}

export async function eventsOf(db: Tx, admissionIds: readonly string[]) {
  if (!admissionIds.length) return [];
  return db
    .select()
    .from(reviewEvent)
    .where(inArray(reviewEvent.admissionId, [...admissionIds]))
    .orderBy(reviewEvent.occurredOn);
}

export async function adjustmentsOf(db: Tx, admissionId: string) {
  return db
    .select()
    .from(regimeAdjustment)
    .where(eq(regimeAdjustment.admissionId, admissionId))
    .orderBy(regimeAdjustment.decidedAt);
}

export type HeldRow = {
  admission_id: string;
  person_id: string;
  committal_number: string;
  name: string;
  sex: 'male' | 'female';
  legal_status: LabelStatus;
  admitted_on: string;
  level: string | null;
  decided_on: string | null;
  next_review_on: string | null;
};

/** People held in a prison, with their latest security level. */
export async function heldWithLevel(db: Tx, prisonId: string): Promise<HeldRow[]> {
  const r = await db.execute<HeldRow>(sql`
    SELECT a.id AS admission_id, a.person_id, a.committal_number, p.family_name || ' ' || p.given_names AS name, p.sex, a.legal_status,
           (a.admitted_at AT TIME ZONE 'Africa/Bamako')::date::text AS admitted_on,
           s.level, (s.decided_at AT TIME ZONE 'Africa/Bamako')::date::text AS decided_on, s.next_review_on
    FROM admission a JOIN person p ON p.id = a.person_id
    LEFT JOIN LATERAL (SELECT level, decided_at, next_review_on FROM security_level WHERE admission_id = a.id ORDER BY decided_at DESC
      LIMIT 1) s ON true
    WHERE a.prison_id = ${prisonId} AND a.ended_at IS NULL`);
  return r.rows;
}

/** Where an admission has been, oldest first. */
export async function movesOf(db: Tx, admissionId: string) {
  const r = await db.execute<{
    id: string;
    cell_id: string | null;
    cell_code: string | null;
    unit_code: string | null;
    from_at: Date;
    to_at: Date | null;
    reason: string | null;
    over_capacity_reason: string | null;
    by: string;
  }>(sql`
    SELECT pl.id, pl.cell_id, c.code AS cell_code, u.code AS unit_code, pl.from_at, pl.to_at, pl.reason, pl.over_capacity_reason,
      au.username AS by
    FROM placement pl LEFT JOIN cell c ON c.id = pl.cell_id LEFT JOIN unit u ON u.id = pl.unit_id JOIN app_user au ON au.id = pl.created_by
    WHERE pl.admission_id = ${admissionId} ORDER BY pl.from_at, pl.created_at`);
  return r.rows;
}

/** Everyone who has been in a cell, current occupants first. */
export async function occupantsOf(db: Tx, cellId: string) {
  const r = await db.execute<{
    admission_id: string;
    person_id: string;
    committal_number: string;
    name: string;
    sex: 'male' | 'female';
    legal_status: LabelStatus;
    from_at: Date;
    to_at: Date | null;
  }>(sql`
    SELECT pl.admission_id, a.person_id, a.committal_number, p.family_name || ' ' || p.given_names AS name, p.sex, a.legal_status,
      pl.from_at, pl.to_at
    FROM placement pl JOIN admission a ON a.id = pl.admission_id JOIN person p ON p.id = a.person_id
    WHERE pl.cell_id = ${cellId} ORDER BY (pl.to_at IS NULL) DESC, pl.from_at DESC LIMIT 1000`);
  return r.rows;
}

export async function openPlacementCell(db: Tx, admissionId: string): Promise<string | null> {
  const r = await db.execute<{ cell_id: string | null }>(
    sql`SELECT cell_id FROM placement WHERE admission_id = ${admissionId} AND to_at IS NULL`,
  );
  return r.rows[0]?.cell_id ?? null;
}

export async function currentLeader(db: Tx, cellId: string, forUpdate = false) {
  const q = db
    .select()
    .from(cellLeader)
    .where(and(eq(cellLeader.cellId, cellId), isNull(cellLeader.until)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function leadersOf(db: Tx, cellId: string) {
  const r = await db.execute<{
    id: string;
    admission_id: string;
    person_id: string;
    name: string;
    how: string;
    since: string;
    until: string | null;
    end_reason: string | null;
    recorded_by: string;
  }>(sql`
    SELECT l.id, l.admission_id, l.person_id, p.family_name || ' ' || p.given_names AS name, l.how, l.since, l.until, l.end_reason,
      u.username AS recorded_by
    FROM cell_leader l JOIN person p ON p.id = l.person_id JOIN app_user u ON u.id = l.recorded_by
    WHERE l.cell_id = ${cellId} ORDER BY (l.until IS NULL) DESC, l.since DESC`);
  return r.rows;
}

export async function requestsOf(db: Tx, cellId: string) {
  return db
    .select()
    .from(cellLeaderRequest)
    .where(eq(cellLeaderRequest.cellId, cellId))
    .orderBy(desc(cellLeaderRequest.raisedOn), desc(cellLeaderRequest.recordedAt));
}

export {
  assessment,
  assessmentInstrument,
  assessmentInstrumentVersion,
  cellLeader,
  cellLeaderRequest,
  classificationBasis,
  classificationSettings,
  regimeAdjustment,
  reviewEvent,
};

/** Who an admission is, for page headings: name, sex, committal number, legal status, prison. */
export async function admissionHeading(db: Tx, admissionId: string) {
  const r = await db.execute<{
    admission_id: string;
    prison_id: string;
    person_id: string;
    name: string;
    sex: 'male' | 'female';
    committal_number: string;
    legal_status: LabelStatus;
    ended_at: Date | null;
    cell_id: string | null;
    cell_code: string | null;
  }>(sql`
    SELECT a.id AS admission_id, a.prison_id, a.person_id, p.family_name || ' ' || p.given_names AS name, p.sex, a.committal_number,
      a.legal_status, a.ended_at,
           pl.cell_id, c.code AS cell_code
    FROM admission a JOIN person p ON p.id = a.person_id
    LEFT JOIN placement pl ON pl.admission_id = a.id AND pl.to_at IS NULL LEFT JOIN cell c ON c.id = pl.cell_id
    WHERE a.id = ${admissionId}`);
  return r.rows[0];
}

/** The cells of a prison with their unit and current population. */
export async function cellsWithPopulation(db: Tx, prisonId: string) {
  const r = await db.execute<{
    id: string;
    code: string;
    unit_code: string;
    capacity: number | null;
    population: number;
  }>(sql`
    SELECT c.id, c.code, u.code AS unit_code, c.capacity,
           (SELECT count(*) FROM placement pl WHERE pl.cell_id = c.id AND pl.to_at IS NULL)::int AS population
    FROM cell c JOIN unit u ON u.id = c.unit_id WHERE c.prison_id = ${prisonId} AND c.closed_at IS NULL ORDER BY u.code, c.code`);
  return r.rows;
}
