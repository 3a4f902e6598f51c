import type { Config } from './config.js';
import { openDatabase, type Database } from './db/index.js';
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, seedDemo } from './demo/seed.js';
import { buildApp, type App } from './http/app.js';

export interface Running { app: App; database: Database; url: string; stop(): Promise<void> }

/** Open (and migrate) the database, load demo data on a first start, and listen. */
export async function startServer(config: Config, log: (m: string) => void = (m) => console.log(m)): Promise<Running> {
  const database = await openDatabase(config, { log, applicationName: 'pmis-server', max: 20 });
  let seeded = false;
  let app: App | undefined;
  try {
    if (config.demo && (await isEmpty(database))) {
      log('First start: loading demo data (a minute at most)...');
      await seedDemo(database, { log });
      seeded = true;
    }
    app = await buildApp({ database, config });
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    // e.g. the port is taken: close what was opened, so the embedded PostgreSQL this start may have
    // started stops again (unless another pmis process is using it).
    await app?.close().catch(() => undefined);
    await database.close();
    throw e;
  }
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  log(`pmis is running at ${url}  (database: ${database.kind}${database.kind === 'embedded' ? `, data in ${config.dataDir}` : ''})`);
  if (config.demo) {
    log(`${seeded ? 'Demo' : 'Demo (if not changed since the first start)'} logins — password for all: ${DEMO_PASSWORD}`);
    for (const u of DEMO_USERS) log(`  ${u.username.padEnd(15)} ${u.roles.join(', ')}${u.prisons ? ` (${u.prisons.join(', ')})` : ' (national)'}`);
    log(`API token: curl -s -X POST ${url}/api/auth/token -H 'content-type: application/json' -d '{"username":"admin","password":"${DEMO_PASSWORD}"}'`);
  }
  let stopping: Promise<void> | null = null;
  const started = app;
  return {
    app: started, database, url,
    stop() {
      stopping ??= (async () => {
        await started.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
