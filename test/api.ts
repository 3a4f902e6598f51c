/**
 * The API's answers as the tests read them (`res.json<Problem>()`): the types the application
 * itself gives its answers, gathered in one place, and the one every refusal shares.
 */
export type { Problem } from '../src/core/errors.js';
export type { AdmissionView } from '../src/modules/custody/service.js';

/** What a creation answers at least: the new record's id. */
export interface Created {
  id: string;
}

/** A list answer: its items (and, when paged, the total). */
export interface List<T> {
  items: T[];
  total?: number;
}
