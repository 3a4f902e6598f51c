/**
 * GET /health: is the database there, and does it accept writes? A database that answers reads but
 * refuses writes (full disk, read-only, a server in recovery, a revoked privilege) is reported 503
 * with a reason, as is one that cannot be reached. The write probe rewrites the one row of
 * `pmis_heartbeat`, at most once per `writeEveryMs` while it succeeds (a load balancer polling
 * every second does not write every second); between two writes a plain read checks the connection.
 */
import os from 'node:os';
import type { Database } from './index.js';
import { databaseUnavailable, type Unavailable } from './errors.js';

export interface Health {
  status: 'ok' | 'unavailable';
  database: Database['kind'];
  /** Why the database is unavailable. */
  reason?: Unavailable | 'write_refused' | 'timeout' | 'error';
  /** The SQLSTATE (or system error code) seen, when there is one. */
  code?: string;
}

export function healthProbe(
  database: Pick<Database, 'pool' | 'kind'>,
  opts: { writeEveryMs?: number; timeoutMs?: number } = {},
): () => Promise<Health> {
  const writeEveryMs = opts.writeEveryMs ?? 5000;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const who = `${os.hostname()}:${process.pid}`.slice(0, 200);
  let lastWrite = 0;
  const probe = async (): Promise<void> => {
    if (Date.now() - lastWrite < writeEveryMs) {
      await database.pool.query('SELECT 1');
      return;
    }
    await database.pool.query(
      `INSERT INTO pmis_heartbeat (id, beat_at, beat_by) VALUES (1, now(), $1)
       ON CONFLICT (id) DO UPDATE SET beat_at = excluded.beat_at, beat_by = excluded.beat_by`,
      [who],
    );
    lastWrite = Date.now();
  };
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => {
            reject(Object.assign(new Error('health probe timed out'), { code: 'PMIS_TIMEOUT' }));
          }, timeoutMs);
        }),
      ]);
      return { status: 'ok', database: database.kind };
    } catch (e) {
      lastWrite = 0; // probe the write again next time
      const code = typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
      const reason: Health['reason'] =
        code === 'PMIS_TIMEOUT'
          ? 'timeout'
          : (databaseUnavailable(e) ?? (code === '42501' ? 'write_refused' : 'error'));
      return {
        status: 'unavailable',
        database: database.kind,
        reason,
        ...(code && code !== 'PMIS_TIMEOUT' ? { code } : {}),
      };
    } finally {
      clearTimeout(timer);
    }
  };
}
