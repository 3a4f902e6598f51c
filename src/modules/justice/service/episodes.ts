/**
 * The stored justice state (issue 9): each admission's state and its alert episodes, recomputed and
 * stored so the alert list and the backlog read a table.
 */
import type { Actor } from '../../../core/access.js';
import { bamakoDate } from '../../../core/dates.js';
import { recordChange } from '../../../core/history.js';
import { newId } from '../../../core/ids.js';
import type { Tx } from '../../../db/index.js';
import { addDays } from '../calendar.js';
import type { LegalStatus } from '../../custody/index.js';
import * as repo from '../repository.js';
import {
  alertsForCase,
  evaluateCase,
  type JusticeSettings,
  type OffenceCategory,
  type CaseEvaluation,
  type AlertEpisode,
  expiredEpisodes,
} from '../rules.js';
import { type JusticeSnapshot, snapshotOf } from '../state.js';
import { loadCases, type LoadedCase, loadSettings } from './load.js';

function stateRow(s: JusticeSnapshot): typeof import('../schema.js').justiceState.$inferInsert {
  return {
    admissionId: s.admissionId,
    prisonId: s.prisonId,
    computedOn: s.computedOn,
    status: s.status,
    category: s.category,
    categoryAssumed: s.categoryAssumed,
    terrorismRelated: s.terrorismRelated,
    hasDetentionOrder: s.hasDetentionOrder,
    pretrialStart: s.pretrialStart,
    expiresOn: s.expiresOn,
    periods: s.periods,
    basisTitleId: s.basisTitleId,
    judgmentOn: s.judgmentOn,
    releaseOn: s.releaseOn,
    releaseTitleId: s.releaseTitleId,
    outcomeOn: s.outcomeOn,
    lastHearingOn: s.lastHearingOn,
    gapDays: s.gapDays,
    stale: false,
    refreshedAt: new Date(),
  };
}

export function rowSnapshot(r: repo.HeldStateRow): JusticeSnapshot {
  return {
    admissionId: r.id,
    prisonId: r.prison_id,
    personId: r.person_id,
    admittedOn: r.admitted_on,
    endedOn: r.ended_on,
    computedOn: r.computed_on!,
    status: r.status as LegalStatus,
    category: r.category as OffenceCategory,
    categoryAssumed: !!r.category_assumed,
    terrorismRelated: !!r.terrorism_related,
    hasDetentionOrder: !!r.has_detention_order,
    pretrialStart: r.pretrial_start,
    expiresOn: r.expires_on,
    periods: r.periods ?? [],
    basisTitleId: r.basis_title_id,
    judgmentOn: r.judgment_on,
    releaseOn: r.release_on,
    releaseTitleId: r.release_title_id,
    outcomeOn: r.outcome_on,
    lastHearingOn: r.last_hearing_on,
    gapDays: r.gap_days ?? 0,
  };
}

/** The episodes a case shows today: every gap and the open expiry, and the other legality alerts that are on. */
export function derivedEpisodes(e: CaseEvaluation, settings: JusticeSettings): AlertEpisode[] {
  const out = expiredEpisodes(e.pretrial).filter((x) => x.to !== null || e.held);
  const first = e.pretrial.start ?? e.asOf;
  for (const a of alertsForCase(e, settings)) {
    if (a.kind === 'no_title') out.push({ kind: 'no_title', from: first, to: null, resolvedByTitleId: null });
    else if (a.kind === 'release_due')
      out.push({ kind: 'release_due', from: a.date ?? e.asOf, to: null, resolvedByTitleId: null });
    else if (a.kind === 'category_assumed')
      out.push({ kind: 'category_assumed', from: first, to: null, resolvedByTitleId: null });
  }
  return out;
}

/**
 * Record the alert episodes: a new one opens (or, for a gap found after the fact, is recorded
 * closed); an open one is closed when the titles show its end (a late extension: the day before it)
 * or when the alert is no longer on (the day before today). Episodes are never deleted.
 */
async function syncEpisodes(
  tx: Tx,
  actor: Actor | null,
  c: LoadedCase,
  e: CaseEvaluation,
  settings: JusticeSettings,
  existing: repo.AlertEpisodeRow[],
  because: string,
): Promise<void> {
  const key = (kind: string, from: string) => `${kind}|${from}`;
  const byKey = new Map(existing.map((x) => [key(x.kind, x.fromOn), x]));
  /** Keys handled above (open now, or just closed): left alone by the closing pass. */
  const stillOpen = new Set<string>();
  const base = { personId: c.admission.personId, prisonId: c.admission.prisonId };
  for (const d of derivedEpisodes(e, settings)) {
    const k = key(d.kind, d.from);
    const ex = byKey.get(k);
    if (!ex) {
      const id = newId();
      const inserted = await repo.insertEpisode(tx, {
        id,
        admissionId: c.admission.id,
        prisonId: c.admission.prisonId,
        personId: c.admission.personId,
        kind: d.kind,
        fromOn: d.from,
        toOn: d.to,
        resolvedByTitleId: d.resolvedByTitleId,
        resolvedBy: d.to ? because : null,
        closedAt: d.to ? new Date() : null,
      });
      if (inserted)
        await recordChange(tx, actor, {
          entity: 'alert_episode',
          entityId: id,
          ...base,
          action: d.to ? 'record_closed' : 'open',
          reason: because,
          after: {
            admission_id: c.admission.id,
            kind: d.kind,
            from: d.from,
            to: d.to,
            resolved_by_title_id: d.resolvedByTitleId,
          },
        });
      if (!d.to) stillOpen.add(k);
    } else if (ex.toOn === null && d.to !== null) {
      await repo.closeEpisode(tx, ex.id, d.to, d.resolvedByTitleId, because);
      await recordChange(tx, actor, {
        entity: 'alert_episode',
        entityId: ex.id,
        ...base,
        action: 'close',
        reason: because,
        before: { to: null },
        after: { to: d.to, resolved_by_title_id: d.resolvedByTitleId },
      });
      stillOpen.add(k); // handled: not closed again below
    } else if (d.to === null) {
      stillOpen.add(k);
      // The title that ended it is gone (withdrawn, corrected): the alert is on again. The change log keeps the closing.
      if (ex.toOn !== null) {
        await repo.reopenEpisode(tx, ex.id);
        await recordChange(tx, actor, {
          entity: 'alert_episode',
          entityId: ex.id,
          ...base,
          action: 'reopen',
          reason: because,
          before: { to: ex.toOn, resolved_by_title_id: ex.resolvedByTitleId, resolved_by: ex.resolvedBy },
          after: { to: null },
        });
      }
    }
  }
  const yesterday = addDays(e.asOf, -1);
  for (const ex of existing) {
    if (ex.toOn !== null || stillOpen.has(key(ex.kind, ex.fromOn))) continue;
    const to = yesterday < ex.fromOn ? ex.fromOn : yesterday;
    await repo.closeEpisode(tx, ex.id, to, null, because);
    await recordChange(tx, actor, {
      entity: 'alert_episode',
      entityId: ex.id,
      ...base,
      action: 'close',
      reason: because,
      before: { to: null },
      after: { to },
    });
  }
}

/** Recompute and store the justice state of these admissions as of today, with their alert episodes. */
export async function refreshJusticeStates(
  tx: Tx,
  admissions: repo.AdmissionRow[],
  actor: Actor | null = null,
  because = 'refresh',
): Promise<Map<string, JusticeSnapshot>> {
  const out = new Map<string, JusticeSnapshot>();
  if (!admissions.length) return out;
  const today = bamakoDate();
  const settings = await loadSettings(tx);
  const cases = await loadCases(tx, admissions);
  const episodes = await repo.episodesOf(
    tx,
    admissions.map((a) => a.id),
  );
  const rows: ReturnType<typeof stateRow>[] = [];
  for (const c of cases) {
    const e = evaluateCase(c.input, today, settings);
    const snap = snapshotOf(e, c.input);
    out.set(c.admission.id, snap);
    rows.push(stateRow(snap));
    await syncEpisodes(
      tx,
      actor,
      c,
      e,
      settings,
      episodes.filter((x) => x.admissionId === c.admission.id),
      because,
    );
  }
  await repo.upsertStates(tx, rows);
  return out;
}
