/**
 * The answer when the database is unavailable (src/db/errors.ts): 503 with Retry-After, as
 * application/problem+json for the API and as a page for the staff pages — never a 500.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { registerMessages } from '../core/i18n.js';
import type { Unavailable } from '../db/errors.js';
import { sendErrorPage } from '../web/page.js';

registerMessages({
  'error.database_unavailable': {
    fr:
      'La base de données est momentanément indisponible. Réessayez dans quelques instants ; si vous enregistriez ' +
      "quelque chose, vérifiez d'abord s'il a été pris en compte.",
    en:
      'The database is unavailable for the moment. Try again in a few moments; if you were saving something, first ' +
      'check whether it was recorded.',
  },
  'error.database_read_only': {
    fr:
      "La base de données refuse les écritures (disque plein ou base en lecture seule) : rien n'a été enregistré. " +
      "Prévenez l'administrateur du système.",
    en: 'The database is refusing writes (disk full or read-only database): nothing was saved. Tell the system administrator.',
  },
});

export function answerUnavailable(
  req: FastifyRequest,
  reply: FastifyReply,
  why: Unavailable,
  err: unknown,
): FastifyReply {
  req.log.warn({ reason: why, code: (err as { code?: string })?.code }, 'database unavailable');
  const e =
    why === 'read_only' || why === 'disk_full'
      ? new AppError(503, 'error.database_read_only')
      : new AppError(503, 'error.database_unavailable');
  reply.header('retry-after', '5');
  if (!req.url.startsWith('/api/')) return sendErrorPage(req, reply, e);
  return reply.status(503).type('application/problem+json').send(e.toProblem(req.lang, req.url));
}
