/**
 * The API's answers as the tests read them (`res.json<Problem>()`): the types the application
 * itself gives its answers, gathered in one place, and the one every refusal shares.
 */
export type { Problem } from '../src/core/errors.js';
export type { AdmissionView, PrisonerFile } from '../src/modules/custody/service.js';
export type { HistoryEntry } from '../src/core/history.js';
export type { OccupancyReport } from '../src/modules/estate/service.js';
export type { Candidate } from '../src/modules/identity/service.js';
export type { PersonView } from '../src/modules/people/service.js';
export type { ReceptionView, StepView } from '../src/modules/reception/service.js';
export type { OpeningView } from '../src/modules/sharing/service.js';
import type { classificationOf } from '../src/modules/classification/service.js';

/** An admission's classification (`GET /api/admissions/:id/classification`). */
export type ClassificationView = Awaited<ReturnType<typeof classificationOf>>;

/** What a creation answers at least: the new record's id. */
export interface Created {
  id: string;
}

/** A list answer: its items (and, when paged, the total). */
export interface List<T> {
  items: T[];
  total?: number;
}
