/**
 * The narrow interface through which custody's admit and move put a person in a cell. The one
 * placement rule — the full allocation check under a lock on the cell, the override, the
 * placement row and its history — lives in housing (src/modules/housing/placement.ts), which
 * provides it here when it is loaded. Custody never imports housing: no custody ↔ housing cycle.
 */
import type { Actor } from '../../core/access.js';
import type { Tx } from '../../db/index.js';
import type { AdmissionRow } from './repository.js';

/** Every way a person is put in a cell; transfer arrival is for the transfers module to come. */
export const PLACEMENT_PATHS = ['admission', 'reception', 'move', 'allocation', 'import', 'transfer'] as const;
export type PlacementPath = (typeof PLACEMENT_PATHS)[number];

export interface CellPlacementRequest {
  cell_id: string;
  /** Why the person goes to this cell (kept on the placement and in the history). */
  reason: string;
  via: PlacementPath;
  /** When the placement starts; now when omitted. */
  at?: Date;
  /** The director's reason for going past a refusal (housing.override). */
  override_reason?: string | null;
  /** The reason for exceeding the cell's capacity (the director, or an officer under a standing delegation). */
  over_capacity_reason?: string | null;
  /** JSON-pointer prefix of the caller's input, for the fields named in a refusal ('' by default). */
  base?: string;
}

export interface CellPlacementResult {
  placement_id: string;
  cell_id: string;
  unit_id: string;
  /** The rules waived for this placement (empty when the check found nothing). */
  overridden: string[];
  capacity_delegation_id: string | null;
}

export type CellPlacer = (
  tx: Tx,
  actor: Actor,
  admission: AdmissionRow,
  request: CellPlacementRequest,
) => Promise<CellPlacementResult>;

/** Many new admissions placed at once (the register import): the same rule, its reads made once for the batch. */
export type ManyCellPlacer = (
  tx: Tx,
  actor: Actor,
  items: readonly { admission: AdmissionRow; request: CellPlacementRequest }[],
) => Promise<CellPlacementResult[]>;

let placer: CellPlacer | undefined;
let manyPlacer: ManyCellPlacer | undefined;

/** Called once by housing/placement.ts when it is loaded. */
export function provideCellPlacer(p: CellPlacer, many: ManyCellPlacer): void {
  placer = p;
  manyPlacer = many;
}

/** Put a person in a cell through the one placement rule (inside the caller's transaction). */
export function placeThroughRule(
  tx: Tx,
  actor: Actor,
  admission: AdmissionRow,
  request: CellPlacementRequest,
): Promise<CellPlacementResult> {
  if (!placer)
    throw new Error(
      'The placement rule is not loaded: import src/modules/housing/placement.ts before placing anyone in a cell.',
    );
  return placer(tx, actor, admission, request);
}

/** Put many people admitted in this transaction, in no cell yet, in cells through the one placement rule. */
export function placeManyThroughRule(
  tx: Tx,
  actor: Actor,
  items: readonly { admission: AdmissionRow; request: CellPlacementRequest }[],
): Promise<CellPlacementResult[]> {
  if (!manyPlacer)
    throw new Error(
      'The placement rule is not loaded: import src/modules/housing/placement.ts before placing anyone in a cell.',
    );
  return manyPlacer(tx, actor, items);
}
