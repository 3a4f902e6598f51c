/**
 * The visits module's front door (issue 14): one line per export, each part in its own folder (docs/visits.md).
 * The `outside/` part (religious leaders, organisations, partner accreditation) joins here.
 */
export { gateRoutes } from './gate/routes.js';
export { gateNav, gatePages } from './gate/pages.js';
export { contactOverview, followTracing, noContactList, recordContact, requestTracing } from './gate/contact.js';
export {
  addVisitorRelationship,
  banVisitor,
  getVisitor,
  liftBan,
  registerVisitor,
  searchVisitors,
} from './gate/visitors.js';
export {
  cancelVisit,
  dayList,
  getVisitRules,
  putVisitRules,
  recordArrival,
  recordDeparture,
  recordItem,
  registerVisit,
  restrictVisits,
} from './gate/service.js';
