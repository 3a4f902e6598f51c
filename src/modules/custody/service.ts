/** Admissions (écrou), their legal basis, location over time and end; the prisoner file. */
import type { Static } from '@sinclair/typebox';
import { type Actor, authorize, can, inScope, scopeFilter } from '../../core/access.js';
import { bamakoDate, endOfBamakoDay } from '../../core/dates.js';
import { AppError, type FieldError, invalid, notFound } from '../../core/errors.js';
import {
  type Change,
  diff,
  type HistoryEntry,
  personChanges,
  readChanges,
  recordChange,
  recordChanges,
} from '../../core/history.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import { checkReprisal } from '../complaints/index.js';
import type { DocumentSentence } from './schema.js';
import * as estateRepo from '../estate/index.js';
import { getPrison } from '../estate/index.js';
import { assertCodes } from '../reference/index.js';
import * as peopleRepo from '../people/index.js';
import {
  assertPersonVisible,
  createPersonTx,
  getPerson,
  type PersonView,
  preparePeople,
  writePeople,
  type AgeReadingView,
  ageReadingOf,
} from '../people/index.js';
import { openedPrisons, readablePrisons, recordReadmission } from '../sharing/index.js';
import './messages.js';
import type { AdmissionBody, ChargeBody, LegalDocumentBody } from './api-schemas.js';
import * as repo from './repository.js';
import {
  type CellPlacementRequest,
  type PlacementPath,
  placeManyThroughRule,
  placeThroughRule,
} from './placement-port.js';
import {
  deriveLegalStatus,
  type EndReason,
  formatCommittalNumber,
  type LegalStatus,
  parseCommittalNumber,
} from './rules.js';

/** The service's inputs are the API's bodies as validated (src/modules/custody/api-schemas.ts). */
export type ChargeInput = Static<typeof ChargeBody>;
export type DocumentInput = Static<typeof LegalDocumentBody>;
export type AdmissionInput = Static<typeof AdmissionBody> & {
  /** Internal: the way in, for the placement's record ('admission' unless the import says 'import'). */
  placement_via?: PlacementPath;
  /** Only for registers typed in from paper: keep the number written there. */
  committal_number?: string | null;
};

export interface AdmissionView {
  id: string;
  prison_id: string;
  person_id: string;
  committal_number: string;
  admitted_at: string;
  arresting_authority: string;
  arresting_unit: string | null;
  arrested_at: string | null;
  arrest_place: string | null;
  legal_status: LegalStatus;
  ended_at: string | null;
  end_reason: string | null;
  end_detail: string | null;
  transfer_to_prison_id: string | null;
  version: number;
  documents: {
    id: string;
    kind: string;
    authority: string;
    reference: string;
    issued_on: string;
    received_at: string;
    notes: string | null;
    on_arrival: boolean;
    attachment_id: string | null;
  }[];
  charges: {
    id: string;
    legal_document_id: string;
    qualification: string;
    legal_reference: string | null;
    category: string;
    terrorism_related: boolean;
  }[];
  location: { unit_id: string | null; cell_id: string | null; since: string } | null;
  placements: {
    id: string;
    unit_id: string | null;
    cell_id: string | null;
    from_at: string;
    to_at: string | null;
    reason: string | null;
    over_capacity_reason: string | null;
    via: string | null;
    overridden: string[];
    override_reason: string | null;
  }[];
}

function parseInstant(s: string | null | undefined, field: string, errors: FieldError[]): Date | null {
  if (s === null || s === undefined || s === '') return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) {
    errors.push({ field, key: 'field.invalid_date' });
    return null;
  }
  if (d.getTime() > Date.now() + 5 * 60_000) {
    errors.push({ field, key: 'field.date_in_future' });
    return null;
  }
  return d;
}

/**
 * Admit a person (new or already registered) to a prison: the committal number, the legal basis
 * on arrival with its charges, the arresting authority and, when given, the cell. All or nothing.
 */
export async function admit(db: Tx, actor: Actor, input: AdmissionInput): Promise<AdmissionView> {
  authorize(actor, 'custody.write');
  return db.transaction(async (tx) => {
    const prison = await getPrison(tx, actor, input.prison);
    authorize(actor, 'custody.write', prison.id);
    const { admittedAt, arrestedAt } = await checkAdmission(tx, input);

    let personId: string;
    if (input.person_id) {
      let visible = true;
      await assertPersonVisible(tx, actor, input.person_id).catch(async (e: unknown) => {
        // A person known elsewhere in the country may be re-admitted here (a transfer, a re-arrest),
        // by someone who may match identities across prisons: the re-admission is recorded and
        // opens the identity and the legal history to this prison (sharing.recordReadmission).
        if (e instanceof AppError && e.status === 403 && (await peopleRepo.findPerson(tx, input.person_id!))) {
          authorize(actor, 'identity.match');
          visible = false;
          return;
        }
        throw e;
      });
      personId = input.person_id;
      const open = await repo.findOpenAdmission(tx, personId);
      if (open) throw invalid([await alreadyHeld(tx, actor, open, visible)]);
    } else {
      personId = await createPersonTx(tx, actor, prison.id, input.person!, '/person');
    }

    let committalNumber: string;
    let bump: { year: number; seq: number } | null = null;
    if (input.committal_number) {
      committalNumber = input.committal_number.trim().toUpperCase();
      if (await repo.committalNumberTaken(tx, prison.id, committalNumber))
        throw invalid([{ field: '/committal_number', key: 'custody.committal_taken' }]);
      const parsed = parseCommittalNumber(committalNumber);
      if (parsed && parsed.prisonCode === prison.code) bump = parsed;
    } else {
      const year = Number(bamakoDate(admittedAt).slice(0, 4));
      committalNumber = formatCommittalNumber(prison.code, year, await repo.nextCommittalSeq(tx, prison.id, year));
    }
    const built = admissionRows(actor, prison.id, personId, committalNumber, input, admittedAt, arrestedAt);
    const { row, doc, charges } = built;
    await repo.insertAdmission(tx, row);
    await repo.insertDocument(tx, doc);
    await repo.insertCharges(tx, charges);
    await recordChange(tx, actor, built.change);
    if (input.person_id) await recordReadmission(tx, actor, { personId, admissionId: row.id, toPrisonId: prison.id });
    // A cell given at admission goes through the one placement rule (the full allocation check under
    // a lock on the cell); a refusal refuses the whole admission, nothing half-written. Without a
    // cell the person is awaiting allocation.
    if (input.cell_id) await placeThroughRule(tx, actor, row, placementRequest(input, admittedAt));
    // A number given (an imported register) moves the prison's counter past it; last, so that the
    // counter's row is locked for as short a time as possible.
    if (bump) await repo.bumpCommittalSeq(tx, prison.id, bump.year, bump.seq);
    // Without a cell the view is built from the rows just written: no need to read them back.
    if (input.cell_id) return (await admissionViews(tx, [row]))[0];
    return buildViews([row], [doc], charges, [])[0];
  });
}

/** The checks of an admission's own fields (the person is checked by people); the first refusal thrown with every field. */
async function checkAdmission(tx: Tx, input: AdmissionInput): Promise<{ admittedAt: Date; arrestedAt: Date | null }> {
  const errors: FieldError[] = [];
  const admittedAt = parseInstant(input.admitted_at, '/admitted_at', errors) ?? new Date();
  const arrestedAt = parseInstant(input.arrested_at, '/arrested_at', errors);
  if (arrestedAt && arrestedAt > admittedAt)
    errors.push({ field: '/arrested_at', key: 'custody.arrest_after_admission' });
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(input.legal_document.issued_on) ||
    input.legal_document.issued_on > bamakoDate(admittedAt)
  )
    errors.push({ field: '/legal_document/issued_on', key: 'custody.document_date' });
  if (!input.charges.length) errors.push({ field: '/charges', key: 'custody.charges_required' });
  errors.push(...documentSentenceErrors(input.legal_document, '/legal_document'));
  if (!!input.person_id === !!input.person) errors.push({ field: '/person_id', key: 'custody.person_or_id' });
  try {
    await assertCodes(tx, [
      { field: '/arresting_authority', kind: 'arresting_authority', code: input.arresting_authority },
    ]);
  } catch (e) {
    if (e instanceof AppError) errors.push(...e.fields);
    else throw e;
  }
  if (errors.length) throw invalid(errors);
  return { admittedAt, arrestedAt };
}

/** The rows an admission writes and its history entry: the same for `admit` and `admitBatch`. */
function admissionRows(
  actor: Actor,
  prisonId: string,
  personId: string,
  committalNumber: string,
  input: AdmissionInput,
  admittedAt: Date,
  arrestedAt: Date | null,
) {
  const id = newId();
  const docId = newId();
  const legalStatus = deriveLegalStatus([
    { kind: input.legal_document.kind, issuedOn: input.legal_document.issued_on },
  ]);
  const now = new Date();
  const row: repo.AdmissionRow = {
    id,
    prisonId,
    personId,
    committalNumber,
    admittedAt,
    arrestingAuthority: input.arresting_authority,
    arrestingUnit: input.arresting_unit ?? null,
    arrestedAt,
    arrestPlace: input.arrest_place ?? null,
    legalStatus,
    endedAt: null,
    endReason: null,
    endDetail: null,
    transferToPrisonId: null,
    version: 1,
    createdBy: actor.userId,
    createdAt: now,
  };
  const doc: repo.LegalDocumentRow = {
    id: docId,
    prisonId,
    admissionId: id,
    kind: input.legal_document.kind,
    authority: input.legal_document.authority,
    reference: input.legal_document.reference,
    issuedOn: input.legal_document.issued_on,
    receivedAt: now,
    notes: input.legal_document.notes ?? null,
    attachmentId: input.legal_document.attachment_id ?? null,
    onArrival: true,
    ...documentSentenceRow(input.legal_document),
    createdBy: actor.userId,
    createdAt: now,
  };
  const charges: repo.ChargeRow[] = input.charges.map((c) => ({
    id: newId(),
    prisonId,
    admissionId: id,
    legalDocumentId: docId,
    qualification: c.qualification,
    legalReference: c.legal_reference ?? null,
    category: c.category,
    terrorismRelated: !!c.terrorism_related,
    createdBy: actor.userId,
    createdAt: now,
  }));
  const { person: _p, placement_via: _v, ...logged } = input;
  const change: Change = {
    entity: 'admission',
    entityId: id,
    personId,
    prisonId,
    action: 'create',
    after: { ...logged, committal_number: row.committalNumber, legal_status: legalStatus },
  };
  return { row, doc, charges, change };
}

function placementRequest(input: AdmissionInput, admittedAt: Date): CellPlacementRequest {
  return {
    cell_id: input.cell_id!,
    reason: input.placement_via === 'import' ? 'import' : 'admission',
    via: input.placement_via ?? 'admission',
    at: admittedAt,
    override_reason: input.override_reason,
    over_capacity_reason: input.over_capacity_reason,
  };
}

/**
 * Admit many new people into one prison inside the caller's transaction (the register import):
 * for each, the same checks, rows and history entries as `admit`, written with one multi-row
 * INSERT per table; each person's entries stay together and in `admit`'s order (person, admission,
 * placement). Committal numbers: those kept from the register first move the prison's counters
 * past them, then the rows without one take the next numbers in the batch's order (gapless: the
 * counters and the rows commit or roll back together). Counters are locked in a fixed order (year),
 * then cells go through the one placement rule (`placeManyThroughRule`: the same check as every
 * other path, its reads made once for the batch), its cells locked in id order — so concurrent
 * batches always lock in the same order and never deadlock.
 * Any refusal (a rule or PostgreSQL) is thrown: the caller rolls the batch back and admits its
 * rows one by one with `admit` to tell which row it was.
 */
export async function admitBatch(tx: Tx, actor: Actor, inputs: readonly AdmissionInput[]): Promise<void> {
  authorize(actor, 'custody.write');
  if (!inputs.length) return;
  const prison = await getPrison(tx, actor, inputs[0].prison);
  authorize(actor, 'custody.write', prison.id);
  const checked: { admittedAt: Date; arrestedAt: Date | null }[] = [];
  for (const input of inputs) {
    if (input.prison !== inputs[0].prison || input.person_id || !input.person)
      throw new Error('admitBatch admits new people into one prison');
    checked.push(await checkAdmission(tx, input));
  }
  const people = await preparePeople(
    tx,
    actor,
    prison.id,
    inputs.map((i) => ({ person: i.person!, base: '/person' })),
  );

  // Committal numbers kept from the register: not already there, not twice in the batch.
  const given = inputs.map((i) => (i.committal_number ? i.committal_number.trim().toUpperCase() : null));
  const taken = await repo.committalNumbersTaken(
    tx,
    prison.id,
    given.filter((n): n is string => !!n),
  );
  const seen = new Set<string>();
  const bumps = new Map<number, number>();
  const generated = new Map<number, number>();
  const years = inputs.map((_, k) => Number(bamakoDate(checked[k].admittedAt).slice(0, 4)));
  given.forEach((n, k) => {
    if (!n) {
      generated.set(years[k], (generated.get(years[k]) ?? 0) + 1);
      return;
    }
    if (taken.has(n) || seen.has(n)) throw invalid([{ field: '/committal_number', key: 'custody.committal_taken' }]);
    seen.add(n);
    const parsed = parseCommittalNumber(n);
    if (parsed && parsed.prisonCode === prison.code)
      bumps.set(parsed.year, Math.max(bumps.get(parsed.year) ?? 0, parsed.seq));
  });
  // Counters, one year after the other: moved past the kept numbers, then the generated ones reserved.
  const next = new Map<number, number>();
  for (const year of [...new Set([...bumps.keys(), ...generated.keys()])].sort((a, b) => a - b)) {
    if (bumps.has(year)) await repo.bumpCommittalSeq(tx, prison.id, year, bumps.get(year)!);
    const n = generated.get(year);
    if (n) next.set(year, (await repo.reserveCommittalSeqs(tx, prison.id, year, n)) - n + 1);
  }
  const built = inputs.map((input, k) => {
    let number = given[k];
    if (!number) {
      const seq = next.get(years[k])!;
      next.set(years[k], seq + 1);
      number = formatCommittalNumber(prison.code, years[k], seq);
    }
    return admissionRows(actor, prison.id, people[k].id, number, input, checked[k].admittedAt, checked[k].arrestedAt);
  });
  await writePeople(tx, actor, prison.id, people, { changes: false });
  await repo.insertAdmissions(
    tx,
    built.map((b) => b.row),
  );
  await repo.insertDocuments(
    tx,
    built.map((b) => b.doc),
  );
  await repo.insertCharges(
    tx,
    built.flatMap((b) => b.charges),
  );
  await recordChanges(
    tx,
    actor,
    built.flatMap((b, k) => [people[k].change, b.change]),
  );
  const placed = inputs.flatMap((input, k) =>
    input.cell_id ? [{ admission: built[k].row, request: placementRequest(input, checked[k].admittedAt) }] : [],
  );
  await placeManyThroughRule(tx, actor, placed);
}

/**
 * "Already held": the committal number only when the open admission is in the actor's own prisons;
 * otherwise another prison holds the person, named only to those who may know it (they hold
 * identity.match, whose candidate list shows prisons, or the file is in their scope), and the way
 * forward is the national administration.
 */
async function alreadyHeld(tx: Tx, actor: Actor, open: repo.AdmissionRow, personVisible: boolean): Promise<FieldError> {
  if (inScope(actor, open.prisonId))
    return { field: '/person_id', key: 'custody.person_already_held', params: { committal: open.committalNumber } };
  const prison =
    personVisible || can(actor, 'identity.match') ? await estateRepo.findPrison(tx, open.prisonId) : undefined;
  return prison
    ? { field: '/person_id', key: 'custody.person_held_elsewhere', params: { prison: prison.name } }
    : { field: '/person_id', key: 'custody.person_held_elsewhere_unnamed' };
}

async function admissionViews(tx: Tx, rows: repo.AdmissionRow[]): Promise<AdmissionView[]> {
  const ids = rows.map((r) => r.id);
  // Sequential: `tx` may be one client inside a transaction, which runs one query at a time.
  const docs = await repo.findDocuments(tx, ids);
  const charges = await repo.findCharges(tx, ids);
  const placements = await repo.findPlacements(tx, ids);
  return buildViews(rows, docs, charges, placements);
}

function buildViews(
  rows: repo.AdmissionRow[],
  docs: repo.LegalDocumentRow[],
  charges: repo.ChargeRow[],
  placements: repo.PlacementRow[],
): AdmissionView[] {
  return rows.map((a) => {
    const pls = placements.filter((p) => p.admissionId === a.id);
    const open = pls.find((p) => p.toAt === null);
    return {
      id: a.id,
      prison_id: a.prisonId,
      person_id: a.personId,
      committal_number: a.committalNumber,
      admitted_at: a.admittedAt.toISOString(),
      arresting_authority: a.arrestingAuthority,
      arresting_unit: a.arrestingUnit,
      arrested_at: a.arrestedAt?.toISOString() ?? null,
      arrest_place: a.arrestPlace,
      legal_status: a.legalStatus,
      ended_at: a.endedAt?.toISOString() ?? null,
      end_reason: a.endReason,
      end_detail: a.endDetail,
      transfer_to_prison_id: a.transferToPrisonId,
      version: a.version,
      documents: docs
        .filter((d) => d.admissionId === a.id)
        .map((d) => ({
          id: d.id,
          kind: d.kind,
          authority: d.authority,
          reference: d.reference,
          issued_on: d.issuedOn,
          received_at: d.receivedAt.toISOString(),
          notes: d.notes,
          on_arrival: d.onArrival,
          attachment_id: d.attachmentId,
        })),
      charges: charges
        .filter((c) => c.admissionId === a.id)
        .map((c) => ({
          id: c.id,
          legal_document_id: c.legalDocumentId,
          qualification: c.qualification,
          legal_reference: c.legalReference,
          category: c.category,
          terrorism_related: c.terrorismRelated,
        })),
      location:
        open && !a.endedAt ? { unit_id: open.unitId, cell_id: open.cellId, since: open.fromAt.toISOString() } : null,
      placements: pls.map((p) => ({
        id: p.id,
        unit_id: p.unitId,
        cell_id: p.cellId,
        from_at: p.fromAt.toISOString(),
        to_at: p.toAt?.toISOString() ?? null,
        reason: p.reason,
        over_capacity_reason: p.overCapacityReason,
        via: p.via,
        overridden: p.overridden,
        override_reason: p.overrideReason,
      })),
    };
  });
}

/**
 * The admission in the actor's scope, for any module that acts on one: 404 when there is none, 403
 * when it belongs to a prison outside the actor's (the caller checks the permission). Locked until
 * the end of the transaction when `forUpdate`.
 */
export async function admissionInScope(
  tx: Tx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<repo.AdmissionRow> {
  const a = await repo.findAdmission(tx, id, forUpdate);
  if (!a) throw notFound();
  if (!inScope(actor, a.prisonId)) throw new AppError(403, 'error.out_of_scope');
  return a;
}

async function visibleAdmission(
  tx: Tx,
  actor: Actor,
  id: string,
  permission: 'custody.read' | 'custody.write' | 'custody.correct',
  forUpdate = false,
): Promise<repo.AdmissionRow> {
  authorize(actor, permission);
  return admissionInScope(tx, actor, id, forUpdate);
}

export async function getAdmission(db: Db, actor: Actor, id: string): Promise<AdmissionView> {
  const a = await visibleAdmission(db, actor, id, 'custody.read');
  return (await admissionViews(db, [a]))[0];
}

/** The legal history of an admission in another prison, once a re-admission or a decision opened it. */
export interface LegalHistory {
  legal_status: LegalStatus;
  end_reason: string | null;
  documents: { kind: string; authority: string; reference: string; issued_on: string }[];
  charges: { qualification: string; legal_reference: string | null; category: string; terrorism_related: boolean }[];
}

export interface PrisonerFile {
  person: PersonView;
  admissions: AdmissionView[];
  current_admission_id: string | null;
  /**
   * Admissions in prisons outside the actor's scope: that they exist, where and when (decision 0003);
   * with their legal history when it is opened to the actor's prisons (a re-admission, a decision).
   */
  admissions_elsewhere: {
    prison_id: string;
    committal_number: string;
    admitted_at: string;
    ended_at: string | null;
    legal: LegalHistory | null;
  }[];
  /** Treated as a minor today? The protective reading of the date of birth and any age assessment. */
  age: AgeReadingView;
}

/**
 * The prisoner file (Mandela Rules 7 and 8): identity and every admission with its legal basis
 * and location history. Admissions in prisons outside the actor's scope are left out.
 */
export async function getPrisonerFile(
  db: Db,
  actor: Actor,
  personId: string,
  opts: { sensitive?: boolean } = {},
): Promise<PrisonerFile> {
  const person = await getPerson(db, actor, personId, opts);
  const all = await repo.findAdmissionsOfPerson(db, personId);
  const rows = all.filter((a) => inScope(actor, a.prisonId));
  const canRead = actor.permissions.has('custody.read');
  const admissions = canRead ? await admissionViews(db, rows) : [];
  const others = canRead ? all.filter((a) => !inScope(actor, a.prisonId)) : [];
  const opened = others.length ? new Set(await openedPrisons(db, actor, personId, 'legal_history')) : new Set<string>();
  const legalRows = others.filter((a) => opened.has(a.prisonId));
  const legal = new Map((legalRows.length ? await admissionViews(db, legalRows) : []).map((v) => [v.id, v]));
  const elsewhere = others.map((a) => {
    const v = legal.get(a.id);
    return {
      prison_id: a.prisonId,
      committal_number: a.committalNumber,
      admitted_at: a.admittedAt.toISOString(),
      ended_at: a.endedAt?.toISOString() ?? null,
      legal: v
        ? {
            legal_status: v.legal_status,
            end_reason: v.end_reason,
            documents: v.documents.map((d) => ({
              kind: d.kind,
              authority: d.authority,
              reference: d.reference,
              issued_on: d.issued_on,
            })),
            charges: v.charges.map((c) => ({
              qualification: c.qualification,
              legal_reference: c.legal_reference,
              category: c.category,
              terrorism_related: c.terrorism_related,
            })),
          }
        : null,
    };
  });
  return {
    person,
    admissions,
    current_admission_id: rows.find((a) => a.endedAt === null)?.id ?? null,
    admissions_elsewhere: elsewhere,
    age: await ageReadingOf(db, personId),
  };
}

export async function population(
  db: Db,
  actor: Actor,
  prisonIdOrCode: string,
  opts: { date?: string; page: number; page_size: number },
) {
  authorize(actor, 'custody.read');
  const prison = await getPrison(db, actor, prisonIdOrCode);
  const at = opts.date ? endOfBamakoDay(opts.date) : null;
  const { total, rows } = await repo.populationPage(
    db,
    prison.id,
    at,
    opts.page_size,
    (opts.page - 1) * opts.page_size,
  );
  return {
    prison_id: prison.id,
    as_of: opts.date ?? bamakoDate(),
    total,
    page: opts.page,
    page_size: opts.page_size,
    items: rows.map((r) => ({ ...r, admitted_at: r.admitted_at.toISOString() })),
  };
}

export async function search(db: Db, actor: Actor, q: string, limit = 20) {
  authorize(actor, 'person.read');
  return repo.searchPeople(db, q, scopeFilter(actor), limit);
}

/**
 * Move a detainee to another cell of the same prison (closes the current placement), through the
 * one placement rule: every refusal named, overridden only by the director with a reason.
 */
export async function move(
  db: Db,
  actor: Actor,
  admissionId: string,
  input: {
    cell_id: string;
    reason: string;
    over_capacity_reason?: string | null;
    override_reason?: string | null;
    at?: string;
  },
): Promise<AdmissionView> {
  return db.transaction(async (tx) => {
    const a = await visibleAdmission(tx, actor, admissionId, 'custody.write', true);
    authorize(actor, 'housing.move', a.prisonId);
    if (a.endedAt) throw invalid([{ field: '/cell_id', key: 'custody.admission_ended' }]);
    const errors: FieldError[] = [];
    const at = parseInstant(input.at, '/at', errors) ?? new Date();
    if (errors.length) throw invalid(errors);
    await placeThroughRule(tx, actor, a, {
      cell_id: input.cell_id,
      reason: input.reason,
      via: 'move',
      at,
      override_reason: input.override_reason,
      over_capacity_reason: input.over_capacity_reason,
    });
    return (await admissionViews(tx, [a]))[0];
  });
}

/**
 * The old way to end an admission (`POST /api/admissions/:id/end`) is closed: who may write in
 * custody and sees the admission is told, with the field `/reason`, that an admission ends only
 * through the movements module's flows (release checklist, transfer, escape, death). Nothing changes.
 */
export async function refuseEndAdmission(db: Db, actor: Actor, admissionId: string): Promise<never> {
  const a = await visibleAdmission(db, actor, admissionId, 'custody.write');
  authorize(actor, 'custody.write', a.prisonId);
  const key = a.endedAt ? 'custody.admission_ended' : 'custody.end_through_movements';
  throw new AppError(409, key, { admission: a.id }, [{ field: '/reason', key, params: { admission: a.id } }]);
}

/**
 * End an admission: release, transfer (to a named prison), death or escape. Not on custody's front
 * door: only the movements module's flows reach it, through the capability of exit.ts.
 */
export async function endAdmission(
  db: Tx,
  actor: Actor,
  admissionId: string,
  input: { reason: EndReason; ended_at?: string; detail?: string | null; transfer_to?: string | null },
): Promise<AdmissionView> {
  return db.transaction(async (tx) => {
    const a = await visibleAdmission(tx, actor, admissionId, 'custody.write', true);
    if (a.endedAt) throw invalid([{ field: '/reason', key: 'custody.admission_ended' }]);
    const errors: FieldError[] = [];
    const endedAt = parseInstant(input.ended_at, '/ended_at', errors) ?? new Date();
    if (endedAt < a.admittedAt) errors.push({ field: '/ended_at', key: 'custody.end_before_admission' });
    let transferTo: string | null = null;
    if (input.reason === 'transfer') {
      const target = input.transfer_to ? await estateRepo.findPrison(tx, input.transfer_to) : undefined;
      if (!target) errors.push({ field: '/transfer_to', key: 'custody.transfer_target_required' });
      else transferTo = target.id;
    }
    if (errors.length) throw invalid(errors);
    const open = await repo.findOpenPlacement(tx, a.id);
    if (open) await repo.closePlacement(tx, open.id, endedAt);
    await repo.updateAdmissionRow(tx, a.id, {
      endedAt,
      endReason: input.reason,
      endDetail: input.detail ?? null,
      transferToPrisonId: transferTo,
    });
    // No reprisal: a complainant transferred within 30 days of a complaint is flagged (complaints module).
    if (input.reason === 'transfer')
      await checkReprisal(tx, actor, {
        personId: a.personId,
        prisonId: a.prisonId,
        event: 'transfer',
        at: endedAt,
        detail: input.detail ?? null,
      });
    await recordChange(tx, actor, {
      entity: 'admission',
      entityId: a.id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'end',
      reason: input.detail ?? input.reason,
      before: { ended_at: null },
      after: { ended_at: endedAt.toISOString(), end_reason: input.reason, transfer_to_prison_id: transferTo },
    });
    return (await admissionViews(tx, [(await repo.findAdmission(tx, a.id))!]))[0];
  });
}

/**
 * The legal basis an admission rests on, in the shape `admit` takes: its latest document (with the
 * sentence written on it) and its charges. For the receiving prison's admission after a transfer:
 * the caller has authorised the move; the person keeps the same basis on the same file.
 */
export async function transferBasis(
  tx: Tx,
  admissionId: string,
): Promise<{ admission: repo.AdmissionRow; document: DocumentInput; charges: ChargeInput[] } | null> {
  const a = await repo.findAdmission(tx, admissionId);
  if (!a) return null;
  const docs = (await repo.findDocuments(tx, [a.id])).sort((x, y) =>
    x.issuedOn === y.issuedOn ? x.receivedAt.getTime() - y.receivedAt.getTime() : x.issuedOn.localeCompare(y.issuedOn),
  );
  const d = docs.at(-1);
  if (!d) return null;
  const charges = await repo.findCharges(tx, [a.id]);
  return {
    admission: a,
    document: {
      kind: d.kind as DocumentInput['kind'],
      authority: d.authority,
      reference: d.reference,
      issued_on: d.issuedOn,
      notes: d.notes,
      ...(d.sentence ? { sentence: d.sentence } : {}),
      ...(d.sentenceStart ? { sentence_start: d.sentenceStart } : {}),
      ...(d.caseRef ? { case_ref: d.caseRef } : {}),
    },
    charges: charges.map((c) => ({
      qualification: c.qualification,
      legal_reference: c.legalReference,
      category: c.category as ChargeInput['category'],
      terrorism_related: c.terrorismRelated,
    })),
  };
}

/** Correct a wrong value on an admission; the old value stays in the history with the reason. */
export async function correctAdmission(
  db: Db,
  actor: Actor,
  admissionId: string,
  input: {
    changes: {
      admitted_at?: string;
      arresting_authority?: string;
      arresting_unit?: string | null;
      arrested_at?: string | null;
      arrest_place?: string | null;
    };
    reason: string;
    version?: number;
  },
): Promise<AdmissionView> {
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const a = await visibleAdmission(tx, actor, admissionId, 'custody.correct', true);
    if (input.version !== undefined && input.version !== a.version)
      throw new AppError(409, 'person.version_conflict', { current: a.version });
    const errors: FieldError[] = [];
    const next: Partial<repo.AdmissionRow> = {};
    if (input.changes.admitted_at !== undefined) {
      const d = parseInstant(input.changes.admitted_at, '/changes/admitted_at', errors);
      if (d) next.admittedAt = d;
    }
    if (input.changes.arrested_at !== undefined)
      next.arrestedAt = parseInstant(input.changes.arrested_at, '/changes/arrested_at', errors);
    if (input.changes.arresting_authority !== undefined) next.arrestingAuthority = input.changes.arresting_authority;
    if (input.changes.arresting_unit !== undefined) next.arrestingUnit = input.changes.arresting_unit;
    if (input.changes.arrest_place !== undefined) next.arrestPlace = input.changes.arrest_place;
    try {
      await assertCodes(tx, [
        { field: '/changes/arresting_authority', kind: 'arresting_authority', code: next.arrestingAuthority },
      ]);
    } catch (e) {
      if (e instanceof AppError) errors.push(...e.fields);
      else throw e;
    }
    if (errors.length) throw invalid(errors);
    const d = diff(a, next);
    if (!Object.keys(d.after).length) throw invalid([{ field: '/changes', key: 'custody.nothing_to_correct' }]);
    await repo.updateAdmissionRow(tx, a.id, d.after);
    await recordChange(tx, actor, {
      entity: 'admission',
      entityId: a.id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'correction',
      reason: input.reason,
      before: d.before,
      after: d.after,
    });
    return (await admissionViews(tx, [(await repo.findAdmission(tx, a.id))!]))[0];
  });
}

export type { HistoryEntry } from '../../core/history.js';

/**
 * Everything that ever changed in a person's file, oldest first, limited to the actor's prisons and
 * to those whose history is opened to them (sharing). Restricted parts (the interview, health,
 * intelligence, assessments, ethnicity and religion) only for holders of their permission, audited;
 * the others see that an entry is restricted, not its content (readChanges).
 */
export async function personHistory(db: Db, actor: Actor, personId: string): Promise<HistoryEntry[]> {
  authorize(actor, 'history.read');
  await assertPersonVisible(db, actor, personId);
  const prisons = await readablePrisons(db, actor, personId, 'history');
  return readChanges(db, actor, personChanges(personId, prisons), { personId });
}

// ---------------------------------------------------------------------------------------------
// A person admitted already convicted: the sentence on the judgment (read by the justice module)
// ---------------------------------------------------------------------------------------------

const TERM_KEYS = ['years', 'months', 'days'] as const;
const badTerm = (p: { years?: number; months?: number; days?: number } | undefined) =>
  !!p &&
  TERM_KEYS.some((k) => p[k] !== undefined && p[k] !== null && (!Number.isInteger(p[k]) || p[k] < 0 || p[k] > 1200));
const emptyTerm = (p: { years?: number; months?: number; days?: number } | undefined) =>
  !p || TERM_KEYS.every((k) => !p[k]);

/** Field errors of the sentence given with a document at admission or reception. */
export function documentSentenceErrors(
  d: Pick<DocumentInput, 'kind' | 'sentence' | 'sentence_start' | 'issued_on' | 'case_ref'>,
  base: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (d.sentence_start !== undefined && d.sentence_start !== null && !/^\d{4}-\d{2}-\d{2}$/.test(d.sentence_start))
    errs.push({ field: `${base}/sentence_start`, key: 'field.invalid_date' });
  const s = d.sentence;
  if (!s) {
    if (d.sentence_start) errs.push({ field: `${base}/sentence`, key: 'custody.sentence_required' });
    return errs;
  }
  if (d.kind !== 'conviction') return [...errs, { field: `${base}/sentence`, key: 'custody.sentence_not_for_kind' }];
  if (
    badTerm(s) ||
    badTerm(s.suspended) ||
    (s.fine !== undefined && s.fine !== null && (!Number.isInteger(s.fine) || s.fine < 0))
  )
    errs.push({ field: `${base}/sentence`, key: 'custody.sentence_invalid' });
  else if (s.life || s.death ? !emptyTerm(s) || (s.life && s.death) : emptyTerm(s) && !s.fine)
    errs.push({ field: `${base}/sentence`, key: 'custody.sentence_invalid' });
  return errs;
}

function documentSentenceRow(d: DocumentInput): Pick<repo.LegalDocumentRow, 'sentence' | 'sentenceStart' | 'caseRef'> {
  const s = d.sentence;
  const term = (p: { years?: number; months?: number; days?: number } | undefined) =>
    Object.fromEntries(TERM_KEYS.filter((k) => p?.[k]).map((k) => [k, p![k]]));
  const sentence: DocumentSentence | null =
    !s || d.kind !== 'conviction'
      ? null
      : s.death
        ? { death: true, ...(s.fine ? { fine: s.fine } : {}) }
        : s.life
          ? { life: true, ...(s.fine ? { fine: s.fine } : {}) }
          : {
              ...term(s),
              ...(!emptyTerm(s.suspended) ? { suspended: term(s.suspended) } : {}),
              ...(s.fine ? { fine: s.fine } : {}),
            };
  return { sentence, sentenceStart: sentence ? (d.sentence_start ?? null) : null, caseRef: d.case_ref?.trim() || null };
}
