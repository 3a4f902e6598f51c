import { type Actor, authorize, inScope, scopeFilter } from '../../core/access.js';
import { endOfBamakoDay, bamakoDate } from '../../core/dates.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { recordChange, diff } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import { assertCodes } from '../reference/service.js';
import './messages.js';
import * as repo from './repository.js';
import { type Occupancy, congestionRate, occupancy, sumCapacity, type PrisonKind } from './rules.js';

export interface PrisonView {
  id: string;
  code: string;
  name: string;
  kind: string;
  region_code: string;
  official_capacity: number | null;
  opened_on: string | null;
}

const view = (p: repo.PrisonRow): PrisonView => ({ id: p.id, code: p.code, name: p.name, kind: p.kind, region_code: p.regionCode, official_capacity: p.officialCapacity, opened_on: p.openedOn });

export async function listPrisons(db: Db, actor: Actor): Promise<PrisonView[]> {
  authorize(actor, 'estate.read');
  return (await repo.findPrisons(db, scopeFilter(actor))).map(view);
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
  return view(await getPrison(db, actor, idOrCode));
}

export interface NewPrison { code: string; name: string; kind: PrisonKind; region_code: string; official_capacity: number | null; opened_on?: string | null }

export async function createPrison(db: Db, actor: Actor | null, input: NewPrison): Promise<PrisonView> {
  if (actor) {
    authorize(actor, 'estate.admin');
    if (!actor.national) throw new AppError(403, 'error.out_of_scope');
  }
  return db.transaction(async (tx) => {
    await assertCodes(tx, [{ field: '/region_code', kind: 'region', code: input.region_code }]);
    if (await repo.findPrison(tx, input.code)) throw invalid([{ field: '/code', key: 'estate.code_taken' }]);
    const id = newId();
    const row = { id, code: input.code.toUpperCase(), name: input.name, kind: input.kind, regionCode: input.region_code, officialCapacity: input.official_capacity, openedOn: input.opened_on ?? null };
    await repo.insertPrison(tx, row);
    await recordChange(tx, actor, { entity: 'prison', entityId: id, prisonId: id, action: 'create', after: input });
    return view({ ...row, createdAt: new Date() });
  });
}

export async function updatePrison(db: Db, actor: Actor, idOrCode: string, patch: { name?: string; official_capacity?: number | null; reason: string }): Promise<PrisonView> {
  authorize(actor, 'estate.admin');
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, idOrCode);
    const next: Partial<repo.PrisonRow> = {};
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.official_capacity !== undefined) next.officialCapacity = patch.official_capacity;
    const d = diff(p, next);
    if (Object.keys(d.after).length) {
      await repo.updatePrisonRow(tx, p.id, next);
      await recordChange(tx, actor, { entity: 'prison', entityId: p.id, prisonId: p.id, action: 'update', reason: patch.reason, before: d.before, after: d.after });
    }
    return view({ ...p, ...next });
  });
}

export async function createUnit(db: Db, actor: Actor | null, prisonIdOrCode: string, input: { code: string; name: string; capacity?: number | null }): Promise<repo.UnitRow> {
  return db.transaction(async (tx) => {
    const p = await repo.findPrison(tx, prisonIdOrCode);
    if (!p) throw notFound();
    if (actor) authorize(actor, 'estate.admin', p.id);
    if (await repo.unitCodeTaken(tx, p.id, input.code)) throw invalid([{ field: '/code', key: 'estate.code_taken' }]);
    const row = { id: newId(), prisonId: p.id, code: input.code, name: input.name, capacity: input.capacity ?? null, closedAt: null, createdAt: new Date() };
    await repo.insertUnit(tx, row);
    await recordChange(tx, actor, { entity: 'unit', entityId: row.id, prisonId: p.id, action: 'create', after: input });
    return row;
  });
}

export async function createCell(db: Db, actor: Actor | null, prisonIdOrCode: string, input: { unit_id: string; code: string; capacity?: number | null; area_m2?: number | null }): Promise<repo.CellRow> {
  return db.transaction(async (tx) => {
    const p = await repo.findPrison(tx, prisonIdOrCode);
    if (!p) throw notFound();
    if (actor) authorize(actor, 'estate.admin', p.id);
    const u = await repo.findUnit(tx, input.unit_id);
    if (!u || u.prisonId !== p.id) throw invalid([{ field: '/unit_id', key: 'estate.unit_unknown' }]);
    if (await repo.cellCodeTaken(tx, p.id, input.code)) throw invalid([{ field: '/code', key: 'estate.code_taken' }]);
    const row = { id: newId(), prisonId: p.id, unitId: u.id, code: input.code, capacity: input.capacity ?? null, areaM2: input.area_m2 == null ? null : String(input.area_m2), closedAt: null, createdAt: new Date() };
    await repo.insertCell(tx, row);
    await recordChange(tx, actor, { entity: 'cell', entityId: row.id, prisonId: p.id, action: 'create', after: input });
    return row;
  });
}

export interface CellOccupancy extends Occupancy { id: string; code: string }
export interface UnitOccupancy extends Occupancy { id: string; code: string; name: string; cells: CellOccupancy[] }
export interface PrisonOccupancy extends Occupancy {
  id: string; code: string; name: string; kind: string; region_code: string;
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
    congestion_rate_known_part: number | null;
  };
  prisons: PrisonOccupancy[];
}

/**
 * Occupancy and congestion per cell, unit, prison and nationally, at the end of Bamako day `date`
 * (today when omitted), from the admission and placement histories. A national actor sees the
 * whole country; a prison-scoped actor sees only their prisons (the "national" line then sums those).
 */
export async function occupancyReport(db: Db, actor: Actor, opts: { date?: string; prison?: string } = {}): Promise<OccupancyReport> {
  authorize(actor, 'estate.read');
  const date = opts.date ?? bamakoDate();
  const at = opts.date ? endOfBamakoDay(date) : new Date();
  let prisons = await repo.findPrisons(db, scopeFilter(actor));
  if (opts.prison) {
    const p = await getPrison(db, actor, opts.prison);
    prisons = prisons.filter((x) => x.id === p.id);
  }
  const ids = prisons.map((p) => p.id);
  const [units, cells, popPrison, popCell] = await Promise.all([
    repo.findUnits(db, ids), repo.findCells(db, ids), repo.populationByPrison(db, at, ids), repo.populationByCell(db, at, ids),
  ]);
  const out: PrisonOccupancy[] = prisons.map((p) => {
    const us = units.filter((u) => u.prisonId === p.id).map((u) => {
      const cs = cells.filter((c) => c.unitId === u.id).map((c) => ({ id: c.id, code: c.code, ...occupancy(popCell.get(c.id) ?? 0, c.capacity) }));
      const cellCaps = sumCapacity(cs.map((c) => c.capacity));
      const cap = u.capacity ?? (cs.length && cellCaps.unknown === 0 ? cellCaps.known : null);
      const pop = cs.reduce((s, c) => s + c.population, 0);
      return { id: u.id, code: u.code, name: u.name, ...occupancy(pop, cap), cells: cs };
    });
    const pop = popPrison.get(p.id) ?? 0;
    const placed = us.reduce((s, u) => s + u.population, 0);
    return { id: p.id, code: p.code, name: p.name, kind: p.kind, region_code: p.regionCode, ...occupancy(pop, p.officialCapacity), unassigned: Math.max(0, pop - placed), units: us };
  });
  const caps = sumCapacity(out.map((p) => p.capacity));
  const population = out.reduce((s, p) => s + p.population, 0);
  return {
    as_of: date,
    national: {
      population,
      capacity: caps.unknown === 0 ? caps.known : null,
      congestion_rate: caps.unknown === 0 ? congestionRate(population, caps.known) : null,
      prisons: out.length,
      prisons_with_unknown_capacity: caps.unknown,
      capacity_known_part: caps.known,
      congestion_rate_known_part: congestionRate(out.filter((p) => p.capacity !== null).reduce((s, p) => s + p.population, 0), caps.known),
    },
    prisons: out,
  };
}
