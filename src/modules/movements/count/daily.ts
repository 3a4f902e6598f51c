/**
 * The daily state ("situation journalière") of a prison for a Bamako day: population at the start
 * and the end, the day's ins and outs by kind, the population by legal status, who is out on escort,
 * the day's counts and their results; and the national view summing the prisons.
 */
import { authorize, type Actor, scopeFilter } from '../../../core/access.js';
import { bamakoDate, endOfBamakoDay, startOfBamakoDay } from '../../../core/dates.js';
import type { Db } from '../../../db/index.js';
import { admissionsBegunAndEnded, populationByStatus } from '../../custody/index.js';
import { findPrisons, getPrison, type PrisonRow } from '../../estate/index.js';
import { escortViews } from './escorts.js';
import * as repo from './repository.js';
import { dailyBalance, dailyMovements, isOutAt, sumDaily, type DailyTotals } from './rules.js';
import type { DailyStateT, NationalStateT } from './schemas.js';
import { roundSummaries } from './service.js';

type Figures = DailyTotals & ReturnType<typeof dailyBalance>;

async function figuresOf(db: Db, prisons: readonly PrisonRow[], day: string): Promise<Map<string, Figures>> {
  const ids = prisons.map((p) => p.id);
  const from = startOfBamakoDay(day);
  const to = endOfBamakoDay(day);
  const now = new Date();
  const until = now < to ? now : to;
  const [start, end, moves, escorts] = await Promise.all([
    populationByStatus(db, ids, from),
    populationByStatus(db, ids, to),
    admissionsBegunAndEnded(db, ids, from, to),
    repo.escortsBetween(db, ids, from, to),
  ]);
  const out = new Map<string, Figures>();
  for (const id of ids) {
    const byStatus: Record<string, number> = {};
    for (const r of end.filter((x) => x.prison_id === id)) byStatus[r.legal_status] = r.n;
    const totals: DailyTotals = {
      population_start: start.filter((x) => x.prison_id === id).reduce((s, x) => s + x.n, 0),
      population_end: end.filter((x) => x.prison_id === id).reduce((s, x) => s + x.n, 0),
      ...dailyMovements(
        moves.arrivals.filter((a) => a.prison_id === id),
        moves.ends.filter((e) => e.prison_id === id),
      ),
      by_status: byStatus,
      out_on_escort: escorts.filter(
        (e) =>
          e.prisonId === id &&
          isOutAt({ out_at: e.outAt, expected_back_at: e.expectedBackAt, back_at: e.backAt }, until),
      ).length,
    };
    out.set(id, { ...totals, ...dailyBalance(totals) });
  }
  return out;
}

export async function dailyState(db: Db, actor: Actor, prisonRef: string, date?: string): Promise<DailyStateT> {
  const prison = await getPrison(db, actor, prisonRef);
  authorize(actor, 'statistics.read', prison.id);
  const day = date ?? bamakoDate();
  const figures = (await figuresOf(db, [prison], day)).get(prison.id)!;
  const from = startOfBamakoDay(day);
  const to = endOfBamakoDay(day);
  const now = new Date();
  const escorts = await escortViews(db, await repo.escortsBetween(db, [prison.id], from, to), now < to ? now : to);
  const rounds = await roundSummaries(db, prison.id, await repo.roundsOfDay(db, [prison.id], day));
  return {
    prison_id: prison.id,
    prison_code: prison.code,
    prison_name: prison.name,
    date: day,
    ...figures,
    escorts,
    rounds,
  };
}

/** The national view: every prison in the actor's scope, and their sum. */
export async function nationalState(db: Db, actor: Actor, date?: string): Promise<NationalStateT> {
  authorize(actor, 'statistics.read');
  const day = date ?? bamakoDate();
  const prisons = await findPrisons(db, scopeFilter(actor));
  const figures = await figuresOf(db, prisons, day);
  const rows = prisons.map((p) => ({
    prison_id: p.id,
    prison_code: p.code,
    prison_name: p.name,
    ...figures.get(p.id)!,
  }));
  const total = sumDaily(rows);
  return { date: day, ...total, ...dailyBalance(total), prisons: rows };
}
