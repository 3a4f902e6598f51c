/**
 * The movements module holds custody's way out (custody/exit.ts): the one function that ends an
 * admission, claimed once when this module is loaded. Only the module's own flows call it: the
 * release completion (after the check and the second officer's confirmation), the transfer
 * departure, the escape and the death reports. Not re-exported from the front door.
 */
import { claimAdmissionExit } from '../custody/index.js';

export const endAdmission = claimAdmissionExit();
