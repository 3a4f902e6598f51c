/**
 * The pmis web kit: imports src/core and libraries only, never a module. Pages import from here.
 * See docs/web-kit.md.
 */
export * from './html.js';
export * from './components/index.js';
export * from './layout.js';
export * from './format.js';
export * from './forms.js';
export { stylesheet, stylesheetUrl, webAssetRoutes } from './assets.js';
export { kit } from './messages.js';
export * from './page.js';
