/**
 * Requests and complaints: the pure rules (Mandela Rules 54–57). Categories and their owners and
 * deadlines (configurable), the overdue flag, the state machine, reference numbers, who may handle a
 * complaint (never the staff it names), the reprisal window and who may see a complaint at all.
 * Plain functions of values: no database, no clock (the caller passes `now`).
 */

export const CATEGORIES = [
  'legal', // legal situation and hearings
  'health',
  'food',
  'family', // family contact
  'property',
  'staff_treatment', // treatment by staff
  'ill_treatment', // ill-treatment or torture
  'conditions',
  'discipline', // a discipline decision
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const KINDS = ['request', 'complaint'] as const;
export type Kind = (typeof KINDS)[number];

/** How the complaint reached pmis: staff at the detainee's word, the cell leader for a cell, a paper slip typed in. */
export const CHANNELS = ['in_person', 'cell_leader', 'paper_slip'] as const;
export type Channel = (typeof CHANNELS)[number];

/** To whom the detainee addresses it; `inspector` is the confidential channel to the independent body. */
export const ADDRESSEES = ['director', 'national', 'inspector'] as const;
export type Addressee = (typeof ADDRESSEES)[number];

export const STATES = [
  'received',
  'acknowledged',
  'under_investigation',
  'answered',
  'accepted',
  'appealed',
  'closed',
] as const;
export type State = (typeof STATES)[number];

export const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Who answers for a category: a service of the prison, or the national administration. */
export const OWNERS = ['director', 'registry', 'health', 'social', 'administration', 'national'] as const;
export type Owner = (typeof OWNERS)[number];

export const ACTIONS = ['acknowledge', 'investigate', 'answer', 'accept', 'appeal', 'close', 'withdraw'] as const;
export type Action = (typeof ACTIONS)[number];

export interface ComplaintSettings {
  /** Days to answer a request. */
  request_days: number;
  /** Days to answer a complaint. */
  complaint_days: number;
  /** Hours to act on an allegation of ill-treatment or torture. */
  ill_treatment_hours: number;
  /** Days for the national administration to answer an appeal. */
  appeal_days: number;
  /** Per-category deadline in days, over the kind's default (ill-treatment keeps its hours). */
  category_days: Partial<Record<Category, number>>;
  owners: Record<Category, Owner>;
  /** The independent body's name, shown on the confidential channel (Mali: the CNDH, also the national preventive mechanism). */
  inspector_name: { fr: string; en: string };
}

export const DEFAULT_SETTINGS: ComplaintSettings = {
  request_days: 7,
  complaint_days: 15,
  ill_treatment_hours: 24,
  appeal_days: 30,
  category_days: {},
  owners: {
    legal: 'registry',
    health: 'health',
    food: 'administration',
    family: 'social',
    property: 'administration',
    staff_treatment: 'director',
    ill_treatment: 'national',
    conditions: 'administration',
    discipline: 'director',
    other: 'director',
  },
  inspector_name: {
    fr: 'Commission nationale des droits de l’homme (CNDH)',
    en: 'National Human Rights Commission (CNDH)',
  },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** When the answer is due: 24 h for an allegation of ill-treatment, else the category's or the kind's days. */
export function deadlineFor(s: ComplaintSettings, c: { kind: Kind; category: Category; received_at: Date }): Date {
  if (c.category === 'ill_treatment') return new Date(c.received_at.getTime() + s.ill_treatment_hours * HOUR);
  const days = s.category_days[c.category] ?? (c.kind === 'request' ? s.request_days : s.complaint_days);
  return new Date(c.received_at.getTime() + days * DAY);
}

/** The national administration's deadline for an appeal. */
export function appealDeadline(s: ComplaintSettings, appealedAt: Date): Date {
  return new Date(appealedAt.getTime() + s.appeal_days * DAY);
}

/** States where an answer is still owed (the clock runs). */
export const WAITING: readonly State[] = ['received', 'acknowledged', 'under_investigation', 'appealed'];
export const OPEN: readonly State[] = ['received', 'acknowledged', 'under_investigation', 'answered', 'appealed'];

/** Overdue: an answer still owed and its deadline passed. */
export function isOverdue(c: { state: State; due_at: Date }, now: Date): boolean {
  return WAITING.includes(c.state) && now.getTime() > c.due_at.getTime();
}

/** Whole days since the complaint was received (its age on the open list). */
export function ageInDays(receivedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - receivedAt.getTime()) / DAY));
}

/** The transitions: from each state, what each action leads to. */
const MACHINE: Record<State, Partial<Record<Action, State>>> = {
  received: { acknowledge: 'acknowledged', withdraw: 'closed' },
  acknowledged: { investigate: 'under_investigation', answer: 'answered', withdraw: 'closed' },
  under_investigation: { answer: 'answered', withdraw: 'closed' },
  answered: { accept: 'accepted', appeal: 'appealed', close: 'closed' },
  accepted: { close: 'closed' },
  appealed: { answer: 'answered', withdraw: 'closed' },
  closed: {},
};

export function nextState(state: State, action: Action): State | null {
  return MACHINE[state][action] ?? null;
}
export function allowedActions(state: State, c: { appealed: boolean }): Action[] {
  return ACTIONS.filter((a) => nextState(state, a) !== null && !(a === 'appeal' && c.appealed));
}

/**
 * Why an action is refused, or null. An answer needs its text and outcome (withdrawn is not an
 * answer's outcome); an answer may be appealed once; an appeal is answered by the national level.
 */
export function checkAction(
  c: { state: State; appealed: boolean },
  action: Action,
  input: { answer?: string | null; outcome?: Outcome | null; national?: boolean } = {},
): { field: string; key: string } | null {
  if (nextState(c.state, action) === null) return { field: '/action', key: 'complaints.transition' };
  if (action === 'appeal' && c.appealed) return { field: '/action', key: 'complaints.appeal_once' };
  if (action === 'answer') {
    if (!input.answer?.trim()) return { field: '/answer', key: 'complaints.answer_required' };
    if (!input.outcome || input.outcome === 'withdrawn')
      return { field: '/outcome', key: 'complaints.outcome_required' };
    if (c.state === 'appealed' && !input.national) return { field: '/action', key: 'complaints.appeal_national' };
  }
  return null;
}

/** The reference the detainee quotes: PL-BKO-2026-00042 (a counter per prison and year). */
export function formatReference(prisonCode: string, year: number, seq: number): string {
  return `PL-${prisonCode.toUpperCase()}-${year}-${String(seq).padStart(5, '0')}`;
}
export function parseReference(ref: string): { prison: string; year: number; seq: number } | null {
  const m = /^PL-([A-Z0-9]{2,16})-(\d{4})-(\d{5,})$/.exec(ref.trim().toUpperCase());
  return m ? { prison: m[1], year: Number(m[2]), seq: Number(m[3]) } : null;
}

/** A complaint is never handled by a member of staff it names. */
export function mayHandle(userId: string, namedStaff: readonly string[]): boolean {
  return !namedStaff.includes(userId);
}

export const REPRISAL_DAYS = 30;
/** A move, a discipline or a restriction within 30 days after a complaint may be a reprisal. */
export function withinReprisalWindow(receivedAt: Date, eventAt: Date, days = REPRISAL_DAYS): boolean {
  const d = eventAt.getTime() - receivedAt.getTime();
  return d >= 0 && d <= days * DAY;
}

/** What the reader holds, for the visibility rule. */
export interface Reader {
  userId: string;
  permissions: ReadonlySet<string>;
  national: boolean;
  prisonIds: readonly string[];
}

/**
 * Whether a reader may see a complaint at all (its existence included):
 * - the national complaints officer (complaints.national) sees every complaint;
 * - the independent body (complaints.confidential) sees the confidential ones and every allegation of ill-treatment;
 * - a confidential complaint is seen by no one else — not the prison's staff, not its director;
 * - otherwise prison staff with complaints.read in the prison's scope, except the staff the complaint names.
 */
export function mayView(
  r: Reader,
  c: { prison_id: string; confidential: boolean; category: Category; named_staff: readonly string[] },
): boolean {
  if (r.permissions.has('complaints.national')) return true;
  if (r.permissions.has('complaints.confidential') && (c.confidential || c.category === 'ill_treatment')) return true;
  if (c.confidential) return false;
  if (!r.permissions.has('complaints.read')) return false;
  if (!(r.national || r.prisonIds.includes(c.prison_id))) return false;
  return !c.named_staff.includes(r.userId);
}

/** Who is told at once of a new complaint: an allegation goes to the director and the national administration (not the director when
 * confidential). */
export function noticesFor(c: {
  category: Category;
  confidential: boolean;
  addressee: Addressee;
}): ('director' | 'national' | 'inspector')[] {
  const out: ('director' | 'national' | 'inspector')[] = [];
  if (c.category === 'ill_treatment') {
    if (!c.confidential) out.push('director');
    out.push('national', 'inspector');
  } else if (c.confidential) out.push('inspector');
  else if (c.addressee === 'national') out.push('national');
  return out;
}

/** The calendar quarter of a date: "2026-Q3". */
export function quarterOf(d: Date): string {
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** Counts by category, quarter and unit, each list sorted; the raw rows are already visible to the reader. */
export function statistics(rows: readonly { category: Category; received_at: Date; unit: string | null }[]) {
  const count = <K extends string>(key: (r: (typeof rows)[number]) => K) => {
    const m = new Map<K, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return [...m].map(([k, n]) => ({ key: k, count: n })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };
  return {
    total: rows.length,
    by_category: CATEGORIES.map((c) => ({ key: c, count: rows.filter((r) => r.category === c).length })),
    by_quarter: count((r) => quarterOf(r.received_at)),
    by_unit: count((r) => r.unit ?? '—'),
    by_quarter_category: count((r) => `${quarterOf(r.received_at)} ${r.category}`),
  };
}

/** Settings checked before they are saved: positive deadlines, every category owned. */
export function settingsProblems(s: ComplaintSettings): { field: string; key: string }[] {
  const out: { field: string; key: string }[] = [];
  for (const k of ['request_days', 'complaint_days', 'ill_treatment_hours', 'appeal_days'] as const)
    if (!(Number.isInteger(s[k]) && s[k] > 0))
      out.push({ field: `/settings/${k}`, key: 'complaints.settings.positive' });
  for (const c of CATEGORIES)
    if (!OWNERS.includes(s.owners[c])) out.push({ field: `/settings/owners/${c}`, key: 'complaints.settings.owner' });
  return out;
}
