/**
 * The HTTP application: JSON API under /api (OpenAPI at /api/openapi.json, generated from the same
 * TypeBox schemas that validate requests) and the staff pages. Authentication happens here;
 * authorisation happens in the services.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Actor } from '../core/access.js';
import { AppError, unauthenticated } from '../core/errors.js';
import { negotiate, type Lang } from '../core/i18n.js';
import type { Database } from '../db/index.js';
import { databaseProblem } from '../db/errors.js';
import { authenticate } from '../modules/access/service.js';
import { errorPage } from '../modules/web/page.js';
import { frameworkProblem, onClientError, onFrameworkError } from './framework-errors.js';
import { inputGuard, safeLocation } from './input-guard.js';
import { loggerOptions } from './logging.js';
import { registerModules } from './modules.js';
import { type AjvError, ajvBody, ajvText, boundIntegers, fieldErrors } from './validation.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
    sessionCsrf: string | null;
  }
  interface FastifyInstance {
    /** Every route declared, pages included (the OpenAPI document lists only the API's). */
    pmisRoutes: readonly RouteSummary[];
  }
  interface FastifyContextConfig {
    /** Reachable without authentication (health, login, OpenAPI, static assets). */
    public?: boolean;
  }
}

export interface RouteSummary { method: string; url: string; /** in the OpenAPI document */ api: boolean }

export interface AppContext {
  database: Database;
  config: Config;
  /** Where the log goes (standard output unless given; tests read it). */
  logStream?: NodeJS.WritableStream;
}

export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

export const SESSION_COOKIE = 'pmis_session';
export const LANG_COOKIE = 'pmis_lang';

export function sendProblem(reply: FastifyReply, req: FastifyRequest, err: AppError): FastifyReply {
  return reply.status(err.status).type('application/problem+json').send(err.toProblem(req.lang, req.url));
}

export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(ctx.config.logLevel, ctx.logStream),
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Same validation for the API and the pages (src/http/validation.ts); unbounded integers get the
  // range of PostgreSQL's integer; text that cannot be stored (NUL, lone surrogates) is refused
  // before any schema or handler sees it (src/http/input-guard.ts).
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajvBody : ajvText).compile(schema));
  const routes: RouteSummary[] = [];
  app.decorate('pmisRoutes', routes);
  app.addHook('onRoute', (route) => {
    const sc = route.schema as Record<string, unknown> | undefined;
    for (const part of ['body', 'querystring', 'params'] as const) boundIntegers(sc?.[part]);
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, api: !(sc as { hide?: boolean } | undefined)?.hide });
  });
  app.addHook('preValidation', inputGuard((req, reply, err) => errorPage(req, reply, err)));
  app.addHook('onSend', safeLocation);

  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'fr');
  app.decorateRequest('sessionCsrf', null);

  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: ctx.config.attachmentMaxBytes, files: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'pmis API', version: '0.1.0', description: 'Prison management information system: national prisoner registry. Errors are application/problem+json in French or English (Accept-Language).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    hideUntagged: false,
  });

  app.addHook('onRequest', async (req, reply) => {
    const cookieLang = req.cookies[LANG_COOKIE];
    const header = req.headers['accept-language'];
    req.lang = req.url.startsWith('/api/') && header ? negotiate(header) : cookieLang === 'en' || cookieLang === 'fr' ? cookieLang : negotiate(header);
    const auth = await authenticate(ctx.database.db, {
      bearer: req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7).trim() : undefined,
      session: req.cookies[SESSION_COOKIE],
    });
    if (auth) {
      req.actor = auth.actor;
      req.sessionCsrf = auth.csrf;
      if (!cookieLang && !(req.url.startsWith('/api/') && header)) req.lang = auth.actor.lang;
    }
    if (req.routeOptions.config?.public) return;
    if (!req.actor) {
      if (req.url.startsWith('/api/') || req.method !== 'GET') return sendProblem(reply, req, unauthenticated());
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    }
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) return sendProblem(reply, req, err);
    const fe = err as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      return sendProblem(reply, req, new AppError(422, 'error.validation', {}, fieldErrors(fe.validation, req.lang, fe.validationContext ?? 'body')));
    }
    // Database errors the data caused (unique, foreign key, check, bad value, conflict): by SQLSTATE.
    const problem = frameworkProblem(fe) ?? databaseProblem(err, req.body);
    if (problem) return sendProblem(reply, req, problem);
    req.log.error({ err }, 'request failed'); // logged through safeErrorLog: no SQL parameter, no value
    return sendProblem(reply, req, new AppError(500, 'error.internal'));
  });

  app.setNotFoundHandler((req, reply) => sendProblem(reply, req, new AppError(404, 'error.not_found')));

  app.get('/health', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await ctx.database.pool.query('SELECT 1');
      return { status: 'ok', database: ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: ctx.database.kind });
    }
  });

  await registerModules(app, ctx);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
