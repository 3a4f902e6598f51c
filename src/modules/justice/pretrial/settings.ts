/**
 * The justice settings: the pre-trial rules in force and the alert thresholds (defaults here).
 */
import { DEFAULT_PRETRIAL_RULES, type PretrialRule } from './limits.js';

export interface JusticeSettings {
  rules: readonly PretrialRule[];
  /** Alert when a title expires within this many days. */
  expiringWithinDays: number;
  /** Alert when an untried person has not appeared before a court for this many months. */
  noHearingMonths: number;
}

export const DEFAULT_SETTINGS: JusticeSettings = {
  rules: DEFAULT_PRETRIAL_RULES,
  expiringWithinDays: 30,
  noHearingMonths: 6,
};
