/**
 * Classification, assessments, regime, review events, moves and cell leaders: authorization,
 * transactions and history. Assessments are restricted data: only holders of assessment.read
 * (assessors, the director, the national administration) see them, and every read is audited.
 * Security level decisions are stored by the housing module (security_level); this module adds
 * what they rest on (classification_basis), the settings, due reviews and the regime.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, authorize, can, inScope, type Permission } from '../../core/access.js';
import { bamakoDate } from '../../core/dates.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { mayRead } from '../../core/confidentiality.js';
import { recordAccess, recordChange } from '../../core/history.js';
import type { Lang } from '../../core/i18n.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import * as custodyRepo from '../custody/index.js';
import { admissionInScope, personLabel } from '../custody/index.js';
import * as estateRepo from '../estate/index.js';
import { getPrison } from '../estate/index.js';
import { decideLevel } from '../housing/index.js';
import { ageReadingOf } from '../people/index.js';
import { assertMayRead, openedPrisons } from '../sharing/index.js';
import {
  compareAssessments,
  profile,
  validateAssessment,
  validateNewVersion,
  type AssessmentContent,
  type InstrumentDefinition,
} from './instruments.js';
import './messages.js';
import * as repo from './repository.js';
import {
  DEFAULT_JUDGEMENT_LEVELS,
  DEFAULT_SETTINGS,
  dueForReview,
  isOverride,
  nextReviewOn,
  regimeFor,
  validateDecision,
  validateSettings,
  type ClassificationSettings,
  type Due,
  type RegimeAdjustment,
  type ReviewEvent,
  type Trigger,
} from './rules.js';

function authorizeAny(actor: Actor, perms: Permission[], prisonId?: string): void {
  if (!perms.some((p) => can(actor, p))) throw forbidden();
  if (prisonId !== undefined && !inScope(actor, prisonId)) throw new AppError(403, 'error.out_of_scope');
}

// =============================================================================================
// Instruments

export async function listInstruments(db: Db, actor: Actor) {
  authorizeAny(actor, ['assessment.read', 'assessment.instrument']);
  return (await repo.listInstruments(db)).map((r) => ({
    code: r.code,
    kind: r.kind,
    latest_version: r.latest,
    published_at: new Date(r.published_at).toISOString(),
    retired: r.retired_at !== null,
  }));
}

export async function getInstrumentVersion(db: Db, actor: Actor, code: string, version?: number) {
  authorizeAny(actor, ['assessment.read', 'assessment.instrument']);
  const i = await repo.findInstrumentByCode(db, code);
  if (!i) throw notFound();
  const v = await repo.findVersion(db, i.id, version);
  if (!v) throw notFound();
  return {
    code: i.code,
    kind: i.kind,
    version: v.version,
    note: v.note,
    published_at: v.publishedAt.toISOString(),
    definition: v.definition,
  };
}

/** Publish a new version (or a new instrument). Earlier versions and past assessments are untouched. */
export async function publishInstrumentVersion(
  db: Db,
  actor: Actor,
  input: { definition: InstrumentDefinition; note: string },
) {
  authorize(actor, 'assessment.instrument');
  return db.transaction(async (tx) => {
    const def = input.definition;
    const inst = typeof def?.code === 'string' ? await repo.findInstrumentByCode(tx, def.code) : undefined;
    const prev = inst ? await repo.findVersion(tx, inst.id) : undefined;
    const errs = validateNewVersion(prev?.definition ?? null, def).map((e) => ({
      ...e,
      field: `/definition${e.field}`,
    }));
    if (errs.length) throw invalid(errs);
    let instrumentId = inst?.id;
    if (!instrumentId) {
      instrumentId = newId();
      await tx
        .insert(repo.assessmentInstrument)
        .values({ id: instrumentId, code: def.code, kind: def.kind, createdBy: actor.userId });
    }
    const id = newId();
    const version = (prev?.version ?? 0) + 1;
    await tx
      .insert(repo.assessmentInstrumentVersion)
      .values({ id, instrumentId, version, definition: def, note: input.note, publishedBy: actor.userId });
    await recordChange(tx, actor, {
      entity: 'assessment_instrument_version',
      entityId: id,
      action: 'publish',
      reason: input.note,
      after: { code: def.code, version },
    });
    return { code: def.code, version };
  });
}

// =============================================================================================
// Assessments (restricted; every read audited)

export interface AssessmentView {
  id: string;
  admission_id: string;
  person_id: string;
  prison_id: string;
  instrument: string;
  version: number;
  status: 'draft' | 'complete';
  assessor_id: string;
  started_at: string;
  completed_at: string | null;
  row_version: number;
  content: AssessmentContent;
  profile: ReturnType<typeof profile>;
  previous: { id: string; version: number; completed_at: string | null } | null;
  change_since_previous: ReturnType<typeof compareAssessments> | null;
}

async function view(tx: Tx, a: repo.AssessmentRow): Promise<AssessmentView> {
  const v = (await repo.findVersionById(tx, a.instrumentVersionId))!;
  let previous: AssessmentView['previous'] = null;
  let change: AssessmentView['change_since_previous'] = null;
  if (a.previousId) {
    const p = (await repo.findAssessment(tx, a.previousId))!;
    const pv = (await repo.findVersionById(tx, p.instrumentVersionId))!;
    previous = { id: p.id, version: pv.version, completed_at: p.completedAt?.toISOString() ?? null };
    change = compareAssessments({ def: pv.definition, content: p.content }, { def: v.definition, content: a.content });
  }
  return {
    id: a.id,
    admission_id: a.admissionId,
    person_id: a.personId,
    prison_id: a.prisonId,
    instrument: v.definition.code,
    version: v.version,
    status: a.status,
    assessor_id: a.assessorId,
    started_at: a.startedAt.toISOString(),
    completed_at: a.completedAt?.toISOString() ?? null,
    row_version: a.rowVersion,
    content: a.content,
    profile: profile(v.definition, a.content),
    previous,
    change_since_previous: change,
  };
}

const emptyContent = (): AssessmentContent => ({
  ratings: {},
  domain_notes: {},
  summary: '',
  judgement: '',
  judgement_reasons: '',
  recommendations: null,
});

function normalise(c: Partial<AssessmentContent> | undefined): AssessmentContent {
  return { ...emptyContent(), ...(c ?? {}), ratings: c?.ratings ?? {}, domain_notes: c?.domain_notes ?? {} };
}

/** Start an assessment with the latest version of an instrument; it points to the previous completed one. */
export async function startAssessment(
  db: Db,
  actor: Actor,
  admissionId: string,
  input: { instrument: string; content?: Partial<AssessmentContent> },
) {
  return db.transaction(async (tx) => {
    const a = await admissionInScope(tx, actor, admissionId);
    authorize(actor, 'assessment.write', a.prisonId);
    if (a.endedAt) throw invalid([{ field: '/instrument', key: 'classification.not_held' }]);
    const inst = await repo.findInstrumentByCode(tx, input.instrument);
    if (!inst || inst.retiredAt) throw invalid([{ field: '/instrument', key: 'classification.instrument.unknown' }]);
    const v = (await repo.findVersion(tx, inst.id))!;
    const content = normalise(input.content);
    const errs = validateAssessment(v.definition, content, 'draft').map((e) => ({ ...e, field: `/content${e.field}` }));
    if (errs.length) throw invalid(errs);
    const prev = await repo.latestCompleted(tx, a.personId, inst.id);
    const id = newId();
    await tx.insert(repo.assessment).values({
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      instrumentVersionId: v.id,
      status: 'draft',
      content,
      judgement: null,
      assessorId: actor.userId,
      previousId: prev?.id ?? null,
    });
    // The change log is widely readable: it names the assessment, never its content.
    await recordChange(tx, actor, {
      entity: 'assessment',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'start',
      after: { instrument: inst.code, version: v.version },
    });
    await recordAccess(tx, actor, {
      category: 'assessment',
      action: 'write',
      entity: 'assessment',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
    });
    return view(tx, (await repo.findAssessment(tx, id))!);
  });
}

/** Save a draft, or complete it (every item rated, summary, judgement and reasons). */
export async function saveAssessment(
  db: Db,
  actor: Actor,
  id: string,
  input: { content: Partial<AssessmentContent>; row_version: number; complete?: boolean },
) {
  return db.transaction(async (tx) => {
    const a = await repo.findAssessment(tx, id, true);
    if (!a) throw notFound();
    authorize(actor, 'assessment.write', a.prisonId);
    if (a.status === 'complete') throw conflict('classification.assessment.final');
    if (a.rowVersion !== input.row_version) throw conflict('classification.assessment.stale');
    const v = (await repo.findVersionById(tx, a.instrumentVersionId))!;
    const content = normalise(input.content);
    const errs = validateAssessment(v.definition, content, input.complete ? 'complete' : 'draft').map((e) => ({
      ...e,
      field: `/content${e.field}`,
    }));
    if (errs.length) throw invalid(errs);
    const now = new Date();
    await tx
      .update(repo.assessment)
      .set({
        content,
        judgement: content.judgement || null,
        rowVersion: a.rowVersion + 1,
        ...(input.complete ? { status: 'complete' as const, completedAt: now } : {}),
      })
      .where(eq(repo.assessment.id, a.id));
    await recordChange(tx, actor, {
      entity: 'assessment',
      entityId: a.id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: input.complete ? 'complete' : 'save',
    });
    await recordAccess(tx, actor, {
      category: 'assessment',
      action: 'write',
      entity: 'assessment',
      entityId: a.id,
      personId: a.personId,
      prisonId: a.prisonId,
    });
    return view(tx, (await repo.findAssessment(tx, a.id))!);
  });
}

/** One assessment, with its profile and the change since the previous one. The read is audited. */
export async function getAssessment(db: Db, actor: Actor, id: string): Promise<AssessmentView> {
  return db.transaction(async (tx) => {
    const a = await repo.findAssessment(tx, id);
    if (!a) throw notFound();
    authorize(actor, 'assessment.read');
    // Another prison's assessment needs a recorded opening (sharing), and the permission still.
    await assertMayRead(tx, actor, a.personId, a.prisonId, 'assessment');
    await recordAccess(tx, actor, {
      category: 'assessment',
      action: 'read',
      entity: 'assessment',
      entityId: a.id,
      personId: a.personId,
      prisonId: a.prisonId,
    });
    return view(tx, a);
  });
}

/** A person's assessments (headings only), in the actor's scope. The read is audited. */
export async function listAssessments(db: Db, actor: Actor, personId: string) {
  authorize(actor, 'assessment.read');
  return db.transaction(async (tx) => {
    const opened = new Set(await openedPrisons(tx, actor, personId, 'assessment'));
    const rows = (await repo.assessmentsOfPerson(tx, personId)).filter(
      (r) => inScope(actor, r.prison_id) || opened.has(r.prison_id),
    );
    await recordAccess(tx, actor, {
      category: 'assessment',
      action: 'list',
      entity: 'assessment',
      personId,
      detail: { count: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      admission_id: r.admission_id,
      instrument: r.code,
      version: r.version,
      status: r.status,
      judgement: r.judgement,
      assessor: r.assessor,
      started_at: new Date(r.started_at).toISOString(),
      completed_at: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    }));
  });
}

// =============================================================================================
// Settings and classification decisions

export async function settingsOf(db: Tx, prisonId: string): Promise<ClassificationSettings> {
  return (await repo.findSettings(db, prisonId))?.settings ?? DEFAULT_SETTINGS;
}

export async function getSettings(db: Db, actor: Actor, prison: string) {
  const p = await getPrison(db, actor, prison);
  authorize(actor, 'classification.read', p.id);
  return settingsOf(db, p.id);
}

export async function putSettings(
  db: Db,
  actor: Actor,
  prison: string,
  input: { settings: ClassificationSettings; reason: string },
) {
  return db.transaction(async (tx) => {
    const p = await getPrison(tx, actor, prison);
    authorize(actor, 'classification.override', p.id);
    const errs = validateSettings(input.settings).map((e) => ({ ...e, field: `/settings${e.field}` }));
    // Decisions are stored in security_level, whose codes are high, medium and low.
    if ((input.settings.levels ?? []).some((l) => !['high', 'medium', 'low'].includes(l)))
      errs.push({ field: '/settings/levels', key: 'classification.settings.stored_levels' });
    if (errs.length) throw invalid(errs);
    const before = await settingsOf(tx, p.id);
    const row = { prisonId: p.id, settings: input.settings, updatedBy: actor.userId, updatedAt: new Date() };
    await tx
      .insert(repo.classificationSettings)
      .values(row)
      .onConflictDoUpdate({ target: repo.classificationSettings.prisonId, set: row });
    await recordChange(tx, actor, {
      entity: 'classification_settings',
      entityId: p.id,
      prisonId: p.id,
      action: 'update',
      reason: input.reason,
      before,
      after: input.settings,
    });
    return input.settings;
  });
}

export interface DecisionBody {
  level: string;
  reasons: string;
  trigger: Trigger;
  assessment_id?: string | null;
  override_justification?: string | null;
  next_review_on?: string | null;
}

/**
 * Decide a security level: by a named person, with reasons, from an assessment of this person.
 * A decision that departs from the level the assessor's judgement points to is an override: it
 * needs a justification and the director's permission. The next review date follows the level's
 * interval unless given.
 */
export async function decideClassification(db: Db, actor: Actor, admissionId: string, input: DecisionBody) {
  return db.transaction(async (tx) => {
    const a = await admissionInScope(tx, actor, admissionId, true);
    authorize(actor, 'classification.decide', a.prisonId);
    const s = await settingsOf(tx, a.prisonId);
    let indicatedLevel: string | null = null;
    if (input.assessment_id) {
      const as = await repo.findAssessment(tx, input.assessment_id);
      if (!as || as.personId !== a.personId || as.status !== 'complete')
        throw invalid([{ field: '/assessment_id', key: 'classification.decision.assessment_unusable' }]);
      const v = (await repo.findVersionById(tx, as.instrumentVersionId))!;
      if (v.definition.kind === 'risk' && as.judgement) indicatedLevel = DEFAULT_JUDGEMENT_LEVELS[as.judgement] ?? null;
      if (indicatedLevel !== null && !s.levels.includes(indicatedLevel)) indicatedLevel = null;
    }
    const current = (await repo.levelDecisions(tx, a.id))[0];
    const errs = validateDecision(s, input, { indicatedLevel, hasCurrent: !!current });
    if (errs.length) throw invalid(errs);
    const override = isOverride(input, indicatedLevel);
    if (override) authorize(actor, 'classification.override', a.prisonId);
    const today = bamakoDate();
    const next = input.next_review_on ?? nextReviewOn(s, input.level, today);
    // The decision itself goes where housing reads it (the allocation check, the file).
    const trigger = input.trigger === 'override' ? 'override' : input.trigger;
    const d = await decideLevel(tx, actor, a.id, {
      level: input.level as 'high' | 'medium' | 'low',
      reasons: input.reasons,
      trigger,
      next_review_on: next,
    });
    await tx.insert(repo.classificationBasis).values({
      securityLevelId: d.id,
      prisonId: a.prisonId,
      admissionId: a.id,
      assessmentId: input.assessment_id ?? null,
      indicatedLevel,
      override,
      overrideJustification: override ? input.override_justification!.trim() : null,
    });
    if (override)
      await recordChange(tx, actor, {
        entity: 'security_level',
        entityId: d.id,
        personId: a.personId,
        prisonId: a.prisonId,
        action: 'classification_override',
        reason: input.override_justification,
        after: { level: input.level, indicated_level: indicatedLevel },
      });
    return {
      id: d.id,
      admission_id: a.id,
      level: input.level,
      trigger: input.trigger,
      next_review_on: next,
      override,
      indicated_level: indicatedLevel,
      decided_by: actor.username,
    };
  });
}

/** The classification of one admission: history, what is due, and the regime that follows. */
export async function classificationOf(db: Db, actor: Actor, admissionId: string, asOf: string = bamakoDate()) {
  authorize(actor, 'classification.read');
  const a = await custodyRepo.findAdmission(db, admissionId);
  if (!a) throw notFound();
  // Another prison's classification needs a recorded opening (sharing).
  await assertMayRead(db, actor, a.personId, a.prisonId, 'classification');
  const s = await settingsOf(db, a.prisonId);
  const decisions = await repo.levelDecisions(db, a.id);
  // The reasons of a security level (and an override's justification) are security intelligence:
  // only for holders of intelligence.read, and each read is audited.
  const reasons = mayRead(actor, 'intelligence');
  if (reasons && decisions.length)
    await recordAccess(db, actor, {
      category: 'intelligence',
      action: 'read',
      entity: 'security_level',
      entityId: a.id,
      personId: a.personId,
      prisonId: a.prisonId,
      detail: { decisions: decisions.map((d) => d.id) },
    });
  const events = await repo.eventsOf(db, [a.id]);
  const cur = decisions[0];
  const state = {
    admittedOn: bamakoDate(a.admittedAt),
    current: cur
      ? { level: cur.level, decidedOn: bamakoDate(new Date(cur.decided_at)), nextReviewOn: cur.next_review_on }
      : null,
    events: events.map((e) => ({ id: e.id, kind: e.kind, occurredOn: e.occurredOn })),
  };
  const adjustments = await repo.adjustmentsOf(db, a.id);
  // The same protective reading of age as the cell allocation (people/rules minorReading).
  const age = await ageReadingOf(db, a.personId, asOf);
  return {
    age,
    admission_id: a.id,
    level: cur?.level ?? null,
    due: dueForReview(s, state, asOf, 3650),
    history: decisions.map((d) => ({
      id: d.id,
      level: d.level,
      reasons: reasons ? d.reasons : null,
      trigger: d.trigger,
      decided_by: d.decided_by,
      decided_at: new Date(d.decided_at).toISOString(),
      next_review_on: d.next_review_on,
      assessment_id: d.assessment_id,
      indicated_level: d.indicated_level,
      override: d.override ?? d.trigger === 'override',
      override_justification: reasons ? d.override_justification : null,
      withheld: reasons ? [] : ['intelligence' as const],
    })),
    events: events.map((e) => ({ id: e.id, kind: e.kind, occurred_on: e.occurredOn, note: e.note })),
    regime: regimeFor(s, cur?.level ?? null, adjustments.map(toAdjustment), asOf, {
      minor: age.treated_as_minor,
      assumed: age.assumed,
    }),
    adjustments: adjustments.map((x) => ({
      id: x.id,
      subject: x.subject,
      effect: x.effect,
      reason: x.reason,
      until: x.until,
      decided_at: x.decidedAt.toISOString(),
    })),
  };
}

const toAdjustment = (x: typeof repo.regimeAdjustment.$inferSelect): RegimeAdjustment => ({
  subject: x.subject,
  effect: x.effect,
  reason: x.reason,
  decidedBy: x.decidedBy,
  until: x.until,
});

/** An event that calls for a review: an incident, a new legal title, a programme completed. */
export async function recordReviewEvent(
  db: Db,
  actor: Actor,
  admissionId: string,
  input: { kind: ReviewEvent; occurred_on: string; note: string },
) {
  return db.transaction(async (tx) => {
    const a = await admissionInScope(tx, actor, admissionId);
    authorizeAny(actor, ['classification.decide', 'housing.move', 'assessment.write', 'justice.write'], a.prisonId);
    if (input.occurred_on > bamakoDate())
      throw invalid([{ field: '/occurred_on', key: 'classification.event.future' }]);
    const id = newId();
    await tx.insert(repo.reviewEvent).values({
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      kind: input.kind,
      occurredOn: input.occurred_on,
      note: input.note,
      recordedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'review_event',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'record',
      reason: input.note,
      after: { kind: input.kind, occurred_on: input.occurred_on },
    });
    return { id, kind: input.kind, occurred_on: input.occurred_on };
  });
}

/** A person's own regime decision (allow or restrict an activity, visits, a programme), with a reason. */
export async function adjustRegime(
  db: Db,
  actor: Actor,
  admissionId: string,
  input: { subject: RegimeAdjustment['subject']; effect: 'allow' | 'restrict'; reason: string; until?: string | null },
) {
  return db.transaction(async (tx) => {
    const a = await admissionInScope(tx, actor, admissionId);
    authorize(actor, 'classification.decide', a.prisonId);
    if (a.endedAt) throw invalid([{ field: '/subject', key: 'classification.not_held' }]);
    const id = newId();
    await tx.insert(repo.regimeAdjustment).values({
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      subject: input.subject,
      effect: input.effect,
      reason: input.reason,
      until: input.until ?? null,
      decidedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'regime_adjustment',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: input.effect,
      reason: input.reason,
      after: { subject: input.subject, until: input.until ?? null },
    });
    return { id };
  });
}

export interface DueRow {
  admission_id: string;
  person_id: string;
  committal_number: string;
  name: string;
  label: string;
  level: string | null;
  reason: Due['reason'];
  event: ReviewEvent | null;
  due_on: string;
  overdue: boolean;
}

/**
 * The director's list: initial classifications and reviews (periodic or after an event) due on
 * `asOf` or earlier, earliest first. Each person is named with the presumption-of-innocence label.
 */
export async function classificationsDueForReview(
  db: Db,
  actor: Actor,
  prisonId: string,
  asOf: string = bamakoDate(),
  lang: Lang = actor.lang,
): Promise<DueRow[]> {
  authorize(actor, 'classification.read', prisonId);
  const s = await settingsOf(db, prisonId);
  const held = await repo.heldWithLevel(db, prisonId);
  const events = new Map<string, { id: string; kind: ReviewEvent; occurredOn: string }[]>();
  for (const e of await repo.eventsOf(
    db,
    held.filter((h) => h.level).map((h) => h.admission_id),
  )) {
    const list = events.get(e.admissionId) ?? [];
    list.push({ id: e.id, kind: e.kind, occurredOn: e.occurredOn });
    events.set(e.admissionId, list);
  }
  const due: HeldDue[] = [];
  for (const h of held) {
    const d = dueForReview(
      s,
      {
        admittedOn: h.admitted_on,
        current: h.level ? { level: h.level, decidedOn: h.decided_on!, nextReviewOn: h.next_review_on } : null,
        events: events.get(h.admission_id) ?? [],
      },
      asOf,
    );
    if (d) due.push({ h, d });
  }
  due.sort((x, y) => x.d.dueOn.localeCompare(y.d.dueOn) || x.h.committal_number.localeCompare(y.h.committal_number));
  const charges = await custodyRepo.chargesForLabels(
    db,
    due.map((x) => x.h.admission_id),
  );
  return due.map(({ h, d }) => ({
    admission_id: h.admission_id,
    person_id: h.person_id,
    committal_number: h.committal_number,
    name: h.name,
    label: personLabel(lang, { legalStatus: h.legal_status, charges: charges.get(h.admission_id) ?? [], sex: h.sex }),
    level: h.level,
    reason: d.reason,
    event: d.reason === 'event' ? d.event : null,
    due_on: d.dueOn,
    overdue: d.overdue,
  }));
}
type HeldDue = { h: repo.HeldRow; d: Due };

// =============================================================================================
// Moves and cell occupants

/** Where a detainee has been: every placement of the admission, oldest first, with who and why. */
export async function moveHistory(db: Db, actor: Actor, admissionId: string) {
  authorize(actor, 'custody.read');
  const a = await admissionInScope(db, actor, admissionId);
  return (await repo.movesOf(db, a.id)).map((m) => ({
    id: m.id,
    cell_id: m.cell_id,
    cell: m.cell_code,
    unit: m.unit_code,
    from: new Date(m.from_at).toISOString(),
    to: m.to_at ? new Date(m.to_at).toISOString() : null,
    reason: m.reason,
    over_capacity_reason: m.over_capacity_reason,
    by: m.by,
  }));
}

/** A cell's current and past occupants, each named with the presumption-of-innocence label. */
export async function cellOccupants(db: Db, actor: Actor, cellId: string, lang: Lang = actor.lang) {
  authorize(actor, 'custody.read');
  const c = await estateRepo.findCell(db, cellId);
  if (!c) throw notFound();
  if (!inScope(actor, c.prisonId)) throw new AppError(403, 'error.out_of_scope');
  const rows = await repo.occupantsOf(db, c.id);
  const charges = await custodyRepo.chargesForLabels(db, [...new Set(rows.map((r) => r.admission_id))]);
  const item = (r: (typeof rows)[number]) => ({
    admission_id: r.admission_id,
    person_id: r.person_id,
    committal_number: r.committal_number,
    name: r.name,
    label: personLabel(lang, { legalStatus: r.legal_status, charges: charges.get(r.admission_id) ?? [], sex: r.sex }),
    from: new Date(r.from_at).toISOString(),
    to: r.to_at ? new Date(r.to_at).toISOString() : null,
  });
  return {
    cell_id: c.id,
    code: c.code,
    capacity: c.capacity,
    current: rows.filter((r) => !r.to_at).map(item),
    past: rows.filter((r) => r.to_at).map(item),
  };
}

// =============================================================================================
// Cell leaders

async function cellInScope(tx: Tx, actor: Actor, cellId: string) {
  const c = await estateRepo.findCell(tx, cellId);
  if (!c) throw notFound();
  if (!inScope(actor, c.prisonId)) throw new AppError(403, 'error.out_of_scope');
  return c;
}

/** Record the leader of a cell (elected or appointed), ending the previous one's term. */
export async function setCellLeader(
  db: Db,
  actor: Actor,
  cellId: string,
  input: { admission_id: string; how: 'elected' | 'appointed'; since: string; reason: string },
) {
  return db.transaction(async (tx) => {
    const c = await cellInScope(tx, actor, cellId);
    authorize(actor, 'housing.move', c.prisonId);
    const a = await custodyRepo.findAdmission(tx, input.admission_id);
    if (!a || a.prisonId !== c.prisonId || a.endedAt || (await repo.openPlacementCell(tx, a.id)) !== c.id)
      throw invalid([{ field: '/admission_id', key: 'classification.leader.not_in_cell' }]);
    if (input.since > bamakoDate()) throw invalid([{ field: '/since', key: 'classification.event.future' }]);
    const prev = await repo.currentLeader(tx, c.id, true);
    if (prev) {
      if (input.since < prev.since) throw invalid([{ field: '/since', key: 'classification.leader.before_previous' }]);
      await tx
        .update(repo.cellLeader)
        .set({ until: input.since, endReason: input.reason, endedBy: actor.userId })
        .where(eq(repo.cellLeader.id, prev.id));
    }
    const id = newId();
    await tx.insert(repo.cellLeader).values({
      id,
      prisonId: c.prisonId,
      cellId: c.id,
      admissionId: a.id,
      personId: a.personId,
      how: input.how,
      since: input.since,
      recordedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'cell_leader',
      entityId: id,
      personId: a.personId,
      prisonId: c.prisonId,
      action: 'set',
      reason: input.reason,
      before: prev ? { person_id: prev.personId, since: prev.since } : null,
      after: { cell_id: c.id, how: input.how, since: input.since },
    });
    return { id, cell_id: c.id, person_id: a.personId, how: input.how, since: input.since };
  });
}

export async function endCellLeader(db: Db, actor: Actor, cellId: string, input: { until: string; reason: string }) {
  return db.transaction(async (tx) => {
    const c = await cellInScope(tx, actor, cellId);
    authorize(actor, 'housing.move', c.prisonId);
    const cur = await repo.currentLeader(tx, c.id, true);
    if (!cur) throw conflict('classification.leader.none');
    if (input.until < cur.since) throw invalid([{ field: '/until', key: 'classification.leader.before_previous' }]);
    await tx
      .update(repo.cellLeader)
      .set({ until: input.until, endReason: input.reason, endedBy: actor.userId })
      .where(and(eq(repo.cellLeader.id, cur.id), isNull(repo.cellLeader.until)));
    await recordChange(tx, actor, {
      entity: 'cell_leader',
      entityId: cur.id,
      personId: cur.personId,
      prisonId: c.prisonId,
      action: 'end',
      reason: input.reason,
      after: { until: input.until },
    });
    return { id: cur.id, until: input.until };
  });
}

/** A request the current leader carries for the cell (water, food, health, complaints…). */
export async function addLeaderRequest(
  db: Db,
  actor: Actor,
  cellId: string,
  input: { subject: string; detail?: string | null; raised_on: string },
) {
  return db.transaction(async (tx) => {
    const c = await cellInScope(tx, actor, cellId);
    authorizeAny(actor, ['housing.move', 'custody.write', 'intake.interview'], c.prisonId);
    const cur = await repo.currentLeader(tx, c.id);
    if (!cur) throw conflict('classification.leader.none');
    const id = newId();
    await tx.insert(repo.cellLeaderRequest).values({
      id,
      prisonId: c.prisonId,
      cellLeaderId: cur.id,
      cellId: c.id,
      subject: input.subject,
      detail: input.detail ?? null,
      raisedOn: input.raised_on,
      recordedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'cell_leader_request',
      entityId: id,
      prisonId: c.prisonId,
      action: 'record',
      after: { subject: input.subject, raised_on: input.raised_on },
    });
    return { id, cell_leader_id: cur.id, status: 'open' as const };
  });
}

export async function answerLeaderRequest(db: Db, actor: Actor, requestId: string, input: { answer: string }) {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(repo.cellLeaderRequest)
      .where(eq(repo.cellLeaderRequest.id, requestId))
      .for('update');
    if (!r) throw notFound();
    authorizeAny(actor, ['housing.move', 'custody.write'], r.prisonId);
    if (r.status === 'answered') throw conflict('classification.leader.answered');
    await tx
      .update(repo.cellLeaderRequest)
      .set({ status: 'answered', answer: input.answer, answeredBy: actor.userId, answeredAt: new Date() })
      .where(eq(repo.cellLeaderRequest.id, r.id));
    await recordChange(tx, actor, {
      entity: 'cell_leader_request',
      entityId: r.id,
      prisonId: r.prisonId,
      action: 'answer',
      after: { answer: input.answer },
    });
    return { id: r.id, status: 'answered' as const };
  });
}

/** A cell's leaders (current first) and the requests they carried. */
export async function cellLeaders(db: Db, actor: Actor, cellId: string) {
  authorize(actor, 'custody.read');
  const c = await cellInScope(db, actor, cellId);
  const leaders = await repo.leadersOf(db, c.id);
  const requests = await repo.requestsOf(db, c.id);
  return {
    cell_id: c.id,
    current: leaders.find((l) => !l.until) ?? null,
    leaders: leaders.map((l) => ({
      ...l,
      requests: requests
        .filter((r) => r.cellLeaderId === l.id)
        .map((r) => ({
          id: r.id,
          subject: r.subject,
          detail: r.detail,
          raised_on: r.raisedOn,
          status: r.status,
          answer: r.answer,
          answered_at: r.answeredAt?.toISOString() ?? null,
        })),
    })),
  };
}
