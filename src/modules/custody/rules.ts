/** Pure custody rules: committal numbers, legal status from the documents, admission ends. */

export const LEGAL_STATUSES = ['under_investigation', 'awaiting_trial', 'convicted', 'appealing'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/** Kinds of document that found a detention, as received at the prison. The justice module adds later titles. */
export const DOCUMENT_KINDS = [
  'committal_order',
  'arrest_warrant',
  'extension_order',
  'committal_for_trial',
  'conviction',
  'appeal',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const END_REASONS = ['release', 'transfer', 'death', 'escape'] as const;
export type EndReason = (typeof END_REASONS)[number];

export const CHARGE_CATEGORIES = ['contravention', 'misdemeanour', 'felony'] as const;

/** "BKO-2026-000123": prison code, year of admission (Bamako time), six-digit sequence. */
export function formatCommittalNumber(prisonCode: string, year: number, seq: number): string {
  return `${prisonCode}-${year}-${String(seq).padStart(6, '0')}`;
}

export function parseCommittalNumber(s: string): { prisonCode: string; year: number; seq: number } | null {
  const m = /^([A-Z0-9]{2,8})-(\d{4})-(\d{6,})$/.exec(s.trim().toUpperCase());
  return m ? { prisonCode: m[1], year: Number(m[2]), seq: Number(m[3]) } : null;
}

/**
 * The legal status follows from the documents, never typed by hand: the latest document by date
 * of issue (ties: the later received) decides.
 */
export function deriveLegalStatus(
  docs: readonly { kind: string; issuedOn: string; receivedAt?: Date | string }[],
): LegalStatus {
  const sorted = [...docs].sort((a, b) =>
    a.issuedOn === b.issuedOn
      ? String(a.receivedAt ?? '').localeCompare(String(b.receivedAt ?? ''))
      : a.issuedOn.localeCompare(b.issuedOn),
  );
  let status = 'under_investigation' as LegalStatus;
  for (const d of sorted) {
    // An order made in the investigation does not undo a committal for trial or a judgment.
    if (d.kind === 'committal_order' || d.kind === 'arrest_warrant' || d.kind === 'extension_order') continue;
    else if (d.kind === 'committal_for_trial') status = 'awaiting_trial';
    else if (d.kind === 'conviction') status = 'convicted';
    else if (d.kind === 'appeal') status = 'appealing';
  }
  return status;
}

export function isUntried(s: LegalStatus): boolean {
  return s === 'under_investigation' || s === 'awaiting_trial';
}
