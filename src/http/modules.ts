/** Every module's routes. One line per module; order does not matter. */
import { accessNav, accessPages, accessRoutes } from '../modules/access/index.js';
import { attachmentRoutes } from '../modules/attachments/index.js';
import {
  announceNav,
  announcePages,
  announceRoutes,
  custodyNav,
  custodyPages,
  custodyRoutes as chainCustodyRoutes,
} from '../modules/chain/index.js';
import { classificationPages, classificationRoutes } from '../modules/classification/index.js';
import { complaintsNav, complaintsPages, complaintsRoutes } from '../modules/complaints/index.js';
import { custodyRoutes } from '../modules/custody/index.js';
import { estateRoutes } from '../modules/estate/index.js';
import { housingPages, housingRoutes } from '../modules/housing/index.js';
import { identityRoutes } from '../modules/identity/index.js';
import { justiceNav, justicePages, justiceRoutes } from '../modules/justice/index.js';
import {
  countNav,
  countPages,
  countRoutes,
  releaseNav,
  releasePages,
  releaseRoutes,
  transferNav,
  transferPages,
  transferRoutes,
} from '../modules/movements/index.js';
import { peopleRoutes } from '../modules/people/index.js';
import { receptionPages, receptionRoutes } from '../modules/reception/index.js';
import { referenceRoutes } from '../modules/reference/index.js';
import { sharingRoutes } from '../modules/sharing/index.js';
import { backlogPage, webRoutes } from '../modules/registry/index.js';
import { gateNav, gatePages, gateRoutes } from '../modules/visits/index.js';
import type { NavEntry } from '../web/page.js';
import type { App, AppContext } from './context.js';
import { legacyNavigation } from './nav.js';

/** The staff pages' menu: every module's entries. */
export const staffNavigation: readonly NavEntry[] = [
  ...legacyNavigation,
  ...complaintsNav,
  ...accessNav,
  ...justiceNav,
  ...countNav,
  ...releaseNav,
  ...transferNav,
  ...announceNav,
  ...gateNav,
  ...custodyNav,
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
  await countRoutes(app, ctx);
  await countPages(app, ctx);
  await releaseRoutes(app, ctx);
  await releasePages(app, ctx);
  await transferRoutes(app, ctx);
  await transferPages(app, ctx);
  await announceRoutes(app, ctx);
  await announcePages(app, ctx);
  await gateRoutes(app, ctx);
  await gatePages(app, ctx);
  await chainCustodyRoutes(app, ctx);
  await custodyPages(app, ctx);
}
