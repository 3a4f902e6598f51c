/**
 * Requests and complaints: recording (at the detainee's word, by a cell leader, from a paper slip),
 * the receipt's reference, handling through the state machine, appeals to the national level, the
 * confidential channel to the independent body (every read audited), notices of allegations of
 * ill-treatment, the reprisal warning, and the lists and statistics — each filtered by mayView.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, authorize, can, inScope, type Permission, scopeFilter } from '../../core/access.js';
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from '../../core/errors.js';
import { recordAccess, recordChange } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import { getPrison, listPrisons } from '../estate/index.js';
import * as estateRepo from '../estate/index.js';
import './messages.js';
import * as repo from './repository.js';
import {
  type Action,
  ageInDays,
  allowedActions,
  appealDeadline,
  type Category,
  checkAction,
  type ComplaintSettings,
  deadlineFor,
  formatReference,
  isOverdue,
  mayHandle,
  mayView,
  nextState,
  noticesFor,
  REPRISAL_DAYS,
  settingsProblems,
  type State,
  statistics,
  withinReprisalWindow,
} from './rules.js';
import type { ActionInput, ComplaintDetailView, ComplaintItemView, NewComplaint, NoteInput } from './schemas.js';

type Row = repo.ComplaintRow;
const visible = (
  actor: Actor,
  c: { prison_id: string; confidential: boolean; category: string; named_staff: readonly string[] },
) => mayView(actor, { ...c, category: c.category as Category });
const rowVis = (c: Row) => ({
  prison_id: c.prisonId,
  confidential: c.confidential,
  category: c.category,
  named_staff: c.namedStaff,
});

/**
 * The change log of a complaint: its state and ids, never the words. A confidential complaint's
 * entries carry neither person nor prison, so that no file's or prison's history shows them.
 */
async function logChange(
  tx: Tx,
  actor: Actor,
  c: Pick<Row, 'id' | 'prisonId' | 'personId' | 'confidential'>,
  action: string,
  after: Record<string, unknown>,
  reason?: string | null,
) {
  await recordChange(tx, actor, {
    entity: 'complaint',
    entityId: c.id,
    action,
    after,
    prisonId: c.confidential ? null : c.prisonId,
    personId: c.confidential ? null : c.personId,
    reason: c.confidential ? null : (reason ?? null),
  });
}

/** Every read of a confidential complaint is audited (without prison or person, so the prison's audit does not reveal it). */
async function auditRead(tx: Tx, actor: Actor, c: Row, action: 'read' | 'list' = 'read') {
  if (!c.confidential) return;
  await recordAccess(tx, actor, {
    category: 'confidential_complaint',
    action,
    entity: 'complaint',
    entityId: c.id,
    detail: { reference: c.reference },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const READERS = ['complaints.read', 'complaints.national', 'complaints.confidential'] as const;
const ANY = [...READERS, 'complaints.record', 'complaints.handle'] as const;
/** Deny by default: the caller holds at least one of these complaints rights (then the visibility rule decides). */
function assertSome(actor: Actor, ps: readonly Permission[]) {
  if (!ps.some((p) => can(actor, p))) throw forbidden();
}

async function load(tx: Tx, actor: Actor, id: string, forUpdate = false): Promise<Row> {
  if (!UUID.test(id)) throw notFound();
  const c = await repo.find(tx, id, forUpdate);
  // Not visible = does not exist, for this reader: a confidential complaint's existence is itself confidential.
  if (!c || !visible(actor, rowVis(c))) throw notFound();
  return c;
}

export async function complaintSettings(db: Db | Tx): Promise<ComplaintSettings> {
  return repo.settings(db);
}

export async function getSettings(db: Db, actor: Actor) {
  assertSome(actor, ['complaints.read', 'complaints.confidential', 'complaints.record']);
  return repo.settings(db);
}

export async function putSettings(db: Db, actor: Actor, input: { settings: ComplaintSettings; reason: string }) {
  authorize(actor, 'complaints.national');
  const problems = settingsProblems(input.settings);
  if (problems.length) throw invalid(problems);
  return db.transaction(async (tx) => {
    const before = await repo.settings(tx);
    await tx
      .insert(repo.complaintSettings)
      .values({ id: 'national', settings: input.settings, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: repo.complaintSettings.id,
        set: { settings: input.settings, updatedBy: actor.userId, updatedAt: new Date() },
      });
    await recordChange(tx, actor, {
      entity: 'complaint_settings',
      entityId: actor.userId,
      action: 'update',
      reason: input.reason,
      before,
      after: input.settings,
    });
    return input.settings;
  });
}

// ---------------------------------------------------------------------------------------------
// Recording

export async function recordComplaint(
  db: Db,
  actor: Actor,
  input: NewComplaint,
  now = new Date(),
): Promise<ComplaintDetailView> {
  assertSome(actor, ['complaints.record', 'complaints.confidential']);
  const confidential = input.addressee === 'inspector' || input.confidential === true;
  const errors: FieldError[] = [];
  if (confidential && input.addressee === 'director')
    errors.push({ field: '/addressee', key: 'complaints.confidential_addressee' });
  if (!input.admission_id && !input.cell_id) errors.push({ field: '/admission_id', key: 'complaints.who_required' });
  if (input.channel === 'cell_leader' && !input.cell_id)
    errors.push({ field: '/cell_id', key: 'complaints.cell_required' });
  const receivedAt = input.received_at ? new Date(input.received_at) : now;
  if (receivedAt.getTime() > now.getTime() + 60_000) errors.push({ field: '/received_at', key: 'complaints.future' });
  if (errors.length) throw invalid(errors);
  const id = await db.transaction(async (tx) => {
    let prisonId: string;
    let admissionId: string | null = null;
    let personId: string | null = null;
    let cellId: string | null = null;
    let unitId: string | null = null;
    if (input.admission_id) {
      const place = await repo.currentPlace(tx, input.admission_id);
      if (!place) throw invalid([{ field: '/admission_id', key: 'complaints.not_held' }]);
      if (place.ended) throw invalid([{ field: '/admission_id', key: 'complaints.not_held' }]);
      ({ prison_id: prisonId, admission_id: admissionId, person_id: personId } = place);
      cellId = place.cell_id;
      unitId = place.unit_id;
    }
    if (input.cell_id) {
      const cell = await estateRepo.findCell(tx, input.cell_id);
      if (!cell) throw invalid([{ field: '/cell_id', key: 'complaints.cell_required' }]);
      if (admissionId && cell.prisonId !== prisonId!)
        throw invalid([{ field: '/cell_id', key: 'complaints.cell_other_prison' }]);
      prisonId = cell.prisonId;
      cellId = cell.id;
      unitId = cell.unitId;
      if (!personId && input.channel === 'cell_leader') {
        const leader = await repo.cellLeaderOf(tx, cell.id);
        if (leader) ({ admission_id: admissionId, person_id: personId } = leader);
      }
    }
    let receptionId: string | null = null;
    if (input.reception_id) {
      const rec = await repo.receptionOf(tx, input.reception_id);
      if (!rec || rec.prison_id !== prisonId! || (admissionId && rec.admission_id && rec.admission_id !== admissionId))
        throw invalid([{ field: '/reception_id', key: 'complaints.reception_other' }]);
      receptionId = rec.id;
    }
    // The prison's staff record; the independent body records what is addressed to it in confidence.
    if (!(confidential && can(actor, 'complaints.confidential'))) authorize(actor, 'complaints.record', prisonId!);
    const named = input.named_staff?.length ? await repo.usersByName(tx, input.named_staff) : [];
    const unknown = (input.named_staff ?? []).findIndex((u) => !named.some((n) => n.username === u));
    if (unknown >= 0) throw invalid([{ field: `/named_staff/${unknown}`, key: 'complaints.unknown_user' }]);
    const prison = (await estateRepo.findPrison(tx, prisonId!))!;
    const settings = await repo.settings(tx);
    const year = receivedAt.getUTCFullYear();
    const reference = formatReference(prison.code, year, await repo.nextSeq(tx, prison.id, year));
    const category = input.category;
    const id = newId();
    const row = {
      id,
      prisonId: prison.id,
      reference,
      personId,
      admissionId,
      cellId,
      unitId,
      receptionId,
      kind: input.kind,
      category,
      channel: input.channel,
      addressee: input.addressee,
      confidential,
      urgent: input.urgent === true || category === 'ill_treatment',
      words: input.words,
      namedStaff: named.map((n) => n.id),
      namedStaffText: input.named_staff_text ?? null,
      owner: settings.owners[category],
      state: 'received',
      receivedAt,
      dueAt: deadlineFor(settings, { kind: input.kind, category, received_at: receivedAt }),
      recordedBy: actor.userId,
    };
    await tx.insert(repo.complaint).values(row);
    await repo.addEvent(tx, {
      id: newId(),
      complaintId: id,
      kind: 'received',
      stateAfter: 'received',
      text: null,
      byUser: actor.userId,
      at: now,
    });
    // An allegation of ill-treatment is told at once to the director and the national administration (not the director in confidence).
    for (const audience of noticesFor({ category, confidential, addressee: input.addressee })) {
      await tx.insert(repo.complaintNotice).values({ id: newId(), complaintId: id, prisonId: prison.id, audience });
    }
    await logChange(
      tx,
      actor,
      row,
      'record',
      confidential
        ? { state: 'received' }
        : {
            reference,
            kind: input.kind,
            category,
            channel: input.channel,
            addressee: input.addressee,
            state: 'received',
          },
    );
    return id;
  });
  // The receipt, for the one who recorded it (they typed the words in): no visibility check here.
  return detail(db, actor, (await repo.find(db, id))!, now);
}

// ---------------------------------------------------------------------------------------------
// Reading

function item(r: repo.ListRow, now: Date): ComplaintItemView {
  const received = new Date(r.received_at);
  const due = new Date(r.due_at);
  return {
    id: r.id,
    reference: r.reference,
    prison_id: r.prison_id,
    prison_code: r.prison_code,
    person_id: r.person_id,
    person_name: r.person_name,
    cell: r.cell_code,
    unit: r.unit_code,
    kind: r.kind,
    category: r.category,
    channel: r.channel,
    addressee: r.addressee,
    confidential: r.confidential,
    urgent: r.urgent,
    state: r.state,
    owner: r.owner,
    received_at: received.toISOString(),
    due_at: due.toISOString(),
    overdue: isOverdue({ state: r.state as State, due_at: due }, now),
    age_days: ageInDays(received, now),
    outcome: r.outcome,
  };
}

export async function getComplaint(db: Db, actor: Actor, id: string, now = new Date()): Promise<ComplaintDetailView> {
  assertSome(actor, READERS);
  const c = await load(db, actor, id);
  await auditRead(db, actor, c);
  return detail(db, actor, c, now);
}

async function detail(db: Db, actor: Actor, c: Row, now: Date): Promise<ComplaintDetailView> {
  const [r] = await repo.list(db, { id: c.id });
  const base = item(r, now);
  return {
    ...base,
    words: c.words,
    named_staff_text: c.namedStaffText,
    answer: c.answer,
    action_taken: c.actionTaken,
    answered_at: c.answeredAt?.toISOString() ?? null,
    answer_read_at: c.answerReadAt?.toISOString() ?? null,
    appealed_at: c.appealedAt?.toISOString() ?? null,
    appeal_reason: c.appealReason,
    closed_at: c.closedAt?.toISOString() ?? null,
    reception_id: c.receptionId,
    allowed_actions: allowedActions(c.state as State, { appealed: !!c.appealedAt }),
    may_handle: mayHandleNow(actor, c),
    events: (await repo.events(db, c.id)).map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
  };
}

/** Find a complaint by the reference the detainee quotes. */
export async function byReference(db: Db, actor: Actor, reference: string) {
  assertSome(actor, READERS);
  const c = await repo.findByReference(db, reference.trim().toUpperCase());
  if (!c || !visible(actor, rowVis(c))) throw notFound();
  return getComplaint(db, actor, c.id);
}

/** Overdue first, then the oldest, then by category. */
function sortOpen(items: ComplaintItemView[]) {
  return items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(b.urgent) - Number(a.urgent) ||
      a.received_at.localeCompare(b.received_at) ||
      a.category.localeCompare(b.category),
  );
}

async function listed(db: Db, actor: Actor, rows: repo.ListRow[], now: Date) {
  const shown = rows.filter((r) => visible(actor, r));
  const conf = shown.filter((r) => r.confidential);
  if (conf.length)
    await recordAccess(db, actor, {
      category: 'confidential_complaint',
      action: 'list',
      entity: 'complaint',
      detail: { complaints: conf.map((r) => r.reference) },
    });
  return shown.map((r) => item(r, now));
}

/** A prison's open requests and complaints, overdue first, by age and category. */
export async function openList(db: Db, actor: Actor, prison: string, now = new Date()) {
  const p = await getPrison(db, actor, prison);
  if (!can(actor, 'complaints.read') && !can(actor, 'complaints.national')) throw forbidden();
  return sortOpen(await listed(db, actor, await repo.list(db, { prisonIds: [p.id], open: true }), now));
}

/** A person's complaints, latest first (those the reader may see). */
export async function personComplaints(db: Db, actor: Actor, personId: string, now = new Date()) {
  assertSome(actor, READERS);
  if (!UUID.test(personId)) throw notFound();
  return listed(
    db,
    actor,
    await repo.list(db, {
      personId,
      prisonIds:
        scopeFilter(actor) && !can(actor, 'complaints.national') && !can(actor, 'complaints.confidential')
          ? scopeFilter(actor)
          : undefined,
    }),
    now,
  );
}

/** The independent body's list: its confidential complaints and every allegation, across prisons, open first. */
export async function inspectorList(db: Db, actor: Actor, now = new Date()) {
  if (!can(actor, 'complaints.confidential') && !can(actor, 'complaints.national')) throw forbidden();
  const items = await listed(db, actor, await repo.list(db, { forInspector: true }), now);
  const open = (i: ComplaintItemView) => Number(i.state !== 'closed' && i.state !== 'accepted');
  return items.sort(
    (a, b) => open(b) - open(a) || Number(b.overdue) - Number(a.overdue) || a.received_at.localeCompare(b.received_at),
  );
}

/** Counts by category, quarter and unit of the complaints the reader may see (one prison, or all in scope). */
export async function complaintStatistics(db: Db, actor: Actor, prison?: string) {
  if (!can(actor, 'complaints.read') && !can(actor, 'complaints.national')) throw forbidden();
  const prisonIds = prison ? [(await getPrison(db, actor, prison)).id] : scopeFilter(actor);
  const rows = (await repo.list(db, { prisonIds, limit: 100_000 })).filter((r) => visible(actor, r));
  return statistics(
    rows.map((r) => ({ category: r.category as Category, received_at: new Date(r.received_at), unit: r.unit_code })),
  );
}

// ---------------------------------------------------------------------------------------------
// Handling

/** May this actor act on the complaint as its handler: never the staff it names. */
function mayHandleNow(actor: Actor, c: Row): boolean {
  if (!mayHandle(actor.userId, c.namedStaff)) return false;
  if (can(actor, 'complaints.national')) return true;
  if (c.confidential) return can(actor, 'complaints.confidential');
  return can(actor, 'complaints.handle') && inScope(actor, c.prisonId);
}

/** Who may record the detainee's acceptance or appeal of an answer: staff at the detainee's word, or a handler. */
function mayRecordForDetainee(actor: Actor, c: Row): boolean {
  if (!mayHandle(actor.userId, c.namedStaff)) return false;
  if (mayHandleNow(actor, c)) return true;
  return !c.confidential && can(actor, 'complaints.record') && inScope(actor, c.prisonId);
}

export async function act(
  db: Db,
  actor: Actor,
  id: string,
  input: ActionInput,
  now = new Date(),
): Promise<ComplaintDetailView> {
  assertSome(actor, ANY);
  await db.transaction(async (tx) => {
    const c = await load(tx, actor, id, true);
    const action: Action = input.action;
    const forDetainee = action === 'accept' || action === 'appeal' || action === 'withdraw';
    if (!(forDetainee ? mayRecordForDetainee(actor, c) : mayHandleNow(actor, c))) {
      if (!mayHandle(actor.userId, c.namedStaff)) throw new AppError(403, 'complaints.named_staff');
      throw forbidden();
    }
    const problem = checkAction({ state: c.state as State, appealed: !!c.appealedAt }, action, {
      answer: input.answer,
      outcome: input.outcome,
      national: can(actor, 'complaints.national'),
    });
    if (problem) {
      if (problem.key === 'complaints.appeal_national') throw new AppError(403, problem.key);
      if (problem.field === '/action') throw conflict(problem.key);
      throw invalid([problem]);
    }
    const state = nextState(c.state as State, action)!;
    const patch: Partial<typeof repo.complaint.$inferInsert> = { state, rowVersion: c.rowVersion + 1 };
    if (action === 'acknowledge') patch.acknowledgedAt = now;
    if (action === 'answer')
      Object.assign(patch, {
        answer: input.answer!,
        outcome: input.outcome!,
        actionTaken: input.action_taken ?? null,
        answeredAt: now,
        answeredBy: actor.userId,
        answerReadAt: null,
      });
    if (action === 'accept') patch.acceptedAt = now;
    if (action === 'appeal') {
      const settings = await repo.settings(tx);
      Object.assign(patch, { appealedAt: now, appealReason: input.text ?? null, dueAt: appealDeadline(settings, now) });
      await tx
        .insert(repo.complaintNotice)
        .values({ id: newId(), complaintId: c.id, prisonId: c.prisonId, audience: 'national' });
    }
    if (action === 'withdraw') Object.assign(patch, { outcome: 'withdrawn', closedAt: now });
    if (action === 'close') patch.closedAt = now;
    await tx.update(repo.complaint).set(patch).where(eq(repo.complaint.id, c.id));
    const text = action === 'answer' ? input.answer! : (input.text ?? null);
    await repo.addEvent(tx, {
      id: newId(),
      complaintId: c.id,
      kind: action,
      stateAfter: state,
      text,
      byUser: actor.userId,
      at: now,
    });
    await logChange(
      tx,
      actor,
      c,
      action,
      { state, ...(action === 'answer' ? { outcome: input.outcome } : {}) },
      c.confidential ? null : (input.text ?? null),
    );
  });
  return detail(db, actor, (await repo.find(db, id))!, now);
}

/**
 * A note on the file: an investigation note, the answer read to the detainee, and for the independent
 * body facts asked for, facts recorded and its recommendations.
 */
export async function addNote(
  db: Db,
  actor: Actor,
  id: string,
  input: NoteInput,
  now = new Date(),
): Promise<ComplaintDetailView> {
  assertSome(actor, ANY);
  await db.transaction(async (tx) => {
    const c = await load(tx, actor, id, true);
    const inspector = ['facts_requested', 'facts', 'recommendation'].includes(input.kind);
    if (
      inspector
        ? !(can(actor, 'complaints.confidential') || can(actor, 'complaints.national'))
        : !mayHandleNow(actor, c) && !(input.kind === 'read_to_detainee' && mayRecordForDetainee(actor, c))
    ) {
      if (!mayHandle(actor.userId, c.namedStaff)) throw new AppError(403, 'complaints.named_staff');
      throw forbidden();
    }
    if (input.kind === 'read_to_detainee') {
      if (!c.answeredAt) throw conflict('complaints.no_answer');
      await tx
        .update(repo.complaint)
        .set({ answerReadAt: now, rowVersion: c.rowVersion + 1 })
        .where(eq(repo.complaint.id, c.id));
    }
    await repo.addEvent(tx, {
      id: newId(),
      complaintId: c.id,
      kind: input.kind,
      stateAfter: c.state,
      text: input.text,
      byUser: actor.userId,
      at: now,
    });
    await logChange(tx, actor, c, input.kind, { state: c.state });
  });
  return detail(db, actor, (await repo.find(db, id))!, now);
}

/** Give the complaint to a handler: never a member of staff it names. */
export async function assign(db: Db, actor: Actor, id: string, username: string, now = new Date()) {
  assertSome(actor, ANY);
  await db.transaction(async (tx) => {
    const c = await load(tx, actor, id, true);
    if (!mayHandleNow(actor, c)) throw forbidden();
    const [u] = await repo.usersByName(tx, [username]);
    if (!u) throw invalid([{ field: '/username', key: 'complaints.unknown_user' }]);
    if (!mayHandle(u.id, c.namedStaff)) throw invalid([{ field: '/username', key: 'complaints.named_staff' }]);
    await tx
      .update(repo.complaint)
      .set({ assignedTo: u.id, rowVersion: c.rowVersion + 1 })
      .where(eq(repo.complaint.id, c.id));
    await repo.addEvent(tx, {
      id: newId(),
      complaintId: c.id,
      kind: 'assign',
      stateAfter: c.state,
      text: username,
      byUser: actor.userId,
      at: now,
    });
    await logChange(tx, actor, c, 'assign', { assigned_to: u.id });
  });
  return getComplaint(db, actor, id, now);
}

// ---------------------------------------------------------------------------------------------
// Notices of allegations and appeals

const audiencesOf = (actor: Actor): ('director' | 'national' | 'inspector')[] => [
  ...(can(actor, 'complaints.handle') && !actor.national ? ['director' as const] : []),
  ...(actor.national && (can(actor, 'complaints.read') || can(actor, 'complaints.national'))
    ? ['national' as const]
    : []),
  ...(can(actor, 'complaints.confidential') ? ['inspector' as const] : []),
];

/** What this reader has been told at once: allegations of ill-treatment, appeals, confidential complaints. */
export async function notices(db: Db, actor: Actor) {
  const audiences = audiencesOf(actor);
  if (!audiences.length) throw forbidden();
  const out = [];
  for (const audience of audiences) {
    for (const n of await repo.noticeRows(db, audience, audience === 'director' ? scopeFilter(actor) : undefined)) {
      const c = await repo.find(db, n.complaint_id);
      if (!c || !visible(actor, rowVis(c))) continue;
      const prison = await estateRepo.findPrison(db, c.prisonId);
      out.push({
        id: n.id,
        complaint_id: c.id,
        reference: c.reference,
        prison_code: prison?.code ?? '',
        audience,
        category: c.category,
        created_at: new Date(n.created_at).toISOString(),
        seen_at: n.seen_at ? new Date(n.seen_at).toISOString() : null,
        seen_by: n.seen_by,
      });
    }
  }
  return out;
}

export async function markNoticeSeen(db: Db, actor: Actor, noticeId: string) {
  if (!audiencesOf(actor).length) throw forbidden();
  const mine = await notices(db, actor);
  const n = mine.find((x) => x.id === noticeId);
  if (!n) throw notFound();
  await db
    .update(repo.complaintNotice)
    .set({ seenBy: actor.userId, seenAt: new Date() })
    .where(and(eq(repo.complaintNotice.id, noticeId), isNull(repo.complaintNotice.seenAt)));
  return { id: noticeId };
}

// ---------------------------------------------------------------------------------------------
// No reprisal

export type ReprisalEvent = 'move' | 'transfer' | 'discipline' | 'visits';

/**
 * Other modules call this when a person is moved, transferred, disciplined or has visits restricted
 * (inside their transaction): every complaint of the person received within 30 days before the event
 * gets a warning row, naming who acted. Returns the warnings the actor may see (a confidential
 * complaint's warning goes only to the independent body and the national officer).
 */
export async function checkReprisal(
  tx: Tx,
  actor: Actor | null,
  e: { personId: string; prisonId: string; event: ReprisalEvent; at?: Date; detail?: string | null },
) {
  const at = e.at ?? new Date();
  const recent = (await repo.recentOfPerson(tx, e.personId, at, REPRISAL_DAYS)).filter((c) =>
    withinReprisalWindow(c.receivedAt, at),
  );
  const out: { warning_id: string; complaint_id: string; reference: string; received_at: string }[] = [];
  for (const c of recent) {
    const id = newId();
    await tx.insert(repo.complaintReprisalWarning).values({
      id,
      complaintId: c.id,
      prisonId: e.prisonId,
      personId: e.personId,
      event: e.event,
      eventAt: at,
      detail: e.detail ?? null,
      triggeredBy: actor?.userId ?? null,
    });
    if (actor && visible(actor, rowVis(c)))
      out.push({ warning_id: id, complaint_id: c.id, reference: c.reference, received_at: c.receivedAt.toISOString() });
  }
  return out;
}

/** The reprisal warnings the reader may see (a prison, or all in scope); showing them records who saw each. */
export async function reprisalWarnings(db: Db, actor: Actor, prison?: string) {
  assertSome(actor, READERS);
  const prisonIds = prison
    ? [(await getPrison(db, actor, prison)).id]
    : can(actor, 'complaints.national') || can(actor, 'complaints.confidential')
      ? undefined
      : scopeFilter(actor);
  const rows = await repo.warningRows(db, prisonIds);
  const shown = [];
  for (const w of rows) {
    const c = await repo.find(db, w.complaint_id);
    if (!c || !visible(actor, rowVis(c))) continue;
    shown.push({ w, c });
  }
  if (shown.length) {
    await db
      .insert(repo.complaintWarningSeen)
      .values(shown.map(({ w }) => ({ warningId: w.id, userId: actor.userId })))
      .onConflictDoNothing();
    const conf = shown.filter(({ c }) => c.confidential);
    if (conf.length)
      await recordAccess(db, actor, {
        category: 'confidential_complaint',
        action: 'list',
        entity: 'complaint_reprisal_warning',
        detail: { complaints: conf.map(({ c }) => c.reference) },
      });
  }
  const seen = await repo.seenBy(
    db,
    shown.map(({ w }) => w.id),
  );
  return shown.map(({ w, c }) => ({
    id: w.id,
    complaint_id: c.id,
    reference: c.reference,
    person_id: w.person_id,
    person_name: w.person_name,
    event: w.event,
    event_at: new Date(w.event_at).toISOString(),
    detail: w.detail,
    triggered_by: w.triggered_by,
    seen_by: seen
      .filter((s) => s.warning_id === w.id)
      .map((s) => ({ name: s.name, at: new Date(s.seen_at).toISOString() })),
  }));
}

// ---------------------------------------------------------------------------------------------
// What the pages need around the lists and forms

/** The prison a page is about: the one asked for, or the reader's first (national: the first of all). */
export async function prisonFor(db: Db, actor: Actor, prison?: string) {
  if (prison) return getPrison(db, actor, prison);
  const all = await listPrisons(db, actor);
  if (!all[0]) throw notFound();
  return getPrison(db, actor, all[0].id);
}

export async function prisonsFor(db: Db, actor: Actor) {
  return (await listPrisons(db, actor)).map((x) => ({ code: x.code, name: x.name }));
}

/** The recording form's choices: the prison (from the admission when given), its cells, the independent body's name. */
export async function recordingContext(db: Db, actor: Actor, o: { prison?: string; admission?: string }) {
  assertSome(actor, ['complaints.record', 'complaints.confidential']);
  let prisonRef = o.prison;
  if (o.admission) {
    const place = UUID.test(o.admission) ? await repo.currentPlace(db, o.admission) : undefined;
    if (!place || place.ended) throw notFound();
    prisonRef = place.prison_id;
  }
  const prison = await prisonFor(db, actor, prisonRef);
  const cells = (await estateRepo.findCells(db, [prison.id]))
    .filter((c) => !c.closedAt)
    .map((c) => ({ id: c.id, code: c.code }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const settings = await repo.settings(db);
  return {
    prison: { id: prison.id, code: prison.code, name: prison.name },
    cells,
    body: settings.inspector_name[actor.lang],
    /** The independent body's name in both languages: a page shows it in the page's language. */
    body_names: settings.inspector_name,
  };
}

/** The person's current admission, for the "record a complaint" link (only in the reader's scope). */
export async function currentAdmissionOf(db: Db, actor: Actor, personId: string): Promise<string | null> {
  if (!UUID.test(personId)) return null;
  const a = await repo.openAdmissionOf(db, personId);
  return a && inScope(actor, a.prison_id) ? a.id : null;
}

/** The cell leaders' open requests of a prison (recorded on the cell's page), oldest first, with their age. */
export async function leaderRequests(db: Db, actor: Actor, prison: string, now = new Date()) {
  const p = await getPrison(db, actor, prison);
  if (!can(actor, 'complaints.read') && !can(actor, 'complaints.national')) throw forbidden();
  return (await repo.openLeaderRequests(db, p.id)).map((r) => ({
    ...r,
    age_days: ageInDays(new Date(`${r.raised_on}T00:00:00Z`), now),
  }));
}
