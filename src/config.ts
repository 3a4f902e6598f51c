import path from 'node:path';

/** Runtime configuration, read from environment variables only (see README, "Configuration"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** External server only: the owner role's URL, for migrations (the app connects with databaseUrl). */
  databaseOwnerUrl?: string;
  attachmentsDir: string;
  attachmentMaxBytes: number;
  sessionTtlHours: number;
  logLevel: string;
  /** Load demo data on the first start of an empty registry (PMIS_DEMO=1, or `pmis serve --demo`). */
  demo: boolean;
  secureCookies: boolean;
  /** NODE_ENV=production: refuse to start with demo accounts or insecure settings (src/http/security.ts). */
  production: boolean;
  /** HOST was set explicitly (production mode requires it). */
  hostExplicit: boolean;
  /** Fastify's trustProxy: false (default), true, a hop count, or a list of proxy addresses/CIDRs. */
  trustProxy: boolean | number | string;
  /** TRUST_PROXY was set explicitly (production mode requires it, even to 0). */
  trustProxyExplicit: boolean;
  /** A session or token unused for this many minutes ends (SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** Demo data may be loaded on an external database (DATABASE_URL) only with PMIS_DEMO_EXTERNAL=1. */
  demoExternal: boolean;
  /** At most this many password hashes computed at once (LOGIN_HASH_CONCURRENCY). */
  loginHashConcurrency: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(
      `${name} must be an integer from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' or more'}, got "${raw}"`,
    );
  }
  return n;
}

/** TRUST_PROXY: unset/0/false = do not trust X-Forwarded-*; 1/true = trust every hop; 2… = hop count; else addresses/CIDRs. */
export function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === '0' || raw.toLowerCase() === 'false') return false;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
    attachmentsDir: path.resolve(env.ATTACHMENTS_DIR || path.join(dataDir, 'attachments')),
    attachmentMaxBytes: int(env, 'ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024),
    // 0 would mean "never expires": refused. A week at most.
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 168),
    logLevel: env.LOG_LEVEL || 'info',
    demo: env.PMIS_DEMO === '1',
    secureCookies: env.SECURE_COOKIES === '1',
    production: env.NODE_ENV === 'production',
    hostExplicit: !!env.HOST,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    trustProxyExplicit: env.TRUST_PROXY !== undefined && env.TRUST_PROXY !== '',
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    demoExternal: env.PMIS_DEMO_EXTERNAL === '1',
    loginHashConcurrency: int(env, 'LOGIN_HASH_CONCURRENCY', 2, 1, 64),
  };
}
