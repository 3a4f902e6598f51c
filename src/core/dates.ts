/** Dates: stored in UTC, shown and reasoned about in Africa/Bamako. */
export const TZ = 'Africa/Bamako';

const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Bamako of an instant. */
export function bamakoDate(d: Date = new Date()): string {
  return ymd.format(d);
}

/** Offset of Bamako from UTC at an instant, in minutes (0 today; computed, not assumed). */
function offsetMinutes(d: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(d);
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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Display an instant in Bamako time: "25/11/2026 14:05". */
export function formatBamako(d: Date | string | null | undefined, lang: 'fr' | 'en' = 'fr'): string {
  if (!d) return '';
  const date = typeof d === 'string' ? new Date(d) : d;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: TZ, dateStyle: 'short', timeStyle: 'short' }).format(date);
}
