/**
 * `pmis import register.csv --prison BKO`: load a paper committal register typed into a spreadsheet.
 * Row by row: each good row is written in its own transaction, each bad row is reported with its
 * line number and reasons and writes nothing. Running the same file twice is refused row by row by
 * the committal number (when the file has one) or creates duplicates (when it has not): see README.
 */
import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { makeActor, type Actor } from '../core/access.js';
import { AppError } from '../core/errors.js';
import { t, type Lang } from '../core/i18n.js';
import type { Db } from '../db/index.js';
import { appUser } from '../modules/access/schema.js';
import { admit, type AdmissionInput } from '../modules/custody/service.js';
// A row's cell goes through the one placement rule, as any admission (loading it provides it to custody).
import '../modules/housing/placement.js';
import { findCells, findPrison } from '../modules/estate/repository.js';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';

export const IMPORT_COLUMNS = [
  'committal_number', 'admitted_at', 'family_name', 'given_names', 'sex', 'birth_date', 'birth_precision', 'estimated_age',
  'birth_place', 'father_name', 'mother_name', 'nationality', 'nina', 'origin_region', 'arresting_authority',
  'document_kind', 'document_authority', 'document_reference', 'document_date', 'charge', 'charge_category', 'legal_reference',
  'terrorism_related', 'cell',
] as const;
const REQUIRED = ['admitted_at', 'family_name', 'sex', 'arresting_authority', 'document_kind', 'document_authority', 'document_reference', 'document_date', 'charge', 'charge_category'];

export interface RowError { line: number; field: string; message: string }
export interface ImportReport { rows: number; imported: number; failed: number; errors: RowError[] }

const SEX: Record<string, 'male' | 'female'> = { m: 'male', h: 'male', male: 'male', homme: 'male', f: 'female', female: 'female', femme: 'female' };
const YES = new Set(['1', 'oui', 'yes', 'o', 'y', 'true', 'vrai']);

/** One register row → an admission request, or the reasons it cannot be one. */
export function rowToAdmission(row: Record<string, string>, prisonCode: string, cellIds: Map<string, string>): { input?: AdmissionInput; errors: { field: string; key: string; params?: Record<string, string> }[] } {
  const errors: { field: string; key: string; params?: Record<string, string> }[] = [];
  const v = (k: string) => (row[k] ?? '').trim();
  for (const k of REQUIRED) if (!v(k)) errors.push({ field: k, key: 'field.required' });
  const sex = SEX[v('sex').toLowerCase()];
  if (v('sex') && !sex) errors.push({ field: 'sex', key: 'import.sex' });
  const bd = v('birth_date');
  let precision = v('birth_precision') || (bd.length === 10 ? 'exact' : bd.length === 7 ? 'month' : bd.length === 4 ? 'year' : v('estimated_age') ? 'estimated' : 'unknown');
  if (!['exact', 'month', 'year', 'estimated', 'unknown'].includes(precision)) { errors.push({ field: 'birth_precision', key: 'person.birth_precision' }); precision = 'unknown'; }
  const age = v('estimated_age') ? Number(v('estimated_age')) : null;
  const admitted = v('admitted_at');
  const admittedIso = /^\d{4}-\d{2}-\d{2}$/.test(admitted) ? `${admitted}T12:00:00Z` : /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/.test(admitted) ? `${admitted.replace(' ', 'T')}:00Z` : null;
  if (admitted && !admittedIso) errors.push({ field: 'admitted_at', key: 'import.admitted_at' });
  const category = v('charge_category').toLowerCase();
  const cat = ({ 'délit': 'misdemeanour', delit: 'misdemeanour', misdemeanour: 'misdemeanour', crime: 'felony', felony: 'felony', contravention: 'contravention' } as Record<string, string>)[category];
  if (category && !cat) errors.push({ field: 'charge_category', key: 'import.charge_category' });
  const cell = v('cell');
  if (cell && !cellIds.has(cell)) errors.push({ field: 'cell', key: 'custody.cell_unknown' });
  if (errors.length) return { errors };
  return {
    errors,
    input: {
      prison: prisonCode,
      committal_number: v('committal_number') || null,
      admitted_at: admittedIso!,
      person: {
        family_name: v('family_name'), given_names: v('given_names'), sex: sex!,
        birth: { precision: precision as never, date: bd || null, estimated_age: age, estimated_on: age !== null ? admitted.slice(0, 10) : null },
        birth_place: v('birth_place') || null, father_name: v('father_name') || null, mother_name: v('mother_name') || null,
        nationality: v('nationality') || null, nina: v('nina') || null, origin_region_code: v('origin_region') || null,
      },
      arresting_authority: v('arresting_authority'),
      legal_document: { kind: v('document_kind') as never, authority: v('document_authority'), reference: v('document_reference'), issued_on: v('document_date') },
      charges: [{ qualification: v('charge'), category: cat as never, legal_reference: v('legal_reference') || null, terrorism_related: YES.has(v('terrorism_related').toLowerCase()) }],
      cell_id: cell ? cellIds.get(cell)! : null,
      // Used only if the cell is full and the prison's director has delegated exceeding capacity
      // (or the importing user is the director): see README, "Importing a paper register".
      over_capacity_reason: cell ? 'Reprise du registre papier' : null,
      placement_via: 'import',
    },
  };
}

function fieldName(pointer: string): string {
  // Map API field pointers back to register columns.
  const map: Record<string, string> = { '/person/birth/date': 'birth_date', '/person/birth/estimated_age': 'estimated_age', '/person/nina': 'nina', '/person/nationality': 'nationality', '/person/origin_region_code': 'origin_region', '/legal_document/issued_on': 'document_date', '/legal_document/kind': 'document_kind', '/arresting_authority': 'arresting_authority', '/committal_number': 'committal_number', '/admitted_at': 'admitted_at', '/cell_id': 'cell', '/over_capacity_reason': 'cell' };
  return map[pointer] ?? pointer.replace(/^\/(person\/)?/, '');
}

export async function importRegister(db: Db, actor: Actor, file: string, prisonCode: string, opts: { lang?: Lang; progress?: boolean } = {}): Promise<ImportReport> {
  const lang = opts.lang ?? 'fr';
  const prison = await findPrison(db, prisonCode);
  if (!prison) throw new AppError(404, 'import.prison_unknown', { code: prisonCode });
  const cellIds = new Map((await findCells(db, [prison.id])).map((c) => [c.code, c.id]));
  const records: { line: number; row: Record<string, string> }[] = [];
  const parser = fs.createReadStream(file).pipe(parse({ columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, info: true, delimiter: [',', ';'] }));
  for await (const r of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) records.push({ line: r.info.lines, row: r.record });
  const report: ImportReport = { rows: records.length, imported: 0, failed: 0, errors: [] };
  const bar = opts.progress ? new SingleBar({ format: 'import |{bar}| {value}/{total} rows, {failed} refused', stream: process.stderr }, Presets.shades_classic) : null;
  bar?.start(records.length, 0, { failed: 0 });
  for (const { line, row } of records) {
    const { input, errors } = rowToAdmission(row, prison.code, cellIds);
    if (!input) {
      report.failed++;
      for (const e of errors) report.errors.push({ line, field: e.field, message: t(lang, e.key, e.params) });
    } else {
      try {
        await admit(db, actor, input);
        report.imported++;
      } catch (e) {
        report.failed++;
        if (e instanceof AppError) {
          if (e.fields.length) for (const f of e.fields) report.errors.push({ line, field: fieldName(f.field), message: f.message ?? t(lang, f.key, f.params) });
          else report.errors.push({ line, field: '', message: t(lang, e.key, e.params) });
        } else throw e;
      }
    }
    bar?.increment(1, { failed: report.failed });
  }
  bar?.stop();
  return report;
}

export function registerImportCommand(program: Command): void {
  program.command('import <file>').description('Load a paper committal register typed into a spreadsheet (CSV); row by row')
    .requiredOption('--prison <code>', 'the prison whose register this is (e.g. BKO)')
    .option('--as <username>', 'the user responsible for the import, recorded in every history entry (default: the first national administrator)')
    .action(async (file: string, o: { prison: string; as?: string }) => {
      const { withDatabase } = await import('./index.js');
      await withDatabase(async ({ db }) => {
        const [u] = o.as
          ? await db.select().from(appUser).where(eq(appUser.username, o.as))
          : await db.select().from(appUser).where(and(sql`'national_admin' = ANY(${appUser.roles})`, isNull(appUser.disabledAt))).orderBy(asc(appUser.createdAt)).limit(1);
        if (!u || u.disabledAt) throw new Error(`Unknown or disabled user: ${o.as ?? '(no national administrator)'}`);
        const { userPrison } = await import('../modules/access/schema.js');
        const prisons = (await db.select().from(userPrison).where(eq(userPrison.userId, u.id))).map((p) => p.prisonId);
        const actor = makeActor({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, national: u.national, prisonIds: prisons, lang: u.lang });
        const report = await importRegister(db, actor, file, o.prison, { lang: actor.lang, progress: true });
        for (const e of report.errors) console.log(`line ${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}`);
        console.log(`${report.imported} imported, ${report.failed} refused, ${report.rows} rows`);
        if (report.failed) process.exitCode = 2;
      });
    });
}
