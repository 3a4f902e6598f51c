/**
 * The one way out of custody. Ending an admission — a release, a transfer, an escape, a death —
 * belongs to the movements module's flows (the release checklist with its second officer, the
 * transfer workflow, the escape and death reports), never to a bare call: custody's front door
 * does not export the function that ends an admission. It hands it out once, as a capability, to
 * the first claimant — the movements module, which claims it when it is loaded
 * (src/modules/movements/exit.ts). A second claim throws: no other code (a route, a page, the
 * command line, the import, the demo) can hold it; and had anything claimed it first, the
 * movements module would fail to load and the application would not start.
 */
import { endAdmission } from './service.js';

/** Ends an admission (in the caller's transaction): only the movements module's flows hold it. */
export type AdmissionExit = typeof endAdmission;

let claimed = false;

/** Called once, by src/modules/movements/exit.ts. Throws on any later call. */
export function claimAdmissionExit(): AdmissionExit {
  if (claimed)
    throw new Error(
      'custody: the way out of custody is already held (by the movements module); an admission ends only ' +
        'through its release, transfer, escape and death flows',
    );
  claimed = true;
  return endAdmission;
}
