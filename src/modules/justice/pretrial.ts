/**
 * Pre-trial detention limits, pure: the rules as versioned data (arts. 125, 127, 135 of the Code of
 * Criminal Procedure of 2001 and the arrest warrant's short period), the category of the offence
 * (doubt protects), and the arithmetic of the periods: late extensions, gaps held without a valid
 * title, caps at the legal period and at the legal maximum. No database, no clock.
 * Re-exported by rules.ts. See docs/justice.md.
 *
 * The parts live in pretrial/ (limits, periods, episodes, settings); this file gathers them.
 */
export {
  RULE_CATEGORIES,
  type RuleCategory,
  type PretrialRule,
  DEFAULT_PRETRIAL_RULES,
  ruleFor,
  validateRule,
  type ChargeFacts,
  offenceCategoryOf,
} from './pretrial/limits.js';
export {
  type PeriodFlag,
  type PretrialPeriod,
  type TitleGap,
  type PretrialComputation,
  pretrialDays,
  type PretrialInput,
  computePretrial,
} from './pretrial/periods.js';
export { EPISODE_KINDS, type EpisodeKind, type AlertEpisode, expiredEpisodes } from './pretrial/episodes.js';
export { type JusticeSettings, DEFAULT_SETTINGS } from './pretrial/settings.js';
