/**
 * What the server logs, and what it never logs. The access log keeps the method, the path (without
 * its query string: search terms are detainees' names, forms carry CSRF tokens there), the route,
 * the status, the time taken and a request id; error logs keep what src/db/errors.ts
 * `safeErrorLog` allows — never an SQL parameter, a request body or a header.
 */
import type { FastifyServerOptions } from 'fastify';
import { safeErrorLog } from '../db/errors.js';

/** The path of a request URL, without its query string or fragment. */
export const pathOnly = (url: string | undefined): string => (url ?? '').replace(/[?#].*$/s, '');

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  routeOptions?: { url?: string };
}

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: pathOnly(req.url),
        route: req.routeOptions?.url,
        remoteAddress: req.ip,
      }),
      err: (err: unknown) => safeErrorLog(err),
    },
    // A documented cast (docs/architecture.md): Fastify's types want every logged error to carry
    // `message` and `stack`; a database error's log leaves them out on purpose (PostgreSQL repeats
    // the offending values in the message).
    // eslint-disable-next-line no-restricted-syntax -- the one documented cast, see above
  } as unknown as FastifyServerOptions['logger'];
}
