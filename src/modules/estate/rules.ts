/** Occupancy arithmetic. A capacity may be unknown (null): the rate is then unknown, never 0 or infinite. */

export interface Occupancy {
  population: number;
  capacity: number | null;
  /** population ÷ official capacity × 100, one decimal; null when the capacity is unknown or zero. */
  congestion_rate: number | null;
}

export function congestionRate(population: number, capacity: number | null): number | null {
  if (capacity === null || capacity === undefined || capacity <= 0) return null;
  return Math.round((population / capacity) * 1000) / 10;
}

export function occupancy(population: number, capacity: number | null): Occupancy {
  return { population, capacity, congestion_rate: congestionRate(population, capacity) };
}

/**
 * Sum of capacities: known only when every part is known. The national figure over prisons
 * with an unknown capacity is reported with the known part and the count of unknown prisons.
 */
export function sumCapacity(capacities: readonly (number | null)[]): { known: number; unknown: number } {
  let known = 0;
  let unknown = 0;
  for (const c of capacities) {
    if (c === null || c === undefined) unknown++;
    else known += c;
  }
  return { known, unknown };
}

/** Has a cell room for one more? Unknown capacity → unknown (null), for the caller to decide. */
export function hasRoom(population: number, capacity: number | null): boolean | null {
  if (capacity === null) return null;
  return population < capacity;
}

export const PRISON_KINDS = ['central_prison', 'detention_centre', 'womens_centre', 'minors_centre'] as const;
export type PrisonKind = (typeof PRISON_KINDS)[number];
