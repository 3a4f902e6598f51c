/**
 * The hooks the chain module (announced arrivals, docs/chain-announce.md) plugs into, so that the
 * reception pages show the prison's expected arrivals and the registration starts from what the
 * arresting force announced — without the reception module depending on the chain module (which
 * starts receptions through this module's front door). Nothing provided: the pages are as before.
 */
import type { Actor } from '../../core/access.js';
import type { Lang } from '../../core/i18n.js';
import type { Db } from '../../db/index.js';

export interface ChainProvider {
  /** The HTML of the expected arrivals for the actor's prisons (escaped by the provider), or null. */
  expectedArrivals: (db: Db, actor: Actor, lang: Lang) => Promise<string | null>;
  /** The administration step's form values announced for this reception (field name → value), or null. */
  registrationPrefill: (db: Db, actor: Actor, receptionId: string) => Promise<Record<string, string> | null>;
}

let provider: ChainProvider | null = null;

/** Called once by the chain module's page registration. */
export function provideChainArrivals(p: ChainProvider | null): void {
  provider = p;
}

export async function expectedArrivalsHtml(db: Db, actor: Actor, lang: Lang): Promise<string | null> {
  return provider ? provider.expectedArrivals(db, actor, lang) : null;
}

export async function registrationPrefill(
  db: Db,
  actor: Actor,
  receptionId: string,
): Promise<Record<string, string> | null> {
  return provider ? provider.registrationPrefill(db, actor, receptionId) : null;
}
