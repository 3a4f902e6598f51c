/** Test helpers: a fresh database per test file, cloned from the migrated template. */
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { after } from 'node:test';
import pg from 'pg';
import { type Config, loadConfig } from '../src/config.js';
import { makeActor, type Actor, type Role } from '../src/core/access.js';
import { connect, type Database } from '../src/db/index.js';
import type { Static, TSchema } from '@sinclair/typebox';
import { validateBody } from '../src/core/validation.js';
import { buildApp, type App } from '../src/http/app.js';
import { addUser, createToken } from '../src/modules/access/service.js';
import { createCell, createPrison, createUnit } from '../src/modules/estate/service.js';
import { getAdmission } from '../src/modules/custody/index.js';
import {
  checkRelease,
  completeRelease,
  confirmRelease,
  createConvoy,
  decideTransfer,
  departConvoy,
  requestTransfer,
} from '../src/modules/movements/index.js';

const adminUrl = process.env.PMIS_TEST_ADMIN_URL;
const template = process.env.PMIS_TEST_TEMPLATE;
/** The owner role (owns the template's tables) and the app role (what the application connects as). */
const ownerUrl = process.env.PMIS_TEST_OWNER_URL;
const appUrl = process.env.PMIS_TEST_APP_URL;

/** With PMIS_TEST_TIMINGS (scripts/test.ts): a JSON line per database clone and drop into <file>.db, for docs/testing.md. */
function timing(what: 'clone' | 'drop', ms: number): void {
  const file = process.env.PMIS_TEST_TIMINGS;
  if (file) appendFileSync(`${file}.db`, `${JSON.stringify({ [what]: Math.round(ms), file: process.argv[1] })}\n`);
}

function urlFor(db: string, base = adminUrl): string {
  const u = new URL(base!);
  u.pathname = `/${db}`;
  return u.toString();
}

/** The test run's roles: the superuser (creates databases), the owner and the app role. */
export const testRoles = () => ({
  admin: adminUrl!,
  owner: ownerUrl!,
  app: appUrl!,
  ownerRole: decodeURIComponent(new URL(ownerUrl!).username),
  appRole: decodeURIComponent(new URL(appUrl!).username),
  urlFor,
});

/**
 * A new database cloned from the template; dropped when the test file ends. The application's pool
 * connects as the app role (no DELETE, no DDL, append-only audit); `ownerUrl` is the owner's.
 */
export async function testDatabase(): Promise<Database> {
  if (!adminUrl || !template || !ownerUrl || !appUrl)
    throw new Error('Run the tests with `npm test` (it provides the database).');
  const owner = decodeURIComponent(new URL(ownerUrl).username);
  // FILE_COPY when scripts/test.ts found the cluster without fsync (measured cheaper there: docs/testing.md).
  const strategy = process.env.PMIS_TEST_CLONE_STRATEGY === 'FILE_COPY' ? ' STRATEGY FILE_COPY' : '';
  const name = `pmis_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const cloneStart = performance.now();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // CREATE DATABASE ... TEMPLATE needs the template to have no other connection: retry briefly.
  for (let i = 0; ; i++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} OWNER ${owner}${strategy}`);
      break;
    } catch (e) {
      if (i > 50 || (e as { code?: string }).code !== '55006') throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  timing('clone', performance.now() - cloneStart);
  const url = urlFor(name, appUrl);
  const { pool, db } = connect(url, { max: 10 });
  const database: Database = {
    pool,
    db,
    kind: process.env.PMIS_TEST_KIND === 'external' ? 'external' : 'embedded',
    url,
    ownerUrl: urlFor(name, ownerUrl),
    close: async () => {
      await pool.end();
    },
  };
  after(async () => {
    // A client a failed test left checked out must not hang the run: give up waiting after 5 s.
    await Promise.race([pool.end().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
    const dropStart = performance.now();
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await c.end();
    timing('drop', performance.now() - dropStart);
  });
  return database;
}

export function testConfig(over: Partial<Config> = {}): Config {
  // Every setting at its default (loadConfig of an empty environment), then the tests' own.
  return {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    attachmentsDir: '/tmp/pmis-test-attachments',
    attachmentMaxBytes: 5 * 1024 * 1024,
    sessionTtlHours: 1,
    logLevel: 'silent',
    demo: false,
    secureCookies: false,
    ...over,
  };
}

export async function testApp(database: Database, over: Partial<Config> = {}): Promise<App> {
  const app = await buildApp({ database, config: testConfig(over) });
  after(() => app.close());
  return app;
}

export interface Fixture {
  prisons: Record<'BKO' | 'KLK', { id: string; units: string[]; cells: string[] }>;
  /** Bearer tokens by username. */
  tokens: Record<string, string>;
  actors: Record<string, Actor>;
}

/** Two prisons (BKO 400 places, KLK 200) with a unit and cells of 2, and a user per role. */
export async function fixture(database: Database): Promise<Fixture> {
  const db = database.db;
  const prisons = {} as Fixture['prisons'];
  for (const [code, cap] of [
    ['BKO', 400],
    ['KLK', 200],
  ] as const) {
    const p = await createPrison(db, null, {
      code,
      name: `Prison ${code}`,
      kind: 'central_prison',
      region_code: code === 'BKO' ? 'BKO' : 'KOULIKORO',
      official_capacity: cap,
    });
    const u = await createUnit(db, null, p.id, { code: 'A', name: 'Bâtiment A' });
    const cells = [];
    for (let i = 1; i <= 3; i++)
      cells.push((await createCell(db, null, p.id, { unit_id: u.id, code: `A-0${i}`, capacity: 2 })).id);
    prisons[code] = { id: p.id, units: [u.id], cells };
  }
  const users: [string, Role, string[] | 'national'][] = [
    ['admin', 'national_admin', 'national'],
    ['clerk.bko', 'registry_clerk', ['BKO']],
    ['clerk.klk', 'registry_clerk', ['KLK']],
    ['director.bko', 'prison_director', ['BKO']],
    ['auditor', 'auditor', 'national'],
    ['medic.bko', 'medical_staff', ['BKO']],
    ['security.bko', 'security_officer', ['BKO']],
  ];
  const tokens: Record<string, string> = {};
  const actors: Record<string, Actor> = {};
  for (const [username, role, scope] of users) {
    const u = await addUser(db, null, {
      username,
      display_name: username,
      password: 'correct horse battery',
      roles: [role],
      national: scope === 'national',
      prisons: scope === 'national' ? [] : scope,
    });
    tokens[username] = (await createToken(db, u.id)).token;
    actors[username] = makeActor({
      id: u.id,
      username,
      displayName: username,
      roles: [role],
      national: scope === 'national',
      prisonIds: scope === 'national' ? [] : scope.map((c) => prisons[c as 'BKO' | 'KLK'].id),
    });
  }
  return { prisons, tokens, actors };
}

export const auth = (token: string, lang = 'fr') => ({ authorization: `Bearer ${token}`, 'accept-language': lang });

/**
 * A body a test built loosely (JSON-like objects, strings where the schema has literal unions),
 * checked as the API checks it and typed as the service takes it: for tests that call a service
 * directly with what an API request would carry. An invalid body fails the test here.
 */
export function apiBody<S extends TSchema>(schema: S, value: unknown): Static<S> {
  const r = validateBody(schema, value);
  if (!r.ok) throw new Error(`Not a valid body: ${JSON.stringify(r.errors)}`);
  return r.value;
}

/** The base URL of an app listening on a port (`await app.listen({ port: 0 })` first). */
export function baseUrl(app: App): string {
  const addr = app.server.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}

export function newArrival(over: Record<string, unknown> = {}) {
  return {
    prison: 'BKO',
    person: {
      family_name: 'Maïga',
      given_names: 'Hamadoun',
      sex: 'male',
      birth: { precision: 'year', date: '1990' },
      father_name: 'Ibrahim Maïga',
      mother_name: 'Fatoumata Cissé',
      nationality: 'ML',
      origin_region_code: 'MOPTI',
    },
    admitted_at: '2026-03-10T09:30:00Z',
    arresting_authority: 'gendarmerie',
    legal_document: {
      kind: 'committal_order',
      authority: 'Pôle judiciaire spécialisé',
      reference: 'MD-2026-014',
      issued_on: '2026-03-09',
    },
    charges: [
      {
        qualification: 'Association de malfaiteurs en relation avec une entreprise terroriste',
        category: 'felony',
        terrorism_related: true,
      },
    ],
    ...over,
  };
}

/**
 * Log in through the login form as a browser does: GET /login (sets the pre-session CSRF cookie,
 * the form carries the same token), then POST it. Returns the login POST's answer and the cookie
 * header to send afterwards (session, and the language when given).
 */
export async function formLogin(
  app: App,
  username: string,
  opts: { password?: string; next?: string; lang?: 'fr' | 'en' } = {},
) {
  const form = await app.inject({ url: '/login' });
  const csrfCookie = form.cookies.find((c) => c.name === 'pmis_login_csrf');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  if (!csrfCookie || !csrf) throw new Error('the login form has no CSRF token');
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    cookies: { pmis_login_csrf: csrfCookie.value },
    payload: { username, password: opts.password ?? 'correct horse battery', next: opts.next ?? '/', _csrf: csrf },
  });
  const session = res.cookies.find((c) => c.name === 'pmis_session');
  const cookie = session ? `pmis_session=${session.value}${opts.lang ? `; pmis_lang=${opts.lang}` : ''}` : '';
  return { res, cookie, session: session?.value ?? null };
}

/**
 * An officer of the fixture by username, created (with a token) when the fixture has none yet:
 * e.g. a second officer in Koulikoro, whose fixture has only a clerk.
 */
export async function officer(database: Database, fx: Fixture, username: string, role: Role, prison: 'BKO' | 'KLK') {
  if (fx.actors[username]) return fx.actors[username];
  const u = await addUser(database.db, null, {
    username,
    display_name: username,
    password: 'correct horse battery',
    roles: [role],
    prisons: [prison],
  });
  fx.tokens[username] = (await createToken(database.db, u.id)).token;
  fx.actors[username] = makeActor({
    id: u.id,
    username,
    displayName: username,
    roles: [role],
    national: false,
    prisonIds: [fx.prisons[prison].id],
  });
  return fx.actors[username];
}

async function prisonOf(database: Database, fx: Fixture, admissionId: string): Promise<'BKO' | 'KLK'> {
  const a = await getAdmission(database.db, fx.actors.admin, admissionId);
  return a.prison_id === fx.prisons.KLK.id ? 'KLK' : 'BKO';
}

/**
 * Release a person the only way there is (issue 13): the release checked by the prison's clerk
 * (end of sentence, the justice basis written), confirmed by a second officer (the prison's
 * director), then completed — belongings returned against signature, the admission ended.
 * `releasedAt` may be in the past (a release recorded afterwards). Returns the release.
 */
export async function releaseThroughMovements(
  database: Database,
  fx: Fixture,
  admissionId: string,
  opts: { releasedAt?: string; checker?: Actor; confirmer?: Actor; basis?: string } = {},
) {
  const code = await prisonOf(database, fx, admissionId);
  const checker = opts.checker ?? fx.actors[`clerk.${code.toLowerCase()}`];
  const confirmer =
    opts.confirmer ?? (await officer(database, fx, `director.${code.toLowerCase()}`, 'prison_director', code));
  const r = await checkRelease(database.db, checker, {
    admission_id: admissionId,
    reason: 'end_of_sentence',
    justice_basis: opts.basis ?? 'Peine exécutée (test)',
    identity_verified: true,
    photo_shown: true,
    fingerprints_taken: false,
  });
  await confirmRelease(database.db, confirmer, r.id, { notes: null });
  return completeRelease(database.db, checker, r.id, {
    all_returned: true,
    signed_by_person: true,
    ...(opts.releasedAt ? { released_at: opts.releasedAt } : {}),
  });
}

/**
 * Transfer a person the only way there is: requested by the sending prison's clerk, approved by
 * both directors, put on a vehicle and gone (the departure ends the admission, reason transfer;
 * the person is in transit). Returns the convoy as it left.
 */
export async function transferThroughMovements(
  database: Database,
  fx: Fixture,
  admissionId: string,
  to: 'BKO' | 'KLK',
  opts: { departedAt?: string; by?: Actor } = {},
) {
  const from = await prisonOf(database, fx, admissionId);
  const by = opts.by ?? fx.actors[`clerk.${from.toLowerCase()}`];
  const t = await requestTransfer(database.db, by, { admission_id: admissionId, to_prison: to, reason: 'security' });
  for (const code of [from, to])
    await decideTransfer(
      database.db,
      await officer(database, fx, `director.${code.toLowerCase()}`, 'prison_director', code),
      t.id,
      { decision: 'approved', reason: 'Transfert approuvé (test)' },
    );
  const convoy = await createConvoy(database.db, by, {
    to_prison: to,
    escort_force: 'Gendarmerie',
    vehicle: 'Camion (test)',
    officers: 'Adjudant Diarra (test)',
    planned_departure_at: opts.departedAt ?? new Date().toISOString(),
    transfer_ids: [t.id],
  });
  return departConvoy(database.db, by, convoy.id, {
    property_signed_out: true,
    ...(opts.departedAt ? { departed_at: opts.departedAt } : {}),
  });
}
