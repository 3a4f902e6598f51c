/** The database of a command-line command, for every command file (the program's own, import, identity). */
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/index.js';

/** Open the database for a CLI command and always close (and release the embedded cluster) after. */
export async function withDatabase<T>(
  fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
  opts: { connections?: number } = {},
): Promise<T> {
  const database = await openDatabase(loadConfig(), {
    log: (m: string) => {
      console.error(m);
    },
    applicationName: 'pmis-cli',
    max: opts.connections ?? 4,
  });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
