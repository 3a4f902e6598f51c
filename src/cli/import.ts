/**
 * `pmis import register.csv --prison BKO`: load a paper committal register typed into a spreadsheet.
 * The file is read as a stream (any size, little memory). It must be UTF-8 — or say its encoding
 * with `--encoding latin1` — else it is refused before anything is written, naming the first line
 * that is not. Row by row: each row is checked by the API's own admission schema, then admitted by
 * the same `admit` as the API, in its own transaction, so a bad row — one the checks refuse or one
 * PostgreSQL refuses — writes nothing and never stops the rest; it is reported with its line
 * number, column and reason. WORKERS rows are written at once (each on its own connection); their
 * commits do not wait for the disk one by one, and the import ends with one that does, so what it
 * reports as imported is on disk. Running the same file twice is refused row by row by the
 * committal number (when the file has one) or creates duplicates (when it has not): see README.
 */
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Actor } from '../core/access.js';
import { isCalendarDate } from '../core/dates.js';
import { AppError } from '../core/errors.js';
import { registerMessages, t, type Lang } from '../core/i18n.js';
import type { Db } from '../db/index.js';
import { databaseProblem, pgErrorOf } from '../db/errors.js';
import { textProblem } from '../http/input-guard.js';
import { assertBody } from '../http/validation.js';
import {
  AdmissionBody,
  admit,
  admitBatch,
  type AdmissionInput,
  CHARGE_CATEGORIES,
  DOCUMENT_KINDS,
} from '../modules/custody/index.js';
// A row's cell goes through the one placement rule, as any admission (loading it provides it to custody).
import '../modules/housing/index.js';
import { findCells, findPrison } from '../modules/estate/index.js';
import { sql } from 'drizzle-orm';
import { commandLineActor } from '../modules/access/index.js';
import { withDatabase } from './database.js';

registerMessages({
  'import.not_utf8': {
    fr:
      "Le fichier n'est pas en UTF-8 (ligne {line}) : il est sans doute en Latin-1/Windows-1252, comme l'enregistre " +
      "Excel. Enregistrez-le en « CSV UTF-8 » ou relancez avec --encoding latin1. Rien n'a été importé.",
    en:
      'The file is not UTF-8 (line {line}): it is probably Latin-1/Windows-1252, as Excel saves it. Save it as "CSV ' +
      'UTF-8" or run again with --encoding latin1. Nothing was imported.',
  },
  'import.encoding_unknown': {
    fr: 'Encodage inconnu : {encoding} (par exemple utf8, latin1, windows-1252).',
    en: 'Unknown encoding: {encoding} (for example utf8, latin1, windows-1252).',
  },
  'import.empty': {
    fr: "Le fichier ne contient aucune ligne à importer (il faut une ligne d'en-tête puis une ligne par détenu).",
    en: 'The file has no row to import (a header line, then one line per detainee, is expected).',
  },
  'import.missing_columns': {
    fr: "Colonnes obligatoires absentes de la ligne d'en-tête : {columns}.",
    en: 'Required columns missing from the header line: {columns}.',
  },
  'import.unreadable': { fr: 'Fichier illisible : {file}.', en: 'Cannot read the file: {file}.' },
  'import.column_count': {
    fr: "{found} colonnes au lieu de {expected} (celles de la ligne d'en-tête).",
    en: '{found} columns instead of {expected} (those of the header line).',
  },
  'import.malformed_csv': { fr: 'Ligne CSV mal formée ({reason}).', en: 'Malformed CSV line ({reason}).' },
  'import.database_refused': {
    fr: 'Refusée par la base de données (SQLSTATE {code}) : vérifiez les valeurs de la ligne.',
    en: 'Refused by the database (SQLSTATE {code}): check the values of the row.',
  },
});

export const IMPORT_COLUMNS = [
  'committal_number',
  'admitted_at',
  'family_name',
  'given_names',
  'sex',
  'birth_date',
  'birth_precision',
  'estimated_age',
  'birth_place',
  'father_name',
  'mother_name',
  'nationality',
  'nina',
  'origin_region',
  'arresting_authority',
  'document_kind',
  'document_authority',
  'document_reference',
  'document_date',
  'charge',
  'charge_category',
  'legal_reference',
  'terrorism_related',
  'cell',
] as const;
const REQUIRED = [
  'admitted_at',
  'family_name',
  'sex',
  'arresting_authority',
  'document_kind',
  'document_authority',
  'document_reference',
  'document_date',
  'charge',
  'charge_category',
];

export interface RowError {
  line: number;
  field: string;
  message: string;
}
export interface ImportReport {
  rows: number;
  imported: number;
  failed: number;
  errors: RowError[];
}

const SEX: Record<string, 'male' | 'female'> = {
  m: 'male',
  h: 'male',
  male: 'male',
  homme: 'male',
  f: 'female',
  female: 'female',
  femme: 'female',
};
const YES = new Set(['1', 'oui', 'yes', 'o', 'y', 'true', 'vrai']);

/**
 * A register row as an admission request, not yet checked by the API's schema: the body as the API
 * would receive it (coded values still the row's text) and the paper register's committal number.
 */
export interface RowAdmission {
  body: Record<string, unknown>;
  committal_number: string | null;
}

/** One register row → an admission request, or the reasons it cannot be one. */
export function rowToAdmission(
  row: Record<string, string>,
  prisonCode: string,
  cellIds: Map<string, string>,
): { input?: RowAdmission; errors: { field: string; key: string; params?: Record<string, string> }[] } {
  const errors: { field: string; key: string; params?: Record<string, string> }[] = [];
  const v = (k: string) => (row[k] ?? '').trim();
  for (const k of REQUIRED) if (!v(k)) errors.push({ field: k, key: 'field.required' });
  const sex = SEX[v('sex').toLowerCase()];
  if (v('sex') && !sex) errors.push({ field: 'sex', key: 'import.sex' });
  const bd = v('birth_date');
  let precision =
    v('birth_precision') ||
    (bd.length === 10
      ? 'exact'
      : bd.length === 7
        ? 'month'
        : bd.length === 4
          ? 'year'
          : v('estimated_age')
            ? 'estimated'
            : 'unknown');
  if (!['exact', 'month', 'year', 'estimated', 'unknown'].includes(precision)) {
    errors.push({ field: 'birth_precision', key: 'person.birth_precision' });
    precision = 'unknown';
  }
  // Not a number: left as written, for the schema to refuse by its column.
  const age = v('estimated_age')
    ? /^\d{1,3}$/.test(v('estimated_age'))
      ? Number(v('estimated_age'))
      : v('estimated_age')
    : null;
  const admitted = v('admitted_at');
  const admittedIso = !isCalendarDate(admitted.slice(0, 10))
    ? null
    : /^\d{4}-\d{2}-\d{2}$/.test(admitted)
      ? `${admitted}T12:00:00Z`
      : /^\d{4}-\d{2}-\d{2}[ T]([01]\d|2[0-3]):[0-5]\d$/.test(admitted)
        ? `${admitted.replace(' ', 'T')}:00Z`
        : null;
  if (admitted && !admittedIso) errors.push({ field: 'admitted_at', key: 'import.admitted_at' });
  const category = v('charge_category').toLowerCase();
  const cat = (
    {
      délit: 'misdemeanour',
      delit: 'misdemeanour',
      misdemeanour: 'misdemeanour',
      crime: 'felony',
      felony: 'felony',
      contravention: 'contravention',
    } as Record<string, string>
  )[category];
  if (category && !cat) errors.push({ field: 'charge_category', key: 'import.charge_category' });
  const cell = v('cell');
  if (cell && !cellIds.has(cell)) errors.push({ field: 'cell', key: 'custody.cell_unknown' });
  if (errors.length) return { errors };
  return {
    errors,
    input: {
      committal_number: v('committal_number') || null,
      body: {
        prison: prisonCode,
        admitted_at: admittedIso!,
        person: {
          family_name: v('family_name'),
          given_names: v('given_names'),
          sex: sex,
          birth: {
            precision,
            date: bd || null,
            estimated_age: age,
            estimated_on: age !== null ? admitted.slice(0, 10) : null,
          },
          birth_place: v('birth_place') || null,
          father_name: v('father_name') || null,
          mother_name: v('mother_name') || null,
          nationality: v('nationality') || null,
          nina: v('nina') || null,
          origin_region_code: v('origin_region') || null,
        },
        arresting_authority: v('arresting_authority'),
        legal_document: {
          kind: v('document_kind'),
          authority: v('document_authority'),
          reference: v('document_reference'),
          issued_on: v('document_date'),
        },
        charges: [
          {
            qualification: v('charge'),
            category: cat,
            legal_reference: v('legal_reference') || null,
            terrorism_related: YES.has(v('terrorism_related').toLowerCase()),
          },
        ],
        cell_id: cell ? cellIds.get(cell)! : null,
        // Used only if the cell is full and the prison's director has delegated exceeding capacity
        // (or the importing user is the director): see README, "Importing a paper register".
        over_capacity_reason: cell ? 'Reprise du registre papier' : null,
      },
    },
  };
}

/** Register columns by the API field they become, to name the column of a refusal. */
const COLUMN_OF: Record<string, string> = {
  '/person/birth/date': 'birth_date',
  '/person/birth/estimated_age': 'estimated_age',
  '/person/birth/precision': 'birth_precision',
  '/person/nina': 'nina',
  '/person/nationality': 'nationality',
  '/person/origin_region_code': 'origin_region',
  '/legal_document/issued_on': 'document_date',
  '/legal_document/kind': 'document_kind',
  '/legal_document/authority': 'document_authority',
  '/legal_document/reference': 'document_reference',
  '/arresting_authority': 'arresting_authority',
  '/committal_number': 'committal_number',
  '/admitted_at': 'admitted_at',
  '/charges/0/qualification': 'charge',
  '/charges/0/category': 'charge_category',
  '/charges/0/legal_reference': 'legal_reference',
  '/cell_id': 'cell',
  '/over_capacity_reason': 'cell',
  '/person_id': 'nina',
};
function fieldName(pointer: string): string {
  return COLUMN_OF[pointer] ?? pointer.replace(/^\/(person\/)?/, '');
}

/** Batches written at once, each in its own transaction on its own connection. */
export const WORKERS = 3;
/** Rows written in one transaction. */
export const BATCH = 500;

/**
 * Passes the bytes through when they are UTF-8; otherwise fails naming the first line that is not
 * (counting lines as the spreadsheet does: the header is line 1).
 */
export class Utf8Guard extends Transform {
  private line = 1;
  private carry: Buffer = Buffer.alloc(0);
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = completeEnd(buf);
    const body = buf.subarray(0, end);
    this.carry = Buffer.from(buf.subarray(end));
    if (!isUtf8(body)) {
      cb(this.fail(body, firstInvalid(body)));
      return;
    }
    this.line += newlines(body, body.length);
    cb(null, body);
  }
  override _flush(cb: TransformCallback): void {
    if (this.carry.length) {
      cb(this.fail(this.carry, 0));
      return;
    } // the file ends inside a character
    cb();
  }
  private fail(body: Buffer, at: number): AppError {
    return new AppError(422, 'import.not_utf8', { line: this.line + newlines(body, Math.max(at, 0)) });
  }
}

const newlines = (b: Uint8Array, upTo: number) => {
  let n = 0;
  for (let i = 0; i < upTo; i++) if (b[i] === 0x0a) n++;
  return n;
};

/** Where the last complete UTF-8 character of a chunk ends (a character may straddle two chunks). */
function completeEnd(b: Buffer): number {
  let i = b.length - 1;
  let cont = 0;
  while (i >= 0 && cont < 3 && (b[i] & 0xc0) === 0x80) {
    i--;
    cont++;
  }
  if (i < 0) return b.length;
  const c = b[i];
  const need = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xc2 && c <= 0xdf ? 1 : 0;
  return need > cont ? i : b.length;
}

/** The offset of the first byte that does not start a well-formed UTF-8 character. */
function firstInvalid(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n > b.length - 1) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1];
    if (
      (c === 0xe0 && c1 < 0xa0) ||
      (c === 0xed && c1 >= 0xa0) ||
      (c === 0xf0 && c1 < 0x90) ||
      (c === 0xf4 && c1 >= 0x90)
    )
      return i;
    i += n + 1;
  }
  return -1;
}

interface RowOutcome {
  line: number;
  ok: boolean;
  errors: RowError[];
}

export interface ImportOptions {
  lang?: Lang;
  progress?: boolean;
  /** The file's encoding; UTF-8 (checked) unless given (then converted from it, e.g. latin1). */
  encoding?: string;
}

/**
 * Import a register file into a prison. Refused rows are in the report; a file that cannot be read
 * as a whole (not UTF-8, unknown encoding, no row, missing columns) is an AppError and nothing is
 * written.
 */
export async function importRegister(
  db: Db,
  actor: Actor,
  file: string,
  prisonCode: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const lang = opts.lang ?? 'fr';
  const encoding = (opts.encoding ?? 'utf8').toLowerCase();
  const utf8 = encoding === 'utf8' || encoding === 'utf-8';
  if (!utf8 && !iconv.encodingExists(encoding)) throw new AppError(422, 'import.encoding_unknown', { encoding });
  const prison = await findPrison(db, prisonCode);
  if (!prison) throw new AppError(404, 'import.prison_unknown', { code: prisonCode });
  const cellIds = new Map((await findCells(db, [prison.id])).map((c) => [c.code, c.id]));
  let size: number;
  try {
    size = (await fs.promises.stat(file)).size;
  } catch {
    throw new AppError(422, 'import.unreadable', { file });
  }
  // A register that is not UTF-8 is refused as a whole, before anything is written.
  if (utf8)
    await pipeline(fs.createReadStream(file), new Utf8Guard(), async (checked: AsyncIterable<Buffer>) => {
      for await (const _ of checked) {
        /* only checking */
      }
    });

  const report: ImportReport = { rows: 0, imported: 0, failed: 0, errors: [] };
  const bar = opts.progress
    ? new SingleBar(
        { format: 'import |{bar}| {percentage}% — {rows} rows, {failed} refused', stream: process.stderr },
        Presets.shades_classic,
      )
    : null;
  bar?.start(Math.max(size, 1), 0, { rows: 0, failed: 0 });
  const skipped: RowError[] = [];
  let expected = 0;
  const parser = parse({
    columns: (h: string[]) => {
      const cols = h.map((c) => c.trim().toLowerCase());
      const missing = REQUIRED.filter((c) => !cols.includes(c));
      if (missing.length) throw new AppError(422, 'import.missing_columns', { columns: missing.join(', ') });
      expected = cols.length;
      return cols;
    },
    bom: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    delimiter: [',', ';'],
    skip_records_with_error: true,
    on_skip: (err: { code?: string; lines?: number; record?: unknown[]; message?: string } | undefined) => {
      if (!err) return;
      const line = err.lines ?? 0;
      skipped.push(
        err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS'
          ? { line, field: '', message: t(lang, 'import.column_count', { found: err.record?.length ?? '?', expected }) }
          : { line, field: '', message: t(lang, 'import.malformed_csv', { reason: err.code ?? err.message ?? '' }) },
      );
    },
  });
  const source = fs.createReadStream(file);
  source.on('data', (chunk) => bar?.increment((chunk as Buffer).length));
  const decoded: NodeJS.ReadableStream = utf8 ? source : source.pipe(iconv.decodeStream(encoding));
  decoded.on('error', (e: Error) => parser.destroy(e));
  decoded.pipe(parser);

  const flushSkipped = () => {
    for (const e of skipped.splice(0)) {
      report.rows++;
      report.failed++;
      report.errors.push(e);
    }
  };
  const record = (o: RowOutcome) => {
    if (o.ok) report.imported++;
    else {
      report.failed++;
      report.errors.push(...o.errors);
    }
    bar?.update({ rows: report.rows, failed: report.failed });
  };
  // Up to WORKERS writes in flight; reading waits for a free one (the file is never all in memory).
  const inFlight = new Set<Promise<void>>();
  // What stopped the writing (boxed: the error itself may be anything, even falsy).
  let writeError: { error: unknown } | undefined;
  const launch = (writing: Promise<RowOutcome[]>) => {
    const p: Promise<void> = writing
      .then(
        (outs) => {
          outs.forEach(record);
        },
        (e: unknown) => {
          writeError ??= { error: e };
        },
      )
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const writer = { db, actor, lang };
  let batch: Checked[] = [];
  const flushBatch = () => {
    if (batch.length) launch(writeBatch(writer, batch));
    batch = [];
  };
  const write = (line: number, row: Record<string, string>) => {
    const checked = checkRow(line, row, prison.code, cellIds, lang);
    if ('ok' in checked) {
      record(checked);
      return;
    }
    batch.push(checked);
    if (batch.length >= BATCH) flushBatch();
  };
  let lastLine = 1;
  try {
    for await (const r of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      flushSkipped();
      report.rows++;
      lastLine = r.info.lines;
      write(r.info.lines, r.record);
      while (inFlight.size >= WORKERS) await Promise.race(inFlight);
      if (writeError) break;
    }
  } catch (e) {
    flushBatch();
    await Promise.all(inFlight);
    bar?.stop();
    // The header is wrong, or the CSV cannot be read past a point (an unclosed quote...): what was read is kept, the rest is reported.
    if (e instanceof AppError || !report.rows) throw e;
    report.rows++;
    report.failed++;
    report.errors.push({
      line: lastLine + 1,
      field: '',
      message: t(lang, 'import.malformed_csv', { reason: (e as { code?: string }).code ?? String(e) }),
    });
  }
  if (!writeError) flushBatch();
  await Promise.all(inFlight);
  flushSkipped();
  // The rows' commits did not wait for the disk: this one does, for all of them.
  await db.execute(sql`SELECT txid_current()`);
  if (writeError) {
    bar?.stop();
    throw writeError.error;
  }
  bar?.stop();
  report.errors.sort((a, b) => a.line - b.line);
  if (!report.rows) throw new AppError(422, 'import.empty');
  return report;
}

/** A transaction whose nested `transaction()` runs in itself: `admit` then writes in the row's own transaction, without a savepoint. */
function flat(tx: unknown): Db {
  return new Proxy(tx as object, {
    get: (t, p, r): unknown => (p === 'transaction' ? (cb: (x: unknown) => unknown) => cb(r) : Reflect.get(t, p, r)),
  }) as Db;
}

interface Checked {
  line: number;
  input: AdmissionInput;
}
interface Writer {
  db: Db;
  actor: Actor;
  lang: Lang;
}

const refusal = (
  line: number,
  lang: Lang,
  errors: { field: string; key?: string; params?: Record<string, string | number>; message?: string }[],
): RowOutcome => ({
  line,
  ok: false,
  errors: errors.map((e) => ({
    line,
    field: e.field,
    message: e.message ?? t(lang, e.key ?? 'error.invalid_value', e.params),
  })),
});

/** Check one row like an API request: the admission it becomes, or its refusal. */
function checkRow(
  line: number,
  row: Record<string, string>,
  prisonCode: string,
  cellIds: Map<string, string>,
  lang: Lang,
): RowOutcome | Checked {
  // Text that cannot be stored (a NUL byte...) is refused by column, as on the API.
  const bad = Object.entries(row).flatMap(([k, v]) => {
    const p = typeof v === 'string' ? textProblem(v, 4000) : null;
    return p ? [{ field: k, key: p.key, params: p.params }] : [];
  });
  if (bad.length) return refusal(line, lang, bad);
  const { input, errors } = rowToAdmission(row, prisonCode, cellIds);
  if (!input) return refusal(line, lang, errors);
  // The API's own schema (calendar dates, lengths, codes).
  const committal = input.committal_number;
  if (committal && committal.length > 64)
    return refusal(line, lang, [{ field: 'committal_number', key: 'field.text_too_long', params: { max: 64 } }]);
  let body;
  try {
    body = assertBody(AdmissionBody, input.body, lang);
  } catch (e) {
    if (e instanceof AppError)
      return refusal(
        line,
        lang,
        e.fields.map((f) => ({ ...f, field: fieldName(f.field) })),
      );
    throw e;
  }
  return {
    line,
    input: {
      ...body,
      legal_document: { ...body.legal_document, kind: checkedCode(DOCUMENT_KINDS, body.legal_document.kind) },
      charges: body.charges.map((c) => ({ ...c, category: checkedCode(CHARGE_CATEGORIES, c.category) })),
      committal_number: committal,
      placement_via: 'import',
    },
  };
}

/** A code the admission schema has checked against `codes` (the schema's type says only string). */
function checkedCode<T extends string>(codes: readonly T[], code: string): T {
  const found = codes.find((c) => c === code);
  if (found === undefined) throw new Error(`${code} passed the admission schema`);
  return found;
}

/** Two transactions met (a deadlock, a serialization failure): tried again. */
const retryable = (e: unknown) => {
  const c = pgErrorOf(e)?.code;
  return c === '40P01' || c === '40001';
};

/**
 * Admit a batch of checked rows in one transaction, set-based (`admitBatch`: one INSERT per table
 * for the batch, cells through the one placement rule). When the batch is refused — a rule or
 * PostgreSQL refused one of its rows — the set-based part is rolled back to its savepoint and each
 * row is admitted again by `admit`, in its own savepoint of the same transaction, so that the
 * refusal is that row's and every other row is imported.
 */
async function writeBatch(w: Writer, rows: Checked[]): Promise<RowOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await w.db.transaction(async (tx) => {
        // Durability is asked once at the end of the import (see importRegister), not at each batch.
        await tx.execute(sql`SET LOCAL synchronous_commit TO off`);
        try {
          await tx.transaction((sp) =>
            admitBatch(
              sp,
              w.actor,
              rows.map((r) => r.input),
            ),
          );
          return rows.map((r) => ({ line: r.line, ok: true, errors: [] }));
        } catch (e) {
          if (retryable(e) || (!(e instanceof AppError) && !pgErrorOf(e))) throw e;
        }
        const out: RowOutcome[] = [];
        // `admit` takes a transaction and opens its savepoint in it.
        for (const r of rows) out.push(await admitRow(w, r, () => admit(tx, w.actor, r.input)));
        return out;
      });
    } catch (e) {
      if (retryable(e) && attempt < 3) continue;
      if (!retryable(e)) throw e; // not a row's fault (the database went away...): the import stops
      break;
    }
  }
  // Still meeting other transactions after three tries: each row in its own transaction.
  const out: RowOutcome[] = [];
  for (const r of rows) out.push(await writeOne(w, r));
  return out;
}

/**
 * Run one row's admission; a refusal (by a rule or by PostgreSQL) is the row's outcome. Two
 * transactions that met (a deadlock) are not the row's fault: thrown, for the caller to retry.
 */
async function admitRow({ lang }: Writer, { line, input }: Checked, run: () => Promise<unknown>): Promise<RowOutcome> {
  try {
    await run();
    return { line, ok: true, errors: [] };
  } catch (e) {
    if (retryable(e)) throw e;
    const pg = pgErrorOf(e);
    const problem = e instanceof AppError ? e : databaseProblem(e, input);
    if (problem)
      return problem.fields.length
        ? refusal(
            line,
            lang,
            problem.fields.map((f) => ({ ...f, field: fieldName(f.field) })),
          )
        : refusal(line, lang, [{ field: '', key: problem.key, params: problem.params }]);
    // Any other refusal by PostgreSQL is still this row's: reported, and the import goes on.
    if (pg) return refusal(line, lang, [{ field: '', key: 'import.database_refused', params: { code: pg.code } }]);
    throw e; // not the row's fault (the database went away...): the import stops
  }
}

/** Admit one checked row in its own transaction (a batch that kept meeting other transactions). */
async function writeOne(w: Writer, r: Checked): Promise<RowOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admitRow(w, r, () =>
        w.db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL synchronous_commit TO off`);
          await admit(flat(tx), w.actor, r.input);
        }),
      );
    } catch (e) {
      if (retryable(e) && attempt < 3) continue;
      if (retryable(e))
        return refusal(r.line, w.lang, [
          { field: '', key: 'import.database_refused', params: { code: pgErrorOf(e)!.code } },
        ]);
      throw e;
    }
  }
}

export function registerImportCommand(program: Command): void {
  program
    .command('import <file>')
    .description(
      'Load a paper committal register typed into a spreadsheet (CSV); row by row. Exit status: 0 all imported, 2 ' +
        'some rows refused, 1 nothing could be read',
    )
    .requiredOption('--prison <code>', 'the prison whose register this is (e.g. BKO)')
    .option(
      '--as <username>',
      'the user responsible for the import, recorded in every history entry (default: the first national administrator)',
    )
    .option('--encoding <name>', 'the encoding of the file when it is not UTF-8 (e.g. latin1, windows-1252)')
    .action(async (file: string, o: { prison: string; as?: string; encoding?: string }) => {
      await withDatabase(
        async ({ db }) => {
          const actor = await commandLineActor(db, o.as);
          const started = Date.now();
          const report = await importRegister(db, actor, file, o.prison, {
            lang: actor.lang,
            progress: process.stderr.isTTY,
            encoding: o.encoding,
          });
          for (const e of report.errors) console.log(`line ${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}`);
          const seconds = (Date.now() - started) / 1000;
          console.log(
            `${report.imported} imported, ${report.failed} refused, ${report.rows} rows (${seconds.toFixed(1)} s)${
              report.failed ? `; refused lines: ${[...new Set(report.errors.map((e) => e.line))].join(', ')}` : ''
            }`,
          );
          // 2: some rows refused (all of them included: then nothing was imported).
          if (report.failed) process.exitCode = 2;
        },
        { connections: WORKERS + 1 },
      );
    });
}
