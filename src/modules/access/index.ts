/** The access module's front door: what the application and other modules may use (docs/architecture.md). */
export { accessNav, accessPages } from './pages.js';
export { accessRoutes } from './routes.js';
export { accountNames, findAccount, type AccountName } from './repository.js';
export { PASSWORD_MIN_LENGTH } from './rules.js';
export {
  activeAccountsWithPassword,
  addUser,
  approveUser,
  authenticate,
  beginLogin,
  completeLogin,
  configureHashing,
  createToken,
  disableUser,
  listUsers,
  login,
  logout,
  resetPassword,
  resetTotp,
  unlockUser,
  commandLineActor,
} from './service.js';
