/**
 * The justice side of a file: titles with every version, status and basis, limits, release date,
 * hearings, alerts and their history.
 */
import type { Actor } from '../../../core/access.js';
import { bamakoDate } from '../../../core/dates.js';
import { invalid } from '../../../core/errors.js';
import { type Lang, t } from '../../../core/i18n.js';
import { recordAccess } from '../../../core/history.js';
import type { Db, Tx } from '../../../db/index.js';
import { isDate } from '../calendar.js';
import { hasFelony } from '../../custody/index.js';
import '../messages.js';
import * as repo from '../repository.js';
import { alertsForCase, evaluateCase, isSentenced, isUntried, type JusticeSettings, sortAlerts } from '../rules.js';
import { visibleAdmission } from './access.js';
import { alertHistory } from './history.js';
import { loadCases, type LoadedCase, loadSettings } from './load.js';
import { alertView, chargeWording, hearingView, statusLabel, stepView, titleViews } from './views.js';

export async function justiceFileOf(
  db: Tx,
  actor: Actor,
  c: LoadedCase,
  asOf: string,
  settings: JusticeSettings,
  lang: Lang = actor.lang,
) {
  const e = evaluateCase(c.input, asOf, settings);
  const names = await repo.peopleNames(db, [c.admission.personId]);
  const n = names.get(c.admission.personId);
  const sentenced = isSentenced(e.situation.status);
  const titles = titleViews(c, lang);
  return {
    admission: {
      id: c.admission.id,
      prison_id: c.admission.prisonId,
      person_id: c.admission.personId,
      committal_number: c.admission.committalNumber,
      admitted_at: c.admission.admittedAt.toISOString(),
      ended_at: c.admission.endedAt?.toISOString() ?? null,
      legal_status: c.admission.legalStatus,
    },
    person: { family_name: n?.familyName ?? '', given_names: n?.givenNames ?? '' },
    as_of: asOf,
    status: e.situation.status,
    status_label: statusLabel(
      lang,
      e.situation.status,
      e.category === 'felony' || e.category === 'terrorism' || hasFelony(c.charges),
    ),
    untried: isUntried(e.situation.status),
    basis: titles.find((x) => x.id === e.situation.basis?.id) ?? null,
    charges: c.charges.map((x) => ({
      id: x.id,
      qualification: x.qualification,
      category: x.category,
      terrorism_related: x.terrorismRelated,
      wording: chargeWording(lang, x.qualification, sentenced),
    })),
    titles,
    warnings: e.situation.warnings.map((w) => ({ key: w.key, title_id: w.titleId || null, text: t(lang, w.key) })),
    pretrial: {
      applies: e.pretrial.applies,
      category: e.category,
      category_label: t(lang, `justice.category.${e.category}`),
      category_assumed: e.categoryAssumed,
      rule: e.pretrial.rule
        ? {
            id: e.pretrial.rule.id,
            legal_basis: e.pretrial.rule.legalBasis,
            to_confirm: [...e.pretrial.rule.toConfirm],
          }
        : null,
      start: e.pretrial.start,
      days_in_pretrial: e.pretrial.daysInPretrial,
      current_title_id: e.pretrial.currentTitleId,
      expires_on: e.pretrial.expiresOn,
      days_left: e.pretrial.daysLeft,
      expired: e.pretrial.expired,
      legal_maximum_on: e.pretrial.legalMaximumOn,
      renewals_used: e.pretrial.renewalsUsed,
      renewals_allowed: e.pretrial.renewalsAllowed,
      gaps: e.pretrial.gaps,
      days_without_title: e.pretrial.daysWithoutTitle,
      category_assumed_label: e.categoryAssumed ? t(lang, 'justice.category.assumed') : null,
      periods: e.pretrial.periods.map((p) => ({ ...p, flag_labels: p.flags.map((f) => t(lang, `justice.flag.${f}`)) })),
    },
    release: e.release
      ? {
          release_on: e.release.releaseOn,
          sentence_end: e.release.sentenceEnd,
          served_in_full: e.release.servedInFull,
          steps: e.release.steps.map((s) => stepView(s, lang)),
        }
      : null,
    hearings: c.hearings.map((h) => hearingView(h, lang)),
    last_hearing_on: e.lastHearingOn,
    next_hearing_on: e.nextHearingOn,
    alerts: sortAlerts(alertsForCase(e, settings)).map((a) => alertView(a, lang)),
    /** Every stretch of time a legality alert was on, kept after what ended it (a late extension closes it, never removes it). */
    alert_history: await alertHistory(db, lang, c.admission.id, e, settings),
  };
}
export type JusticeFile = Awaited<ReturnType<typeof justiceFileOf>>;

/** The justice side of a file: titles with every version, status and basis, limits, release date, hearings, alerts. */
export async function getJusticeFile(
  db: Db,
  actor: Actor,
  admissionId: string,
  opts: { asOf?: string; lang?: Lang } = {},
): Promise<JusticeFile> {
  const asOf = checkAsOf(opts.asOf);
  return db.transaction(async (tx) => {
    const { a, access } = await visibleAdmission(tx, actor, admissionId, 'justice.read');
    if (access.partner)
      await recordAccess(tx, actor, {
        category: 'partner',
        action: 'read',
        entity: 'admission',
        entityId: a.id,
        personId: a.personId,
        prisonId: a.prisonId,
      });
    const [c] = await loadCases(tx, [a]);
    return justiceFileOf(tx, actor, c, asOf, await loadSettings(tx), opts.lang);
  });
}

export function checkAsOf(asOf: string | undefined, field = '/as_of'): string {
  if (asOf === undefined || asOf === '') return bamakoDate();
  if (!isDate(asOf)) throw invalid([{ field, key: 'field.invalid_date' }]);
  return asOf;
}
