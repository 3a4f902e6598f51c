import type { Config } from './config.js';
import { openDatabase, type Database } from './db/index.js';
import { demoAccountsWithPublishedPassword, demoDecision, demoLoginLines, registryFacts } from './demo/policy.js';
import { seedDemo } from './demo/seed.js';
import { buildApp, type App } from './http/app.js';
import { productionError, productionProblems } from './http/security.js';

export interface Running {
  app: App;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/**
 * Open (and migrate) the database, load demo data only when asked for (src/demo/policy.ts), refuse
 * insecure settings in production mode, and listen.
 */
export async function startServer(
  config: Config,
  log: (m: string) => void = (m) => {
    console.log(m);
  },
): Promise<Running> {
  // Settings first, before anything is started.
  const settings = productionProblems(config, { demoAccounts: [] });
  if (settings.length) throw productionError(settings);
  const database = await openDatabase(config, { log, applicationName: 'pmis-server', max: 20 });
  let demoAccounts: string[] = [];
  let app: App | undefined;
  try {
    const decision = demoDecision(
      {
        demo: config.demo,
        external: database.kind === 'external',
        allowExternal: config.demoExternal,
        production: config.production,
      },
      await registryFacts(database),
    );
    if (decision.load) {
      log('Loading demo data (a minute at most)...');
      await seedDemo(database, { log });
    } else if (decision.reason) {
      log(`Demo data not loaded: ${decision.reason}`);
    }
    if (config.demo || config.production) demoAccounts = await demoAccountsWithPublishedPassword(database);
    const problems = productionProblems(config, { demoAccounts });
    if (problems.length) throw productionError(problems);
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
  log(
    `pmis is running at ${url}  (database: ${database.kind}${database.kind === 'embedded' ? `, data in ${config.dataDir}` : ''})`,
  );
  // Demo logins are printed only when demo data was asked for and its accounts still have the published password.
  if (config.demo) for (const line of demoLoginLines(url, demoAccounts)) log(line);
  let stopping: Promise<void> | null = null;
  const started = app;
  return {
    app: started,
    database,
    url,
    stop() {
      stopping ??= (async () => {
        await started.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
