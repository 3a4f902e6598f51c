/**
 * Transfers between prisons: the pure rules (no database). The state machine of a transfer, who may
 * decide it, what a request needs, what a family notice needs, the property that travels with the
 * person. Every way in (API, page, demo) goes through these functions.
 */
import type { FieldError } from '../../../core/errors.js';

export const TRANSFER_REASONS = [
  'congestion',
  'security',
  'court',
  'health',
  'family_proximity',
  'detainee_request',
] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

export const TRANSFER_STATES = [
  'requested', // waiting for the two directors
  'escalated', // the directors disagree: the national administration decides
  'approved', // may leave: escort, list, property
  'refused',
  'in_transit', // left the sending prison, not yet received: no admission open anywhere
  'arrived', // received: a new admission in the receiving prison, linked to the previous one
  'cancelled',
] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** A transfer still under way: a person with one of these cannot be put on another transfer. */
export const ACTIVE_STATES: readonly TransferState[] = ['requested', 'escalated', 'approved', 'in_transit'];

export const DECISIONS = ['approved', 'refused'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_SIDES = ['sending', 'receiving', 'national'] as const;
export type DecisionSide = (typeof DECISION_SIDES)[number];

export const NOTICE_METHODS = ['phone', 'in_person', 'letter', 'message'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

export const TRANSFER_ACTIONS = ['decide', 'assign', 'depart', 'arrive', 'cancel', 'notify'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

/** Which action is possible in which state. */
const ALLOWED: Record<TransferAction, readonly TransferState[]> = {
  decide: ['requested', 'escalated'],
  assign: ['requested', 'escalated', 'approved'],
  depart: ['approved'],
  arrive: ['in_transit'],
  cancel: ['requested', 'escalated', 'approved'],
  // The family is told once the move is decided (or under way, or done).
  notify: ['approved', 'in_transit', 'arrived'],
};

export function mayDo(state: TransferState, action: TransferAction): boolean {
  return ALLOWED[action].includes(state);
}

export const isActive = (state: TransferState): boolean => ACTIVE_STATES.includes(state);

/** The state after the directors' decisions: both yes → approved, both no → refused, one each → escalated. */
export function stateAfterDirectors(sending: Decision | null, receiving: Decision | null): TransferState {
  if (sending === null || receiving === null) return 'requested';
  if (sending === receiving) return sending === 'approved' ? 'approved' : 'refused';
  return 'escalated';
}

export interface DeciderFacts {
  userId: string;
  national: boolean;
  prisonIds: readonly string[];
}
export interface DecisionFacts {
  state: TransferState;
  fromPrisonId: string;
  toPrisonId: string;
  sending: { decision: Decision | null; by: string | null };
  receiving: { decision: Decision | null; by: string | null };
}

/**
 * Who this actor decides for: the sending prison's director for the sending prison, the receiving
 * prison's for the receiving one (never both sides by the same person), the national administration
 * only once the two directors disagree. Either the side or the key of the refusal.
 */
export function deciderSide(actor: DeciderFacts, t: DecisionFacts): { side: DecisionSide } | { refusal: string } {
  if (!mayDo(t.state, 'decide')) return { refusal: 'movements.transfers.not_now' };
  if (t.state === 'escalated')
    return actor.national ? { side: 'national' } : { refusal: 'movements.transfers.national_decides' };
  if (actor.national) return { refusal: 'movements.transfers.directors_first' };
  if (actor.prisonIds.includes(t.fromPrisonId) && t.sending.decision === null) return { side: 'sending' };
  if (actor.prisonIds.includes(t.toPrisonId) && t.receiving.decision === null) {
    if (t.sending.by === actor.userId) return { refusal: 'movements.transfers.both_sides' };
    return { side: 'receiving' };
  }
  if (actor.prisonIds.includes(t.fromPrisonId) || actor.prisonIds.includes(t.toPrisonId))
    return { refusal: 'movements.transfers.already_decided' };
  return { refusal: 'error.out_of_scope' };
}

/** The state after one decision by `side`. */
export function stateAfterDecision(t: DecisionFacts, side: DecisionSide, decision: Decision): TransferState {
  if (side === 'national') return decision;
  const sending = side === 'sending' ? decision : t.sending.decision;
  const receiving = side === 'receiving' ? decision : t.receiving.decision;
  return stateAfterDirectors(sending, receiving);
}

export interface RequestFacts {
  fromPrisonId: string;
  toPrisonId: string | null;
  /** The receiving prison's status today (open, closed, destroyed, under_reconstruction), null when unknown. */
  toStatus: string | null;
  /** The person's open admission is in the sending prison. */
  heldInSendingPrison: boolean;
  /** Another transfer of this person is still under way. */
  activeTransfer: boolean;
}

/** Why a transfer cannot be requested, as field errors (empty: it may be). */
export function requestErrors(f: RequestFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (f.toPrisonId === null) errors.push({ field: '/to_prison', key: 'movements.transfers.prison_unknown' });
  else if (f.toPrisonId === f.fromPrisonId)
    errors.push({ field: '/to_prison', key: 'movements.transfers.same_prison' });
  else if (f.toStatus !== null && f.toStatus !== 'open')
    errors.push({ field: '/to_prison', key: 'movements.transfers.prison_closed' });
  if (!f.heldInSendingPrison) errors.push({ field: '/admission_id', key: 'movements.transfers.not_held' });
  else if (f.activeTransfer) errors.push({ field: '/admission_id', key: 'movements.transfers.already_moving' });
  return errors;
}

export interface NoticeFacts {
  notified: boolean;
  method?: NoticeMethod | null;
  relative?: string | null;
  notified_at?: string | null;
  reason_not?: string | null;
}

/** A family notice (Rule 68): who, how and when — or why not. */
export function noticeErrors(n: NoticeFacts, now: Date = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  const blank = (s: string | null | undefined) => !s || !s.trim();
  if (n.notified) {
    if (blank(n.relative)) errors.push({ field: '/relative', key: 'movements.transfers.notice_who' });
    if (!n.method) errors.push({ field: '/method', key: 'movements.transfers.notice_how' });
    if (n.notified_at) {
      const at = new Date(n.notified_at);
      if (Number.isNaN(at.getTime())) errors.push({ field: '/notified_at', key: 'field.invalid_date' });
      else if (at.getTime() > now.getTime() + 5 * 60_000)
        errors.push({ field: '/notified_at', key: 'field.date_in_future' });
    }
  } else if (blank(n.reason_not)) errors.push({ field: '/reason_not', key: 'movements.transfers.notice_why_not' });
  return errors;
}

export interface ArrivalFacts {
  security_check: boolean;
  medical_check: boolean;
  registry_check: boolean;
  departedAt: Date;
  arrivedAt: Date;
  now?: Date;
}

/** The shortened reception on arrival: the three checks done, and an arrival after the departure. */
export function arrivalErrors(f: ArrivalFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (!f.security_check) errors.push({ field: '/security_check', key: 'movements.transfers.check_missing' });
  if (!f.medical_check) errors.push({ field: '/medical_check', key: 'movements.transfers.check_missing' });
  if (!f.registry_check) errors.push({ field: '/registry_check', key: 'movements.transfers.check_missing' });
  if (f.arrivedAt < f.departedAt)
    errors.push({ field: '/arrived_at', key: 'movements.transfers.arrival_before_departure' });
  else if (f.arrivedAt.getTime() > (f.now ?? new Date()).getTime() + 5 * 60_000)
    errors.push({ field: '/arrived_at', key: 'field.date_in_future' });
  return errors;
}

export interface Property {
  items: { item: string; quantity: number; description?: string | null }[];
  money: { amount: number; currency: string }[];
  id_documents: { kind: string; number?: string | null }[];
  phones: { description: string; imei?: string | null }[];
}

/** The property that travels with the person: the registry inventory from reception, in one shape. */
export function propertyFromInventory(data: Record<string, unknown> | null | undefined): Property {
  const arr = (k: string): Record<string, unknown>[] =>
    Array.isArray(data?.[k])
      ? (data[k] as unknown[]).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
      : [];
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  return {
    items: arr('items').map((x) => ({
      item: str(x.item) ?? '',
      quantity: typeof x.quantity === 'number' ? x.quantity : 1,
      description: str(x.description),
    })),
    money: arr('money').map((x) => ({ amount: Number(x.amount ?? 0), currency: str(x.currency) ?? 'XOF' })),
    id_documents: arr('id_documents').map((x) => ({ kind: str(x.kind) ?? '', number: str(x.number) })),
    phones: arr('phones').map((x) => ({ description: str(x.description) ?? '', imei: str(x.imei) })),
  };
}

/** Money by currency (what the escort signs for). */
export function moneyTotals(p: Property): { currency: string; amount: number }[] {
  const m = new Map<string, number>();
  for (const x of p.money) m.set(x.currency, (m.get(x.currency) ?? 0) + x.amount);
  return [...m]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Where the transfer board shows a transfer for a prison: leaving it, coming to it, or neither. */
export function directionFor(prisonId: string, t: { fromPrisonId: string; toPrisonId: string }): 'out' | 'in' | null {
  if (t.fromPrisonId === prisonId) return 'out';
  if (t.toPrisonId === prisonId) return 'in';
  return null;
}
