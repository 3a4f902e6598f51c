/**
 * The chain module's front door (issue 20): custody before prison; the forces' announcements.
 * One line per export, each part in its own folder (docs/chain-*.md).
 */
export { custodyRoutes } from './custody/routes.js';
export { custodyNav, custodyPages, custodyChainSection, withoutChargeSection } from './custody/pages.js';
export { custodyBreaches, getCustodyChain, withoutChargeForPartner, withoutChargeInPrison } from './custody/service.js';
export { addStage, correctStage } from './custody/service.js';
export { announceRoutes } from './announce/routes.js';
export { announceNav, announcePages } from './announce/pages.js';
export { provideCustodyFigures, type CustodyFiguresResult, type CustodyScope } from './announce/custody-hook.js';
export {
  addDocument,
  addUnitMember,
  announceArrival,
  createForceUnit,
  expectedArrivals,
  getAnnouncement,
  listAnnouncements,
  nothingShared,
  partnerView,
  readDocument,
  receiveAnnounced,
} from './announce/service.js';
