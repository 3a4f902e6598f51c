/** The person: identity and socio-demographic data, other names, sensitive fields. */
import type { Static } from '@sinclair/typebox';
import { type Actor, authorize } from '../../core/access.js';
import { bamakoDate } from '../../core/dates.js';
import { AppError, type FieldError, invalid, notFound } from '../../core/errors.js';
import { type Change, diff, recordAccess, recordChange, recordChanges } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import type { Db, Tx } from '../../db/index.js';
import { assertCodes, type CodeRef } from '../reference/index.js';
import './messages.js';
import type {
  OtherName as OtherNameBody,
  PersonChange as PersonChangeBody,
  PersonInput as PersonInputBody,
  PersonPatch as PersonPatchBody,
  Relative as RelativeBody,
} from './api-schemas.js';
import * as repo from './repository.js';
import { type BirthInput, formatBirth, ninaErrors, normaliseNina, parseBirth } from './rules.js';

/** The service's inputs are the API's bodies as validated (src/modules/people/api-schemas.ts). */
export type OtherName = Static<typeof OtherNameBody>;
export type PersonInput = Static<typeof PersonInputBody>;
export type RelativeInput = Static<typeof RelativeBody>;
export type PersonPatch = Static<typeof PersonPatchBody>;
export type PersonChange = Static<typeof PersonChangeBody>;

export interface PersonView {
  id: string;
  family_name: string;
  given_names: string;
  sex: string;
  gender_identity: string | null;
  birth: BirthInput;
  birth_place: string | null;
  father_name: string | null;
  mother_name: string | null;
  nationality: string | null;
  nina: string | null;
  origin_region_code: string | null;
  origin_commune: string | null;
  languages: string[];
  photo_attachment_id: string | null;
  marital_status: string | null;
  children_count: number | null;
  education_level: string | null;
  occupation: string | null;
  emergency_contact: string | null;
  other_names: (OtherName & { id: string })[];
  /** Family, children (age, whereabouts, custody) and emergency contacts: Mandela Rule 7. */
  relatives: (RelativeInput & { id: string })[];
  registered_prison_id: string;
  merged_into_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  /** Present only for users with the permission; every read is audited. */
  sensitive?: { religion: string | null; ethnicity: string | null };
}

function codeRefs(p: Partial<PersonInput>, base = ''): CodeRef[] {
  return [
    { field: `${base}/nationality`, kind: 'nationality', code: p.nationality },
    { field: `${base}/origin_region_code`, kind: 'region', code: p.origin_region_code },
    { field: `${base}/marital_status`, kind: 'marital_status', code: p.marital_status },
    { field: `${base}/education_level`, kind: 'education_level', code: p.education_level },
    { field: `${base}/occupation`, kind: 'occupation', code: p.occupation },
    ...(p.languages ?? []).map((l, i) => ({ field: `${base}/languages/${i}`, kind: 'language', code: l })),
    { field: `${base}/sensitive/religion`, kind: 'religion', code: p.sensitive?.religion },
    { field: `${base}/sensitive/ethnicity`, kind: 'ethnicity', code: p.sensitive?.ethnicity },
  ];
}

/** Field-level checks of a new person; the JSON schema has already checked types. */
export async function validatePerson(
  tx: Tx,
  p: PersonInput,
  base = '',
): Promise<{
  stored: Omit<typeof import('./schema.js').person.$inferInsert, 'id' | 'registeredPrisonId' | 'createdBy'>;
  errors: FieldError[];
}> {
  const errors: FieldError[] = [];
  const birth = parseBirth(p.birth, bamakoDate(), `${base}/birth`);
  errors.push(...birth.errors);
  const nina = normaliseNina(p.nina);
  errors.push(...ninaErrors(nina, `${base}/nina`));
  if (!p.family_name.trim()) errors.push({ field: `${base}/family_name`, key: 'field.required' });
  try {
    await assertCodes(tx, codeRefs(p, base));
  } catch (e) {
    if (e instanceof AppError) errors.push(...e.fields);
    else throw e;
  }
  if (nina && !errors.some((e) => e.field === `${base}/nina`) && (await repo.findByNina(tx, nina)))
    errors.push({ field: `${base}/nina`, key: 'person.nina_taken' });
  return {
    errors,
    stored: {
      familyName: p.family_name.trim(),
      givenNames: (p.given_names ?? '').trim(),
      sex: p.sex,
      genderIdentity: p.gender_identity ?? null,
      ...(birth.value ?? {
        birthPrecision: 'unknown',
        birthDate: null,
        birthEstimatedAge: null,
        birthEstimatedOn: null,
      }),
      birthPlace: p.birth_place ?? null,
      fatherName: p.father_name ?? null,
      motherName: p.mother_name ?? null,
      nationality: p.nationality ?? null,
      nina,
      originRegionCode: p.origin_region_code ?? null,
      originCommune: p.origin_commune ?? null,
      languages: p.languages ?? [],
      maritalStatus: p.marital_status ?? null,
      childrenCount: p.children_count ?? null,
      educationLevel: p.education_level ?? null,
      occupation: p.occupation ?? null,
      emergencyContact: p.emergency_contact ?? null,
    },
  };
}

/**
 * Create a person inside a transaction opened by the caller (an admission, an import, the intake).
 * Throws a 422 naming every bad field; writes nothing in that case.
 */
export async function createPersonTx(
  tx: Tx,
  actor: Actor,
  prisonId: string,
  p: PersonInput,
  base = '',
): Promise<string> {
  const [prepared] = await preparePeople(tx, actor, prisonId, [{ person: p, base }]);
  await writePeople(tx, actor, prisonId, [prepared]);
  return prepared.id;
}

/** A new person checked and ready to write: the rows and the history entry `createPersonTx` writes. */
export interface PreparedPerson {
  id: string;
  row: typeof import('./schema.js').person.$inferInsert;
  names: (typeof import('./schema.js').personName.$inferInsert)[];
  change: Change;
  sensitive: PersonInput['sensitive'] | null;
}

/**
 * Check new people and build their rows (nothing written); the first refusal is thrown, with its
 * fields. `createPersonTx` is this then `writePeople` for one; the register import does it for a batch.
 */
export async function preparePeople(
  tx: Tx,
  actor: Actor,
  prisonId: string,
  people: readonly { person: PersonInput; base?: string }[],
): Promise<PreparedPerson[]> {
  authorize(actor, 'person.write', prisonId);
  const out: PreparedPerson[] = [];
  for (const { person: p, base = '' } of people) {
    if (p.sensitive && (p.sensitive.religion || p.sensitive.ethnicity)) authorize(actor, 'person.sensitive');
    const { stored, errors } = await validatePerson(tx, p, base);
    if (errors.length) throw invalid(errors);
    const id = newId();
    const names = (p.other_names ?? []).map((n) => ({
      id: newId(),
      personId: id,
      kind: n.kind,
      familyName: n.family_name,
      givenNames: n.given_names ?? '',
      source: n.source ?? null,
      createdBy: actor.userId,
    }));
    const { sensitive, ...rest } = p;
    const hasSensitive = !!sensitive && !!(sensitive.religion || sensitive.ethnicity);
    // Religion and ethnicity go to the history as restricted data (core/confidentiality.ts).
    const change: Change = {
      entity: 'person',
      entityId: id,
      personId: id,
      prisonId,
      action: 'create',
      after: hasSensitive ? { ...rest, sensitive } : rest,
    };
    out.push({
      id,
      row: { ...stored, id, registeredPrisonId: prisonId, createdBy: actor.userId },
      names,
      change,
      sensitive: hasSensitive ? sensitive : null,
    });
  }
  return out;
}

/**
 * Write prepared people: one INSERT per table. Their history entries are written here unless the
 * caller writes them itself (`changes: false`, the import, to keep each person's entries together).
 */
export async function writePeople(
  tx: Tx,
  actor: Actor,
  prisonId: string,
  people: readonly PreparedPerson[],
  opts: { changes?: boolean } = {},
): Promise<void> {
  if (!people.length) return;
  await repo.insertPeople(
    tx,
    people.map((p) => p.row),
  );
  await repo.insertNames(
    tx,
    people.flatMap((p) => p.names),
  );
  if (opts.changes !== false)
    await recordChanges(
      tx,
      actor,
      people.map((p) => p.change),
    );
  for (const p of people) {
    if (!p.sensitive) continue;
    await repo.upsertSensitive(tx, p.id, p.sensitive);
    await recordAccess(tx, actor, {
      category: 'ethnicity_religion',
      action: 'write',
      entity: 'person',
      entityId: p.id,
      personId: p.id,
      prisonId,
    });
  }
}

/** 404 when absent, 403 when outside the actor's scope. */
export async function assertPersonVisible(
  db: Tx,
  actor: Actor,
  personId: string,
  permission: 'person.read' | 'person.write' | 'person.correct' = 'person.read',
): Promise<repo.PersonRow> {
  authorize(actor, permission);
  const p = await repo.findPerson(db, personId);
  if (!p) throw notFound();
  if (!actor.national) {
    const prisons = await repo.personPrisons(db, personId);
    if (!prisons.some((id) => actor.prisonIds.includes(id))) throw new AppError(403, 'error.out_of_scope');
  }
  return p;
}

/**
 * The prison a change to a person's own record belongs to, for the history's prison scope: the
 * registering prison when the actor works there (or nationally), otherwise the actor's prison that
 * holds or held the person — a prison that re-admitted someone sees its own corrections.
 */
async function changePrison(tx: Tx, actor: Actor, p: repo.PersonRow): Promise<string> {
  if (actor.national || actor.prisonIds.includes(p.registeredPrisonId)) return p.registeredPrisonId;
  return (await repo.personPrisons(tx, p.id)).find((id) => actor.prisonIds.includes(id)) ?? p.registeredPrisonId;
}

export function personView(
  p: repo.PersonRow,
  names: repo.PersonNameRow[],
  relatives: repo.RelativeRow[] = [],
): PersonView {
  return {
    id: p.id,
    family_name: p.familyName,
    given_names: p.givenNames,
    sex: p.sex,
    gender_identity: p.genderIdentity,
    birth: formatBirth({
      birthPrecision: p.birthPrecision,
      birthDate: p.birthDate,
      birthEstimatedAge: p.birthEstimatedAge,
      birthEstimatedOn: p.birthEstimatedOn,
    }),
    birth_place: p.birthPlace,
    father_name: p.fatherName,
    mother_name: p.motherName,
    nationality: p.nationality,
    nina: p.nina,
    origin_region_code: p.originRegionCode,
    origin_commune: p.originCommune,
    languages: p.languages,
    photo_attachment_id: p.photoAttachmentId,
    marital_status: p.maritalStatus,
    children_count: p.childrenCount,
    education_level: p.educationLevel,
    occupation: p.occupation,
    emergency_contact: p.emergencyContact,
    other_names: names.map((n) => ({
      id: n.id,
      kind: n.kind as 'spelling' | 'alias',
      family_name: n.familyName,
      given_names: n.givenNames,
      source: n.source,
    })),
    relatives: relatives.map((r) => ({
      id: r.id,
      relationship: r.relationship,
      full_name: r.fullName,
      birth_year: r.birthYear,
      phone: r.phone,
      address: r.address,
      whereabouts: r.whereabouts,
      custody: r.custody,
      emergency_contact: r.emergencyContact,
      notes: r.notes,
    })),
    registered_prison_id: p.registeredPrisonId,
    merged_into_id: p.mergedIntoId,
    version: p.version,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

/**
 * A person's identity. Religion and ethnicity are read only when asked for (need to know) and by
 * holders of person.sensitive; each such read is audited.
 */
export async function getPerson(
  db: Db,
  actor: Actor,
  personId: string,
  opts: { sensitive?: boolean } = {},
): Promise<PersonView> {
  const p = await assertPersonVisible(db, actor, personId);
  const v = personView(p, await repo.findNames(db, personId), await repo.findRelatives(db, personId));
  if (opts.sensitive) {
    authorize(actor, 'person.sensitive');
    v.sensitive = (await repo.findSensitive(db, personId)) ?? { religion: null, ethnicity: null };
    await recordAccess(db, actor, {
      category: 'ethnicity_religion',
      action: 'read',
      entity: 'person',
      entityId: personId,
      personId,
    });
  }
  return v;
}

/**
 * Change a person's file. `kind` says why: an 'update' records new information (a marriage, a new
 * NINA card), a 'correction' fixes a value that was wrong. Both keep the old value in the history
 * with who, when and the reason; a correction needs the person.correct permission.
 */
export async function changePerson(db: Db, actor: Actor, personId: string, input: PersonChange): Promise<PersonView> {
  if (!input.reason?.trim()) throw invalid([{ field: '/reason', key: 'field.reason_required' }]);
  return db.transaction(async (tx) => {
    const before = await assertPersonVisible(
      tx,
      actor,
      personId,
      input.kind === 'correction' ? 'person.correct' : 'person.write',
    );
    const p = (await repo.findPerson(tx, personId, true))!;
    if (input.version !== undefined && input.version !== p.version)
      throw new AppError(409, 'person.version_conflict', { current: p.version });
    const merged: PersonInput = { ...personView(p, []), ...input.changes } as PersonInput;
    const { stored, errors } = await validatePerson(
      tx,
      { ...merged, nina: input.changes.nina === undefined ? null : merged.nina },
      '/changes',
    );
    const realErrors = errors.filter(
      (e) => !(e.key === 'person.nina_taken' && normaliseNina(merged.nina) === before.nina),
    );
    if (realErrors.length) throw invalid(realErrors);
    const next: Partial<repo.PersonRow> = { ...stored };
    if (input.changes.nina === undefined) delete next.nina;
    const d = diff(p, next);
    if (!Object.keys(d.after).length) throw invalid([{ field: '/changes', key: 'person.nothing_changed' }]);
    const ok = await repo.updatePersonRow(tx, personId, d.after, p.version);
    if (!ok) throw new AppError(409, 'person.version_conflict', { current: p.version });
    await recordChange(tx, actor, {
      entity: 'person',
      entityId: personId,
      personId,
      prisonId: await changePrison(tx, actor, p),
      action: input.kind,
      reason: input.reason,
      before: d.before,
      after: d.after,
    });
    return personView(
      (await repo.findPerson(tx, personId))!,
      await repo.findNames(tx, personId),
      await repo.findRelatives(tx, personId),
    );
  });
}

export async function addOtherName(db: Db, actor: Actor, personId: string, n: OtherName): Promise<PersonView> {
  return db.transaction(async (tx) => {
    const p = await assertPersonVisible(tx, actor, personId, 'person.write');
    const row = {
      id: newId(),
      personId,
      kind: n.kind,
      familyName: n.family_name,
      givenNames: n.given_names ?? '',
      source: n.source ?? null,
      createdBy: actor.userId,
    };
    await repo.insertNames(tx, [row]);
    await recordChange(tx, actor, {
      entity: 'person_name',
      entityId: row.id,
      personId,
      prisonId: await changePrison(tx, actor, p),
      action: 'create',
      after: n,
    });
    return personView(p, await repo.findNames(tx, personId), await repo.findRelatives(tx, personId));
  });
}

export async function setSensitive(
  db: Db,
  actor: Actor,
  personId: string,
  v: { religion?: string | null; ethnicity?: string | null; reason: string },
): Promise<{ religion: string | null; ethnicity: string | null }> {
  authorize(actor, 'person.sensitive');
  return db.transaction(async (tx) => {
    const p = await assertPersonVisible(tx, actor, personId, 'person.write');
    await assertCodes(tx, [
      { field: '/religion', kind: 'religion', code: v.religion },
      { field: '/ethnicity', kind: 'ethnicity', code: v.ethnicity },
    ]);
    const before = (await repo.findSensitive(tx, personId)) ?? { religion: null, ethnicity: null };
    const next = {
      religion: v.religion === undefined ? before.religion : v.religion,
      ethnicity: v.ethnicity === undefined ? before.ethnicity : v.ethnicity,
    };
    await repo.upsertSensitive(tx, personId, next);
    // The old and new values are kept in the history as restricted data (ethnicity_religion): only
    // holders of person.sensitive read them back, audited; the audit names the fields, not the values.
    const fields = Object.keys(v).filter((k) => k !== 'reason');
    await recordChange(tx, actor, {
      entity: 'person_sensitive',
      entityId: personId,
      personId,
      prisonId: await changePrison(tx, actor, p),
      action: 'update',
      reason: v.reason,
      before,
      after: { ...next, fields },
    });
    await recordAccess(tx, actor, {
      category: 'ethnicity_religion',
      action: 'write',
      entity: 'person',
      entityId: personId,
      personId,
      detail: { fields },
    });
    return next;
  });
}

export async function addRelative(db: Db, actor: Actor, personId: string, r: RelativeInput): Promise<PersonView> {
  return db.transaction(async (tx) => {
    const p = await assertPersonVisible(tx, actor, personId, 'person.write');
    const id = newId();
    await repo.insertRelative(tx, {
      id,
      personId,
      relationship: r.relationship,
      fullName: r.full_name,
      birthYear: r.birth_year ?? null,
      phone: r.phone ?? null,
      address: r.address ?? null,
      whereabouts: r.whereabouts ?? null,
      custody: r.custody ?? null,
      emergencyContact: !!r.emergency_contact,
      notes: r.notes ?? null,
      createdBy: actor.userId,
    });
    await recordChange(tx, actor, {
      entity: 'person_relative',
      entityId: id,
      personId,
      prisonId: await changePrison(tx, actor, p),
      action: 'create',
      after: r,
    });
    return personView(p, await repo.findNames(tx, personId), await repo.findRelatives(tx, personId));
  });
}
