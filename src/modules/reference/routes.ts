import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../http/context.js';
import { Nullable } from '../../http/schemas.js';
import { addCode, listCodes } from './service.js';

const Code = Type.Object({
  kind: Type.String(),
  code: Type.String(),
  label_fr: Type.String(),
  label_en: Type.String(),
  parent_code: Nullable(Type.String()),
  active: Type.Boolean(),
  extra: Type.Record(Type.String(), Type.Unknown()),
});

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify registration functions are async
export async function referenceRoutes(app: App, { database }: AppContext): Promise<void> {
  app.get(
    '/api/reference/:kind',
    {
      schema: {
        tags: ['reference'],
        summary: 'A list of coded values (region, cercle, education_level, occupation, ...)',
        params: Type.Object({ kind: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Object({ items: Type.Array(Code) }) },
      },
    },
    async (req) => ({ items: await listCodes(database.db, req.actor!, req.params.kind) }),
  );
  app.post(
    '/api/reference/:kind',
    {
      schema: {
        tags: ['reference'],
        summary: 'Add a coded value (administrators)',
        params: Type.Object({ kind: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          {
            code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$', maxLength: 64 }),
            label_fr: Type.String({ minLength: 1, maxLength: 300 }),
            label_en: Type.String({ minLength: 1, maxLength: 300 }),
            parent_code: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: Code },
      },
    },
    async (req, reply) => reply.status(201).send(await addCode(database.db, req.actor, req.params.kind, req.body)),
  );
}
