/** The classification module's front door: what the application and other modules may use (docs/architecture.md). */
export { classificationPages } from './pages.js';
export { classificationRoutes } from './routes.js';
export { visitRegimeOf, type VisitRegime } from './visit-regime.js';
export { classificationsDueForReview, decideClassification, saveAssessment, startAssessment } from './service.js';
export { allItems } from './instruments.js';
export { GENERAL_NEEDS_V1, VIOLENT_EXTREMISM_V1 } from './shipped-instruments.js';
