/**
 * Files kept on disk under ATTACHMENTS_DIR (scans of warrants, photos, fingerprint images), with
 * type and size checks; read only by users who may see the person's file in that prison (medical
 * files also need health.read); every read is audited.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type Actor, authorize, can, inScope } from '../../core/access.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { recordAccess, recordChange } from '../../core/history.js';
import { newId } from '../../core/ids.js';
import { registerMessages } from '../../core/i18n.js';
import type { Db, Tx } from '../../db/index.js';
import { attachment } from './schema.js';
import { getPrison } from '../estate/index.js';
import { assertPersonVisible } from '../people/index.js';
import { mayReadPrisonData } from '../sharing/index.js';
import { type AttachmentKind, KINDS, sniffType, storedFilename, typeAllowed } from './rules.js';

registerMessages({
  'attachment.type': {
    fr: 'Type de fichier refusé : JPEG, PNG ou PDF seulement (photos et empreintes : images).',
    en: 'File type refused: JPEG, PNG or PDF only (photos and fingerprints: images).',
  },
  'attachment.too_large': {
    fr: 'Fichier trop volumineux (au plus {max} octets).',
    en: 'File too large (at most {max} bytes).',
  },
  'attachment.empty': { fr: 'Fichier vide ou absent.', en: 'Empty or missing file.' },
  'attachment.kind': { fr: 'Nature de pièce jointe inconnue.', en: 'Unknown kind of attachment.' },
});

export interface AttachmentView {
  id: string;
  prison_id: string;
  person_id: string | null;
  kind: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_at: string;
}

const view = (a: typeof attachment.$inferSelect): AttachmentView => ({
  id: a.id,
  prison_id: a.prisonId,
  person_id: a.personId,
  kind: a.kind,
  filename: a.filename,
  content_type: a.contentType,
  size_bytes: a.sizeBytes,
  sha256: a.sha256,
  created_at: a.createdAt.toISOString(),
});

export async function saveAttachment(
  db: Db,
  actor: Actor,
  dir: string,
  maxBytes: number,
  input: {
    prison: string;
    person_id?: string | null;
    reception_id?: string | null;
    kind: string;
    filename: string;
    data: Buffer;
    truncated?: boolean;
  },
): Promise<AttachmentView> {
  if (!(KINDS as readonly string[]).includes(input.kind)) throw invalid([{ field: '/kind', key: 'attachment.kind' }]);
  const kind = input.kind as AttachmentKind;
  const prison = await getPrison(db, actor, input.prison);
  authorize(actor, kind === 'medical' ? 'health.write' : 'person.write', prison.id);
  if (input.person_id)
    await assertPersonVisible(db, actor, input.person_id, kind === 'medical' ? 'person.read' : 'person.write');
  if (input.truncated || input.data.length > maxBytes)
    throw new AppError(413, 'attachment.too_large', { max: maxBytes }, [
      { field: '/file', key: 'attachment.too_large', params: { max: maxBytes } },
    ]);
  if (!input.data.length) throw invalid([{ field: '/file', key: 'attachment.empty' }]);
  const type = sniffType(input.data.subarray(0, 8));
  if (!type || !typeAllowed(kind, type)) throw invalid([{ field: '/file', key: 'attachment.type' }]);
  const id = newId();
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  const storageKey = path.join(new Date().toISOString().slice(0, 7), id);
  const file = path.join(dir, storageKey);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, input.data, { mode: 0o600, flag: 'wx' });
  try {
    return await db.transaction(async (tx) => {
      const row = {
        id,
        prisonId: prison.id,
        personId: input.person_id ?? null,
        receptionId: input.reception_id ?? null,
        kind,
        filename: storedFilename(input.filename, type),
        contentType: type,
        sizeBytes: input.data.length,
        sha256,
        storageKey,
        createdBy: actor.userId,
        createdAt: new Date(),
      };
      await tx.insert(attachment).values(row);
      await recordChange(tx, actor, {
        entity: 'attachment',
        entityId: id,
        prisonId: prison.id,
        personId: input.person_id ?? null,
        action: 'create',
        after: { kind, filename: row.filename, content_type: type, size_bytes: row.sizeBytes, sha256 },
      });
      if (kind === 'medical')
        await recordAccess(tx, actor, {
          category: 'health',
          action: 'write',
          entity: 'attachment',
          entityId: id,
          personId: input.person_id ?? null,
          prisonId: prison.id,
        });
      return view(row);
    });
  } catch (e) {
    await fs.rm(file, { force: true }); // nothing half-written: no file without its row
    throw e;
  }
}

/** The attachment and its bytes, for a user allowed to see them; the read is audited. */
export async function readAttachment(
  db: Db,
  actor: Actor,
  dir: string,
  id: string,
): Promise<{ meta: AttachmentView; data: Buffer }> {
  const [a] = await db.select().from(attachment).where(eq(attachment.id, id));
  if (!a) throw notFound();
  // The documents that follow a person from the forces are read only through the chain module (its readers).
  if (a.kind === CASE_DOCUMENT) throw forbidden();
  authorize(actor, a.kind === 'medical' ? 'health.read' : 'person.read');
  if (!inScope(actor, a.prisonId)) {
    // Another prison's file: the person's photo goes with the identity (opened by a re-admission);
    // a reception's other files go with that reception when it is opened (sharing). Never medical files.
    const person = a.personId && a.kind !== 'medical' ? await assertPersonVisible(db, actor, a.personId) : undefined;
    const ok =
      person &&
      (person.photoAttachmentId === a.id ||
        (a.receptionId && (await mayReadPrisonData(db, actor, person.id, a.prisonId, 'reception'))));
    if (!ok) throw new AppError(403, 'error.out_of_scope');
  }
  if (a.personId) await assertPersonVisible(db, actor, a.personId);
  const data = await fs.readFile(path.join(dir, a.storageKey));
  await recordAccess(db, actor, {
    category: a.kind === 'medical' ? 'health' : 'attachment',
    action: 'read',
    entity: 'attachment',
    entityId: a.id,
    personId: a.personId,
    prisonId: a.prisonId,
  });
  return { meta: view(a), data };
}

/** The kind of the files the chain module keeps for a case (documents from the forces or the prosecutor). */
export const CASE_DOCUMENT = 'case_document';

/**
 * Keep a case document for the chain module (docs/chain-announce.md): the same type and size checks
 * as any file, kept the same way, but never served by GET /api/attachments/:id — the chain module
 * decides who reads it (the case's prosecutor, the Pôle's magistrates) and audits each read. The
 * caller has authorised the writer; the row is written in the caller's transaction.
 */
export async function storeCaseDocument(
  tx: Tx,
  actor: Actor,
  dir: string,
  maxBytes: number,
  input: { prisonId: string; filename: string; data: Buffer; truncated?: boolean },
): Promise<AttachmentView> {
  if (input.truncated || input.data.length > maxBytes)
    throw new AppError(413, 'attachment.too_large', { max: maxBytes }, [
      { field: '/file', key: 'attachment.too_large', params: { max: maxBytes } },
    ]);
  if (!input.data.length) throw invalid([{ field: '/file', key: 'attachment.empty' }]);
  const type = sniffType(input.data.subarray(0, 8));
  if (!type) throw invalid([{ field: '/file', key: 'attachment.type' }]);
  const id = newId();
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  const storageKey = path.join(new Date().toISOString().slice(0, 7), id);
  const file = path.join(dir, storageKey);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, input.data, { mode: 0o600, flag: 'wx' });
  try {
    const row = {
      id,
      prisonId: input.prisonId,
      personId: null,
      receptionId: null,
      kind: CASE_DOCUMENT,
      filename: storedFilename(input.filename, type),
      contentType: type,
      sizeBytes: input.data.length,
      sha256,
      storageKey,
      createdBy: actor.userId,
      createdAt: new Date(),
    };
    await tx.insert(attachment).values(row);
    return view(row);
  } catch (e) {
    await fs.rm(file, { force: true }); // nothing half-written: no file without its row
    throw e;
  }
}

/** A case document's bytes, for the chain module once it has decided the reader may see it (it audits the read). */
export async function loadCaseDocument(
  tx: Tx,
  dir: string,
  id: string,
): Promise<{ meta: AttachmentView; data: Buffer }> {
  const [a] = await tx.select().from(attachment).where(eq(attachment.id, id));
  if (!a || a.kind !== CASE_DOCUMENT) throw notFound();
  return { meta: view(a), data: await fs.readFile(path.join(dir, a.storageKey)) };
}

export const canUpload = (actor: Actor) => can(actor, 'person.write') || can(actor, 'health.write');

/** The files attached during a reception (metadata only). */
export async function receptionAttachments(
  db: Db,
  actor: Actor,
  receptionId: string,
  prisonId: string,
): Promise<AttachmentView[]> {
  if (!can(actor, 'person.read')) return [];
  const rows = await db.select().from(attachment).where(eq(attachment.receptionId, receptionId));
  const own = inScope(actor, prisonId);
  // Another prison's reception, opened by a recorded decision: its files, never the medical ones.
  const personId = rows.find((a) => a.personId)?.personId;
  if (!own && !(personId && (await mayReadPrisonData(db, actor, personId, prisonId, 'reception')))) return [];
  const shown = rows.filter((a) => a.kind !== 'medical' || (own && can(actor, 'health.read')));
  // Medical files' metadata is health data: listing it is audited.
  const medical = shown.filter((a) => a.kind === 'medical');
  if (medical.length)
    await recordAccess(db, actor, {
      category: 'health',
      action: 'list',
      entity: 'attachment',
      personId: medical[0].personId,
      prisonId,
      detail: { attachments: medical.map((a) => a.id) },
    });
  return shown.map(view);
}
