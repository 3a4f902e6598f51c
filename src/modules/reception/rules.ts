/** The reception process (brief, Figure 1): handover, then five steps in a default order. */

export const STEPS = ['security', 'administration', 'registry', 'medical', 'interview'] as const;
export type Step = (typeof STEPS)[number];
/** Every step is mandatory before a reception can be completed. */
export const MANDATORY: readonly Step[] = STEPS;

/** The steps of the default order not yet done before `step`: doing `step` now is out of order if any. */
export function skippedBefore(step: Step, done: ReadonlySet<Step>): Step[] {
  return STEPS.slice(0, STEPS.indexOf(step)).filter((s) => !done.has(s));
}

/** A step may be done out of order only with a recorded reason (e.g. medical first for an injured arrival). */
export function outOfOrderError(step: Step, done: ReadonlySet<Step>, reason: string | null | undefined): Step[] | null {
  const skipped = skippedBefore(step, done);
  return skipped.length && !reason?.trim() ? skipped : null;
}

export function missingSteps(done: ReadonlySet<Step>): Step[] {
  return MANDATORY.filter((s) => !done.has(s));
}

/** The step to do next in the default order, or null when all are done. */
export function nextStep(done: ReadonlySet<Step>): Step | null {
  return STEPS.find((s) => !done.has(s)) ?? null;
}

export const INVOLVEMENT = ['voluntary', 'forced', 'denied', 'unclear'] as const;
export const REASONS = [
  'economic',
  'protection',
  'community',
  'family',
  'religious',
  'grievance',
  'coercion',
  'revenge',
  'status',
  'other',
] as const;
export const FITNESS = ['fit', 'fit_with_care', 'unfit'] as const;
export const FINGERPRINTS = ['captured', 'refused', 'impossible'] as const;
