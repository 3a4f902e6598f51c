/** Security levels, keep-apart records, high-risk policy, and cell allocation through the check. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type Actor, authorize, can } from '../../core/access.js';
import { invalid, notFound } from '../../core/errors.js';
import { mayRead } from '../../core/confidentiality.js';
import { recordAccess, recordChange } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import { bamakoDate } from '../../core/dates.js';
import type { Db, Tx } from '../../db/index.js';
import type { Lang } from '../../core/i18n.js';
import { ageReadingText, readingView, birthOf } from '../people/index.js';
import * as custodyRepo from '../custody/index.js';
import { personLabel } from '../custody/index.js';
import * as estateRepo from '../estate/index.js';
import { getPrison } from '../estate/index.js';
import { assertMayRead } from '../sharing/index.js';
import './messages.js';
import { placeInCell, withFacts } from './placement.js';
import * as repo from './repository.js';
import { type CellBreach, cellBreaches, type HighRiskPolicy, type Level, type SeparationRule } from './rules.js';
import { capacityDelegation as capacityDelegationTable, housingPolicy, keepApart, securityLevel } from './schema.js';

const visibleAdmission = (tx: Tx, actor: Actor, id: string) => custodyRepo.admissionInScope(tx, actor, id, true);

export async function decideLevel(
  db: Tx,
  actor: Actor,
  admissionId: string,
  input: {
    level: Level;
    reasons: string;
    trigger: 'initial' | 'periodic' | 'incident' | 'new_title' | 'programme' | 'override';
    next_review_on?: string | null;
  },
) {
  return db.transaction(async (tx) => {
    const a = await visibleAdmission(tx, actor, admissionId);
    authorize(actor, input.trigger === 'override' ? 'classification.override' : 'classification.decide', a.prisonId);
    if (a.endedAt) throw invalid([{ field: '/level', key: 'housing.not_held' }]);
    const id = newId();
    await tx.insert(securityLevel).values({
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      level: input.level,
      reasons: input.reasons,
      trigger: input.trigger,
      decidedBy: actor.userId,
      nextReviewOn: input.next_review_on ?? null,
    });
    await recordChange(tx, actor, {
      entity: 'security_level',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: input.trigger,
      reason: input.reasons,
      after: { level: input.level, next_review_on: input.next_review_on ?? null },
    });
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
  const rows = await db
    .select()
    .from(securityLevel)
    .where(eq(securityLevel.admissionId, a.id))
    .orderBy(desc(securityLevel.decidedAt));
  const reasons = mayRead(actor, 'intelligence');
  if (reasons && rows.length)
    await recordAccess(db, actor, {
      category: 'intelligence',
      action: 'read',
      entity: 'security_level',
      entityId: a.id,
      personId: a.personId,
      prisonId: a.prisonId,
      detail: { decisions: rows.map((r) => r.id) },
    });
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    reasons: reasons ? r.reasons : null,
    trigger: r.trigger,
    decided_by: r.decidedBy,
    decided_at: r.decidedAt.toISOString(),
    next_review_on: r.nextReviewOn,
    withheld: reasons ? [] : ['intelligence' as const],
  }));
}

export async function addKeepApart(
  db: Db,
  actor: Actor,
  input: {
    prison: string;
    person_a: string;
    person_b: string;
    reason: string;
    source: string;
    review_on?: string | null;
  },
) {
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, input.prison);
    authorize(actor, 'intelligence.write', p.id);
    if (input.person_a === input.person_b) throw invalid([{ field: '/person_b', key: 'housing.same_person' }]);
    const id = newId();
    await tx.insert(keepApart).values({
      id,
      prisonId: p.id,
      personA: input.person_a,
      personB: input.person_b,
      reason: input.reason,
      source: input.source,
      reviewOn: input.review_on ?? null,
      createdBy: actor.userId,
    });
    await recordAccess(tx, actor, {
      category: 'intelligence',
      action: 'write',
      entity: 'keep_apart',
      entityId: id,
      prisonId: p.id,
      detail: { person_a: input.person_a, person_b: input.person_b },
    });
    return { id };
  });
}

export async function listKeepApart(db: Db, actor: Actor, prison: string) {
  const p = await getPrison(db, actor, prison);
  authorize(actor, 'intelligence.read', p.id);
  const rows = await db
    .select()
    .from(keepApart)
    .where(and(eq(keepApart.prisonId, p.id), isNull(keepApart.endedAt)));
  await recordAccess(db, actor, {
    category: 'intelligence',
    action: 'list',
    entity: 'keep_apart',
    prisonId: p.id,
    detail: { count: rows.length },
  });
  return rows.map((r) => ({
    id: r.id,
    person_a: r.personA,
    person_b: r.personB,
    reason: r.reason,
    source: r.source,
    review_on: r.reviewOn,
    created_at: r.createdAt.toISOString(),
  }));
}

export async function setPolicy(
  db: Db,
  actor: Actor,
  prison: string,
  input: { high_risk_policy: HighRiskPolicy; high_risk_unit_id?: string | null; reason: string },
) {
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, prison);
    authorize(actor, 'housing.override', p.id);
    if (input.high_risk_policy === 'concentrate') {
      const u = input.high_risk_unit_id ? await estateRepo.findUnit(tx, input.high_risk_unit_id) : undefined;
      if (!u || u.prisonId !== p.id) throw invalid([{ field: '/high_risk_unit_id', key: 'housing.unit_required' }]);
    }
    const row = {
      prisonId: p.id,
      highRiskPolicy: input.high_risk_policy,
      highRiskUnitId: input.high_risk_policy === 'concentrate' ? input.high_risk_unit_id! : null,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    await tx.insert(housingPolicy).values(row).onConflictDoUpdate({ target: housingPolicy.prisonId, set: row });
    await recordChange(tx, actor, {
      entity: 'housing_policy',
      entityId: p.id,
      prisonId: p.id,
      action: 'update',
      reason: input.reason,
      after: input,
    });
    return { prison_id: p.id, high_risk_policy: row.highRiskPolicy, high_risk_unit_id: row.highRiskUnitId };
  });
}

/**
 * Put a detainee in a cell through the one placement rule (housing/placement.ts): refused with
 * every reason (422) unless a director overrides with a reason — or, for capacity only, an officer
 * gives a reason under the director's standing delegation; the placement row and the history keep
 * the rules overridden.
 */
export async function allocate(
  db: Db,
  actor: Actor,
  admissionId: string,
  input: { cell_id: string; reason: string; override_reason?: string | null; over_capacity_reason?: string | null },
) {
  return db.transaction(async (tx) => {
    const a = await visibleAdmission(tx, actor, admissionId);
    authorize(actor, 'housing.move', a.prisonId);
    const r = await placeInCell(tx, actor, a, {
      cell_id: input.cell_id,
      reason: input.reason,
      via: 'allocation',
      override_reason: input.override_reason,
      over_capacity_reason: input.over_capacity_reason,
    });
    return {
      admission_id: a.id,
      cell_id: r.cell_id,
      placement_id: r.placement_id,
      overridden: r.overridden,
      capacity_delegation_id: r.capacity_delegation_id,
    };
  });
}

export const canAllocate = (actor: Actor) => can(actor, 'housing.move');

// ---------------------------------------------------------------------------------------------
// The director's standing delegation to exceed capacity (capacity only; default: none)

export async function capacityDelegation(db: Db, actor: Actor, prison: string) {
  const p = await getPrison(db, actor, prison);
  authorize(actor, 'custody.read', p.id);
  const history = await repo.delegationHistory(db, p.id);
  const view = (d: (typeof history)[number]) => ({
    id: d.id,
    reason: d.reason,
    decided_by: d.decided_by,
    decided_at: new Date(d.decided_at).toISOString(),
    ended_at: d.ended_at ? new Date(d.ended_at).toISOString() : null,
    ended_by: d.ended_by,
    end_reason: d.end_reason,
  });
  const current = history.find((d) => !d.ended_at);
  return { prison_id: p.id, delegated: !!current, current: current ? view(current) : null, history: history.map(view) };
}

/**
 * The director records (or ends) the standing decision that lets placing officers exceed a cell's
 * capacity, each time with a reason of their own. Separation rules and keep-aparts are never delegated.
 */
export async function setCapacityDelegation(
  db: Db,
  actor: Actor,
  prison: string,
  input: { delegated: boolean; reason: string },
) {
  await db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, prison);
    authorize(actor, 'housing.override', p.id);
    const [cur] = await tx
      .select()
      .from(capacityDelegationTable)
      .where(and(eq(capacityDelegationTable.prisonId, p.id), isNull(capacityDelegationTable.endedAt)))
      .for('update');
    if (input.delegated === !!cur)
      throw invalid([
        { field: '/delegated', key: input.delegated ? 'housing.delegation.already' : 'housing.delegation.none' },
      ]);
    if (cur) {
      await tx
        .update(capacityDelegationTable)
        .set({ endedAt: new Date(), endedBy: actor.userId, endReason: input.reason })
        .where(eq(capacityDelegationTable.id, cur.id));
      await recordChange(tx, actor, {
        entity: 'capacity_delegation',
        entityId: cur.id,
        prisonId: p.id,
        action: 'end',
        reason: input.reason,
        before: { delegated: true },
        after: { delegated: false },
      });
    } else {
      const id = newId();
      await tx
        .insert(capacityDelegationTable)
        .values({ id, prisonId: p.id, reason: input.reason, decidedBy: actor.userId });
      await recordChange(tx, actor, {
        entity: 'capacity_delegation',
        entityId: id,
        prisonId: p.id,
        action: 'decide',
        reason: input.reason,
        before: { delegated: false },
        after: { delegated: true },
      });
    }
  });
  return capacityDelegation(db, actor, prison);
}

// ---------------------------------------------------------------------------------------------
// People awaiting allocation

export async function awaitingAllocation(db: Db, actor: Actor, prison: string, lang: Lang = actor.lang) {
  const p = await getPrison(db, actor, prison);
  authorize(actor, 'custody.read', p.id);
  const rows = await repo.awaitingAllocation(db, p.id);
  const charges = await custodyRepo.chargesForLabels(
    db,
    rows.map((r) => r.admission_id),
  );
  return rows.map((r) => ({
    admission_id: r.admission_id,
    person_id: r.person_id,
    name: r.name,
    committal_number: r.committal_number,
    admitted_at: r.admitted_at.toISOString(),
    label: personLabel(lang, { legalStatus: r.legal_status, charges: charges.get(r.admission_id) ?? [], sex: r.sex }),
  }));
}

// ---------------------------------------------------------------------------------------------
// The daily breach report

export interface BreachPerson {
  person_id: string;
  admission_id: string;
  name: string;
  committal_number: string;
  label: string;
  age: string | null;
}
export interface BreachItem {
  rule: SeparationRule;
  sides: [BreachPerson[], BreachPerson[]];
  overrides: { person_id: string; name: string; by: string | null; at: string | null; reason: string | null }[];
  covered: boolean;
}
export interface BreachCell {
  cell_id: string;
  cell_code: string;
  unit_code: string;
  population: number;
  breaches: BreachItem[];
}

/**
 * Every cell of a prison whose current occupants break a separation rule now (untried with
 * convicted, women with men, minors — read protectively — with adults, keep-apart records), with
 * the people concerned (named with the presumption-of-innocence label) and any director's override
 * that covers it. Computed live from the current placements, so a conviction, an age change or an
 * import shows at once. Keep-apart breaches are included for holders of intelligence.read, and
 * that read is audited.
 */
export async function breachReport(db: Db, actor: Actor, prison: string, lang: Lang = actor.lang) {
  const on = bamakoDate();
  const p = await getPrison(db, actor, prison);
  authorize(actor, 'custody.read', p.id);
  // Three scans of the prison's current population (occupants with their birth, age assessments,
  // charges): the report costs the same whatever the number of breaches.
  const [occ, assessed, charges] = [
    await repo.prisonOccupants(db, p.id),
    await repo.prisonAgeAssessments(db, p.id),
    await repo.prisonCharges(db, p.id),
  ];
  const rows = occ.map((r) =>
    withFacts(
      r,
      {
        birth: birthOf({
          birthPrecision: r.birth_precision,
          birthDate: r.birth_date,
          birthEstimatedAge: r.birth_estimated_age,
          birthEstimatedOn: r.birth_estimated_on,
        }),
        assessments: assessed.get(r.person_id) ?? [],
      },
      on,
    ),
  );
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  rows.sort((a, b) => cmp(a.unit_code, b.unit_code) || cmp(a.cell_code, b.cell_code) || cmp(a.name, b.name));
  const withIntel = can(actor, 'intelligence.read');
  const pairs = withIntel ? await repo.keepApartPairs(db, p.id) : [];
  const byCell = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byCell.get(r.cell_id);
    if (list) list.push(r);
    else byCell.set(r.cell_id, [r]);
  }
  const found: { cell: typeof rows; breaches: CellBreach[] }[] = [];
  for (const cellRows of byCell.values()) {
    const ids = new Set(cellRows.map((r) => r.person_id));
    const breaches = cellBreaches(
      cellRows.map((r) => ({ ...r.occupant, overridden: r.overridden })),
      pairs.filter(([a, b]) => ids.has(a) && ids.has(b)),
    );
    if (breaches.length) found.push({ cell: cellRows, breaches });
  }
  const cells: BreachCell[] = found.map(({ cell, breaches }) => {
    const byPerson = new Map(cell.map((r) => [r.person_id, r]));
    const person = (id: string, rule: SeparationRule): BreachPerson => {
      const r = byPerson.get(id)!;
      return {
        person_id: id,
        admission_id: r.admission_id,
        name: r.name,
        committal_number: r.committal_number,
        label: personLabel(lang, {
          legalStatus: r.legal_status,
          charges: charges.get(r.admission_id) ?? [],
          sex: r.sex,
        }),
        age: rule === 'minor_with_adult' ? ageReadingText(lang, readingView(r.age, on)) : null,
      };
    };
    return {
      cell_id: cell[0].cell_id,
      cell_code: cell[0].cell_code,
      unit_code: cell[0].unit_code,
      population: cell.length,
      breaches: breaches.map((b) => ({
        rule: b.rule,
        covered: b.covered,
        sides: [b.sides[0].map((id) => person(id, b.rule)), b.sides[1].map((id) => person(id, b.rule))],
        overrides: b.overriddenBy.map((id) => {
          const r = byPerson.get(id)!;
          return {
            person_id: id,
            name: r.name,
            by: r.override_by,
            at: r.override_at ? new Date(r.override_at).toISOString() : null,
            reason: r.override_reason,
          };
        }),
      })),
    };
  });
  cells.sort(
    (a, b) =>
      Number(a.breaches.every((x) => x.covered)) - Number(b.breaches.every((x) => x.covered)) ||
      a.unit_code.localeCompare(b.unit_code) ||
      a.cell_code.localeCompare(b.cell_code),
  );
  // Keep-apart records are intelligence: showing one (a breach of it) is an audited read.
  const keepApartShown = cells.reduce((n, c) => n + c.breaches.filter((b) => b.rule === 'keep_apart').length, 0);
  if (keepApartShown)
    await recordAccess(db, actor, {
      category: 'intelligence',
      action: 'list',
      entity: 'breach_report',
      prisonId: p.id,
      detail: { keep_apart_breaches: keepApartShown },
    });
  return {
    prison_id: p.id,
    as_of: on,
    keep_apart_included: withIntel,
    cells,
    uncovered: cells.reduce((n, c) => n + c.breaches.filter((b) => !b.covered).length, 0),
    covered: cells.reduce((n, c) => n + c.breaches.filter((b) => b.covered).length, 0),
  };
}
