/** Dates: stored in UTC, shown and reasoned about in Africa/Bamako. */
export const TZ = 'Africa/Bamako';

const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Bamako of an instant. */
export function bamakoDate(d: Date = new Date()): string {
  return ymd.format(d);
}

/** Offset of Bamako from UTC at an instant, in minutes (0 today; computed, not assumed). */
function offsetMinutes(d: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - d.getTime()) / 60000);
}

/** The instant a Bamako calendar day starts. */
export function startOfBamakoDay(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - offsetMinutes(utcMidnight) * 60000);
}

/** The first instant after a Bamako calendar day: "as of date D" means everything before this. */
export function endOfBamakoDay(date: string): Date {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfBamakoDay(next.toISOString().slice(0, 10));
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || s.startsWith('0000')) return false; // PostgreSQL has no year 0
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * The dates the API and the importer accept: real calendar days from 1900 to 2199. Wider ranges
 * only let typing mistakes (0000-00-00, 20266-01-01) through, and date arithmetic must stay
 * within four-digit years.
 */
export const DATE_RANGE = { from: 1900, to: 2199 } as const;

/** A real calendar day 'YYYY-MM-DD' within DATE_RANGE (2025-02-30, 2026-13-45 and 0000-00-00 are not). */
export function isCalendarDate(s: string): boolean {
  if (!isIsoDate(s)) return false;
  const y = Number(s.slice(0, 4));
  return y >= DATE_RANGE.from && y <= DATE_RANGE.to;
}

/**
 * An RFC 3339 instant with its time zone ('2026-03-10T09:30:00Z', '…+01:00', fractions allowed),
 * on a real calendar day within DATE_RANGE, with a real time of day (no leap second: JavaScript
 * dates cannot hold one).
 */
export function isDateTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (!m || !isCalendarDate(m[1])) return false;
  const [h, mi, se] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || mi > 59 || se > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return Number.isFinite(Date.parse(s.replace(' ', 'T')));
}

const bamakoDay: Record<'fr' | 'en', Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' }),
};
const bamakoTime: Record<'fr' | 'en', Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

/**
 * Display an instant in Bamako time: "25/11/2026 à 14:05" (fr), "25 November 2026 at 14:05" (en)
 * — the web kit's formatDateTime (src/web/format.ts), for code outside the kit.
 */
export function formatBamako(d: Date | string | null | undefined, lang: 'fr' | 'en' = 'fr'): string {
  if (!d) return '';
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return String(d);
  return `${bamakoDay[lang].format(date)} ${lang === 'fr' ? 'à' : 'at'} ${bamakoTime[lang].format(date)}`;
}
