/**
 * Backups (docs/decisions/0005-backups.md): a registry with files and attachments, backed up and
 * restored into an empty database, compared table by table (row count and a checksum of every row)
 * and byte for byte for the attachments; wrong passphrase, damage, and a non-empty target refused.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { backup, BackupError, restore, RestoreRefused } from '../src/db/backup/index.js';
import { findPgTool, MissingToolError } from '../src/db/backup/pgtools.js';
import { connect, type Database } from '../src/db/index.js';
import { privilegeProblems } from '../src/db/privileges.js';
import { auth, baseUrl, fixture, newArrival, testApp, testDatabase, testRoles } from './helpers.js';

const roles = testRoles();
const PASSPHRASE = 'sept chameaux traversent le fleuve';

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
  c.on('error', () => undefined);
  await c.connect();
  after(() => c.end().catch(() => undefined));
  return c;
}

/** Row count and an order-independent checksum of every row of every table. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string | null }>> {
  const c = await client(url);
  const tables = (
    await c.query<{ t: string }>(`SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') ORDER BY 1`)
  ).rows.map((r) => r.t);
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const t of tables) {
    const r = await c.query<{ rows: number; md5: string | null }>(
      `SELECT count(*)::int AS rows, md5(string_agg(x::text, '|' ORDER BY x::text)) AS md5 FROM public."${t}" x`,
    );
    out[t] = r.rows[0];
  }
  return out;
}

async function files(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out[path.relative(root, p)] = (await fs.readFile(p)).toString('base64');
  }
  return out;
}

async function emptyTarget(): Promise<Database> {
  const name = `pmis_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const admin = await client(roles.admin);
  await admin.query(`CREATE DATABASE ${name} OWNER ${roles.ownerRole}`);
  const { pool, db } = connect(roles.urlFor(name, roles.app), { max: 4 });
  after(async () => {
    await pool.end().catch(() => undefined);
    const c = new pg.Client({ connectionString: roles.admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await c.end();
  });
  return {
    pool,
    db,
    kind: 'external',
    url: roles.urlFor(name, roles.app),
    ownerUrl: roles.urlFor(name, roles.owner),
    close: () => pool.end(),
  };
}

/** pg_dump of the server's major version, or why not (in CI: a failure, never a skip). */
async function toolsOrSkip(): Promise<string | null> {
  const c = await client(roles.admin);
  const major = Math.floor(
    Number((await c.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0].server_version_num) /
      10000,
  );
  try {
    await findPgTool('pg_dump', major);
    await findPgTool('pg_restore', major);
    await findPgTool('psql', major);
    return null;
  } catch (e) {
    if (e instanceof MissingToolError && process.env.CI !== 'true') return `backup tests skipped: ${e.message}`;
    throw e;
  }
}

test(
  'a backup restored into an empty database loses nothing: every table, every row, every attachment byte',
  { timeout: 300_000 },
  async (t) => {
    const skip = await toolsOrSkip();
    if (skip) {
      t.skip(skip);
      return;
    }
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-backup-'));
    after(() => fs.rm(work, { recursive: true, force: true }));
    const attachmentsDir = path.join(work, 'attachments');
    const source = await testDatabase();
    const fx = await fixture(source);
    const app = await testApp(source, { attachmentsDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = baseUrl(app);
    const persons: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/admissions',
        headers: auth(fx.tokens['clerk.bko']),
        payload: newArrival({ person: { ...newArrival().person, family_name: `Traoré-${i}`, given_names: 'Aïssata' } }),
      });
      assert.equal(r.statusCode, 201, r.body);
      persons.push(r.json<{ person_id: string }>().person_id);
    }
    const uploads = [
      Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(20_000)]),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(5000)]),
    ];
    for (const [i, data] of uploads.entries()) {
      const form = new FormData();
      form.append('prison', 'BKO');
      form.append('kind', i === 0 ? 'warrant' : 'photo');
      form.append('person_id', persons[i]);
      form.append('file', new Blob([new Uint8Array(data)]), i === 0 ? 'mandat.pdf' : 'photo.png');
      const r = await fetch(`${base}/api/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fx.tokens['clerk.bko']}` },
        body: form,
      });
      assert.equal(r.status, 201, await r.text());
    }
    const before = await fingerprint(source.ownerUrl!);
    assert.ok(before['person'].rows === 3 && before['attachment'].rows === 2 && before['change_log'].rows > 10);

    const file = path.join(work, 'registry.pmisbak');
    const made = await backup(source, { file, passphrase: PASSPHRASE, attachmentsDir });
    assert.equal(made.attachments, 2);
    assert.equal(made.tables, Object.keys(before).length);
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600, 'the backup file is readable by its owner only');
    const raw = await fs.readFile(file);
    assert.ok(
      !raw.includes(Buffer.from('Traoré')) && !raw.includes(uploads[0].subarray(9, 100)),
      'nothing readable in the file',
    );
    await assert.rejects(
      backup(source, { file, passphrase: PASSPHRASE, attachmentsDir }),
      RestoreRefused,
      'an existing file is not overwritten',
    );

    const target = await emptyTarget();
    const restoredDir = path.join(work, 'restored', 'attachments');
    // A wrong passphrase fails cleanly, before anything is written.
    await assert.rejects(
      restore(target, { file, passphrase: 'not the passphrase', attachmentsDir: restoredDir }),
      (e: unknown) => e instanceof BackupError && e.kind === 'wrong_passphrase',
    );
    assert.deepEqual(await fingerprint(target.ownerUrl!), {});
    assert.equal(await fs.stat(restoredDir).catch(() => null), null);

    const done = await restore(target, { file, passphrase: PASSPHRASE, attachmentsDir: restoredDir });
    assert.equal(done.attachments, 2);
    assert.deepEqual(done.migrations_applied, []);
    assert.deepEqual(await fingerprint(target.ownerUrl!), before, 'every table: same rows, same checksum');
    assert.deepEqual(await files(restoredDir), await files(attachmentsDir), 'every attachment, byte for byte');
    // The restored registry works under the app role: the same token reads the same file and its attachment.
    assert.deepEqual(await privilegeProblems(await client(target.url), roles.appRole), []);
    const app2 = await testApp(target, { attachmentsDir: restoredDir });
    const person = await app2.inject({ url: `/api/persons/${persons[1]}`, headers: auth(fx.tokens['clerk.bko']) });
    assert.equal(person.statusCode, 200, person.body);
    assert.match(person.body, /Traoré-1/);
    const attachmentId = (await target.pool.query<{ id: string }>(`SELECT id FROM attachment WHERE kind = 'photo'`))
      .rows[0].id;
    const photo = await app2.inject({
      url: `/api/attachments/${attachmentId}`,
      headers: auth(fx.tokens['clerk.bko']),
    });
    assert.equal(photo.statusCode, 200);
    assert.deepEqual(photo.rawPayload, uploads[1]);

    // Not over a registry that is not empty, unless forced.
    await assert.rejects(restore(target, { file, passphrase: PASSPHRASE, attachmentsDir: restoredDir }), /not empty/);
    // A damaged copy is refused in full before anything changes.
    const damaged = path.join(work, 'damaged.pmisbak');
    const bad = Buffer.from(raw);
    bad[bad.length - 100] ^= 0x40;
    await fs.writeFile(damaged, bad);
    await assert.rejects(
      restore(target, { file: damaged, passphrase: PASSPHRASE, attachmentsDir: restoredDir, force: true }),
      (e: unknown) => e instanceof BackupError && (e.kind === 'damaged' || e.kind === 'truncated'),
    );
    await fs.writeFile(damaged, raw.subarray(0, raw.length - 5000));
    await assert.rejects(
      restore(target, { file: damaged, passphrase: PASSPHRASE, attachmentsDir: restoredDir, force: true }),
      BackupError,
    );
    // Forced: the database is replaced by the backup (a row added since is gone), in one transaction.
    await target.pool.query(
      `INSERT INTO prison (id, code, name, kind, region_code)
        VALUES ('01900000-0000-7000-8000-0000000000cc', 'NEW', 'New', 'central_prison', 'BKO')`,
    );
    await fs.writeFile(path.join(restoredDir, 'stray'), 'x');
    await restore(target, { file, passphrase: PASSPHRASE, attachmentsDir: restoredDir, force: true });
    assert.deepEqual(await fingerprint(target.ownerUrl!), before);
    assert.deepEqual(await files(restoredDir), await files(attachmentsDir));
  },
);
