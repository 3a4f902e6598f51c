/** Identity resolution queries: derived keys, candidate shortlist, decisions, merges. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';
import { blockingKeys, fatherKey } from './keys.js';
import { birthInterval, type IdentityRecord } from './score.js';

export type PersonIdentityRow = {
  id: string;
  family_name: string;
  given_names: string;
  father_name: string | null;
  mother_name: string | null;
  birth_precision: string;
  birth_date: string | null;
  birth_estimated_age: number | null;
  birth_estimated_on: string | null;
  birth_place: string | null;
  nina: string | null;
  registered_prison_id: string;
  merged_into_id: string | null;
  sex: string;
  origin_region_code: string | null;
};

const PERSON_COLS =
  sql.raw(`p.id, p.family_name, p.given_names, p.father_name, p.mother_name, p.birth_precision, p.birth_date,
  p.birth_estimated_age, p.birth_estimated_on, p.birth_place, p.nina, p.registered_prison_id, p.merged_into_id, p.sex, p.origin_region_code`);

/** A stored person as the scorer sees it: the date of birth keeps its precision. */
export function toRecord(p: PersonIdentityRow, name?: { family_name: string; given_names: string }): IdentityRecord {
  let birth_date = '';
  let birth_precision: IdentityRecord['birth_precision'] = 'unknown';
  switch (p.birth_precision) {
    case 'exact':
      birth_date = p.birth_date ?? '';
      birth_precision = 'exact';
      break;
    case 'month':
      birth_date = (p.birth_date ?? '').slice(0, 7);
      birth_precision = 'month';
      break;
    case 'year':
      birth_date = (p.birth_date ?? '').slice(0, 4);
      birth_precision = 'year';
      break;
    case 'estimated':
      if (p.birth_estimated_age !== null && p.birth_estimated_on) {
        birth_date = String(Number(p.birth_estimated_on.slice(0, 4)) - p.birth_estimated_age);
        birth_precision = 'estimated';
      }
      break;
  }
  return {
    family_name: name?.family_name ?? p.family_name,
    given_names: name?.given_names ?? p.given_names,
    father_name: p.father_name,
    mother_name: p.mother_name,
    birth_date,
    birth_precision,
    birth_place: p.birth_place,
    nina: p.nina,
  };
}

/** Recompute the keys of some persons (primary name + other names). Merged-away persons get none. */
/** Year of birth used to order the shortlist: the middle of the interval the date allows. */
export function rankYear(r: IdentityRecord): number | null {
  const i = birthInterval(r.birth_date, r.birth_precision);
  return i ? new Date(((i.from + i.to) / 2) * 86_400_000).getUTCFullYear() : null;
}

export async function writeKeys(tx: Tx, personIds: string[]): Promise<number> {
  if (!personIds.length) return 0;
  const persons = await tx.execute<PersonIdentityRow>(
    sql`SELECT ${PERSON_COLS} FROM person p WHERE p.id = ANY(${sql.param(personIds)}::uuid[])`,
  );
  const names = await tx.execute<{ person_id: string; family_name: string; given_names: string }>(
    sql`SELECT person_id, family_name, given_names FROM person_name WHERE person_id = ANY(${sql.param(personIds)}::uuid[])`,
  );
  const keys: string[] = [];
  const ids: string[] = [];
  const years: (number | null)[] = [];
  const fathers: (string | null)[] = [];
  const byPerson = new Map<string, { keys: Set<string>; year: number | null; father: string | null }>();
  for (const p of persons.rows) {
    if (p.merged_into_id) continue;
    byPerson.set(p.id, {
      keys: new Set(blockingKeys(p.family_name, p.given_names)),
      year: rankYear(toRecord(p)),
      father: fatherKey(p.father_name),
    });
  }
  for (const n of names.rows)
    for (const k of blockingKeys(n.family_name, n.given_names)) byPerson.get(n.person_id)?.keys.add(k);
  for (const [id, v] of byPerson)
    for (const k of v.keys) {
      keys.push(k);
      ids.push(id);
      years.push(v.year);
      fathers.push(v.father);
    }
  await tx.execute(sql`DELETE FROM identity_key WHERE person_id = ANY(${sql.param(personIds)}::uuid[])`);
  if (keys.length) {
    await tx.execute(sql`INSERT INTO identity_key (key, person_id, birth_year, father_key)
      SELECT * FROM unnest(${sql.param(keys)}::text[], ${sql.param(ids)}::uuid[], ${sql.param(years)}::smallint[],
        ${sql.param(fathers)}::text[]) ON CONFLICT DO NOTHING`);
  }
  return keys.length;
}

/** Take up to `limit` persons off the key queue (skipping rows another session is draining). */
export async function takeQueued(tx: Tx, limit: number): Promise<string[]> {
  const r = await tx.execute<{ person_id: string }>(sql`
    DELETE FROM identity_key_queue WHERE person_id IN (
      SELECT person_id FROM identity_key_queue ORDER BY person_id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING person_id`);
  return r.rows.map((x) => x.person_id);
}

export async function queueLength(tx: Tx): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM identity_key_queue`);
  return r.rows[0].n;
}

export type Shortlisted = PersonIdentityRow & { hits: number };

/**
 * The shortlist: persons sharing the most keys with the query; among them first those whose
 * father's name agrees (unknown next, different last), then by closeness of the year of birth
 * (unknown counts as 3 years off). Ranked on the key index alone; only the best `limit` person rows
 * are read, plus the holder of the NINA if one is given. Merged-away persons have no keys.
 */
export async function shortlist(
  tx: Tx,
  q: { keys: string[]; birthYear: number | null; father: string | null; nina: string | null; limit: number },
): Promise<Shortlisted[]> {
  const r = await tx.execute<Shortlisted>(sql`
    WITH hits AS (
      SELECT k.person_id, count(*)::int AS hits, max(k.birth_year) AS birth_year, max(k.father_key) AS father_key
      FROM identity_key k WHERE k.key = ANY(${sql.param(q.keys)}::text[])
      GROUP BY k.person_id
    ), top AS (
      SELECT person_id, hits FROM hits
      ORDER BY hits DESC,
        CASE WHEN ${q.father}::text IS NULL OR father_key IS NULL THEN 1 WHEN father_key = ${q.father}::text THEN 0 ELSE 2 END,
        CASE WHEN ${q.birthYear}::int IS NULL OR birth_year IS NULL THEN 3 ELSE least(abs(birth_year - ${q.birthYear}::int), 100) END
      LIMIT ${q.limit}
    )
    SELECT ${PERSON_COLS}, top.hits FROM top JOIN person p ON p.id = top.person_id WHERE p.merged_into_id IS NULL
    UNION
    SELECT ${PERSON_COLS}, 0 FROM person p WHERE ${q.nina}::text IS NOT NULL AND p.nina = ${q.nina}::text AND p.merged_into_id IS NULL`);
  return r.rows;
}

export async function otherNames(
  tx: Tx,
  personIds: string[],
): Promise<{ person_id: string; family_name: string; given_names: string; kind: string }[]> {
  if (!personIds.length) return [];
  const r = await tx.execute<{ person_id: string; family_name: string; given_names: string; kind: string }>(
    sql`SELECT person_id, family_name, given_names, kind FROM person_name WHERE person_id = ANY(${sql.param(personIds)}::uuid[])`,
  );
  return r.rows;
}

/** Prisons where each person has been held (for the candidate list). */
export async function admissionsOf(
  tx: Tx,
  personIds: string[],
): Promise<
  {
    person_id: string;
    prison_id: string;
    prison_name: string;
    committal_number: string;
    admitted_at: Date;
    ended_at: Date | null;
  }[]
> {
  if (!personIds.length) return [];
  const r = await tx.execute<{
    person_id: string;
    prison_id: string;
    prison_name: string;
    committal_number: string;
    admitted_at: Date;
    ended_at: Date | null;
  }>(
    sql`SELECT a.person_id, a.prison_id, p.name AS prison_name, a.committal_number, a.admitted_at,
      a.ended_at FROM admission a JOIN prison p ON p.id = a.prison_id WHERE a.person_id = ANY(${sql.param(personIds)}::uuid[]) ORDER BY
        a.admitted_at`,
  );
  return r.rows;
}

export async function findPersonIdentity(
  tx: Tx,
  id: string,
  forUpdate = false,
): Promise<PersonIdentityRow | undefined> {
  const r = await tx.execute<PersonIdentityRow>(
    sql`SELECT ${PERSON_COLS} FROM person p WHERE p.id = ${id}::uuid ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return r.rows[0];
}

/** Persons in batches for the scan, in id order (keyset pagination). */
export async function personsAfter(tx: Tx, afterId: string | null, limit: number): Promise<PersonIdentityRow[]> {
  const r = await tx.execute<PersonIdentityRow>(sql`SELECT ${PERSON_COLS} FROM person p
    WHERE p.merged_into_id IS NULL ${afterId ? sql`AND p.id > ${afterId}::uuid` : sql``} ORDER BY p.id LIMIT ${limit}`);
  return r.rows;
}

export async function countActivePersons(tx: Tx): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM person WHERE merged_into_id IS NULL`);
  return r.rows[0].n;
}

// Decisions ------------------------------------------------------------------------------------

export async function insertDecision(
  tx: Tx,
  d: {
    id: string;
    prisonId: string;
    decision: string;
    personId: string | null;
    admissionId: string | null;
    query: unknown;
    candidates: unknown;
    chosenScore: number | null;
    reason: string | null;
    decidedBy: string;
  },
): Promise<void> {
  await tx.execute(sql`INSERT INTO identity_decision (id, prison_id, decision, person_id, admission_id, query, candidates, chosen_score,
    reason, decided_by)
    VALUES (${d.id}::uuid, ${d.prisonId}::uuid, ${d.decision}, ${d.personId}::uuid, ${d.admissionId}::uuid,
      ${JSON.stringify(d.query)}::jsonb, ${JSON.stringify(d.candidates)}::jsonb, ${d.chosenScore}, ${d.reason}, ${d.decidedBy}::uuid)`);
}

export async function decisionsOfPerson(tx: Tx, personId: string): Promise<Record<string, unknown>[]> {
  const r = await tx.execute(
    sql`SELECT id, prison_id, decision, person_id, admission_id, chosen_score, reason, decided_by,
      decided_at FROM identity_decision WHERE person_id = ${personId}::uuid ORDER BY decided_at`,
  );
  return r.rows;
}

// Merges ---------------------------------------------------------------------------------------

/** Tables with a column referencing person(id) whose rows follow the person on a merge. */
export async function personReferences(tx: Tx): Promise<{ table: string; column: string }[]> {
  // Every foreign key to person(id), except: the person's own sub-records that stay with it
  // (person_name, person_sensitive), identity bookkeeping, and columns under a unique constraint.
  const r = await tx.execute<{ table: string; column: string; is_unique: boolean }>(sql`
    SELECT c.conrelid::regclass::text AS table, a.attname AS column,
      EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indisunique AND i.indpred IS NULL
        AND i.indkey::int2[] = ARRAY[a.attnum]::int2[]) AS is_unique
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass AND array_length(c.conkey, 1) = 1
      AND EXISTS (SELECT 1 FROM pg_attribute ia WHERE ia.attrelid = c.conrelid AND ia.attname = 'id' AND NOT ia.attisdropped)`);
  const skip = new Set([
    'person',
    'person_name',
    'person_sensitive',
    'identity_key',
    'identity_decision',
    'identity_merge',
    'identity_key_queue',
  ]);
  return r.rows.filter((x) => !skip.has(x.table) && !x.is_unique).map(({ table, column }) => ({ table, column }));
}

/** Point every row of `table.column` from one person to another; returns the ids moved. */
export async function moveRows(
  tx: Tx,
  table: string,
  column: string,
  from: string,
  to: string,
  onlyIds?: string[],
): Promise<string[]> {
  const t = sql.identifier(table);
  const c = sql.identifier(column);
  const r = await tx.execute<{ id: string }>(sql`UPDATE ${t} SET ${c} = ${to}::uuid WHERE ${c} = ${from}::uuid
    ${onlyIds ? sql`AND id = ANY(${sql.param(onlyIds)}::uuid[])` : sql``} RETURNING id::text AS id`);
  return r.rows.map((x) => x.id);
}

export async function setMergedInto(tx: Tx, personId: string, into: string | null): Promise<void> {
  await tx.execute(
    sql`UPDATE person SET merged_into_id = ${into}::uuid, version = version + 1, updated_at = now() WHERE id = ${personId}::uuid`,
  );
}

export type MergeRow = {
  id: string;
  survivor_id: string;
  merged_id: string;
  reason: string;
  moved: { table: string; column: string; ids: string[] }[];
  score: number | null;
  merged_by: string;
  merged_at: Date;
  undone_by: string | null;
  undone_at: Date | null;
  undo_reason: string | null;
};

export async function insertMerge(
  tx: Tx,
  m: {
    id: string;
    survivorId: string;
    mergedId: string;
    reason: string;
    moved: unknown;
    score: number | null;
    mergedBy: string;
  },
): Promise<void> {
  await tx.execute(sql`INSERT INTO identity_merge (id, survivor_id, merged_id, reason, moved, score, merged_by)
    VALUES (${m.id}::uuid, ${m.survivorId}::uuid, ${m.mergedId}::uuid, ${m.reason}, ${JSON.stringify(m.moved)}::jsonb, ${m.score},
      ${m.mergedBy}::uuid)`);
}

export async function findMerge(tx: Tx, id: string, forUpdate = false): Promise<MergeRow | undefined> {
  const r = await tx.execute<MergeRow>(
    sql`SELECT * FROM identity_merge WHERE id = ${id}::uuid ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return r.rows[0];
}

export async function mergesOf(tx: Tx, personId: string): Promise<MergeRow[]> {
  const r = await tx.execute<MergeRow>(
    sql`SELECT * FROM identity_merge WHERE survivor_id = ${personId}::uuid OR merged_id = ${personId}::uuid ORDER BY merged_at`,
  );
  return r.rows;
}

export async function activeMergesInto(tx: Tx, personId: string): Promise<MergeRow[]> {
  const r = await tx.execute<MergeRow>(
    sql`SELECT * FROM identity_merge WHERE survivor_id = ${personId}::uuid AND undone_at IS NULL`,
  );
  return r.rows;
}

export async function markUndone(tx: Tx, id: string, by: string, reason: string): Promise<void> {
  await tx.execute(
    sql`UPDATE identity_merge SET undone_by = ${by}::uuid, undone_at = now(), undo_reason = ${reason} WHERE id = ${id}::uuid`,
  );
}

export async function openAdmissionOf(
  tx: Tx,
  personId: string,
): Promise<{ id: string; committal_number: string; prison_id: string; prison_name: string } | undefined> {
  const r = await tx.execute<{ id: string; committal_number: string; prison_id: string; prison_name: string }>(
    sql`SELECT a.id, a.committal_number, a.prison_id, p.name AS prison_name FROM admission a JOIN prison p ON p.id = a.prison_id WHERE
      a.person_id = ${personId}::uuid AND a.ended_at IS NULL`,
  );
  return r.rows[0];
}
