/**
 * Secure by default (issue 10, item 3): security headers and a strict Content-Security-Policy,
 * `Cache-Control: no-store` on every dynamic answer, CSRF for every cookie-authenticated state
 * change (pages and API), the login form's pre-session CSRF token, and the production-mode checks.
 * See docs/security.md.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { App } from './context.js';
import { AppError } from '../core/errors.js';

/** The pages need no script at all; styles come from /assets/app.css (inline <style> blocks are allowed by hash). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

export async function registerSecurityHeaders(app: App, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // HSTS only when pmis is served over TLS (SECURE_COOKIES=1 says so); see docs/security.md.
    strictTransportSecurity: config.secureCookies
      ? { maxAge: 31_536_000, includeSubDomains: false, preload: false }
      : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });

  app.addHook('onSend', async (req, reply, payload) => {
    // Nothing dynamic is cached: the JSON API, the pages, the errors (assets set their own header).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // Server-rendered documents with their own <style> block (the printable court list): allow
    // exactly those blocks by hash, nothing else inline.
    if (
      typeof payload === 'string' &&
      payload.includes('<style') &&
      String(reply.getHeader('content-type') ?? '').startsWith('text/html')
    ) {
      const hashes = [...payload.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(
        (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
      );
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      if (hashes.length && csp)
        reply.header(
          'content-security-policy',
          csp.replace(/style-src ([^;]*)/, (_, v: string) => `style-src ${v} ${hashes.join(' ')}`),
        );
    }
    return payload;
  });
}

// ---- CSRF --------------------------------------------------------------------------------------

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isSafeMethod = (m: string) => SAFE.has(m);

function same(a: unknown, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const CSRF_HEADER = 'x-csrf-token';

/**
 * A cookie-authenticated API request that changes something must carry the session's CSRF token
 * in the X-CSRF-Token header (a form on another site cannot set a header), and its body must not
 * be a form encoding. Bearer-token requests need neither. Returns the refusal, or null.
 */
export function apiCsrfProblem(req: FastifyRequest): AppError | null {
  if (isSafeMethod(req.method)) return null;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('text/plain'))
    return new AppError(415, 'error.csrf_api_media');
  if (!same(req.headers[CSRF_HEADER], req.sessionCsrf)) return new AppError(403, 'error.csrf_api');
  return null;
}

/** A page form: `_csrf` in the body (in the query string for a multipart upload), or the header. */
export function pageCsrfOk(req: FastifyRequest): boolean {
  const body = req.body as Record<string, unknown> | undefined;
  const sent = req.isMultipart()
    ? (req.query as Record<string, unknown>)._csrf
    : body && typeof body === 'object'
      ? body._csrf
      : undefined;
  return same(sent ?? req.headers[CSRF_HEADER], req.sessionCsrf);
}

// ---- The login form's CSRF token (before any session) ------------------------------------------

/** A double-submit cookie: the form carries the same random value as this cookie (host-only, SameSite=Strict). */
export function loginCsrfCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-pmis_login_csrf' : 'pmis_login_csrf';
}

/** The token for the login form: the one in the browser's cookie, or a new one (set on the reply). */
export function loginCsrfToken(
  req: FastifyRequest,
  reply: FastifyReply,
  config: Pick<Config, 'secureCookies'>,
): string {
  const name = loginCsrfCookieName(config);
  const have = req.cookies[name];
  if (typeof have === 'string' && /^[A-Za-z0-9_-]{32}$/.test(have)) return have;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    maxAge: 8 * 3600,
  });
  return token;
}

export function loginCsrfOk(req: FastifyRequest, config: Pick<Config, 'secureCookies'>): boolean {
  const body = req.body as Record<string, unknown> | undefined;
  return same(body && typeof body === 'object' ? body._csrf : undefined, req.cookies[loginCsrfCookieName(config)]);
}

// ---- Production mode ---------------------------------------------------------------------------

/**
 * What forbids starting in production mode (NODE_ENV=production): demo data asked for or demo
 * accounts present, cookies without the Secure flag, no explicit HOST or TRUST_PROXY.
 */
export function productionProblems(config: Config, facts: { demoAccounts: string[] }): string[] {
  if (!config.production) return [];
  const out: string[] = [];
  if (config.demo) out.push('PMIS_DEMO=1 (demo data) is not allowed in production.');
  if (facts.demoAccounts.length)
    out.push(
      `demo accounts with the published password are present (${facts.demoAccounts.join(', ')}): disable them (pmis ` +
        `user disable) or change their passwords.`,
    );
  if (!config.secureCookies)
    out.push('SECURE_COOKIES=1 is required (pmis must be served over HTTPS, see docs/security.md).');
  if (!config.hostExplicit) out.push('HOST must be set explicitly (e.g. 127.0.0.1 behind a reverse proxy).');
  if (!config.trustProxyExplicit)
    out.push(
      "TRUST_PROXY must be set explicitly (0 without a reverse proxy; the proxy's address, e.g. 127.0.0.1, behind one).",
    );
  return out;
}

export function productionError(problems: string[]): Error {
  return new Error(`NODE_ENV=production: pmis refuses to start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
