/** Queries on the attachments module's own table. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/index.js';
import { attachment } from './schema.js';

/** The files received during a reception, newest first (what the admission takes its warrant and photo from). */
export async function filesOfReception(tx: Tx, receptionId: string): Promise<{ id: string; kind: string }[]> {
  return tx
    .select({ id: attachment.id, kind: attachment.kind })
    .from(attachment)
    .where(eq(attachment.receptionId, receptionId))
    .orderBy(desc(attachment.createdAt));
}

/** A reception's files not yet on anyone's file join the person's file (the reception became an admission). */
export async function attachReceptionFiles(tx: Tx, receptionId: string, personId: string): Promise<void> {
  await tx
    .update(attachment)
    .set({ personId })
    .where(and(eq(attachment.receptionId, receptionId), isNull(attachment.personId)));
}
