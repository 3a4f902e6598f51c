import { Type } from '@sinclair/typebox';
import { AppError, invalid } from '../../core/errors.js';
import type { App, AppContext } from '../../http/context.js';
import { contentDisposition } from './rules.js';
import { readAttachment, saveAttachment } from './service.js';
import { readUpload } from './upload.js';

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function attachmentRoutes(app: App, { database, config }: AppContext): Promise<void> {
  const db = database.db;
  app.post(
    '/api/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary:
          'Upload a file (multipart/form-data: prison, kind photo|fingerprints|warrant|document|medical, person_id?, ' +
          'file). JPEG, PNG or PDF, checked by content; size limited by ATTACHMENT_MAX_BYTES',
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw invalid([{ field: '/file', key: 'attachment.empty' }]);
      const { fields, file } = await readUpload(req);
      if (file?.truncated)
        throw new AppError(413, 'attachment.too_large', { max: config.attachmentMaxBytes }, [
          { field: '/file', key: 'attachment.too_large', params: { max: config.attachmentMaxBytes } },
        ]);
      if (!file) throw invalid([{ field: '/file', key: 'attachment.empty' }]);
      const saved = await saveAttachment(db, req.actor!, config.attachmentsDir, config.attachmentMaxBytes, {
        prison: fields.prison ?? '',
        person_id: fields.person_id || null,
        kind: fields.kind ?? '',
        ...file,
      });
      return reply.status(201).send(saved);
    },
  );
  app.get(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: 'The file itself, for users allowed to see it (audited)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      },
    },
    async (req, reply) => {
      const { meta, data } = await readAttachment(db, req.actor!, config.attachmentsDir, req.params.id);
      return reply
        .type(meta.content_type)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(meta.filename, meta.content_type))
        .header('x-content-type-options', 'nosniff')
        .send(data);
    },
  );
}
