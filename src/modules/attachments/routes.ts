import { Type } from '@sinclair/typebox';
import { AppError, invalid } from '../../core/errors.js';
import type { App, AppContext } from '../../http/app.js';
import { readAttachment, saveAttachment } from './service.js';

export async function attachmentRoutes(app: App, { database, config }: AppContext): Promise<void> {
  const db = database.db;
  app.post('/api/attachments', {
    schema: { tags: ['attachments'], summary: 'Upload a file (multipart/form-data: prison, kind photo|fingerprints|warrant|document|medical, person_id?, file). JPEG, PNG or PDF, checked by content; size limited by ATTACHMENT_MAX_BYTES', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw invalid([{ field: '/file', key: 'attachment.empty' }]);
    const fields: Record<string, string> = {};
    let file: { filename: string; data: Buffer; truncated: boolean } | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer().catch((e: { code?: string }) => { if (e.code === 'FST_REQ_FILE_TOO_LARGE') return null; throw e; });
        if (data === null) throw new AppError(413, 'attachment.too_large', { max: config.attachmentMaxBytes }, [{ field: '/file', key: 'attachment.too_large', params: { max: config.attachmentMaxBytes } }]);
        file = { filename: part.filename, data, truncated: part.file.truncated };
      } else fields[part.fieldname] = String(part.value);
    }
    if (!file) throw invalid([{ field: '/file', key: 'attachment.empty' }]);
    const saved = await saveAttachment(db, req.actor!, config.attachmentsDir, config.attachmentMaxBytes, { prison: fields.prison ?? '', person_id: fields.person_id || null, kind: fields.kind ?? '', ...file });
    return reply.status(201).send(saved);
  });
  app.get('/api/attachments/:id', { schema: { tags: ['attachments'], summary: 'The file itself, for users allowed to see it (audited)', params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } },
    async (req, reply) => {
      const { meta, data } = await readAttachment(db, req.actor!, config.attachmentsDir, req.params.id);
      return reply.type(meta.content_type).header('cache-control', 'private, no-store').header('content-disposition', `inline; filename="${meta.filename.replace(/[^\w.-]/g, '_')}"`).header('x-content-type-options', 'nosniff').send(data);
    });
}
