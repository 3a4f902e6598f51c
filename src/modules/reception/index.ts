/** The reception module's front door: what the application and other modules may use (docs/architecture.md). */
export { receptionPages } from './pages.js';
export { receptionRoutes } from './routes.js';
export {
  canOpenReceptions,
  canStart,
  type HandoverInput,
  receptionFacts,
  receptionsInProgress,
  receptionsOfPerson,
  recordStep,
  startReception,
} from './service.js';
export { provideChainArrivals } from './chain-port.js';
