/**
 * The rules of escorts, the count and the daily state, as plain functions of values (tested in
 * rules.test.ts without a database). Every way in — API, page, demo — goes through these.
 */

export const ESCORT_PURPOSES = ['court', 'hospital', 'funeral', 'family_visit', 'other'] as const;
export type EscortPurpose = (typeof ESCORT_PURPOSES)[number];

/** A prison's count times when none are configured. Configured names are free text. */
export const DEFAULT_SLOTS = ['morning', 'noon', 'evening'] as const;
export const ROUND_STATES = ['open', 'validated'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** How an admission ends (custody's end reasons), as the daily state counts them. */
export const OUT_REASONS = ['release', 'transfer', 'escape', 'death'] as const;
export type OutReason = (typeof OUT_REASONS)[number];

/** The most a cell can hold in a count (a typing slip beyond it is refused). */
export const MAX_COUNT = 999;

// ----------------------------------------------------------------------------------------------
// Escorts

export interface EscortTimes {
  out_at: Date;
  expected_back_at: Date;
  back_at: Date | null;
}

/** Out at this instant: left, and not back yet. */
export function isOutAt(e: EscortTimes, at: Date): boolean {
  return e.out_at <= at && (e.back_at === null || e.back_at > at);
}

/** Overdue: still out after the time they were expected back. */
export function isOverdue(e: EscortTimes, now: Date): boolean {
  return e.back_at === null && e.expected_back_at < now;
}

/** The checks of a departure: times in order, the way back after the way out. Field pointers and message keys. */
export function escortTimeErrors(
  out: Date,
  expectedBack: Date,
  back: Date | null = null,
): { field: string; key: string }[] {
  const errors: { field: string; key: string }[] = [];
  if (expectedBack <= out) errors.push({ field: '/expected_back_at', key: 'movements.count.escort.back_before_out' });
  if (back && back < out) errors.push({ field: '/back_at', key: 'movements.count.escort.back_before_out' });
  return errors;
}

// ----------------------------------------------------------------------------------------------
// The count

/** A person held in the prison at the count, where the registry places them. */
export interface HeldPerson {
  admission_id: string;
  unit_id: string | null;
  cell_id: string | null;
}

export interface CellExpectation {
  cell_id: string;
  /** Held in the cell by the registry (open placements). */
  placed: number;
  /** Of those, out on escort. */
  out: number;
  /** Who should be there to count: placed − out. */
  expected: number;
}

/** What the registry expects in each cell: open placements minus people out on escort. */
export function expectedPerCell(
  cellIds: readonly string[],
  held: readonly HeldPerson[],
  outAdmissions: ReadonlySet<string>,
): CellExpectation[] {
  const by = new Map(cellIds.map((id) => [id, { cell_id: id, placed: 0, out: 0, expected: 0 }]));
  for (const h of held) {
    const c = h.cell_id ? by.get(h.cell_id) : undefined;
    if (!c) continue;
    c.placed++;
    if (outAdmissions.has(h.admission_id)) c.out++;
    else c.expected++;
  }
  return [...by.values()];
}

/** Admitted but not placed in a cell: in this unit without a cell, or (unit null) placed nowhere. */
export function unplaced<T extends HeldPerson>(held: readonly T[], unitId: string | null): T[] {
  return held.filter((h) => h.cell_id === null && h.unit_id === unitId);
}

/** The discrepancy of a cell: counted minus expected (negative: someone missing; positive: someone extra). */
export function discrepancy(expected: number, counted: number): number {
  return counted - expected;
}

export interface EntryLike {
  cell_id: string;
  attempt: number;
  counted: number;
  placed: number;
  out: number;
}

/** The next attempt's number: 1 for the count, then 2, 3… for recounts. */
export function nextAttempt(entries: readonly { attempt: number }[]): number {
  return entries.reduce((max, e) => Math.max(max, e.attempt), 0) + 1;
}

/** The cells of the unit a first count leaves out (every cell is counted the first time). */
export function missingCells(cellIds: readonly string[], counted: readonly { cell_id: string }[]): string[] {
  const seen = new Set(counted.map((c) => c.cell_id));
  return cellIds.filter((id) => !seen.has(id));
}

export interface AttemptResult {
  attempt: number;
  counted: number;
  expected: number;
  difference: number;
}

export interface CellResult {
  cell_id: string;
  placed: number;
  out: number;
  expected: number;
  counted: number | null;
  difference: number | null;
  /** Every attempt on this cell, first count first: a recount never replaces the figures before it. */
  attempts: AttemptResult[];
}

export interface RoundResult {
  cells: CellResult[];
  expected: number;
  counted: number;
  /** Sum of the cells' latest differences (cells not counted left out). */
  difference: number;
  /** Cells whose latest figure differs from what was expected. */
  mismatched: number;
  /** Every cell has a figure. */
  complete: boolean;
  /** Complete and no cell differs. */
  balanced: boolean;
}

/**
 * A round's result from its entries: per cell, the latest attempt decides; each attempt is kept
 * with the expected figure of its moment. Cells without an entry show `now` (the registry today).
 */
export function roundResult(cells: readonly CellExpectation[], entries: readonly EntryLike[]): RoundResult {
  const out: CellResult[] = cells.map((c) => {
    const mine = entries.filter((e) => e.cell_id === c.cell_id).sort((a, b) => a.attempt - b.attempt);
    const attempts = mine.map((e) => ({
      attempt: e.attempt,
      counted: e.counted,
      expected: e.placed - e.out,
      difference: discrepancy(e.placed - e.out, e.counted),
    }));
    const last = mine.at(-1);
    if (!last) return { ...c, counted: null, difference: null, attempts };
    const expected = last.placed - last.out;
    return {
      cell_id: c.cell_id,
      placed: last.placed,
      out: last.out,
      expected,
      counted: last.counted,
      difference: discrepancy(expected, last.counted),
      attempts,
    };
  });
  const counted = out.filter((c) => c.counted !== null);
  const mismatched = counted.filter((c) => c.difference !== 0).length;
  const complete = counted.length === out.length;
  return {
    cells: out,
    expected: out.reduce((s, c) => s + c.expected, 0),
    counted: counted.reduce((s, c) => s + c.counted!, 0),
    difference: counted.reduce((s, c) => s + c.difference!, 0),
    mismatched,
    complete,
    balanced: complete && mismatched === 0,
  };
}

/**
 * Whether a round may be closed: every cell counted; a discrepancy still there after the recounts
 * is closed only with a written explanation. Null when it may; else the message key.
 */
export function validationRefusal(
  r: Pick<RoundResult, 'complete' | 'balanced'>,
  note: string | null | undefined,
): 'movements.count.incomplete' | 'movements.count.note_required' | null {
  if (!r.complete) return 'movements.count.incomplete';
  if (!r.balanced && !note?.trim()) return 'movements.count.note_required';
  return null;
}

/** The count times of a prison: its configured names, else morning, noon and evening. */
export function slotsOf(configured: readonly string[] | null | undefined): readonly string[] {
  const names = (configured ?? []).map((s) => s.trim()).filter(Boolean);
  return names.length ? [...new Set(names)] : DEFAULT_SLOTS;
}

// ----------------------------------------------------------------------------------------------
// The daily state

export interface DailyMovements {
  /** New admissions of the day (readmissions after recapture included), transfers in apart. */
  admissions: number;
  transfers_in: number;
  releases: number;
  transfers_out: number;
  escapes: number;
  deaths: number;
}

export interface DailyFigures extends DailyMovements {
  population_start: number;
  population_end: number;
}

export const EMPTY_MOVEMENTS: DailyMovements = {
  admissions: 0,
  transfers_in: 0,
  releases: 0,
  transfers_out: 0,
  escapes: 0,
  deaths: 0,
};

/** The daily movements from the day's arrivals (transfer or not) and the day's ends by reason. */
export function dailyMovements(
  arrivals: readonly { transfer: boolean }[],
  ends: readonly { reason: string }[],
): DailyMovements {
  const by = (r: OutReason) => ends.filter((e) => e.reason === r).length;
  return {
    admissions: arrivals.filter((a) => !a.transfer).length,
    transfers_in: arrivals.filter((a) => a.transfer).length,
    releases: by('release'),
    transfers_out: by('transfer'),
    escapes: by('escape'),
    deaths: by('death'),
  };
}

/** Arithmetic of the day: start + in − out. Balanced when the registry's end-of-day figure is the same. */
export function dailyBalance(f: DailyFigures): {
  total_in: number;
  total_out: number;
  computed_end: number;
  balanced: boolean;
} {
  const totalIn = f.admissions + f.transfers_in;
  const totalOut = f.releases + f.transfers_out + f.escapes + f.deaths;
  const computed = f.population_start + totalIn - totalOut;
  return { total_in: totalIn, total_out: totalOut, computed_end: computed, balanced: computed === f.population_end };
}

export interface DailyTotals extends DailyFigures {
  by_status: Record<string, number>;
  out_on_escort: number;
}
const SUMMED = [
  'population_start',
  'population_end',
  'out_on_escort',
  'admissions',
  'transfers_in',
  'releases',
  'transfers_out',
  'escapes',
  'deaths',
] as const;

/** The national state: the prisons' figures summed, field by field (by legal status too). */
export function sumDaily(states: readonly DailyTotals[]): DailyTotals {
  const total: DailyTotals = {
    population_start: 0,
    population_end: 0,
    out_on_escort: 0,
    ...EMPTY_MOVEMENTS,
    by_status: {},
  };
  for (const s of states) {
    for (const k of SUMMED) total[k] += s[k];
    for (const [status, n] of Object.entries(s.by_status)) total.by_status[status] = (total.by_status[status] ?? 0) + n;
  }
  return total;
}
