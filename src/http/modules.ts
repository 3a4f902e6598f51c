/** Every module's routes. One line per module; order does not matter. */
import { accessNav, accessPages } from '../modules/access/pages.js';
import { accessRoutes } from '../modules/access/routes.js';
import { attachmentRoutes } from '../modules/attachments/routes.js';
import { classificationPages } from '../modules/classification/pages.js';
import { classificationRoutes } from '../modules/classification/routes.js';
import { complaintsNav, complaintsPages, complaintsRoutes } from '../modules/complaints/index.js';
import { custodyRoutes } from '../modules/custody/routes.js';
import { estateRoutes } from '../modules/estate/routes.js';
import { housingPages } from '../modules/housing/pages.js';
import { housingRoutes } from '../modules/housing/routes.js';
import { identityRoutes } from '../modules/identity/routes.js';
import { justiceNav, justicePages } from '../modules/justice/pages/index.js';
import { justiceRoutes } from '../modules/justice/routes.js';
import { peopleRoutes } from '../modules/people/routes.js';
import { receptionPages } from '../modules/reception/pages.js';
import { receptionRoutes } from '../modules/reception/routes.js';
import { referenceRoutes } from '../modules/reference/routes.js';
import { sharingRoutes } from '../modules/sharing/routes.js';
import { backlogPage } from '../modules/web/backlog.js';
import { webRoutes } from '../modules/web/routes.js';
import type { NavEntry } from '../web/page.js';
import type { App, AppContext } from './context.js';
import { legacyNavigation } from './nav.js';

/** The staff pages' menu: every module's entries. */
export const staffNavigation: readonly NavEntry[] = [
  ...legacyNavigation,
  ...complaintsNav,
  ...accessNav,
  ...justiceNav,
];

export async function registerModules(app: App, ctx: AppContext): Promise<void> {
  await accessRoutes(app, ctx);
  await accessPages(app, ctx);
  await referenceRoutes(app, ctx);
  await estateRoutes(app, ctx);
  await custodyRoutes(app, ctx);
  await peopleRoutes(app, ctx);
  await identityRoutes(app, ctx);
  await justiceRoutes(app, ctx);
  await justicePages(app, ctx);
  await webRoutes(app, ctx);
  await receptionRoutes(app, ctx);
  await receptionPages(app, ctx);
  await attachmentRoutes(app, ctx);
  await housingRoutes(app, ctx);
  await housingPages(app, ctx);
  await classificationRoutes(app, ctx);
  await classificationPages(app, ctx);
  await backlogPage(app, ctx);
  await sharingRoutes(app, ctx);
  await complaintsRoutes(app, ctx);
  await complaintsPages(app, ctx);
}
