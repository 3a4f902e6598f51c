/** Gate, visitor and family-contact pages (fr/en, no JavaScript). */
import type { NavEntry } from '../../../web/index.js';
import type { App, AppContext } from '../../../http/context.js';

export const gateNav: readonly NavEntry[] = [];

export async function gatePages(_app: App, _ctx: AppContext): Promise<void> {}
