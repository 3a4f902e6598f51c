/**
 * Legal titles, pure: the kinds of title and of issuing authority, the offence categories, and the
 * versions of a title (a correction supersedes, a withdrawal keeps the row). See rules.ts and docs/justice.md.
 */
import type { Period } from '../calendar.js';
import type { Sentence, SentenceRelation } from '../release.js';

export const TITLE_KINDS = [
  'committal_order', // mandat de dépôt
  'arrest_warrant', // mandat d'arrêt
  'extension_order', // ordonnance de prolongation / de maintien en détention
  'committal_for_trial', // ordonnance de renvoi / arrêt de mise en accusation
  'conviction', // jugement ou arrêt de condamnation (with the sentence)
  'acquittal', // relaxe / acquittement
  'release_order', // ordonnance de mise en liberté, mainlevée
  'appeal', // appel (against a judgment)
  'pardon', // grâce (full, or partial: a reduction)
  'remission', // remise de peine
] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];

/** Orders that hold a person during the investigation. */
export const DETENTION_ORDER_KINDS: readonly TitleKind[] = ['committal_order', 'arrest_warrant', 'extension_order'];

export const AUTHORITY_KINDS = [
  'investigating_judge', // juge d'instruction
  'prosecutor', // procureur de la République
  'pole_judiciaire_specialise', // Pôle judiciaire spécialisé (terrorism, transnational organised crime)
  'liberty_detention_college', // Collège des libertés et de la détention (CPP 2024)
  'court_first_instance', // tribunal de première instance / de grande instance
  'indictment_chamber', // chambre d'accusation
  'assize_court', // cour d'assises (CPP 2001)
  'criminal_chamber', // chambre criminelle (CPP 2024)
  'appeal_court', // cour d'appel
  'supreme_court', // Cour suprême
  'head_of_state', // pardons
  'other',
] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const OFFENCE_CATEGORIES = ['misdemeanour_2y_or_less', 'misdemeanour_over_2y', 'felony', 'terrorism'] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export interface LegalTitle {
  id: string;
  kind: TitleKind;
  issuedOn: string;
  /** When the prison recorded it (ISO instant): orders ties between titles of the same day. */
  recordedAt?: string | null;
  authorityKind: AuthorityKind;
  authority: string;
  reference: string;
  /** This version corrects that one (the old one stays, superseded). */
  supersedesId?: string | null;
  correctionReason?: string | null;
  /** Recorded in error (wrong person, never issued): kept, but no longer in force. */
  withdrawn?: boolean;
  withdrawnReason?: string | null;
  /** Detention orders: the offence category that sets the limits, when the order says it. */
  offenceCategory?: OffenceCategory | null;
  /** Detention orders: first day covered when not the day of issue. */
  effectiveFrom?: string | null;
  /** A last day written on the order itself. */
  validUntil?: string | null;
  /** Extension orders: the length ordered, when the order states one. */
  period?: Period | null;
  /** Convictions. */
  sentence?: Sentence | null;
  sentenceStart?: string | null;
  /** Convictions: remand credit stated by the court, in days (otherwise computed). */
  remandCreditDays?: number | null;
  /** Remissions and partial pardons. */
  reduction?: Period | null;
  pardonScope?: 'full' | 'partial' | null;
  /** The case (case number as written) the title belongs to; else the sequence of titles decides. */
  caseRef?: string | null;
  /** Convictions: runs consecutively to, or concurrently with (confusion ordered by a court), the conviction `relatedToId`. */
  relation?: SentenceRelation | null;
  relatedToId?: string | null;
  /** Convictions: the day the judgment became final (appeal period passed, or appeal decided). */
  finalOn?: string | null;
  /** Remissions, pardons, appeals: the conviction they name. */
  appliesToId?: string | null;
  /** Pardons: commutation (of a life or death sentence, or a term) to this term. */
  commutedTo?: Period | null;
}

/** Compare by date of issue, then by the time recorded, then by id (UUIDv7: time-ordered). */
export function compareTitles(a: LegalTitle, b: LegalTitle): number {
  if (a.issuedOn !== b.issuedOn) return a.issuedOn < b.issuedOn ? -1 : 1;
  const ra = a.recordedAt ?? '',
    rb = b.recordedAt ?? '';
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The versions in force: neither superseded by a correction nor withdrawn. Sorted. */
export function effectiveTitles(titles: readonly LegalTitle[]): LegalTitle[] {
  const superseded = new Set(titles.map((t) => t.supersedesId).filter((x): x is string => !!x));
  return titles.filter((t) => !superseded.has(t.id) && !t.withdrawn).sort(compareTitles);
}

/** Every version of a title, oldest first, given the id of any one of them. */
export function titleVersions(titles: readonly LegalTitle[], id: string): LegalTitle[] {
  const byId = new Map(titles.map((t) => [t.id, t]));
  const supersededBy = new Map<string, LegalTitle>();
  for (const t of titles) if (t.supersedesId) supersededBy.set(t.supersedesId, t);
  let first = byId.get(id);
  if (!first) return [];
  const seen = new Set<string>();
  while (first.supersedesId && byId.has(first.supersedesId) && !seen.has(first.id)) {
    seen.add(first.id);
    first = byId.get(first.supersedesId)!;
  }
  const out: LegalTitle[] = [first];
  let cur = supersededBy.get(first.id);
  while (cur && !out.includes(cur)) {
    out.push(cur);
    cur = supersededBy.get(cur.id);
  }
  return out;
}

/** Problems in the chain of versions: a title corrected twice (two versions in force), an unknown target. */
export function versionProblems(titles: readonly LegalTitle[]): { key: string; titleId: string }[] {
  const ids = new Set(titles.map((t) => t.id));
  const count = new Map<string, number>();
  const out: { key: string; titleId: string }[] = [];
  for (const t of titles) {
    if (!t.supersedesId) continue;
    if (!ids.has(t.supersedesId)) out.push({ key: 'justice.warn.supersedes_unknown', titleId: t.id });
    count.set(t.supersedesId, (count.get(t.supersedesId) ?? 0) + 1);
  }
  for (const [id, n] of count) if (n > 1) out.push({ key: 'justice.warn.corrected_twice', titleId: id });
  return out;
}
