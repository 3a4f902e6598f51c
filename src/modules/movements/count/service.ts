/**
 * The roll call: per unit at the prison's count times, staff enter what they see in each cell;
 * pmis expects per cell the registry's open placements minus the people out on escort, shows each
 * discrepancy at once, keeps every recount beside the first figures, and a named officer closes it.
 */
import { authorize, type Actor } from '../../../core/access.js';
import { bamakoDate } from '../../../core/dates.js';
import { AppError, conflict, invalid, notFound, type FieldError } from '../../../core/errors.js';
import { recordChange } from '../../../core/history.js';
import { newId } from '../../../core/ids.js';
import type { Db, Tx } from '../../../db/index.js';
import { heldAt, type HeldRow } from '../../custody/index.js';
import { findCells, findUnit, findUnits, getPrison, type PrisonRow } from '../../estate/index.js';
import * as repo from './repository.js';
import {
  expectedPerCell,
  missingCells,
  nextAttempt,
  roundResult,
  slotsOf,
  unplaced,
  validationRefusal,
} from './rules.js';
import type { CountDayT, CountRoundViewT, NewCount, Recount, RoundSummaryT, Validate } from './schemas.js';

const person = (h: HeldRow) => ({
  admission_id: h.admission_id,
  person_id: h.person_id,
  family_name: h.family_name,
  given_names: h.given_names,
  committal_number: h.committal_number,
});

/** The registry at an instant for a prison: who is held where, who is out on escort, the open cells. */
export async function registryAt(db: Tx, prisonId: string, at: Date | null) {
  const when = at ?? new Date();
  // One after the other: inside a transaction there is one connection.
  const held = await heldAt(db, prisonId, at);
  const outs = await repo.outAt(db, prisonId, when);
  const cells = await findCells(db, [prisonId]);
  return {
    held,
    out: new Set(outs.map((e) => e.admissionId)),
    cells: cells.filter((c) => c.closedAt === null || c.closedAt > when),
  };
}

type Registry = Awaited<ReturnType<typeof registryAt>>;

function roundView(
  prison: Pick<PrisonRow, 'id' | 'code'>,
  unit: { id: string; code: string; name: string },
  reg: Registry,
  round: repo.RoundRow | null,
  entries: readonly repo.EntryRow[],
  names: ReadonlyMap<string, string>,
  slot: string,
  day: string,
): CountRoundViewT {
  const cells = reg.cells.filter((c) => c.unitId === unit.id);
  const expect = expectedPerCell(
    cells.map((c) => c.id),
    reg.held,
    reg.out,
  );
  const r = roundResult(
    expect,
    entries.map((e) => ({ cell_id: e.cellId, attempt: e.attempt, counted: e.counted, placed: e.placed, out: e.out })),
  );
  const code = new Map(cells.map((c) => [c.id, c.code]));
  return {
    id: round?.id ?? null,
    prison_id: prison.id,
    prison_code: prison.code,
    unit_id: unit.id,
    unit_code: unit.code,
    unit_name: unit.name,
    day: round?.day ?? day,
    slot: round?.slot ?? slot,
    state: round?.state ?? null,
    started_at: round?.startedAt.toISOString() ?? null,
    started_by: round ? (names.get(round.startedBy) ?? null) : null,
    validated_at: round?.validatedAt?.toISOString() ?? null,
    validated_by: round?.validatedBy ? (names.get(round.validatedBy) ?? null) : null,
    validation_note: round?.validationNote ?? null,
    attempts: nextAttempt(entries) - 1,
    cells: r.cells.map((c) => ({
      ...c,
      code: code.get(c.cell_id) ?? '',
      out_people: reg.held.filter((h) => h.cell_id === c.cell_id && reg.out.has(h.admission_id)).map(person),
    })),
    expected: r.expected,
    counted: r.counted,
    difference: r.difference,
    mismatched: r.mismatched,
    complete: r.complete,
    balanced: r.balanced,
    unplaced: unplaced(reg.held, unit.id).map(person),
  };
}

async function unitInScope(db: Tx, actor: Actor, unitId: string, permission: 'custody.read' | 'movements.count') {
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound();
  authorize(actor, permission, unit.prisonId);
  const prison = await getPrison(db, actor, unit.prisonId);
  return { unit, prison };
}

async function slotsFor(db: Tx, prisonId: string): Promise<readonly string[]> {
  return slotsOf(await repo.slotSetting(db, prisonId));
}

function checkSlot(slots: readonly string[], slot: string): void {
  if (!slots.includes(slot)) throw invalid([{ field: '/slot', key: 'movements.count.unknown_slot' }]);
}

/** The cells a form names must be open cells of the unit, each once. */
function checkCells(cellIds: readonly string[], counts: readonly { cell_id: string }[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  counts.forEach((c, i) => {
    if (!cellIds.includes(c.cell_id) || seen.has(c.cell_id))
      errors.push({ field: `/counts/${i}/cell_id`, key: 'movements.count.unknown_cell' });
    seen.add(c.cell_id);
  });
  return errors;
}

/** The count sheet of a unit at a count time today: the round if begun, else what the registry expects now. */
export async function countSheet(db: Db, actor: Actor, unitId: string, slot?: string): Promise<CountRoundViewT> {
  const { unit, prison } = await unitInScope(db, actor, unitId, 'custody.read');
  const slots = await slotsFor(db, prison.id);
  const s = slot ?? slots[0];
  checkSlot(slots, s);
  const day = bamakoDate();
  const round = await repo.findRoundOf(db, unit.id, day, s);
  if (round) return getRound(db, actor, round.id);
  return roundView(prison, unit, await registryAt(db, prison.id, null), null, [], new Map(), s, day);
}

export async function getRound(db: Tx, actor: Actor, id: string): Promise<CountRoundViewT> {
  const round = await repo.findRound(db, id);
  if (!round) throw notFound();
  const { unit, prison } = await unitInScope(db, actor, round.unitId, 'custody.read');
  const entries = await repo.entriesOf(db, [round.id]);
  const names = await repo.findUsersNames(db, [round.startedBy, ...(round.validatedBy ? [round.validatedBy] : [])]);
  const reg = await registryAt(db, prison.id, round.validatedAt);
  return roundView(prison, unit, reg, round, entries, names, round.slot, round.day);
}

/** The first count of a unit at a count time: every cell, with what the registry expects at this moment. */
export async function startCount(db: Db, actor: Actor, input: NewCount): Promise<CountRoundViewT> {
  return db.transaction(async (tx) => {
    const { unit, prison } = await unitInScope(tx, actor, input.unit_id, 'movements.count');
    checkSlot(await slotsFor(tx, prison.id), input.slot);
    const day = bamakoDate();
    if (await repo.findRoundOf(tx, unit.id, day, input.slot))
      throw conflict('movements.count.already_counted', { slot: input.slot });
    const now = new Date();
    const reg = await registryAt(tx, prison.id, null);
    const cellIds = reg.cells.filter((c) => c.unitId === unit.id).map((c) => c.id);
    const errors = checkCells(cellIds, input.counts);
    if (!errors.length && missingCells(cellIds, input.counts).length)
      errors.push({ field: '/counts', key: 'movements.count.every_cell' });
    if (errors.length) throw invalid(errors);
    const id = newId();
    await repo.insertRound(tx, {
      id,
      prisonId: prison.id,
      unitId: unit.id,
      day,
      slot: input.slot,
      startedAt: now,
      startedBy: actor.userId,
      state: 'open',
    });
    await insertAttempt(tx, actor, id, 1, input.counts, reg, now);
    await recordChange(tx, actor, {
      entity: 'count_round',
      entityId: id,
      prisonId: prison.id,
      action: 'count',
      after: { unit: unit.code, day, slot: input.slot, counts: input.counts.length },
    });
    return getRound(tx, actor, id);
  });
}

async function insertAttempt(
  tx: Tx,
  actor: Actor,
  roundId: string,
  attempt: number,
  counts: readonly { cell_id: string; counted: number }[],
  reg: Registry,
  at: Date,
) {
  const expect = new Map(
    expectedPerCell(
      counts.map((c) => c.cell_id),
      reg.held,
      reg.out,
    ).map((e) => [e.cell_id, e]),
  );
  await repo.insertEntries(
    tx,
    counts.map((c) => ({
      id: newId(),
      roundId,
      attempt,
      cellId: c.cell_id,
      counted: c.counted,
      placed: expect.get(c.cell_id)!.placed,
      out: expect.get(c.cell_id)!.out,
      enteredBy: actor.userId,
      enteredAt: at,
    })),
  );
}

/** A recount of some cells: new figures beside the first ones (never overwritten); the latest decides. */
export async function recount(db: Db, actor: Actor, id: string, input: Recount): Promise<CountRoundViewT> {
  return db.transaction(async (tx) => {
    const round = await repo.findRound(tx, id, true);
    if (!round) throw notFound();
    authorize(actor, 'movements.count', round.prisonId);
    if (round.state !== 'open') throw conflict('movements.count.closed');
    const reg = await registryAt(tx, round.prisonId, null);
    const errors = checkCells(
      reg.cells.filter((c) => c.unitId === round.unitId).map((c) => c.id),
      input.counts,
    );
    if (errors.length) throw invalid(errors);
    const attempt = nextAttempt(await repo.entriesOf(tx, [round.id]));
    await insertAttempt(tx, actor, round.id, attempt, input.counts, reg, new Date());
    await recordChange(tx, actor, {
      entity: 'count_round',
      entityId: round.id,
      prisonId: round.prisonId,
      action: 'recount',
      after: { attempt, counts: input.counts },
    });
    return getRound(tx, actor, round.id);
  });
}

/** A named officer closes the count; a discrepancy left after recounts needs its explanation. */
export async function validateCount(db: Db, actor: Actor, id: string, input: Validate): Promise<CountRoundViewT> {
  return db.transaction(async (tx) => {
    const round = await repo.findRound(tx, id, true);
    if (!round) throw notFound();
    authorize(actor, 'movements.count', round.prisonId);
    if (round.state !== 'open') throw conflict('movements.count.closed');
    const view = await getRound(tx, actor, round.id);
    const refusal = validationRefusal(view, input.note);
    if (refusal) throw new AppError(422, refusal, {}, [{ field: '/note', key: refusal }]);
    const note = input.note?.trim() || null;
    await repo.validateRound(tx, round.id, {
      validatedAt: new Date(),
      validatedBy: actor.userId,
      validationNote: note,
    });
    await recordChange(tx, actor, {
      entity: 'count_round',
      entityId: round.id,
      prisonId: round.prisonId,
      action: 'validate',
      reason: note,
      before: { state: 'open' },
      after: { state: 'validated', expected: view.expected, counted: view.counted, difference: view.difference },
    });
    return getRound(tx, actor, round.id);
  });
}

/** Summaries of rounds (daily state, the day's count page). */
export async function roundSummaries(
  db: Tx,
  prisonId: string,
  rounds: readonly repo.RoundRow[],
): Promise<RoundSummaryT[]> {
  if (!rounds.length) return [];
  const entries = await repo.entriesOf(
    db,
    rounds.map((r) => r.id),
  );
  const units = await findUnits(db, [prisonId]);
  const reg = await registryAt(db, prisonId, null);
  const names = await repo.findUsersNames(
    db,
    rounds.flatMap((r) => (r.validatedBy ? [r.validatedBy] : [])),
  );
  return rounds.map((round) => {
    const mine = entries.filter((e) => e.roundId === round.id);
    const unit = units.find((u) => u.id === round.unitId);
    const cells = reg.cells.filter((c) => c.unitId === round.unitId).map((c) => c.id);
    // A closed round's figures are its entries; the registry today only fills cells never counted.
    const r = roundResult(
      expectedPerCell(cells, reg.held, reg.out),
      mine.map((e) => ({ cell_id: e.cellId, attempt: e.attempt, counted: e.counted, placed: e.placed, out: e.out })),
    );
    return {
      id: round.id,
      unit_id: round.unitId,
      unit_code: unit?.code ?? '',
      slot: round.slot,
      state: round.state,
      attempts: nextAttempt(mine) - 1,
      expected: r.expected,
      counted: r.counted,
      difference: r.difference,
      mismatched: r.mismatched,
      balanced: r.balanced,
      validated_by: round.validatedBy ? (names.get(round.validatedBy) ?? null) : null,
      validated_at: round.validatedAt?.toISOString() ?? null,
    };
  });
}

/** A prison's counts of a day: its units, its count times, the rounds done, the people placed in no unit. */
export async function countDay(db: Db, actor: Actor, prisonRef: string, date?: string): Promise<CountDayT> {
  const prison = await getPrison(db, actor, prisonRef);
  authorize(actor, 'custody.read', prison.id);
  const day = date ?? bamakoDate();
  const [units, rounds, slots, reg] = await Promise.all([
    findUnits(db, [prison.id]),
    repo.roundsOfDay(db, [prison.id], day),
    slotsFor(db, prison.id),
    registryAt(db, prison.id, null),
  ]);
  return {
    prison_id: prison.id,
    prison_code: prison.code,
    prison_name: prison.name,
    date: day,
    slots: [...slots],
    units: units.filter((u) => u.closedAt === null).map((u) => ({ id: u.id, code: u.code, name: u.name })),
    rounds: await roundSummaries(db, prison.id, rounds),
    unplaced: unplaced(reg.held, null).map(person),
  };
}

/** A prison's count times (national administration: the estate's settings). */
export async function putCountSlots(db: Db, actor: Actor, prisonRef: string, slots: string[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    const prison = await getPrison(tx, actor, prisonRef);
    authorize(actor, 'estate.admin', prison.id);
    const clean = [...slotsOf(slots)];
    const before = await repo.slotSetting(tx, prison.id);
    await repo.putSlotSetting(tx, prison.id, clean, actor.userId);
    await recordChange(tx, actor, {
      entity: 'count_slot_setting',
      entityId: prison.id,
      prisonId: prison.id,
      action: 'update',
      before: { slots: before },
      after: { slots: clean },
    });
    return clean;
  });
}

export async function getCountSlots(db: Db, actor: Actor, prisonRef: string): Promise<string[]> {
  const prison = await getPrison(db, actor, prisonRef);
  return [...(await slotsFor(db, prison.id))];
}
