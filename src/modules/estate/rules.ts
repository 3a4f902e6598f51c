/**
 * Occupancy arithmetic. A capacity may be unknown (null): the rate is then unknown, never 0 or
 * infinite. Words: the rate is the occupancy rate ("taux d'occupation") at any level; overcrowding
 * ("surpopulation") names only the part above 100 % — the people held beyond the capacity.
 */

export interface Occupancy {
  population: number;
  capacity: number | null;
  /** population ÷ capacity × 100, one decimal; null when the capacity is unknown or zero. */
  occupancy_rate: number | null;
  /** People held beyond the capacity (0 when within it); null when the capacity is unknown. */
  over_capacity: number | null;
  /** Deprecated: the same value as occupancy_rate, kept for existing API clients. */
  congestion_rate: number | null;
}

/**
 * The words for a rate: "taux d'occupation" at or under 100 %; "taux de surpopulation" only above
 * 100 % (the prison holds more people than its places); unknown when the rate is.
 */
export function occupancyRateWord(rate: number | null): 'occupancy' | 'overcrowding' | 'unknown' {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 'unknown';
  return rate > 100 ? 'overcrowding' : 'occupancy';
}

export function congestionRate(population: number, capacity: number | null): number | null {
  if (capacity === null || capacity === undefined || capacity <= 0) return null;
  return Math.round((population / capacity) * 1000) / 10;
}

export function occupancy(population: number, capacity: number | null): Occupancy {
  const rate = congestionRate(population, capacity);
  return {
    population,
    capacity,
    occupancy_rate: rate,
    over_capacity: capacity === null || capacity === undefined ? null : Math.max(0, population - capacity),
    congestion_rate: rate,
  };
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

export const PRISON_STATUSES = ['open', 'closed', 'destroyed', 'under_reconstruction'] as const;
export type PrisonStatus = (typeof PRISON_STATUSES)[number];

/** A prison status sent by any way in (page, API, import): one of the list, else a field error on `/status`. */
export function isPrisonStatus(value: unknown): value is PrisonStatus {
  return typeof value === 'string' && (PRISON_STATUSES as readonly string[]).includes(value);
}

/** One dated value: in force from `effectiveFrom` (null: since before the registry's records, assumed). */
export interface Dated<T> {
  value: T;
  effectiveFrom: string | null;
  recordedAt: string;
}

/**
 * The value in force on a date: the latest effective on or before it; of two effective the same
 * day, the later recorded (a correction). Undefined when nothing was in force yet.
 */
export function inForce<T>(history: readonly Dated<T>[], on: string): Dated<T> | undefined {
  let best: Dated<T> | undefined;
  for (const h of history) {
    if (h.effectiveFrom !== null && h.effectiveFrom > on) continue;
    if (
      !best ||
      (h.effectiveFrom ?? '') > (best.effectiveFrom ?? '') ||
      ((h.effectiveFrom ?? '') === (best.effectiveFrom ?? '') && h.recordedAt > best.recordedAt)
    )
      best = h;
  }
  return best;
}

/**
 * The places a prison offers on a date: its official capacity then in force while it is open; none
 * while it is closed, destroyed or under reconstruction. No status recorded counts as open.
 */
export function placesOn(
  capacity: Dated<number | null> | undefined,
  status: Dated<PrisonStatus> | undefined,
): number | null {
  if (status && status.value !== 'open') return 0;
  return capacity ? capacity.value : null;
}
