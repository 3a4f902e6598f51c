/**
 * What a module's routes and pages receive from the application — the Fastify instance type, the
 * application context, the cookie names and the request's decorations — without importing the
 * application itself (src/http/app.ts imports every module; a module importing it back would be a cycle).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { Config } from '../config.js';
import type { Actor } from '../core/access.js';
import type { Lang } from '../core/i18n.js';
import type { Database } from '../db/index.js';
import type { NavEntry } from '../web/page.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
    sessionCsrf: string | null;
    /** How the actor was authenticated: a session cookie or a bearer token. */
    authVia: 'session' | 'token' | null;
  }
  interface FastifyContextConfig {
    /** Reachable without authentication (health, login, OpenAPI, static assets). */
    public?: boolean;
  }
  interface FastifyInstance {
    /** Every route registered (method and URL pattern), for the permission × role matrix test. */
    pmisRoutes: { method: string; url: string; public: boolean; body?: unknown; query?: unknown }[];
    /** The staff pages' navigation: every module's entries, each shown to those it is for. */
    pmisNav: readonly NavEntry[];
  }
}

export interface AppContext {
  database: Database;
  config: Config;
  /** Where the log goes (standard output unless given; tests read it). */
  logStream?: NodeJS.WritableStream;
}

/** Fastify's default server, request, reply and logger types, with the TypeBox provider. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export const SESSION_COOKIE = 'pmis_session';
export const LANG_COOKIE = 'pmis_lang';
