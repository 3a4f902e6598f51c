/**
 * THE placement rule (issue 9): every way of putting a person in a cell — admission, the
 * reception's security step, a move, an allocation, the register import and, when transfers are
 * built, a transfer arrival — calls `placeInCell`. It takes a lock on the cell row (SELECT … FOR
 * UPDATE), so placements into one cell run one after the other; runs the full allocation check
 * (rules.ts `checkAllocation`: capacity, untried/convicted, women/men, minors/adults read
 * protectively, keep-apart records, high-risk policy) against the occupants it then sees; refuses
 * with every reason (422) unless the refusal is waived — by a director (housing.override) with a
 * reason, or, for capacity only, by the placing officer with a reason under the director's standing
 * delegation; then writes the placement (with the rules it overrode) and its history.
 *
 * Custody's admit and move reach it through custody/placement-port.ts, provided below.
 */
import { type Actor, can, inScope } from '../../core/access.js';
import { bamakoDate } from '../../core/dates.js';
import { AppError, type FieldError, invalid } from '../../core/errors.js';
import { type Change, recordChanges } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import type { Tx } from '../../db/index.js';
import {
  type CellPlacementRequest,
  type CellPlacementResult,
  isUntried,
  type LegalStatus,
  provideCellPlacer,
} from '../custody/index.js';
import * as custodyRepo from '../custody/index.js';
import {
  ageFactsFromRow,
  ageFactsOf,
  findPerson,
  type AgeAssessmentFact,
  type BirthStored,
  type MinorReading,
  minorReading,
} from '../people/index.js';
import { checkReprisal } from '../complaints/index.js';
import './messages.js';
import * as repo from './repository.js';
import { checkAllocation, type HighRiskPolicy, type Occupant, type RefusalReason, resolveRefusals } from './rules.js';

/** The allocation check's view of people held, on a date: sex, untried, minor (protective reading), level. */
export async function occupantsFacts<
  T extends { person_id: string; legal_status: LegalStatus; sex: 'male' | 'female'; level: Occupant['level'] },
>(tx: Tx, rows: readonly T[], on: string): Promise<(T & { occupant: Occupant; age: MinorReading })[]> {
  const ages = await ageFactsOf(tx, [...new Set(rows.map((r) => r.person_id))]);
  return rows.map((r) => withFacts(r, ages.get(r.person_id), on));
}

/** One person's facts for the check, from their stored birth and age assessments. */
export function withFacts<
  T extends { person_id: string; legal_status: LegalStatus; sex: 'male' | 'female'; level: Occupant['level'] },
>(
  r: T,
  f: { birth: BirthStored; assessments: AgeAssessmentFact[] } | undefined,
  on: string,
): T & { occupant: Occupant; age: MinorReading } {
  const m: MinorReading = f
    ? minorReading(f.birth, on, f.assessments)
    : { minor: true, assumed: true, basis: 'age_unknown' };
  return {
    ...r,
    age: m,
    occupant: {
      personId: r.person_id,
      sex: r.sex,
      untried: isUntried(r.legal_status),
      minor: m.minor,
      minorAssumed: m.assumed,
      level: r.level,
    },
  };
}

const refusalParams = (r: RefusalReason): Record<string, number | string> =>
  r.code === 'capacity' ? { population: r.population, capacity: r.capacity } : {};
const refusalKey = (r: RefusalReason) =>
  r.code === 'minor_with_adult' && r.assumed ? 'housing.refused.minor_with_adult_assumed' : `housing.refused.${r.code}`;

/** One field error per reason: the cell, or the over-capacity reason when giving one would do. */
export function refusalErrors(
  reasons: readonly RefusalReason[],
  base: string,
  capacityWaivable: boolean,
): FieldError[] {
  return reasons.map((r) => ({
    field: r.code === 'capacity' && capacityWaivable ? `${base}/over_capacity_reason` : `${base}/cell_id`,
    key: refusalKey(r),
    params: refusalParams(r),
  }));
}

const isDirector = (actor: Actor, prisonId: string) => can(actor, 'housing.override') && inScope(actor, prisonId);

type CellRow = NonNullable<Awaited<ReturnType<typeof repo.lockCell>>>;
type Delegation = Awaited<ReturnType<typeof repo.activeDelegation>>;

/**
 * The decision of the one placement rule, once its facts are read (the cell locked, the people in
 * it now, the person's own facts, keep-apart records, the prison's policy): `checkAllocation`, the
 * waivers (`resolveRefusals`), a refusal thrown, or the placement row and its history entries.
 * Shared by `placeInCell` and `placeManyInCells`: one rule, whichever way its facts were read.
 */
async function decide(
  actor: Actor,
  a: custodyRepo.AdmissionRow,
  req: CellPlacementRequest,
  c: CellRow,
  open: { cellId: string | null } | undefined,
  others: readonly Occupant[],
  self: Occupant,
  keepApart: ReadonlySet<string>,
  policy: { highRisk: HighRiskPolicy; unitId: string | null },
  delegationOf: () => Promise<Delegation | undefined>,
) {
  const base = req.base ?? '';
  const at = req.at ?? new Date();
  const reasons = checkAllocation({
    person: self,
    cell: { id: c.id, unitId: c.unitId, capacity: c.capacity, occupants: others },
    keepApart,
    policy,
  });
  const delegation = reasons.some((r) => r.code === 'capacity') ? await delegationOf() : undefined;
  const director = isDirector(actor, a.prisonId);
  const overrideReason = req.override_reason?.trim() || null;
  const overCapacityReason = req.over_capacity_reason?.trim() || null;
  const res = resolveRefusals(reasons, {
    director,
    overrideReason,
    overCapacityReason,
    capacityDelegated: !!delegation,
  });
  if (res.needsDirector) throw new AppError(403, 'housing.override_forbidden');
  if (res.standing.length) throw invalid(refusalErrors(res.standing, base, director || !!delegation));

  const waived = res.waived.map((r) => r.code);
  const capacityWaived = waived.includes('capacity');
  const id = newId();
  const row = {
    id,
    prisonId: a.prisonId,
    admissionId: a.id,
    unitId: c.unitId,
    cellId: c.id,
    fromAt: at,
    reason: req.reason,
    via: req.via,
    overCapacityReason: capacityWaived ? (overCapacityReason ?? overrideReason) : null,
    overridden: waived,
    overrideReason: director && waived.length ? overrideReason : null,
    overrideBy: waived.length ? actor.userId : null,
    capacityDelegationId: res.byDelegation ? delegation!.id : null,
    createdBy: actor.userId,
  };
  const changes: Change[] = [
    {
      entity: 'placement',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'placement',
      reason: req.reason,
      before: open ? { cell_id: open.cellId } : null,
      after: {
        cell_id: c.id,
        via: req.via,
        overridden: waived,
        over_capacity_reason: row.overCapacityReason,
        capacity_delegation_id: row.capacityDelegationId,
      },
    },
  ];
  if (waived.length) {
    // The override, with the rules it went past, in the person's history.
    changes.push({
      entity: 'placement',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: res.byDelegation ? 'placement_over_capacity_delegated' : 'placement_override',
      reason: row.overrideReason ?? row.overCapacityReason,
      after: {
        cell_id: c.id,
        overridden: waived,
        reasons: res.waived,
        capacity_delegation_id: row.capacityDelegationId,
      },
    });
  }
  const result: CellPlacementResult = {
    placement_id: id,
    cell_id: c.id,
    unit_id: c.unitId,
    overridden: waived,
    capacity_delegation_id: row.capacityDelegationId,
  };
  return { row, changes, result };
}

/**
 * Put an admitted person in a cell through the one rule, inside the caller's transaction (the
 * caller has checked the actor may place people by that path). Closes the current placement.
 */
export async function placeInCell(
  tx: Tx,
  actor: Actor,
  a: custodyRepo.AdmissionRow,
  req: CellPlacementRequest,
): Promise<CellPlacementResult> {
  const base = req.base ?? '';
  if (a.endedAt) throw invalid([{ field: `${base}/cell_id`, key: 'housing.not_held' }]);
  const at = req.at ?? new Date();
  // The lock: a second placement into this cell waits here until this transaction ends, then
  // sees this one's occupant (READ COMMITTED takes a new snapshot for each statement).
  const c = await repo.lockCell(tx, req.cell_id);
  if (!c || c.prisonId !== a.prisonId || c.closedAt)
    throw invalid([{ field: `${base}/cell_id`, key: 'custody.cell_unknown' }]);
  const open = await custodyRepo.findOpenPlacement(tx, a.id);
  if (open && at < open.fromAt) throw invalid([{ field: `${base}/at`, key: 'housing.before_current_placement' }]);
  if (at < a.admittedAt) throw invalid([{ field: `${base}/at`, key: 'housing.before_admission' }]);
  // The check is made on today's facts — the people in the cell now, their legal status and age
  // today — even for a placement recorded as starting earlier (a paper register, a late entry):
  // the person is in the cell now, with them.
  const on = bamakoDate();
  // The occupants and the person read together (one read of their age facts).
  const occupants = await repo.cellOccupants(tx, c.id, a.id);
  const facts = await occupantsFacts(
    tx,
    [
      ...occupants,
      {
        person_id: a.personId,
        legal_status: a.legalStatus,
        sex: (await findPerson(tx, a.personId))!.sex as 'male' | 'female',
        level: await repo.levelOf(tx, a.id),
      },
    ],
    on,
  );
  const self = facts.pop();
  const others = facts;
  const decided = await decide(
    actor,
    a,
    req,
    c,
    open,
    others.map((o) => o.occupant),
    self!.occupant,
    await repo.keepApartOf(tx, a.personId),
    await repo.policyOf(tx, a.prisonId),
    () => repo.activeDelegation(tx, a.prisonId),
  );
  if (open) await custodyRepo.closePlacement(tx, open.id, at);
  await custodyRepo.insertPlacement(tx, decided.row);
  await recordChanges(tx, actor, decided.changes);
  // No reprisal: a complainant moved from their cell within 30 days of a complaint is flagged (complaints module).
  if (open && open.cellId !== c.id)
    await checkReprisal(tx, actor, {
      personId: a.personId,
      prisonId: a.prisonId,
      event: req.via === 'transfer' ? 'transfer' : 'move',
      at,
      detail: req.reason,
    });
  return decided.result;
}

/**
 * Put many newly admitted people in cells through the one rule, inside the caller's transaction
 * (the register import, through custody's `placeManyThroughRule`). The same rule as `placeInCell`
 * — the same checks before the decision, the same `decide` (checkAllocation, waivers, rows,
 * history) — with its reads made once for the batch: every cell locked in one statement in id
 * order (so two batches never deadlock), the people in those cells and the people placed read
 * with their age facts in one statement each. The placements are then decided one after the
 * other in cell order, each seeing the people in its cell now plus those the batch put there
 * before it, exactly as `placeInCell` called once a row would have seen them. Any refusal is
 * thrown (for the batch's caller to find the row). The people placed must not be in a cell yet.
 */
export async function placeManyInCells(
  tx: Tx,
  actor: Actor,
  items: readonly { admission: custodyRepo.AdmissionRow; request: CellPlacementRequest }[],
): Promise<CellPlacementResult[]> {
  if (!items.length) return [];
  const cellIds = [...new Set(items.map((i) => i.request.cell_id))].sort();
  // Not a cell id at all: refused like `placeInCell` refuses it (no query with a malformed uuid).
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  for (const { admission: a, request: req } of items) {
    if (a.endedAt) throw invalid([{ field: `${req.base ?? ''}/cell_id`, key: 'housing.not_held' }]);
    if (!uuid.test(req.cell_id)) throw invalid([{ field: `${req.base ?? ''}/cell_id`, key: 'custody.cell_unknown' }]);
  }
  const cells = new Map((await repo.lockCells(tx, cellIds)).map((c) => [c.id, c]));
  const selves = await repo.admissionsFacts(
    tx,
    items.map((i) => i.admission.id),
  );
  const held = await repo.cellsOccupantFacts(tx, cellIds);
  const keepApart = await repo.keepApartOfMany(tx, [...new Set(items.map((i) => i.admission.personId))]);
  const policies = new Map<string, { highRisk: HighRiskPolicy; unitId: string | null }>();
  const delegations = new Map<string, Delegation | undefined>();
  const on = bamakoDate();
  const inCell = new Map<string, Occupant[]>(cellIds.map((id) => [id, []]));
  for (const o of held) inCell.get(o.cell_id)!.push(withFacts(o, ageFactsFromRow(o), on).occupant);
  const order = items
    .map((item, k) => ({ ...item, k }))
    .sort((x, y) =>
      x.request.cell_id < y.request.cell_id ? -1 : x.request.cell_id > y.request.cell_id ? 1 : x.k - y.k,
    );
  const decided: Awaited<ReturnType<typeof decide>>[] = [];
  const results = new Array<CellPlacementResult>(items.length);
  for (const { admission: a, request: req, k } of order) {
    const base = req.base ?? '';
    const at = req.at ?? new Date();
    const c = cells.get(req.cell_id);
    if (!c || c.prisonId !== a.prisonId || c.closedAt)
      throw invalid([{ field: `${base}/cell_id`, key: 'custody.cell_unknown' }]);
    const me = selves.get(a.id);
    if (!me) throw new Error(`placeManyInCells: admission ${a.id} not found`);
    if (me.placed) throw new Error('placeManyInCells places people who are in no cell yet');
    if (at < a.admittedAt) throw invalid([{ field: `${base}/at`, key: 'housing.before_admission' }]);
    const self = withFacts(
      { person_id: a.personId, legal_status: a.legalStatus, sex: me.sex, level: me.level },
      ageFactsFromRow(me),
      on,
    ).occupant;
    if (!policies.has(a.prisonId)) policies.set(a.prisonId, await repo.policyOf(tx, a.prisonId));
    const delegationOf = async () => {
      if (!delegations.has(a.prisonId)) delegations.set(a.prisonId, await repo.activeDelegation(tx, a.prisonId));
      return delegations.get(a.prisonId);
    };
    const others = inCell.get(c.id)!;
    const d = await decide(
      actor,
      a,
      req,
      c,
      undefined,
      others,
      self,
      keepApart.get(a.personId)!,
      policies.get(a.prisonId)!,
      delegationOf,
    );
    others.push(self);
    decided.push(d);
    results[k] = d.result;
  }
  await custodyRepo.insertPlacements(
    tx,
    decided.map((d) => d.row),
  );
  await recordChanges(
    tx,
    actor,
    decided.flatMap((d) => d.changes),
  );
  return results;
}

/**
 * Before the person's file exists (the reception's security step comes first), only the cell and
 * its capacity can be checked: the separation rules need the file. The full check runs when the
 * file is created (reception administration step), through `placeInCell`.
 */
export async function precheckCell(
  tx: Tx,
  actor: Actor,
  prisonId: string,
  cellId: string,
  input: { over_capacity_reason?: string | null; override_reason?: string | null; base?: string },
) {
  const base = input.base ?? '';
  const c = await repo.findCell(tx, cellId);
  if (!c || c.prisonId !== prisonId || c.closedAt)
    throw invalid([{ field: `${base}/cell_id`, key: 'custody.cell_unknown' }]);
  const population = (await repo.cellOccupants(tx, c.id, null)).length;
  const reasons: RefusalReason[] =
    c.capacity !== null && population >= c.capacity ? [{ code: 'capacity', population, capacity: c.capacity }] : [];
  const delegation = reasons.length ? await repo.activeDelegation(tx, prisonId) : undefined;
  const director = isDirector(actor, prisonId);
  const res = resolveRefusals(reasons, {
    director,
    overrideReason: input.override_reason ?? null,
    overCapacityReason: input.over_capacity_reason ?? null,
    capacityDelegated: !!delegation,
  });
  if (res.needsDirector) throw new AppError(403, 'housing.override_forbidden');
  if (res.standing.length) throw invalid(refusalErrors(res.standing, base, director || !!delegation));
  return c;
}

provideCellPlacer(placeInCell, placeManyInCells);
