/**
 * The HTTP application: JSON API under /api (OpenAPI at /api/openapi.json, generated from the same
 * TypeBox schemas that validate requests) and the staff pages. Authentication happens here;
 * authorisation happens in the services.
 */
import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError, unauthenticated } from '../core/errors.js';
import { negotiate } from '../core/i18n.js';
import { databaseProblem, databaseUnavailable } from '../db/errors.js';
import { healthProbe } from '../db/health.js';
import { answerUnavailable } from './unavailable.js';
import { authenticate, configureHashing } from '../modules/access/index.js';
import { frameworkProblem, isApiPath, onClientError, onFrameworkError } from './framework-errors.js';
import { inputGuard, safeLocation } from './input-guard.js';
import { loggerOptions } from './logging.js';
import { LANG_COOKIE, SESSION_COOKIE, type App, type AppContext } from './context.js';
import { registerModules, staffNavigation } from './modules.js';
import { apiCsrfProblem, isSafeMethod, pageCsrfOk, registerSecurityHeaders } from './security.js';
import { type AjvError, ajvBody, ajvText, boundIntegers, fieldErrors } from './validation.js';
import { webAssetRoutes } from '../web/assets.js';
import { sendErrorPage } from '../web/page.js';

export { LANG_COOKIE, SESSION_COOKIE, type App, type AppContext } from './context.js';

export function sendProblem(reply: FastifyReply, req: FastifyRequest, err: AppError): FastifyReply {
  return reply.status(err.status).type('application/problem+json').send(err.toProblem(req.lang, req.url));
}

export { isApiPath } from './framework-errors.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A request's id: unique across restarts and servers (Fastify's default, req-1, req-2…, starts
 * again at each start), and short enough to read out on the telephone: ten characters of
 * Crockford's base 32 (no I, L, O or U), 50 random bits, as XXXXX-XXXXX.
 */
export function incidentReference(): string {
  const bytes = randomBytes(10);
  let s = '';
  for (const b of bytes) s += CROCKFORD[b & 31];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** A refusal or an error: the HTML error page (the kit's layout, the user's language) on a page path, problem+json under /api. */
function sendRefusal(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  return isApiPath(req.url) ? sendProblem(reply, req, err) : sendErrorPage(req, reply, err);
}
const sendCsrfPage = (req: FastifyRequest, reply: FastifyReply) =>
  sendErrorPage(req, reply, new AppError(403, 'error.csrf'));

export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(ctx.config.logLevel, ctx.logStream),
    // Trust X-Forwarded-For only when told which proxy to trust (TRUST_PROXY): req.ip is the audited address.
    trustProxy: ctx.config.trustProxy as boolean | string, // a hop count is accepted too (proxy-addr)
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: onFrameworkError,
    // Every log line of a request carries its id, and the 500 page shows it as the incident's reference.
    genReqId: incidentReference,
    clientErrorHandler: onClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Query strings and path parameters arrive as text and are coerced to their types; JSON bodies
  // are not (a null must stay null, never become 0 or ""). allErrors: every bad field is named.
  // The same validator factory as the page forms' (core/validation.ts: real calendar dates, no NaN);
  // unbounded integers get the range of PostgreSQL's integer (http/validation.ts).
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajvBody : ajvText).compile(schema));
  app.addHook('onRoute', (route) => {
    const sc = route.schema as Record<string, unknown> | undefined;
    for (const part of ['body', 'querystring', 'params'] as const) boundIntegers(sc?.[part]);
  });
  app.addHook('onSend', safeLocation);

  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'fr');
  app.decorateRequest('sessionCsrf', null);
  app.decorateRequest('authVia', null);
  configureHashing({ concurrency: ctx.config.loginHashConcurrency });

  const routes: App['pmisRoutes'] = [];
  app.decorate('pmisRoutes', routes);
  app.decorate('pmisNav', staffNavigation);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat())
      if (m !== 'HEAD')
        routes.push({
          method: m,
          url: r.url,
          public: !!r.config?.public,
          body: r.schema?.body,
          query: r.schema?.querystring,
        });
  });

  await registerSecurityHeaders(app, ctx.config);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: ctx.config.attachmentMaxBytes, files: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'pmis API',
        version: '0.1.0',
        description:
          'Prison management information system: national prisoner registry. Errors are application/problem+json in ' +
          'French or English (Accept-Language).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    hideUntagged: false,
  });

  app.addHook('onRequest', async (req, reply) => {
    const cookieLang = req.cookies[LANG_COOKIE];
    const header = req.headers['accept-language'];
    req.lang =
      req.url.startsWith('/api/') && header
        ? negotiate(header)
        : cookieLang === 'en' || cookieLang === 'fr'
          ? cookieLang
          : negotiate(header);
    const auth = await authenticate(
      ctx.database.db,
      {
        bearer: req.headers.authorization?.startsWith('Bearer ')
          ? req.headers.authorization.slice(7).trim()
          : undefined,
        session: req.cookies[SESSION_COOKIE],
      },
      { idleMinutes: ctx.config.sessionIdleMinutes, address: req.ip },
    );
    if (auth) {
      req.actor = auth.actor;
      req.sessionCsrf = auth.csrf;
      req.authVia = auth.via.kind;
      if (!cookieLang && !(req.url.startsWith('/api/') && header)) req.lang = auth.actor.lang;
    }
    if (req.routeOptions.config?.public) return;
    if (!req.actor) {
      if (isApiPath(req.url)) return sendProblem(reply, req, unauthenticated());
      // A form sent after the session ended: a page saying so, with the way to sign in again (401).
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendErrorPage(req, reply, unauthenticated());
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    }
    // CSRF, API: a cookie-authenticated change needs the X-CSRF-Token header (checked before the body is read).
    if (req.authVia === 'session' && req.url.startsWith('/api/')) {
      const problem = apiCsrfProblem(req);
      if (problem) return sendProblem(reply, req, problem);
    }
  });

  // CSRF, pages: every state-changing form of a signed-in user carries the session's token (`_csrf`).
  // Public forms (login) check their own pre-session token.
  app.addHook('preValidation', async (req, reply) => {
    if (isSafeMethod(req.method) || req.url.startsWith('/api/') || req.routeOptions.config?.public || !req.actor)
      return;
    if (!pageCsrfOk(req)) return sendCsrfPage(req, reply);
  });
  // Text that cannot be stored (NUL, lone surrogates) is refused before any schema or handler sees it.
  app.addHook('preValidation', inputGuard(sendErrorPage));

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) return sendRefusal(req, reply, err);
    const fe = err as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      return sendRefusal(
        req,
        reply,
        new AppError(422, 'error.validation', {}, fieldErrors(fe.validation, req.lang, fe.validationContext ?? 'body')),
      );
    }
    const framework = frameworkProblem(fe);
    if (framework) return sendRefusal(req, reply, framework);
    // The database is down, restarting, dropped the connection or refuses writes: 503, not 500.
    const unavailable = databaseUnavailable(err);
    if (unavailable) return answerUnavailable(req, reply, unavailable, err);
    // Database errors the data caused (unique, foreign key, check, bad value, conflict): by SQLSTATE.
    const problem = databaseProblem(err, req.body);
    if (problem) return sendRefusal(req, reply, problem);
    req.log.error({ err }, 'request failed'); // logged through safeErrorLog: no SQL parameter, no value
    // A page gets the 500 page with the request's reference (never the message key, never JSON).
    return sendRefusal(req, reply, new AppError(500, 'error.internal'));
  });

  // Not found: the 404 page on a page path (after the sign-in check of onRequest), problem+json under /api.
  app.setNotFoundHandler((req, reply) => sendRefusal(req, reply, new AppError(404, 'error.not_found')));

  // 200 when the database answers and accepts writes; 503 with a reason otherwise (src/db/health.ts).
  const health = healthProbe(ctx.database);
  app.get('/health', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    const h = await health();
    return reply
      .status(h.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(h);
  });

  await registerModules(app, ctx);
  await webAssetRoutes(app);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  return app;
}
