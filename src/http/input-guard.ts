/**
 * Text that can never be stored: NUL characters (PostgreSQL refuses them in text and JSON) and lone
 * UTF-16 surrogates (not Unicode; JSON columns refuse them, text columns would silently store
 * U+FFFD). Checked once for every request — path parameters, query string, JSON and form bodies,
 * keys included — before any schema or handler sees it; multipart fields and file names are
 * checked where they are read (`checkText`), and the importer checks each cell the same way.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../core/errors.js';
import { registerMessages } from '../core/i18n.js';

/** No text field of pmis needs more; schemas set tighter limits (this is the last line). */
export const MAX_TEXT = 65536;

registerMessages({
  'field.nul_character': {
    fr: 'Le texte contient un caractère nul (U+0000), refusé.',
    en: 'The text contains a NUL character (U+0000), which is refused.',
  },
  'field.lone_surrogate': {
    fr: 'Le texte contient un caractère invalide (demi-paire UTF-16), refusé.',
    en: 'The text contains an invalid character (a lone UTF-16 surrogate), which is refused.',
  },
  'field.form_value': { fr: 'Valeur de formulaire attendue (du texte).', en: 'A form value (text) is expected.' },
  'field.text_too_long': {
    fr: 'Texte trop long (au plus {max} caractères).',
    en: 'Text too long (at most {max} characters).',
  },
});

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The message key of what is wrong with a piece of text, or null when it can be stored. */
export function textProblem(s: string, max = MAX_TEXT): { key: string; params?: Record<string, number> } | null {
  if (s.includes('\u0000')) return { key: 'field.nul_character' };
  if (LONE_SURROGATE.test(s)) return { key: 'field.lone_surrogate' };
  if (s.length > max) return { key: 'field.text_too_long', params: { max } };
  return null;
}

/** Throw a 422 naming the field when a piece of text cannot be stored. */
export function checkText(s: string, field: string, max = MAX_TEXT): string {
  const p = textProblem(s, max);
  if (p) throw new AppError(422, 'error.validation', {}, [{ field, key: p.key, params: p.params }]);
  return s;
}

const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every bad string in a parsed value (keys included), as field errors with JSON pointers. */
export function findBadText(value: unknown, pointer = '', out: FieldError[] = [], depth = 0): FieldError[] {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    const p = textProblem(value);
    if (p) out.push({ field: pointer || '/', key: p.key, params: p.params });
  } else if (Array.isArray(value)) {
    if (depth > 64) out.push({ field: pointer || '/', key: 'field.text_too_long', params: { max: MAX_TEXT } });
    else value.forEach((v, i) => findBadText(v, `${pointer}/${i}`, out, depth + 1));
  } else if (value && typeof value === 'object') {
    if (depth > 64) out.push({ field: pointer || '/', key: 'field.text_too_long', params: { max: MAX_TEXT } });
    else {
      for (const [k, v] of Object.entries(value)) {
        const kp = textProblem(k, 1000);
        const safeKey = kp ? '?' : escapePointer(k);
        if (kp) out.push({ field: `${pointer}/${safeKey}`, key: kp.key, params: kp.params });
        findBadText(v, `${pointer}/${safeKey}`, out, depth + 1);
      }
    }
  }
  return out;
}

/** The fields of a page form that are not form values (text, or text repeated): a form body sent as JSON can hold objects. */
function notFormValues(body: unknown): FieldError[] {
  if (typeof body !== 'object' || Array.isArray(body)) return [{ field: '/', key: 'field.form_value' }];
  return Object.entries(body as Record<string, unknown>)
    .filter(([, v]) => !(typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))))
    .map(([k]) => ({ field: `/${escapePointer(k.slice(0, 100))}`, key: 'field.form_value' }));
}

/**
 * preValidation hook: refuse a request whose path parameters, query string or body hold text that
 * cannot be stored, and a page form that is not a form. API requests get a 4xx problem; pages get
 * `onPage` (an HTML error page).
 */
export function inputGuard(onPage?: (req: FastifyRequest, reply: FastifyReply, err: AppError) => unknown) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    // A page form's values are text: anything else (an object sent as JSON) never reaches a page handler.
    if (onPage && !req.url.startsWith('/api/') && req.body !== undefined && req.body !== null) {
      const shape = notFormValues(req.body);
      if (shape.length) return onPage(req, reply, new AppError(422, 'error.validation', {}, shape));
    }
    const fields = [
      ...findBadText(req.params).map((f) => ({ ...f, field: `params:${f.field}` })),
      ...findBadText(req.query).map((f) => ({ ...f, field: `querystring:${f.field}` })),
      ...findBadText(req.body),
    ];
    if (!fields.length) return;
    const err = new AppError(422, 'error.validation', {}, fields);
    if (onPage && !req.url.startsWith('/api/')) return onPage(req, reply, err);
    throw err;
  };
}

/**
 * onSend hook: a redirect's Location with a control, space or non-ASCII character (a `next=`
 * parameter carrying a newline, a tab, a line separator) would make Node refuse the header (a raw
 * 500) or let a browser read it as another address: such characters are percent-encoded, so the
 * address stays the path it was, on this site.
 */
export function safeLocation(_req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const loc = reply.getHeader('location');
  if (typeof loc === 'string' && /[^\x21-\x7e]/.test(loc)) {
    reply.header(
      'location',
      Array.from(loc)
        .map((c) =>
          /[\x21-\x7e]/.test(c)
            ? c
            : [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
        )
        .join(''),
    );
  }
  return Promise.resolve(payload);
}
