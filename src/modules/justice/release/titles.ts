/**
 * Release dates from the legal titles, pure: the sentences in force read from the convictions,
 * appeals, remissions and pardons, grouped by case. See release.ts.
 */
import { addDays, isEmptyPeriod, minDate } from '../calendar.js';
import { deriveLegalSituation, isReleaseOutcome } from '../rules/situation.js';
import { effectiveTitles, type LegalTitle } from '../rules/titles.js';
import { computeRelease } from './multi.js';
import type { MultiRelease, MultiReleaseInput, RemandSpan, SentenceRecord, SentenceReduction } from './records.js';

/** A case a title belongs to: its case number when recorded, else the sequence (a new committal order after a release opens a new case). */
function caseKeys(list: readonly LegalTitle[]): { keys: Map<string, string>; remandOwner: (t: LegalTitle) => string } {
  const keys = new Map<string, string>();
  const seqOf = new Map<string, number>();
  const firstConviction = new Map<number, string>();
  let seq = 0;
  let released = false;
  for (const t of list) {
    if ((t.kind === 'committal_order' || t.kind === 'arrest_warrant') && released) {
      seq++;
      released = false;
    }
    if (t.kind === 'acquittal' || t.kind === 'release_order') released = true;
    const key = t.caseRef?.trim() ? t.caseRef.trim() : `seq:${seq}`;
    keys.set(t.id, key);
    seqOf.set(t.id, seq);
    if (t.kind === 'conviction' && t.sentence && !firstConviction.has(seq)) firstConviction.set(seq, key);
  }
  // A detention order with no case number is remand for the first case judged in its sequence.
  const remandOwner = (t: LegalTitle) =>
    t.caseRef?.trim() ? keys.get(t.id)! : (firstConviction.get(seqOf.get(t.id)!) ?? keys.get(t.id)!);
  return { keys, remandOwner };
}

const APPEAL_COURTS = new Set(['appeal_court', 'supreme_court']);

/**
 * The sentences in force, their reductions and each case's remand, from the titles (of every
 * admission of the person that the titles followed across transfers).
 */
export function sentencesFromTitles(
  titles: readonly LegalTitle[],
  detentionStart: string | null,
  asOf?: string,
): MultiReleaseInput & { pardonedAll: LegalTitle | null } {
  const list = effectiveTitles(titles).filter((t) => !asOf || t.issuedOn <= asOf);
  const { keys, remandOwner } = caseKeys(list);
  const convictions = list.filter((t) => t.kind === 'conviction' && t.sentence);
  // An appeal court's judgment replaces the earlier judgment of the same case that was appealed.
  const replaced = new Set<string>();
  for (const c of convictions) {
    if (!APPEAL_COURTS.has(c.authorityKind)) continue;
    for (const e of convictions) {
      if (e === c || keys.get(e.id) !== keys.get(c.id) || e.issuedOn > c.issuedOn) continue;
      const appealed = list.some(
        (a) =>
          a.kind === 'appeal' &&
          (a.appliesToId ? a.appliesToId === e.id : keys.get(a.id) === keys.get(e.id)) &&
          a.issuedOn >= e.issuedOn &&
          a.issuedOn <= c.issuedOn,
      );
      if (appealed && (c.relation === null || c.relation === undefined)) replaced.add(e.id);
    }
  }
  // Acquittal or release order: ends the sentences of its case judged before it (a retrial, an appeal acquitting).
  for (const o of list.filter((t) => t.kind === 'acquittal' || t.kind === 'release_order')) {
    for (const c of convictions) if (keys.get(c.id) === keys.get(o.id) && c.issuedOn <= o.issuedOn) replaced.add(c.id);
  }
  const inForce = convictions.filter((c) => !replaced.has(c.id));
  const sentences: SentenceRecord[] = inForce.map((c) => ({
    id: c.id,
    reference: c.reference,
    caseKey: keys.get(c.id)!,
    judgedOn: c.issuedOn,
    sentence: c.sentence!,
    start: c.sentenceStart ?? null,
    relation: c.relation ?? null,
    relatedTo: c.relatedToId ?? null,
    remandCreditDays: c.remandCreditDays ?? null,
    finalOn: c.finalOn ?? null,
    appealPending: list.some(
      (a) =>
        a.kind === 'appeal' &&
        (a.appliesToId ? a.appliesToId === c.id : keys.get(a.id) === keys.get(c.id)) &&
        a.issuedOn >= c.issuedOn,
    ),
  }));
  const ids = new Set(sentences.map((s) => s.id));
  const reductions: SentenceReduction[] = [];
  let pardonedAll: LegalTitle | null = null;
  for (const r of list.filter((t) => t.kind === 'remission' || t.kind === 'pardon')) {
    let sentenceId = r.appliesToId && ids.has(r.appliesToId) ? r.appliesToId : null;
    const assumed = !sentenceId;
    if (!sentenceId) {
      // Not named: the latest sentence judged on or before it (the rule before sentences were named).
      const before = sentences.filter((s) => s.judgedOn <= r.issuedOn);
      sentenceId = before[before.length - 1]?.id ?? null;
    }
    if (!sentenceId) continue;
    const full =
      r.kind === 'pardon' &&
      (r.pardonScope ?? (isEmptyPeriod(r.reduction) && isEmptyPeriod(r.commutedTo) ? 'full' : 'partial')) === 'full';
    if (full && assumed) {
      pardonedAll = r;
      continue;
    }
    if (r.commutedTo && !isEmptyPeriod(r.commutedTo))
      reductions.push({
        id: r.id,
        kind: 'commutation',
        reference: r.reference,
        issuedOn: r.issuedOn,
        sentenceId,
        commutedTo: r.commutedTo,
        assumed,
      });
    if (!isEmptyPeriod(r.reduction) || full)
      reductions.push({
        id: r.id,
        kind: r.kind as 'remission' | 'pardon',
        reference: r.reference,
        issuedOn: r.issuedOn,
        sentenceId,
        period: r.reduction ?? null,
        full,
        assumed,
      });
  }
  // Remand per case: from its first detention order (the first case: or the first day in detention) to the day before its first judgment.
  const remand: RemandSpan[] = [];
  const firstKey = list[0] ? remandOwner(list[0]) : undefined;
  for (const key of new Set(sentences.map((s) => s.caseKey))) {
    const orders = list.filter(
      (t) =>
        remandOwner(t) === key &&
        (t.kind === 'committal_order' || t.kind === 'arrest_warrant' || t.kind === 'extension_order'),
    );
    const judged = convictions
      .filter((t) => keys.get(t.id) === key)
      .map((t) => t.issuedOn)
      .sort()[0];
    let from = orders[0] ? (orders[0].effectiveFrom ?? orders[0].issuedOn) : null;
    if (key === firstKey && detentionStart) from = from ? minDate(from, detentionStart) : detentionStart;
    if (from && judged && from < judged) remand.push({ caseKey: key, from, to: addDays(judged, -1) });
  }
  return { sentences, reductions, remand, pardonedAll };
}

/**
 * The release date of a convicted person from their titles: every sentence in force, each with its
 * case's remand credit and the reductions naming it. A full pardon that names no sentence releases on
 * its date (the rule before sentences were named).
 */
export function releaseFromTitles(
  titles: readonly LegalTitle[],
  detentionStart: string | null,
  asOf?: string,
): MultiRelease | null {
  const sit = deriveLegalSituation(titles, asOf);
  const input = sentencesFromTitles(titles, detentionStart, asOf);
  if (sit.status === 'pardoned' && sit.outcome && input.pardonedAll) {
    const o = sit.outcome;
    return {
      releaseOn: o.issuedOn,
      sentenceEnd: null,
      servedInFull: false,
      steps: [
        {
          key: 'justice.release.step.pardon_full',
          params: { reference: o.reference, date: o.issuedOn },
          date: o.issuedOn,
        },
      ],
      sentences: [],
      creditDays: 0,
    };
  }
  if (isReleaseOutcome(sit.status) && sit.status !== 'pardoned') return null;
  if (!input.sentences.length) return null;
  return computeRelease(input);
}
