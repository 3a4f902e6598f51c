/**
 * Identity resolution: candidates for an arrival, the clerk's decision, merge and unmerge, scan.
 * Authorisation and history here; queries in repository.ts; scoring in score.ts (pure).
 */
import { type Actor, authorize, inScope } from '../../core/access.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { recordAccess, recordChange } from '../../core/history.js';
import { type Lang, t } from '../../core/i18n.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import { assertPersonVisible } from '../people/index.js';
import { explainReasons } from './compare.js';
import { blockingKeys, fatherKey } from './keys.js';
import './messages.js';
import * as repo from './repository.js';
import {
  birthInterval,
  type Comparison,
  compareIdentities,
  type IdentityRecord,
  MATCH_THRESHOLD,
  ninaKey,
  type Reason,
} from './score.js';

// Keys ------------------------------------------------------------------------------------------

/**
 * Recompute one person's derived name keys. The triggers of migration 20261125_0300 queue every
 * person whose names change, and the queue is drained before each search, so callers need not call
 * this; it is here for callers that want the keys written inside their own transaction.
 */
export async function indexPersonNames(tx: Tx, personId: string): Promise<void> {
  await repo.writeKeys(tx, [personId]);
}

/** Compute the keys of queued persons, in batches, each batch in its own transaction. */
export async function drainKeyQueue(
  db: Db,
  opts: { batch?: number; max?: number; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const batch = opts.batch ?? 1000;
  let done = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const ids = await repo.takeQueued(tx, batch);
      await repo.writeKeys(tx, ids);
      return ids.length;
    });
    done += n;
    opts.onBatch?.(done);
    if (n < batch || (opts.max !== undefined && done >= opts.max)) return done;
  }
}

// Candidates -----------------------------------------------------------------------------------

export interface CandidateQuery extends IdentityRecord {
  family_name: string;
}

export interface Candidate {
  person_id: string;
  /**
   * `full` for a person in the actor's scope; `minimal` for a person known only in other prisons:
   * names, sex, year of birth, region of origin, prisons and dates, with the matching reasons said
   * without the other prison's values (decision 0006). Details come with the recorded decision that
   * links the arrival to that person, or on request to the holding prison.
   */
  details: 'full' | 'minimal';
  family_name: string;
  given_names: string;
  /** The other name (spelling/alias) that matched best, when it did better than the main name. */
  matched_name: { family_name: string; given_names: string; kind: string } | null;
  sex: string;
  origin_region_code: string | null;
  father_name: string | null;
  mother_name: string | null;
  birth: { date: string; precision: string };
  birth_place: string | null;
  nina: string | null;
  registered_prison_id: string;
  admissions: {
    prison_id: string;
    prison_name: string;
    committal_number: string | null;
    admitted_at: string;
    ended_at: string | null;
  }[];
  score: number;
  decision: Comparison['decision'];
  reasons: (Reason & { text: string })[];
}

const SHORTLIST = 300;

/** Score stored persons against a query record: best of the main name and every other name. */
async function rank(
  tx: Tx,
  query: IdentityRecord,
  rows: repo.PersonIdentityRow[],
): Promise<{ row: repo.PersonIdentityRow; c: Comparison; matched: Candidate['matched_name'] }[]> {
  const names = await repo.otherNames(
    tx,
    rows.map((r) => r.id),
  );
  const byPerson = new Map<string, typeof names>();
  for (const n of names) (byPerson.get(n.person_id) ?? byPerson.set(n.person_id, []).get(n.person_id)!).push(n);
  return rows.map((row) => {
    let best = compareIdentities(query, repo.toRecord(row), { explain: false });
    let matched: (Candidate['matched_name'] & object) | null = null;
    for (const n of byPerson.get(row.id) ?? []) {
      const c = compareIdentities(query, repo.toRecord(row, n), { explain: false });
      if (c.score > best.score) {
        best = c;
        matched = { family_name: n.family_name, given_names: n.given_names, kind: n.kind };
      }
    }
    return { row, c: best, matched };
  });
}

/** The full explanation, for the few candidates that are returned. */
function explained(
  query: IdentityRecord,
  x: { row: repo.PersonIdentityRow; matched: Candidate['matched_name'] },
): Comparison {
  return compareIdentities(query, repo.toRecord(x.row, x.matched ?? undefined));
}

export function validateQuery(q: CandidateQuery): void {
  const errors = [];
  if (!q.family_name?.trim() && !q.given_names?.trim()) errors.push({ field: '/family_name', key: 'field.required' });
  if (q.birth_date && !birthInterval(q.birth_date, q.birth_precision || null))
    errors.push({ field: '/birth_date', key: 'identity.query.birth_date' });
  if (errors.length) throw invalid(errors);
}

/**
 * The likely same people among everyone ever registered, best first, each with its score and the
 * reasons field by field. Needs identity.match; the search is national (a re-admission may come
 * from any prison).
 */
export async function findCandidates(
  db: Db,
  actor: Actor,
  q: CandidateQuery,
  opts: { limit?: number; minScore?: number; lang?: Lang } = {},
): Promise<Candidate[]> {
  authorize(actor, 'identity.match');
  validateQuery(q);
  await drainKeyQueue(db, { max: 20_000 });
  const found = await searchCandidates(db, q, opts);
  // A person the actor's prisons do not know is shown minimally (decision 0006); that identity
  // data crossed prison scope is audited.
  const out = found.map((c) => (candidateVisible(actor, c) ? c : minimalCandidate(c, opts.lang ?? 'fr')));
  const foreign = out.filter((c) => c.details === 'minimal');
  if (foreign.length)
    await recordAccess(db, actor, {
      category: 'cross_prison',
      action: 'list',
      entity: 'identity_candidate',
      detail: { persons: foreign.map((c) => c.person_id) },
    });
  return out;
}

/** Whether the candidate's file is in the actor's scope (registered or admitted in one of their prisons). */
function candidateVisible(actor: Actor, c: Candidate): boolean {
  return (
    actor.national || inScope(actor, c.registered_prison_id) || c.admissions.some((a) => inScope(actor, a.prison_id))
  );
}

/** Fields whose values stay with the holding prison; their reasons say only how they compare. */
const WITHHELD_FIELDS = new Set(['father_name', 'mother_name', 'birth_date', 'birth_place', 'nina']);

/** What a clerk of another prison sees of a candidate: who, roughly born when, from where, held where and when. */
export function minimalCandidate(c: Candidate, lang: Lang): Candidate {
  const year = c.birth.precision === 'unknown' || !c.birth.date ? '' : c.birth.date.slice(0, 4);
  return {
    ...c,
    details: 'minimal',
    father_name: null,
    mother_name: null,
    birth_place: null,
    nina: null,
    birth: { date: year, precision: year ? (c.birth.precision === 'estimated' ? 'estimated' : 'year') : 'unknown' },
    admissions: c.admissions.map((a) => ({ ...a, committal_number: null })),
    reasons: c.reasons.map((r) =>
      WITHHELD_FIELDS.has(r.field)
        ? {
            ...r,
            params: {},
            text: t(lang, 'identity.minimal.reason', {
              field: t(lang, `identity.minimal.field.${r.field}`),
              verdict: t(lang, `identity.minimal.verdict.${r.verdict}`),
            }),
          }
        : r,
    ),
  };
}

/** The search itself, without authorisation (bench, scan). */
export async function searchCandidates(
  db: Tx,
  q: IdentityRecord,
  opts: { limit?: number; minScore?: number; lang?: Lang; shortlist?: number; excludeId?: string } = {},
): Promise<Candidate[]> {
  const limit = opts.limit ?? 10;
  const minScore = opts.minScore ?? 0.2;
  const keys = blockingKeys(q.family_name, q.given_names);
  const nina = ninaKey(q.nina) || null;
  const rows = await repo.shortlist(db, {
    keys,
    birthYear: repo.rankYear(q),
    father: fatherKey(q.father_name),
    nina,
    limit: opts.shortlist ?? SHORTLIST,
  });
  const ranked = (
    await rank(
      db,
      q,
      rows.filter((r) => r.id !== opts.excludeId),
    )
  )
    .filter((x) => x.c.score >= minScore)
    .sort((a, b) => b.c.score - a.c.score)
    .slice(0, limit);
  const adm = await repo.admissionsOf(
    db,
    ranked.map((x) => x.row.id),
  );
  const lang = opts.lang ?? 'fr';
  return ranked.map(({ row, matched }) => {
    const c = explained(q, { row, matched });
    const rec = repo.toRecord(row);
    const texts = explainReasons(c.reasons, lang);
    let i = 0;
    return {
      person_id: row.id,
      family_name: row.family_name,
      given_names: row.given_names,
      details: 'full' as const,
      matched_name: matched,
      sex: row.sex,
      origin_region_code: row.origin_region_code,
      father_name: row.father_name,
      mother_name: row.mother_name,
      birth: { date: rec.birth_date ?? '', precision: rec.birth_precision ?? 'unknown' },
      birth_place: row.birth_place,
      nina: row.nina,
      registered_prison_id: row.registered_prison_id,
      admissions: adm
        .filter((a) => a.person_id === row.id)
        .map((a) => ({
          prison_id: a.prison_id,
          prison_name: a.prison_name,
          committal_number: a.committal_number,
          admitted_at: new Date(a.admitted_at).toISOString(),
          ended_at: a.ended_at ? new Date(a.ended_at).toISOString() : null,
        })),
      score: c.score,
      decision: c.decision,
      reasons: c.reasons.map((r) => ({
        ...r,
        text: r.verdict === 'missing' ? t(lang, r.code, r.params) : (texts[i++] ?? ''),
      })),
    };
  });
}

// Decisions at reception ------------------------------------------------------------------------

export interface DecisionInput {
  prison_id: string;
  decision: 'existing_person' | 'new_person';
  person_id?: string | null;
  admission_id?: string | null;
  query: CandidateQuery;
  candidates?: { person_id: string; score: number }[];
  reason?: string | null;
}

/**
 * Record the clerk's decision: the arrival is an existing person (a re-admission; the admission is
 * then made with that person_id) or a new person. What was searched and shown is kept.
 */
export async function recordDecision(db: Db, actor: Actor, input: DecisionInput): Promise<{ id: string }> {
  authorize(actor, 'identity.match', input.prison_id);
  if (input.decision === 'existing_person' && !input.person_id)
    throw invalid([{ field: '/person_id', key: 'field.required' }]);
  return db.transaction(async (tx) => {
    let chosenScore: number | null = null;
    if (input.person_id) {
      const p = await repo.findPersonIdentity(tx, input.person_id);
      if (!p) throw invalid([{ field: '/person_id', key: 'identity.person_unknown' }]);
      if (p.merged_into_id)
        throw invalid([{ field: '/person_id', key: 'identity.person_merged', params: { into: p.merged_into_id } }]);
      chosenScore = compareIdentities(input.query, repo.toRecord(p)).score;
    }
    const id = newId();
    await repo.insertDecision(tx, {
      id,
      prisonId: input.prison_id,
      decision: input.decision,
      personId: input.person_id ?? null,
      admissionId: input.admission_id ?? null,
      query: input.query,
      candidates: input.candidates ?? [],
      chosenScore,
      reason: input.reason ?? null,
      decidedBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'identity_decision',
      entityId: id,
      personId: input.person_id ?? null,
      prisonId: input.prison_id,
      action: input.decision,
      reason: input.reason ?? null,
      after: {
        decision: input.decision,
        person_id: input.person_id ?? null,
        admission_id: input.admission_id ?? null,
        chosen_score: chosenScore,
      },
    });
    return { id };
  });
}

// Merge and unmerge ----------------------------------------------------------------------------

export interface MergeView {
  id: string;
  survivor_id: string;
  merged_id: string;
  reason: string;
  score: number | null;
  moved: { table: string; column: string; ids: string[] }[];
  merged_by: string;
  merged_at: string;
  undone_by: string | null;
  undone_at: string | null;
  undo_reason: string | null;
}

function mergeView(m: repo.MergeRow): MergeView {
  return {
    id: m.id,
    survivor_id: m.survivor_id,
    merged_id: m.merged_id,
    reason: m.reason,
    score: m.score,
    moved: m.moved,
    merged_by: m.merged_by,
    merged_at: new Date(m.merged_at).toISOString(),
    undone_by: m.undone_by,
    undone_at: m.undone_at ? new Date(m.undone_at).toISOString() : null,
    undo_reason: m.undo_reason,
  };
}

/**
 * Merge two files found to be one person. The merged person's rows in other tables (admissions and
 * everything that follows the person) are pointed to the survivor and listed; the merged person
 * keeps its own record, names and history and points to the survivor (merged_into_id). Nothing is
 * deleted, and unmergePersons puts exactly the listed rows back.
 */
export async function mergePersons(
  db: Db,
  actor: Actor,
  input: { survivor_id: string; merged_id: string; reason: string },
): Promise<MergeView> {
  authorize(actor, 'identity.merge');
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  if (input.survivor_id === input.merged_id) throw invalid([{ field: '/merged_id', key: 'identity.merge_same' }]);
  return db.transaction(async (tx) => {
    await assertPersonVisible(tx, actor, input.survivor_id);
    await assertPersonVisible(tx, actor, input.merged_id);
    // lock both in a fixed order
    const [first, second] = [input.survivor_id, input.merged_id].sort();
    await repo.findPersonIdentity(tx, first, true);
    await repo.findPersonIdentity(tx, second, true);
    const survivor = (await repo.findPersonIdentity(tx, input.survivor_id))!;
    const merged = (await repo.findPersonIdentity(tx, input.merged_id))!;
    if (survivor.merged_into_id) throw new AppError(409, 'identity.already_merged', { id: survivor.id });
    if (merged.merged_into_id) throw new AppError(409, 'identity.already_merged', { id: merged.id });
    if ((await repo.activeMergesInto(tx, merged.id)).length) throw new AppError(409, 'identity.has_merged_persons');
    const openA = await repo.openAdmissionOf(tx, survivor.id);
    const openB = await repo.openAdmissionOf(tx, merged.id);
    if (openA && openB) {
      // Another prison's committal number is not named: its prison is, and the national administration.
      const own = (o: typeof openA) => inScope(actor, o.prison_id);
      const label = (o: typeof openA) => (own(o) ? o.committal_number : o.prison_name);
      throw new AppError(409, own(openA) && own(openB) ? 'identity.both_held' : 'identity.both_held_elsewhere', {
        a: label(openA),
        b: label(openB),
      });
    }
    const score = compareIdentities(repo.toRecord(survivor), repo.toRecord(merged)).score;
    const moved: { table: string; column: string; ids: string[] }[] = [];
    for (const ref of await repo.personReferences(tx)) {
      const ids = await repo.moveRows(tx, ref.table, ref.column, merged.id, survivor.id);
      if (ids.length) moved.push({ ...ref, ids });
    }
    await repo.setMergedInto(tx, merged.id, survivor.id);
    const id = newId();
    await repo.insertMerge(tx, {
      id,
      survivorId: survivor.id,
      mergedId: merged.id,
      reason: input.reason,
      moved,
      score,
      mergedBy: actor.userId,
    });
    const after = { merge_id: id, survivor_id: survivor.id, merged_id: merged.id, moved, score };
    await recordChange(tx, actor, {
      entity: 'person',
      entityId: merged.id,
      personId: merged.id,
      prisonId: merged.registered_prison_id,
      action: 'merge',
      reason: input.reason,
      before: { merged_into_id: null },
      after: { ...after, merged_into_id: survivor.id },
    });
    await recordChange(tx, actor, {
      entity: 'person',
      entityId: survivor.id,
      personId: survivor.id,
      prisonId: survivor.registered_prison_id,
      action: 'merge_absorb',
      reason: input.reason,
      after,
    });
    return mergeView((await repo.findMerge(tx, id))!);
  });
}

/** Undo a merge: the listed rows go back to the merged person, who is a separate person again. */
export async function unmergePersons(
  db: Db,
  actor: Actor,
  mergeId: string,
  input: { reason: string },
): Promise<MergeView> {
  authorize(actor, 'identity.merge');
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const m = await repo.findMerge(tx, mergeId, true);
    if (!m) throw notFound();
    if (m.undone_at) throw new AppError(409, 'identity.merge_undone');
    await assertPersonVisible(tx, actor, m.survivor_id);
    const restored: { table: string; column: string; ids: string[] }[] = [];
    for (const r of m.moved) {
      const ids = await repo.moveRows(tx, r.table, r.column, m.survivor_id, m.merged_id, r.ids);
      restored.push({ ...r, ids });
    }
    await repo.setMergedInto(tx, m.merged_id, null);
    await repo.markUndone(tx, m.id, actor.userId, input.reason);
    const survivor = (await repo.findPersonIdentity(tx, m.survivor_id))!;
    const merged = (await repo.findPersonIdentity(tx, m.merged_id))!;
    const after = { merge_id: m.id, survivor_id: m.survivor_id, merged_id: m.merged_id, restored };
    await recordChange(tx, actor, {
      entity: 'person',
      entityId: merged.id,
      personId: merged.id,
      prisonId: merged.registered_prison_id,
      action: 'unmerge',
      reason: input.reason,
      before: { merged_into_id: m.survivor_id },
      after: { ...after, merged_into_id: null },
    });
    await recordChange(tx, actor, {
      entity: 'person',
      entityId: survivor.id,
      personId: survivor.id,
      prisonId: survivor.registered_prison_id,
      action: 'unmerge_release',
      reason: input.reason,
      after,
    });
    return mergeView((await repo.findMerge(tx, m.id))!);
  });
}

/** A person's identity history: merges (either side) and reception decisions. */
export async function identityHistory(
  db: Db,
  actor: Actor,
  personId: string,
): Promise<{ merges: MergeView[]; decisions: Record<string, unknown>[] }> {
  authorize(actor, 'identity.match');
  await assertPersonVisible(db, actor, personId);
  return {
    merges: (await repo.mergesOf(db, personId)).map(mergeView),
    decisions: await repo.decisionsOfPerson(db, personId),
  };
}

// Scan -----------------------------------------------------------------------------------------

export interface DuplicatePair {
  a: repo.PersonIdentityRow;
  b: repo.PersonIdentityRow;
  score: number;
  decision: Comparison['decision'];
  reasons: Reason[];
}

/**
 * Probable duplicates across the whole registry: each active person against the persons sharing
 * name keys with them (each pair once). Calls onProgress(done, total) after each batch.
 */
export async function scanDuplicates(
  db: Db,
  actor: Actor,
  opts: {
    minScore?: number;
    batch?: number;
    onProgress?: (done: number, total: number) => void;
    onPair?: (p: DuplicatePair) => void;
  } = {},
): Promise<{ scanned: number; pairs: number }> {
  authorize(actor, 'identity.merge');
  // The review list carries every prison's identity data (parents, NINA): national scope only.
  if (!actor.national) throw new AppError(403, 'identity.scan.national');
  const minScore = opts.minScore ?? MATCH_THRESHOLD;
  const batch = opts.batch ?? 500;
  await drainKeyQueue(db);
  const total = await repo.countActivePersons(db);
  let after: string | null = null;
  let scanned = 0;
  let pairs = 0;
  for (;;) {
    const persons = await repo.personsAfter(db, after, batch);
    if (!persons.length) break;
    for (const p of persons) {
      const found = await searchCandidates(db, repo.toRecord(p), {
        limit: 20,
        minScore,
        shortlist: 50,
        excludeId: p.id,
      });
      for (const c of found) {
        if (c.person_id < p.id) continue; // each pair once: reported from the lower id
        const other = (await repo.findPersonIdentity(db, c.person_id))!;
        pairs++;
        opts.onPair?.({ a: p, b: other, score: c.score, decision: c.decision, reasons: c.reasons });
      }
    }
    scanned += persons.length;
    after = persons[persons.length - 1].id;
    opts.onProgress?.(scanned, total);
  }
  return { scanned, pairs };
}
