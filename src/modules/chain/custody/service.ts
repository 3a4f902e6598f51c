/**
 * Custody before prison (issue 20, items 1 and 4): the stages of an arrival's custody chain, entered
 * at the handover and corrected as new versions (the old kept); the police-custody limit flagged and
 * counted; the first day in custody given to the justice module's release date as remand credit
 * (through its port); the person held with no committal order or judgment after the set time, for the
 * director's and the competent prosecutor's home pages. Rules in rules.ts; docs/chain-custody.md.
 */
import { type Actor, authorize, can, scopeFilter } from '../../../core/access.js';
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from '../../../core/errors.js';
import { recordAccess, recordChange } from '../../../core/history.js';
import type { Lang } from '../../../core/i18n.js';
import { newId } from '../../../core/ids.js';
import type { Db, Tx } from '../../../db/index.js';
import { type AdmissionRow, findAdmission, findAdmissions, heldAt } from '../../custody/index.js';
import { findPrison } from '../../estate/index.js';
import {
  chargedAdmissions,
  jurisdictionsOfUser,
  listJurisdictions,
  provideCustodyBeforePrison,
} from '../../justice/index.js';
import { peopleNames } from '../../people/index.js';
import { assertCodes, listCodes } from '../../reference/index.js';
import { basisLabel, categoryLabel, m, placeLabel } from './messages.js';
import * as repo from './repository.js';
import {
  creditFrom,
  type CustodyEvaluation,
  type CustodyRule,
  evaluateCustody,
  heldWithoutCharge,
  hoursText,
  type LegalBasis,
  type LimitCategory,
  type PlaceKind,
  type StageFacts,
  type WithoutCharge,
} from './rules.js';
import type {
  BreachReplyT,
  ChainViewT,
  RuleInput,
  SettingsInput,
  StageCorrection,
  StageInput,
  StageViewT,
  WithoutChargeReplyT,
} from './schemas.js';

/** A justice partner (a prosecutor's office): reads only through its jurisdictions. */
const isPartner = (actor: Actor) => actor.roles.includes('prosecutor');

const ruleOf = (r: repo.RuleRow): CustodyRule => ({
  id: r.id,
  category: r.category as LimitCategory,
  effectiveFrom: r.effectiveFrom,
  initialHours: r.initialHours,
  extensionHours: r.extensionHours,
  maxExtensions: r.maxExtensions,
  source: r.source,
  toConfirm: r.toConfirm,
});
const facts = (s: repo.StageRow): StageFacts => ({
  id: s.id,
  fromAt: s.fromAt,
  toAt: s.toAt,
  legalBasis: s.legalBasis as LegalBasis,
  extensions: s.extensions,
  terrorism: s.terrorism,
});

/** The evaluation of each admission's chain (versions in force), with the rules read once. */
async function evaluations(tx: Tx, admissions: readonly AdmissionRow[]): Promise<Map<string, CustodyEvaluation>> {
  const stages = await repo.stagesInForce(
    tx,
    admissions.map((a) => a.id),
  );
  const rules = (await repo.rules(tx)).map(ruleOf);
  const out = new Map<string, CustodyEvaluation>();
  for (const a of admissions)
    out.set(a.id, evaluateCustody(stages.filter((s) => s.admissionId === a.id).map(facts), rules, a.admittedAt));
  return out;
}

// The remand credit: the justice module asks, for its release dates, when custody before prison began.
provideCustodyBeforePrison(async (tx, admissionIds) => {
  const s = await repo.settings(tx);
  const out = new Map<string, string>();
  if (!s.creditCustody) return out;
  const stages = await repo.stagesInForce(tx, admissionIds);
  for (const st of stages) {
    const first = creditFrom(evaluateCustody([facts(st)], [], st.fromAt), true);
    if (first && (!out.has(st.admissionId) || first < out.get(st.admissionId)!)) out.set(st.admissionId, first);
  }
  return out;
});

async function forceLabels(db: Db, actor: Actor, lang: Lang): Promise<Map<string, string>> {
  if (!can(actor, 'estate.read')) return new Map();
  const codes = await listCodes(db, actor, 'arresting_authority');
  return new Map(codes.map((c) => [c.code, lang === 'en' ? c.label_en : c.label_fr]));
}

/** The known jurisdictions (a prosecutor's office named on a stage must be one). */
async function jurisdictionIds(db: Db, actor: Actor): Promise<Set<string>> {
  return can(actor, 'justice.read') ? new Set((await listJurisdictions(db, actor)).map((j) => j.id)) : new Set();
}

function versionView(s: repo.StageRow, lang: Lang, forces: Map<string, string>) {
  return {
    id: s.id,
    force: s.force,
    force_label: forces.get(s.force) ?? s.force,
    unit: s.unit,
    place_kind: s.placeKind,
    place_label: placeLabel(lang, s.placeKind as PlaceKind),
    place_name: s.placeName,
    from_at: s.fromAt.toISOString(),
    to_at: s.toAt ? s.toAt.toISOString() : null,
    legal_basis: s.legalBasis,
    basis_label: basisLabel(lang, s.legalBasis as LegalBasis),
    extensions: s.extensions,
    extension_reference: s.extensionReference,
    terrorism: s.terrorism,
    document_reference: s.documentReference,
    prosecutor_jurisdiction_id: s.prosecutorJurisdictionId,
    notes: s.notes,
    correction_reason: s.correctionReason,
    created_at: s.createdAt.toISOString(),
  };
}

export function evaluationText(lang: Lang, e: CustodyEvaluation): string {
  const limit = e.limitMinutes === null ? '—' : hoursText(e.limitMinutes);
  return e.over
    ? m.t(lang, 'chain.custody.over', { over: hoursText(e.overMinutes), limit })
    : m.t(lang, 'chain.custody.within', { counted: hoursText(e.countedMinutes), limit });
}

async function chainView(tx: Tx, a: AdmissionRow, lang: Lang, forces: Map<string, string>): Promise<ChainViewT> {
  const all = await repo.stagesOf(tx, [a.id]);
  const corrected = new Set(all.map((s) => s.supersedesId).filter((x): x is string => !!x));
  const byId = new Map(all.map((s) => [s.id, s]));
  const stages: StageViewT[] = all
    .filter((s) => !corrected.has(s.id))
    .map((s) => {
      const previous = [];
      for (
        let p = s.supersedesId ? byId.get(s.supersedesId) : undefined;
        p;
        p = p.supersedesId ? byId.get(p.supersedesId) : undefined
      )
        previous.push(versionView(p, lang, forces));
      return { ...versionView(s, lang, forces), previous };
    });
  const e = (await evaluations(tx, [a])).get(a.id)!;
  const settings = await repo.settings(tx);
  const w = await withoutChargeOf(tx, a, settings.withoutChargeHours);
  return {
    admission_id: a.id,
    person_id: a.personId,
    prison_id: a.prisonId,
    committal_number: a.committalNumber,
    admitted_at: a.admittedAt.toISOString(),
    ended: !!a.endedAt,
    stages,
    evaluation: {
      category: e.category,
      counted_minutes: e.countedMinutes,
      limit_minutes: e.limitMinutes,
      over_minutes: e.overMinutes,
      over: e.over,
      extensions_granted: e.extensionsGranted,
      extensions_beyond_rule: e.extensionsBeyondRule,
      first_day: e.firstDay,
      credited_from: creditFrom(e, settings.creditCustody),
      rule_source: e.rule?.source ?? null,
      rule_to_confirm: e.rule?.toConfirm ?? false,
      text: `${evaluationText(lang, e)} ${categoryLabel(lang, e.category)}.`,
    },
    without_charge: {
      alert: w.alert,
      charged: w.charged,
      due_at: w.dueAt.toISOString(),
      hours_over: w.hoursOver,
    },
  };
}

async function withoutChargeOf(
  tx: Tx,
  a: AdmissionRow,
  thresholdHours: number,
): Promise<WithoutCharge & { charged: boolean }> {
  const charged = (await chargedAdmissions(tx, [a.id])).has(a.id);
  const now = a.endedAt ?? new Date();
  return { ...heldWithoutCharge({ arrivedAt: a.admittedAt, charged, now, thresholdHours }), charged };
}

async function admissionFor(
  tx: Tx,
  actor: Actor,
  id: string,
  permission: 'custody.read' | 'custody.write' | 'custody.correct',
) {
  authorize(actor, permission);
  const a = await findAdmission(tx, id);
  if (!a) throw notFound();
  authorize(actor, permission, a.prisonId);
  return a;
}

/** An admission's custody chain before prison: every stage (with its corrected versions), the limit, held without charge. */
export async function getCustodyChain(db: Db, actor: Actor, admissionId: string, lang: Lang = actor.lang) {
  const forces = await forceLabels(db, actor, lang);
  return db.transaction(async (tx) =>
    chainView(tx, await admissionFor(tx, actor, admissionId, 'custody.read'), lang, forces),
  );
}

async function checkStage(tx: Tx, a: AdmissionRow, input: StageInput, jurisdictions: Set<string>): Promise<void> {
  const errs: FieldError[] = [];
  const from = new Date(input.from_at);
  const to = input.to_at ? new Date(input.to_at) : null;
  const now = Date.now();
  if (from.getTime() > now) errs.push({ field: '/from_at', key: 'chain.custody.in_future' });
  else if (from.getTime() > a.admittedAt.getTime())
    errs.push({ field: '/from_at', key: 'chain.custody.after_arrival' });
  if (to && to.getTime() < from.getTime()) errs.push({ field: '/to_at', key: 'chain.custody.to_before_from' });
  else if (to && to.getTime() > a.admittedAt.getTime())
    errs.push({ field: '/to_at', key: 'chain.custody.after_arrival' });
  if (input.prosecutor_jurisdiction_id) {
    if (!jurisdictions.has(input.prosecutor_jurisdiction_id))
      errs.push({ field: '/prosecutor_jurisdiction_id', key: 'chain.custody.unknown_jurisdiction' });
  }
  try {
    await assertCodes(tx, [{ kind: 'arresting_authority', code: input.force, field: '/force' }]);
  } catch (e) {
    if (e instanceof AppError) errs.push(...e.fields);
    else throw e;
  }
  if (errs.length) throw invalid(errs);
}

const stageValues = (input: StageInput) => ({
  force: input.force.trim(),
  unit: input.unit?.trim() || null,
  placeKind: input.place_kind,
  placeName: input.place_name?.trim() || null,
  fromAt: new Date(input.from_at),
  toAt: input.to_at ? new Date(input.to_at) : null,
  legalBasis: input.legal_basis,
  extensions: input.extensions ?? 0,
  extensionReference: input.extension_reference?.trim() || null,
  terrorism: input.terrorism ?? false,
  documentReference: input.document_reference?.trim() || null,
  prosecutorJurisdictionId: input.prosecutor_jurisdiction_id ?? null,
  notes: input.notes?.trim() || null,
});

/** Record a stage of custody before prison (at the handover, from the documents brought, or later). */
export async function addStage(db: Db, actor: Actor, admissionId: string, input: StageInput, lang: Lang = actor.lang) {
  const forces = await forceLabels(db, actor, lang);
  const jurisdictions = await jurisdictionIds(db, actor);
  return db.transaction(async (tx) => {
    const a = await admissionFor(tx, actor, admissionId, 'custody.write');
    await checkStage(tx, a, input, jurisdictions);
    const id = newId();
    const values = stageValues(input);
    await repo.insertStage(tx, {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      ...values,
      createdBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'custody_stage',
      entityId: id,
      action: 'create',
      prisonId: a.prisonId,
      personId: a.personId,
      after: input,
    });
    return chainView(tx, a, lang, forces);
  });
}

/** Correct a stage: a new version naming the one it corrects, with the reason; the old one kept. */
export async function correctStage(
  db: Db,
  actor: Actor,
  stageId: string,
  input: StageCorrection,
  lang: Lang = actor.lang,
) {
  const forces = await forceLabels(db, actor, lang);
  const jurisdictions = await jurisdictionIds(db, actor);
  return db.transaction(async (tx) => {
    authorize(actor, 'custody.correct');
    const old = await repo.findStage(tx, stageId, true);
    if (!old) throw notFound();
    const a = await admissionFor(tx, actor, old.admissionId, 'custody.correct');
    if (await repo.isSuperseded(tx, old.id)) throw conflict('chain.custody.superseded');
    const { reason, ...stage } = input;
    await checkStage(tx, a, stage, jurisdictions);
    const id = newId();
    await repo.insertStage(tx, {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      ...stageValues(stage),
      supersedesId: old.id,
      correctionReason: reason.trim(),
      createdBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'custody_stage',
      entityId: id,
      action: 'correct',
      prisonId: a.prisonId,
      personId: a.personId,
      reason,
      before: versionView(old, 'en', new Map()),
      after: stage,
    });
    return chainView(tx, a, lang, forces);
  });
}

async function prisonScope(db: Tx, actor: Actor, permission: 'statistics.read' | 'justice.read', prison?: string) {
  authorize(actor, permission);
  if (!prison) return scopeFilter(actor) ?? null;
  const p = await findPrison(db, prison);
  if (!p) throw notFound();
  authorize(actor, permission, p.id);
  return [p.id];
}

/**
 * Custody-limit breaches: the arrivals whose police custody before prison went past its legal limit,
 * counted per arresting force (the statistics, the partners' view). `prison` by id or code; else the
 * actor's scope (national: every prison).
 */
export async function custodyBreaches(
  db: Db,
  actor: Actor,
  prison?: string,
  lang: Lang = actor.lang,
): Promise<BreachReplyT> {
  const forces = await forceLabels(db, actor, lang);
  return db.transaction(async (tx) => {
    const scope = await prisonScope(tx, actor, 'statistics.read', prison);
    return breachesOf(tx, await findAdmissions(tx, await repo.admissionsWithStages(tx, scope)), forces);
  });
}

async function breachesOf(tx: Tx, admissions: AdmissionRow[], forces: Map<string, string>): Promise<BreachReplyT> {
  const evals = await evaluations(tx, admissions);
  const over = admissions.filter((a) => evals.get(a.id)?.over);
  const stages = await repo.stagesInForce(
    tx,
    over.map((a) => a.id),
  );
  const names = await peopleNames(
    tx,
    over.map((a) => a.personId),
  );
  const byForce: Record<string, number> = {};
  const items = over.map((a) => {
    const e = evals.get(a.id)!;
    const force = stages.find((s) => s.admissionId === a.id)?.force ?? '';
    byForce[force] = (byForce[force] ?? 0) + 1;
    const n = names.get(a.personId);
    return {
      admission_id: a.id,
      person_id: a.personId,
      prison_id: a.prisonId,
      committal_number: a.committalNumber,
      person_name: n ? `${n.familyName} ${n.givenNames}`.trim() : '',
      force,
      force_label: forces.get(force) ?? force,
      category: e.category,
      over_minutes: e.overMinutes,
      limit_minutes: e.limitMinutes,
    };
  });
  items.sort((x, y) => y.over_minutes - x.over_minutes);
  return { count: items.length, by_force: byForce, items };
}

async function withoutChargeItems(tx: Tx, admissions: AdmissionRow[], lang: Lang): Promise<WithoutChargeReplyT> {
  const s = await repo.settings(tx);
  const now = new Date();
  const candidates = admissions.filter(
    (a) =>
      !a.endedAt &&
      heldWithoutCharge({ arrivedAt: a.admittedAt, charged: false, now, thresholdHours: s.withoutChargeHours }).alert,
  );
  const charged = await chargedAdmissions(
    tx,
    candidates.map((a) => a.id),
  );
  const held = candidates.filter((a) => !charged.has(a.id));
  const names = await peopleNames(
    tx,
    held.map((a) => a.personId),
  );
  const stages = await repo.stagesInForce(
    tx,
    held.map((a) => a.id),
  );
  const items = held.map((a) => {
    const w = heldWithoutCharge({ arrivedAt: a.admittedAt, charged: false, now, thresholdHours: s.withoutChargeHours });
    const n = names.get(a.personId);
    return {
      admission_id: a.id,
      person_id: a.personId,
      prison_id: a.prisonId,
      committal_number: a.committalNumber,
      person_name: n ? `${n.familyName} ${n.givenNames}`.trim() : '',
      admitted_at: a.admittedAt.toISOString(),
      hours_over: w.hoursOver,
      prosecutor_jurisdiction_id:
        stages.find((x) => x.admissionId === a.id && x.prosecutorJurisdictionId)?.prosecutorJurisdictionId ?? null,
      label: m.t(lang, 'chain.custody.without_charge', {
        date: a.admittedAt.toISOString().slice(0, 10),
        hours: w.hoursOver,
      }),
      action: m.t(lang, 'chain.custody.without_charge_action'),
    };
  });
  items.sort((x, y) => y.hours_over - x.hours_over);
  return { count: items.length, threshold_hours: s.withoutChargeHours, items };
}

/**
 * Held without charge in a prison (the director's home page): held now, no committal order or
 * judgment recorded, past the set time after arrival. Staff with justice.read in the prison's scope.
 */
export async function withoutChargeInPrison(db: Db, actor: Actor, prison: string, lang: Lang = actor.lang) {
  if (isPartner(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const [prisonId] = (await prisonScope(tx, actor, 'justice.read', prison))!;
    // Anyone awaiting trial or convicted has a committal order or a judgment: only those under investigation are read.
    const held = (await heldAt(tx, prisonId, null)).filter((h) => h.legal_status === 'under_investigation');
    return withoutChargeItems(
      tx,
      await findAdmissions(
        tx,
        held.map((h) => h.admission_id),
      ),
      lang,
    );
  });
}

/**
 * Held without charge for the competent prosecutor (the partner's home page): the people whose
 * custody chain names one of the partner's prosecutors' offices. Every line audited.
 */
export async function withoutChargeForPartner(db: Db, actor: Actor, lang: Lang = actor.lang) {
  authorize(actor, 'justice.read');
  if (!isPartner(actor)) throw new AppError(403, 'chain.custody.partners_only');
  return db.transaction(async (tx) => {
    const js = await jurisdictionsOfUser(tx, actor.userId);
    const reply = await withoutChargeItems(
      tx,
      await findAdmissions(tx, await repo.admissionsOfProsecutors(tx, js)),
      lang,
    );
    for (const i of reply.items)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'list',
        entity: 'admission',
        entityId: i.admission_id,
        personId: i.person_id,
        prisonId: i.prison_id,
      });
    return reply;
  });
}

// ------------------------------------------------------------------ rules and settings

const ruleView = (r: repo.RuleRow) => ({
  id: r.id,
  category: r.category,
  effective_from: r.effectiveFrom,
  initial_hours: r.initialHours,
  extension_hours: r.extensionHours,
  max_extensions: r.maxExtensions,
  source: r.source,
  to_confirm: r.toConfirm,
  version: r.version,
});

export async function listCustodyRules(db: Db, actor: Actor) {
  authorize(actor, 'justice.read');
  return (await repo.rules(db)).map(ruleView);
}

/** A new dated rule (a new law, a confirmed value): in force from its date for its category. */
export async function addCustodyRule(db: Db, actor: Actor, input: RuleInput) {
  authorize(actor, 'justice.rules');
  return db.transaction(async (tx) => {
    if (await repo.ruleAt(tx, input.category, input.effective_from))
      throw invalid([{ field: '/effective_from', key: 'chain.custody.rule_exists' }]);
    const id = newId();
    const { reason, ...rule } = input;
    await repo.insertRule(tx, {
      id,
      category: rule.category,
      effectiveFrom: rule.effective_from,
      initialHours: rule.initial_hours,
      extensionHours: rule.extension_hours,
      maxExtensions: rule.max_extensions,
      source: rule.source.trim(),
      toConfirm: rule.to_confirm,
      updatedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'custody_limit_rule',
      entityId: id,
      action: 'create',
      reason,
      after: rule,
    });
    return ruleView((await repo.ruleAt(tx, rule.category, rule.effective_from))!);
  });
}

export async function custodySettings(db: Db, actor: Actor) {
  authorize(actor, 'justice.read');
  const s = await repo.settings(db);
  return { without_charge_hours: s.withoutChargeHours, credit_custody: s.creditCustody };
}

export async function putCustodySettings(db: Db, actor: Actor, input: SettingsInput) {
  authorize(actor, 'justice.rules');
  return db.transaction(async (tx) => {
    const before = await repo.settings(tx);
    const after = { withoutChargeHours: input.without_charge_hours, creditCustody: input.credit_custody };
    await repo.putSettings(tx, after, actor.userId);
    await recordChange(tx, actor, {
      entity: 'chain_custody_settings',
      entityId: actor.userId,
      action: 'update',
      reason: input.reason,
      before,
      after,
    });
    return { without_charge_hours: after.withoutChargeHours, credit_custody: after.creditCustody };
  });
}

/** A stage version in force, for the correction form (custody.correct in its prison). */
export async function stageForCorrection(db: Db, actor: Actor, stageId: string) {
  return db.transaction(async (tx) => {
    authorize(actor, 'custody.correct');
    const s = await repo.findStage(tx, stageId);
    if (!s) throw notFound();
    await admissionFor(tx, actor, s.admissionId, 'custody.correct');
    if (await repo.isSuperseded(tx, s.id)) throw conflict('chain.custody.superseded');
    return { admission_id: s.admissionId, stage: versionView(s, actor.lang, new Map()) };
  });
}
