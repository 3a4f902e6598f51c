import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { insertRows } from '../../db/bulk.js';
import type { Tx } from '../../db/index.js';
import { ageAssessment, person, personName, personRelative, personSensitive } from './schema.js';
import type { AgeAssessmentFact, BirthStored } from './rules.js';

export type PersonRow = typeof person.$inferSelect;
export type PersonNameRow = typeof personName.$inferSelect;
export type RelativeRow = typeof personRelative.$inferSelect;

export async function findPerson(db: Tx, id: string, forUpdate = false): Promise<PersonRow | undefined> {
  const q = db.select().from(person).where(eq(person.id, id));
  const [p] = forUpdate ? await q.for('update') : await q;
  return p;
}

export interface PersonName {
  familyName: string;
  givenNames: string;
  fatherName: string | null;
}

/** The names of some people, by id (unknown ids are simply absent). */
export async function peopleNames(db: Tx, personIds: readonly string[]): Promise<Map<string, PersonName>> {
  if (!personIds.length) return new Map();
  const rows = await db
    .select({
      id: person.id,
      familyName: person.familyName,
      givenNames: person.givenNames,
      fatherName: person.fatherName,
    })
    .from(person)
    .where(inArray(person.id, [...new Set(personIds)]));
  return new Map(rows.map(({ id, ...n }) => [id, n]));
}

export async function findByNina(db: Tx, nina: string): Promise<PersonRow | undefined> {
  const [p] = await db.select().from(person).where(eq(person.nina, nina));
  return p;
}

export async function insertPerson(db: Tx, row: typeof person.$inferInsert): Promise<void> {
  await db.insert(person).values(row);
}

export async function insertPeople(db: Tx, rows: (typeof person.$inferInsert)[]): Promise<void> {
  await insertRows(db, person, rows);
}

export async function updatePersonRow(
  db: Tx,
  id: string,
  patch: Partial<typeof person.$inferInsert>,
  expectedVersion: number,
): Promise<boolean> {
  const r = await db
    .update(person)
    .set({ ...patch, version: sql`${person.version} + 1`, updatedAt: new Date() })
    .where(and(eq(person.id, id), eq(person.version, expectedVersion)))
    .returning({ id: person.id });
  return r.length === 1;
}

export async function findNames(db: Tx, personId: string): Promise<PersonNameRow[]> {
  return db.select().from(personName).where(eq(personName.personId, personId)).orderBy(asc(personName.createdAt));
}

export async function insertNames(db: Tx, rows: (typeof personName.$inferInsert)[]): Promise<void> {
  await insertRows(db, personName, rows);
}

export async function findSensitive(
  db: Tx,
  personId: string,
): Promise<{ religion: string | null; ethnicity: string | null } | undefined> {
  const [s] = await db
    .select({ religion: personSensitive.religion, ethnicity: personSensitive.ethnicity })
    .from(personSensitive)
    .where(eq(personSensitive.personId, personId));
  return s;
}

export async function upsertSensitive(
  db: Tx,
  personId: string,
  v: { religion?: string | null; ethnicity?: string | null },
): Promise<void> {
  await db
    .insert(personSensitive)
    .values({ personId, religion: v.religion ?? null, ethnicity: v.ethnicity ?? null })
    .onConflictDoUpdate({ target: personSensitive.personId, set: { ...v, updatedAt: new Date() } });
}

/**
 * The prisons a person's file belongs to: where it was registered and every prison that admitted
 * them. A prison-scoped user sees the person when one of these is in scope.
 */
export async function personPrisons(db: Tx, personId: string): Promise<string[]> {
  const r = await db.execute<{ prison_id: string }>(sql`
    SELECT registered_prison_id AS prison_id FROM person WHERE id = ${personId}
    UNION SELECT prison_id FROM admission WHERE person_id = ${personId}`);
  return r.rows.map((x) => x.prison_id);
}

export async function findRelatives(db: Tx, personId: string): Promise<RelativeRow[]> {
  return db
    .select()
    .from(personRelative)
    .where(eq(personRelative.personId, personId))
    .orderBy(asc(personRelative.createdAt));
}

export async function insertRelative(db: Tx, row: typeof personRelative.$inferInsert): Promise<void> {
  await db.insert(personRelative).values(row);
}

export async function setPhoto(db: Tx, personId: string, attachmentId: string): Promise<void> {
  await db
    .update(person)
    .set({ photoAttachmentId: attachmentId, updatedAt: new Date() })
    .where(eq(person.id, personId));
}

export type AgeAssessmentRow = typeof ageAssessment.$inferSelect;

export async function insertAgeAssessment(db: Tx, row: typeof ageAssessment.$inferInsert): Promise<void> {
  await db.insert(ageAssessment).values(row);
}

export async function findAgeAssessments(db: Tx, personId: string): Promise<AgeAssessmentRow[]> {
  return db
    .select()
    .from(ageAssessment)
    .where(eq(ageAssessment.personId, personId))
    .orderBy(desc(ageAssessment.assessedOn), desc(ageAssessment.recordedAt));
}

export const ageFact = (
  a: Pick<AgeAssessmentRow, 'assessedOn' | 'result' | 'minimumAge' | 'recordedAt'>,
): AgeAssessmentFact => ({
  assessedOn: a.assessedOn,
  result: a.result as AgeAssessmentFact['result'],
  minimumAge: a.minimumAge,
  recordedAt: a.recordedAt.toISOString(),
});

export const birthOf = (p: {
  birthPrecision: string;
  birthDate: string | null;
  birthEstimatedAge: number | null;
  birthEstimatedOn: string | null;
}): BirthStored => ({
  birthPrecision: p.birthPrecision as BirthStored['birthPrecision'],
  birthDate: p.birthDate,
  birthEstimatedAge: p.birthEstimatedAge,
  birthEstimatedOn: p.birthEstimatedOn,
});

/**
 * What the minors rule needs about several people at once (one round trip): the stored birth and
 * every age assessment. Used by the placement check, the breach report and the regime.
 */
export async function ageFactsOf(
  db: Tx,
  personIds: readonly string[],
): Promise<Map<string, { birth: BirthStored; assessments: AgeAssessmentFact[] }>> {
  const out = new Map<string, { birth: BirthStored; assessments: AgeAssessmentFact[] }>();
  if (!personIds.length) return out;
  const r = await db.execute<{
    id: string;
    birth_precision: string;
    birth_date: string | null;
    birth_estimated_age: number | null;
    birth_estimated_on: string | null;
    assessments: { assessed_on: string; result: string; minimum_age: number | null; recorded_at: string }[] | null;
  }>(sql`
    SELECT p.id, p.birth_precision, p.birth_date::text AS birth_date, p.birth_estimated_age,
      p.birth_estimated_on::text AS birth_estimated_on,
           (SELECT json_agg(json_build_object('assessed_on', x.assessed_on, 'result', x.result, 'minimum_age', x.minimum_age,
             'recorded_at', x.recorded_at))
              FROM age_assessment x WHERE x.person_id = p.id) AS assessments
    FROM person p WHERE p.id = ANY(${sql.param([...personIds])}::uuid[])`);
  for (const x of r.rows) out.set(x.id, ageFactsFromRow(x));
  return out;
}

/** The age facts of a row read as `ageFactsOf` reads them (birth columns and the assessments as JSON). */
export function ageFactsFromRow(x: {
  birth_precision: string;
  birth_date: string | null;
  birth_estimated_age: number | null;
  birth_estimated_on: string | null;
  assessments: { assessed_on: string; result: string; minimum_age: number | null; recorded_at: string }[] | null;
}): { birth: BirthStored; assessments: AgeAssessmentFact[] } {
  return {
    birth: {
      birthPrecision: x.birth_precision as BirthStored['birthPrecision'],
      birthDate: x.birth_date,
      birthEstimatedAge: x.birth_estimated_age,
      birthEstimatedOn: x.birth_estimated_on,
    },
    assessments: (x.assessments ?? []).map((a) => ({
      assessedOn: a.assessed_on,
      result: a.result as AgeAssessmentFact['result'],
      minimumAge: a.minimum_age,
      recordedAt: new Date(a.recorded_at).toISOString(),
    })),
  };
}
