/** The reference module's front door: what the application and other modules may use (docs/architecture.md). */
export { referenceRoutes } from './routes.js';
export { assertCodes, labels as codeLabels, listCodes, type CodeRef } from './service.js';
