/**
 * No input is a 500 on the staff pages either. Every page route the application declares (listed by
 * `app.pmisRoutes`, so pages added later are covered) is requested with bad path parameters and
 * query strings (NUL, newlines in `next`, invalid UTF-8, impossible dates, huge values), and every
 * page form is posted with each field it shows set to bad values, with the session's CSRF token:
 * every answer is below 500, and a refused form leaves the row count of every table unchanged (but
 * the access audit's: a refused form is shown again, and showing it may read restricted data).
 * Seeded (PMIS_FUZZ_SEED); PMIS_FUZZ_PER_OP cases per route (default 20, 0 = all).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES } from '../src/core/access.js';
import { prng } from '../src/core/random.js';
import { addUser, createToken } from '../src/modules/access/service.js';
import { auth, fixture, formLogin, newArrival, testApp, testDatabase } from './helpers.js';
import type { List } from './api.js';

const SEED = Number(process.env.PMIS_FUZZ_SEED ?? 20261201);
const PER_ROUTE = Number(process.env.PMIS_FUZZ_PER_OP ?? 20);
const random = prng(SEED + 1);

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
await addUser(database.db, null, {
  username: 'fuzz.pages',
  display_name: 'Fuzz',
  password: 'correct horse battery',
  roles: ROLES.filter((r) => r !== 'prosecutor'),
  national: true,
  prisons: [],
});
const token = (
  await createToken(
    database.db,
    (
      await addUser(database.db, null, {
        username: 'fuzz.api',
        display_name: 'Fuzz API',
        password: 'correct horse battery',
        roles: ROLES.filter((r) => r !== 'prosecutor'),
        national: true,
        prisons: [],
      })
    ).id,
  )
).token;
const api = async (url: string, payload: unknown) => {
  const r = await app.inject({
    method: 'POST',
    url,
    headers: auth(token),
    payload: payload as Record<string, unknown>,
  });
  assert.ok(r.statusCode < 300, `${url}: ${r.body}`);
  return r.json<{ id: string; person_id: string }>();
};
const adm = await api('/api/admissions', newArrival({ cell_id: fx.prisons.BKO.cells[0] }));
const reception = await api('/api/receptions', {
  prison: 'BKO',
  arresting_authority: 'gendarmerie',
  warrant_name: 'Keïta Oumar',
  nothing_shared: true,
});
const instruments = (await app.inject({ url: '/api/assessment-instruments', headers: auth(token) })).json<
  List<{
    code: string;
  }>
>().items;
const assessment = await api(`/api/admissions/${adm.id}/assessments`, { instrument: instruments[0].code });
await api(`/api/cells/${fx.prisons.BKO.cells[0]}/leaders`, {
  admission_id: adm.id,
  how: 'elected',
  since: '2026-03-11',
  reason: 'élu',
});
const leaderRequest = await api(`/api/cells/${fx.prisons.BKO.cells[0]}/leader-requests`, {
  subject: 'Eau',
  raised_on: '2026-03-12',
});

const { res: login, cookie } = await formLogin(app, 'fuzz.pages');
assert.equal(login.statusCode, 303, login.body);
const csrf = /name="_csrf" value="([^"]+)"/.exec((await app.inject({ url: '/', headers: { cookie } })).body)![1];

const ID_BY_SEGMENT: Record<string, string> = {
  admissions: adm.id,
  people: adm.person_id,
  receptions: reception.id,
  assessments: assessment.id,
  cells: fx.prisons.BKO.cells[0],
  attachments: '01234567-89ab-4def-8123-456789abcdef',
};
const PARAM: Record<string, string> = { prison: 'BKO', step: 'medical', lang: 'en', request: leaderRequest.id };
const fill = (url: string, over: Record<string, string> = {}) =>
  url.replace(/:(\w+)/g, (_, n: string, at: number) => {
    if (n in over) return over[n];
    if (PARAM[n]) return PARAM[n];
    const before = url.slice(0, at).split('/').filter(Boolean).at(-1) ?? '';
    return ID_BY_SEGMENT[before] ?? '01234567-89ab-4def-8123-456789abcdef';
  });

/** A refused form is shown again with its errors; the page may read restricted data, and that read is audited. */
const WRITTEN_ON_REFUSAL = new Set(['access_audit']);
const tables = (
  await database.pool.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  )
).rows.map((r) => r.t);
const countSql = `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(', ')}`;
const counts = async () =>
  ((await database.pool.query({ text: countSql, rowMode: 'array' })).rows[0] as unknown[]).map(Number);

const BAD_TEXT: [string, string][] = [
  ['NUL', 'Tra%00or%C3%A9'],
  ['newline', '/%0Aevil'],
  ['CRLF header', '/%0D%0ASet-Cookie:%20x=1'],
  ['tab redirect', '/%09/evil.example'],
  ['invalid UTF-8', '%ED%A0%80%FF'],
  ['bad percent', '%zz'],
  ['huge', 'x'.repeat(20_000)],
  ['impossible date', '2025-02-30'],
  ['year zero', '0000-00-00'],
  ['1e308', '1e308'],
  ['line separator', '/%E2%80%A8x'],
];
const QUERY_NAMES = ['prison', 'q', 'next', 'as_of', 'date', 'saved', 'format', 'include'];
const BAD_FORM: [string, string][] = [
  ['NUL', 'Tra\u0000oré'],
  ['lone surrogate', 'a\ud800b'],
  ['huge', 'x'.repeat(70_000)],
  ['unknown value', 'zz_not_a_value'],
  ['impossible date', '2025-02-30'],
  ['year zero', '0000-00-00'],
  ['1e308', '1e308'],
  ['negative', '-1'],
  ['not a uuid', 'not-a-uuid'],
  ['unknown uuid', '01234567-89ab-4def-8123-456789abcdef'],
  ['newline', '/\nevil'],
  ['empty', ''],
];

function spread<T extends { label: string }>(cases: T[], n: number): T[] {
  if (!n || cases.length <= n) return cases;
  const shuffled = [...cases].sort(() => random() - 0.5);
  const byKind = new Map<string, T[]>();
  for (const c of shuffled) {
    const k = c.label.split(':')[0];
    byKind.set(k, [...(byKind.get(k) ?? []), c]);
  }
  const out: T[] = [];
  while (out.length < n)
    for (const g of byKind.values()) {
      const c = g.shift();
      if (c && out.length < n) out.push(c);
    }
  return out;
}

test(
  `every page answers bad paths, query strings and forms below 500, and a refused form writes nothing (seed ${SEED})`,
  { timeout: 20 * 60_000 },
  async (t) => {
    const pages = app.pmisRoutes.filter(
      (r) => !r.url.startsWith('/api/') && (r.method === 'GET' || r.method === 'POST'),
    );
    assert.ok(
      pages.some((r) => r.method === 'POST' && r.url === '/receptions/:id/steps/:step'),
      'the page routes are listed',
    );
    const failures: string[] = [];
    const fieldNames = new Set<string>();
    let requests = 0;
    const check = async (
      label: string,
      o: { method: 'GET' | 'POST'; url: string; payload?: string; contentType?: string },
    ) => {
      const before = await counts();
      const r = await app.inject({
        method: o.method,
        url: o.url,
        headers: { cookie, ...(o.contentType ? { 'content-type': o.contentType } : {}) },
        ...(o.payload !== undefined ? { payload: o.payload } : {}),
      });
      requests++;
      if (r.statusCode >= 500)
        failures.push(`${o.method} ${o.url.slice(0, 120)} ${label}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      else if (r.statusCode >= 400 && o.method === 'POST') {
        const after = await counts();
        const changed = tables.filter((tb, i) => after[i] !== before[i] && !WRITTEN_ON_REFUSAL.has(tb));
        if (changed.length)
          failures.push(
            `${o.method} ${o.url.slice(0, 120)} ${label}: refused (${r.statusCode}) but wrote ${changed.join(', ')}`,
          );
      }
      if (o.method === 'GET' && r.statusCode === 200)
        for (const m of r.body.matchAll(/name="([^"]+)"/g)) fieldNames.add(m[1]);
      return r;
    };
    for (const route of pages.filter((r) => r.method === 'GET')) {
      const cases: { label: string; url: string }[] = [{ label: 'base', url: fill(route.url) }];
      for (const n of route.url.match(/:(\w+)/g) ?? [])
        for (const [label, v] of [
          ...BAD_TEXT,
          ['unknown uuid', '01234567-89ab-4def-8123-456789abcdef'],
          ['too long', 'x'.repeat(300)],
        ] as [string, string][]) {
          cases.push({ label: `path ${label}: ${n}`, url: fill(route.url, { [n.slice(1)]: v }) });
        }
      for (const q of QUERY_NAMES)
        for (const [label, v] of BAD_TEXT)
          cases.push({ label: `query ${label}: ${q}`, url: `${fill(route.url)}?${q}=${v}` });
      for (const c of spread(cases, PER_ROUTE)) await check(c.label, { method: 'GET', url: c.url });
    }
    fieldNames.delete('_csrf');
    const names = [...fieldNames].sort();
    t.diagnostic(`${names.length} form field names found on the pages`);
    for (const route of pages.filter((r) => r.method === 'POST' && r.url !== '/logout')) {
      const url = `${fill(route.url)}?_csrf=${encodeURIComponent(csrf)}`;
      const form = (fields: Record<string, string>) => new URLSearchParams({ _csrf: csrf, ...fields }).toString();
      const cases: { label: string; payload: string; contentType: string }[] = [
        { label: 'empty form', payload: form({}), contentType: 'application/x-www-form-urlencoded' },
        {
          label: 'malformed multipart',
          payload:
            '--XX\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
          contentType: 'multipart/form-data; boundary=XX',
        },
        {
          label: 'JSON body',
          payload: JSON.stringify({ _csrf: csrf, level: { $ne: 1 } }),
          contentType: 'application/json',
        },
        {
          label: 'repeated fields',
          payload: `${form({})}&reasons=a&reasons=b&fitness=fit&fitness=unfit`,
          contentType: 'application/x-www-form-urlencoded',
        },
      ];
      for (const name of names)
        for (const [label, v] of BAD_FORM)
          cases.push({
            label: `${label}: ${name}`,
            payload: form({ [name]: v }),
            contentType: 'application/x-www-form-urlencoded',
          });
      for (const c of spread(cases, PER_ROUTE))
        await check(c.label, { method: 'POST', url, payload: c.payload, contentType: c.contentType });
    }
    t.diagnostic(`page fuzz: ${requests} requests over ${pages.length} page routes, seed ${SEED}`);
    assert.deepEqual(failures.slice(0, 30), [], `${failures.length} failures`);
  },
);
