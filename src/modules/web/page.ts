/** Shared plumbing of the server-rendered pages: HTML replies, error pages, CSRF. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { databaseProblem } from '../../db/errors.js';
import { sendErrorPage } from '../../web/page.js';

export type Req = FastifyRequest<{
  Querystring: Record<string, string | undefined>;
  Params: Record<string, string>;
  Body: Record<string, string | undefined>;
}>;

export function send(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** Refuse a form whose _csrf is not the session's token. */
export function csrfOk(req: FastifyRequest): boolean {
  // A multipart form (file upload) carries its token in the query string: its body is a stream.
  const sent = req.isMultipart()
    ? (req.query as Record<string, unknown>)._csrf
    : (req.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof sent !== 'string' || !req.sessionCsrf) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(req.sessionCsrf);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A refusal on a page: the kit's error page (src/web/page.ts), in the request's language. */
export function errorPage(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  return sendErrorPage(req, reply, err);
}

/**
 * Run a page handler; an AppError (403 out of scope, 404…), or a database error the data caused (a
 * value taken at the same moment by someone else…), becomes an HTML error page.
 */
export function page(fn: (req: Req, reply: FastifyReply) => Promise<FastifyReply | string>) {
  return async (req: Req, reply: FastifyReply) => {
    try {
      const out = await fn(req, reply);
      return typeof out === 'string' ? await send(reply, out) : out;
    } catch (e) {
      if (e instanceof AppError) return errorPage(req, reply, e);
      const problem = databaseProblem(e, req.body);
      if (problem) return errorPage(req, reply, problem);
      throw e;
    }
  };
}
