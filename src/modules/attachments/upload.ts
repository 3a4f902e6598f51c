/**
 * Reading a multipart/form-data upload, the same for the API and the reception page: every field
 * and the file name checked like any other text (no NUL, no lone surrogate, bounded), the file
 * read up to the size limit. A malformed body is a 400 (src/http/framework-errors.ts).
 */
import type { FastifyRequest } from 'fastify';
import { checkText } from '../../http/input-guard.js';

export interface Upload {
  fields: Record<string, string>;
  file: { filename: string; data: Buffer; truncated: boolean } | null;
}

/** At most this many characters in a form field of an upload (prison, kind, person_id). */
const FIELD_MAX = 200;

export async function readUpload(req: FastifyRequest): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: Upload['file'] = null;
  for await (const part of req.parts()) {
    checkText(part.fieldname, `/${part.fieldname.slice(0, 40)}`, FIELD_MAX);
    if (part.type === 'file') {
      checkText(part.filename ?? '', '/file', 1000);
      let tooLarge = false;
      const data = await part.toBuffer().catch((e: unknown) => {
        if ((e as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE') {
          tooLarge = true;
          return Buffer.alloc(0);
        }
        throw e;
      });
      if (part.filename || tooLarge)
        file = { filename: part.filename ?? '', data, truncated: tooLarge || part.file.truncated };
    } else {
      fields[part.fieldname] = checkText(String(part.value), `/${part.fieldname}`, FIELD_MAX);
    }
  }
  return { fields, file };
}
