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
  /** Under 18 on the day (null when the age is not known). */
  minor: boolean | null;
  level: Level | null;
}

export interface CellInput { id: string; unitId: string; capacity: number | null; occupants: readonly Occupant[] }

export type RefusalReason =
  | { code: 'capacity'; population: number; capacity: number }
  | { code: 'untried_with_convicted' }
  | { code: 'women_with_men' }
  | { code: 'minor_with_adult' }
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
  if (cell.capacity !== null && others.length >= cell.capacity) reasons.push({ code: 'capacity', population: others.length, capacity: cell.capacity });
  if (others.some((o) => o.untried !== person.untried)) reasons.push({ code: 'untried_with_convicted' });
  if (others.some((o) => o.sex !== person.sex)) reasons.push({ code: 'women_with_men' });
  if (person.minor !== null && others.some((o) => o.minor !== null && o.minor !== person.minor)) reasons.push({ code: 'minor_with_adult' });
  const apart = others.filter((o) => keepApart.has(o.personId)).map((o) => o.personId);
  if (apart.length) reasons.push({ code: 'keep_apart', personIds: apart });
  if (policy.highRisk === 'concentrate' && policy.unitId) {
    if (person.level === 'high' && cell.unitId !== policy.unitId) reasons.push({ code: 'policy_concentrate_outside', unitId: policy.unitId });
    if (person.level !== 'high' && cell.unitId === policy.unitId) reasons.push({ code: 'policy_concentrate_reserved', unitId: policy.unitId });
  }
  if (policy.highRisk === 'disperse' && person.level === 'high' && others.some((o) => o.level === 'high')) reasons.push({ code: 'policy_disperse' });
  return reasons;
}
