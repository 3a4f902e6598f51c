/** Security levels, keep-apart records, high-risk policy, and cell allocation through the check. */
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { type Actor, authorize, can, inScope } from '../../core/access.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { mayRead } from '../../core/confidentiality.js';
import { recordAccess, recordChange } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import { bamakoDate } from '../../core/dates.js';
import type { Db, Tx } from '../../db/index.js';
import { isUntried, type LegalStatus } from '../custody/rules.js';
import * as custodyRepo from '../custody/repository.js';
import { placeInCell } from '../custody/service.js';
import * as estateRepo from '../estate/repository.js';
import { getPrison } from '../estate/service.js';
import { assertMayRead } from '../sharing/service.js';
import { ageOn, type BirthStored } from '../people/rules.js';
import './messages.js';
import { checkAllocation, type HighRiskPolicy, type Level, type Occupant, type RefusalReason } from './rules.js';
import { housingPolicy, keepApart, securityLevel } from './schema.js';

async function visibleAdmission(tx: Tx, actor: Actor, id: string) {
  const a = await custodyRepo.findAdmission(tx, id, true);
  if (!a) throw notFound();
  if (!inScope(actor, a.prisonId)) throw new AppError(403, 'error.out_of_scope');
  return a;
}

export async function decideLevel(db: Db, actor: Actor, admissionId: string, input: { level: Level; reasons: string; trigger: 'initial' | 'periodic' | 'incident' | 'new_title' | 'programme' | 'override'; next_review_on?: string | null }) {
  return db.transaction(async (tx) => {
    const a = await visibleAdmission(tx, actor, admissionId);
    authorize(actor, input.trigger === 'override' ? 'classification.override' : 'classification.decide', a.prisonId);
    if (a.endedAt) throw invalid([{ field: '/level', key: 'housing.not_held' }]);
    const id = newId();
    await tx.insert(securityLevel).values({ id, prisonId: a.prisonId, admissionId: a.id, personId: a.personId, level: input.level, reasons: input.reasons, trigger: input.trigger, decidedBy: actor.userId, nextReviewOn: input.next_review_on ?? null });
    await recordChange(tx, actor, { entity: 'security_level', entityId: id, personId: a.personId, prisonId: a.prisonId, action: input.trigger, reason: input.reasons, after: { level: input.level, next_review_on: input.next_review_on ?? null } });
    return { id, admission_id: a.id, level: input.level, trigger: input.trigger, decided_by: actor.username };
  });
}

/**
 * The security levels of an admission. The reasons are security intelligence: given only to holders
 * of intelligence.read, and that read is audited; others get the level and `withheld`.
 */
export async function levelHistory(db: Db, actor: Actor, admissionId: string) {
  authorize(actor, 'classification.read');
  const a = await custodyRepo.findAdmission(db, admissionId);
  if (!a) throw notFound();
  await assertMayRead(db, actor, a.personId, a.prisonId, 'classification');
  const rows = await db.select().from(securityLevel).where(eq(securityLevel.admissionId, a.id)).orderBy(desc(securityLevel.decidedAt));
  const reasons = mayRead(actor, 'intelligence');
  if (reasons && rows.length) await recordAccess(db, actor, { category: 'intelligence', action: 'read', entity: 'security_level', entityId: a.id, personId: a.personId, prisonId: a.prisonId, detail: { decisions: rows.map((r) => r.id) } });
  return rows.map((r) => ({ id: r.id, level: r.level, reasons: reasons ? r.reasons : null, trigger: r.trigger, decided_by: r.decidedBy, decided_at: r.decidedAt.toISOString(), next_review_on: r.nextReviewOn, withheld: reasons ? [] : ['intelligence' as const] }));
}

export async function addKeepApart(db: Db, actor: Actor, input: { prison: string; person_a: string; person_b: string; reason: string; source: string; review_on?: string | null }) {
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, input.prison);
    authorize(actor, 'intelligence.write', p.id);
    if (input.person_a === input.person_b) throw invalid([{ field: '/person_b', key: 'housing.same_person' }]);
    const id = newId();
    await tx.insert(keepApart).values({ id, prisonId: p.id, personA: input.person_a, personB: input.person_b, reason: input.reason, source: input.source, reviewOn: input.review_on ?? null, createdBy: actor.userId });
    await recordAccess(tx, actor, { category: 'intelligence', action: 'write', entity: 'keep_apart', entityId: id, prisonId: p.id, detail: { person_a: input.person_a, person_b: input.person_b } });
    return { id };
  });
}

export async function listKeepApart(db: Db, actor: Actor, prison: string) {
  const p = await getPrison(db, actor, prison);
  authorize(actor, 'intelligence.read', p.id);
  const rows = await db.select().from(keepApart).where(and(eq(keepApart.prisonId, p.id), isNull(keepApart.endedAt)));
  await recordAccess(db, actor, { category: 'intelligence', action: 'list', entity: 'keep_apart', prisonId: p.id, detail: { count: rows.length } });
  return rows.map((r) => ({ id: r.id, person_a: r.personA, person_b: r.personB, reason: r.reason, source: r.source, review_on: r.reviewOn, created_at: r.createdAt.toISOString() }));
}

export async function setPolicy(db: Db, actor: Actor, prison: string, input: { high_risk_policy: HighRiskPolicy; high_risk_unit_id?: string | null; reason: string }) {
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, prison);
    authorize(actor, 'housing.override', p.id);
    if (input.high_risk_policy === 'concentrate') {
      const u = input.high_risk_unit_id ? await estateRepo.findUnit(tx, input.high_risk_unit_id) : undefined;
      if (!u || u.prisonId !== p.id) throw invalid([{ field: '/high_risk_unit_id', key: 'housing.unit_required' }]);
    }
    const row = { prisonId: p.id, highRiskPolicy: input.high_risk_policy, highRiskUnitId: input.high_risk_policy === 'concentrate' ? input.high_risk_unit_id! : null, updatedBy: actor.userId, updatedAt: new Date() };
    await tx.insert(housingPolicy).values(row).onConflictDoUpdate({ target: housingPolicy.prisonId, set: row });
    await recordChange(tx, actor, { entity: 'housing_policy', entityId: p.id, prisonId: p.id, action: 'update', reason: input.reason, after: input });
    return { prison_id: p.id, high_risk_policy: row.highRiskPolicy, high_risk_unit_id: row.highRiskUnitId };
  });
}

async function occupantOf(tx: Tx, admission: custodyRepo.AdmissionRow, today: string): Promise<Occupant> {
  const r = await tx.execute<{ sex: 'male' | 'female'; birth_precision: string; birth_date: string | null; birth_estimated_age: number | null; birth_estimated_on: string | null; level: Level | null }>(sql`
    SELECT p.sex, p.birth_precision, p.birth_date, p.birth_estimated_age, p.birth_estimated_on,
           (SELECT s.level FROM security_level s WHERE s.admission_id = ${admission.id} ORDER BY s.decided_at DESC LIMIT 1) AS level
    FROM person p WHERE p.id = ${admission.personId}`);
  const x = r.rows[0]!;
  const age = ageOn({ birthPrecision: x.birth_precision as BirthStored['birthPrecision'], birthDate: x.birth_date, birthEstimatedAge: x.birth_estimated_age, birthEstimatedOn: x.birth_estimated_on }, today);
  return { personId: admission.personId, sex: x.sex, untried: isUntried(admission.legalStatus as LegalStatus), minor: age === null ? null : age.max < 18 ? true : age.min >= 18 ? false : null, level: x.level };
}

/**
 * Put a detainee in a cell through the allocation check. Refused with every reason (422), unless
 * a director overrides with a reason; the override and the reasons it overrode are in the history.
 */
export async function allocate(db: Db, actor: Actor, admissionId: string, input: { cell_id: string; reason: string; override_reason?: string | null }) {
  return db.transaction(async (tx) => {
    const a = await visibleAdmission(tx, actor, admissionId);
    authorize(actor, 'housing.move', a.prisonId);
    if (a.endedAt) throw invalid([{ field: '/cell_id', key: 'housing.not_held' }]);
    const cell = await estateRepo.findCell(tx, input.cell_id);
    if (!cell || cell.prisonId !== a.prisonId) throw invalid([{ field: '/cell_id', key: 'custody.cell_unknown' }]);
    const today = bamakoDate();
    const occRows = await tx.execute<{ admission_id: string }>(sql`SELECT admission_id FROM placement WHERE cell_id = ${cell.id} AND to_at IS NULL`);
    const occupants: Occupant[] = [];
    for (const o of occRows.rows) occupants.push(await occupantOf(tx, (await custodyRepo.findAdmission(tx, o.admission_id))!, today));
    const person = await occupantOf(tx, a, today);
    const apart = await tx.select().from(keepApart).where(and(isNull(keepApart.endedAt), or(eq(keepApart.personA, a.personId), eq(keepApart.personB, a.personId))));
    const keep = new Set(apart.map((k) => (k.personA === a.personId ? k.personB : k.personA)));
    const [pol] = await tx.select().from(housingPolicy).where(eq(housingPolicy.prisonId, a.prisonId));
    const reasons = checkAllocation({ person, cell: { id: cell.id, unitId: cell.unitId, capacity: cell.capacity, occupants }, keepApart: keep, policy: { highRisk: (pol?.highRiskPolicy ?? 'mixed') as HighRiskPolicy, unitId: pol?.highRiskUnitId ?? null } });
    const override = input.override_reason?.trim();
    if (reasons.length && !override) {
      throw invalid(reasons.map((r) => ({ field: '/cell_id', key: `housing.refused.${r.code}`, params: (r.code === 'capacity' ? { population: r.population, capacity: r.capacity } : {}) as Record<string, number> })));
    }
    if (reasons.length) authorize(actor, 'housing.override', a.prisonId);
    await placeInCell(tx, actor, a, { cell_id: cell.id, reason: input.reason, over_capacity_reason: reasons.some((r) => r.code === 'capacity') ? override : null });
    if (reasons.length) await recordChange(tx, actor, { entity: 'placement', entityId: a.id, personId: a.personId, prisonId: a.prisonId, action: 'allocation_override', reason: override, after: { cell_id: cell.id, overridden: reasons.map((r) => r.code) } });
    return { admission_id: a.id, cell_id: cell.id, overridden: reasons.map((r: RefusalReason) => r.code) };
  });
}

export const canAllocate = (actor: Actor) => can(actor, 'housing.move');
