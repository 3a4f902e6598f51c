/**
 * The reception: the handover by the arresting force, then five steps, each recording who did it
 * and when. The administration step creates the file and the admission through custody.admit.
 */
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { attachReceptionFiles, filesOfReception } from '../attachments/index.js';
import { setPhoto, type PersonFields as PersonInput } from '../people/index.js';
import { type Actor, authorize, can, inScope, scopeFilter } from '../../core/access.js';
import { AppError, type FieldError, forbidden, invalid, notFound } from '../../core/errors.js';
import { recordAccess, recordChange } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import * as custodyRepo from '../custody/index.js';
import { admit, type ChargeInput, type DocumentInput } from '../custody/index.js';
import { placeInCell, precheckCell } from '../housing/index.js';
import { getPrison } from '../estate/index.js';
import { assertCodes } from '../reference/index.js';
import { mayReadPrisonData, openedPrisons } from '../sharing/index.js';
import './messages.js';
import {
  FINGERPRINTS,
  FITNESS,
  INVOLVEMENT,
  missingSteps,
  nextStep,
  outOfOrderError,
  REASONS,
  type Step,
  STEPS,
} from './rules.js';
import { reception, receptionMedical, receptionStep } from './schema.js';

export interface HandoverInput {
  prison: string;
  arresting_authority: string;
  officer_name?: string | null;
  officer_rank?: string | null;
  officer_unit?: string | null;
  warrant_name: string;
  warrant_birth?: string | null;
  warrant_region?: string | null;
  warrant_charge?: string | null;
  warrant_reference?: string | null;
  information_shared?: string | null;
  evidence_shared?: string | null;
  nothing_shared?: boolean;
  arrived_at?: string;
}

export interface SecurityInput {
  rules_explained: boolean;
  rules_language?: string | null;
  cell_id?: string | null;
  over_capacity_reason?: string | null;
  override_reason?: string | null;
  body_search_done: boolean;
  prohibited_items?: { item: string; description?: string | null }[];
  out_of_order_reason?: string | null;
}
export interface AdministrationInput {
  person?: PersonInput;
  person_id?: string | null;
  photo_taken: boolean;
  fingerprints: (typeof FINGERPRINTS)[number];
  fingerprints_reason?: string | null;
  warrant_scanned: boolean;
  legal_document: DocumentInput;
  charges: ChargeInput[];
  out_of_order_reason?: string | null;
}
export interface RegistryInput {
  items?: { item: string; quantity: number; description?: string | null }[];
  money?: { amount: number; currency: string }[];
  id_documents?: { kind: string; number?: string | null }[];
  phones?: { description: string; imei?: string | null }[];
  notes?: string | null;
  out_of_order_reason?: string | null;
}
export interface MedicalInput {
  visible_injuries?: string | null;
  ill_treatment_alleged: boolean;
  ill_treatment_account?: string | null;
  fitness: (typeof FITNESS)[number];
  referral?: string | null;
  notes?: string | null;
  out_of_order_reason?: string | null;
}
export interface InterviewInput {
  interviewer: 'director' | 'social_worker';
  background?: string | null;
  family_situation?: string | null;
  own_account?: string | null;
  education_level?: string | null;
  occupation?: string | null;
  affiliation_declared?: string | null;
  involvement: (typeof INVOLVEMENT)[number];
  reasons?: (typeof REASONS)[number][];
  free_text?: string | null;
  out_of_order_reason?: string | null;
}

type ReceptionRow = typeof reception.$inferSelect;

/**
 * One step. The interview's content is restricted (category interview): `data` is null and
 * `restricted` says so unless the reader holds intake.interview and asked for it (audited).
 */
export interface StepView {
  step: Step;
  done: boolean;
  done_by: string | null;
  done_at: string | null;
  out_of_order_reason: string | null;
  data: Record<string, unknown> | null;
  restricted: 'interview' | null;
}
export interface ReceptionView {
  id: string;
  prison_id: string;
  status: string;
  arrived_at: string;
  started_at: string;
  completed_at: string | null;
  handover: Omit<HandoverInput, 'prison' | 'arrived_at'> & { nothing_shared: boolean };
  admission_id: string | null;
  person_id: string | null;
  committal_number: string | null;
  steps: StepView[];
  missing: Step[];
  next: Step | null;
  /** Present for medical staff (everything) and for the director (injuries and allegations only). */
  medical?: {
    visible_injuries: string | null;
    ill_treatment_alleged: boolean | null;
    ill_treatment_account: string | null;
    fitness?: string | null;
    referral?: string | null;
    notes?: string | null;
    done_at: string;
  };
}

/** Who may start a reception (the handover form): the pages offer it only to them. */
export function canStart(actor: Actor): boolean {
  return can(actor, 'intake.security') || can(actor, 'intake.administration');
}

/** Who may open a reception: those who do one of its steps. The pages link to receptions only for them. */
export function canOpenReceptions(actor: Actor): boolean {
  return (
    canStart(actor) || can(actor, 'health.write') || can(actor, 'intake.interview') || can(actor, 'intake.registry')
  );
}

async function load(tx: Tx, actor: Actor, id: string, forUpdate = false, read = false): Promise<ReceptionRow> {
  if (!canOpenReceptions(actor)) throw forbidden();
  const q = tx.select().from(reception).where(eq(reception.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  if (!r) throw notFound();
  // Reading another prison's reception needs a recorded opening (sharing); writing never.
  if (
    !inScope(actor, r.prisonId) &&
    !(read && r.personId && (await mayReadPrisonData(tx, actor, r.personId, r.prisonId, 'reception')))
  )
    throw new AppError(403, 'error.out_of_scope');
  return r;
}

/** Start a reception with the handover; `db` may be a caller's transaction (the chain module links its announcement in it). */
export async function startReception(db: Tx, actor: Actor, input: HandoverInput): Promise<ReceptionView> {
  if (!canStart(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, input.prison);
    if (!inScope(actor, p.id)) throw new AppError(403, 'error.out_of_scope');
    const errors: FieldError[] = [];
    if (input.nothing_shared && (input.information_shared?.trim() || input.evidence_shared?.trim()))
      errors.push({ field: '/nothing_shared', key: 'reception.shared_conflict' });
    const arrived = input.arrived_at ? new Date(input.arrived_at) : new Date();
    if (Number.isNaN(arrived.getTime())) errors.push({ field: '/arrived_at', key: 'field.invalid_date' });
    else if (arrived.getTime() > Date.now() + 5 * 60_000)
      errors.push({ field: '/arrived_at', key: 'field.date_in_future' });
    try {
      await assertCodes(tx, [
        { field: '/arresting_authority', kind: 'arresting_authority', code: input.arresting_authority },
        { field: '/warrant_region', kind: 'region', code: input.warrant_region },
      ]);
    } catch (e) {
      if (e instanceof AppError) errors.push(...e.fields);
      else throw e;
    }
    if (errors.length) throw invalid(errors);
    const id = newId();
    await tx.insert(reception).values({
      id,
      prisonId: p.id,
      arrestingAuthority: input.arresting_authority,
      officerName: input.officer_name ?? null,
      officerRank: input.officer_rank ?? null,
      officerUnit: input.officer_unit ?? null,
      warrantName: input.warrant_name,
      warrantBirth: input.warrant_birth ?? null,
      warrantRegion: input.warrant_region ?? null,
      warrantCharge: input.warrant_charge ?? null,
      warrantReference: input.warrant_reference ?? null,
      informationShared: input.information_shared ?? null,
      evidenceShared: input.evidence_shared ?? null,
      nothingShared: !!input.nothing_shared,
      arrivedAt: arrived,
      startedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'reception',
      entityId: id,
      prisonId: p.id,
      action: 'handover',
      after: input,
    });
    return view(tx, actor, await load(tx, actor, id));
  });
}

async function stepsOf(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select()
    .from(receptionStep)
    .where(inArray(receptionStep.receptionId, ids))
    .orderBy(asc(receptionStep.doneAt));
}

async function view(
  tx: Tx,
  actor: Actor,
  r: ReceptionRow,
  opts: { medical?: boolean; interview?: boolean } = {},
): Promise<ReceptionView> {
  const steps = await stepsOf(tx, [r.id]);
  const done = new Set(steps.map((s) => s.step as Step));
  const adm = r.admissionId ? await custodyRepo.findAdmission(tx, r.admissionId) : undefined;
  const v: ReceptionView = {
    id: r.id,
    prison_id: r.prisonId,
    status: r.status,
    arrived_at: r.arrivedAt.toISOString(),
    started_at: r.startedAt.toISOString(),
    completed_at: r.completedAt?.toISOString() ?? null,
    handover: {
      arresting_authority: r.arrestingAuthority,
      officer_name: r.officerName,
      officer_rank: r.officerRank,
      officer_unit: r.officerUnit,
      warrant_name: r.warrantName,
      warrant_birth: r.warrantBirth,
      warrant_region: r.warrantRegion,
      warrant_charge: r.warrantCharge,
      warrant_reference: r.warrantReference,
      information_shared: r.informationShared,
      evidence_shared: r.evidenceShared,
      nothing_shared: r.nothingShared,
    },
    admission_id: r.admissionId,
    person_id: r.personId,
    committal_number: adm?.committalNumber ?? null,
    steps: STEPS.map((step) => {
      const s = steps.find((x) => x.step === step);
      // The interview's content is for holders of the interview permission (social workers, the
      // director), and only when asked for: every such read is audited.
      const restricted = step === 'interview' && !!s;
      const hideData = restricted && !(opts.interview && can(actor, 'intake.interview'));
      return {
        step,
        done: !!s,
        done_by: s?.doneBy ?? null,
        done_at: s?.doneAt.toISOString() ?? null,
        out_of_order_reason: s?.outOfOrderReason ?? null,
        data: s && !hideData ? s.data : null,
        restricted: restricted ? ('interview' as const) : null,
      };
    }),
    missing: missingSteps(done),
    next: nextStep(done),
  };
  if (v.steps.some((s) => s.restricted && s.data))
    await recordAccess(tx, actor, {
      category: 'interview',
      action: 'read',
      entity: 'reception_step.interview',
      entityId: r.id,
      personId: r.personId,
      prisonId: r.prisonId,
    });
  // Medical findings stay with the prison's medical staff: never through an opening to another prison.
  if (opts.medical && done.has('medical') && inScope(actor, r.prisonId)) {
    const [m] = await tx.select().from(receptionMedical).where(eq(receptionMedical.receptionId, r.id));
    if (m && can(actor, 'health.read')) {
      v.medical = {
        visible_injuries: m.visibleInjuries,
        ill_treatment_alleged: m.illTreatmentAlleged,
        ill_treatment_account: m.illTreatmentAccount,
        fitness: m.fitness,
        referral: m.referral,
        notes: m.notes,
        done_at: m.doneAt.toISOString(),
      };
      await recordAccess(tx, actor, {
        category: 'health',
        action: 'read',
        entity: 'reception_medical',
        entityId: r.id,
        personId: r.personId,
        prisonId: r.prisonId,
      });
    } else if (m && can(actor, 'health.injury_report.read')) {
      v.medical = {
        visible_injuries: m.visibleInjuries,
        ill_treatment_alleged: m.illTreatmentAlleged,
        ill_treatment_account: m.illTreatmentAccount,
        done_at: m.doneAt.toISOString(),
      };
      await recordAccess(tx, actor, {
        category: 'health',
        action: 'read',
        entity: 'reception_medical.injury_report',
        entityId: r.id,
        personId: r.personId,
        prisonId: r.prisonId,
      });
    }
  }
  return v;
}

/** One reception; `medical` and `interview` add those restricted parts for holders of their permission (audited). */
export async function getReception(
  db: Db,
  actor: Actor,
  id: string,
  opts: { medical?: boolean; interview?: boolean } = {},
): Promise<ReceptionView> {
  return db.transaction(async (tx) => view(tx, actor, await load(tx, actor, id, false, true), opts));
}

/** Receptions of a prison (in progress by default), each with what it is missing. */
export async function listReceptions(
  db: Db,
  actor: Actor,
  opts: { prison?: string; status?: string } = {},
): Promise<ReceptionView[]> {
  authorize(actor, 'custody.read');
  const prisonIds = opts.prison ? [(await getPrison(db, actor, opts.prison)).id] : scopeFilter(actor);
  const rows = await db
    .select()
    .from(reception)
    .where(
      and(
        eq(reception.status, opts.status ?? 'in_progress'),
        prisonIds ? inArray(reception.prisonId, [...prisonIds]) : undefined,
      ),
    )
    .orderBy(desc(reception.startedAt))
    .limit(200);
  const out: ReceptionView[] = [];
  for (const r of rows) out.push(await view(db, actor, r));
  return out;
}

export const receptionsInProgress = (db: Db, actor: Actor, prisonId: string) =>
  listReceptions(db, actor, { prison: prisonId });

const PERMISSION: Record<Step, Parameters<typeof authorize>[1]> = {
  security: 'intake.security',
  administration: 'intake.administration',
  registry: 'intake.registry',
  medical: 'health.write',
  interview: 'intake.interview',
};

/**
 * Who may record a step: the step's permission (the one rule recordStep enforces). The pages show a
 * step's form only to them; everyone else who may read the reception sees what was recorded.
 */
export function canRecordStep(actor: Actor, step: Step): boolean {
  return can(actor, PERMISSION[step]);
}

/** Record one step. Out of the default order it needs a reason; each step is done once. */
export async function recordStep(
  db: Db,
  actor: Actor,
  id: string,
  step: Step,
  input: SecurityInput | AdministrationInput | RegistryInput | MedicalInput | InterviewInput,
): Promise<ReceptionView> {
  return db.transaction(async (tx) => {
    const r = await load(tx, actor, id, true);
    authorize(actor, PERMISSION[step], r.prisonId);
    if (r.status !== 'in_progress') throw invalid([{ field: '/', key: 'reception.not_in_progress' }]);
    const done = new Set((await stepsOf(tx, [r.id])).map((s) => s.step as Step));
    if (done.has(step)) throw new AppError(409, 'reception.step_done');
    const skipped = outOfOrderError(step, done, input.out_of_order_reason);
    if (skipped)
      throw invalid([
        {
          field: '/out_of_order_reason',
          key: 'reception.out_of_order',
          params: { steps: skipped.map((s) => s).join(', ') },
        },
      ]);
    let data: Record<string, unknown> = {};
    const { out_of_order_reason: _r, ...rest } = input;
    if (step === 'security') {
      const s = input as SecurityInput;
      await assertCodes(tx, [{ field: '/rules_language', kind: 'language', code: s.rules_language }]);
      if (s.cell_id) {
        if (r.admissionId) {
          // The file exists (administration done first): the one placement rule, in full.
          const a = (await custodyRepo.findAdmission(tx, r.admissionId, true))!;
          await placeInCell(tx, actor, a, {
            cell_id: s.cell_id,
            reason: 'reception',
            via: 'reception',
            override_reason: s.override_reason,
            over_capacity_reason: s.over_capacity_reason,
          });
        } else {
          // No file yet: only the cell and its capacity can be checked now; the full check runs
          // when the administration step creates the file. An override needs the file.
          if (s.override_reason?.trim())
            throw invalid([{ field: '/override_reason', key: 'reception.override_needs_file' }]);
          await precheckCell(tx, actor, r.prisonId, s.cell_id, { over_capacity_reason: s.over_capacity_reason });
        }
      }
      data = rest;
    } else if (step === 'administration') {
      const a = input as AdministrationInput;
      if (a.fingerprints !== 'captured' && !a.fingerprints_reason?.trim())
        throw invalid([{ field: '/fingerprints_reason', key: 'reception.fingerprint_reason' }]);
      // The cell chosen at the security office, if any, becomes the first placement.
      const [sec] = (await stepsOf(tx, [r.id])).filter((x) => x.step === 'security');
      const secData = (sec?.data ?? {}) as Partial<SecurityInput>;
      // Files received during this reception: the scanned warrant goes with the legal document,
      // the photo on the file, and every file joins the person's file.
      const files = await filesOfReception(tx, r.id);
      const warrant = files.find((f) => f.kind === 'warrant');
      const photo = files.find((f) => f.kind === 'photo');
      const adm = await admit(tx, actor, {
        prison: r.prisonId,
        person: a.person,
        person_id: a.person_id ?? undefined,
        admitted_at: r.arrivedAt.toISOString(),
        arresting_authority: r.arrestingAuthority,
        arresting_unit: r.officerUnit,
        legal_document: { ...a.legal_document, attachment_id: a.legal_document.attachment_id ?? warrant?.id ?? null },
        charges: a.charges,
      });
      await tx.update(reception).set({ admissionId: adm.id, personId: adm.person_id }).where(eq(reception.id, r.id));
      // The cell chosen at the security office goes through the one placement rule, now that the
      // file says who the person is. A refusal does not block the admission: the person is
      // awaiting allocation, and the refusal's reasons are kept with this step.
      let placementRefused: { code: string; message_key: string; params: Record<string, string | number> }[] = [];
      if (secData.cell_id) {
        const row = (await custodyRepo.findAdmission(tx, adm.id, true))!;
        try {
          await tx.transaction((sp) =>
            placeInCell(sp, actor, row, {
              cell_id: secData.cell_id!,
              reason: 'reception',
              via: 'reception',
              at: row.admittedAt,
              over_capacity_reason: secData.over_capacity_reason,
            }),
          );
        } catch (e) {
          if (!(e instanceof AppError) || (e.status !== 422 && e.status !== 403)) throw e;
          placementRefused = (e.fields.length ? e.fields : [{ key: e.key, params: e.params }]).map((f) => ({
            code: f.key.replace(/^housing\.refused\./, ''),
            message_key: f.key,
            params: f.params ?? {},
          }));
        }
      }
      await attachReceptionFiles(tx, r.id, adm.person_id);
      if (photo) {
        await setPhoto(tx, adm.person_id, photo.id);
        await recordChange(tx, actor, {
          entity: 'person',
          entityId: adm.person_id,
          personId: adm.person_id,
          prisonId: r.prisonId,
          action: 'photo',
          after: { photo_attachment_id: photo.id },
        });
      }
      const { person: _p, ...kept } = rest as Record<string, unknown>;
      data = {
        ...kept,
        committal_number: adm.committal_number,
        ...(secData.cell_id ? { cell_id: secData.cell_id, placement_refused: placementRefused } : {}),
      };
    } else if (step === 'registry') {
      data = rest;
    } else if (step === 'medical') {
      const m = input as MedicalInput;
      await tx.insert(receptionMedical).values({
        receptionId: r.id,
        prisonId: r.prisonId,
        visibleInjuries: m.visible_injuries ?? null,
        illTreatmentAlleged: m.ill_treatment_alleged,
        illTreatmentAccount: m.ill_treatment_account ?? null,
        fitness: m.fitness,
        referral: m.referral ?? null,
        notes: m.notes ?? null,
        doneBy: actor.userId,
      });
      await recordAccess(tx, actor, {
        category: 'health',
        action: 'write',
        entity: 'reception_medical',
        entityId: r.id,
        personId: r.personId,
        prisonId: r.prisonId,
      });
      data = {}; // medical findings stay in reception_medical
    } else if (step === 'interview') {
      const iv = input as InterviewInput;
      await assertCodes(tx, [
        { field: '/education_level', kind: 'education_level', code: iv.education_level },
        { field: '/occupation', kind: 'occupation', code: iv.occupation },
      ]);
      data = rest;
      await recordAccess(tx, actor, {
        category: 'interview',
        action: 'write',
        entity: 'reception_step.interview',
        entityId: r.id,
        personId: r.personId,
        prisonId: r.prisonId,
      });
    }
    await tx.insert(receptionStep).values({
      id: newId(),
      prisonId: r.prisonId,
      receptionId: r.id,
      step,
      data,
      outOfOrderReason: input.out_of_order_reason ?? null,
      doneBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'reception',
      entityId: r.id,
      personId: r.personId,
      prisonId: r.prisonId,
      action: `step.${step}`,
      reason: input.out_of_order_reason ?? null,
      after: step === 'medical' ? { done: true } : data,
    });
    return view(tx, actor, await load(tx, actor, r.id));
  });
}

/** Close a reception: refused, naming each missing step, while a mandatory step is missing. */
export async function completeReception(db: Db, actor: Actor, id: string): Promise<ReceptionView> {
  return db.transaction(async (tx) => {
    const r = await load(tx, actor, id, true);
    if (!can(actor, 'intake.complete') && !can(actor, 'intake.administration')) throw forbidden();
    if (r.status !== 'in_progress') throw invalid([{ field: '/', key: 'reception.not_in_progress' }]);
    const done = new Set((await stepsOf(tx, [r.id])).map((s) => s.step as Step));
    const missing = missingSteps(done);
    if (missing.length) throw invalid(missing.map((s) => ({ field: `/steps/${s}`, key: `reception.missing.${s}` })));
    await tx
      .update(reception)
      .set({ status: 'completed', completedAt: new Date(), completedBy: actor.userId })
      .where(eq(reception.id, r.id));
    await recordChange(tx, actor, {
      entity: 'reception',
      entityId: r.id,
      personId: r.personId,
      prisonId: r.prisonId,
      action: 'complete',
    });
    return view(tx, actor, await load(tx, actor, r.id));
  });
}

/** How many arrivals came with nothing shared by the arresting force, per prison, over a period. */
export async function nothingSharedCount(
  db: Db,
  actor: Actor,
  prison: string,
  from: Date,
  to: Date,
): Promise<{ receptions: number; nothing_shared: number }> {
  authorize(actor, 'statistics.read');
  const p = await getPrison(db, actor, prison);
  const [r] = await db
    .select({
      receptions: sql<number>`count(*)::int`,
      nothing_shared: sql<number>`count(*) FILTER (WHERE ${reception.nothingShared})::int`,
    })
    .from(reception)
    .where(and(eq(reception.prisonId, p.id), gte(reception.arrivedAt, from), lt(reception.arrivedAt, to)));
  return r;
}

export interface ReceptionFact {
  id: string;
  prison_id: string;
  arresting_authority: string;
  arrived_at: Date;
  nothing_shared: boolean;
  admission_id: string | null;
  person_id: string | null;
}

/**
 * Facts about receptions for the chain module's figures and links (the arrivals per force, the
 * admission a reception created): by id, or arrived in [from, to) in some prisons (undefined: all).
 * No authorisation here: the caller decides what its actor may see of them.
 */
export async function receptionFacts(
  tx: Tx,
  opts: { ids?: readonly string[]; from?: Date; to?: Date; prisonIds?: readonly string[] },
): Promise<ReceptionFact[]> {
  const where = [];
  if (opts.ids) {
    if (!opts.ids.length) return [];
    where.push(inArray(reception.id, [...opts.ids]));
  }
  if (opts.prisonIds) {
    if (!opts.prisonIds.length) return [];
    where.push(inArray(reception.prisonId, [...opts.prisonIds]));
  }
  if (opts.from) where.push(gte(reception.arrivedAt, opts.from));
  if (opts.to) where.push(lt(reception.arrivedAt, opts.to));
  const rows = await tx
    .select()
    .from(reception)
    .where(and(...where))
    .orderBy(asc(reception.arrivedAt));
  return rows.map((r) => ({
    id: r.id,
    prison_id: r.prisonId,
    arresting_authority: r.arrestingAuthority,
    arrived_at: r.arrivedAt,
    nothing_shared: r.nothingShared,
    admission_id: r.admissionId,
    person_id: r.personId,
  }));
}

/** The receptions that created or re-opened a person's file, in the actor's prisons. */
export async function receptionsOfPerson(db: Tx, actor: Actor, personId: string): Promise<ReceptionView[]> {
  if (!can(actor, 'custody.read')) return [];
  const rows = await db
    .select()
    .from(reception)
    .where(eq(reception.personId, personId))
    .orderBy(desc(reception.startedAt));
  const out: ReceptionView[] = [];
  const opened = new Set(await openedPrisons(db, actor, personId, 'reception'));
  for (const r of rows.filter((x) => inScope(actor, x.prisonId) || opened.has(x.prisonId)))
    out.push(await view(db, actor, r));
  return out;
}
