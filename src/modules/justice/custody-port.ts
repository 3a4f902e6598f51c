/**
 * The narrow interface through which the chain module (custody before prison, issue 20) tells the
 * release computation the first day a person was in custody before prison, so that time is credited
 * as remand (where the law says so: docs/chain-custody.md). The chain module provides it when it is
 * loaded; justice never imports chain (the chain reads the justice titles): no cycle.
 */
import type { Tx } from '../../db/index.js';

/** Admission id → first day (Bamako, YYYY-MM-DD) in custody before prison, for the admissions that have one. */
export type CustodyBeforePrison = (db: Tx, admissionIds: readonly string[]) => Promise<Map<string, string>>;

let provider: CustodyBeforePrison | null = null;

/** Called once by the chain module's custody service when it is loaded. */
export function provideCustodyBeforePrison(p: CustodyBeforePrison | null): void {
  provider = p;
}

export async function custodyBeforePrison(db: Tx, admissionIds: readonly string[]): Promise<Map<string, string>> {
  return provider && admissionIds.length ? provider(db, admissionIds) : new Map();
}
