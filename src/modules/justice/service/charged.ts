/**
 * Which admissions have a charging title on file: a committal order (or its extension), a committal
 * for trial or a judgment, in force (corrections and withdrawals read), following the person across
 * transfers. For the chain module's "held without charge" alert (issue 20): it reads no table of ours.
 */
import type { Tx } from '../../../db/index.js';
import * as repo from '../repository.js';
import { effectiveTitles } from '../rules.js';
import { loadCases } from './load.js';

const CHARGING = new Set(['committal_order', 'extension_order', 'committal_for_trial', 'conviction']);

/** The admissions among those given that have a charging title in force. */
export async function chargedAdmissions(db: Tx, admissionIds: readonly string[]): Promise<Set<string>> {
  if (!admissionIds.length) return new Set();
  const cases = await loadCases(db, await repo.findAdmissions(db, admissionIds));
  return new Set(
    cases.filter((c) => effectiveTitles(c.input.titles).some((t) => CHARGING.has(t.kind))).map((c) => c.admission.id),
  );
}
