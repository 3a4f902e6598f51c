/** `pmis backup FILE` and `pmis restore FILE` (src/db/backup, docs/deployment.md). */
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/index.js';
import { backup, BackupError, MissingToolError, restore, RestoreRefused } from '../db/backup/index.js';

const log = (m: string) => {
  console.error(m);
};
export const MIN_PASSPHRASE = 12;

/** Read a line from the terminal without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = '';
      const onData = (d: Buffer) => {
        for (const ch of d.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.off('data', onData);
            process.stderr.write('\n');
            resolve(value);
            return;
          }
          if (ch === '\u0003') {
            stdin.off('data', onData);
            process.stderr.write('\n');
            reject(new Error('Interrupted.'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
          else value += ch;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}

/** The passphrase: PMIS_BACKUP_PASSPHRASE, or typed (twice for a new backup). */
async function passphrase(confirm: boolean): Promise<string> {
  const env = process.env.PMIS_BACKUP_PASSPHRASE;
  let value = env;
  if (value === undefined || value === '') {
    if (!process.stdin.isTTY)
      throw new RestoreRefused('Set PMIS_BACKUP_PASSPHRASE or run in a terminal to type the backup passphrase.');
    value = await askHidden('Backup passphrase: ');
    if (confirm && (await askHidden('Again: ')) !== value) throw new RestoreRefused('The two passphrases differ.');
  }
  if (confirm && Array.from(value).length < MIN_PASSPHRASE)
    throw new RestoreRefused(`The backup passphrase must have ${MIN_PASSPHRASE} characters or more.`);
  return value;
}

/** Errors the operator acts on are printed as they are, with exit status 2. */
async function operatorErrors(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof RestoreRefused || e instanceof BackupError || e instanceof MissingToolError) {
      console.error(e.message);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'Write an encrypted backup of the database and the attachments to FILE (passphrase from PMIS_BACKUP_PASSPHRASE or typed)',
    )
    .option('--force', 'replace FILE if it exists')
    .action(async (file: string, o: { force?: boolean }) =>
      operatorErrors(async () => {
        const secret = await passphrase(true);
        const config = loadConfig();
        const database = await openDatabase(config, { log, applicationName: 'pmis-cli', max: 2, migrate: false });
        try {
          const s = await backup(database, {
            file,
            passphrase: secret,
            attachmentsDir: config.attachmentsDir,
            force: o.force,
            log,
          });
          console.log(
            `Backup written to ${s.file}: ${s.bytes} bytes; ${s.tables} tables, ${s.rows} rows; ${s.attachments} ` +
              `attachment(s), ${s.attachment_bytes} bytes; ${s.seconds.toFixed(1)} s.`,
          );
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command('restore <file>')
    .description(
      'Restore a backup made by `pmis backup` into an empty database and attachments directory (checked in full first)',
    )
    .option('--force', 'replace a database and attachments that are not empty (stop the server first)')
    .action(async (file: string, o: { force?: boolean }) =>
      operatorErrors(async () => {
        const secret = await passphrase(false);
        const config = loadConfig();
        const database = await openDatabase(config, { log, applicationName: 'pmis-cli', max: 2, migrate: false });
        try {
          const s = await restore(database, {
            file,
            passphrase: secret,
            attachmentsDir: config.attachmentsDir,
            force: o.force,
            log,
          });
          console.log(
            `Restored ${s.tables} tables (${s.rows} rows, every count checked) and ${s.attachments} attachment(s) in ${s.seconds.toFixed(1)} s` +
              `${s.migrations_applied.length ? `; then applied ${s.migrations_applied.length} newer migration(s)` : ''}.`,
          );
        } finally {
          await database.close();
        }
      }),
    );
}
