/** The sharing module's front door: what the application and other modules may use (docs/architecture.md). */
export { sharingRoutes } from './routes.js';
export {
  assertMayRead,
  listOpenings,
  mayReadPrisonData,
  openedPrisons,
  openOnTransfer,
  readablePrisons,
  recordReadmission,
} from './service.js';
