/**
 * The justice chain: legal titles (and their corrections), the derived legal status kept in
 * admission.legal_status, pre-trial limits and alerts, hearings and the court list, release dates,
 * the backlog, and justice partners (prosecutors' offices and courts) scoped to their jurisdiction.
 * Authorisation is checked here: staff by permission and prison scope; partners (role prosecutor) by
 * permission and jurisdiction, every access audited (category 'partner').
 */
import { stringify } from 'csv-stringify/sync';
import { type Actor, authorize, inScope, scopeFilter } from '../../core/access.js';
import { bamakoDate, endOfBamakoDay, formatBamako, startOfBamakoDay } from '../../core/dates.js';
import { AppError, type FieldError, forbidden, invalid, notFound } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { recordAccess, recordChange } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import * as estateRepo from '../estate/index.js';
import { addDays, addMonths, daysBetween, isDate, lastDayOf, type Period } from './calendar.js';
import { hasFelony, legalStatusLabel, LEGAL_STATUSES, type LegalStatus } from '../custody/index.js';
import './messages.js';
import * as repo from './repository.js';
import {
  alertsForCase,
  AUTHORITY_KINDS,
  type AuthorityKind,
  backlogFigures,
  type BacklogFigures,
  type CaseInput,
  deriveLegalSituation,
  effectiveTitles,
  evaluateCase,
  HEARING_OUTCOMES,
  type HearingOutcome,
  isSentenced,
  isUntried,
  type JusticeAlert,
  type JusticeSettings,
  type LegalTitle,
  OFFENCE_CATEGORIES,
  type OffenceCategory,
  type PretrialRule,
  RULE_CATEGORIES,
  type RuleCategory,
  type Sentence,
  sortAlerts,
  type Step,
  TITLE_KINDS,
  type TitleKind,
  validateRule,
  type CaseEvaluation,
  type AlertEpisode,
  expiredEpisodes,
} from './rules.js';
import { alertsFromSnapshot, backlogFromSnapshots, type JusticeSnapshot, snapshotOf } from './state.js';

// ---------------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------------

function guessAuthorityKind(authority: string): AuthorityKind {
  const a = authority.toLowerCase();
  if (a.includes('pôle') || a.includes('pole judiciaire') || /\bpjs\b/.test(a)) return 'pole_judiciaire_specialise';
  if (a.includes('instruction')) return 'investigating_judge';
  if (a.includes('procureur') || a.includes('parquet')) return 'prosecutor';
  if (a.includes("cour d'appel") || a.includes('cour d’appel')) return 'appeal_court';
  if (a.includes('assises')) return 'assize_court';
  if (a.includes('tribunal')) return 'court_first_instance';
  return 'other';
}

/** A document recorded at admission (custody) is the first version of a title. */
export function documentTitle(d: repo.DocumentRow): LegalTitle | null {
  if (!(TITLE_KINDS as readonly string[]).includes(d.kind)) return null;
  return {
    id: d.id,
    kind: d.kind as TitleKind,
    issuedOn: d.issuedOn,
    recordedAt: d.receivedAt.toISOString(),
    authorityKind: guessAuthorityKind(d.authority),
    authority: d.authority,
    reference: d.reference,
    sentence: d.sentence,
    sentenceStart: d.sentenceStart,
    caseRef: d.caseRef,
  };
}

export function rowTitle(r: repo.LegalTitleRow): LegalTitle {
  return {
    id: r.id,
    kind: r.kind as TitleKind,
    issuedOn: r.issuedOn,
    recordedAt: r.createdAt.toISOString(),
    authorityKind: r.authorityKind as AuthorityKind,
    authority: r.authority,
    reference: r.reference,
    supersedesId: r.supersedesId,
    correctionReason: r.correctionReason,
    withdrawn: r.withdrawnAt !== null,
    withdrawnReason: r.withdrawnReason,
    offenceCategory: r.offenceCategory as OffenceCategory | null,
    effectiveFrom: r.effectiveFrom,
    validUntil: r.validUntil,
    period: r.period,
    sentence: r.sentence,
    sentenceStart: r.sentenceStart,
    remandCreditDays: r.remandCreditDays,
    reduction: r.reduction,
    pardonScope: r.pardonScope as 'full' | 'partial' | null,
    caseRef: r.caseRef,
    relation: r.sentenceRelation,
    relatedToId: r.relatedToId,
    finalOn: r.finalOn,
    appliesToId: r.appliesToId,
    commutedTo: r.commutedTo,
  };
}

export function ruleFromRow(r: repo.RuleRow): PretrialRule & { version: number } {
  return {
    id: r.code,
    category: r.category as RuleCategory,
    legalBasis: r.legalBasis,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    initial: r.initialPeriod,
    renewal: r.renewalPeriod,
    maxRenewals: r.maxRenewals,
    absoluteMax: r.absoluteMax,
    renewalWindowWorkingDays: r.renewalWindowWorkingDays,
    toConfirm: r.toConfirm,
    source: r.source,
    version: r.version,
  };
}

export async function loadSettings(db: Tx): Promise<JusticeSettings> {
  const s = await repo.settings(db);
  return {
    rules: (await repo.rules(db)).map(ruleFromRow),
    expiringWithinDays: s.expiringWithinDays,
    noHearingMonths: s.noHearingMonths,
  };
}

interface LoadedCase {
  admission: repo.AdmissionRow;
  input: CaseInput;
  rows: repo.LegalTitleRow[];
  docs: repo.DocumentRow[];
  charges: repo.ChargeRow[];
  hearings: repo.HearingRow[];
}

/** Every admission's titles (documents at admission + justice titles), charges and hearings. */
async function loadCases(db: Tx, admissions: repo.AdmissionRow[]): Promise<LoadedCase[]> {
  const ids = admissions.map((a) => a.id);
  const docs = await repo.documentsOf(db, ids);
  const rows = await repo.titlesOf(db, ids);
  const charges = await repo.chargesOf(db, ids);
  const hearings = await repo.hearingsOf(db, ids);
  const by = <T extends { admissionId: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const l = m.get(x.admissionId);
      if (l) l.push(x);
      else m.set(x.admissionId, [x]);
    }
    return m;
  };
  const d = by(docs),
    r = by(rows),
    c = by(charges),
    h = by(hearings);
  return withTransferredTitles(
    db,
    admissions.map((a) => {
      const ad = d.get(a.id) ?? [],
        ar = r.get(a.id) ?? [],
        ac = c.get(a.id) ?? [],
        ah = h.get(a.id) ?? [];
      const titles = [...ad.map(documentTitle).filter((x): x is LegalTitle => !!x), ...ar.map(rowTitle)];
      return {
        admission: a,
        rows: ar,
        docs: ad,
        charges: ac,
        hearings: ah,
        input: {
          admissionId: a.id,
          prisonId: a.prisonId,
          personId: a.personId,
          admittedOn: bamakoDate(a.admittedAt),
          endedOn: a.endedAt ? bamakoDate(a.endedAt) : null,
          titles,
          charges: ac.map((x) => ({ category: x.category, terrorismRelated: x.terrorismRelated })),
          hearings: ah.map((x) => ({ date: bamakoDate(x.scheduledAt), outcome: x.outcome as HearingOutcome | null })),
        },
      };
    }),
  );
}

/**
 * Titles follow the person across transfers: an admission that follows a transfer (the person's
 * previous admission ended with reason "transfer", on or before this one began) carries the titles of
 * that admission, and so on back along the chain. The clock does not restart in the receiving prison.
 */
async function withTransferredTitles(db: Tx, cases: LoadedCase[]): Promise<LoadedCase[]> {
  if (!cases.length) return cases;
  const all = await repo.admissionsOfPeople(db, [...new Set(cases.map((c) => c.admission.personId))]);
  const byPerson = new Map<string, repo.AdmissionRow[]>();
  for (const a of all) {
    const l = byPerson.get(a.personId);
    if (l) l.push(a);
    else byPerson.set(a.personId, [a]);
  }
  const chains = new Map<string, string[]>();
  for (const c of cases) {
    const mine = byPerson.get(c.admission.personId) ?? [];
    const chain: string[] = [];
    let cur = c.admission;
    for (;;) {
      const prev = mine.filter((x) => x.id !== cur.id && !chain.includes(x.id) && x.admittedAt < cur.admittedAt).at(-1);
      if (!prev || prev.endReason !== 'transfer' || !prev.endedAt || prev.endedAt > cur.admittedAt) break;
      chain.push(prev.id);
      cur = prev;
    }
    if (chain.length) chains.set(c.admission.id, chain);
  }
  if (!chains.size) return cases;
  const ids = [...new Set([...chains.values()].flat())];
  const docs = await repo.documentsOf(db, ids);
  const rows = await repo.titlesOf(db, ids);
  return cases.map((c) => {
    const chain = chains.get(c.admission.id);
    if (!chain) return c;
    const d = docs.filter((x) => chain.includes(x.admissionId)),
      r = rows.filter((x) => chain.includes(x.admissionId));
    const titles = [...d.map(documentTitle).filter((x): x is LegalTitle => !!x), ...r.map(rowTitle), ...c.input.titles];
    return { ...c, docs: [...d, ...c.docs], rows: [...r, ...c.rows], input: { ...c.input, titles } };
  });
}

// ---------------------------------------------------------------------------------------------
// Access: staff by prison scope, partners by jurisdiction
// ---------------------------------------------------------------------------------------------

export function isPartner(actor: Actor): boolean {
  return actor.roles.includes('prosecutor');
}

interface Access {
  partner: boolean;
  jurisdictions: string[];
}

async function accessToAdmission(
  db: Tx,
  actor: Actor,
  a: repo.AdmissionRow,
  permission: 'justice.read' | 'justice.write',
): Promise<Access> {
  authorize(actor, permission);
  if (!isPartner(actor)) {
    if (!inScope(actor, a.prisonId)) throw new AppError(403, 'error.out_of_scope');
    return { partner: false, jurisdictions: [] };
  }
  const js = await repo.jurisdictionsOfUser(db, actor.userId);
  const linked = await repo.admissionsOfJurisdictions(db, js, a.id);
  if (!linked.length) throw new AppError(403, 'justice.partner.not_your_case');
  return { partner: true, jurisdictions: js };
}

async function visibleAdmission(
  db: Tx,
  actor: Actor,
  id: string,
  permission: 'justice.read' | 'justice.write',
  forUpdate = false,
): Promise<{ a: repo.AdmissionRow; access: Access }> {
  authorize(actor, permission);
  const a = await repo.findAdmission(db, id, forUpdate);
  if (!a) throw notFound();
  return { a, access: await accessToAdmission(db, actor, a, permission) };
}

function staffPrisonScope(
  actor: Actor,
  permission: 'justice.read' | 'justice.write' | 'justice.rules',
  prisonId?: string,
): void {
  authorize(actor, permission, prisonId);
  if (isPartner(actor)) throw forbidden('justice.partner.staff_only');
}

async function resolvePrison(
  db: Tx,
  actor: Actor,
  idOrCode: string,
  permission: 'justice.read' | 'justice.write' = 'justice.read',
): Promise<estateRepo.PrisonRow> {
  const p = await estateRepo.findPrison(db, idOrCode);
  if (!p) throw notFound();
  staffPrisonScope(actor, permission, p.id);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

export interface TitleView {
  id: string;
  source: 'admission' | 'justice';
  kind: string;
  kind_label: string;
  authority_kind: string;
  authority: string;
  jurisdiction_id: string | null;
  reference: string;
  issued_on: string;
  offence_category: string | null;
  effective_from: string | null;
  valid_until: string | null;
  period: Period | null;
  sentence: Sentence | null;
  sentence_start: string | null;
  remand_credit_days: number | null;
  reduction: Period | null;
  pardon_scope: string | null;
  attachment_id: string | null;
  notes: string | null;
  case_ref: string | null;
  sentence_relation: string | null;
  related_to_id: string | null;
  final_on: string | null;
  applies_to_id: string | null;
  commuted_to: Period | null;
  in_force: boolean;
  supersedes_id: string | null;
  correction_reason: string | null;
  superseded_by_id: string | null;
  withdrawn: boolean;
  withdrawn_reason: string | null;
  recorded_at: string;
}

function titleViews(c: LoadedCase, lang: 'fr' | 'en'): TitleView[] {
  const inForce = new Set(effectiveTitles(c.input.titles).map((x) => x.id));
  const supersededBy = new Map<string, string>();
  for (const r of c.rows) if (r.supersedesId) supersededBy.set(r.supersedesId, r.id);
  const fromDocs: TitleView[] = c.docs
    .filter((d) => (TITLE_KINDS as readonly string[]).includes(d.kind))
    .map((d) => ({
      id: d.id,
      source: 'admission',
      kind: d.kind,
      kind_label: t(lang, `justice.title.${d.kind}`),
      authority_kind: guessAuthorityKind(d.authority),
      authority: d.authority,
      jurisdiction_id: null,
      reference: d.reference,
      issued_on: d.issuedOn,
      offence_category: null,
      effective_from: null,
      valid_until: null,
      period: null,
      sentence: d.sentence,
      sentence_start: d.sentenceStart,
      remand_credit_days: null,
      reduction: null,
      pardon_scope: null,
      attachment_id: d.attachmentId,
      notes: d.notes,
      case_ref: d.caseRef,
      sentence_relation: null,
      related_to_id: null,
      final_on: null,
      applies_to_id: null,
      commuted_to: null,
      in_force: inForce.has(d.id),
      supersedes_id: null,
      correction_reason: null,
      superseded_by_id: supersededBy.get(d.id) ?? null,
      withdrawn: false,
      withdrawn_reason: null,
      recorded_at: d.receivedAt.toISOString(),
    }));
  const fromRows: TitleView[] = c.rows.map((r) => ({
    id: r.id,
    source: 'justice',
    kind: r.kind,
    kind_label: t(lang, `justice.title.${r.kind}`),
    authority_kind: r.authorityKind,
    authority: r.authority,
    jurisdiction_id: r.jurisdictionId,
    reference: r.reference,
    issued_on: r.issuedOn,
    offence_category: r.offenceCategory,
    effective_from: r.effectiveFrom,
    valid_until: r.validUntil,
    period: r.period,
    sentence: r.sentence,
    sentence_start: r.sentenceStart,
    remand_credit_days: r.remandCreditDays,
    reduction: r.reduction,
    pardon_scope: r.pardonScope,
    attachment_id: r.attachmentId,
    notes: r.notes,
    case_ref: r.caseRef,
    sentence_relation: r.sentenceRelation,
    related_to_id: r.relatedToId,
    final_on: r.finalOn,
    applies_to_id: r.appliesToId,
    commuted_to: r.commutedTo,
    in_force: inForce.has(r.id),
    supersedes_id: r.supersedesId,
    correction_reason: r.correctionReason,
    superseded_by_id: supersededBy.get(r.id) ?? null,
    withdrawn: r.withdrawnAt !== null,
    withdrawn_reason: r.withdrawnReason,
    recorded_at: r.createdAt.toISOString(),
  }));
  return [...fromDocs, ...fromRows].sort((a, b) =>
    a.issued_on === b.issued_on ? a.recorded_at.localeCompare(b.recorded_at) : a.issued_on.localeCompare(b.issued_on),
  );
}

export interface HearingView {
  id: string;
  admission_id: string;
  person_id: string;
  jurisdiction_id: string | null;
  court: string;
  scheduled_at: string;
  scheduled_local: string;
  purpose: string | null;
  production_order_ref: string | null;
  ordered_by: string | null;
  escort_unit: string | null;
  escort_leader: string | null;
  escort_size: number | null;
  vehicle: string | null;
  outcome: string | null;
  outcome_notes: string | null;
  next_date: string | null;
  version: number;
}

function hearingView(h: repo.HearingRow, lang: 'fr' | 'en'): HearingView {
  return {
    id: h.id,
    admission_id: h.admissionId,
    person_id: h.personId,
    jurisdiction_id: h.jurisdictionId,
    court: h.court,
    scheduled_at: h.scheduledAt.toISOString(),
    scheduled_local: formatBamako(h.scheduledAt, lang),
    purpose: h.purpose,
    production_order_ref: h.productionOrderRef,
    ordered_by: h.orderedBy,
    escort_unit: h.escortUnit,
    escort_leader: h.escortLeader,
    escort_size: h.escortSize,
    vehicle: h.vehicle,
    outcome: h.outcome,
    outcome_notes: h.outcomeNotes,
    next_date: h.nextDate,
    version: h.version,
  };
}

export interface AlertView extends JusticeAlert {
  label: string;
  action: string;
  committal_number?: string;
  person_name?: string;
}

function alertView(
  a: JusticeAlert,
  lang: 'fr' | 'en',
  extra: { committal_number?: string; person_name?: string } = {},
): AlertView {
  return {
    ...a,
    ...extra,
    label: t(lang, `justice.alert.${a.kind}`, { date: a.date ?? '', days: a.days }),
    action: t(lang, a.actionKey),
  };
}

const stepView = (s: Step, lang: 'fr' | 'en') => ({
  key: s.key,
  text: t(lang, s.key, s.params),
  date: s.date ?? null,
  params: s.params,
});

/** The legal status in words: custody's one label (prévenu(e), accusé(e) for a felony…), justice's own for acquitted/released. */
function statusLabel(lang: 'fr' | 'en', status: string, felony: boolean): string {
  return (LEGAL_STATUSES as readonly string[]).includes(status)
    ? legalStatusLabel(lang, { status: status as LegalStatus, felony })
    : t(lang, `justice.status.${status}`);
}

/** "accused of …" while untried, "convicted of …" once sentenced: never a label on the person. */
function chargeWording(lang: 'fr' | 'en', qualification: string, sentenced: boolean): string {
  return t(lang, sentenced ? 'justice.charge.convicted_of' : 'justice.charge.accused_of', { qualification });
}

export async function justiceFileOf(db: Tx, actor: Actor, c: LoadedCase, asOf: string, settings: JusticeSettings) {
  const lang = actor.lang;
  const e = evaluateCase(c.input, asOf, settings);
  const names = await repo.peopleNames(db, [c.admission.personId]);
  const n = names.get(c.admission.personId);
  const sentenced = isSentenced(e.situation.status);
  const titles = titleViews(c, lang);
  return {
    admission: {
      id: c.admission.id,
      prison_id: c.admission.prisonId,
      person_id: c.admission.personId,
      committal_number: c.admission.committalNumber,
      admitted_at: c.admission.admittedAt.toISOString(),
      ended_at: c.admission.endedAt?.toISOString() ?? null,
      legal_status: c.admission.legalStatus,
    },
    person: { family_name: n?.familyName ?? '', given_names: n?.givenNames ?? '' },
    as_of: asOf,
    status: e.situation.status,
    status_label: statusLabel(
      lang,
      e.situation.status,
      e.category === 'felony' || e.category === 'terrorism' || hasFelony(c.charges),
    ),
    untried: isUntried(e.situation.status),
    basis: titles.find((x) => x.id === e.situation.basis?.id) ?? null,
    charges: c.charges.map((x) => ({
      id: x.id,
      qualification: x.qualification,
      category: x.category,
      terrorism_related: x.terrorismRelated,
      wording: chargeWording(lang, x.qualification, sentenced),
    })),
    titles,
    warnings: e.situation.warnings.map((w) => ({ key: w.key, title_id: w.titleId || null, text: t(lang, w.key) })),
    pretrial: {
      applies: e.pretrial.applies,
      category: e.category,
      category_label: t(lang, `justice.category.${e.category}`),
      category_assumed: e.categoryAssumed,
      rule: e.pretrial.rule
        ? {
            id: e.pretrial.rule.id,
            legal_basis: e.pretrial.rule.legalBasis,
            to_confirm: [...e.pretrial.rule.toConfirm],
          }
        : null,
      start: e.pretrial.start,
      days_in_pretrial: e.pretrial.daysInPretrial,
      current_title_id: e.pretrial.currentTitleId,
      expires_on: e.pretrial.expiresOn,
      days_left: e.pretrial.daysLeft,
      expired: e.pretrial.expired,
      legal_maximum_on: e.pretrial.legalMaximumOn,
      renewals_used: e.pretrial.renewalsUsed,
      renewals_allowed: e.pretrial.renewalsAllowed,
      gaps: e.pretrial.gaps,
      days_without_title: e.pretrial.daysWithoutTitle,
      category_assumed_label: e.categoryAssumed ? t(lang, 'justice.category.assumed') : null,
      periods: e.pretrial.periods.map((p) => ({ ...p, flag_labels: p.flags.map((f) => t(lang, `justice.flag.${f}`)) })),
    },
    release: e.release
      ? {
          release_on: e.release.releaseOn,
          sentence_end: e.release.sentenceEnd,
          served_in_full: e.release.servedInFull,
          steps: e.release.steps.map((s) => stepView(s, lang)),
        }
      : null,
    hearings: c.hearings.map((h) => hearingView(h, lang)),
    last_hearing_on: e.lastHearingOn,
    next_hearing_on: e.nextHearingOn,
    alerts: sortAlerts(alertsForCase(e, settings)).map((a) => alertView(a, lang)),
    /** Every stretch of time a legality alert was on, kept after what ended it (a late extension closes it, never removes it). */
    alert_history: await alertHistory(db, lang, c.admission.id, e, settings),
  };
}
export type JusticeFile = Awaited<ReturnType<typeof justiceFileOf>>;

/** The justice side of a file: titles with every version, status and basis, limits, release date, hearings, alerts. */
export async function getJusticeFile(
  db: Db,
  actor: Actor,
  admissionId: string,
  opts: { asOf?: string } = {},
): Promise<JusticeFile> {
  const asOf = checkAsOf(opts.asOf);
  return db.transaction(async (tx) => {
    const { a, access } = await visibleAdmission(tx, actor, admissionId, 'justice.read');
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'read',
        entity: 'admission',
        entityId: a.id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    const [c] = await loadCases(tx, [a]);
    return justiceFileOf(tx, actor, c, asOf, await loadSettings(tx));
  });
}

function checkAsOf(asOf: string | undefined, field = '/as_of'): string {
  if (asOf === undefined || asOf === '') return bamakoDate();
  if (!isDate(asOf)) throw invalid([{ field, key: 'field.invalid_date' }]);
  return asOf;
}

// ---------------------------------------------------------------------------------------------
// Titles: add, correct, withdraw; admission.legal_status follows
// ---------------------------------------------------------------------------------------------

export interface TitleInput {
  kind: TitleKind;
  authority_kind: AuthorityKind;
  authority: string;
  jurisdiction?: string | null;
  reference: string;
  issued_on: string;
  offence_category?: OffenceCategory | null;
  effective_from?: string | null;
  valid_until?: string | null;
  period?: Period | null;
  sentence?: Sentence | null;
  sentence_start?: string | null;
  remand_credit_days?: number | null;
  reduction?: Period | null;
  pardon_scope?: 'full' | 'partial' | null;
  attachment_id?: string | null;
  notes?: string | null;
  /** The case number as written (titles of one case share it). */
  case_ref?: string | null;
  /** Convictions: consecutive to, or concurrent with (court-ordered confusion), the conviction `related_to_id`. */
  sentence_relation?: 'consecutive' | 'concurrent' | null;
  related_to_id?: string | null;
  /** Convictions: final on (appeal period passed or appeal decided). */
  final_on?: string | null;
  /** Remissions, pardons, appeals: the conviction they name. */
  applies_to_id?: string | null;
  /** Pardons: commutation to this term (life or death to a term). */
  commuted_to?: Period | null;
}

function badPeriod(p: Period | null | undefined): boolean {
  if (!p) return false;
  return [p.years, p.months, p.days].some(
    (v) => v !== undefined && v !== null && (!Number.isInteger(v) || v < 0 || v > 1200),
  );
}
const emptyPeriod = (p: Period | null | undefined) => !p || (!(p.years ?? 0) && !(p.months ?? 0) && !(p.days ?? 0));

/** Field errors for a title, kind by kind. `base` prefixes the JSON pointers. */
export function validateTitle(input: TitleInput, today: string, base = ''): FieldError[] {
  const errs: FieldError[] = [];
  const f = (name: string) => `${base}/${name}`;
  if (!(TITLE_KINDS as readonly string[]).includes(input.kind))
    errs.push({ field: f('kind'), key: 'field.unknown_code', params: { code: String(input.kind), kind: 'kind' } });
  if (!(AUTHORITY_KINDS as readonly string[]).includes(input.authority_kind))
    errs.push({
      field: f('authority_kind'),
      key: 'field.unknown_code',
      params: { code: String(input.authority_kind), kind: 'authority_kind' },
    });
  if (!input.authority?.trim()) errs.push({ field: f('authority'), key: 'field.required' });
  if (!input.reference?.trim()) errs.push({ field: f('reference'), key: 'field.required' });
  if (!isDate(input.issued_on)) errs.push({ field: f('issued_on'), key: 'field.invalid_date' });
  else if (input.issued_on > today) errs.push({ field: f('issued_on'), key: 'field.date_in_future' });
  for (const k of ['effective_from', 'valid_until', 'sentence_start'] as const) {
    const v = input[k];
    if (v !== undefined && v !== null && !isDate(v)) errs.push({ field: f(k), key: 'field.invalid_date' });
  }
  if (
    input.valid_until &&
    isDate(input.valid_until) &&
    isDate(input.issued_on) &&
    input.valid_until < (input.effective_from ?? input.issued_on)
  )
    errs.push({ field: f('valid_until'), key: 'justice.title.valid_until_before_start' });
  if (input.offence_category && !(OFFENCE_CATEGORIES as readonly string[]).includes(input.offence_category))
    errs.push({
      field: f('offence_category'),
      key: 'field.unknown_code',
      params: { code: input.offence_category, kind: 'offence_category' },
    });
  const detention =
    input.kind === 'committal_order' || input.kind === 'arrest_warrant' || input.kind === 'extension_order';
  if (!detention && (input.offence_category || input.effective_from || input.valid_until))
    errs.push({ field: f('offence_category'), key: 'justice.title.field_not_for_kind' });
  if (input.period && (input.kind !== 'extension_order' || badPeriod(input.period)))
    errs.push({
      field: f('period'),
      key: input.kind !== 'extension_order' ? 'justice.title.field_not_for_kind' : 'justice.rule.bad_period',
    });
  if (input.kind === 'conviction') {
    if (
      !input.sentence ||
      (!input.sentence.life && !input.sentence.death && emptyPeriod(input.sentence) && !input.sentence.fine)
    )
      errs.push({ field: f('sentence'), key: 'justice.title.sentence_required' });
    else if (badPeriod(input.sentence)) errs.push({ field: f('sentence'), key: 'justice.rule.bad_period' });
    if (
      input.remand_credit_days !== undefined &&
      input.remand_credit_days !== null &&
      (!Number.isInteger(input.remand_credit_days) || input.remand_credit_days < 0)
    )
      errs.push({ field: f('remand_credit_days'), key: 'justice.rule.bad_count' });
  } else if (input.sentence || input.sentence_start || (input.remand_credit_days ?? null) !== null)
    errs.push({ field: f('sentence'), key: 'justice.title.field_not_for_kind' });
  const needsReduction = input.kind === 'remission' || (input.kind === 'pardon' && input.pardon_scope === 'partial');
  if (needsReduction && (emptyPeriod(input.reduction) || badPeriod(input.reduction)))
    errs.push({ field: f('reduction'), key: 'justice.title.reduction_required' });
  if (!needsReduction && !emptyPeriod(input.reduction) && input.kind !== 'pardon')
    errs.push({ field: f('reduction'), key: 'justice.title.field_not_for_kind' });
  if (input.pardon_scope && input.kind !== 'pardon')
    errs.push({ field: f('pardon_scope'), key: 'justice.title.field_not_for_kind' });
  errs.push(...validateSentenceFields(input, base));
  return errs;
}

async function resolveJurisdiction(
  db: Tx,
  access: Access,
  input: { jurisdiction?: string | null },
  field: string,
): Promise<string | null> {
  let id: string | null = null;
  if (input.jurisdiction) {
    const j = await repo.findJurisdiction(db, input.jurisdiction);
    if (!j) throw invalid([{ field, key: 'justice.jurisdiction.unknown' }]);
    id = j.id;
  } else if (access.partner && access.jurisdictions.length === 1) id = access.jurisdictions[0]!;
  if (access.partner && (!id || !access.jurisdictions.includes(id)))
    throw invalid([{ field, key: 'justice.partner.own_jurisdiction_only' }]);
  return id;
}

function rowValues(
  input: TitleInput,
): Omit<
  typeof import('./schema.js').legalTitle.$inferInsert,
  'id' | 'prisonId' | 'admissionId' | 'personId' | 'createdBy' | 'jurisdictionId'
> {
  const clean = (p: Period | null | undefined): Period | null =>
    p && !emptyPeriod(p)
      ? {
          ...(p.years ? { years: p.years } : {}),
          ...(p.months ? { months: p.months } : {}),
          ...(p.days ? { days: p.days } : {}),
        }
      : null;
  return {
    kind: input.kind,
    authorityKind: input.authority_kind,
    authority: input.authority.trim(),
    reference: input.reference.trim(),
    issuedOn: input.issued_on,
    offenceCategory: input.offence_category ?? null,
    effectiveFrom: input.effective_from ?? null,
    validUntil: input.valid_until ?? null,
    period: clean(input.period),
    sentence: input.sentence ? cleanSentence(input.sentence) : null,
    sentenceStart: input.sentence_start ?? null,
    remandCreditDays: input.remand_credit_days ?? null,
    reduction: clean(input.reduction),
    pardonScope:
      input.kind === 'pardon' ? (input.pardon_scope ?? (emptyPeriod(input.reduction) ? 'full' : 'partial')) : null,
    attachmentId: input.attachment_id ?? null,
    notes: input.notes ?? null,
    caseRef: input.case_ref?.trim() || null,
    sentenceRelation: input.sentence_relation ?? null,
    relatedToId: input.sentence_relation ? (input.related_to_id ?? null) : null,
    finalOn: input.final_on ?? null,
    appliesToId: input.applies_to_id ?? null,
    commutedTo: clean(input.commuted_to),
  };
}

/** Recompute the legal status from the titles in force and keep admission.legal_status in step (same transaction). */
export async function syncLegalStatus(
  tx: Tx,
  actor: Actor | null,
  a: repo.AdmissionRow,
  because: string,
): Promise<string> {
  const [c] = await loadCases(tx, [a]);
  const status = deriveLegalSituation(c.input.titles).admissionStatus;
  if (status !== a.legalStatus) {
    await repo.setAdmissionLegalStatus(tx, a.id, status);
    await recordChange(tx, actor, {
      entity: 'admission',
      entityId: a.id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'legal_status',
      reason: because,
      before: { legal_status: a.legalStatus },
      after: { legal_status: status },
    });
  }
  return status;
}

/** Record a new legal title on an admission; the legal status follows. */
export async function addTitle(db: Db, actor: Actor, admissionId: string, input: TitleInput): Promise<JusticeFile> {
  const errs = validateTitle(input, bamakoDate());
  if (errs.length) throw invalid(errs);
  return db.transaction(async (tx) => {
    const { a, access } = await visibleAdmission(tx, actor, admissionId, 'justice.write', true);
    const jurisdictionId = await resolveJurisdiction(tx, access, input, '/jurisdiction');
    const id = newId();
    await checkSentenceLinks(tx, a.personId, input, '');
    await repo.insertTitle(tx, {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      jurisdictionId,
      createdBy: actor.userId,
      ...rowValues(input),
    });
    await recordChange(tx, actor, {
      entity: 'legal_title',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'create',
      after: { ...input, jurisdiction_id: jurisdictionId },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'legal_title',
        entityId: id,
        personId: a.personId,
        prisonId: a.prisonId,
        detail: { kind: input.kind, reference: input.reference },
      });
    await syncLegalStatus(tx, actor, a, `${input.kind} ${input.reference}`);
    await refreshJusticeState(tx, a.id, actor, `${input.kind} ${input.reference}`);
    const [c] = await loadCases(tx, [(await repo.findAdmission(tx, a.id))!]);
    return justiceFileOf(tx, actor, c, bamakoDate(), await loadSettings(tx));
  });
}

interface FoundTitle {
  title: LegalTitle;
  row?: repo.LegalTitleRow;
  doc?: repo.DocumentRow;
  admissionId: string;
  jurisdictionId: string | null;
}

async function findAnyTitle(tx: Tx, id: string): Promise<FoundTitle> {
  const row = await repo.findTitle(tx, id);
  if (row) return { title: rowTitle(row), row, admissionId: row.admissionId, jurisdictionId: row.jurisdictionId };
  const doc = await repo.findDocument(tx, id);
  const title = doc ? documentTitle(doc) : null;
  if (!doc || !title) throw notFound();
  return { title, doc, admissionId: doc.admissionId, jurisdictionId: null };
}

function titleAsInput(f: FoundTitle): TitleInput {
  const x = f.title;
  return {
    kind: x.kind,
    authority_kind: x.authorityKind,
    authority: x.authority,
    jurisdiction: f.jurisdictionId,
    reference: x.reference,
    issued_on: x.issuedOn,
    offence_category: x.offenceCategory ?? null,
    effective_from: x.effectiveFrom ?? null,
    valid_until: x.validUntil ?? null,
    period: x.period ?? null,
    sentence: x.sentence ?? null,
    sentence_start: x.sentenceStart ?? null,
    remand_credit_days: x.remandCreditDays ?? null,
    reduction: x.reduction ?? null,
    pardon_scope: x.pardonScope ?? null,
    attachment_id: f.row?.attachmentId ?? f.doc?.attachmentId ?? null,
    notes: f.row?.notes ?? f.doc?.notes ?? null,
    case_ref: x.caseRef ?? null,
    sentence_relation: x.relation ?? null,
    related_to_id: x.relatedToId ?? null,
    final_on: x.finalOn ?? null,
    applies_to_id: x.appliesToId ?? null,
    commuted_to: x.commutedTo ?? null,
  };
}

async function editableTitle(
  tx: Tx,
  actor: Actor,
  titleId: string,
): Promise<{ found: FoundTitle; a: repo.AdmissionRow; access: Access }> {
  const found = await findAnyTitle(tx, titleId);
  const { a, access } = await visibleAdmission(tx, actor, found.admissionId, 'justice.write', true);
  if (found.title.withdrawn) throw invalid([{ field: '/', key: 'justice.title.withdrawn' }]);
  const later = await repo.findCorrectionOf(tx, titleId);
  if (later) throw new AppError(409, 'justice.title.already_corrected', { id: later.id });
  // Partners correct only the titles their own jurisdiction issued.
  if (access.partner && (!found.jurisdictionId || !access.jurisdictions.includes(found.jurisdictionId)))
    throw forbidden('justice.partner.own_titles_only');
  return { found, a, access };
}

/**
 * Correct a title: a new version supersedes it, with the reason; the old one stays in the file.
 * Works for the documents recorded at admission too.
 */
export async function correctTitle(
  db: Db,
  actor: Actor,
  titleId: string,
  input: { changes: Partial<TitleInput>; reason: string },
): Promise<JusticeFile> {
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const { found, a, access } = await editableTitle(tx, actor, titleId);
    const before = titleAsInput(found);
    const next: TitleInput = {
      ...before,
      ...Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined)),
    };
    const errs = validateTitle(next, bamakoDate(), '/changes');
    if (errs.length) throw invalid(errs);
    const changed = Object.keys(input.changes).filter(
      (k) =>
        JSON.stringify((before as unknown as Record<string, unknown>)[k] ?? null) !==
        JSON.stringify((next as unknown as Record<string, unknown>)[k] ?? null),
    );
    if (!changed.length) throw invalid([{ field: '/changes', key: 'justice.title.nothing_to_correct' }]);
    const jurisdictionId = await resolveJurisdiction(tx, access, next, '/changes/jurisdiction');
    const id = newId();
    await checkSentenceLinks(tx, a.personId, next, '/changes', titleId);
    await repo.insertTitle(tx, {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      jurisdictionId,
      createdBy: actor.userId,
      supersedesId: titleId,
      correctionReason: input.reason.trim(),
      ...rowValues(next),
    });
    await recordChange(tx, actor, {
      entity: 'legal_title',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'correction',
      reason: input.reason,
      before: Object.fromEntries(changed.map((k) => [k, (before as unknown as Record<string, unknown>)[k] ?? null])),
      after: {
        supersedes_id: titleId,
        ...Object.fromEntries(changed.map((k) => [k, (next as unknown as Record<string, unknown>)[k] ?? null])),
      },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'legal_title',
        entityId: id,
        personId: a.personId,
        prisonId: a.prisonId,
        detail: { corrects: titleId },
      });
    await syncLegalStatus(tx, actor, a, `correction ${found.title.reference}: ${input.reason}`);
    await refreshJusticeState(tx, a.id, actor, `correction ${found.title.reference}: ${input.reason}`);
    const [c] = await loadCases(tx, [(await repo.findAdmission(tx, a.id))!]);
    return justiceFileOf(tx, actor, c, bamakoDate(), await loadSettings(tx));
  });
}

/** A title recorded in error: kept, marked withdrawn with the reason, no longer in force. */
export async function withdrawTitle(
  db: Db,
  actor: Actor,
  titleId: string,
  input: { reason: string },
): Promise<JusticeFile> {
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const { found, a, access } = await editableTitle(tx, actor, titleId);
    let entityId = titleId;
    if (found.row) await repo.withdrawTitle(tx, titleId, actor.userId, input.reason.trim());
    else {
      // A document recorded at admission cannot change: a withdrawn version supersedes it.
      entityId = newId();
      await repo.insertTitle(tx, {
        id: entityId,
        prisonId: a.prisonId,
        admissionId: a.id,
        personId: a.personId,
        jurisdictionId: null,
        createdBy: actor.userId,
        supersedesId: titleId,
        correctionReason: input.reason.trim(),
        withdrawnAt: new Date(),
        withdrawnBy: actor.userId,
        withdrawnReason: input.reason.trim(),
        ...rowValues(titleAsInput(found)),
      });
    }
    await recordChange(tx, actor, {
      entity: 'legal_title',
      entityId,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'withdraw',
      reason: input.reason,
      before: { in_force: true, id: titleId },
      after: { in_force: false },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'legal_title',
        entityId,
        personId: a.personId,
        prisonId: a.prisonId,
        detail: { withdraws: titleId },
      });
    await syncLegalStatus(tx, actor, a, `withdrawn ${found.title.reference}: ${input.reason}`);
    await refreshJusticeState(tx, a.id, actor, `withdrawn ${found.title.reference}: ${input.reason}`);
    const [c] = await loadCases(tx, [(await repo.findAdmission(tx, a.id))!]);
    return justiceFileOf(tx, actor, c, bamakoDate(), await loadSettings(tx));
  });
}

// ---------------------------------------------------------------------------------------------
// Hearings and the court list
// ---------------------------------------------------------------------------------------------

export interface HearingInput {
  court: string;
  jurisdiction?: string | null;
  scheduled_at: string;
  purpose?: string | null;
  production_order_ref?: string | null;
  ordered_by?: string | null;
  escort_unit?: string | null;
  escort_leader?: string | null;
  escort_size?: number | null;
  vehicle?: string | null;
}

function parseInstant(s: string, field: string): Date {
  const d = new Date(s);
  if (!s || Number.isNaN(d.getTime())) throw invalid([{ field, key: 'field.invalid_date' }]);
  return d;
}

/** Schedule a court appearance (production order) for a detainee held on this admission. */
export async function scheduleHearing(
  db: Db,
  actor: Actor,
  admissionId: string,
  input: HearingInput,
): Promise<HearingView> {
  if (!input.court?.trim()) throw invalid([{ field: '/court', key: 'field.required' }]);
  const at = parseInstant(input.scheduled_at, '/scheduled_at');
  return db.transaction(async (tx) => {
    const { a, access } = await visibleAdmission(tx, actor, admissionId, 'justice.write', true);
    if (a.endedAt) throw invalid([{ field: '/', key: 'justice.hearing.admission_ended' }]);
    const jurisdictionId = await resolveJurisdiction(tx, access, input, '/jurisdiction');
    const id = newId();
    const row = {
      id,
      prisonId: a.prisonId,
      admissionId: a.id,
      personId: a.personId,
      jurisdictionId,
      court: input.court.trim(),
      scheduledAt: at,
      purpose: input.purpose ?? null,
      productionOrderRef: input.production_order_ref ?? null,
      orderedBy: input.ordered_by ?? null,
      escortUnit: input.escort_unit ?? null,
      escortLeader: input.escort_leader ?? null,
      escortSize: input.escort_size ?? null,
      vehicle: input.vehicle ?? null,
      createdBy: actor.userId,
    };
    await repo.insertHearing(tx, row);
    await recordChange(tx, actor, {
      entity: 'hearing',
      entityId: id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'create',
      after: { ...input, jurisdiction_id: jurisdictionId },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'hearing',
        entityId: id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    await refreshJusticeState(tx, a.id, actor, `hearing ${row.court}`);
    return hearingView((await repo.findHearing(tx, id))!, actor.lang);
  });
}

async function editableHearing(tx: Tx, actor: Actor, id: string, version?: number) {
  const h = await repo.findHearing(tx, id, true);
  if (!h) throw notFound();
  const { a, access } = await visibleAdmission(tx, actor, h.admissionId, 'justice.write');
  if (access.partner && (!h.jurisdictionId || !access.jurisdictions.includes(h.jurisdictionId)))
    throw forbidden('justice.partner.own_hearings_only');
  if (version !== undefined && version !== h.version) throw new AppError(409, 'error.conflict');
  return { h, a, access };
}

/** What happened at the hearing: held, adjourned, not produced (no escort), cancelled. */
export async function recordHearingOutcome(
  db: Db,
  actor: Actor,
  hearingId: string,
  input: { outcome: HearingOutcome; notes?: string | null; next_date?: string | null; version?: number },
): Promise<HearingView> {
  if (!(HEARING_OUTCOMES as readonly string[]).includes(input.outcome))
    throw invalid([
      { field: '/outcome', key: 'field.unknown_code', params: { code: String(input.outcome), kind: 'outcome' } },
    ]);
  if (input.next_date && !isDate(input.next_date)) throw invalid([{ field: '/next_date', key: 'field.invalid_date' }]);
  return db.transaction(async (tx) => {
    const { h, a, access } = await editableHearing(tx, actor, hearingId, input.version);
    const patch = {
      outcome: input.outcome,
      outcomeNotes: input.notes ?? null,
      nextDate: input.next_date ?? null,
      outcomeAt: new Date(),
      outcomeBy: actor.userId,
    };
    await repo.updateHearing(tx, h.id, patch);
    await recordChange(tx, actor, {
      entity: 'hearing',
      entityId: h.id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: h.outcome ? 'outcome_correction' : 'outcome',
      reason: input.notes ?? null,
      before: { outcome: h.outcome, outcome_notes: h.outcomeNotes, next_date: h.nextDate },
      after: { outcome: input.outcome, outcome_notes: patch.outcomeNotes, next_date: patch.nextDate },
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'hearing',
        entityId: h.id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    await refreshJusticeState(tx, a.id, actor, `hearing ${h.court}`);
    return hearingView((await repo.findHearing(tx, h.id))!, actor.lang);
  });
}

/** Change the date or the escort of a hearing, with the reason. */
export async function updateHearing(
  db: Db,
  actor: Actor,
  hearingId: string,
  input: { changes: Partial<Omit<HearingInput, 'jurisdiction'>>; reason: string; version?: number },
): Promise<HearingView> {
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const { h, a, access } = await editableHearing(tx, actor, hearingId, input.version);
    const c = input.changes;
    const patch: Partial<repo.HearingRow> = {};
    if (c.court !== undefined) {
      if (!c.court.trim()) throw invalid([{ field: '/changes/court', key: 'field.required' }]);
      patch.court = c.court.trim();
    }
    if (c.scheduled_at !== undefined) patch.scheduledAt = parseInstant(c.scheduled_at, '/changes/scheduled_at');
    if (c.purpose !== undefined) patch.purpose = c.purpose;
    if (c.production_order_ref !== undefined) patch.productionOrderRef = c.production_order_ref;
    if (c.ordered_by !== undefined) patch.orderedBy = c.ordered_by;
    if (c.escort_unit !== undefined) patch.escortUnit = c.escort_unit;
    if (c.escort_leader !== undefined) patch.escortLeader = c.escort_leader;
    if (c.escort_size !== undefined) patch.escortSize = c.escort_size;
    if (c.vehicle !== undefined) patch.vehicle = c.vehicle;
    if (!Object.keys(patch).length) throw invalid([{ field: '/changes', key: 'justice.title.nothing_to_correct' }]);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (h as unknown as Record<string, unknown>)[k]]));
    await repo.updateHearing(tx, h.id, patch);
    await recordChange(tx, actor, {
      entity: 'hearing',
      entityId: h.id,
      personId: a.personId,
      prisonId: a.prisonId,
      action: 'update',
      reason: input.reason,
      before,
      after: patch,
    });
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'write',
        entity: 'hearing',
        entityId: h.id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    await refreshJusticeState(tx, a.id, actor, `hearing ${h.court}`);
    return hearingView((await repo.findHearing(tx, h.id))!, actor.lang);
  });
}

export interface CourtListItem extends HearingView {
  committal_number: string;
  family_name: string;
  given_names: string;
  father_name: string | null;
  cell: string | null;
  charges: string[];
}
export interface CourtList {
  prison_id: string;
  prison_code: string;
  prison_name: string;
  date: string;
  items: CourtListItem[];
}

/** The people to take to court on a day (tomorrow by default), with the escort's details. */
export async function courtList(db: Db, actor: Actor, prisonIdOrCode: string, date?: string): Promise<CourtList> {
  const day = date ? checkAsOf(date, '/date') : addDays(bamakoDate(), 1);
  const p = await resolvePrison(db, actor, prisonIdOrCode);
  const rows = await repo.courtList(db, p.id, startOfBamakoDay(day), endOfBamakoDay(day));
  const admissions = await repo.findAdmissions(db, [...new Set(rows.map((r) => r.h.admissionId))]);
  const cases = await loadCases(db, admissions);
  const wording = new Map(
    cases.map((c) => {
      const sentenced = isSentenced(deriveLegalSituation(c.input.titles, day).status);
      return [c.admission.id, c.charges.map((x) => chargeWording(actor.lang, x.qualification, sentenced))];
    }),
  );
  return {
    prison_id: p.id,
    prison_code: p.code,
    prison_name: p.name,
    date: day,
    items: rows.map((r) => ({
      ...hearingView(r.h, actor.lang),
      committal_number: r.committalNumber,
      family_name: r.familyName,
      given_names: r.givenNames,
      father_name: r.fatherName,
      cell: r.cellCode,
      charges: wording.get(r.h.admissionId) ?? [],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Alerts and backlog
// ---------------------------------------------------------------------------------------------

async function heldCases(db: Tx, prisonIds: readonly string[] | undefined, asOf: string): Promise<LoadedCase[]> {
  const end = endOfBamakoDay(asOf);
  return loadCases(db, await repo.admissionsOverlapping(db, prisonIds, end, end));
}

async function alertsFor(
  db: Tx,
  actor: Actor,
  prisonIds: readonly string[] | undefined,
  asOf: string,
  kind?: string,
): Promise<AlertView[]> {
  // Today and after: read the stored states (refreshed with every change); a past date recomputes from the records.
  if (asOf >= bamakoDate()) return alertsFromStates(db, actor, prisonIds, asOf, kind);
  const settings = await loadSettings(db);
  const cases = await heldCases(db, prisonIds, asOf);
  const byId = new Map(cases.map((c) => [c.admission.id, c.admission]));
  let alerts = sortAlerts(cases.flatMap((c) => alertsForCase(evaluateCase(c.input, asOf, settings), settings)));
  if (kind) alerts = alerts.filter((a) => a.kind === kind);
  const names = await repo.peopleNames(db, [...new Set(alerts.map((a) => a.personId!).filter(Boolean))]);
  return alerts.map((a) => {
    const n = a.personId ? names.get(a.personId) : undefined;
    return alertView(a, actor.lang, {
      committal_number: byId.get(a.admissionId)?.committalNumber,
      person_name: n ? `${n.familyName} ${n.givenNames}`.trim() : undefined,
    });
  });
}

/**
 * The justice alerts of one prison as of a date (today by default), most serious first: for the
 * director's home page.
 */
export async function justiceAlertsForPrison(
  db: Db,
  actor: Actor,
  prisonId: string,
  asOf?: string,
): Promise<AlertView[]> {
  const day = checkAsOf(asOf);
  staffPrisonScope(actor, 'justice.read', prisonId);
  return alertsFor(db, actor, [prisonId], day);
}

/**
 * The director's home page: how many justice alerts a prison has as of a date (today by default)
 * and the first `limit`, most serious first — the same as the first items of
 * `justiceAlertsForPrison`. From today on, the database counts and orders them from the stored
 * states and only the first ones are read and worded; a past date takes the full list.
 */
export async function justiceAlertSummary(
  db: Db,
  actor: Actor,
  prisonId: string,
  opts: { asOf?: string; limit?: number } = {},
): Promise<{ total: number; items: AlertView[] }> {
  const day = checkAsOf(opts.asOf);
  staffPrisonScope(actor, 'justice.read', prisonId);
  const limit = Math.max(0, Math.min(opts.limit ?? 25, 500));
  const today = bamakoDate();
  if (day < today) {
    const all = await alertsFor(db, actor, [prisonId], day);
    return { total: all.length, items: all.slice(0, limit) };
  }
  const s = await repo.settings(db);
  const settings = { expiringWithinDays: s.expiringWithinDays, noHearingMonths: s.noHearingMonths };
  let sum = await repo.alertSummary(db, [prisonId], day, today, endOfBamakoDay(day), settings, limit);
  if (sum.refresh.length) {
    const ids = sum.refresh;
    await db.transaction(async (tx) =>
      refreshJusticeStates(tx, await repo.findAdmissions(tx, ids), null, 'justice_state refresh'),
    );
    sum = await repo.alertSummary(db, [prisonId], day, today, endOfBamakoDay(day), settings, limit);
  }
  const states = sum.top.length ? await heldStates(db, [prisonId], day, { ids: sum.top }) : [];
  const byId = new Map(states.map((x) => [x.snap.admissionId, x]));
  const items = sortAlerts(states.flatMap((x) => alertsFromSnapshot(x.snap, day, settings)))
    .slice(0, limit)
    .map((a) => {
      const h = byId.get(a.admissionId);
      return alertView(a, actor.lang, { committal_number: h?.committalNumber, person_name: h?.name });
    });
  return { total: sum.total, items };
}

/** Alerts for one prison (id or code) or every prison in the actor's scope. */
export async function listAlerts(
  db: Db,
  actor: Actor,
  opts: { prison?: string; as_of?: string; kind?: string } = {},
): Promise<{ as_of: string; items: AlertView[] }> {
  const day = checkAsOf(opts.as_of);
  staffPrisonScope(actor, 'justice.read');
  const prisons = opts.prison ? [(await resolvePrison(db, actor, opts.prison)).id] : scopeFilter(actor);
  return { as_of: day, items: await alertsFor(db, actor, prisons, day, opts.kind) };
}

export interface BacklogReport {
  as_of: string;
  overall: BacklogFigures;
  prisons: { prison_id: string; code: string; name: string; figures: BacklogFigures }[];
}

/** The backlog per prison and over all the prisons in scope, from the records as of a date. */
export async function backlog(
  db: Db,
  actor: Actor,
  opts: { prison?: string; as_of?: string } = {},
): Promise<BacklogReport> {
  const day = checkAsOf(opts.as_of);
  staffPrisonScope(actor, 'justice.read');
  const prisonRows = opts.prison
    ? [await resolvePrison(db, actor, opts.prison)]
    : await estateRepo.findPrisons(db, scopeFilter(actor));
  if (day >= bamakoDate()) return backlogFromStates(db, prisonRows, day);
  const ids = prisonRows.map((p) => p.id);
  const settings = await loadSettings(db);
  // Hearings are counted over the 12 months up to the date: load every admission that overlaps them.
  const windowStart = startOfBamakoDay(addMonths(`${day.slice(0, 7)}-01`, -11));
  const cases = ids.length
    ? await loadCases(db, await repo.admissionsOverlapping(db, ids, windowStart, endOfBamakoDay(day)))
    : [];
  const inputs = cases.map((c) => c.input);
  return {
    as_of: day,
    overall: backlogFigures(inputs, day, settings),
    prisons: prisonRows.map((p) => ({
      prison_id: p.id,
      code: p.code,
      name: p.name,
      figures: backlogFigures(
        inputs.filter((c) => c.prisonId === p.id),
        day,
        settings,
      ),
    })),
  };
}

/** The backlog as CSV: one row per prison and a total row; hearings per month as columns. */
export function backlogCsv(r: BacklogReport): string {
  const months = r.overall.hearingsPerMonth.map((m) => m.month);
  const header = [
    'prison',
    'as_of',
    'held',
    'untried',
    'under_investigation',
    'awaiting_trial',
    'sentenced',
    'convicted',
    'appealing',
    'release_pending',
    'sentenced_percent',
    'untried_percent',
    'pretrial_median_days',
    'pretrial_mean_days',
    'pretrial_longest_days',
    'expired_titles',
    'expiring_titles',
    'no_hearing',
    'terrorism_held',
    'terrorism_untried',
    'terrorism_sentenced',
    'terrorism_sentenced_percent',
    'terrorism_pretrial_median_days',
    ...['lt_1m', '1_3m', '3_6m', '6_12m', '1_2y', '2_3y', 'gt_3y'].map((b) => `pretrial_${b}`),
    ...months.map((m) => `hearings_${m}`),
  ];
  const row = (code: string, f: BacklogFigures) => [
    code,
    r.as_of,
    f.all.total,
    f.all.untried,
    f.all.underInvestigation,
    f.all.awaitingTrial,
    f.all.sentenced,
    f.all.convicted,
    f.all.appealing,
    f.all.releasePending,
    f.all.sentencedPercent ?? '',
    f.all.untriedPercent ?? '',
    f.all.pretrial.medianDays ?? '',
    f.all.pretrial.meanDays ?? '',
    f.all.pretrial.longestDays ?? '',
    f.all.expiredTitles,
    f.all.expiringTitles,
    f.all.noHearing,
    f.terrorismRelated.total,
    f.terrorismRelated.untried,
    f.terrorismRelated.sentenced,
    f.terrorismRelated.sentencedPercent ?? '',
    f.terrorismRelated.pretrial.medianDays ?? '',
    ...f.all.pretrial.distribution.map((b) => b.count),
    ...f.hearingsPerMonth.map((m) => m.count),
  ];
  return stringify([header, ...r.prisons.map((p) => row(p.code, p.figures)), row('ALL', r.overall)], {
    escape_formulas: true,
  });
}

// ---------------------------------------------------------------------------------------------
// Rules and settings (administrator)
// ---------------------------------------------------------------------------------------------

export interface RuleInput {
  code: string;
  category: RuleCategory;
  legal_basis: string;
  effective_from: string;
  effective_to?: string | null;
  initial: Period;
  renewal?: Period | null;
  max_renewals?: number | null;
  absolute_max?: Period | null;
  renewal_window_working_days?: number | null;
  to_confirm?: string[];
  source: string;
}

const ruleView = (r: repo.RuleRow) => ({
  id: r.id,
  code: r.code,
  category: r.category,
  legal_basis: r.legalBasis,
  effective_from: r.effectiveFrom,
  effective_to: r.effectiveTo,
  initial: r.initialPeriod,
  renewal: r.renewalPeriod,
  max_renewals: r.maxRenewals,
  absolute_max: r.absoluteMax,
  renewal_window_working_days: r.renewalWindowWorkingDays,
  to_confirm: r.toConfirm,
  source: r.source,
  version: r.version,
});
export type RuleView = ReturnType<typeof ruleView>;

function checkRule(input: RuleInput, base = ''): void {
  const errs: FieldError[] = [];
  if (!(RULE_CATEGORIES as readonly string[]).includes(input.category))
    errs.push({
      field: `${base}/category`,
      key: 'field.unknown_code',
      params: { code: String(input.category), kind: 'category' },
    });
  if (!isDate(input.effective_from)) errs.push({ field: `${base}/effective_from`, key: 'field.invalid_date' });
  if (input.effective_to && !isDate(input.effective_to))
    errs.push({ field: `${base}/effective_to`, key: 'field.invalid_date' });
  if (!input.legal_basis?.trim()) errs.push({ field: `${base}/legal_basis`, key: 'field.required' });
  if (!input.source?.trim()) errs.push({ field: `${base}/source`, key: 'field.required' });
  if (!errs.length) {
    errs.push(
      ...validateRule({
        category: input.category,
        legalBasis: input.legal_basis,
        effectiveFrom: input.effective_from,
        effectiveTo: input.effective_to ?? null,
        initial: input.initial,
        renewal: input.renewal ?? null,
        maxRenewals: input.max_renewals ?? null,
        absoluteMax: input.absolute_max ?? null,
        renewalWindowWorkingDays: input.renewal_window_working_days ?? null,
      }).map((e) => ({ ...e, field: `${base}${e.field}` })),
    );
  }
  if (errs.length) throw invalid(errs);
}

export async function listRules(db: Db, actor: Actor): Promise<RuleView[]> {
  authorize(actor, 'justice.read');
  return (await repo.rules(db)).map(ruleView);
}

export async function createRule(db: Db, actor: Actor, input: RuleInput): Promise<RuleView> {
  authorize(actor, 'justice.rules');
  checkRule(input);
  return db.transaction(async (tx) => {
    if ((await repo.rules(tx)).some((r) => r.code === input.code))
      throw invalid([{ field: '/code', key: 'justice.rule.code_taken' }]);
    const id = newId();
    await repo.insertRule(tx, {
      id,
      code: input.code,
      category: input.category,
      legalBasis: input.legal_basis,
      effectiveFrom: input.effective_from,
      effectiveTo: input.effective_to ?? null,
      initialPeriod: input.initial,
      renewalPeriod: input.renewal ?? null,
      maxRenewals: input.max_renewals ?? null,
      absoluteMax: input.absolute_max ?? null,
      renewalWindowWorkingDays: input.renewal_window_working_days ?? null,
      toConfirm: input.to_confirm ?? [],
      source: input.source,
      createdBy: actor.userId,
    });
    await recordChange(tx, actor, { entity: 'pretrial_rule', entityId: id, action: 'create', after: input });
    return ruleView((await repo.findRule(tx, id))!);
  });
}

/** Change a rule (e.g. close it when a new law applies, or mark a value confirmed); the history keeps the old values. */
export async function updateRule(
  db: Db,
  actor: Actor,
  id: string,
  input: { changes: Partial<Omit<RuleInput, 'code'>>; reason: string; version?: number },
): Promise<RuleView> {
  authorize(actor, 'justice.rules');
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const r = await repo.findRule(tx, id, true);
    if (!r) throw notFound();
    if (input.version !== undefined && input.version !== r.version) throw new AppError(409, 'error.conflict');
    const cur = ruleView(r);
    const next: RuleInput = {
      ...cur,
      ...Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined)),
    } as RuleInput;
    checkRule(next, '/changes');
    const patch = {
      category: next.category,
      legalBasis: next.legal_basis,
      effectiveFrom: next.effective_from,
      effectiveTo: next.effective_to ?? null,
      initialPeriod: next.initial,
      renewalPeriod: next.renewal ?? null,
      maxRenewals: next.max_renewals ?? null,
      absoluteMax: next.absolute_max ?? null,
      renewalWindowWorkingDays: next.renewal_window_working_days ?? null,
      toConfirm: next.to_confirm ?? [],
      source: next.source,
    };
    await repo.updateRule(tx, id, patch);
    const keys = Object.keys(input.changes);
    await recordChange(tx, actor, {
      entity: 'pretrial_rule',
      entityId: id,
      action: 'update',
      reason: input.reason,
      before: Object.fromEntries(keys.map((k) => [k, (cur as Record<string, unknown>)[k] ?? null])),
      after: input.changes,
    });
    return ruleView((await repo.findRule(tx, id))!);
  });
}

export async function getSettings(db: Db, actor: Actor) {
  authorize(actor, 'justice.read');
  const s = await repo.settings(db);
  return { expiring_within_days: s.expiringWithinDays, no_hearing_months: s.noHearingMonths, version: s.version };
}

export async function updateSettings(
  db: Db,
  actor: Actor,
  input: { expiring_within_days?: number; no_hearing_months?: number; reason: string },
) {
  authorize(actor, 'justice.rules');
  const errs: FieldError[] = [];
  if (
    input.expiring_within_days !== undefined &&
    (!Number.isInteger(input.expiring_within_days) ||
      input.expiring_within_days < 0 ||
      input.expiring_within_days > 365)
  )
    errs.push({ field: '/expiring_within_days', key: 'justice.rule.bad_count' });
  if (
    input.no_hearing_months !== undefined &&
    (!Number.isInteger(input.no_hearing_months) || input.no_hearing_months < 1 || input.no_hearing_months > 60)
  )
    errs.push({ field: '/no_hearing_months', key: 'justice.rule.bad_count' });
  if (!input.reason?.trim()) errs.push({ field: '/reason', key: 'field.reason_required' });
  if (errs.length) throw invalid(errs);
  return db.transaction(async (tx) => {
    const before = await repo.settings(tx);
    await repo.updateSettings(tx, {
      expiringWithinDays: input.expiring_within_days,
      noHearingMonths: input.no_hearing_months,
    });
    await recordChange(tx, actor, {
      entity: 'justice_settings',
      entityId: '00000000-0000-0000-0000-000000000000',
      action: 'update',
      reason: input.reason,
      before: { expiring_within_days: before.expiringWithinDays, no_hearing_months: before.noHearingMonths },
      after: { expiring_within_days: input.expiring_within_days, no_hearing_months: input.no_hearing_months },
    });
    const s = await repo.settings(tx);
    return { expiring_within_days: s.expiringWithinDays, no_hearing_months: s.noHearingMonths, version: s.version };
  });
}

// ---------------------------------------------------------------------------------------------
// Jurisdictions and partners
// ---------------------------------------------------------------------------------------------

const jurisdictionView = (j: repo.JurisdictionRow) => ({
  id: j.id,
  code: j.code,
  name: j.name,
  kind: j.kind,
  region_code: j.regionCode,
});
export type JurisdictionView = ReturnType<typeof jurisdictionView>;

export async function listJurisdictions(db: Db, actor: Actor): Promise<JurisdictionView[]> {
  authorize(actor, 'justice.read');
  return (await repo.jurisdictions(db)).map(jurisdictionView);
}

export async function createJurisdiction(
  db: Db,
  actor: Actor | null,
  input: { code: string; name: string; kind: AuthorityKind; region_code?: string | null },
): Promise<JurisdictionView> {
  if (actor) authorize(actor, 'justice.rules');
  const errs: FieldError[] = [];
  const code = input.code?.trim().toUpperCase() ?? '';
  if (!/^[A-Z0-9_-]{2,32}$/.test(code)) errs.push({ field: '/code', key: 'justice.jurisdiction.bad_code' });
  if (!input.name?.trim()) errs.push({ field: '/name', key: 'field.required' });
  if (!(AUTHORITY_KINDS as readonly string[]).includes(input.kind))
    errs.push({ field: '/kind', key: 'field.unknown_code', params: { code: String(input.kind), kind: 'kind' } });
  if (errs.length) throw invalid(errs);
  return db.transaction(async (tx) => {
    if (await repo.findJurisdiction(tx, code))
      throw invalid([{ field: '/code', key: 'justice.jurisdiction.code_taken' }]);
    const id = newId();
    await repo.insertJurisdiction(tx, {
      id,
      code,
      name: input.name.trim(),
      kind: input.kind,
      regionCode: input.region_code ?? null,
    });
    await recordChange(tx, actor, {
      entity: 'jurisdiction',
      entityId: id,
      action: 'create',
      after: { ...input, code },
    });
    return jurisdictionView((await repo.findJurisdiction(tx, id))!);
  });
}

/** Give a partner account (role prosecutor) access to a jurisdiction's cases. */
export async function addPartnerMember(
  db: Db,
  actor: Actor | null,
  jurisdictionIdOrCode: string,
  user: string,
): Promise<{ user_id: string; jurisdiction_id: string }> {
  if (actor) authorize(actor, 'user.admin');
  return db.transaction(async (tx) => {
    const j = await repo.findJurisdiction(tx, jurisdictionIdOrCode);
    if (!j) throw notFound();
    const u = await repo.findUser(tx, user);
    if (!u) throw invalid([{ field: '/user', key: 'justice.partner.unknown_user' }]);
    if (!u.roles.includes('prosecutor')) throw invalid([{ field: '/user', key: 'justice.partner.not_partner' }]);
    await repo.addMember(tx, u.id, j.id);
    await recordChange(tx, actor, {
      entity: 'jurisdiction',
      entityId: j.id,
      action: 'add_member',
      after: { user_id: u.id, username: u.username },
    });
    return { user_id: u.id, jurisdiction_id: j.id };
  });
}

/** A partner's cases: the admissions linked to their jurisdictions, with status. Audited. */
export async function partnerCases(db: Db, actor: Actor, opts: { as_of?: string } = {}) {
  const day = checkAsOf(opts.as_of);
  authorize(actor, 'justice.read');
  if (!isPartner(actor)) throw forbidden('justice.partner.partners_only');
  return db.transaction(async (tx) => {
    const js = await repo.jurisdictionsOfUser(tx, actor.userId);
    const admissions = await repo.findAdmissions(tx, await repo.admissionsOfJurisdictions(tx, js));
    const cases = await loadCases(tx, admissions);
    const names = await repo.peopleNames(
      tx,
      admissions.map((a) => a.personId),
    );
    const settings = await loadSettings(tx);
    const items = cases.map((c) => {
      const e = evaluateCase(c.input, day, settings);
      const n = names.get(c.admission.personId);
      return {
        admission_id: c.admission.id,
        prison_id: c.admission.prisonId,
        committal_number: c.admission.committalNumber,
        person_name: n ? `${n.familyName} ${n.givenNames}`.trim() : '',
        status: e.situation.status,
        status_label: statusLabel(
          actor.lang,
          e.situation.status,
          e.category === 'felony' || e.category === 'terrorism' || hasFelony(c.charges),
        ),
        expires_on: e.pretrial.expiresOn,
        days_in_pretrial: e.pretrial.daysInPretrial,
        held: e.held,
        alerts: alertsForCase(e, settings).map((a) => a.kind),
      };
    });
    for (const a of admissions)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'list',
        entity: 'admission',
        entityId: a.id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    return { as_of: day, items };
  });
}

/** Who among the partners looked at or wrote what, in the prison's files (audit.read). */
export async function partnerAccessLog(db: Db, actor: Actor, opts: { prison?: string; days?: number } = {}) {
  authorize(actor, 'audit.read');
  const prisons = opts.prison
    ? [(await estateRepo.findPrison(db, opts.prison))?.id].filter((x): x is string => !!x)
    : scopeFilter(actor);
  if (opts.prison && !prisons?.length) throw notFound();
  if (prisons) for (const p of prisons) if (!inScope(actor, p)) throw new AppError(403, 'error.out_of_scope');
  const since = new Date(Date.now() - (opts.days ?? 90) * 86_400_000);
  const rows = await repo.partnerAccess(db, prisons, since, 1000);
  return rows.map((r) => ({
    at: r.a.at.toISOString(),
    actor: r.username,
    actor_name: r.displayName,
    action: r.a.action,
    entity: r.a.entity,
    entity_id: r.a.entityId,
    person_id: r.a.personId,
    prison_id: r.a.prisonId,
    detail: r.a.detail,
  }));
}

// ---------------------------------------------------------------------------------------------
// Sentences: the fields of a conviction, remission or pardon that release.ts reads
// ---------------------------------------------------------------------------------------------

/** The sentence as stored: a term, or life, or death; a suspended part and a fine when set. */
function cleanSentence(s: Sentence): Sentence {
  const p = (x: Period | null | undefined): Period => ({
    ...(x?.years ? { years: x.years } : {}),
    ...(x?.months ? { months: x.months } : {}),
    ...(x?.days ? { days: x.days } : {}),
  });
  if (s.death) return { death: true, ...(s.fine ? { fine: s.fine } : {}) };
  if (s.life) return { life: true, ...(s.fine ? { fine: s.fine } : {}) };
  return {
    ...p(s),
    ...(s.suspended && !emptyPeriod(s.suspended) ? { suspended: p(s.suspended) } : {}),
    ...(s.fine ? { fine: s.fine } : {}),
  };
}

/** Field errors of the sentence fields, kind by kind (pure). */
export function validateSentenceFields(input: TitleInput, base = ''): FieldError[] {
  const errs: FieldError[] = [];
  const f = (name: string) => `${base}/${name}`;
  const s = input.sentence;
  if (s && input.kind === 'conviction') {
    if (s.life && s.death) errs.push({ field: f('sentence'), key: 'justice.sentence.life_or_death' });
    if ((s.life || s.death) && !emptyPeriod(s))
      errs.push({ field: f('sentence'), key: 'justice.sentence.term_with_life' });
    if (s.suspended && badPeriod(s.suspended))
      errs.push({ field: f('sentence/suspended'), key: 'justice.rule.bad_period' });
    else if (
      s.suspended &&
      !emptyPeriod(s.suspended) &&
      (s.life || s.death || lastDayOf('2001-01-01', s.suspended) > lastDayOf('2001-01-01', s))
    )
      errs.push({ field: f('sentence/suspended'), key: 'justice.sentence.suspended_exceeds' });
    if (s.fine !== undefined && s.fine !== null && (!Number.isInteger(s.fine) || s.fine < 0))
      errs.push({ field: f('sentence/fine'), key: 'justice.sentence.bad_fine' });
  }
  if (
    input.case_ref !== undefined &&
    input.case_ref !== null &&
    (typeof input.case_ref !== 'string' || !input.case_ref.trim() || input.case_ref.length > 100)
  )
    errs.push({ field: f('case_ref'), key: 'justice.sentence.bad_case_ref' });
  const conviction = input.kind === 'conviction';
  if ((input.sentence_relation || input.related_to_id) && !conviction)
    errs.push({ field: f('sentence_relation'), key: 'justice.title.field_not_for_kind' });
  else if (!!input.sentence_relation !== !!input.related_to_id)
    errs.push({
      field: f(input.sentence_relation ? 'related_to_id' : 'sentence_relation'),
      key: 'justice.sentence.relation_pair',
    });
  if (input.final_on !== undefined && input.final_on !== null) {
    if (!conviction) errs.push({ field: f('final_on'), key: 'justice.title.field_not_for_kind' });
    else if (!isDate(input.final_on)) errs.push({ field: f('final_on'), key: 'field.invalid_date' });
    else if (isDate(input.issued_on) && input.final_on < input.issued_on)
      errs.push({ field: f('final_on'), key: 'justice.sentence.final_before_judgment' });
  }
  if (input.applies_to_id && !['remission', 'pardon', 'appeal'].includes(input.kind))
    errs.push({ field: f('applies_to_id'), key: 'justice.title.field_not_for_kind' });
  if (input.commuted_to && !emptyPeriod(input.commuted_to)) {
    if (input.kind !== 'pardon') errs.push({ field: f('commuted_to'), key: 'justice.title.field_not_for_kind' });
    else if (badPeriod(input.commuted_to)) errs.push({ field: f('commuted_to'), key: 'justice.rule.bad_period' });
    else if (!input.applies_to_id)
      errs.push({ field: f('applies_to_id'), key: 'justice.sentence.commutation_names_sentence' });
  }
  return errs;
}

/** The conviction a title names must be one of the person's convictions in force (any admission: titles follow the person). */
async function checkSentenceLinks(
  tx: Tx,
  personId: string,
  input: TitleInput,
  base: string,
  selfId?: string,
): Promise<void> {
  const errs: FieldError[] = [];
  for (const [field, id] of [
    ['related_to_id', input.related_to_id],
    ['applies_to_id', input.applies_to_id],
  ] as const) {
    if (!id) continue;
    const t = await repo.findPersonConviction(tx, personId, id);
    if (!t || id === selfId) errs.push({ field: `${base}/${field}`, key: 'justice.sentence.unknown_conviction' });
  }
  if (errs.length) throw invalid(errs);
}

// ---------------------------------------------------------------------------------------------
// Stored justice state and alert episodes (issue 9)
// ---------------------------------------------------------------------------------------------

function stateRow(s: JusticeSnapshot): typeof import('./schema.js').justiceState.$inferInsert {
  return {
    admissionId: s.admissionId,
    prisonId: s.prisonId,
    computedOn: s.computedOn,
    status: s.status,
    category: s.category,
    categoryAssumed: s.categoryAssumed,
    terrorismRelated: s.terrorismRelated,
    hasDetentionOrder: s.hasDetentionOrder,
    pretrialStart: s.pretrialStart,
    expiresOn: s.expiresOn,
    periods: s.periods,
    basisTitleId: s.basisTitleId,
    judgmentOn: s.judgmentOn,
    releaseOn: s.releaseOn,
    releaseTitleId: s.releaseTitleId,
    outcomeOn: s.outcomeOn,
    lastHearingOn: s.lastHearingOn,
    gapDays: s.gapDays,
    stale: false,
    refreshedAt: new Date(),
  };
}

function rowSnapshot(r: repo.HeldStateRow): JusticeSnapshot {
  return {
    admissionId: r.id,
    prisonId: r.prison_id,
    personId: r.person_id,
    admittedOn: r.admitted_on,
    endedOn: r.ended_on,
    computedOn: r.computed_on!,
    status: r.status as LegalStatus,
    category: r.category as OffenceCategory,
    categoryAssumed: !!r.category_assumed,
    terrorismRelated: !!r.terrorism_related,
    hasDetentionOrder: !!r.has_detention_order,
    pretrialStart: r.pretrial_start,
    expiresOn: r.expires_on,
    periods: r.periods ?? [],
    basisTitleId: r.basis_title_id,
    judgmentOn: r.judgment_on,
    releaseOn: r.release_on,
    releaseTitleId: r.release_title_id,
    outcomeOn: r.outcome_on,
    lastHearingOn: r.last_hearing_on,
    gapDays: r.gap_days ?? 0,
  };
}

/** The episodes a case shows today: every gap and the open expiry, and the other legality alerts that are on. */
function derivedEpisodes(e: CaseEvaluation, settings: JusticeSettings): AlertEpisode[] {
  const out = expiredEpisodes(e.pretrial).filter((x) => x.to !== null || e.held);
  const first = e.pretrial.start ?? e.asOf;
  for (const a of alertsForCase(e, settings)) {
    if (a.kind === 'no_title') out.push({ kind: 'no_title', from: first, to: null, resolvedByTitleId: null });
    else if (a.kind === 'release_due')
      out.push({ kind: 'release_due', from: a.date ?? e.asOf, to: null, resolvedByTitleId: null });
    else if (a.kind === 'category_assumed')
      out.push({ kind: 'category_assumed', from: first, to: null, resolvedByTitleId: null });
  }
  return out;
}

/**
 * Record the alert episodes: a new one opens (or, for a gap found after the fact, is recorded
 * closed); an open one is closed when the titles show its end (a late extension: the day before it)
 * or when the alert is no longer on (the day before today). Episodes are never deleted.
 */
async function syncEpisodes(
  tx: Tx,
  actor: Actor | null,
  c: LoadedCase,
  e: CaseEvaluation,
  settings: JusticeSettings,
  existing: repo.AlertEpisodeRow[],
  because: string,
): Promise<void> {
  const key = (kind: string, from: string) => `${kind}|${from}`;
  const byKey = new Map(existing.map((x) => [key(x.kind, x.fromOn), x]));
  /** Keys handled above (open now, or just closed): left alone by the closing pass. */
  const stillOpen = new Set<string>();
  const base = { personId: c.admission.personId, prisonId: c.admission.prisonId };
  for (const d of derivedEpisodes(e, settings)) {
    const k = key(d.kind, d.from);
    const ex = byKey.get(k);
    if (!ex) {
      const id = newId();
      const inserted = await repo.insertEpisode(tx, {
        id,
        admissionId: c.admission.id,
        prisonId: c.admission.prisonId,
        personId: c.admission.personId,
        kind: d.kind,
        fromOn: d.from,
        toOn: d.to,
        resolvedByTitleId: d.resolvedByTitleId,
        resolvedBy: d.to ? because : null,
        closedAt: d.to ? new Date() : null,
      });
      if (inserted)
        await recordChange(tx, actor, {
          entity: 'alert_episode',
          entityId: id,
          ...base,
          action: d.to ? 'record_closed' : 'open',
          reason: because,
          after: {
            admission_id: c.admission.id,
            kind: d.kind,
            from: d.from,
            to: d.to,
            resolved_by_title_id: d.resolvedByTitleId,
          },
        });
      if (!d.to) stillOpen.add(k);
    } else if (ex.toOn === null && d.to !== null) {
      await repo.closeEpisode(tx, ex.id, d.to, d.resolvedByTitleId, because);
      await recordChange(tx, actor, {
        entity: 'alert_episode',
        entityId: ex.id,
        ...base,
        action: 'close',
        reason: because,
        before: { to: null },
        after: { to: d.to, resolved_by_title_id: d.resolvedByTitleId },
      });
      stillOpen.add(k); // handled: not closed again below
    } else if (d.to === null) {
      stillOpen.add(k);
      // The title that ended it is gone (withdrawn, corrected): the alert is on again. The change log keeps the closing.
      if (ex.toOn !== null) {
        await repo.reopenEpisode(tx, ex.id);
        await recordChange(tx, actor, {
          entity: 'alert_episode',
          entityId: ex.id,
          ...base,
          action: 'reopen',
          reason: because,
          before: { to: ex.toOn, resolved_by_title_id: ex.resolvedByTitleId, resolved_by: ex.resolvedBy },
          after: { to: null },
        });
      }
    }
  }
  const yesterday = addDays(e.asOf, -1);
  for (const ex of existing) {
    if (ex.toOn !== null || stillOpen.has(key(ex.kind, ex.fromOn))) continue;
    const to = yesterday < ex.fromOn ? ex.fromOn : yesterday;
    await repo.closeEpisode(tx, ex.id, to, null, because);
    await recordChange(tx, actor, {
      entity: 'alert_episode',
      entityId: ex.id,
      ...base,
      action: 'close',
      reason: because,
      before: { to: null },
      after: { to },
    });
  }
}

/** Recompute and store the justice state of these admissions as of today, with their alert episodes. */
export async function refreshJusticeStates(
  tx: Tx,
  admissions: repo.AdmissionRow[],
  actor: Actor | null = null,
  because = 'refresh',
): Promise<Map<string, JusticeSnapshot>> {
  const out = new Map<string, JusticeSnapshot>();
  if (!admissions.length) return out;
  const today = bamakoDate();
  const settings = await loadSettings(tx);
  const cases = await loadCases(tx, admissions);
  const episodes = await repo.episodesOf(
    tx,
    admissions.map((a) => a.id),
  );
  const rows: ReturnType<typeof stateRow>[] = [];
  for (const c of cases) {
    const e = evaluateCase(c.input, today, settings);
    const snap = snapshotOf(e, c.input);
    out.set(c.admission.id, snap);
    rows.push(stateRow(snap));
    await syncEpisodes(
      tx,
      actor,
      c,
      e,
      settings,
      episodes.filter((x) => x.admissionId === c.admission.id),
      because,
    );
  }
  await repo.upsertStates(tx, rows);
  return out;
}

/**
 * Recompute the stored justice state of one admission (same transaction as the change that calls
 * it: a title, a hearing, a charge) so the alert list and the backlog read a table.
 */
export async function refreshJusticeState(
  tx: Tx,
  admissionId: string,
  actor: Actor | null = null,
  because = 'refresh',
): Promise<JusticeSnapshot | null> {
  const a = await repo.findAdmission(tx, admissionId);
  if (!a) return null;
  return (await refreshJusticeStates(tx, [a], actor, because)).get(a.id) ?? null;
}

interface HeldState {
  snap: JusticeSnapshot;
  committalNumber: string;
  name: string;
}

/** The stored states of the people held at the end of `asOf`; rows missing or marked stale are refreshed first. */
async function heldStates(
  db: Tx,
  prisonIds: readonly string[] | undefined,
  asOf: string,
  opts: { figuresOnly?: boolean; ids?: readonly string[] } = {},
): Promise<HeldState[]> {
  const rows = await repo.heldStateRows(db, prisonIds, endOfBamakoDay(asOf), opts);
  const today = bamakoDate();
  const todo = rows.filter((r) => !r.has_state || r.stale || r.computed_on! > asOf || r.computed_on! > today);
  let fresh = new Map<string, JusticeSnapshot>();
  if (todo.length) {
    fresh = await db.transaction(async (tx) =>
      refreshJusticeStates(
        tx,
        await repo.findAdmissions(
          tx,
          todo.map((r) => r.id),
        ),
        null,
        'justice_state refresh',
      ),
    );
  }
  return rows.map((r) => {
    const f = fresh.get(r.id);
    const snap = f ? { ...f, admittedOn: r.admitted_on, endedOn: r.ended_on } : rowSnapshot(r);
    return { snap, committalNumber: r.committal_number, name: (r.name ?? '').trim() };
  });
}

/** The alerts from the stored states (dates on or after the day they were computed). */
async function alertsFromStates(
  db: Tx,
  actor: Actor,
  prisonIds: readonly string[] | undefined,
  asOf: string,
  kind?: string,
): Promise<AlertView[]> {
  const s = await repo.settings(db);
  const settings = { expiringWithinDays: s.expiringWithinDays, noHearingMonths: s.noHearingMonths };
  const states = await heldStates(db, prisonIds, asOf);
  const byId = new Map<string, HeldState>();
  const raw: JusticeAlert[] = [];
  for (const x of states) {
    const found = alertsFromSnapshot(x.snap, asOf, settings);
    if (!found.length) continue;
    byId.set(x.snap.admissionId, x);
    for (const a of found) if (!kind || a.kind === kind) raw.push(a);
  }
  // The action's words depend on the kind only: looked up once per kind, not once per alert.
  const actions = new Map<string, string>();
  return sortAlerts(raw).map((a) => {
    const h = byId.get(a.admissionId);
    let action = actions.get(a.actionKey);
    if (action === undefined) actions.set(a.actionKey, (action = t(actor.lang, a.actionKey)));
    return {
      ...a,
      committal_number: h?.committalNumber,
      person_name: h?.name,
      label: t(actor.lang, `justice.alert.${a.kind}`, { date: a.date ?? '', days: a.days }),
      action,
    };
  });
}

/** The backlog from the stored states, per prison and overall, with hearings per month counted by the database. */
async function backlogFromStates(db: Tx, prisonRows: estateRepo.PrisonRow[], day: string): Promise<BacklogReport> {
  const ids = prisonRows.map((p) => p.id);
  // The settings, the states and the hearings are independent reads: asked at once.
  const [s, held, perPrison] = await Promise.all([
    repo.settings(db),
    ids.length ? heldStates(db, ids, day, { figuresOnly: true }) : [],
    ids.length
      ? repo.hearingsPerMonth(db, ids, startOfBamakoDay(addMonths(`${day.slice(0, 7)}-01`, -11)), endOfBamakoDay(day))
      : new Map<string, Map<string, number>>(),
  ]);
  const settings = { expiringWithinDays: s.expiringWithinDays, noHearingMonths: s.noHearingMonths };
  const states = held.map((x) => x.snap);
  const prisons = prisonRows.map((p) => ({
    prison_id: p.id,
    code: p.code,
    name: p.name,
    figures: backlogFromSnapshots(
      prisonRows.length === 1 ? states : states.filter((x) => x.prisonId === p.id),
      day,
      settings,
      perPrison.get(p.id) ?? new Map(),
    ),
  }));
  // One prison: the overall figures are that prison's (same people, same hearings), computed once.
  if (prisons.length === 1) return { as_of: day, overall: prisons[0].figures, prisons };
  const overall = new Map<string, number>();
  for (const m of perPrison.values()) for (const [k, v] of m) overall.set(k, (overall.get(k) ?? 0) + v);
  return { as_of: day, overall: backlogFromSnapshots(states, day, settings, overall), prisons };
}

export interface EpisodeView {
  kind: string;
  label: string;
  from: string;
  to: string | null;
  days: number;
  resolved_by_title_id: string | null;
  resolved_by: string | null;
  recorded: boolean;
}

/** The alert history of a file: the recorded episodes, plus those the titles show that are not recorded yet. */
async function alertHistory(
  db: Tx,
  lang: 'fr' | 'en',
  admissionId: string,
  e: CaseEvaluation,
  settings: JusticeSettings,
): Promise<EpisodeView[]> {
  const stored = await repo.episodesOf(db, [admissionId]);
  const seen = new Set(stored.map((x) => `${x.kind}|${x.fromOn}`));
  const view = (
    kind: string,
    from: string,
    to: string | null,
    byTitle: string | null,
    by: string | null,
    recorded: boolean,
  ): EpisodeView => ({
    kind,
    label: t(lang, `justice.episode.${kind}`),
    from,
    to,
    days: daysBetween(from, to ?? e.asOf) + 1,
    resolved_by_title_id: byTitle,
    resolved_by: by,
    recorded,
  });
  const out = stored.map((x) => view(x.kind, x.fromOn, x.toOn, x.resolvedByTitleId, x.resolvedBy, true));
  for (const d of derivedEpisodes(e, settings))
    if (!seen.has(`${d.kind}|${d.from}`)) out.push(view(d.kind, d.from, d.to, d.resolvedByTitleId, null, false));
  return out.sort((a, b) => a.from.localeCompare(b.from) || a.kind.localeCompare(b.kind));
}
