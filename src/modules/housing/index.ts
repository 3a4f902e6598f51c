/** The housing module's front door: what the application and other modules may use (docs/architecture.md). */
export { awaitingSection, breachSection, housingPages } from './pages.js';
export { placeInCell, precheckCell } from './placement.js';
export { AllocateBody, housingRoutes, KeepApartBody } from './routes.js';
export { checkAllocation } from './rules.js';
export { addKeepApart, allocate, decideLevel, listKeepApart, setCapacityDelegation } from './service.js';
