import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { auth, baseUrl, fixture, newArrival, testApp, testDatabase } from './helpers.js';
import { assertHistoryConfidential } from './confidentiality-walk.js';
import type { AdmissionView, Problem } from './api.js';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-att-'));
after(() => fs.rm(dir, { recursive: true, force: true }));
const database = await testDatabase();
const app = await testApp(database, { attachmentsDir: dir, attachmentMaxBytes: 64 * 1024 });
const fx = await fixture(database);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = baseUrl(app);

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = Buffer.from('%PDF-1.4\n%fake but well-formed header\n');

async function upload(token: string, fields: Record<string, string>, file: Buffer, name: string, lang = 'fr') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file)]), name);
  return fetch(`${base}/api/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
    body: form,
  });
}

test('attachments: type by content, size limit, scope, medical files need health.read, reads audited', async () => {
  const a = (
    await app.inject({
      method: 'POST',
      url: '/api/admissions',
      headers: auth(fx.tokens['clerk.bko']),
      payload: newArrival(),
    })
  ).json<AdmissionView>();
  const photo = await upload(
    fx.tokens['clerk.bko'],
    { prison: 'BKO', kind: 'photo', person_id: a.person_id },
    PNG,
    'photo.png',
  );
  assert.equal(photo.status, 201, await photo.clone().text());
  const meta = (await photo.json()) as { id: string; content_type: string; sha256: string };
  assert.equal(meta.content_type, 'image/png');
  const got = await fetch(`${base}/api/attachments/${meta.id}`, {
    headers: { authorization: `Bearer ${fx.tokens['clerk.bko']}` },
  });
  assert.equal(got.status, 200);
  assert.deepEqual(Buffer.from(await got.arrayBuffer()), PNG);
  // Another prison's clerk cannot read it.
  assert.equal(
    (
      await fetch(`${base}/api/attachments/${meta.id}`, {
        headers: { authorization: `Bearer ${fx.tokens['clerk.klk']}` },
      })
    ).status,
    403,
  );
  // A PDF is no photo; an executable named .jpg is refused; too large is refused; nothing is left on disk for them.
  const pdfPhoto = await upload(fx.tokens['clerk.bko'], { prison: 'BKO', kind: 'photo' }, PDF, 'x.png', 'en');
  assert.equal(pdfPhoto.status, 422);
  assert.equal(
    ((await pdfPhoto.json()) as { errors: { field: string; message: string }[] }).errors[0].message,
    'File type refused: JPEG, PNG or PDF only (photos and fingerprints: images).',
  );
  assert.equal(
    (
      await upload(
        fx.tokens['clerk.bko'],
        { prison: 'BKO', kind: 'warrant' },
        Buffer.from('MZ\x90\x00 not a scan'),
        'mandat.jpg',
      )
    ).status,
    422,
  );
  assert.equal(
    (
      await upload(
        fx.tokens['clerk.bko'],
        { prison: 'BKO', kind: 'warrant' },
        Buffer.concat([PDF, Buffer.alloc(70 * 1024)]),
        'big.pdf',
      )
    ).status,
    413,
  );
  const warrant = await upload(
    fx.tokens['clerk.bko'],
    { prison: 'BKO', kind: 'warrant', person_id: a.person_id },
    PDF,
    'mandat.pdf',
  );
  assert.equal(warrant.status, 201);
  const rows = (await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment')).rows[0].n;
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  assert.equal(files, rows, 'one file on disk per attachment row');
  // Medical attachments: the nurse may, the clerk may not.
  const med = await upload(
    fx.tokens['medic.bko'],
    { prison: 'BKO', kind: 'medical', person_id: a.person_id },
    PDF,
    'certificat.pdf',
  );
  assert.equal(med.status, 201, await med.clone().text());
  const medId = ((await med.json()) as { id: string }).id;
  assert.equal(
    (
      await fetch(`${base}/api/attachments/${medId}`, {
        headers: { authorization: `Bearer ${fx.tokens['clerk.bko']}` },
      })
    ).status,
    403,
  );
  assert.equal(
    (
      await fetch(`${base}/api/attachments/${medId}`, {
        headers: { authorization: `Bearer ${fx.tokens['medic.bko']}` },
      })
    ).status,
    200,
  );
  const audit = (
    await database.pool.query<{ category: string; action: string }>(
      `SELECT category, action FROM access_audit WHERE entity = 'attachment' ORDER BY at`,
    )
  ).rows.map((r) => `${r.category}:${r.action}`);
  assert.deepEqual(audit, ['attachment:read', 'health:write', 'health:read']);
  // Unauthenticated: refused.
  assert.equal((await fetch(`${base}/api/attachments/${meta.id}`)).status, 401);
});

test('an attachment is named after its type, whatever it was uploaded as; its fields and name are checked like any text', async () => {
  const a = (
    await app.inject({
      method: 'POST',
      url: '/api/admissions',
      headers: auth(fx.tokens['clerk.bko']),
      payload: newArrival({ person: { ...newArrival().person, family_name: 'Sissoko' } }),
    })
  ).json<AdmissionView>();
  const r = await upload(
    fx.tokens['clerk.bko'],
    { prison: 'BKO', kind: 'photo', person_id: a.person_id },
    PNG,
    'Sissoko.png.html',
    'en',
  );
  assert.equal(r.status, 201, await r.clone().text());
  const meta = (await r.json()) as { id: string; filename: string };
  assert.equal(meta.filename, 'Sissoko_png.png');
  const got = await fetch(`${base}/api/attachments/${meta.id}`, {
    headers: { authorization: `Bearer ${fx.tokens['clerk.bko']}` },
  });
  assert.equal(
    got.headers.get('content-disposition'),
    `inline; filename="Sissoko_png.png"; filename*=UTF-8''Sissoko_png.png`,
  );
  assert.equal(got.headers.get('content-type'), 'image/png');
  const before = (await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment')).rows[0].n;
  const nulField = await upload(fx.tokens['clerk.bko'], { prison: 'BKO', kind: 'pho\u0000to' }, PNG, 'a.png', 'en');
  assert.equal(nulField.status, 422);
  assert.deepEqual(
    ((await nulField.json()) as { errors: { field: string; code: string }[] }).errors.map((e) => [e.field, e.code]),
    [['/kind', 'field.nul_character']],
  );
  const nulName = await upload(fx.tokens['clerk.bko'], { prison: 'BKO', kind: 'photo' }, PNG, 'a\u0000b.png', 'en');
  assert.equal(nulName.status, 422);
  // A multipart body cut short is a 400 problem, not a 500.
  const cut = await app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { ...auth(fx.tokens['clerk.bko'], 'en'), 'content-type': 'multipart/form-data; boundary=XX' },
    payload:
      '--XX\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
  });
  assert.equal(cut.statusCode, 400);
  assert.equal(cut.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(cut.json<Problem>().code, 'error.malformed_multipart');
  assert.equal(
    (await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment')).rows[0].n,
    before,
  );
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  assert.equal(files, before, 'no file left on disk by a refused upload');
});

test("no restricted field reaches a role without its permission (history walk over this file's flows)", async () => {
  const n = await assertHistoryConfidential(database, app, fx);
  assert.ok(n.entries > 0);
});
