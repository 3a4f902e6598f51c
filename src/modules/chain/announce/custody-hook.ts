/**
 * The hook the other part of the chain module (custody before prison: custody stages, custody
 * limits, remand credit, held without charge — src/modules/chain/custody/) plugs into, so that the
 * partners' view shows its figures beside the announced arrivals. Until that part provides them, the
 * view says so (`custody: null`) and the page says the figures will appear here.
 */
import type { Actor } from '../../../core/access.js';
import type { Tx } from '../../../db/index.js';

/** Whose figures: a prosecutor's jurisdictions, or national (undefined). */
export interface CustodyScope {
  jurisdictionIds?: readonly string[];
}
export interface CustodyFiguresResult {
  held_without_charge: number;
  custody_limit_breaches: number;
}
type Provider = (tx: Tx, actor: Actor, scope: CustodyScope) => Promise<CustodyFiguresResult>;

let provider: Provider | null = null;

/** Called once by the custody part's registration (chain/custody), when it is merged. */
export function provideCustodyFigures(p: Provider | null): void {
  provider = p;
}

export async function custodyFigures(tx: Tx, actor: Actor, scope: CustodyScope): Promise<CustodyFiguresResult | null> {
  return provider ? provider(tx, actor, scope) : null;
}
