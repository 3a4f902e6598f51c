/** The identity module's front door: what the application and other modules may use (docs/architecture.md). */
export { registerIdentityCommands } from './cli.js';
export { identityRoutes } from './routes.js';
export { findCandidates, recordDecision, type Candidate, type CandidateQuery } from './service.js';
export { birthText, candidateLabel, candidateQuery } from './candidate-view.js';
export { blockingKeys } from './keys.js';
