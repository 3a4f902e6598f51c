/**
 * Calendar arithmetic on Bamako calendar dates ("YYYY-MM-DD"), pure. Legal periods are counted in
 * calendar days, months and years; a month added to the 31st lands on the last day of a shorter
 * month (31 January + 1 month = 28 or 29 February).
 */

export interface Period {
  years?: number;
  months?: number;
  days?: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date: ${date}`);
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const back = new Date(ms).toISOString().slice(0, 10);
  if (back !== date) throw new RangeError(`not a date: ${date}`);
  return Math.round(ms / DAY_MS);
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function isDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  try {
    dayNumber(s);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** b − a in days (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** Adds (or, when negative, subtracts) whole months; the day is clamped to the target month's length. */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1;
  const d = Number(date.slice(8, 10));
  const total = y * 12 + m0 + n;
  const ty = Math.floor(total / 12);
  const tm0 = total - ty * 12;
  const td = Math.min(d, daysInMonth(ty, tm0));
  return `${String(ty).padStart(4, '0')}-${String(tm0 + 1).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}

/** Years and months first (calendar), then days. */
export function addPeriod(date: string, p: Period): string {
  const months = (p.years ?? 0) * 12 + (p.months ?? 0);
  return addDays(addMonths(date, months), p.days ?? 0);
}

/** The reverse: days first, then years and months. */
export function subtractPeriod(date: string, p: Period): string {
  const months = (p.years ?? 0) * 12 + (p.months ?? 0);
  return addMonths(addDays(date, -(p.days ?? 0)), -months);
}

/**
 * The last day covered by a period that starts on `start` (the first day counts): 6 months from
 * 9 March cover 9 March to 8 September inclusive.
 */
export function lastDayOf(start: string, p: Period): string {
  return addDays(addPeriod(start, p), -1);
}

export function isEmptyPeriod(p: Period | null | undefined): boolean {
  return !p || (!(p.years ?? 0) && !(p.months ?? 0) && !(p.days ?? 0));
}

export function formatPeriod(p: Period, lang: 'fr' | 'en'): string {
  const parts: string[] = [];
  const y = p.years ?? 0,
    m = p.months ?? 0,
    d = p.days ?? 0;
  if (lang === 'fr') {
    if (y) parts.push(`${y} an${y > 1 ? 's' : ''}`);
    if (m) parts.push(`${m} mois`);
    if (d) parts.push(`${d} jour${d > 1 ? 's' : ''}`);
    return parts.length ? parts.join(' ') : '0 jour';
  }
  if (y) parts.push(`${y} year${y > 1 ? 's' : ''}`);
  if (m) parts.push(`${m} month${m > 1 ? 's' : ''}`);
  if (d) parts.push(`${d} day${d > 1 ? 's' : ''}`);
  return parts.length ? parts.join(' ') : '0 days';
}

/** Monday to Friday. Public holidays are not known to pmis and are not excluded. */
export function isWorkingDay(date: string): boolean {
  const wd = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** The date `n` working days before `date` (n ≥ 1). */
export function workingDaysBefore(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}
