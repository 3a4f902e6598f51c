/** The movements module's front door: transfers, escorts and the count, releases (docs/movements-*.md). */
export { countNav, countPages } from './count/pages.js';
export { countRoutes } from './count/routes.js';
export { dailyState, nationalState } from './count/daily.js';
export { escortBoard, recordEscort, recordEscortBack } from './count/escorts.js';
export { countDay, countSheet, recount, startCount, validateCount } from './count/service.js';
