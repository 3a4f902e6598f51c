/**
 * Cell allocation by individual assessment (Mandela Rule 11; UNODC classification practice).
 * The check returns every reason for refusal, so staff see them all at once; a director may
 * override with a recorded reason. By construction the inputs carry no ethnicity, religion or
 * group label: separation by those is never a rule the system can apply.
 */
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];
export const POLICIES = ['concentrate', 'disperse', 'mixed'] as const;
export type HighRiskPolicy = (typeof POLICIES)[number];

export interface Occupant {
  personId: string;
  sex: 'male' | 'female';
  untried: boolean;
  /**
   * Treated as a minor on the day: the protective reading of people/rules `minorReading` (a person
   * who may be under 18 counts as a minor until an age assessment settles it).
   */
  minor: boolean;
  /** The minority is assumed (age uncertain or unknown, no age assessment). */
  minorAssumed?: boolean;
  level: Level | null;
}

export interface CellInput {
  id: string;
  unitId: string;
  capacity: number | null;
  occupants: readonly Occupant[];
}

export type RefusalReason =
  | { code: 'capacity'; population: number; capacity: number }
  | { code: 'untried_with_convicted' }
  | { code: 'women_with_men' }
  | { code: 'minor_with_adult'; assumed: boolean }
  | { code: 'keep_apart'; personIds: string[] }
  | { code: 'policy_concentrate_outside'; unitId: string }
  | { code: 'policy_concentrate_reserved'; unitId: string }
  | { code: 'policy_disperse' };

export function checkAllocation(input: {
  person: Occupant;
  cell: CellInput;
  keepApart: ReadonlySet<string>;
  policy: { highRisk: HighRiskPolicy; unitId: string | null };
}): RefusalReason[] {
  const { person, cell, keepApart, policy } = input;
  const others = cell.occupants.filter((o) => o.personId !== person.personId);
  const reasons: RefusalReason[] = [];
  if (cell.capacity !== null && others.length >= cell.capacity)
    reasons.push({ code: 'capacity', population: others.length, capacity: cell.capacity });
  if (others.some((o) => o.untried !== person.untried)) reasons.push({ code: 'untried_with_convicted' });
  if (others.some((o) => o.sex !== person.sex)) reasons.push({ code: 'women_with_men' });
  const otherAge = others.filter((o) => o.minor !== person.minor);
  if (otherAge.length)
    reasons.push({ code: 'minor_with_adult', assumed: !!person.minorAssumed || otherAge.some((o) => o.minorAssumed) });
  const apart = others.filter((o) => keepApart.has(o.personId)).map((o) => o.personId);
  if (apart.length) reasons.push({ code: 'keep_apart', personIds: apart });
  if (policy.highRisk === 'concentrate' && policy.unitId) {
    if (person.level === 'high' && cell.unitId !== policy.unitId)
      reasons.push({ code: 'policy_concentrate_outside', unitId: policy.unitId });
    if (person.level !== 'high' && cell.unitId === policy.unitId)
      reasons.push({ code: 'policy_concentrate_reserved', unitId: policy.unitId });
  }
  if (policy.highRisk === 'disperse' && person.level === 'high' && others.some((o) => o.level === 'high'))
    reasons.push({ code: 'policy_disperse' });
  return reasons;
}

export type RefusalCode = RefusalReason['code'];
export const REFUSAL_CODES: readonly RefusalCode[] = [
  'capacity',
  'untried_with_convicted',
  'women_with_men',
  'minor_with_adult',
  'keep_apart',
  'policy_concentrate_outside',
  'policy_concentrate_reserved',
  'policy_disperse',
];

/**
 * Which refusals a placement may go past, and on whose authority. Only a director
 * (housing.override) with a reason overrides a rule. Capacity alone may also be exceeded by the
 * placing officer with a reason for that placement, when the prison's director has recorded a
 * standing delegation; separation rules (Rule 11), keep-apart records and the high-risk policy
 * never are. Returns the reasons still standing (refuse when not empty) and those waived.
 */
export function resolveRefusals(
  reasons: readonly RefusalReason[],
  ctx: {
    director: boolean;
    overrideReason: string | null;
    overCapacityReason: string | null;
    capacityDelegated: boolean;
  },
): { standing: RefusalReason[]; waived: RefusalReason[]; byDelegation: boolean; needsDirector: boolean } {
  const override = !!ctx.overrideReason?.trim();
  const capacityReason = !!ctx.overCapacityReason?.trim() || override;
  const standing: RefusalReason[] = [];
  const waived: RefusalReason[] = [];
  let byDelegation = false;
  for (const r of reasons) {
    if (r.code === 'capacity' && capacityReason && (ctx.director || ctx.capacityDelegated)) {
      waived.push(r);
      if (!ctx.director) byDelegation = true;
    } else if (r.code !== 'capacity' && override && ctx.director) waived.push(r);
    else standing.push(r);
  }
  // An override was asked for by someone who may not give it.
  const needsDirector = override && !ctx.director && standing.length > 0;
  return { standing, waived, byDelegation, needsDirector };
}

// ---------------------------------------------------------------------------------------------
// The daily breach report: who shares a cell against a separation rule now.

export const SEPARATION_RULES = ['untried_with_convicted', 'women_with_men', 'minor_with_adult', 'keep_apart'] as const;
export type SeparationRule = (typeof SEPARATION_RULES)[number];

export interface BreachOccupant extends Occupant {
  /** The rules overridden (by a director) when this person was put in the cell. */
  overridden: readonly string[];
}

export interface CellBreach {
  rule: SeparationRule;
  /** The two sides: untried | convicted, women | men, minors | adults, or the two people kept apart. */
  sides: [string[], string[]];
  /** People whose placement in this cell overrode this rule (the director's decision covers them). */
  overriddenBy: string[];
  /** Every pair across the two sides involves someone placed with an override of this rule. */
  covered: boolean;
}

/**
 * The separation rules a cell's current occupants break now — after a conviction, an age change,
 * an import or old data — and whether a director's override covers each. A pair of people
 * breaking a rule is covered when either was placed in the cell with an override of that rule.
 * `keepApart` holds the active keep-apart pairs among the occupants (omit it to leave them out).
 */
export function cellBreaches(
  occupants: readonly BreachOccupant[],
  keepApart: readonly [string, string][] = [],
): CellBreach[] {
  const out: CellBreach[] = [];
  const split = (rule: SeparationRule, side: (o: BreachOccupant) => boolean) => {
    const a = occupants.filter(side);
    const b = occupants.filter((o) => !side(o));
    if (!a.length || !b.length) return;
    const overrode = (o: BreachOccupant) => o.overridden.includes(rule);
    const covered = !(a.some((o) => !overrode(o)) && b.some((o) => !overrode(o)));
    out.push({
      rule,
      sides: [a.map((o) => o.personId), b.map((o) => o.personId)],
      overriddenBy: occupants.filter(overrode).map((o) => o.personId),
      covered,
    });
  };
  split('untried_with_convicted', (o) => o.untried);
  split('women_with_men', (o) => o.sex === 'female');
  split('minor_with_adult', (o) => o.minor);
  const byId = new Map(occupants.map((o) => [o.personId, o]));
  const seen = new Set<string>();
  for (const [x, y] of keepApart) {
    const a = byId.get(x);
    const b = byId.get(y);
    const key = [x, y].sort().join('|');
    if (!a || !b || x === y || seen.has(key)) continue;
    seen.add(key);
    const by = [a, b].filter((o) => o.overridden.includes('keep_apart')).map((o) => o.personId);
    out.push({ rule: 'keep_apart', sides: [[x], [y]], overriddenBy: by, covered: by.length > 0 });
  }
  return out;
}
