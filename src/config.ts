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
  /** Load demo data on the first start of an empty registry. */
  demo: boolean;
  secureCookies: boolean;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  return {
    port: int('PORT', 3000),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
    attachmentsDir: path.resolve(env.ATTACHMENTS_DIR || path.join(dataDir, 'attachments')),
    attachmentMaxBytes: int('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12),
    logLevel: env.LOG_LEVEL || 'info',
    demo: env.PMIS_DEMO !== '0',
    secureCookies: env.SECURE_COOKIES === '1',
  };
}
