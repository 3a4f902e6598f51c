/**
 * Alert episodes, pure: the stretches of time an alert was on, and those the pre-trial periods show.
 */
import { addDays } from '../calendar.js';
import type { PretrialComputation } from './periods.js';

export const EPISODE_KINDS = ['expired', 'no_title', 'release_due', 'category_assumed'] as const;
export type EpisodeKind = (typeof EPISODE_KINDS)[number];

/** One stretch of time an alert was on: from its first day to its last (null while it lasts), and what ended it. */
export interface AlertEpisode {
  kind: EpisodeKind;
  from: string;
  to: string | null;
  resolvedByTitleId: string | null;
}

/**
 * The "held without a valid title" episodes the titles show: every gap (closed by the title that
 * ended it) and, when expired now, the open one since the day after expiry. A late extension
 * closes an episode; it never removes it.
 */
export function expiredEpisodes(p: PretrialComputation): AlertEpisode[] {
  const out: AlertEpisode[] = p.gaps.map((g) => ({
    kind: 'expired',
    from: g.from,
    to: g.to,
    resolvedByTitleId: g.closedBy,
  }));
  if (p.expired && p.expiresOn)
    out.push({ kind: 'expired', from: addDays(p.expiresOn, 1), to: null, resolvedByTitleId: null });
  return out;
}
