import { type Actor, authorize, inScope, scopeFilter } from '../../core/access.js';
import { endOfBamakoDay, bamakoDate, isIsoDate } from '../../core/dates.js';
import { sql } from 'drizzle-orm';
import { AppError, type FieldError, invalid, notFound } from '../../core/errors.js';
import { recordChange, diff } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import { assertCodes } from '../reference/index.js';
import './messages.js';
import * as repo from './repository.js';
import {
  type Dated,
  inForce,
  isPrisonStatus,
  type Occupancy,
  congestionRate,
  occupancy,
  placesOn,
  type PrisonKind,
  type PrisonStatus,
  sumCapacity,
} from './rules.js';

/**
 * What the system writes in a new prison's first dated values (kept as written, in French, in the
 * records); the estate page shows them in the reader's language.
 */
export const CREATED = {
  capacity: 'Capacité officielle à l’enregistrement de l’établissement',
  status: 'Établissement ouvert à son enregistrement',
  source: 'création',
} as const;

export interface PrisonView {
  id: string;
  code: string;
  name: string;
  kind: string;
  region_code: string;
  /** The official capacity in force today (dated: see capacity history). */
  official_capacity: number | null;
  /** The status in force today: open, closed, destroyed, under reconstruction. */
  status: PrisonStatus;
  opened_on: string | null;
}

/** The dated capacities and statuses of some prisons, by prison. */
export interface DatedEstate {
  capacity: Map<string, Dated<number | null>[]>;
  status: Map<string, Dated<PrisonStatus>[]>;
}

export async function datedEstate(db: Tx, prisonIds?: readonly string[]): Promise<DatedEstate> {
  const capacity = new Map<string, Dated<number | null>[]>();
  const status = new Map<string, Dated<PrisonStatus>[]>();
  for (const c of await repo.findCapacityHistory(db, prisonIds))
    capacity.set(c.prisonId, [
      ...(capacity.get(c.prisonId) ?? []),
      { value: c.officialCapacity, effectiveFrom: c.effectiveFrom, recordedAt: c.recordedAt.toISOString() },
    ]);
  for (const x of await repo.findStatusHistory(db, prisonIds))
    status.set(x.prisonId, [
      ...(status.get(x.prisonId) ?? []),
      { value: x.status as PrisonStatus, effectiveFrom: x.effectiveFrom, recordedAt: x.recordedAt.toISOString() },
    ]);
  return { capacity, status };
}

function view(p: repo.PrisonRow, dated: DatedEstate, on: string = bamakoDate()): PrisonView {
  const cap = inForce(dated.capacity.get(p.id) ?? [], on);
  const st = inForce(dated.status.get(p.id) ?? [], on);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    region_code: p.regionCode,
    official_capacity: cap ? cap.value : p.officialCapacity,
    status: st?.value ?? 'open',
    opened_on: p.openedOn,
  };
}

export async function listPrisons(db: Db, actor: Actor): Promise<PrisonView[]> {
  authorize(actor, 'estate.read');
  const prisons = await repo.findPrisons(db, scopeFilter(actor));
  const dated = await datedEstate(
    db,
    prisons.map((p) => p.id),
  );
  return prisons.map((p) => view(p, dated));
}

/**
 * A prison's status in force today (open, closed, destroyed, under reconstruction), whoever asks: a
 * transfer to it checks it is open. Null for an unknown prison.
 */
export async function prisonStatusToday(db: Tx, prisonId: string): Promise<PrisonStatus | null> {
  if (!(await repo.findPrison(db, prisonId))) return null;
  const dated = await datedEstate(db, [prisonId]);
  return inForce(dated.status.get(prisonId) ?? [], bamakoDate())?.value ?? 'open';
}

/** A prison by id or code, if in the actor's scope. */
export async function getPrison(db: Tx, actor: Actor, idOrCode: string): Promise<repo.PrisonRow> {
  authorize(actor, 'estate.read');
  const p = await repo.findPrison(db, idOrCode);
  if (!p) throw notFound();
  if (!inScope(actor, p.id)) throw new AppError(403, 'error.out_of_scope');
  return p;
}

export async function getPrisonView(db: Db, actor: Actor, idOrCode: string): Promise<PrisonView> {
  const p = await getPrison(db, actor, idOrCode);
  return view(p, await datedEstate(db, [p.id]));
}

export interface NewPrison {
  code: string;
  name: string;
  kind: PrisonKind;
  region_code: string;
  official_capacity: number | null;
  opened_on?: string | null;
}

export async function createPrison(db: Db, actor: Actor | null, input: NewPrison): Promise<PrisonView> {
  if (actor) {
    authorize(actor, 'estate.admin');
    if (!actor.national) throw new AppError(403, 'error.out_of_scope');
  }
  return db.transaction(async (tx) => {
    await assertCodes(tx, [{ field: '/region_code', kind: 'region', code: input.region_code }]);
    if (await repo.findPrison(tx, input.code)) throw invalid([{ field: '/code', key: 'estate.code_taken' }]);
    const id = newId();
    const row = {
      id,
      code: input.code.toUpperCase(),
      name: input.name,
      kind: input.kind,
      regionCode: input.region_code,
      officialCapacity: input.official_capacity,
      openedOn: input.opened_on ?? null,
    };
    await repo.insertPrison(tx, row);
    // The first dated values: in force since the opening, or since before the records when it is not known.
    await repo.insertCapacity(tx, {
      id: newId(),
      prisonId: id,
      officialCapacity: input.official_capacity,
      effectiveFrom: input.opened_on ?? null,
      reason: CREATED.capacity,
      source: CREATED.source,
      recordedBy: actor?.userId ?? null,
    });
    await repo.insertStatus(tx, {
      id: newId(),
      prisonId: id,
      status: 'open',
      effectiveFrom: input.opened_on ?? null,
      reason: CREATED.status,
      source: CREATED.source,
      recordedBy: actor?.userId ?? null,
    });
    await recordChange(tx, actor, { entity: 'prison', entityId: id, prisonId: id, action: 'create', after: input });
    return view({ ...row, createdAt: new Date() }, await datedEstate(tx, [id]));
  });
}

/**
 * Change a prison's name, or its official capacity from today (a dated change, as
 * `recordCapacity` with today's date: past occupancy keeps the capacity then in force).
 */
export async function updatePrison(
  db: Db,
  actor: Actor,
  idOrCode: string,
  patch: { name?: string; official_capacity?: number | null; reason: string },
): Promise<PrisonView> {
  authorize(actor, 'estate.admin');
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, idOrCode);
    const next: Partial<repo.PrisonRow> = {};
    if (patch.name !== undefined) next.name = patch.name;
    const d = diff(p, next);
    if (Object.keys(d.after).length) {
      await repo.updatePrisonRow(tx, p.id, next);
      await recordChange(tx, actor, {
        entity: 'prison',
        entityId: p.id,
        prisonId: p.id,
        action: 'update',
        reason: patch.reason,
        before: d.before,
        after: d.after,
      });
    }
    if (
      patch.official_capacity !== undefined &&
      patch.official_capacity !== view(p, await datedEstate(tx, [p.id])).official_capacity
    ) {
      await recordCapacityTx(tx, actor, p, {
        official_capacity: patch.official_capacity,
        effective_from: bamakoDate(),
        reason: patch.reason,
        source: null,
      });
    }
    return view({ ...p, ...next }, await datedEstate(tx, [p.id]));
  });
}

async function recordCapacityTx(
  tx: Tx,
  actor: Actor,
  p: repo.PrisonRow,
  input: { official_capacity: number | null; effective_from: string; reason: string; source?: string | null },
) {
  const before = view(p, await datedEstate(tx, [p.id]), input.effective_from).official_capacity;
  const id = newId();
  await repo.insertCapacity(tx, {
    id,
    prisonId: p.id,
    officialCapacity: input.official_capacity,
    effectiveFrom: input.effective_from,
    reason: input.reason,
    source: input.source ?? null,
    recordedBy: actor.userId,
  });
  // prison.official_capacity keeps the value in force today (the history is what counts).
  const today = view(p, await datedEstate(tx, [p.id])).official_capacity;
  await repo.updatePrisonRow(tx, p.id, { officialCapacity: today });
  await recordChange(tx, actor, {
    entity: 'prison_capacity',
    entityId: id,
    prisonId: p.id,
    action: 'record',
    reason: input.reason,
    before: { official_capacity: before },
    after: {
      official_capacity: input.official_capacity,
      effective_from: input.effective_from,
      source: input.source ?? null,
    },
  });
  return id;
}

function datedErrors(effectiveFrom: string): FieldError[] {
  if (!isIsoDate(effectiveFrom)) return [{ field: '/effective_from', key: 'field.invalid_date' }];
  if (effectiveFrom > bamakoDate()) return [{ field: '/effective_from', key: 'estate.effective_future' }];
  return [];
}

/** Record the official capacity in force from a date (estate.admin): a new dated value, nothing overwritten. */
export async function recordCapacity(
  db: Db,
  actor: Actor,
  idOrCode: string,
  input: { official_capacity: number | null; effective_from: string; reason: string; source?: string | null },
) {
  authorize(actor, 'estate.admin');
  const errors = datedErrors(input.effective_from);
  if (errors.length) throw invalid(errors);
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, idOrCode);
    const id = await recordCapacityTx(tx, actor, p, input);
    return { id, prison: view(p, await datedEstate(tx, [p.id])) };
  });
}

/** Record the prison's status from a date (open, closed, destroyed, under reconstruction). */
export async function recordStatus(
  db: Db,
  actor: Actor,
  idOrCode: string,
  input: { status: PrisonStatus; effective_from: string; reason: string; source?: string | null },
) {
  authorize(actor, 'estate.admin');
  const errors = datedErrors(input.effective_from);
  if (!isPrisonStatus(input.status)) errors.push({ field: '/status', key: 'estate.status_unknown' });
  if (errors.length) throw invalid(errors);
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, idOrCode);
    const before = view(p, await datedEstate(tx, [p.id]), input.effective_from).status;
    const id = newId();
    await repo.insertStatus(tx, {
      id,
      prisonId: p.id,
      status: input.status,
      effectiveFrom: input.effective_from,
      reason: input.reason,
      source: input.source ?? null,
      recordedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'prison_status',
      entityId: id,
      prisonId: p.id,
      action: 'record',
      reason: input.reason,
      before: { status: before },
      after: { status: input.status, effective_from: input.effective_from, source: input.source ?? null },
    });
    return { id, prison: view(p, await datedEstate(tx, [p.id])) };
  });
}

/** A prison's dated capacities and statuses, latest effective first, with who recorded each. */
export async function estateHistory(db: Db, actor: Actor, idOrCode: string) {
  const p = await getPrison(db, actor, idOrCode);
  const users = new Map(
    (await db.execute<{ id: string; username: string }>(sql`SELECT id, username FROM app_user`)).rows.map((u) => [
      u.id,
      u.username,
    ]),
  );
  const order = <T extends { effectiveFrom: string | null; recordedAt: Date }>(rows: T[]) =>
    [...rows].sort(
      (a, b) =>
        (b.effectiveFrom ?? '').localeCompare(a.effectiveFrom ?? '') || b.recordedAt.getTime() - a.recordedAt.getTime(),
    );
  const common = (r: {
    id: string;
    effectiveFrom: string | null;
    reason: string;
    source: string | null;
    recordedBy: string | null;
    recordedAt: Date;
  }) => ({
    id: r.id,
    effective_from: r.effectiveFrom,
    reason: r.reason,
    source: r.source,
    recorded_by: r.recordedBy ? (users.get(r.recordedBy) ?? null) : null,
    recorded_at: r.recordedAt.toISOString(),
  });
  return {
    prison: view(p, await datedEstate(db, [p.id])),
    capacity: order(await repo.findCapacityHistory(db, [p.id])).map((r) => ({
      ...common(r),
      official_capacity: r.officialCapacity,
    })),
    status: order(await repo.findStatusHistory(db, [p.id])).map((r) => ({ ...common(r), status: r.status })),
  };
}

export async function createUnit(
  db: Db,
  actor: Actor | null,
  prisonIdOrCode: string,
  input: { code: string; name: string; capacity?: number | null },
): Promise<repo.UnitRow> {
  return db.transaction(async (tx) => {
    const p = await repo.findPrison(tx, prisonIdOrCode);
    if (!p) throw notFound();
    if (actor) authorize(actor, 'estate.admin', p.id);
    if (await repo.unitCodeTaken(tx, p.id, input.code)) throw invalid([{ field: '/code', key: 'estate.code_taken' }]);
    const row = {
      id: newId(),
      prisonId: p.id,
      code: input.code,
      name: input.name,
      capacity: input.capacity ?? null,
      closedAt: null,
      createdAt: new Date(),
    };
    await repo.insertUnit(tx, row);
    await recordChange(tx, actor, { entity: 'unit', entityId: row.id, prisonId: p.id, action: 'create', after: input });
    return row;
  });
}

export async function createCell(
  db: Db,
  actor: Actor | null,
  prisonIdOrCode: string,
  input: { unit_id: string; code: string; capacity?: number | null; area_m2?: number | null },
): Promise<repo.CellRow> {
  return db.transaction(async (tx) => {
    const p = await repo.findPrison(tx, prisonIdOrCode);
    if (!p) throw notFound();
    if (actor) authorize(actor, 'estate.admin', p.id);
    const u = await repo.findUnit(tx, input.unit_id);
    if (!u || u.prisonId !== p.id) throw invalid([{ field: '/unit_id', key: 'estate.unit_unknown' }]);
    if (await repo.cellCodeTaken(tx, p.id, input.code)) throw invalid([{ field: '/code', key: 'estate.code_taken' }]);
    const row = {
      id: newId(),
      prisonId: p.id,
      unitId: u.id,
      code: input.code,
      capacity: input.capacity ?? null,
      areaM2: input.area_m2 == null ? null : String(input.area_m2),
      closedAt: null,
      createdAt: new Date(),
    };
    await repo.insertCell(tx, row);
    await recordChange(tx, actor, { entity: 'cell', entityId: row.id, prisonId: p.id, action: 'create', after: input });
    return row;
  });
}

export interface CellOccupancy extends Occupancy {
  id: string;
  code: string;
}
export interface UnitOccupancy extends Occupancy {
  id: string;
  code: string;
  name: string;
  cells: CellOccupancy[];
}
export interface PrisonOccupancy extends Occupancy {
  id: string;
  code: string;
  name: string;
  kind: string;
  region_code: string;
  /** The official capacity in force on that date, and the prison's status then. */
  official_capacity: number | null;
  status: PrisonStatus;
  /** People held but not placed in any cell at that moment (e.g. reception in progress). */
  unassigned: number;
  units: UnitOccupancy[];
}

export interface OccupancyReport {
  as_of: string;
  national: Occupancy & {
    prisons: number;
    prisons_with_unknown_capacity: number;
    /** Sum of the capacities that are known, and the rate over the prisons that have one. */
    capacity_known_part: number;
    occupancy_rate_known_part: number | null;
    /** Deprecated: the same as occupancy_rate_known_part. */
    congestion_rate_known_part: number | null;
  };
  prisons: PrisonOccupancy[];
}

/**
 * Occupancy rate per cell, unit, prison and nationally, at the end of Bamako day `date` (today when
 * omitted), from the admission and placement histories and the official capacity in force on that
 * date (dated capacities: a later change does not alter a past rate). A prison closed, destroyed
 * or under reconstruction on that date offers no places. A national actor sees the whole country;
 * a prison-scoped actor sees only their prisons (the "national" line then sums those).
 */
export async function occupancyReport(
  db: Db,
  actor: Actor,
  opts: { date?: string; prison?: string } = {},
): Promise<OccupancyReport> {
  authorize(actor, 'estate.read');
  const date = opts.date ?? bamakoDate();
  const at = opts.date ? endOfBamakoDay(date) : new Date();
  let prisons = await repo.findPrisons(db, scopeFilter(actor));
  if (opts.prison) {
    const p = await getPrison(db, actor, opts.prison);
    prisons = prisons.filter((x) => x.id === p.id);
  }
  const ids = prisons.map((p) => p.id);
  const [units, cells, popPrison, popCell, dated] = await Promise.all([
    repo.findUnits(db, ids),
    repo.findCells(db, ids),
    repo.populationByPrison(db, at, ids),
    repo.populationByCell(db, at, ids),
    datedEstate(db, ids),
  ]);
  const out: PrisonOccupancy[] = prisons.map((p) => {
    const us = units
      .filter((u) => u.prisonId === p.id)
      .map((u) => {
        const cs = cells
          .filter((c) => c.unitId === u.id)
          .map((c) => ({ id: c.id, code: c.code, ...occupancy(popCell.get(c.id) ?? 0, c.capacity) }));
        const cellCaps = sumCapacity(cs.map((c) => c.capacity));
        const cap = u.capacity ?? (cs.length && cellCaps.unknown === 0 ? cellCaps.known : null);
        const pop = cs.reduce((s, c) => s + c.population, 0);
        return { id: u.id, code: u.code, name: u.name, ...occupancy(pop, cap), cells: cs };
      });
    const pop = popPrison.get(p.id) ?? 0;
    const placed = us.reduce((s, u) => s + u.population, 0);
    const cap = inForce(dated.capacity.get(p.id) ?? [], date);
    const st = inForce(dated.status.get(p.id) ?? [], date);
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      kind: p.kind,
      region_code: p.regionCode,
      ...occupancy(pop, placesOn(cap, st)),
      official_capacity: cap ? cap.value : null,
      status: st?.value ?? 'open',
      unassigned: Math.max(0, pop - placed),
      units: us,
    };
  });
  const caps = sumCapacity(out.map((p) => p.capacity));
  const population = out.reduce((s, p) => s + p.population, 0);
  const knownRate = congestionRate(
    out.filter((p) => p.capacity !== null).reduce((s, p) => s + p.population, 0),
    caps.known,
  );
  return {
    as_of: date,
    national: {
      ...occupancy(population, caps.unknown === 0 ? caps.known : null),
      prisons: out.length,
      prisons_with_unknown_capacity: caps.unknown,
      capacity_known_part: caps.known,
      occupancy_rate_known_part: knownRate,
      congestion_rate_known_part: knownRate,
    },
    prisons: out,
  };
}
