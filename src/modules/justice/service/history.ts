/**
 * The alert history of a file: the recorded episodes, plus those the titles show that are not
 * recorded yet.
 */
import { t } from '../../../core/i18n.js';
import type { Tx } from '../../../db/index.js';
import { daysBetween } from '../calendar.js';
import '../messages.js';
import * as repo from '../repository.js';
import type { JusticeSettings, CaseEvaluation } from '../rules.js';
import { derivedEpisodes } from './episodes.js';

export interface EpisodeView {
  kind: string;
  label: string;
  from: string;
  to: string | null;
  days: number;
  resolved_by_title_id: string | null;
  resolved_by: string | null;
  recorded: boolean;
}

/** The alert history of a file: the recorded episodes, plus those the titles show that are not recorded yet. */
export async function alertHistory(
  db: Tx,
  lang: 'fr' | 'en',
  admissionId: string,
  e: CaseEvaluation,
  settings: JusticeSettings,
): Promise<EpisodeView[]> {
  const stored = await repo.episodesOf(db, [admissionId]);
  const seen = new Set(stored.map((x) => `${x.kind}|${x.fromOn}`));
  const view = (
    kind: string,
    from: string,
    to: string | null,
    byTitle: string | null,
    by: string | null,
    recorded: boolean,
  ): EpisodeView => ({
    kind,
    label: t(lang, `justice.episode.${kind}`),
    from,
    to,
    days: daysBetween(from, to ?? e.asOf) + 1,
    resolved_by_title_id: byTitle,
    resolved_by: by,
    recorded,
  });
  const out = stored.map((x) => view(x.kind, x.fromOn, x.toOn, x.resolvedByTitleId, x.resolvedBy, true));
  for (const d of derivedEpisodes(e, settings))
    if (!seen.has(`${d.kind}|${d.from}`)) out.push(view(d.kind, d.from, d.to, d.resolvedByTitleId, null, false));
  return out.sort((a, b) => a.from.localeCompare(b.from) || a.kind.localeCompare(b.kind));
}
