/**
 * Scoring pairs from a file: the core of `pmis identities compare pairs.csv`.
 * Reads a CSV of pairs (columns a_<field> and b_<field>), scores each row with the same function
 * the reception page uses (compareIdentities), writes every input column plus score, decision and
 * reasons as CSV. Streams, so a large file does not have to fit in memory.
 */
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../../core/errors.js';
import { type Lang, t } from '../../core/i18n.js';
import './messages.js';
import { type Comparison, compareIdentities, type IdentityRecord, type Reason, summariseReasons } from './score.js';

export const RECORD_FIELDS = [
  'family_name',
  'given_names',
  'father_name',
  'mother_name',
  'birth_date',
  'birth_precision',
  'birth_place',
  'nina',
] as const;
const PRECISIONS = new Set(['', 'exact', 'month', 'year', 'estimated', 'unknown']);

/** The two records of a CSV row. Throws (with the row number) on an unknown precision. */
export function recordsFromRow(row: Record<string, string>, rowNo: number): [IdentityRecord, IdentityRecord] {
  const side = (p: 'a' | 'b'): IdentityRecord => {
    const rec: Record<string, string> = {};
    for (const f of RECORD_FIELDS) rec[f] = (row[`${p}_${f}`] ?? '').trim();
    const prec = rec.birth_precision.toLowerCase();
    if (!PRECISIONS.has(prec))
      throw new AppError(422, 'identity.compare.bad_precision', { row: rowNo, value: rec.birth_precision });
    return { ...rec, birth_precision: prec as IdentityRecord['birth_precision'] };
  };
  return [side('a'), side('b')];
}

/** The reasons in one language, one sentence each. */
export function explainReasons(reasons: Reason[], lang: Lang): string[] {
  return reasons.filter((r) => r.verdict !== 'missing').map((r) => t(lang, r.code, localParams(r.params, lang)));
}

/** Precision words and "how names agree" words in the reader's language. */
function localParams(params: Record<string, string | number>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const k of ['pa', 'pb']) if (typeof out[k] === 'string') out[k] = t(lang, `identity.precision.${out[k]}`);
  if (typeof out.how === 'string')
    out.how = out.how.replace(
      /\((identical|equivalent|phonetic|typo|initial|none)\)/g,
      (_, h: string) => `(${t(lang, `identity.how.${h}`)})`,
    );
  return out;
}

export interface CompareOptions {
  /** Add a column with the reasons written out in this language (default: a compact code list). */
  lang?: Lang;
  /** Called after each row (for a progress display). */
  onRow?: (n: number) => void;
}

/** Stream a pairs CSV through the scorer. Resolves with the number of rows scored. */
export async function compareCsv(input: Readable, output: Writable, opts: CompareOptions = {}): Promise<number> {
  let n = 0;
  let header: string[] | null = null;
  const parser = parse({
    columns: (h: string[]) => {
      header = h.map((c) => c.trim());
      return header;
    },
    skip_empty_lines: true,
    bom: true,
    trim: false,
  });
  const scorer = new Transform({
    objectMode: true,
    transform(row: Record<string, string>, _enc, done) {
      try {
        if (n === 0) {
          const missing = ['a_family_name', 'b_family_name'].filter((c) => !header!.includes(c));
          if (missing.length)
            throw new AppError(422, 'identity.compare.missing_columns', { columns: missing.join(', ') });
        }
        n++;
        const [a, b] = recordsFromRow(row, n + 1);
        const c: Comparison = compareIdentities(a, b);
        const out: Record<string, string | number> = {
          ...row,
          score: c.score,
          decision: c.decision,
          reasons: opts.lang ? explainReasons(c.reasons, opts.lang).join(' ') : summariseReasons(c.reasons),
        };
        opts.onRow?.(n);
        done(null, out);
      } catch (e) {
        done(e as Error);
      }
    },
  });
  const writer = stringify({ header: true, escape_formulas: true }); // no cell read as a spreadsheet formula
  await pipeline(input, parser, scorer, writer, output, { end: output !== process.stdout });
  return n;
}

/** Score a whole CSV text (tests, small files). */
export async function compareCsvText(text: string, opts: CompareOptions = {}): Promise<string> {
  const { Readable: R, PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await compareCsv(R.from([text]), out, opts);
  return Buffer.concat(chunks).toString('utf8');
}
