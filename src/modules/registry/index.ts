/** The registry pages' front door (sign-in, home, search, the prisoner file, admission, backlog): their registration. */
export { backlogPage } from './backlog.js';
export { webRoutes } from './routes.js';
