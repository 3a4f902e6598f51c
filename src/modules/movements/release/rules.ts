/**
 * Releases, the release-due list, escapes and deaths in custody: the rules, as plain functions of
 * values (no database, no clock). Every way in (API, pages, demo) calls these.
 */
import type { FieldError } from '../../../core/errors.js';

export const RELEASE_REASONS = [
  'end_of_sentence',
  'acquittal',
  'release_order',
  'provisional_release',
  'pardon',
  'detention_expired',
  'transfer_to_authority',
  'death',
] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];
/** The reasons a release checklist takes: a death goes through the incident path. */
export type ChecklistReason = Exclude<ReleaseReason, 'death'>;

export const RELEASE_STATES = ['checked', 'confirmed', 'released', 'cancelled'] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];

export const AUDIENCES = ['family', 'authority', 'police', 'gendarmerie', 'prosecutor', 'other'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const CHANNELS = ['in_person', 'phone', 'letter', 'sms', 'email', 'radio'] as const;
export type Channel = (typeof CHANNELS)[number];

export const INCIDENT_KINDS = ['escape', 'death'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const DUE_KINDS = ['release_due', 'expired_title', 'no_title', 'ends_tomorrow', 'ends_this_week'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/**
 * A release needs an order unless the justice module itself gives the basis: a sentence served
 * (its computed release date) or a pre-trial detention expired without an extension order.
 */
export function needsOrder(reason: ReleaseReason): boolean {
  return reason !== 'end_of_sentence' && reason !== 'detention_expired';
}

export interface CheckInput {
  reason: ReleaseReason;
  order_jurisdiction_id?: string | null;
  order_reference?: string | null;
  order_date?: string | null;
  justice_basis?: string | null;
  transfer_authority?: string | null;
  identity_verified: boolean;
  photo_shown: boolean;
  fingerprints_taken: boolean;
}

const blank = (s: string | null | undefined) => !s || !s.trim();

/**
 * What the check is missing, as field errors: the order (issuing authority, reference, date not
 * after today) or the justice basis; the identity verified against the file; the receiving
 * authority of a transfer. A death is refused here (it is recorded as an incident).
 */
export function checkProblems(input: CheckInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.reason === 'death') return [{ field: '/reason', key: 'movements.release.death_is_incident' }];
  if (needsOrder(input.reason)) {
    if (blank(input.order_jurisdiction_id))
      errors.push({ field: '/order_jurisdiction_id', key: 'movements.release.authority_required' });
    if (blank(input.order_reference))
      errors.push({ field: '/order_reference', key: 'movements.release.reference_required' });
    if (blank(input.order_date)) errors.push({ field: '/order_date', key: 'movements.release.order_date_required' });
    else if (input.order_date! > today) errors.push({ field: '/order_date', key: 'field.date_in_future' });
  } else if (blank(input.justice_basis)) {
    errors.push({ field: '/justice_basis', key: 'movements.release.basis_required' });
  }
  if (input.reason === 'transfer_to_authority' && blank(input.transfer_authority))
    errors.push({ field: '/transfer_authority', key: 'movements.release.transfer_authority_required' });
  if (!input.identity_verified)
    errors.push({ field: '/identity_verified', key: 'movements.release.identity_required' });
  return errors;
}

/** The second officer confirms a checked release; never the officer who checked it. */
export function confirmProblem(
  r: { state: ReleaseState; checked_by: string },
  confirmerId: string,
): { field: string; key: string } | null {
  if (r.state !== 'checked') return { field: '/state', key: 'movements.release.not_awaiting_confirmation' };
  if (r.checked_by === confirmerId) return { field: '/state', key: 'movements.release.same_officer' };
  return null;
}

export interface CompletionInput {
  all_returned: boolean;
  returned_notes?: string | null;
  signed_by_person: boolean;
}

/**
 * The person leaves only when the release was checked and confirmed by a second officer, and
 * their belongings and money were handed back against their signature (what was not returned is
 * said).
 */
export function completionProblems(r: { state: ReleaseState; confirmed_by: string | null }, input: CompletionInput) {
  const errors: FieldError[] = [];
  if (r.state === 'released') return [{ field: '/state', key: 'movements.release.already_released' }];
  if (r.state === 'cancelled') return [{ field: '/state', key: 'movements.release.cancelled' }];
  if (r.state !== 'confirmed' || !r.confirmed_by) return [{ field: '/state', key: 'movements.release.not_confirmed' }];
  if (!input.signed_by_person) errors.push({ field: '/signed_by_person', key: 'movements.release.signature_required' });
  if (!input.all_returned && blank(input.returned_notes))
    errors.push({ field: '/returned_notes', key: 'movements.release.returned_notes_required' });
  return errors;
}

/** The inventory of the registry step (items, money, identity documents, phones) as lines to hand back. */
export function inventoryLines(data: Record<string, unknown> | null | undefined): InventoryLine[] {
  if (!data) return [];
  const arr = (k: string) => (Array.isArray(data[k]) ? (data[k] as Record<string, unknown>[]) : []);
  const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const out: InventoryLine[] = [];
  for (const i of arr('items'))
    out.push({
      kind: 'item',
      text: [`${s(i.quantity) || '1'} × ${s(i.item)}`, s(i.description)].filter(Boolean).join(' — '),
    });
  for (const m of arr('money')) out.push({ kind: 'money', text: `${s(m.amount)} ${s(m.currency)}`.trim() });
  for (const d of arr('id_documents'))
    out.push({ kind: 'id_document', text: [s(d.kind), s(d.number)].filter(Boolean).join(' ') });
  for (const p of arr('phones'))
    out.push({ kind: 'phone', text: [s(p.description), s(p.imei)].filter(Boolean).join(' ') });
  return out.filter((l) => l.text.trim());
}
export type InventoryKind = 'item' | 'money' | 'id_document' | 'phone';
export interface InventoryLine {
  kind: InventoryKind;
  text: string;
}

/** The justice status of a case to be let go, as the release reason it gives. */
export function reasonFromJustice(status: string | null | undefined): ReleaseReason | null {
  switch (status) {
    case 'acquitted':
      return 'acquittal';
    case 'released':
      return 'release_order';
    case 'pardoned':
      return 'pardon';
    case 'convicted':
    case 'appealing':
      return 'end_of_sentence';
    case 'under_investigation':
      return 'detention_expired';
    default:
      return null;
  }
}

export interface JusticeAlertLike {
  kind: string;
  days: number;
  date: string | null;
}

/**
 * Where a justice alert puts a person on the release-due list (the justice module's release dates
 * and alerts, never recomputed here): release due now (sentence served, acquittal, release order,
 * pardon), an expired title or none, a sentence ending tomorrow or within the week. Anything else
 * (an expiring title, no hearing) is not a release.
 */
export function dueKind(a: JusticeAlertLike): DueKind | null {
  switch (a.kind) {
    case 'release_due':
      return 'release_due';
    case 'expired':
      return 'expired_title';
    case 'no_title':
      return 'no_title';
    case 'release_soon':
      if (a.days <= 1) return 'ends_tomorrow';
      if (a.days <= 7) return 'ends_this_week';
      return null;
    default:
      return null;
  }
}

const DUE_ORDER: Record<DueKind, number> = {
  expired_title: 0,
  no_title: 1,
  release_due: 2,
  ends_tomorrow: 3,
  ends_this_week: 4,
};

/** The release-due list in order: held without a valid title first, then due now (longest overdue first), then by date. */
export function sortDue<T extends { due: DueKind; days: number; date: string | null }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      DUE_ORDER[a.due] - DUE_ORDER[b.due] ||
      (a.due === 'ends_tomorrow' || a.due === 'ends_this_week' ? a.days - b.days : b.days - a.days) ||
      (a.date ?? '').localeCompare(b.date ?? ''),
  );
}

/**
 * Who must still be told of a release: the family always; for a person held for a
 * terrorism-related offence, every authority the national administration designates.
 */
export function missingNotices(
  terrorismRelated: boolean,
  designated: readonly string[],
  told: readonly { audience: string; recipient: string }[],
): { audience: Audience; recipient: string | null }[] {
  const out: { audience: Audience; recipient: string | null }[] = [];
  if (!told.some((n) => n.audience === 'family')) out.push({ audience: 'family', recipient: null });
  if (terrorismRelated) {
    const norm = (s: string) => s.trim().toLowerCase();
    const done = new Set(told.filter((n) => n.audience === 'authority').map((n) => norm(n.recipient)));
    for (const a of designated) if (!done.has(norm(a))) out.push({ audience: 'authority', recipient: a });
  }
  return out;
}

/** An escape's alert goes to the police and the gendarmerie: who has not been told yet. */
export function missingEscapeAlerts(told: readonly { audience: string }[]): ('police' | 'gendarmerie')[] {
  return (['police', 'gendarmerie'] as const).filter((a) => !told.some((n) => n.audience === a));
}

/** A recapture readmits only an escape not yet recaptured, after the escape. */
export function recaptureProblems(
  i: { kind: IncidentKind; occurred_at: string; recaptured_at: string | null },
  recapturedAt: string,
): FieldError[] {
  if (i.kind !== 'escape') return [{ field: '/recaptured_at', key: 'movements.incident.not_escape' }];
  if (i.recaptured_at) return [{ field: '/recaptured_at', key: 'movements.incident.already_recaptured' }];
  if (new Date(recapturedAt) < new Date(i.occurred_at))
    return [{ field: '/recaptured_at', key: 'movements.incident.recapture_before_escape' }];
  return [];
}

/** An instant given by a user: a real date, not in the future (5 minutes of clock drift allowed). */
export function instantProblem(s: string | null | undefined, field: string, now: Date): FieldError | null {
  if (!s) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return { field, key: 'field.invalid_date' };
  if (d.getTime() > now.getTime() + 5 * 60_000) return { field, key: 'field.date_in_future' };
  return null;
}

/** The certificate's number: LIB-BKO-2026-0007. */
export const certificateNumber = (prisonCode: string, year: number, seq: number) =>
  `LIB-${prisonCode}-${year}-${String(seq).padStart(4, '0')}`;
