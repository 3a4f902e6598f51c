/** The operators' command line: `pmis serve | migrate | seed-demo | user … | import … | backup | restore`. */
import { Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { demoDecision, registryFacts } from '../demo/policy.js';
import { seedDemo } from '../demo/seed.js';
import {
  addUser,
  approveUser,
  disableUser,
  listUsers,
  resetPassword,
  resetTotp,
  unlockUser,
  PASSWORD_MIN_LENGTH,
} from '../modules/access/index.js';
import { ROLES, type Role } from '../core/access.js';
import { AppError } from '../core/errors.js';
import { t } from '../core/i18n.js';
import { startServer } from '../server.js';
import { registerBackupCommands } from './backup.js';
import { withDatabase } from './database.js';
import { registerImportCommand } from './import.js';
import { registerIdentityCommands } from '../modules/identity/index.js';

const log = (m: string) => {
  console.error(m);
};

export function buildProgram(): Command {
  const program = new Command('pmis').description('pmis — prison management information system').showHelpAfterError();

  program
    .command('serve')
    .description('Start the web server (embedded PostgreSQL unless DATABASE_URL is set)')
    .option('--demo', 'load demo data on an empty registry and print the demo logins (same as PMIS_DEMO=1)')
    .action(async (o: { demo?: boolean }) => {
      const config = loadConfig();
      const running = await startServer(o.demo ? { ...config, demo: true } : config);
      let signalled = false;
      const shutdown = async (sig: string) => {
        if (signalled) return;
        signalled = true;
        log(`${sig}: stopping pmis...`);
        await running.stop().catch((e: unknown) => {
          log(String(e));
        });
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      // openDatabase migrates; nothing else to do.
      await withDatabase(() => {
        log('Database is up to date.');
        return Promise.resolve();
      });
    });

  program
    .command('seed-demo')
    .description('Load demo data (demo accounts with a published password) into an empty registry')
    .option(
      '--allow-external',
      'allow an external database (DATABASE_URL): only for throw-away databases (same as PMIS_DEMO_EXTERNAL=1)',
    )
    .action(async (opts: { allowExternal?: boolean }) => {
      const config = loadConfig();
      await withDatabase(async (database) => {
        const d = demoDecision(
          {
            demo: true,
            external: database.kind === 'external',
            allowExternal: !!opts.allowExternal || config.demoExternal,
            production: config.production,
          },
          await registryFacts(database),
        );
        if (!d.load) {
          log(`Nothing done: ${d.reason}`);
          process.exitCode = 2;
          return;
        }
        await seedDemo(database, { log });
        log('Demo data loaded.');
      });
    });

  // The command line is the operator on the server: whoever can run it holds the database's own
  // credentials (DATA_DIR or DATABASE_URL) and could read or change everything directly, so it is
  // not limited by the grant rule. It is the bootstrap path (the first national administrator) and
  // the recovery path. Everything it does is recorded in the history with no actor and "via: cli".
  const user = program.command('user').description('Manage user accounts (as the operator on the server)');
  user
    .command('add <username>')
    .description('Create a user (the password is read from PMIS_PASSWORD or asked for)')
    .requiredOption('--name <display name>', 'full name')
    .addOption(new Option('--role <role...>', 'one or more roles').choices([...ROLES]).makeOptionMandatory())
    .option('--prison <code...>', 'prison codes in the scope (e.g. BKO KLK)')
    .option('--national', 'national scope (all prisons)')
    .addOption(new Option('--lang <lang>', 'interface language').choices(['fr', 'en']).default('fr'))
    .action(
      async (
        username: string,
        o: { name: string; role: Role[]; prison?: string[]; national?: boolean; lang: 'fr' | 'en' },
      ) => {
        const password = process.env.PMIS_PASSWORD ?? (await askPassword());
        await withDatabase(async ({ db }) => {
          const u = await addUser(db, null, {
            username,
            display_name: o.name,
            password,
            roles: o.role,
            prisons: o.prison,
            national: !!o.national,
            lang: o.lang,
          });
          console.log(
            `Created ${u.username} (${u.roles.join(', ')}; ${u.national ? 'national' : u.prisons.join(', ')})`,
          );
        });
      },
    );
  user
    .command('list')
    .description('List users')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        for (const u of await listUsers(db, null))
          console.log(
            [
              u.username.padEnd(20),
              u.roles.join(',').padEnd(30),
              (u.national ? 'national' : u.prisons.join(',')).padEnd(16),
              u.disabled ? 'disabled' : 'active',
              u.display_name,
            ].join(' '),
          );
      });
    });
  user
    .command('approve <username>')
    .description('Approve an account waiting for a second national administrator')
    .option('--reason <text>', 'why (kept in the history)')
    .action(async (username: string, o: { reason?: string }) => {
      await withDatabase(async ({ db }) => {
        await approveUser(db, null, username, o.reason ?? null);
        console.log(`Approved ${username}`);
      });
    });
  user
    .command('unlock <username>')
    .description('Clear the failed login attempts that locked an account')
    .option('--reason <text>', 'why (kept in the history)')
    .action(async (username: string, o: { reason?: string }) => {
      await withDatabase(async ({ db }) => {
        await unlockUser(db, null, username, o.reason ?? null);
        console.log(`Unlocked ${username}`);
      });
    });
  user
    .command('reset-2fa <username>')
    .description("Remove a user's two-step verification (lost phone): their sessions and tokens end")
    .requiredOption('--reason <text>', 'why (kept in the history)')
    .action(async (username: string, o: { reason: string }) => {
      await withDatabase(async ({ db }) => {
        await resetTotp(db, null, username, o.reason);
        console.log(`Two-step verification removed for ${username}`);
      });
    });
  user
    .command('password <username>')
    .description('Set a new password (from PMIS_PASSWORD or typed): every session and token of the user ends')
    .action(async (username: string) => {
      const password = process.env.PMIS_PASSWORD ?? (await askPassword());
      await withDatabase(async ({ db }) => {
        await resetPassword(db, username, password);
        console.log(`New password set for ${username}`);
      });
    });
  user
    .command('disable <username>')
    .description('Disable a user: their sessions and tokens end at once')
    .requiredOption('--reason <text>', 'why (kept in the history)')
    .action(async (username: string, o: { reason: string }) => {
      await withDatabase(async ({ db }) => {
        await disableUser(db, null, username, o.reason);
        console.log(`Disabled ${username}`);
      });
    });

  registerImportCommand(program);
  registerIdentityCommands(program);
  registerBackupCommands(program);
  return program;
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('Set PMIS_PASSWORD or run in a terminal to type the password.');
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(`Password (${PASSWORD_MIN_LENGTH} characters or more, not a common one): `);
  } finally {
    rl.close();
  }
}

/** Print a domain error the way an operator reads it, in French unless PMIS_LANG=en. */
export function reportError(e: unknown): void {
  const lang = process.env.PMIS_LANG === 'en' ? 'en' : 'fr';
  if (e instanceof AppError) {
    console.error(t(lang, e.key, e.params));
    for (const f of e.fields) console.error(`  ${f.field}: ${f.message ?? t(lang, f.key, f.params)}`);
  } else {
    console.error(e instanceof Error ? e.message : String(e));
  }
}
