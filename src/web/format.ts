/**
 * How pmis writes dates, numbers and durations, in French and English, through Intl:
 *   - a calendar date (YYYY-MM-DD) as it is; an instant in Bamako time (Africa/Bamako);
 *   - French: 25/11/2026, 14:05, 400,5, 841 % (narrow no-break space), 3 364;
 *   - English: 25 November 2026, 14:05, 400.5, 841%, 3,364.
 * Never the browser's locale, never ISO on a page.
 */
import { TZ } from '../core/dates.js';
import type { Lang } from '../core/i18n.js';
import { kit } from './messages.js';

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type DateInput = Date | string;

function cache<K, V>(make: (k: K) => V): (k: K) => V {
  const m = new Map<K, V>();
  return (k) => {
    let v = m.get(k);
    if (v === undefined) {
      v = make(k);
      m.set(k, v);
    }
    return v;
  };
}

const dateFormat = cache((key: string) => {
  const [lang, zone] = key.split('|') as [Lang, string];
  return new Intl.DateTimeFormat(
    LOCALE[lang],
    lang === 'fr'
      ? { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' }
      : { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' },
  );
});
const timeFormat = cache(
  (lang: Lang) =>
    new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
);
const monthFormat = cache((key: string) => {
  const [lang, style] = key.split('|') as [Lang, 'numeric' | 'long'];
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: 'UTC',
    month: style === 'numeric' ? '2-digit' : 'long',
    year: 'numeric',
  });
});

/** A calendar date "YYYY-MM-DD" is shown as that day (no time zone shift); anything else is an instant. */
function asDay(value: DateInput): { date: Date; zone: string } | null {
  if (typeof value === 'string') {
    const m = CALENDAR_DATE.exec(value);
    if (m) {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : { date: d, zone: 'UTC' };
    }
  }
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : { date: d, zone: TZ };
}

/** "25/11/2026" (fr), "25 November 2026" (en). An instant is shown as its Bamako calendar day. */
export function formatDate(lang: Lang, value: DateInput | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = asDay(value);
  return d ? dateFormat(`${lang}|${d.zone}`).format(d.date) : String(value);
}

/** "14:05" in Bamako time, in both languages. */
export function formatTime(lang: Lang, value: DateInput | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? String(value) : timeFormat(lang).format(d);
}

/** "25/11/2026 à 14:05" (fr), "25 November 2026 at 14:05" (en), Bamako time. */
export function formatDateTime(lang: Lang, value: DateInput | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `${formatDate(lang, value)} ${lang === 'fr' ? 'à' : 'at'} ${formatTime(lang, value)}`;
}

/** A month "YYYY-MM": "07/1991" (fr; "juillet 1991" with style "long"), "July 1991" (en). */
export function formatMonth(
  lang: Lang,
  value: string,
  style: 'numeric' | 'long' = lang === 'fr' ? 'numeric' : 'long',
): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return value;
  return monthFormat(`${lang}|${lang === 'en' ? 'long' : style}`).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
  );
}

export interface BirthLike {
  /** 'exact' | 'month' | 'year' | 'estimated' | 'unknown' (any other value reads as unknown). */
  precision: string;
  date?: string | null;
  estimated_age?: number | null;
  estimated_on?: string | null;
}

/**
 * A date of birth with its precision: exact "14/07/1991" / "14 July 1991"; month "07/1991" /
 * "July 1991"; year "1991"; estimated "environ 35 ans (estimé le 12/03/2026)" / "about 35 years
 * old (estimated on 12 March 2026)"; estimated with only a year "vers 1990" / "about 1990";
 * unknown "inconnue" / "unknown".
 */
export function formatBirth(
  lang: Lang,
  birth: BirthLike | null | undefined,
  opts: { monthStyle?: 'numeric' | 'long' } = {},
): string {
  if (!birth) return kit.t(lang, 'kit.birth.unknown');
  const date = birth.date ?? '';
  switch (birth.precision) {
    case 'exact':
      return date ? formatDate(lang, date) : kit.t(lang, 'kit.birth.unknown');
    case 'month':
      return date ? formatMonth(lang, date.slice(0, 7), opts.monthStyle) : kit.t(lang, 'kit.birth.unknown');
    case 'year':
      return date ? date.slice(0, 4) : kit.t(lang, 'kit.birth.unknown');
    case 'estimated':
      // Only the birth year worked out from an estimate (a search result): "vers 1990" / "about 1990".
      if (birth.estimated_age === null || birth.estimated_age === undefined) {
        return /^\d{4}/.test(date)
          ? kit.t(lang, 'kit.birth.about_year', { year: date.slice(0, 4) })
          : kit.t(lang, 'kit.birth.unknown');
      }
      return birth.estimated_on
        ? kit.t(lang, 'kit.birth.estimated', {
            age: formatNumber(lang, birth.estimated_age),
            date: formatDate(lang, birth.estimated_on),
          })
        : kit.t(lang, 'kit.birth.estimated_no_date', { age: formatNumber(lang, birth.estimated_age) });
    default:
      return kit.t(lang, 'kit.birth.unknown');
  }
}

const numberFormat = cache((key: string) => {
  const [lang, min, max] = key.split('|');
  return new Intl.NumberFormat(LOCALE[lang as Lang], {
    minimumFractionDigits: Number(min),
    maximumFractionDigits: Number(max),
  });
});

/** "3 364,5" (fr, narrow no-break space), "3,364.5" (en). At most `maximumFractionDigits` (default 1) decimals. */
export function formatNumber(
  lang: Lang,
  n: number,
  opts: { minimumFractionDigits?: number; maximumFractionDigits?: number } = {},
): string {
  const max = opts.maximumFractionDigits ?? 1;
  const min = Math.min(opts.minimumFractionDigits ?? 0, max);
  return numberFormat(`${lang}|${min}|${max}`).format(n);
}

const percentFormat = cache((key: string) => {
  const [lang, max] = key.split('|');
  return new Intl.NumberFormat(LOCALE[lang as Lang], { style: 'percent', maximumFractionDigits: Number(max) });
});

/** A percentage given as a number of percent (841 → "841 %" fr with a narrow no-break space, "841%" en). */
export function formatPercent(lang: Lang, percent: number, opts: { maximumFractionDigits?: number } = {}): string {
  const out = percentFormat(`${lang}|${opts.maximumFractionDigits ?? 0}`).format(percent / 100);
  // French typography: a narrow no-break space before "%" (ICU gives a full no-break space).
  return lang === 'fr' ? out.replace(/[\u00a0 ]%/, '\u202f%') : out;
}

export type DurationUnit = 'day' | 'month' | 'year';
const unitFormat = cache((key: string) => {
  const [lang, unit] = key.split('|') as [Lang, DurationUnit];
  return new Intl.NumberFormat(LOCALE[lang], { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 });
});
const listFormat = cache((lang: Lang) => new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' }));

/** "12 jours" / "12 days"; "1 an" / "1 year"; "3 mois" / "3 months". */
export function formatUnit(lang: Lang, n: number, unit: DurationUnit): string {
  return unitFormat(`${lang}|${unit}`).format(n);
}

export interface Duration {
  years?: number;
  months?: number;
  days?: number;
}

/** "1 an, 3 mois et 2 jours" / "1 year, 3 months and 2 days"; zero parts are left out; all zero → "0 jour" / "0 days". */
export function formatDuration(lang: Lang, d: Duration | number): string {
  const parts = typeof d === 'number' ? { days: d } : d;
  const out: string[] = [];
  if (parts.years) out.push(formatUnit(lang, parts.years, 'year'));
  if (parts.months) out.push(formatUnit(lang, parts.months, 'month'));
  if (parts.days) out.push(formatUnit(lang, parts.days, 'day'));
  return out.length ? listFormat(lang).format(out) : formatUnit(lang, 0, 'day');
}

/**
 * The calendar distance between two calendar dates (YYYY-MM-DD), as whole years, months and days
 * (from 2025-01-31 to 2025-03-01: 1 month and 1 day). `to` before `from` gives the negative of the reverse.
 */
export function calendarDuration(from: string, to: string): Required<Duration> {
  if (to < from) {
    const r = calendarDuration(to, from);
    return { years: -r.years, months: -r.months, days: -r.days };
  }
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  let days = td - fd;
  if (days < 0) {
    months -= 1;
    // days from the same day-of-month in the previous month (clamped to its length) to `to`
    const prevMonthEnd = new Date(Date.UTC(ty, tm - 1, 0)).getUTCDate();
    days = td + Math.max(0, prevMonthEnd - fd);
  }
  return { years: Math.floor(months / 12), months: months % 12, days };
}
