/**
 * Transfers between prisons (issue 13, item 1): request → the two directors' decisions (the national
 * administration's when they disagree) → escort and list (a convoy) → departure (the admission ends
 * with reason "transfer", the property is signed out) → in transit (no admission open anywhere: the
 * transfer is what makes the person visible to both prisons) → arrival (a shortened reception, the
 * property signed in, a new admission in the receiving prison on the same file, linked to the
 * previous one) — or cancelled before departure. The family is told (Rule 68).
 */
import { type Actor, authorize, can, inScope, scopeFilter } from '../../../core/access.js';
import { AppError, type FieldError, forbidden, invalid, notFound } from '../../../core/errors.js';
import { recordChange } from '../../../core/history.js';
import { newId } from '../../../core/ids.js';
import type { Db, Tx } from '../../../db/index.js';
import { admissionInScope, admit, population, transferBasis } from '../../custody/index.js';
import { endAdmission } from '../exit.js';
import { findCells, findPrison, getPrison, listPrisons, prisonStatusToday } from '../../estate/index.js';
import { receptionsOfPerson } from '../../reception/index.js';
import { openOnTransfer } from '../../sharing/index.js';
import './messages.js';
import * as repo from './repository.js';
import {
  arrivalErrors,
  type Decision,
  deciderSide,
  isActive,
  mayDo,
  noticeErrors,
  type NoticeMethod,
  type Property,
  propertyFromInventory,
  requestErrors,
  stateAfterDecision,
  type TransferAction,
  type TransferReason,
  type TransferState,
} from './rules.js';
import type {
  ArrivalInput,
  CancelInput,
  ConvoyInput,
  ConvoyView,
  DecisionInput,
  DepartInput,
  NewTransfer,
  NoticeInput,
  TransferView,
} from './schemas.js';

function instant(s: string | null | undefined, field: string, errors: FieldError[]): Date | null {
  if (s === null || s === undefined || s === '') return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) errors.push({ field, key: 'field.invalid_date' });
  else if (d.getTime() > Date.now() + 5 * 60_000) errors.push({ field, key: 'field.date_in_future' });
  else return d;
  return null;
}

const notNow = () => new AppError(409, 'movements.transfers.not_now');

/** A transfer the actor may see: the sending or the receiving prison in scope. */
async function visible(tx: Tx, actor: Actor, id: string, forUpdate = false): Promise<repo.TransferRow> {
  authorize(actor, 'custody.read');
  const t = await repo.find(tx, id, forUpdate);
  if (!t) throw notFound();
  if (!inScope(actor, t.prisonId) && !inScope(actor, t.toPrisonId)) throw new AppError(403, 'error.out_of_scope');
  return t;
}

function check(t: repo.TransferRow, action: TransferAction): void {
  if (!mayDo(t.state as TransferState, action)) throw notNow();
}

// ---------------------------------------------------------------------------------------------
// Views

async function views(tx: Tx, rows: repo.TransferRow[]): Promise<TransferView[]> {
  if (!rows.length) return [];
  const convoys = await repo.findConvoys(tx, [...new Set(rows.map((r) => r.convoyId).filter((x): x is string => !!x))]);
  const members = await repo.convoyMembers(
    tx,
    convoys.map((c) => c.id),
  );
  const notices = await repo.noticesOf(
    tx,
    rows.map((r) => r.id),
  );
  const users = rows.flatMap((r) =>
    [
      r.requestedBy,
      r.sendingBy,
      r.receivingBy,
      r.nationalBy,
      r.propertyOutBy,
      r.propertyInBy,
      r.receivedBy,
      r.cancelledBy,
    ].filter((x): x is string => !!x),
  );
  const n = await repo.names(tx, {
    people: rows.map((r) => r.personId),
    prisons: [
      ...rows.flatMap((r) => [r.prisonId, r.toPrisonId]),
      ...convoys.flatMap((c) => [c.prisonId, c.toPrisonId]),
    ],
    admissions: rows.flatMap((r) => [r.fromAdmissionId, ...(r.toAdmissionId ? [r.toAdmissionId] : [])]),
    users: [...users, ...notices.map((x) => x.recordedBy)],
  });
  const who = (id: string | null) => (id ? { id, name: n.users.get(id) ?? '' } : null);
  const prison = (id: string) => n.prisons.get(id) ?? { id, code: '', name: '' };
  const decision = (d: string | null, by: string | null, at: Date | null, reason: string | null) =>
    d && at ? { decision: d as Decision, by: who(by), at: at.toISOString(), reason } : null;
  const convoyView = (c: repo.ConvoyRow): ConvoyView => ({
    id: c.id,
    from_prison: prison(c.prisonId),
    to_prison: prison(c.toPrisonId),
    escort_force: c.escortForce,
    vehicle: c.vehicle,
    officers: c.officers,
    planned_departure_at: c.plannedDepartureAt.toISOString(),
    departed_at: c.departedAt?.toISOString() ?? null,
    transfer_ids: members.filter((m) => m.convoyId === c.id).map((m) => m.id),
  });
  return rows.map((r) => {
    const c = convoys.find((x) => x.id === r.convoyId);
    const person = n.people.get(r.personId);
    return {
      id: r.id,
      state: r.state as TransferState,
      person: { id: r.personId, family_name: person?.family_name ?? '', given_names: person?.given_names ?? '' },
      from_prison: prison(r.prisonId),
      to_prison: prison(r.toPrisonId),
      from_admission: { id: r.fromAdmissionId, committal_number: n.admissions.get(r.fromAdmissionId) ?? '' },
      to_admission: r.toAdmissionId
        ? { id: r.toAdmissionId, committal_number: n.admissions.get(r.toAdmissionId) ?? '' }
        : null,
      reason: r.reason as TransferReason,
      note: r.note,
      requested_by: who(r.requestedBy),
      requested_at: r.requestedAt.toISOString(),
      sending: decision(r.sendingDecision, r.sendingBy, r.sendingAt, r.sendingReason),
      receiving: decision(r.receivingDecision, r.receivingBy, r.receivingAt, r.receivingReason),
      national: decision(r.nationalDecision, r.nationalBy, r.nationalAt, r.nationalReason),
      convoy: c ? convoyView(c) : null,
      departed_at: r.departedAt?.toISOString() ?? null,
      property: r.property ?? null,
      property_out: r.propertyOutAt ? { by: who(r.propertyOutBy), at: r.propertyOutAt.toISOString() } : null,
      property_in: r.propertyInAt
        ? { by: who(r.propertyInBy), at: r.propertyInAt.toISOString(), discrepancies: r.propertyDiscrepancies }
        : null,
      arrival: r.arrivedAt
        ? {
            at: r.arrivedAt.toISOString(),
            by: who(r.receivedBy),
            security_check: !!r.securityCheck,
            medical_check: !!r.medicalCheck,
            registry_check: !!r.registryCheck,
            note: r.arrivalNote,
          }
        : null,
      cancelled:
        r.cancelledAt && r.cancelReason
          ? { at: r.cancelledAt.toISOString(), by: who(r.cancelledBy), reason: r.cancelReason }
          : null,
      notices: notices
        .filter((x) => x.transferId === r.id)
        .map((x) => ({
          id: x.id,
          notified: x.notified,
          relative: x.relative,
          method: x.method as NoticeMethod | null,
          notified_at: x.notifiedAt?.toISOString() ?? null,
          reason_not: x.reasonNot,
          recorded_by: who(x.recordedBy),
          recorded_at: x.createdAt.toISOString(),
        })),
      row_version: r.rowVersion,
    };
  });
}

const one = async (tx: Tx, id: string) => (await views(tx, [(await repo.find(tx, id))!]))[0];

// ---------------------------------------------------------------------------------------------
// Reads

export async function getTransfer(db: Db, actor: Actor, id: string): Promise<TransferView> {
  const t = await visible(db, actor, id);
  return (await views(db, [t]))[0];
}

/** Transfers leaving or coming to a prison (or all in scope), optionally in one state. */
export async function listTransfers(
  db: Db,
  actor: Actor,
  opts: { prison?: string; state?: TransferState } = {},
): Promise<TransferView[]> {
  authorize(actor, 'custody.read');
  let prisons = scopeFilter(actor);
  if (opts.prison) {
    const p = await findPrison(db, opts.prison);
    if (!p) throw notFound();
    if (!inScope(actor, p.id)) throw new AppError(403, 'error.out_of_scope');
    prisons = [p.id];
  }
  return views(db, await repo.list(db, prisons, opts.state ? [opts.state] : undefined));
}

/**
 * The in-transit board of a prison: the people on the road leaving it and coming to it. They are in
 * neither prison's cells (no admission is open while in transit) and visible to both.
 */
export async function transferBoard(db: Db, actor: Actor, prisonRef: string) {
  authorize(actor, 'custody.read');
  const p = await findPrison(db, prisonRef);
  if (!p) throw notFound();
  if (!inScope(actor, p.id)) throw new AppError(403, 'error.out_of_scope');
  const items = await views(db, await repo.list(db, [p.id], ['in_transit']));
  return {
    prison: { id: p.id, code: p.code, name: p.name },
    leaving: items.filter((t) => t.from_prison.id === p.id),
    arriving: items.filter((t) => t.to_prison.id === p.id),
  };
}

/** A person's transfers that the actor may see (either prison in scope). */
export async function transfersOfPerson(db: Db, actor: Actor, personId: string): Promise<TransferView[]> {
  if (!can(actor, 'custody.read')) return [];
  const rows = (await repo.ofPerson(db, personId)).filter(
    (t) => inScope(actor, t.prisonId) || inScope(actor, t.toPrisonId),
  );
  return views(db, rows);
}

/** A vehicle's transfer list (printable): its escort and the people it carries. */
export async function getConvoy(db: Db, actor: Actor, id: string) {
  authorize(actor, 'custody.read');
  const c = await repo.findConvoy(db, id);
  if (!c) throw notFound();
  if (!inScope(actor, c.prisonId) && !inScope(actor, c.toPrisonId)) throw new AppError(403, 'error.out_of_scope');
  const transfers = await views(db, await repo.ofConvoy(db, c.id));
  return { convoy: (transfers[0]?.convoy ?? null)!, transfers };
}

// ---------------------------------------------------------------------------------------------
// Changes

/** Request a transfer of a person held in one of the actor's prisons to another prison. */
export async function requestTransfer(db: Db, actor: Actor, input: NewTransfer): Promise<TransferView> {
  authorize(actor, 'movements.transfer');
  return db.transaction(async (tx) => {
    const a = await admissionInScope(tx, actor, input.admission_id, true);
    authorize(actor, 'movements.transfer', a.prisonId);
    const to = await findPrison(tx, input.to_prison);
    const errors = requestErrors({
      fromPrisonId: a.prisonId,
      toPrisonId: to?.id ?? null,
      toStatus: to ? await prisonStatusToday(tx, to.id) : null,
      heldInSendingPrison: a.endedAt === null,
      activeTransfer: !!(await repo.activeOf(tx, a.personId)),
    });
    if (errors.length) throw invalid(errors);
    const id = newId();
    const now = new Date();
    await repo.insert(tx, {
      id,
      prisonId: a.prisonId,
      toPrisonId: to!.id,
      personId: a.personId,
      fromAdmissionId: a.id,
      reason: input.reason,
      note: input.note?.trim() || null,
      state: 'requested',
      requestedBy: actor.userId,
      requestedAt: now,
    });
    await recordChange(tx, actor, {
      entity: 'transfer',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'request',
      after: { to_prison_id: to!.id, reason: input.reason, note: input.note ?? null, admission_id: a.id },
    });
    return one(tx, id);
  });
}

/** A decision: a director for their own prison, or the national administration when the directors disagree. */
export async function decideTransfer(db: Db, actor: Actor, id: string, input: DecisionInput): Promise<TransferView> {
  authorize(actor, 'movements.transfer_decide');
  return db.transaction(async (tx) => {
    const t = await visible(tx, actor, id, true);
    const facts = {
      state: t.state as TransferState,
      fromPrisonId: t.prisonId,
      toPrisonId: t.toPrisonId,
      sending: { decision: t.sendingDecision as Decision | null, by: t.sendingBy },
      receiving: { decision: t.receivingDecision as Decision | null, by: t.receivingBy },
    };
    const r = deciderSide({ userId: actor.userId, national: actor.national, prisonIds: actor.prisonIds }, facts);
    if ('refusal' in r) throw r.refusal === 'error.out_of_scope' ? forbidden(r.refusal) : new AppError(409, r.refusal);
    const side = r.side;
    const state = stateAfterDecision(facts, side, input.decision);
    const now = new Date();
    const reason = input.reason.trim();
    if (!reason) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
    const set: Partial<repo.TransferRow> =
      side === 'sending'
        ? { sendingDecision: input.decision, sendingBy: actor.userId, sendingAt: now, sendingReason: reason }
        : side === 'receiving'
          ? { receivingDecision: input.decision, receivingBy: actor.userId, receivingAt: now, receivingReason: reason }
          : { nationalDecision: input.decision, nationalBy: actor.userId, nationalAt: now, nationalReason: reason };
    await repo.update(tx, t.id, { ...set, state }, t.rowVersion);
    await recordChange(tx, actor, {
      entity: 'transfer',
      entityId: t.id,
      personId: t.personId,
      prisonId: side === 'receiving' ? t.toPrisonId : t.prisonId,
      action: ['decide', side].join('.'),
      reason,
      before: { state: t.state },
      after: { state, decision: input.decision, side },
    });
    return one(tx, t.id);
  });
}

/** Prepare a vehicle and its escort, and put transfers (decided or awaiting decision) on its list. */
export async function createConvoy(db: Db, actor: Actor, input: ConvoyInput): Promise<ConvoyView> {
  authorize(actor, 'movements.transfer');
  return db.transaction(async (tx) => {
    const to = await findPrison(tx, input.to_prison);
    const errors: FieldError[] = [];
    if (!to) errors.push({ field: '/to_prison', key: 'movements.transfers.prison_unknown' });
    const planned = new Date(input.planned_departure_at);
    if (Number.isNaN(planned.getTime())) errors.push({ field: '/planned_departure_at', key: 'field.invalid_date' });
    const rows: repo.TransferRow[] = [];
    for (const [k, tid] of input.transfer_ids.entries()) {
      const t = await repo.find(tx, tid, true);
      if (!t) errors.push({ field: `/transfer_ids/${k}`, key: 'movements.transfers.unknown' });
      else if (!inScope(actor, t.prisonId)) throw new AppError(403, 'error.out_of_scope');
      else if (!mayDo(t.state as TransferState, 'assign') || t.convoyId)
        errors.push({ field: `/transfer_ids/${k}`, key: 'movements.transfers.not_listable' });
      else if (to && t.toPrisonId !== to.id)
        errors.push({ field: `/transfer_ids/${k}`, key: 'movements.transfers.other_destination' });
      else rows.push(t);
    }
    const from = new Set(rows.map((r) => r.prisonId));
    if (from.size > 1) errors.push({ field: '/transfer_ids', key: 'movements.transfers.one_origin' });
    if (errors.length) throw invalid(errors);
    const prisonId = rows[0].prisonId;
    authorize(actor, 'movements.transfer', prisonId);
    const id = newId();
    await repo.insertConvoy(tx, {
      id,
      prisonId,
      toPrisonId: to!.id,
      escortForce: input.escort_force.trim(),
      vehicle: input.vehicle.trim(),
      officers: input.officers.trim(),
      plannedDepartureAt: planned,
      createdBy: actor.userId,
    });
    for (const t of rows) await repo.update(tx, t.id, { convoyId: id }, t.rowVersion);
    await recordChange(tx, actor, {
      entity: 'transfer_convoy',
      entityId: id,
      prisonId,
      action: 'create',
      after: {
        to_prison_id: to!.id,
        escort_force: input.escort_force,
        vehicle: input.vehicle,
        officers: input.officers,
        planned_departure_at: planned.toISOString(),
        transfer_ids: rows.map((r) => r.id),
      },
    });
    const v = await views(tx, [(await repo.find(tx, rows[0].id))!]);
    return v[0].convoy!;
  });
}

/** The property that leaves with the person: the registry inventory of their latest reception. */
async function propertyOf(tx: Tx, actor: Actor, personId: string): Promise<Property> {
  const receptions = await receptionsOfPerson(tx, actor, personId);
  for (const r of receptions) {
    const step = r.steps.find((s) => s.step === 'registry' && s.done);
    if (step) return propertyFromInventory(step.data);
  }
  // Received by transfer before: what was signed in then.
  const earlier = (await repo.ofPerson(tx, personId)).find((t) => t.state === 'arrived' && t.property);
  return earlier?.property ?? propertyFromInventory(null);
}

/**
 * The vehicle leaves: for each approved transfer on its list, the admission ends with reason
 * "transfer" (no longer in the prison's cells nor its count), the property is signed out by the
 * caller, and the person is in transit. All or nothing.
 */
export async function departConvoy(db: Db, actor: Actor, convoyId: string, input: DepartInput) {
  authorize(actor, 'movements.transfer');
  return db.transaction(async (tx) => {
    const c = await repo.findConvoy(tx, convoyId, true);
    if (!c) throw notFound();
    authorize(actor, 'movements.transfer', c.prisonId);
    authorize(actor, 'custody.write', c.prisonId);
    if (c.departedAt) throw notNow();
    const errors: FieldError[] = [];
    const at = instant(input.departed_at, '/departed_at', errors) ?? new Date();
    if (!input.property_signed_out)
      errors.push({ field: '/property_signed_out', key: 'movements.transfers.property_unsigned' });
    const rows = (await repo.ofConvoy(tx, c.id, true)).filter((t) => t.state === 'approved');
    if (!rows.length) errors.push({ field: '/departed_at', key: 'movements.transfers.nobody_to_leave' });
    if (errors.length) throw invalid(errors);
    for (const t of rows) {
      const property = await propertyOf(tx, actor, t.personId);
      await endAdmission(tx, actor, t.fromAdmissionId, {
        reason: 'transfer',
        ended_at: at.toISOString(),
        transfer_to: t.toPrisonId,
        detail: `transfer ${t.id}`,
      });
      await repo.update(
        tx,
        t.id,
        { state: 'in_transit', departedAt: at, property, propertyOutBy: actor.userId, propertyOutAt: new Date() },
        t.rowVersion,
      );
      await recordChange(tx, actor, {
        entity: 'transfer',
        entityId: t.id,
        personId: t.personId,
        prisonId: t.prisonId,
        action: 'depart',
        before: { state: t.state },
        after: { state: 'in_transit', departed_at: at.toISOString(), convoy_id: c.id, property_signed_out: true },
      });
    }
    await repo.setConvoyDeparted(tx, c.id, at);
    return getConvoyTx(tx, c.id);
  });
}

async function getConvoyTx(tx: Tx, id: string) {
  const transfers = await views(tx, await repo.ofConvoy(tx, id));
  return { convoy: transfers[0].convoy!, transfers };
}

/**
 * Arrival: the shortened reception (security, medical, registry check), the property signed in
 * (discrepancies noted), and a new admission in the receiving prison on the same file — the same
 * person, their legal basis carried over, linked to the admission they left. The sending prison's
 * file (history, reception, classification, assessments) is opened to the receiving prison.
 */
export async function receiveTransfer(db: Db, actor: Actor, id: string, input: ArrivalInput): Promise<TransferView> {
  authorize(actor, 'movements.transfer');
  return db.transaction(async (tx) => {
    const t = await visible(tx, actor, id, true);
    authorize(actor, 'movements.transfer', t.toPrisonId);
    authorize(actor, 'custody.write', t.toPrisonId);
    check(t, 'arrive');
    const errors: FieldError[] = [];
    const arrivedAt = instant(input.arrived_at, '/arrived_at', errors) ?? new Date();
    errors.push(
      ...arrivalErrors({
        security_check: input.security_check,
        medical_check: input.medical_check,
        registry_check: input.registry_check,
        departedAt: t.departedAt!,
        arrivedAt,
      }).filter((e) => !errors.some((x) => x.field === e.field)),
    );
    if (errors.length) throw invalid(errors);
    const basis = await transferBasis(tx, t.fromAdmissionId);
    if (!basis) throw notNow();
    const a = basis.admission;
    const admission = await admit(tx, actor, {
      prison: t.toPrisonId,
      person_id: t.personId,
      admitted_at: arrivedAt.toISOString(),
      arresting_authority: a.arrestingAuthority,
      arresting_unit: a.arrestingUnit,
      arrested_at: a.arrestedAt?.toISOString() ?? null,
      arrest_place: a.arrestPlace,
      legal_document: basis.document,
      charges: basis.charges,
      cell_id: input.cell_id ?? null,
    }).catch((e: unknown) => {
      // A refusal about the cell belongs to this form's cell field.
      if (e instanceof AppError && e.fields.length)
        throw new AppError(
          e.status,
          e.key,
          e.params,
          e.fields.map((f) =>
            f.field.startsWith('/cell_id') || f.field.startsWith('/over') ? f : { ...f, field: '/cell_id' },
          ),
        );
      throw e;
    });
    await openOnTransfer(tx, actor, {
      personId: t.personId,
      fromPrisonId: t.prisonId,
      toPrisonId: t.toPrisonId,
      admissionId: admission.id,
      reason: `transfer ${t.id}`,
    });
    const now = new Date();
    await repo.update(
      tx,
      t.id,
      {
        state: 'arrived',
        arrivedAt,
        receivedBy: actor.userId,
        securityCheck: input.security_check,
        medicalCheck: input.medical_check,
        registryCheck: input.registry_check,
        arrivalNote: input.note?.trim() || null,
        propertyInBy: actor.userId,
        propertyInAt: now,
        propertyDiscrepancies: input.property_discrepancies?.trim() || null,
        toAdmissionId: admission.id,
      },
      t.rowVersion,
    );
    await recordChange(tx, actor, {
      entity: 'transfer',
      entityId: t.id,
      personId: t.personId,
      prisonId: t.toPrisonId,
      action: 'arrive',
      before: { state: t.state },
      after: {
        state: 'arrived',
        arrived_at: arrivedAt.toISOString(),
        admission_id: admission.id,
        previous_admission_id: t.fromAdmissionId,
        checks: { security: input.security_check, medical: input.medical_check, registry: input.registry_check },
        property_discrepancies: input.property_discrepancies ?? null,
      },
    });
    return one(tx, t.id);
  });
}

/** Cancel a transfer before departure, with the reason. */
export async function cancelTransfer(db: Db, actor: Actor, id: string, input: CancelInput): Promise<TransferView> {
  authorize(actor, 'movements.transfer');
  return db.transaction(async (tx) => {
    const t = await visible(tx, actor, id, true);
    authorize(actor, 'movements.transfer', t.prisonId);
    check(t, 'cancel');
    const reason = input.reason.trim();
    if (!reason) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
    await repo.update(
      tx,
      t.id,
      { state: 'cancelled', cancelledAt: new Date(), cancelledBy: actor.userId, cancelReason: reason, convoyId: null },
      t.rowVersion,
    );
    await recordChange(tx, actor, {
      entity: 'transfer',
      entityId: t.id,
      personId: t.personId,
      prisonId: t.prisonId,
      action: 'cancel',
      reason,
      before: { state: t.state },
      after: { state: 'cancelled' },
    });
    return one(tx, t.id);
  });
}

/** The family told of the transfer (Rule 68): who, how, when, by whom — or why not. */
export async function recordNotice(db: Db, actor: Actor, id: string, input: NoticeInput): Promise<TransferView> {
  authorize(actor, 'movements.transfer');
  return db.transaction(async (tx) => {
    const t = await visible(tx, actor, id, true);
    const prisonId = inScope(actor, t.prisonId) ? t.prisonId : t.toPrisonId;
    authorize(actor, 'movements.transfer', prisonId);
    check(t, 'notify');
    const errors = noticeErrors(input);
    if (errors.length) throw invalid(errors);
    const nid = newId();
    const at = input.notified ? (input.notified_at ? new Date(input.notified_at) : new Date()) : null;
    await repo.insertNotice(tx, {
      id: nid,
      prisonId,
      transferId: t.id,
      personId: t.personId,
      notified: input.notified,
      relative: input.notified ? input.relative!.trim() : null,
      method: input.notified ? input.method! : null,
      notifiedAt: at,
      reasonNot: input.notified ? null : input.reason_not!.trim(),
      recordedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'transfer_notice',
      entityId: nid,
      personId: t.personId,
      prisonId,
      action: input.notified ? 'notified' : 'not_notified',
      reason: input.notified ? null : input.reason_not,
      after: {
        transfer_id: t.id,
        relative: input.relative ?? null,
        method: input.method ?? null,
        notified_at: at?.toISOString() ?? null,
      },
    });
    return one(tx, t.id);
  });
}

/** Is a transfer of this person under way (for other modules' checks)? */
export async function transferUnderWay(db: Tx, personId: string): Promise<boolean> {
  const t = await repo.activeOf(db, personId);
  return !!t && isActive(t.state as TransferState);
}

/** The prisons a transfer may go to (the national estate), for the request and convoy forms. */
export async function destinations(db: Db, actor: Actor) {
  authorize(actor, 'movements.transfer');
  return repo.allPrisons(db);
}

// ---------------------------------------------------------------------------------------------
// What the pages need around the service

/** The prison a page is about: the one named (in scope), else the actor's first. */
export async function prisonFor(db: Db, actor: Actor, ref?: string) {
  if (ref) return getPrison(db, actor, ref);
  const all = await listPrisons(db, actor);
  if (!all[0]) throw notFound();
  return getPrison(db, actor, all[0].id);
}

/** The people held in a prison, for the request form (committal number and name). */
export async function heldIn(db: Db, actor: Actor, prisonId: string) {
  authorize(actor, 'movements.transfer', prisonId);
  const page = await population(db, actor, prisonId, { page: 1, page_size: 200 });
  return page.items.map((x) => ({
    admission_id: x.admission_id,
    label: `${x.committal_number} — ${x.family_name} ${x.given_names}`.trim(),
  }));
}

/** The open cells of a prison, for the arrival form. */
export async function cellsOf(db: Db, actor: Actor, prisonId: string) {
  if (!inScope(actor, prisonId)) return [];
  return (await findCells(db, [prisonId])).filter((c) => !c.closedAt).map((c) => ({ id: c.id, code: c.code }));
}

/** The vehicles leaving a prison (newest first), for its transfers page. */
export async function convoysOf(db: Db, actor: Actor, prisonId: string): Promise<ConvoyView[]> {
  authorize(actor, 'custody.read');
  const rows = (await repo.list(db, [prisonId])).filter((t) => t.convoyId && t.prisonId === prisonId);
  const seen = new Set<string>();
  const firsts = rows.filter((t) => !seen.has(t.convoyId!) && !!seen.add(t.convoyId!));
  return (await views(db, firsts)).map((t) => t.convoy!);
}

/** What the actor may do on a transfer now (the pages show only those forms). */
export function mayOn(actor: Actor, t: TransferView) {
  const facts = {
    state: t.state,
    fromPrisonId: t.from_prison.id,
    toPrisonId: t.to_prison.id,
    sending: { decision: (t.sending?.decision ?? null) as Decision | null, by: t.sending?.by?.id ?? null },
    receiving: { decision: (t.receiving?.decision ?? null) as Decision | null, by: t.receiving?.by?.id ?? null },
  };
  const transfer = can(actor, 'movements.transfer');
  return {
    decide:
      can(actor, 'movements.transfer_decide') &&
      'side' in deciderSide({ userId: actor.userId, national: actor.national, prisonIds: actor.prisonIds }, facts),
    cancel: transfer && inScope(actor, t.from_prison.id) && mayDo(t.state, 'cancel'),
    notice: transfer && mayDo(t.state, 'notify'),
    arrive: transfer && can(actor, 'custody.write') && inScope(actor, t.to_prison.id) && mayDo(t.state, 'arrive'),
    depart: transfer && can(actor, 'custody.write') && inScope(actor, t.from_prison.id),
  };
}
