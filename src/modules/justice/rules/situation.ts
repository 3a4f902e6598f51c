/**
 * The legal situation, pure: the status and the legal basis derived from the titles in force, with
 * the warnings for titles that do not fit the sequence. See rules.ts and docs/justice.md.
 */
import { isEmptyPeriod } from '../calendar.js';
import { effectiveTitles, type LegalTitle } from './titles.js';

/** The four values of admission.legal_status (custody). */
export const ADMISSION_LEGAL_STATUSES = ['under_investigation', 'awaiting_trial', 'convicted', 'appealing'] as const;
export type AdmissionLegalStatus = (typeof ADMISSION_LEGAL_STATUSES)[number];

/** Plus the outcomes after which the person must be let go. */
export const LEGAL_STATUSES = [...ADMISSION_LEGAL_STATUSES, 'acquitted', 'released', 'pardoned'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export function isUntried(s: LegalStatus): boolean {
  return s === 'under_investigation' || s === 'awaiting_trial';
}
export function isSentenced(s: LegalStatus): boolean {
  return s === 'convicted' || s === 'appealing';
}
/** An outcome that ends the legal basis for holding the person. */
export function isReleaseOutcome(s: LegalStatus): boolean {
  return s === 'acquitted' || s === 'released' || s === 'pardoned';
}

export interface LegalSituation {
  status: LegalStatus;
  /** What admission.legal_status holds: after an outcome, the stage the person was at. */
  admissionStatus: AdmissionLegalStatus;
  /** The title that founds the detention now; null after an acquittal, release order or full pardon, or with no title. */
  basis: LegalTitle | null;
  /** The investigation's detention orders of the current case, in order. */
  detentionOrders: LegalTitle[];
  committalForTrial: LegalTitle | null;
  judgment: LegalTitle | null;
  appeal: LegalTitle | null;
  /** Remissions and partial pardons since the first conviction. */
  reductions: LegalTitle[];
  /** Acquittal, release order or full pardon. */
  outcome: LegalTitle | null;
  /** Message keys about titles that do not fit the sequence (the title is kept and shown). */
  warnings: { key: string; titleId: string }[];
}

/**
 * The legal status and basis, derived from the titles in force issued on or before `asOf` (all of
 * them when omitted). Never typed by hand.
 */
export function deriveLegalSituation(titles: readonly LegalTitle[], asOf?: string): LegalSituation {
  const list = effectiveTitles(titles).filter((t) => !asOf || t.issuedOn <= asOf);
  let status = null as LegalStatus | null;
  let stage: AdmissionLegalStatus = 'under_investigation';
  let detentionOrders: LegalTitle[] = [];
  let committalForTrial: LegalTitle | null = null;
  let judgment: LegalTitle | null = null;
  let appeal: LegalTitle | null = null;
  let reductions: LegalTitle[] = [];
  let outcome: LegalTitle | null = null;
  const warnings: { key: string; titleId: string }[] = [];
  const setStage = (s: AdmissionLegalStatus) => {
    status = s;
    stage = s;
  };

  for (const t of list) {
    switch (t.kind) {
      case 'committal_order':
      case 'arrest_warrant':
        if (status === null || isReleaseOutcome(status)) {
          // A first order, or a new case after the person was let go: start again.
          detentionOrders = [t];
          committalForTrial = null;
          judgment = null;
          appeal = null;
          reductions = [];
          outcome = null;
          setStage('under_investigation');
        } else if (status === 'under_investigation') {
          detentionOrders.push(t);
        }
        // Issued with or after a committal for trial or a judgment (e.g. the trial court's own
        // committal order): it accompanies that stage and does not change it.
        break;
      case 'extension_order':
        if (status === null || status === 'under_investigation') {
          if (!detentionOrders.length) warnings.push({ key: 'justice.warn.extension_without_order', titleId: t.id });
          detentionOrders.push(t);
          setStage('under_investigation');
        } else warnings.push({ key: 'justice.warn.extension_after_stage', titleId: t.id });
        break;
      case 'committal_for_trial':
        if (status === null || isUntried(status)) {
          committalForTrial = t;
          setStage('awaiting_trial');
        } else warnings.push({ key: 'justice.warn.out_of_sequence', titleId: t.id });
        break;
      case 'conviction':
        if (!status || !isSentenced(status)) reductions = [];
        judgment = t;
        appeal = null;
        outcome = null;
        setStage('convicted');
        break;
      case 'acquittal':
        outcome = t;
        status = 'acquitted';
        break;
      case 'release_order':
        outcome = t;
        status = 'released';
        break;
      case 'appeal':
        if (status === 'convicted' || status === 'appealing') {
          appeal = t;
          setStage('appealing');
        } else warnings.push({ key: 'justice.warn.appeal_without_judgment', titleId: t.id });
        break;
      case 'pardon':
        if (status !== null && isSentenced(status)) {
          // A full pardon naming one sentence ends that sentence only (release.ts); the others stay.
          if (
            (t.pardonScope ?? (isEmptyPeriod(t.reduction) && isEmptyPeriod(t.commutedTo) ? 'full' : 'partial')) ===
              'full' &&
            !t.appliesToId
          ) {
            outcome = t;
            status = 'pardoned';
          } else reductions.push(t);
        } else warnings.push({ key: 'justice.warn.pardon_without_judgment', titleId: t.id });
        break;
      case 'remission':
        if (status !== null && isSentenced(status)) reductions.push(t);
        else warnings.push({ key: 'justice.warn.remission_without_judgment', titleId: t.id });
        break;
    }
  }
  const finalStatus: LegalStatus = status ?? 'under_investigation';
  if (status === null) warnings.push({ key: 'justice.warn.no_title', titleId: '' });
  let basis: LegalTitle | null = null;
  if (!isReleaseOutcome(finalStatus)) {
    if (finalStatus === 'under_investigation') basis = detentionOrders[detentionOrders.length - 1] ?? null;
    else if (finalStatus === 'awaiting_trial') basis = committalForTrial;
    else basis = judgment;
  }
  return {
    status: finalStatus,
    admissionStatus: stage,
    basis,
    detentionOrders,
    committalForTrial,
    judgment,
    appeal,
    reductions,
    outcome,
    warnings,
  };
}
