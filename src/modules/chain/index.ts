/**
 * The chain module's front door (issue 20): the arrest-to-detention chain, one line per export, each
 * part in its own folder (docs/chain-*.md).
 */
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
