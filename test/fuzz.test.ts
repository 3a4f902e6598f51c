/**
 * No input is ever a 500. For every operation of the live OpenAPI document (so routes added later
 * are covered without touching this file), bad requests generated from its schemas — missing and
 * extra fields, wrong types, NUL bytes, lone surrogates, huge strings, impossible dates, huge
 * integers, unknown ids, malformed JSON and multipart, path parameters of the wrong shape — sent
 * as a user holding every role with national scope: every answer is below 500, every refusal is
 * application/problem+json, and a refused request leaves the row count of every table unchanged.
 * Then concurrent creations of the same unique values.
 *
 * Deterministic: seeded by PMIS_FUZZ_SEED (default 20261201). PMIS_FUZZ_PER_OP (default 30) caps
 * the cases per operation, spread over every kind of bad value; 0 runs every generated case.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ROLES } from '../src/core/access.js';
import { prng } from '../src/core/random.js';
import { addUser, createToken } from '../src/modules/access/service.js';
import type { Created, List, Problem } from './api.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';
import {
  type GenContext,
  leaves,
  mutationsFor,
  type Operation,
  randomUuid,
  sample,
  type Schema,
  setAt,
  textMutations,
} from './fuzz/schema.js';

const SEED = Number(process.env.PMIS_FUZZ_SEED ?? 20261201);
const PER_OP = Number(process.env.PMIS_FUZZ_PER_OP ?? 30);
/** Tables a refused request may legitimately write (e.g. a record of the refused attempt itself). */
const WRITTEN_ON_REFUSAL = new Set<string>([
  'login_attempt', // a refused login is recorded on purpose: the throttle counts it (issue 10, item 3)
]);

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-fuzz-'));
after(() => fs.rm(dir, { recursive: true, force: true }));
const database = await testDatabase();
const app = await testApp(database, { attachmentsDir: dir, attachmentMaxBytes: 64 * 1024 });
const fx = await fixture(database);
const random = prng(SEED);

// The fuzzing user holds every role of the administration, nationally: every operation is one it
// may call. Justice partners (prosecutor) see only their jurisdictions' cases: a partner of the
// fuzz jurisdiction calls the partner operations.
const everything = await addUser(database.db, null, {
  username: 'fuzz.all',
  display_name: 'Fuzz',
  password: 'correct horse battery',
  roles: ROLES.filter((r) => r !== 'prosecutor'),
  national: true,
  prisons: [],
});
const TOKEN = (await createToken(database.db, everything.id)).token;
const partner = await addUser(database.db, null, {
  username: 'fuzz.partner',
  display_name: 'Fuzz partner',
  password: 'correct horse battery',
  roles: ['prosecutor'],
  national: false,
  prisons: [],
});
const PARTNER_TOKEN = (await createToken(database.db, partner.id)).token;
const headers = (lang = random() < 0.5 ? 'fr' : 'en', url = '') =>
  auth(url.includes('/partner/') ? PARTNER_TOKEN : TOKEN, lang);
const post = async (url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') => {
  const r = await app.inject({ method, url, headers: headers(), payload: payload as Record<string, unknown> });
  assert.ok(r.statusCode < 300, `${url}: ${r.statusCode} ${r.body}`);
  // What the records made here are read for: their ids (a title is answered inside its case).
  return r.json<Created & { person_id: string; title?: Created }>();
};

// Records for the path parameters and uuid properties to point at.
const adm1 = await post('/api/admissions', newArrival({ cell_id: fx.prisons.BKO.cells[0] }));
const adm2 = await post(
  '/api/admissions',
  newArrival({
    person: { ...newArrival().person, family_name: 'Traoré', nina: '12345678901234X' },
    cell_id: fx.prisons.BKO.cells[1],
  }),
);
const loose1 = await post('/api/persons', {
  prison: 'BKO',
  person: { family_name: 'Diarra', sex: 'male', birth: { precision: 'unknown' } },
});
const loose2 = await post('/api/persons', {
  prison: 'BKO',
  person: { family_name: 'Diarra', given_names: 'Moussa', sex: 'male', birth: { precision: 'unknown' } },
});
const reception = await post('/api/receptions', {
  prison: 'BKO',
  arresting_authority: 'gendarmerie',
  warrant_name: 'Keïta Oumar',
  nothing_shared: true,
});
const instruments = (await app.inject({ url: '/api/assessment-instruments', headers: headers() })).json<
  List<{ code: string }>
>().items;
const assessment = await post(`/api/admissions/${adm1.id}/assessments`, { instrument: instruments[0].code });
const jurisdiction = await post('/api/justice/jurisdictions', {
  code: 'FZ-TGI',
  name: 'TGI fuzz',
  kind: 'court_first_instance',
});
await post(`/api/justice/jurisdictions/${jurisdiction.id}/members`, { user: 'fuzz.partner' });
const hearing = await post(`/api/justice/admissions/${adm1.id}/hearings`, {
  court: 'TGI',
  scheduled_at: '2026-12-01T09:00:00Z',
});
const title = await post(`/api/justice/admissions/${adm1.id}/titles`, {
  kind: 'extension_order',
  authority_kind: 'investigating_judge',
  authority: 'Juge',
  reference: 'EXT-1',
  issued_on: '2026-03-20',
});
const rules = (await app.inject({ url: '/api/justice/rules', headers: headers() })).json<List<Created>>().items;
const merge = await post('/api/identity/merges', { survivor_id: loose1.id, merged_id: loose2.id, reason: 'doublon' });
await post(`/api/cells/${fx.prisons.BKO.cells[0]}/leaders`, {
  admission_id: adm1.id,
  how: 'elected',
  since: '2026-03-11',
  reason: 'élu',
});
const leaderRequest = await post(`/api/cells/${fx.prisons.BKO.cells[0]}/leader-requests`, {
  subject: 'Eau',
  raised_on: '2026-03-12',
});
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const BOUNDARY = 'pmisfuzzboundary';
function multipart(
  fields: Record<string, string | Buffer>,
  file?: { name: string; filename: string | Buffer; data: Buffer },
): Buffer {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n`),
      Buffer.from(v),
      Buffer.from('\r\n'),
    );
  if (file)
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.name}"; filename="`),
      Buffer.from(file.filename),
      Buffer.from('"\r\nContent-Type: application/octet-stream\r\n\r\n'),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}
const upload = await app.inject({
  method: 'POST',
  url: '/api/attachments',
  headers: { ...headers(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  payload: multipart(
    { prison: 'BKO', kind: 'photo', person_id: adm1.person_id },
    { name: 'file', filename: 'photo.png', data: PNG },
  ),
});
assert.equal(upload.statusCode, 201, upload.body);
const attachment = upload.json<Created>();

/** The record a path's `{id}` names, by the segment before it. */
const ID_BY_SEGMENT: Record<string, string> = {
  admissions: adm1.id,
  persons: adm1.person_id,
  cells: fx.prisons.BKO.cells[0],
  receptions: reception.id,
  assessments: assessment.id,
  titles: title.id ?? title.title?.id ?? randomUuid({ random } as GenContext),
  hearings: hearing.id,
  merges: merge.id,
  rules: rules[0].id,
  jurisdictions: jurisdiction.id,
  'leader-requests': leaderRequest.id,
  attachments: attachment.id,
};
const PARAM_VALUES: Record<string, string> = {
  prison: 'BKO',
  code: instruments[0].code,
  kind: 'region',
  username: 'clerk.klk',
};
/** A uuid property of a body, by its name. */
const UUID_BY_NAME: Record<string, string> = {
  cell_id: fx.prisons.BKO.cells[2],
  unit_id: fx.prisons.BKO.units[0],
  person_id: adm2.person_id,
  admission_id: adm2.id,
  prison_id: fx.prisons.BKO.id,
  assessment_id: assessment.id,
  attachment_id: attachment.id,
  person_a: adm1.person_id,
  person_b: adm2.person_id,
  survivor_id: adm1.person_id,
  merged_id: loose1.id,
  high_risk_unit_id: fx.prisons.BKO.units[0],
};
let serial = 0;
const ctx: GenContext = { uuidFor: (n) => UUID_BY_NAME[n], serial: () => ++serial, random };

// Row counts of every table: a refused request must leave them unchanged.
const tables = (
  await database.pool.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  )
).rows.map((r) => r.t);
const countSql = `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(', ')}`;
async function counts(): Promise<number[]> {
  const r = await database.pool.query({ text: countSql, rowMode: 'array' });
  return (r.rows[0] as unknown[]).map(Number);
}

interface Op {
  method: string;
  path: string;
  op: Operation;
}
interface Case {
  label: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

const doc = (await app.inject({ url: '/api/openapi.json' })).json<{
  paths: Record<string, Record<string, Operation>>;
}>();
const ops: Op[] = Object.entries(doc.paths)
  .flatMap(([p, ms]) =>
    Object.entries(ms)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => ({ method: m.toUpperCase(), path: p, op })),
  )
  .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));

const params = (op: Operation, where: string) => (op.parameters ?? []).filter((p) => p.in === where);
const bodySchema = (op: Operation): Schema | undefined => op.requestBody?.content?.['application/json']?.schema;
const isMultipart = (o: Op) =>
  o.method !== 'GET' && !bodySchema(o.op) && /multipart\/form-data/.test(o.op.summary ?? '');

function pathValue(o: Op, name: string): string {
  if (PARAM_VALUES[name]) return PARAM_VALUES[name];
  const segs = o.path.split('/');
  const before = segs[segs.indexOf(`{${name}}`) - 1] ?? '';
  return ID_BY_SEGMENT[before] ?? randomUuid(ctx);
}
function buildUrl(o: Op, pathOver: Record<string, string> = {}, query?: Record<string, unknown>): string {
  let url = o.path.replace(/\{(\w+)\}/g, (_, n: string) =>
    n in pathOver ? pathOver[n] : encodeURIComponent(pathValue(o, n)),
  );
  const q = query ?? baseQuery(o);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) parts.push(`${k}=${String(x)}`);
  if (parts.length) url += `?${parts.join('&')}`;
  return url;
}
function baseQuery(o: Op): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  for (const p of params(o.op, 'query'))
    if (p.required) q[p.name] = encodeURIComponent(String(sample(p.schema, ctx, p.name)));
  if (o.path === '/api/persons' && o.method === 'GET') q.q = 'Tra';
  return q;
}

/** Spread the cases over every kind of bad value, keeping at most `n` (seeded). */
function spread(cases: Case[], n: number): Case[] {
  if (!n || cases.length <= n) return cases;
  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const k = c.label.split(/[ :]/)[0];
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(c);
  }
  for (const g of groups.values()) g.sort(() => random() - 0.5);
  const out: Case[] = [];
  while (out.length < n)
    for (const g of groups.values()) {
      const c = g.shift();
      if (c && out.length < n) out.push(c);
    }
  return out;
}

function casesFor(o: Op): Case[] {
  const cases: Case[] = [];
  const schema = bodySchema(o.op);
  const json = (label: string, value: unknown, url = buildUrl(o)) =>
    cases.push({ label, method: o.method, url, payload: JSON.stringify(value), contentType: 'application/json' });
  const base = schema ? sample(schema, ctx) : undefined;
  if (schema) {
    for (const leaf of leaves(schema))
      for (const m of mutationsFor(leaf, ctx))
        json(`${m.label}: /${leaf.path.join('/')}`, setAt(base, leaf.path, m.value));
    json('extra-property: /', { ...(base as object), zz_unknown: 'x' });
    for (const [label, raw] of [
      ['malformed-json', '{"a":'],
      ['json-array', '[]'],
      ['json-string', '"x"'],
      ['json-null', 'null'],
      ['json-deep', '['.repeat(5000) + ']'.repeat(5000)],
      ['json-proto', '{"__proto__":{"x":1}}'],
      ['json-nul-key', '{"a\\u0000":1}'],
      ['json-surrogate-key', '{"\\ud800":1}'],
    ] as const) {
      cases.push({ label, method: o.method, url: buildUrl(o), payload: raw, contentType: 'application/json' });
    }
  }
  if (o.method !== 'GET') {
    cases.push({
      label: 'empty-body',
      method: o.method,
      url: buildUrl(o),
      payload: '',
      contentType: 'application/json',
    });
    cases.push({ label: 'text-body', method: o.method, url: buildUrl(o), payload: 'hello', contentType: 'text/plain' });
    cases.push({
      label: 'form-body',
      method: o.method,
      url: buildUrl(o),
      payload: 'a=%00&reason=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    cases.push({
      label: 'multipart-malformed',
      method: o.method,
      url: buildUrl(o),
      payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc`,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    });
    cases.push({
      label: 'multipart-no-boundary',
      method: o.method,
      url: buildUrl(o),
      payload: 'garbage',
      contentType: 'multipart/form-data',
    });
  }
  if (isMultipart(o)) {
    const fields = { prison: 'BKO', kind: 'document', person_id: adm1.person_id };
    const mp = (
      label: string,
      f: Record<string, string | Buffer>,
      file?: { name: string; filename: string | Buffer; data: Buffer },
    ) =>
      cases.push({
        label,
        method: o.method,
        url: buildUrl(o),
        payload: multipart(f, file),
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      });
    const png = { name: 'file', filename: 'scan.png', data: PNG };
    mp('multipart NUL in a field', { ...fields, kind: 'pho\u0000to' }, png);
    mp('multipart NUL in the file name', fields, { ...png, filename: 'sc\u0000an.png' });
    mp('multipart surrogate bytes in the file name', fields, {
      ...png,
      filename: Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x2e, 0x70, 0x6e, 0x67]),
    });
    mp('multipart huge file name', fields, { ...png, filename: 'x'.repeat(5000) + '.png' });
    mp('multipart huge field', { ...fields, prison: 'x'.repeat(100_000) }, png);
    mp('multipart unknown person', { ...fields, person_id: randomUuid(ctx) }, png);
    mp('multipart bad uuid', { ...fields, person_id: 'not-a-uuid' }, png);
    mp('multipart no file', fields);
    mp('multipart file not an image', fields, { ...png, data: Buffer.from('MZ\u0090\u0000 not an image') });
    mp('multipart executable name', fields, { ...png, filename: 'scan.png.exe' });
  }
  for (const p of params(o.op, 'query')) {
    for (const m of textMutations(p.schema))
      cases.push({
        label: `query ${m.label}: ${p.name}`,
        method: o.method,
        url: buildUrl(o, {}, { ...baseQuery(o), [p.name]: m.value }),
        ...(schema ? { payload: JSON.stringify(base), contentType: 'application/json' } : {}),
      });
  }
  cases.push({
    label: 'query unknown-parameter',
    method: o.method,
    url: buildUrl(o, {}, { ...baseQuery(o), zz_unknown: '1' }),
    ...(schema ? { payload: JSON.stringify(base), contentType: 'application/json' } : {}),
  });
  for (const p of params(o.op, 'path')) {
    for (const [label, v] of [
      ['not-a-uuid', 'not-a-uuid'],
      ['NUL', 'a%00b'],
      ['unknown-uuid', randomUuid(ctx)],
      ['too-long', 'x'.repeat(300)],
      ['dot-dot', '%2e%2e'],
      ['accented', 'Tra%C3%A9'],
      ['invalid-utf8', '%FF%FE'],
      ['bad-percent', '%zz'],
    ] as const) {
      cases.push({
        label: `path ${label}: ${p.name}`,
        method: o.method,
        url: buildUrl(o, { [p.name]: v }),
        ...(schema ? { payload: JSON.stringify(base), contentType: 'application/json' } : {}),
      });
    }
  }
  return spread(cases, PER_OP);
}

interface Failure {
  op: string;
  label: string;
  status: number;
  body: string;
}
const stats = { requests: 0, operations: 0, refused: 0, accepted: 0, concurrent: 0 };

async function send(c: Case): Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }> {
  stats.requests++;
  return app.inject({
    method: c.method as 'GET',
    url: c.url,
    headers: { ...headers(undefined, c.url), ...(c.contentType ? { 'content-type': c.contentType } : {}) },
    ...(c.payload !== undefined ? { payload: c.payload } : {}),
  });
}

test(
  `every OpenAPI operation answers bad requests with a 4xx problem and writes nothing (seed ${SEED})`,
  { timeout: 20 * 60_000 },
  async (t) => {
    const failures: Failure[] = [];
    let before = await counts();
    for (const o of ops) {
      stats.operations++;
      const name = `${o.method} ${o.path}`;
      for (const c of casesFor(o)) {
        const r = await send(c);
        const now = await counts();
        const ct = r.headers['content-type']?.toString() ?? '';
        if (r.statusCode >= 500)
          failures.push({ op: name, label: c.label, status: r.statusCode, body: r.body.slice(0, 300) });
        else if (r.statusCode >= 400) {
          stats.refused++;
          if (!ct.startsWith('application/problem+json'))
            failures.push({
              op: name,
              label: `${c.label} (not problem+json: ${ct})`,
              status: r.statusCode,
              body: r.body.slice(0, 200),
            });
          const changed = tables.filter((tb, i) => now[i] !== before[i] && !WRITTEN_ON_REFUSAL.has(tb));
          if (changed.length)
            failures.push({
              op: name,
              label: `${c.label} (refused but wrote ${changed.join(', ')})`,
              status: r.statusCode,
              body: r.body.slice(0, 200),
            });
        } else stats.accepted++;
        before = now;
      }
    }
    t.diagnostic(
      `fuzz: ${stats.requests} requests over ${stats.operations} operations (${stats.refused} refused, ${stats.accepted} accepted), seed ${SEED}, at most ${PER_OP || 'all'} cases per operation`,
    );
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} failures`);
  },
);

test(
  'concurrent creations of the same values: no 5xx, whatever each operation does',
  { timeout: 10 * 60_000 },
  async (t) => {
    const failures: Failure[] = [];
    let n = 0;
    for (const o of ops.filter((x) => x.method !== 'GET' && bodySchema(x.op))) {
      const url = buildUrl(o);
      const body = JSON.stringify(sample(bodySchema(o.op)!, ctx));
      const rs = await Promise.all(
        Array.from({ length: 5 }, () =>
          send({ label: 'concurrent', method: o.method, url, payload: body, contentType: 'application/json' }),
        ),
      );
      n += rs.length;
      for (const r of rs)
        if (r.statusCode >= 500)
          failures.push({
            op: `${o.method} ${o.path}`,
            label: 'concurrent',
            status: r.statusCode,
            body: r.body.slice(0, 300),
          });
    }
    stats.concurrent += n;
    t.diagnostic(`fuzz: ${n} concurrent requests`);
    assert.deepEqual(failures, []);
  },
);

/** Five identical requests at once: exactly one creates, the others are refused naming the field. */
async function race(url: string, payload: unknown, field: string) {
  const rs = await Promise.all(
    Array.from({ length: 5 }, () =>
      app.inject({ method: 'POST', url, headers: headers('en'), payload: payload as Record<string, unknown> }),
    ),
  );
  stats.requests += 5;
  const statuses = rs.map((r) => r.statusCode).sort();
  assert.deepEqual(
    statuses.filter((s) => s < 300),
    [201],
    `${url}: ${statuses.join(' ')} ${rs.map((r) => r.body.slice(0, 200)).join(' | ')}`,
  );
  for (const r of rs.filter((x) => x.statusCode >= 400)) {
    assert.ok(r.statusCode === 409 || r.statusCode === 422, `${url}: ${r.statusCode} ${r.body}`);
    assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.ok(
      r.json<Problem>().errors?.some((e) => e.field === field),
      `${url}: ${r.body}`,
    );
  }
}

test('the same unique value created five times at once: one 201, four 409/422 naming the field', async () => {
  // Re-admission of one registered person.
  const p = await post('/api/persons', {
    prison: 'BKO',
    person: { family_name: 'Sangaré', sex: 'female', birth: { precision: 'year', date: '1995' } },
  });
  const { person: _drop, ...readmit } = newArrival();
  await race('/api/admissions', { ...readmit, person_id: p.id }, '/person_id');
  // The same NINA for five new people.
  await race(
    '/api/persons',
    {
      prison: 'BKO',
      person: { family_name: 'Coulibaly', sex: 'male', birth: { precision: 'unknown' }, nina: '99999999999999Z' },
    },
    '/person/nina',
  );
  // The same cell code, the same username.
  await race('/api/prisons/BKO/cells', { unit_id: fx.prisons.BKO.units[0], code: 'RACE-1', capacity: 4 }, '/code');
  await race(
    '/api/users',
    {
      username: 'race.user',
      display_name: 'Race',
      password: 'correct horse battery',
      roles: ['registry_clerk'],
      prisons: ['BKO'],
    },
    '/username',
  );
});

test('fuzz totals', (t) => {
  t.diagnostic(
    `fuzz totals: ${stats.requests} requests (${stats.concurrent} of them concurrent), ${stats.operations} operations`,
  );
  assert.ok(stats.operations >= 90, `only ${stats.operations} operations in the OpenAPI document`);
});
