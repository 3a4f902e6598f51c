/** The movements module's front door (issue 13): one line per part; each part lives in its own folder. */
export { transferRoutes } from './transfers/routes.js';
export { transferNav, transferPages } from './transfers/pages.js';
export { transfersOfPerson, transferUnderWay } from './transfers/service.js';
