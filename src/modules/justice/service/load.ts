/**
 * Loading the justice side of admissions: titles (documents at admission and justice titles), the
 * pre-trial rules and settings, charges and hearings, as the pure rules read them.
 */
import { bamakoDate } from '../../../core/dates.js';
import type { Tx } from '../../../db/index.js';
import { custodyBeforePrison } from '../custody-port.js';
import * as repo from '../repository.js';
import {
  type AtLarge,
  type AuthorityKind,
  type CaseInput,
  type HearingOutcome,
  type JusticeSettings,
  type LegalTitle,
  type OffenceCategory,
  type PretrialRule,
  type RuleCategory,
  TITLE_KINDS,
  type TitleKind,
} from '../rules.js';

export function guessAuthorityKind(authority: string): AuthorityKind {
  const a = authority.toLowerCase();
  if (a.includes('pôle') || a.includes('pole judiciaire') || /\bpjs\b/.test(a)) return 'pole_judiciaire_specialise';
  if (a.includes('instruction')) return 'investigating_judge';
  if (a.includes('procureur') || a.includes('parquet')) return 'prosecutor';
  if (a.includes("cour d'appel") || a.includes('cour d’appel')) return 'appeal_court';
  if (a.includes('assises')) return 'assize_court';
  if (a.includes('tribunal')) return 'court_first_instance';
  return 'other';
}

/** A document recorded at admission (custody) is the first version of a title. */
export function documentTitle(d: repo.DocumentRow): LegalTitle | null {
  if (!(TITLE_KINDS as readonly string[]).includes(d.kind)) return null;
  return {
    id: d.id,
    kind: d.kind as TitleKind,
    issuedOn: d.issuedOn,
    recordedAt: d.receivedAt.toISOString(),
    authorityKind: guessAuthorityKind(d.authority),
    authority: d.authority,
    reference: d.reference,
    sentence: d.sentence,
    sentenceStart: d.sentenceStart,
    caseRef: d.caseRef,
  };
}

export function rowTitle(r: repo.LegalTitleRow): LegalTitle {
  return {
    id: r.id,
    kind: r.kind as TitleKind,
    issuedOn: r.issuedOn,
    recordedAt: r.createdAt.toISOString(),
    authorityKind: r.authorityKind as AuthorityKind,
    authority: r.authority,
    reference: r.reference,
    supersedesId: r.supersedesId,
    correctionReason: r.correctionReason,
    withdrawn: r.withdrawnAt !== null,
    withdrawnReason: r.withdrawnReason,
    offenceCategory: r.offenceCategory as OffenceCategory | null,
    effectiveFrom: r.effectiveFrom,
    validUntil: r.validUntil,
    period: r.period,
    sentence: r.sentence,
    sentenceStart: r.sentenceStart,
    remandCreditDays: r.remandCreditDays,
    reduction: r.reduction,
    pardonScope: r.pardonScope as 'full' | 'partial' | null,
    caseRef: r.caseRef,
    relation: r.sentenceRelation,
    relatedToId: r.relatedToId,
    finalOn: r.finalOn,
    appliesToId: r.appliesToId,
    commutedTo: r.commutedTo,
  };
}

export function ruleFromRow(r: repo.RuleRow): PretrialRule & { version: number } {
  return {
    id: r.code,
    category: r.category as RuleCategory,
    legalBasis: r.legalBasis,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    initial: r.initialPeriod,
    renewal: r.renewalPeriod,
    maxRenewals: r.maxRenewals,
    absoluteMax: r.absoluteMax,
    renewalWindowWorkingDays: r.renewalWindowWorkingDays,
    toConfirm: r.toConfirm,
    source: r.source,
    version: r.version,
  };
}

export async function loadSettings(db: Tx): Promise<JusticeSettings> {
  const s = await repo.settings(db);
  return {
    rules: (await repo.rules(db)).map(ruleFromRow),
    expiringWithinDays: s.expiringWithinDays,
    noHearingMonths: s.noHearingMonths,
  };
}

export interface LoadedCase {
  admission: repo.AdmissionRow;
  input: CaseInput;
  rows: repo.LegalTitleRow[];
  docs: repo.DocumentRow[];
  charges: repo.ChargeRow[];
  hearings: repo.HearingRow[];
}

/** Every admission's titles (documents at admission + justice titles), charges and hearings. */
export async function loadCases(db: Tx, admissions: repo.AdmissionRow[]): Promise<LoadedCase[]> {
  const ids = admissions.map((a) => a.id);
  const docs = await repo.documentsOf(db, ids);
  const rows = await repo.titlesOf(db, ids);
  const charges = await repo.chargesOf(db, ids);
  const hearings = await repo.hearingsOf(db, ids);
  const custodyFrom = await custodyBeforePrison(db, ids);
  const by = <T extends { admissionId: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const l = m.get(x.admissionId);
      if (l) l.push(x);
      else m.set(x.admissionId, [x]);
    }
    return m;
  };
  const d = by(docs),
    r = by(rows),
    c = by(charges),
    h = by(hearings);
  return withTransferredTitles(
    db,
    admissions.map((a) => {
      const ad = d.get(a.id) ?? [],
        ar = r.get(a.id) ?? [],
        ac = c.get(a.id) ?? [],
        ah = h.get(a.id) ?? [];
      const titles = [...ad.map(documentTitle).filter((x): x is LegalTitle => !!x), ...ar.map(rowTitle)];
      return {
        admission: a,
        rows: ar,
        docs: ad,
        charges: ac,
        hearings: ah,
        input: {
          admissionId: a.id,
          prisonId: a.prisonId,
          personId: a.personId,
          admittedOn: bamakoDate(a.admittedAt),
          endedOn: a.endedAt ? bamakoDate(a.endedAt) : null,
          titles,
          charges: ac.map((x) => ({ category: x.category, terrorismRelated: x.terrorismRelated })),
          hearings: ah.map((x) => ({ date: bamakoDate(x.scheduledAt), outcome: x.outcome as HearingOutcome | null })),
          custodyFrom: custodyFrom.get(a.id) ?? null,
        },
      };
    }),
  );
}

/**
 * Titles follow the person across transfers and recaptures: an admission that follows a transfer or
 * an escape (the person's previous admission ended with reason "transfer" or "escape", on or before
 * this one began — a recaptured escapee is readmitted on the same file) carries the titles of that
 * admission, and so on back along the chain. The clock does not restart in the receiving prison nor
 * after a recapture; the days unlawfully at large are not time served (`atLarge`, decision 0008).
 */
/** A document's identity across admissions: the same kind, reference and date of issue is the same order. */
const sameDocument = (x: { kind: string; reference: string; issuedOn: string }) =>
  `${x.kind}\u0000${x.reference}\u0000${x.issuedOn}`;

/** The ends of an admission after which the next admission of the same file carries its titles. */
const CARRIED = new Set(['transfer', 'escape']);

async function withTransferredTitles(db: Tx, cases: LoadedCase[]): Promise<LoadedCase[]> {
  if (!cases.length) return cases;
  const all = await repo.admissionsOfPeople(db, [...new Set(cases.map((c) => c.admission.personId))]);
  const byPerson = new Map<string, repo.AdmissionRow[]>();
  for (const a of all) {
    const l = byPerson.get(a.personId);
    if (l) l.push(a);
    else byPerson.set(a.personId, [a]);
  }
  const chains = new Map<string, string[]>();
  const escapes = new Map<string, AtLarge[]>();
  for (const c of cases) {
    const mine = byPerson.get(c.admission.personId) ?? [];
    const chain: string[] = [];
    const atLarge: AtLarge[] = [];
    let cur = c.admission;
    for (;;) {
      const prev = mine.filter((x) => x.id !== cur.id && !chain.includes(x.id) && x.admittedAt < cur.admittedAt).at(-1);
      if (!prev || !CARRIED.has(prev.endReason ?? '') || !prev.endedAt || prev.endedAt > cur.admittedAt) break;
      if (prev.endReason === 'escape') atLarge.push({ from: bamakoDate(prev.endedAt), to: bamakoDate(cur.admittedAt) });
      chain.push(prev.id);
      cur = prev;
    }
    if (chain.length) chains.set(c.admission.id, chain);
    if (atLarge.length) escapes.set(c.admission.id, atLarge.reverse());
  }
  if (!chains.size) return cases;
  const ids = [...new Set([...chains.values()].flat())];
  const docs = await repo.documentsOf(db, ids);
  const rows = await repo.titlesOf(db, ids);
  return cases.map((c) => {
    const chain = chains.get(c.admission.id);
    if (!chain) return c;
    // The receiving prison's admission carries a copy of the document it was admitted on (custody's
    // transferBasis): the same order is one title, not two — the copy, the receiving prison's own, stays.
    const own = new Set(c.docs.map(sameDocument));
    const d = docs.filter((x) => chain.includes(x.admissionId) && !own.has(sameDocument(x))),
      r = rows.filter((x) => chain.includes(x.admissionId));
    const titles = [...d.map(documentTitle).filter((x): x is LegalTitle => !!x), ...r.map(rowTitle), ...c.input.titles];
    const atLarge = escapes.get(c.admission.id);
    return {
      ...c,
      docs: [...d, ...c.docs],
      rows: [...r, ...c.rows],
      input: { ...c.input, titles, ...(atLarge ? { atLarge } : {}) },
    };
  });
}
