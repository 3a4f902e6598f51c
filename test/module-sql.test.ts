/**
 * A module's SQL names only its own tables (docs/architecture.md, "Modules with front doors"): the
 * rows of another module's table are asked of that module through its index.ts (a repository
 * function it exports), never read by raw SQL. dependency-cruiser catches an import of another
 * module's schema; this catches the SQL text, which imports nothing. Each module's tables are read
 * from its schema.ts files (pgTable('name', …)); the history tables (src/db/history-schema.ts) are
 * core/history.ts's.
 *
 * The sites written before the rule are counted in KNOWN, file by file: a file may have fewer
 * (lower its number when you move one behind the owner's front door), never more, and a file not
 * in the list has none.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = 'src/modules';

/** Raw SQL on other modules' tables still to move behind their owners' front doors (the count per file). */
const KNOWN: Record<string, number> = {
  'src/modules/classification/repository.ts': 23,
  'src/modules/complaints/repository.ts': 21,
  'src/modules/custody/repository.ts': 10,
  'src/modules/estate/repository.ts': 3,
  'src/modules/estate/service.ts': 1,
  'src/modules/housing/repository.ts': 22,
  'src/modules/identity/repository.ts': 13,
  'src/modules/justice/repository.ts': 6,
  'src/modules/people/repository.ts': 1,
};

const walk = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

const tablesIn = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/pgTable\(\s*'(\w+)'/g)].map((m) => m[1]);

/** Each table's owner: the module whose schema declares it ('core' for the history tables). */
function owners(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of fs.readdirSync(ROOT))
    for (const f of walk(path.join(ROOT, m)).filter((x) => path.basename(x) === 'schema.ts'))
      for (const t of tablesIn(f)) out.set(t, m);
  for (const f of ['src/db/history-schema.ts', 'src/db/heartbeat-schema.ts'])
    for (const t of tablesIn(f)) out.set(t, 'core');
  return out;
}

/** Every `FROM t`, `JOIN t`, `UPDATE t`, `INTO t` of a module's code naming a table another module owns. */
function foreignSql(): Map<string, string[]> {
  const owner = owners();
  const out = new Map<string, string[]>();
  for (const m of fs.readdirSync(ROOT))
    for (const f of walk(path.join(ROOT, m)).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
      const lines = fs.readFileSync(f, 'utf8').split('\n');
      lines.forEach((l, i) => {
        for (const x of l.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+(\w+)/g)) {
          const o = owner.get(x[1]);
          if (o && o !== m) out.set(f, [...(out.get(f) ?? []), `${f}:${i + 1} ${x[1]} (${o}'s)`]);
        }
      });
    }
  return out;
}

test('the tables are known: every module with tables declares them in its schema.ts', () => {
  const owner = owners();
  for (const [t, m] of [
    ['admission', 'custody'],
    ['person', 'people'],
    ['app_user', 'access'],
    ['transfer', 'movements'],
    ['access_audit', 'core'],
  ])
    assert.equal(owner.get(t), m, t);
});

test("no module's SQL names another module's table beyond the known sites (which may only shrink)", () => {
  const found = foreignSql();
  const over: string[] = [];
  for (const [file, sites] of found)
    if (sites.length > (KNOWN[file] ?? 0))
      over.push(
        `${file}: ${sites.length} SQL sites on other modules' tables (known: ${KNOWN[file] ?? 0}) — ask the owner's ` +
          `front door instead:\n  ${sites.join('\n  ')}`,
      );
  assert.deepEqual(over, []);
  const lower = Object.entries(KNOWN)
    .filter(([file, n]) => (found.get(file)?.length ?? 0) < n)
    .map(([file, n]) => `${file}: ${found.get(file)?.length ?? 0} sites now, KNOWN says ${n}: lower it`);
  assert.deepEqual(lower, []);
});
