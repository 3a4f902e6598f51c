/**
 * Security classification rules (pure). A classification is decided by a named person with
 * reasons, from the latest assessment; an initial one is due within a set number of days of
 * admission, then reviews fall due at an interval set per level, or soon after an event (an
 * incident, a new legal title, a programme completed). The classification drives the regime —
 * which activities, visits and programmes a person may join — decided per person, never per label:
 * nothing here takes charges, legal category, ethnicity, religion or group affiliation as input.
 */
import type { FieldError } from '../../core/errors.js';
import './messages.js';

export const DEFAULT_LEVELS = ['high', 'medium', 'low'] as const;
export const TRIGGERS = ['initial', 'periodic', 'incident', 'new_title', 'programme', 'override'] as const;
export type Trigger = (typeof TRIGGERS)[number];
export const REVIEW_EVENTS = ['incident', 'new_title', 'programme'] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

export const ACTIVITIES = [
  'education',
  'library',
  'prayer',
  'sport',
  'workshop',
  'cultural',
  'work_outside_quarter',
] as const;
export type Activity = (typeof ACTIVITIES)[number];
export const VISIT_MODES = ['open', 'supervised', 'screened'] as const;
export type VisitMode = (typeof VISIT_MODES)[number];

export interface LevelRegime {
  activities: Activity[];
  visits: { mode: VisitMode; perWeek: number };
  /** Programmes open at this level; 'all' unless the prison restricts some. */
  programmes: 'all' | string[];
}

export interface ClassificationSettings {
  /** Ordered from most to least secure; codes are configurable, high/medium/low by default. */
  levels: string[];
  initialDays: number;
  /** Days between reviews, per level. */
  reviewDays: Record<string, number>;
  /** Days after an event by which a review is due. */
  eventReviewDays: number;
  regime: Record<string, LevelRegime>;
}

/**
 * Defaults: every level keeps education, library, prayer, sport and programmes — the policy brief
 * asks that people assessed as high-risk keep the same access as others as far as possible.
 */
export const DEFAULT_SETTINGS: ClassificationSettings = {
  levels: [...DEFAULT_LEVELS],
  initialDays: 7,
  reviewDays: { high: 90, medium: 180, low: 365 },
  eventReviewDays: 7,
  regime: {
    high: {
      activities: ['education', 'library', 'prayer', 'sport', 'cultural'],
      visits: { mode: 'supervised', perWeek: 1 },
      programmes: 'all',
    },
    medium: {
      activities: ['education', 'library', 'prayer', 'sport', 'cultural', 'workshop'],
      visits: { mode: 'open', perWeek: 2 },
      programmes: 'all',
    },
    low: { activities: [...ACTIVITIES], visits: { mode: 'open', perWeek: 2 }, programmes: 'all' },
  },
};

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Every problem with the settings: each level has a review interval and a regime. */
export function validateSettings(s: ClassificationSettings): FieldError[] {
  const errs: FieldError[] = [];
  if (
    !Array.isArray(s.levels) ||
    s.levels.length < 2 ||
    new Set(s.levels).size !== s.levels.length ||
    s.levels.some((l) => !/^[a-z][a-z0-9_]{0,19}$/.test(l))
  )
    errs.push({ field: '/levels', key: 'classification.settings.levels' });
  if (!Number.isInteger(s.initialDays) || s.initialDays < 1 || s.initialDays > 90)
    errs.push({ field: '/initialDays', key: 'classification.settings.days' });
  if (!Number.isInteger(s.eventReviewDays) || s.eventReviewDays < 0 || s.eventReviewDays > 90)
    errs.push({ field: '/eventReviewDays', key: 'classification.settings.days' });
  for (const l of s.levels ?? []) {
    const d = s.reviewDays?.[l];
    if (!Number.isInteger(d) || d < 7 || d > 730)
      errs.push({ field: `/reviewDays/${l}`, key: 'classification.settings.review_days' });
    const r = s.regime?.[l];
    if (!r) {
      errs.push({ field: `/regime/${l}`, key: 'classification.settings.regime_missing' });
      continue;
    }
    if (r.activities.some((a) => !(ACTIVITIES as readonly string[]).includes(a)))
      errs.push({ field: `/regime/${l}/activities`, key: 'classification.settings.unknown_activity' });
    if (
      !(VISIT_MODES as readonly string[]).includes(r.visits.mode) ||
      !Number.isInteger(r.visits.perWeek) ||
      r.visits.perWeek < 1
    )
      errs.push({ field: `/regime/${l}/visits`, key: 'classification.settings.visits' });
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Decisions

export interface DecisionInput {
  level: string;
  reasons: string;
  trigger: Trigger;
  /** The assessment the decision rests on (required unless it is an override). */
  assessment_id?: string | null;
  /** Required when the decision departs from the level the assessor's judgement points to, or is an override. */
  override_justification?: string | null;
}

/**
 * The level the latest assessment's overall judgement points to, when the prison maps judgements
 * to levels (e.g. high concern → high). The assessor's judgement, not a computed score.
 */
export type JudgementLevelMap = Record<string, string>;
export const DEFAULT_JUDGEMENT_LEVELS: JudgementLevelMap = { high: 'high', moderate: 'medium', low: 'low' };

export function isOverride(input: DecisionInput, indicatedLevel: string | null): boolean {
  return input.trigger === 'override' || (indicatedLevel !== null && indicatedLevel !== input.level);
}

export function validateDecision(
  s: ClassificationSettings,
  input: DecisionInput,
  ctx: { indicatedLevel: string | null; hasCurrent: boolean },
): FieldError[] {
  const errs: FieldError[] = [];
  if (!s.levels.includes(input.level)) errs.push({ field: '/level', key: 'classification.decision.unknown_level' });
  if (!input.reasons?.trim()) errs.push({ field: '/reasons', key: 'classification.decision.reasons_required' });
  if (!(TRIGGERS as readonly string[]).includes(input.trigger))
    errs.push({ field: '/trigger', key: 'classification.decision.unknown_trigger' });
  if (input.trigger === 'initial' && ctx.hasCurrent)
    errs.push({ field: '/trigger', key: 'classification.decision.initial_exists' });
  if (input.trigger !== 'initial' && input.trigger !== 'override' && !ctx.hasCurrent)
    errs.push({ field: '/trigger', key: 'classification.decision.initial_first' });
  if (input.trigger !== 'override' && !input.assessment_id)
    errs.push({ field: '/assessment_id', key: 'classification.decision.assessment_required' });
  if (isOverride(input, ctx.indicatedLevel) && !input.override_justification?.trim())
    errs.push({ field: '/override_justification', key: 'classification.decision.justification_required' });
  return errs;
}

/** The date of the next periodic review after a decision on `decidedOn`. */
export function nextReviewOn(s: ClassificationSettings, level: string, decidedOn: string): string {
  const days = s.reviewDays[level];
  if (days === undefined) throw new Error(`no review interval for level ${level}`);
  return addDays(decidedOn, days);
}

// ---------------------------------------------------------------------------------------------
// What is due

export interface ClassificationState {
  admittedOn: string;
  /** The latest decision, if any. */
  current: { level: string; decidedOn: string; nextReviewOn: string | null } | null;
  /** Events that call for a review (incidents, new titles, programmes completed). */
  events: readonly { id?: string; kind: ReviewEvent; occurredOn: string }[];
}

export type Due =
  | { reason: 'initial'; dueOn: string; overdue: boolean }
  | { reason: 'periodic'; dueOn: string; overdue: boolean }
  | { reason: 'event'; dueOn: string; overdue: boolean; event: ReviewEvent; eventId?: string };

/**
 * What classification work is pending for one person: the earliest of the initial classification,
 * the periodic review, and a review after each event not yet followed by a decision. `null` when
 * nothing is pending. An item appears once it is due within `horizonDays` (0 = due today or late).
 */
export function dueForReview(
  s: ClassificationSettings,
  st: ClassificationState,
  asOf: string,
  horizonDays = 0,
): Due | null {
  const limit = addDays(asOf, horizonDays);
  const candidates: Due[] = [];
  if (!st.current) {
    const dueOn = addDays(st.admittedOn, s.initialDays);
    candidates.push({ reason: 'initial', dueOn, overdue: dueOn < asOf });
  } else {
    const dueOn = st.current.nextReviewOn ?? nextReviewOn(s, st.current.level, st.current.decidedOn);
    candidates.push({ reason: 'periodic', dueOn, overdue: dueOn < asOf });
    for (const e of st.events) {
      if (e.occurredOn < st.current.decidedOn) continue; // already considered by the latest decision
      const eDue = addDays(e.occurredOn, s.eventReviewDays);
      candidates.push({
        reason: 'event',
        dueOn: eDue,
        overdue: eDue < asOf,
        event: e.kind,
        ...(e.id ? { eventId: e.id } : {}),
      });
    }
  }
  const pending = candidates.filter((c) => c.dueOn <= limit).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return pending[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Regime per person

export interface RegimeAdjustment {
  /** What the adjustment is about. */
  subject:
    | { kind: 'activity'; activity: Activity }
    | { kind: 'visits'; mode: VisitMode }
    | { kind: 'programme'; programme: string };
  effect: 'allow' | 'restrict';
  reason: string;
  decidedBy: string;
  until: string | null;
}

export interface Regime {
  level: string | null;
  /** Treated as a minor (people/rules minorReading, the same reading as the cell allocation), and whether that is assumed. */
  minor: { treated_as_minor: boolean; assumed: boolean } | null;
  activities: { activity: Activity; allowed: boolean; basis: 'level' | 'individual' | 'minor'; reason?: string }[];
  visits: { mode: VisitMode; perWeek: number; basis: 'level' | 'individual' | 'minor'; reason?: string };
  programmes: {
    open: 'all' | string[];
    restricted: { programme: string; reason: string }[];
    allowed: { programme: string; reason: string }[];
  };
}

/**
 * What no level and no individual decision takes away from a person treated as a minor (UN Rules
 * for the Protection of Juveniles Deprived of their Liberty — the Havana Rules: education, rule
 * 38; daily exercise and recreation, rule 47; frequent visits with contact and privacy, rule 60).
 */
export const MINOR_GUARANTEES: { activities: readonly Activity[]; visits: { mode: VisitMode; minPerWeek: number } } = {
  activities: ['education', 'library', 'sport', 'cultural'],
  visits: { mode: 'open', minPerWeek: 1 },
};

/**
 * The regime of one person: the level's defaults, then that person's own recorded decisions (each
 * with a reason, and an end date). With no classification yet, the medium regime applies — the
 * absence of an assessment is not a reason for restriction.
 */
export function regimeFor(
  s: ClassificationSettings,
  level: string | null,
  adjustments: readonly RegimeAdjustment[],
  asOf: string,
  age: { minor: boolean; assumed: boolean } | null = null,
): Regime {
  const base = s.regime[level ?? ''] ?? s.regime.medium ?? Object.values(s.regime)[Math.floor(s.levels.length / 2)];
  const active = adjustments.filter((a) => a.until === null || a.until >= asOf);
  const activities = ACTIVITIES.map((activity) => {
    const adj = [...active].reverse().find((a) => a.subject.kind === 'activity' && a.subject.activity === activity);
    if (adj) return { activity, allowed: adj.effect === 'allow', basis: 'individual' as const, reason: adj.reason };
    return { activity, allowed: base.activities.includes(activity), basis: 'level' as const };
  });
  const vAdj = [...active].reverse().find((a) => a.subject.kind === 'visits');
  const visits =
    vAdj && vAdj.subject.kind === 'visits'
      ? { mode: vAdj.subject.mode, perWeek: base.visits.perWeek, basis: 'individual' as const, reason: vAdj.reason }
      : { ...base.visits, basis: 'level' as const };
  const prog = (effect: 'allow' | 'restrict') =>
    active
      .filter((a) => a.effect === effect && a.subject.kind === 'programme')
      .map((a) => ({ programme: (a.subject as { programme: string }).programme, reason: a.reason }));
  const minor = age ? { treated_as_minor: age.minor, assumed: age.assumed } : null;
  if (age?.minor) {
    // The minors' guarantees, for anyone treated as a minor — assumed minors included (doubt protects).
    for (const a of activities)
      if (MINOR_GUARANTEES.activities.includes(a.activity) && !a.allowed)
        Object.assign(a, { allowed: true, basis: 'minor' as const, reason: undefined });
    if (visits.mode !== MINOR_GUARANTEES.visits.mode || visits.perWeek < MINOR_GUARANTEES.visits.minPerWeek) {
      Object.assign(visits, {
        mode: MINOR_GUARANTEES.visits.mode,
        perWeek: Math.max(visits.perWeek, MINOR_GUARANTEES.visits.minPerWeek),
        basis: 'minor' as const,
        reason: undefined,
      });
    }
  }
  return {
    level,
    minor,
    activities,
    visits,
    programmes: { open: base.programmes, restricted: prog('restrict'), allowed: prog('allow') },
  };
}
