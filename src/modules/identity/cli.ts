/**
 * `pmis identities compare pairs.csv` (and, with the database, `pmis identities scan`).
 * Registered by the CLI through registerIdentityCommands(program).
 */
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { t, type Lang } from '../../core/i18n.js';
import { compareCsv } from './compare.js';

export function registerIdentityCommands(program: Command): Command {
  const identities = program.command('identities').description('Identity resolution: compare records, find duplicates');

  identities
    .command('compare <file>')
    .description('Score each row\'s two records (columns a_* and b_*) and write score, decision (same/different/review) and reasons as CSV to standard output; "-" reads standard input')
    .addOption(new Option('--lang <lang>', 'write the reasons out in this language instead of a compact code list').choices(['fr', 'en']))
    .action(async (file: string, opts: { lang?: Lang }) => {
      const input = file === '-' ? process.stdin : fs.createReadStream(file);
      try {
        const n = await compareCsv(input, process.stdout, { lang: opts.lang });
        console.error(`${n} pair(s) scored.`);
      } catch (e) {
        if (e instanceof AppError) {
          console.error(t(opts.lang ?? 'fr', e.key, e.params));
          process.exitCode = 2;
        } else throw e;
      }
    });

  return identities;
}
