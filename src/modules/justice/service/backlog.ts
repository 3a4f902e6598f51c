/**
 * The backlog per prison and over all the prisons in scope, and its CSV.
 */
import { stringify } from 'csv-stringify/sync';
import { type Actor, scopeFilter } from '../../../core/access.js';
import { bamakoDate, endOfBamakoDay, startOfBamakoDay } from '../../../core/dates.js';
import { t, type Lang } from '../../../core/i18n.js';
import type { Db } from '../../../db/index.js';
import '../backlog-messages.js';
import * as estateRepo from '../../estate/index.js';
import { addMonths } from '../calendar.js';
import * as repo from '../repository.js';
import { backlogFigures, type BacklogFigures } from '../rules.js';
import { resolvePrison, staffPrisonScope } from './access.js';
import { checkAsOf } from './file.js';
import { loadCases, loadSettings } from './load.js';
import { backlogFromStates } from './stored.js';

export interface BacklogReport {
  as_of: string;
  overall: BacklogFigures;
  prisons: { prison_id: string; code: string; name: string; figures: BacklogFigures }[];
}

/** The backlog per prison and over all the prisons in scope, from the records as of a date. */
export async function backlog(
  db: Db,
  actor: Actor,
  opts: { prison?: string; as_of?: string } = {},
): Promise<BacklogReport> {
  const day = checkAsOf(opts.as_of);
  staffPrisonScope(actor, 'justice.read');
  const prisonRows = opts.prison
    ? [await resolvePrison(db, actor, opts.prison)]
    : await estateRepo.findPrisons(db, scopeFilter(actor));
  if (day >= bamakoDate()) return backlogFromStates(db, prisonRows, day);
  const ids = prisonRows.map((p) => p.id);
  const settings = await loadSettings(db);
  // Hearings are counted over the 12 months up to the date: load every admission that overlaps them.
  const windowStart = startOfBamakoDay(addMonths(`${day.slice(0, 7)}-01`, -11));
  const cases = ids.length
    ? await loadCases(db, await repo.admissionsOverlapping(db, ids, windowStart, endOfBamakoDay(day)))
    : [];
  const inputs = cases.map((c) => c.input);
  return {
    as_of: day,
    overall: backlogFigures(inputs, day, settings),
    prisons: prisonRows.map((p) => ({
      prison_id: p.id,
      code: p.code,
      name: p.name,
      figures: backlogFigures(
        inputs.filter((c) => c.prisonId === p.id),
        day,
        settings,
      ),
    })),
  };
}

/** The backlog CSV's columns before the hearings per month, by code (the headings' message keys: justice.csv.<code>). */
export const BACKLOG_CSV_CODES = [
  'prison',
  'as_of',
  'held',
  'untried',
  'under_investigation',
  'awaiting_trial',
  'sentenced',
  'convicted',
  'appealing',
  'release_pending',
  'sentenced_percent',
  'untried_percent',
  'pretrial_median_days',
  'pretrial_mean_days',
  'pretrial_longest_days',
  'expired_titles',
  'expiring_titles',
  'no_hearing',
  'terrorism_held',
  'terrorism_untried',
  'terrorism_sentenced',
  'terrorism_sentenced_percent',
  'terrorism_pretrial_median_days',
  ...['lt_1m', '1_3m', '3_6m', '6_12m', '1_2y', '2_3y', 'gt_3y'].map((b) => `pretrial_${b}`),
] as const;

/** How the CSV names its columns: words of a language, or stable codes for programs. */
export type CsvHeaders = 'labels' | 'codes';

/**
 * The backlog as CSV: one row per prison and a total row; hearings per month as columns. The columns
 * are always in the same order; their headings are labels in the reader's language, or the codes
 * (`headers: 'codes'`: prison, as_of, held, …, hearings_2026-11) that a program can rely on.
 */
export function backlogCsv(r: BacklogReport, opts: { lang: Lang; headers?: CsvHeaders }): string {
  const months = r.overall.hearingsPerMonth.map((m) => m.month);
  const codes = BACKLOG_CSV_CODES;
  const asCodes = opts.headers === 'codes';
  const header = [
    ...codes.map((c) => (asCodes ? c : t(opts.lang, `justice.csv.${c}`))),
    ...months.map((m) => (asCodes ? `hearings_${m}` : t(opts.lang, 'justice.csv.hearings', { month: m }))),
  ];
  const row = (code: string, f: BacklogFigures) => [
    code,
    r.as_of,
    f.all.total,
    f.all.untried,
    f.all.underInvestigation,
    f.all.awaitingTrial,
    f.all.sentenced,
    f.all.convicted,
    f.all.appealing,
    f.all.releasePending,
    f.all.sentencedPercent ?? '',
    f.all.untriedPercent ?? '',
    f.all.pretrial.medianDays ?? '',
    f.all.pretrial.meanDays ?? '',
    f.all.pretrial.longestDays ?? '',
    f.all.expiredTitles,
    f.all.expiringTitles,
    f.all.noHearing,
    f.terrorismRelated.total,
    f.terrorismRelated.untried,
    f.terrorismRelated.sentenced,
    f.terrorismRelated.sentencedPercent ?? '',
    f.terrorismRelated.pretrial.medianDays ?? '',
    ...f.all.pretrial.distribution.map((b) => b.count),
    ...f.hearingsPerMonth.map((m) => m.count),
  ];
  return stringify(
    [
      header,
      ...r.prisons.map((p) => row(p.code, p.figures)),
      row(asCodes ? 'ALL' : t(opts.lang, 'justice.csv.all'), r.overall),
    ],
    {
      escape_formulas: true,
    },
  );
}
