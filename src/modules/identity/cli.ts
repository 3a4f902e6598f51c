/**
 * `pmis identities compare pairs.csv` (and, with the database, `pmis identities scan`).
 * Registered by the CLI through registerIdentityCommands(program).
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import { stringify } from 'csv-stringify';
import type { Actor } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import { t, type Lang } from '../../core/i18n.js';
import type { Db } from '../../db/index.js';
import { commandLineActor } from '../access/index.js';
import { compareCsv, explainReasons } from './compare.js';
import { toRecord } from './repository.js';
import { summariseReasons } from './score.js';
import { drainKeyQueue, scanDuplicates } from './service.js';
import { queueLength } from './repository.js';
import { withDatabase } from '../../cli/database.js';

export const SCAN_COLUMNS = [
  'score',
  'decision',
  'a_person_id',
  'b_person_id',
  'a_family_name',
  'a_given_names',
  'a_father_name',
  'a_mother_name',
  'a_birth_date',
  'a_birth_precision',
  'a_birth_place',
  'a_nina',
  'b_family_name',
  'b_given_names',
  'b_father_name',
  'b_mother_name',
  'b_birth_date',
  'b_birth_precision',
  'b_birth_place',
  'b_nina',
  'reasons',
  'review_decision',
  'review_note',
] as const;

/**
 * The duplicate scan as a CSV review list, one row per probable duplicate pair. The two last columns
 * are left empty for the administrator (same / different, a note). Resolves with the counts.
 */
export async function scanToCsv(
  db: Db,
  actor: Actor,
  out: Writable,
  opts: { minScore?: number; lang?: Lang; onProgress?: (done: number, total: number, pairs: number) => void } = {},
): Promise<{ scanned: number; pairs: number }> {
  // escape_formulas: a cell starting with = + - @ tab or CR gets a leading ' — a name typed as
  // "=HYPERLINK(…)" stays text in a spreadsheet, never a formula run on the reviewer's machine.
  const csv = stringify({ header: true, columns: [...SCAN_COLUMNS], escape_formulas: true });
  csv.pipe(out, { end: out !== process.stdout });
  const done = new Promise<void>((resolve, reject) => {
    csv.on('end', resolve);
    csv.on('error', reject);
  });
  let pairs = 0;
  const r = await scanDuplicates(db, actor, {
    minScore: opts.minScore,
    onProgress: (d, total) => opts.onProgress?.(d, total, pairs),
    onPair: (p) => {
      pairs++;
      const a = toRecord(p.a);
      const b = toRecord(p.b);
      const row: Record<string, string | number> = {
        score: p.score,
        decision: p.decision,
        a_person_id: p.a.id,
        b_person_id: p.b.id,
        reasons: opts.lang ? explainReasons(p.reasons, opts.lang).join(' ') : summariseReasons(p.reasons),
        review_decision: '',
        review_note: '',
      };
      for (const [side, rec] of [
        ['a', a],
        ['b', b],
      ] as const)
        for (const [k, v] of Object.entries(rec) as [string, string | null | undefined][])
          row[`${side}_${k}`] = v ?? '';
      csv.write(row);
    },
  });
  csv.end();
  await done;
  return r;
}

/** The user a CLI command acts as: --as, or the first national administrator. */
const cliActor = (db: Db, username?: string): Promise<Actor> => commandLineActor(db, username);

export function registerIdentityCommands(program: Command): Command {
  const identities = program.command('identities').description('Identity resolution: compare records, find duplicates');

  identities
    .command('compare <file>')
    .description(
      "Score each row's two records (columns a_* and b_*) and write score, decision (same/different/review) and " +
        'reasons as CSV to standard output; "-" reads standard input',
    )
    .addOption(
      new Option('--lang <lang>', 'write the reasons out in this language instead of a compact code list').choices([
        'fr',
        'en',
      ]),
    )
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

  identities
    .command('index')
    .description(
      'Compute the derived name keys of every person waiting in the queue (after a migration or a bulk load); ' +
        'searches also do it as they go',
    )
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const total = await queueLength(db);
        const bar = new SingleBar(
          { format: 'keys [{bar}] {percentage}% | {value}/{total} persons', stream: process.stderr },
          Presets.shades_classic,
        );
        bar.start(total, 0);
        const n = await drainKeyQueue(db, {
          batch: 2000,
          onBatch: (d) => {
            bar.update(Math.min(d, total));
          },
        }).finally(() => {
          bar.stop();
        });
        console.error(`${n} person(s) indexed.`);
      });
    });

  identities
    .command('scan')
    .description(
      'Look for probable duplicates across the whole registry; writes a review list (CSV) to --out or standard output',
    )
    .option('--out <file>', 'write the CSV here (default: standard output)')
    .option('--min-score <score>', 'list pairs scoring at least this (default 0.5: same or review)', '0.5')
    .addOption(new Option('--lang <lang>', 'write the reasons out in this language').choices(['fr', 'en']))
    .option('--as <username>', 'the user responsible (needs identity.merge; default: the first national administrator)')
    .action(async (o: { out?: string; minScore: string; lang?: Lang; as?: string }) => {
      await withDatabase(async ({ db }) => {
        const actor = await cliActor(db, o.as);
        const out = o.out ? fs.createWriteStream(o.out) : process.stdout;
        const bar = new SingleBar(
          { format: 'scan [{bar}] {percentage}% | {value}/{total} persons | {pairs} pairs', stream: process.stderr },
          Presets.shades_classic,
        );
        let started = false;
        const r = await scanToCsv(db, actor, out, {
          minScore: Number(o.minScore),
          lang: o.lang,
          onProgress: (done, total, pairs) => {
            if (!started) {
              bar.start(total, 0, { pairs });
              started = true;
            }
            bar.update(done, { pairs });
          },
        }).finally(() => {
          bar.stop();
        });
        if (o.out) await new Promise<void>((resolve) => (out as fs.WriteStream).end(resolve));
        console.error(t(o.lang ?? actor.lang ?? 'fr', 'identity.scan.done', { scanned: r.scanned, pairs: r.pairs }));
      });
    });

  return identities;
}
