/**
 * What a person's regime says of family visits (for the visits module's gate): the level's weekly
 * number and mode, or the individual decision that changed them (with its reason). Reads no
 * intelligence — the level, never its reasons — so it writes no access audit.
 */
import type { Tx } from '../../db/index.js';
import { ageReadingOf } from '../people/index.js';
import * as repo from './repository.js';
import { regimeFor, type VisitMode } from './rules.js';
import { settingsOf } from './service.js';

export interface VisitRegime {
  level: string | null;
  mode: VisitMode;
  perWeek: number;
  basis: 'level' | 'individual' | 'minor';
  reason: string | null;
}

export async function visitRegimeOf(
  db: Tx,
  admission: { id: string; personId: string; prisonId: string },
  asOf: string,
): Promise<VisitRegime> {
  const s = await settingsOf(db, admission.prisonId);
  const [cur] = await repo.levelDecisions(db, admission.id);
  const adjustments = await repo.adjustmentsOf(db, admission.id);
  const age = await ageReadingOf(db, admission.personId, asOf);
  const r = regimeFor(
    s,
    cur?.level ?? null,
    adjustments.map((x) => ({
      subject: x.subject,
      effect: x.effect,
      reason: x.reason,
      decidedBy: x.decidedBy,
      until: x.until,
    })),
    asOf,
    { minor: age.treated_as_minor, assumed: age.assumed },
  );
  return {
    level: r.level,
    mode: r.visits.mode,
    perWeek: r.visits.perWeek,
    basis: r.visits.basis,
    reason: r.visits.reason ?? null,
  };
}
