/**
 * Answers Fastify or Node give before a route runs — a malformed URL, a path parameter too long, an
 * unparsable body, a wrong media type, headers too large — in the user's language, like every other
 * error: application/problem+json under /api, the HTML error page on a page path.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { negotiate, registerMessages, t } from '../core/i18n.js';
import { sendErrorPage } from '../web/page.js';
import { LANG_COOKIE } from './context.js';

/** Paths under /api answer application/problem+json; every other path is a page and answers HTML. */
export function isApiPath(url: string): boolean {
  return /^\/api(?:[/?#]|$)/.test(url);
}

registerMessages({
  'error.bad_request': { fr: 'La requête est mal formée.', en: 'The request is malformed.' },
  'error.bad_url': { fr: "L'adresse demandée est mal formée.", en: 'The address requested is malformed.' },
  'error.uri_too_long': { fr: "L'adresse demandée est trop longue.", en: 'The address requested is too long.' },
  'error.invalid_json': {
    fr: "Le corps de la requête n'est pas du JSON valide.",
    en: 'The request body is not valid JSON.',
  },
  'error.empty_body': { fr: 'Le corps de la requête est vide.', en: 'The request body is empty.' },
  'error.too_large': { fr: 'La requête est trop volumineuse.', en: 'The request is too large.' },
  'error.unsupported_media_type': {
    fr: 'Type de contenu non accepté (JSON attendu, ou multipart/form-data pour un fichier).',
    en: 'Content type not accepted (JSON expected, or multipart/form-data for a file).',
  },
  'error.malformed_multipart': {
    fr: "L'envoi de fichier (multipart/form-data) est mal formé ou incomplet.",
    en: 'The file upload (multipart/form-data) is malformed or incomplete.',
  },
  'error.headers_too_large': {
    fr: 'Les en-têtes de la requête sont trop volumineux.',
    en: 'The request headers are too large.',
  },
  'error.timeout': { fr: 'La requête a pris trop de temps.', en: 'The request took too long.' },
});

/** Fastify's own 4xx errors (parsing, media type, size, multipart), by code, then by status. */
const BY_CODE: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'error.invalid_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'error.empty_body'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'error.unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'error.bad_request'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'error.too_large'],
  FST_ERR_BAD_URL: [400, 'error.bad_url'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'error.uri_too_long'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'error.unsupported_media_type'],
  FST_REQ_FILE_TOO_LARGE: [413, 'error.too_large'],
  FST_PARTS_LIMIT: [413, 'error.too_large'],
  FST_FILES_LIMIT: [413, 'error.too_large'],
  FST_FIELDS_LIMIT: [413, 'error.too_large'],
  FST_PROTO_VIOLATION: [400, 'error.malformed_multipart'],
  FST_MULTIPART_MISSING_BOUNDARY: [400, 'error.malformed_multipart'],
};
const BY_STATUS: Record<number, string> = {
  413: 'error.too_large',
  414: 'error.uri_too_long',
  415: 'error.unsupported_media_type',
  408: 'error.timeout',
  431: 'error.headers_too_large',
};

/** Busboy's messages for a body that is not the multipart it claims to be. */
const MULTIPART_MESSAGES =
  /^(Unexpected end of (form|file)|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form|Unexpected end of multipart data)/;

/**
 * The problem for an error thrown by Fastify or one of its plugins before or around a handler, or
 * null when it is not one (then it is a 5xx).
 */
export function frameworkProblem(err: { code?: unknown; statusCode?: unknown; message?: unknown }): AppError | null {
  const code = typeof err.code === 'string' ? err.code : '';
  if (BY_CODE[code]) return new AppError(BY_CODE[code][0], BY_CODE[code][1]);
  if (typeof err.message === 'string' && MULTIPART_MESSAGES.test(err.message))
    return new AppError(400, 'error.malformed_multipart');
  const status = typeof err.statusCode === 'number' ? err.statusCode : 0;
  if (status >= 400 && status < 500) return new AppError(status, BY_STATUS[status] ?? 'error.bad_request');
  return null;
}

/**
 * Fastify's `frameworkErrors`: a bad URL or a too long path parameter, found before routing (so
 * before the cookies are parsed and the user is known): the API gets problem+json in the
 * Accept-Language, a page path the HTML error page in the language cookie's language.
 */
export function onFrameworkError(
  err: { code?: string; statusCode?: number; message?: string },
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  const problem = frameworkProblem(err) ?? new AppError(400, 'error.bad_request');
  const header = req.headers['accept-language'];
  if (isApiPath(req.url)) {
    void reply
      .status(problem.status)
      .type('application/problem+json')
      .send(problem.toProblem(negotiate(header)));
    return;
  }
  const chosen = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=(fr|en)(?:;|$)`).exec(req.headers.cookie ?? '')?.[1];
  req.lang = chosen === 'en' || chosen === 'fr' ? chosen : negotiate(header);
  void sendErrorPage(req, reply, problem);
}

/** Node's `clientError`: a request the HTTP parser could not read (bad syntax, headers too large, timeout). */
export function onClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const problem = new AppError(status, BY_STATUS[status] ?? 'error.bad_request').toProblem('fr');
  // The headers could not be read, so neither could Accept-Language: both languages in the title.
  problem.title = `${problem.title} / ${t('en', problem.code)}`;
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/problem+json; ` +
        `charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
