/**
 * The permission × role matrix (issue 10, item 1): every route the app registers × every role and
 * the unauthenticated caller, each with its expected outcome. A route that appears without an
 * expected outcome fails the test: new routes must be declared in MATRIX below.
 *
 * For each pair a real request is sent: API routes with a bearer token and a body generated from
 * the route's own JSON schema (so that validation passes and the service's authorisation decides),
 * pages with a session cookie and its CSRF token; path parameters point at real records of the
 * Bamako prison, in the scope of every prison-scoped account.
 *   allowed → neither 401 nor 403;  denied → 403;  anonymous → 401 (API, page POST) or 303 to /login.
 * PMIS_MATRIX_PRINT=1 prints the observed table.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';

import { type Permission, ROLE_PERMISSIONS, ROLES, type Role } from '../src/core/access.js';
import { addUser, createToken, login } from '../src/modules/access/service.js';
import { auth, fixture, newArrival, testApp, testDatabase } from './helpers.js';
import type { Created } from './api.js';
import type { Schema } from './fuzz/schema.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;

// ---- One account per role, all in Bamako's scope (national roles national) ---------------------

const ACCOUNTS: Record<Role, string> = {
  registry_clerk: 'clerk.bko',
  security_officer: 'security.bko',
  social_worker: 'social.bko',
  medical_staff: 'medic.bko',
  prison_director: 'director.bko',
  national_admin: 'admin',
  auditor: 'auditor',
  prosecutor: 'prosecutor.bko',
  system_admin: 'sysadmin',
  inspector: 'inspector',
  complaints_officer: 'complaints.officer',
  force_officer: 'force.officer',
};
await addUser(db, null, {
  username: 'force.officer',
  display_name: 'force.officer',
  password: 'correct horse battery',
  roles: ['force_officer'],
});
await addUser(db, null, {
  username: 'social.bko',
  display_name: 'social.bko',
  password: 'correct horse battery',
  roles: ['social_worker'],
  prisons: ['BKO'],
});
await addUser(db, null, {
  username: 'prosecutor.bko',
  display_name: 'prosecutor.bko',
  password: 'correct horse battery',
  roles: ['prosecutor'],
});
await addUser(db, null, {
  username: 'inspector',
  display_name: 'inspector',
  password: 'correct horse battery',
  roles: ['inspector'],
  national: true,
});
await addUser(db, null, {
  username: 'complaints.officer',
  display_name: 'complaints.officer',
  password: 'correct horse battery',
  roles: ['complaints_officer'],
  national: true,
});
await addUser(db, null, {
  username: 'sysadmin',
  display_name: 'sysadmin',
  password: 'correct horse battery',
  roles: ['system_admin'],
  national: true,
});
const who = {} as Record<Role, { token: string; cookie: string; csrf: string }>;
for (const role of ROLES) {
  const username = ACCOUNTS[role];
  const [u] = await db
    .execute<{ id: string }>(`SELECT id FROM app_user WHERE username = '${username}'`)
    .then((r) => r.rows);
  const token = fx.tokens[username] ?? (await createToken(db, u.id)).token;
  const s = await login(db, username, 'correct horse battery', 2);
  who[role] = { token, cookie: `pmis_session=${s.session}`, csrf: s.csrf };
}

// ---- Real records for path parameters and bodies ------------------------------------------------

const admit = async (name: string, cell: string) => {
  const r = await app.inject({
    method: 'POST',
    url: '/api/admissions',
    headers: auth(fx.tokens['clerk.bko']),
    payload: newArrival({ person: { ...newArrival().person, family_name: name }, cell_id: cell }),
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string }>();
};
const admission = await admit('Maïga', fx.prisons.BKO.cells[0]);
const other = await admit('Diarra', fx.prisons.BKO.cells[0]);
// Ending an admission is tried on its own record, so that the others stay current.
const toEnd = await admit('Touré', fx.prisons.BKO.cells[2]);
const rec = await app.inject({
  method: 'POST',
  url: '/api/receptions',
  headers: auth(fx.tokens['security.bko']),
  payload: {
    prison: 'BKO',
    arresting_authority: 'gendarmerie',
    officer_name: 'Adjudant Coulibaly',
    warrant_name: 'Traoré Moussa',
    warrant_charge: 'Vol',
    nothing_shared: true,
  },
});
assert.equal(rec.statusCode, 201, rec.body);
const reception = rec.json<Created>().id;
// A PNG of one pixel, for the uploads.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b1e0a80000000049454e44ae426082',
  'hex',
);
function multipart(fields: Record<string, string>): { payload: Buffer; headers: Record<string, string> } {
  const b = '----pmis-matrix';
  const parts = Object.entries(fields)
    .map(([k, v]) => `--${b}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const payload = Buffer.concat([
    Buffer.from(
      `${parts}--${b}\r\ncontent-disposition: form-data; name="file"; filename="p.png"\r\ncontent-type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}
const up = multipart({ prison: 'BKO', kind: 'photo', person_id: admission.person_id });
const att = await app.inject({
  method: 'POST',
  url: '/api/attachments',
  headers: { ...auth(fx.tokens['clerk.bko']), ...up.headers },
  payload: up.payload,
});
assert.equal(att.statusCode, 201, att.body);
const attachment = att.json<Created>().id;

// Visits (issue 14): a visitor, a ban of another visitor, a visit and a tracing request, in Bamako.
const visitsCall = async (method: 'POST', url: string, user: string, payload: object) => {
  const r = await app.inject({ method, url, headers: auth(fx.tokens[user]), payload });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<Created>().id;
};
const visitor = await visitsCall('POST', '/api/visits/visitors', 'clerk.bko', {
  family_name: 'Keïta',
  given_names: 'Djénéba',
  id_doc_kind: 'nina_card',
  id_doc_number: 'NINA-MATRIX-1',
});
const bannedVisitor = await visitsCall('POST', '/api/visits/visitors', 'clerk.bko', {
  family_name: 'Traoré',
  given_names: 'Awa',
  id_doc_kind: 'nina_card',
  id_doc_number: 'NINA-MATRIX-2',
});
const banned = await app.inject({
  method: 'POST',
  url: `/api/visits/visitors/${bannedVisitor}/bans`,
  headers: auth(fx.tokens['director.bko']),
  payload: { scope: 'prison', prison: 'BKO', reason: 'Objets interdits' },
});
assert.equal(banned.statusCode, 201, banned.body);
const visitorBan = banned.json<{ bans: { id: string }[] }>().bans[0].id;
const visit = await visitsCall('POST', '/api/visits', 'clerk.bko', {
  admission_id: admission.id,
  kind: 'family',
  channel: 'walk_in',
  visitor_ids: [visitor],
  relationship: 'sibling',
});
const tracing = await visitsCall('POST', '/api/visits/tracing', 'director.bko', {
  admission_id: admission.id,
  partner: 'CICR',
  sought: 'Sa sœur, à Mopti',
});

function idFor(url: string): string {
  if (/\/:id\/end$/.test(url)) return toEnd.id;
  if (/^\/(api\/)?(justice\/)?admissions\/:id/.test(url)) return admission.id;
  if (/^\/(api\/)?chain\/(custody\/)?admissions\/:id/.test(url)) return admission.id;
  if (/^\/(api\/)?persons\/:id|^\/people\/:id|^\/api\/identity\/persons\/:id/.test(url)) return admission.person_id;
  if (/^\/(api\/)?cells\/:id/.test(url)) return fx.prisons.BKO.cells[1];
  if (/^\/(api\/)?receptions\/:id/.test(url)) return reception;
  if (/^\/(api\/)?attachments\/:id/.test(url)) return attachment;
  if (/^\/(api\/)?visits\/visitors\/:id/.test(url)) return visitor;
  if (/^\/api\/visits\/bans\/:id/.test(url)) return visitorBan;
  if (/^\/api\/visits\/tracing\/:id/.test(url)) return tracing;
  if (/^\/(api\/)?visits\/:id/.test(url)) return visit;
  return randomUUID(); // a record that does not exist
}

function pathFor(url: string): string {
  return url
    .replace(/:id\b/, idFor(url))
    .replace(':prison', 'BKO')
    .replace(':username', 'nobody.here')
    .replace(':code', 'none')
    .replace(':kind', 'arresting_authority')
    .replace(':step', 'security')
    .replace(':request', randomUUID())
    .replace(':title', randomUUID())
    .replace(':hearing', randomUUID())
    .replace(':personId', admission.person_id)
    .replace(':lang', 'en');
}

// ---- A valid body (or query) from a route's JSON schema ----------------------------------------

/** Fields that name a record: the real ones above, in Bamako. */
function known(name: string): string | undefined {
  if (/^(prison|prison_code)$/.test(name)) return 'BKO';
  if (name === 'prison_id') return fx.prisons.BKO.id;
  if (/^(person_a|person_id)$/.test(name)) return admission.person_id;
  if (name === 'person_b') return other.person_id;
  if (/admission_id$/.test(name)) return admission.id;
  if (name === 'cell_id') return fx.prisons.BKO.cells[1];
  if (name === 'unit_id' || name === 'unit') return fx.prisons.BKO.units[0];
  return undefined;
}
const PATTERN_CANDIDATES = [
  'BKO',
  'A-01',
  'abc.def',
  '2026-01-15',
  '2026-01-15T10:00:00Z',
  '1990',
  '1990-05',
  'ab',
  'x1',
  '10:00',
  'AB',
];
function sample(s: Schema | undefined, name = ''): unknown {
  if (!s) return {};
  if ('const' in s) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((x) => x.type !== 'null') ?? alt[0], name);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x) => sample(x, name))) as unknown;
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k], k);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, name));
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string': {
      const k = known(name);
      if (k && (s.format !== 'uuid' || /^[0-9a-f-]{36}$/.test(k))) return k;
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return '2026-01-15';
      if (s.format === 'date-time') return '2026-01-15T10:00:00Z';
      const min = s.minLength ?? 0;
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const ok = PATTERN_CANDIDATES.find(
          (c) => re.test(c) && c.length >= min && (s.maxLength === undefined || c.length <= s.maxLength),
        );
        if (ok) return ok;
      }
      return 'x'.repeat(Math.max(min, 1)).slice(0, s.maxLength ?? 1000);
    }
    default:
      return {};
  }
}

/** Page forms that are checked field by field before the service decides: a valid one each. */
const FORMS: Record<string, Record<string, string>> = {
  'POST /admissions/new': {
    prison: 'BKO',
    'person.family_name': 'Sangaré',
    'person.sex': 'male',
    'person.birth.precision': 'year',
    'person.birth.date': '1991',
    arresting_authority: 'police',
    'legal_document.kind': 'committal_order',
    'legal_document.authority': 'TGI Bamako',
    'legal_document.reference': 'X-1',
    'legal_document.issued_on': '2026-01-05',
    'charges.0.qualification': 'Vol',
    'charges.0.category': 'misdemeanour',
    'identity.checked': '1',
    'identity.choice': 'new',
  },
  'POST /receptions/new': {
    prison: 'BKO',
    arresting_authority: 'police',
    warrant_name: 'Keïta Ali',
    nothing_shared: '1',
  },
  'POST /admissions/:id/classification': { level: 'medium', reasons: 'Raison' },
  'POST /admissions/:id/assessments': { instrument: 'general_needs' },
  'POST /admissions/:id/review-events': { kind: 'incident', occurred_on: '2026-01-15', note: 'Bagarre' },
  'POST /admissions/:id/regime': { subject: 'activity:sport', effect: 'restrict', reason: 'Raison' },
  'POST /admissions/:id/move': { cell_id: fx.prisons.BKO.cells[1], reason: 'Raison' },
  'POST /cells/:id/leader': { admission_id: admission.id, how: 'elected', since: '2026-01-15', reason: 'Raison' },
  'POST /cells/:id/requests': { subject: 'Eau', raised_on: '2026-01-15' },
  'POST /cells/:id/requests/:request/answer': { answer: 'Réponse' },
  'POST /prisons/:prison/keep-apart': {
    person_a: admission.person_id,
    person_b: other.person_id,
    reason: 'Raison',
    source: 'Source',
  },
  'POST /people/:id/age-assessments': {
    method: 'documents',
    assessed_by: 'Dr Koné',
    assessed_on: '2026-01-15',
    result: 'adult',
  },
  'POST /estate/capacity': { official_capacity: '500', effective_from: '2026-01-15', reason: 'Raison' },
  'POST /estate/status': { status: 'open', effective_from: '2026-01-15', reason: 'Raison' },
  'POST /placement/delegation': { delegated: '0', reason: 'Raison' },
  'POST /complaints/new': {
    admission_id: admission.id,
    kind: 'complaint',
    category: 'food',
    channel: 'paper_slip',
    addressee: 'inspector',
    words: 'Le riz',
  },
  'POST /complaints/:id/action': { action: 'acknowledge' },
  'POST /complaints/:id/note': { kind: 'note', text: 'Note' },
  'POST /movements/transfers/new': { admission_id: admission.id, to_prison: 'KLK', reason: 'security' },
  'POST /movements/transfers/:id/decision': { decision: 'approved', reason: 'Raison' },
  'POST /movements/transfers/:id/cancel': { reason: 'Raison' },
  'POST /movements/transfers/:id/notice': { notified: 'false', reason_not: 'Raison' },
  'POST /movements/transfers/:id/arrival': { security_check: '1', medical_check: '1', registry_check: '1' },
  'POST /movements/convoys/new': {
    to_prison: 'KLK',
    transfer_ids: randomUUID(),
    escort_force: 'Gendarmerie',
    vehicle: 'Camion',
    officers: 'Adjudant',
    planned_departure_at: '2026-01-15T10:00',
  },
  'POST /movements/convoys/:id/departure': { property_signed_out: '1' },
  'POST /chain/announcements/new': {
    prison: 'BKO',
    family_name: 'Sangaré',
    birth_precision: 'unknown',
    from_place: 'Brigade de Bamako',
    'expected_on.day': '15',
    'expected_on.month': '1',
    'expected_on.year': '2030',
    legal_basis: 'police_custody',
  },
  'POST /visits/:id/items': { kind: 'food', description: 'Riz', outcome: 'handed_over' },
  'POST /visits/visitors/:id/ban': { scope: 'prison', prison: 'BKO', reason: 'Raison' },
  'POST /visits/people/:personId/contacts': { admission_id: admission.id, kind: 'call', with_whom: 'Sa mère' },
  'POST /visits/people/:personId/tracing': { admission_id: admission.id, partner: 'CICR', sought: 'Son frère' },
  'POST /users/new': {
    username: 'made.here',
    display_name: 'Made Here',
    password: 'un mot de passe assez long',
    roles: 'registry_clerk',
    prisons: 'BKO',
  },
};

// ---- The matrix --------------------------------------------------------------------------------

type Who = Role | 'anonymous';
/** 'public': no authentication; a list: the roles allowed (the others get 403); `every`: the same status for every role. */
type Expect = 'public' | Role[] | { every: number; why: string };
const any = (...ps: Permission[]): Role[] => ROLES.filter((r) => ps.some((p) => ROLE_PERMISSIONS[r].includes(p)));
const both = (...ps: Permission[]): Role[] => ROLES.filter((r) => ps.every((p) => ROLE_PERMISSIONS[r].includes(p)));
const ALL: Role[] = [...ROLES];
const but = (rs: Role[], ...out: Role[]) => rs.filter((r) => !out.includes(r));
/** Two-step verification is offered to national accounts and directors (here: auditor and sysadmin are national). */
const TOTP: Role[] = [
  'prison_director',
  'national_admin',
  'auditor',
  'system_admin',
  'inspector',
  'complaints_officer',
];
/** Prosecutors read the justice chain only for their jurisdiction's cases (partner routes), never a prison's. */
const JUSTICE_STAFF = but(any('justice.read'), 'prosecutor');
const JUSTICE_WRITERS = but(any('justice.write'), 'prosecutor');
/** Who may open a reception: the offices that record a step (medical staff included), not national or audit roles. */
const RECEPTION = any(
  'intake.security',
  'intake.administration',
  'intake.registry',
  'intake.interview',
  'health.write',
);
const NONE = (why: string) => ({ every: 404, why });
const COMPLAINT_READERS = any('complaints.read', 'complaints.national', 'complaints.confidential');
const COMPLAINT_ANY = any(
  'complaints.read',
  'complaints.national',
  'complaints.confidential',
  'complaints.record',
  'complaints.handle',
);

const CHAIN_READERS = any('chain.announce', 'chain.receive', 'chain.partner_view');
/** Starting a reception from an announcement: reception staff who may start one (the handover). */
const CHAIN_RECEIVERS = both('chain.receive').filter((r) =>
  ROLE_PERMISSIONS[r].some((p) => p === 'intake.security' || p === 'intake.administration'),
);

const MATRIX: Record<string, Expect> = {
  'GET /health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /assets/app.css': 'public',
  'GET /assets/pmis-:hash.css': 'public',
  'GET /lang/:lang': 'public',
  'GET /login': 'public',
  'POST /login': 'public',
  'GET /login/code': 'public',
  'POST /login/code': 'public',
  'POST /api/auth/token': 'public',
  // My account: everyone signed in.
  'GET /api/me': ALL,
  'GET /api/me/sessions': ALL,
  'POST /api/me/sessions/:id/revoke': ALL,
  'POST /api/me/password': ALL,
  'GET /api/me/totp': ALL,
  'POST /api/me/totp': TOTP,
  'POST /api/me/totp/confirm': ALL,
  'POST /api/me/totp/disable': ALL,
  'GET /account': ALL,
  'POST /account/sessions/:id/revoke': ALL,
  'GET /account/password': ALL,
  'POST /account/password': ALL,
  'GET /account/2fa': ALL,
  'POST /account/2fa/start': TOTP,
  'POST /account/2fa/confirm': ALL,
  'POST /account/2fa/disable': ALL,
  'POST /logout': ALL,
  // Administration of accounts.
  'GET /api/users': any('user.admin'),
  'POST /api/users': any('user.admin'),
  'POST /api/users/:username/disable': any('user.admin'),
  'POST /api/users/:username/approve': any('user.admin'),
  'POST /api/users/:username/unlock': any('user.admin'),
  'POST /api/users/:username/totp/reset': any('user.admin'),
  'GET /api/users/:username/sessions': any('user.admin'),
  'POST /api/users/:username/sessions/:id/revoke': any('user.admin'),
  'GET /users': any('user.admin'),
  'GET /users/new': any('user.admin'),
  // The grant rule: a system administrator creates no account with prisoner data.
  'POST /users/new': but(any('user.admin'), 'system_admin'),
  'GET /users/:username': any('user.admin'),
  'POST /users/:username/disable': any('user.admin'),
  'POST /users/:username/approve': any('user.admin'),
  'POST /users/:username/unlock': any('user.admin'),
  'POST /users/:username/totp-reset': any('user.admin'),
  'POST /users/:username/sessions/:id/revoke': any('user.admin'),
  // Estate and reference lists.
  'GET /api/reference/:kind': any('estate.read'),
  'POST /api/reference/:kind': any('reference.admin'),
  'GET /api/prisons': any('estate.read'),
  'POST /api/prisons': any('estate.admin'),
  'GET /api/prisons/:prison': any('estate.read'),
  'PATCH /api/prisons/:prison': any('estate.admin'),
  'POST /api/prisons/:prison/units': any('estate.admin'),
  'POST /api/prisons/:prison/cells': any('estate.admin'),
  'GET /api/occupancy': any('estate.read'),
  'GET /api/prisons/:prison/estate-history': any('estate.read'),
  'POST /api/prisons/:prison/capacity': any('estate.admin'),
  'POST /api/prisons/:prison/status': any('estate.admin'),
  // People and custody.
  'GET /api/persons': any('person.read'),
  'POST /api/persons': any('person.write'),
  'GET /api/persons/:id': any('person.read'),
  'PATCH /api/persons/:id': any('person.write'),
  'POST /api/persons/:id/names': any('person.write'),
  'POST /api/persons/:id/relatives': any('person.write'),
  'PUT /api/persons/:id/sensitive': any('person.sensitive'),
  'GET /api/persons/:id/history': any('history.read'),
  'POST /api/persons/:id/age-assessments': any('person.write'),
  'GET /api/persons/:id/age-assessments': any('person.read'),
  'GET /api/persons/:id/file-openings': any('person.read'),
  'POST /api/persons/:id/file-openings': any('file.open'),
  'POST /api/file-openings/:id/revoke': any('file.open'),
  'POST /api/admissions': any('custody.write'),
  'GET /api/admissions/:id': any('custody.read'),
  'POST /api/admissions/:id/move': both('custody.write', 'housing.move'),
  // Closed (issue 13): who may write in custody is told 409 (the movements flows); the others 403.
  'POST /api/admissions/:id/end': any('custody.write'),
  'POST /api/admissions/:id/corrections': any('custody.correct'),
  'GET /api/prisons/:prison/population': any('custody.read'),
  // Identity.
  'POST /api/identity/candidates': any('identity.match'),
  'POST /api/identity/decisions': any('identity.match'),
  'POST /api/identity/merges': any('identity.merge'),
  'POST /api/identity/merges/:id/undo': any('identity.merge'),
  'GET /api/identity/persons/:id': any('identity.match'),
  // Justice.
  'GET /api/justice/admissions/:id': JUSTICE_STAFF,
  'POST /api/justice/admissions/:id/titles': but(any('justice.write'), 'prosecutor'),
  'POST /api/justice/titles/:id/corrections': NONE('a title that does not exist'),
  'POST /api/justice/titles/:id/withdrawal': NONE('a title that does not exist'),
  'POST /api/justice/admissions/:id/hearings': but(any('justice.write'), 'prosecutor'),
  'POST /api/justice/hearings/:id/outcome': NONE('a hearing that does not exist'),
  'PATCH /api/justice/hearings/:id': NONE('a hearing that does not exist'),
  'GET /api/justice/prisons/:prison/court-list': JUSTICE_STAFF,
  'GET /api/justice/alerts': JUSTICE_STAFF,
  'GET /api/justice/backlog': JUSTICE_STAFF,
  'GET /api/justice/backlog.csv': JUSTICE_STAFF,
  'GET /api/justice/rules': any('justice.read'),
  'POST /api/justice/rules': any('justice.rules'),
  'PATCH /api/justice/rules/:id': any('justice.rules'),
  'GET /api/justice/settings': any('justice.read'),
  'PUT /api/justice/settings': any('justice.rules'),
  'GET /api/justice/jurisdictions': any('justice.read'),
  'POST /api/justice/jurisdictions': any('justice.rules'),
  'POST /api/justice/jurisdictions/:id/members': any('user.admin'),
  'GET /api/justice/partner/cases': ['prosecutor'],
  'GET /api/justice/partner-access': any('audit.read'),
  // The justice pages: the lists follow the API's readers; a form asks for justice.write and, as the API does, an
  // admission in the writer's scope (a prosecutor outside the case's jurisdiction: 403; a title or hearing that does
  // not exist: 404 to whoever may write).
  'GET /justice/alerts': JUSTICE_STAFF,
  'GET /justice/court-list': JUSTICE_STAFF,
  'GET /justice/admissions/:id/titles/new': JUSTICE_WRITERS,
  'POST /justice/admissions/:id/titles/new': JUSTICE_WRITERS,
  'GET /justice/admissions/:id/titles/:title/correct': JUSTICE_WRITERS,
  'POST /justice/admissions/:id/titles/:title/correct': JUSTICE_WRITERS,
  'GET /justice/admissions/:id/hearings/new': JUSTICE_WRITERS,
  'POST /justice/admissions/:id/hearings/new': JUSTICE_WRITERS,
  'GET /justice/admissions/:id/hearings/:hearing/outcome': JUSTICE_WRITERS,
  'POST /justice/admissions/:id/hearings/:hearing/outcome': JUSTICE_WRITERS,
  'GET /justice/admissions/:id/hearings/:hearing/change': JUSTICE_WRITERS,
  'POST /justice/admissions/:id/hearings/:hearing/change': JUSTICE_WRITERS,
  'GET /justice/admissions/:id/titles/:title/withdraw': JUSTICE_WRITERS,
  'POST /justice/admissions/:id/titles/:title/withdraw': JUSTICE_WRITERS,
  // Pages.
  // The home page: a justice partner (prosecutor) reads no prison and gets a home that names none.
  'GET /': [...any('estate.read'), 'prosecutor', 'force_officer'],
  'GET /people': ALL,
  'GET /people/:id': any('person.read'),
  'GET /estate': any('estate.read'),
  'POST /estate/capacity': any('estate.admin'),
  'POST /estate/status': any('estate.admin'),
  'POST /people/:id/age-assessments': any('person.write'),
  'GET /admissions/new': any('custody.write'), // the form only for those who may send it
  'POST /admissions/new': any('custody.write'),
  'GET /backlog': both('justice.read', 'statistics.read'),
  // Reception.
  'POST /api/receptions': any('intake.security', 'intake.administration'),
  'GET /api/receptions': any('custody.read'),
  'GET /api/receptions/:id': RECEPTION,
  'POST /api/receptions/:id/steps/security': any('intake.security'),
  'POST /api/receptions/:id/steps/administration': any('intake.administration'),
  'POST /api/receptions/:id/steps/registry': any('intake.registry'),
  'POST /api/receptions/:id/steps/medical': any('health.write'),
  'POST /api/receptions/:id/steps/interview': any('intake.interview'),
  'POST /api/receptions/:id/complete': any('intake.complete', 'intake.administration'),
  'GET /api/receptions/statistics/nothing-shared': any('statistics.read'),
  'GET /receptions': any('custody.read'),
  'GET /receptions/new': any('intake.security', 'intake.administration'), // the form only for those who may send it
  'POST /receptions/new': any('intake.security', 'intake.administration'),
  'GET /receptions/:id': RECEPTION,
  'POST /receptions/:id/complete': any('intake.complete', 'intake.administration'),
  'POST /receptions/:id/attachments': RECEPTION.filter((r) => any('person.write').includes(r)),
  'GET /receptions/:id/receipt': RECEPTION,
  'GET /receptions/:id/steps/:step': RECEPTION,
  'POST /receptions/:id/steps/:step': any('intake.security'),
  // Attachments.
  'POST /api/attachments': any('person.write'),
  'GET /api/attachments/:id': any('person.read'),
  'GET /attachments/:id': any('person.read'),
  // Housing and classification.
  'POST /api/admissions/:id/allocate': any('housing.move'),
  'POST /api/admissions/:id/security-level': any('classification.decide'),
  'GET /api/admissions/:id/security-level': any('classification.read'),
  'POST /api/keep-apart': any('intelligence.write'),
  'GET /api/keep-apart': any('intelligence.read'),
  'PUT /api/prisons/:prison/housing-policy': any('housing.override'),
  'GET /api/prisons/:prison/breaches': any('custody.read'),
  'GET /api/prisons/:prison/awaiting-allocation': any('custody.read'),
  'GET /api/prisons/:prison/capacity-delegation': any('custody.read'),
  'PUT /api/prisons/:prison/capacity-delegation': any('housing.override'),
  'GET /breaches': any('custody.read'),
  'GET /placement': any('custody.read'),
  'POST /placement/delegation': any('housing.override'),
  'GET /api/assessment-instruments': any('assessment.read'),
  'GET /api/assessment-instruments/:code': any('assessment.read'),
  'POST /api/assessment-instruments': any('assessment.instrument'),
  'POST /api/admissions/:id/assessments': any('assessment.write'),
  'PUT /api/assessments/:id': NONE('an assessment that does not exist'),
  'GET /api/assessments/:id': NONE('an assessment that does not exist'),
  'GET /api/persons/:id/assessments': any('assessment.read'),
  'GET /api/prisons/:prison/classification-settings': any('classification.read'),
  'PUT /api/prisons/:prison/classification-settings': any('classification.decide'),
  'POST /api/admissions/:id/classification': any('classification.decide'),
  'GET /api/admissions/:id/classification': any('classification.read'),
  'POST /api/admissions/:id/review-events': but(
    any('classification.decide', 'housing.move', 'assessment.write', 'justice.write'),
    'prosecutor',
  ),
  'POST /api/admissions/:id/regime': any('classification.decide'),
  'GET /api/prisons/:prison/classifications-due': any('classification.read'),
  'GET /api/admissions/:id/moves': any('custody.read'),
  'GET /api/cells/:id/occupants': any('custody.read'),
  'GET /api/cells/:id/leaders': any('custody.read'),
  'POST /api/cells/:id/leaders': any('housing.move'),
  'POST /api/cells/:id/leaders/end': any('housing.move'),
  'POST /api/cells/:id/leader-requests': any('housing.move', 'custody.write', 'intake.interview'),
  'POST /api/leader-requests/:id/answer': NONE('a request that does not exist'),
  'GET /admissions/:id/classification': any('classification.read'),
  'POST /admissions/:id/classification': any('classification.decide'),
  'POST /admissions/:id/review-events': but(
    any('classification.decide', 'housing.move', 'assessment.write', 'justice.write'),
    'prosecutor',
  ),
  'POST /admissions/:id/regime': any('classification.decide'),
  'GET /admissions/:id/assessments': any('assessment.read'),
  'POST /admissions/:id/assessments': any('assessment.write'),
  'GET /assessments/:id': NONE('an assessment that does not exist'),
  'POST /assessments/:id': NONE('an assessment that does not exist'),
  'GET /prisons/:prison/keep-apart': any('intelligence.read'),
  'POST /prisons/:prison/keep-apart': any('intelligence.write'),
  'GET /admissions/:id/move': any('custody.read'),
  'POST /admissions/:id/move': any('housing.move'),
  'GET /cells/:id': any('custody.read'),
  'POST /cells/:id/leader': any('housing.move'),
  'POST /cells/:id/requests': any('housing.move', 'custody.write', 'intake.interview'),
  'POST /cells/:id/requests/:request/answer': NONE('a request that does not exist'),
  'GET /classifications-due': any('classification.read'),
  // Requests and complaints: the service's visibility rule decides past these rights (a record that does not exist: 404).
  'POST /api/complaints': any('complaints.record', 'complaints.confidential'),
  'GET /api/complaints': any('complaints.read', 'complaints.national'),
  'GET /api/complaints/inspector': any('complaints.confidential', 'complaints.national'),
  'GET /api/complaints/statistics': any('complaints.read', 'complaints.national'),
  'GET /api/complaints/notices': ['prison_director', 'national_admin', 'inspector', 'complaints_officer'],
  'POST /api/complaints/notices/:id/seen': ['prison_director', 'national_admin', 'inspector', 'complaints_officer'],
  'GET /api/complaints/reprisal-warnings': COMPLAINT_READERS,
  'GET /api/complaints/settings': any('complaints.read', 'complaints.confidential', 'complaints.record'),
  'PUT /api/complaints/settings': any('complaints.national'),
  'GET /api/complaints/by-reference/:reference': COMPLAINT_READERS,
  'GET /api/complaints/:id': COMPLAINT_READERS,
  'POST /api/complaints/:id/actions': COMPLAINT_ANY,
  'POST /api/complaints/:id/notes': COMPLAINT_ANY,
  'POST /api/complaints/:id/assign': COMPLAINT_ANY,
  'GET /api/persons/:id/complaints': COMPLAINT_READERS,
  'GET /complaints': any('complaints.read', 'complaints.national'),
  'GET /complaints/inspector': any('complaints.confidential', 'complaints.national'),
  'GET /complaints/statistics': any('complaints.read', 'complaints.national'),
  'GET /complaints/warnings': COMPLAINT_READERS,
  'GET /complaints/person/:id': COMPLAINT_READERS,
  'GET /complaints/new': any('complaints.record', 'complaints.confidential'),
  'POST /complaints/new': any('complaints.record', 'complaints.confidential'),
  'GET /complaints/:id/receipt': COMPLAINT_READERS,
  'GET /complaints/:id': COMPLAINT_READERS,
  'POST /complaints/:id/action': COMPLAINT_ANY,
  'POST /complaints/:id/note': COMPLAINT_ANY,
  // Movements: escorts, the count, the daily state (a record that does not exist: 404).
  'GET /api/movements/escorts': any('custody.read'),
  'POST /api/movements/escorts': any('movements.escort'),
  'GET /api/movements/escorts/:id': NONE('an escort that does not exist'),
  'POST /api/movements/escorts/:id/back': NONE('an escort that does not exist'),
  'GET /api/movements/counts': any('custody.read'),
  'GET /api/movements/counts/sheet': any('custody.read'),
  'POST /api/movements/counts': any('movements.count'),
  'GET /api/movements/counts/:id': NONE('a count that does not exist'),
  'POST /api/movements/counts/:id/recount': NONE('a count that does not exist'),
  'POST /api/movements/counts/:id/validate': NONE('a count that does not exist'),
  'GET /api/movements/count-slots': any('estate.read'),
  'PUT /api/movements/count-slots': any('estate.admin'),
  'GET /api/movements/daily-state': any('statistics.read'),
  'GET /api/movements/daily-state/national': any('statistics.read'),
  'GET /movements/escorts': any('custody.read'),
  'GET /movements/escorts/new': any('movements.escort'),
  'POST /movements/escorts/new': any('movements.escort'),
  'POST /movements/escorts/:id/back': NONE('an escort that does not exist'),
  'GET /movements/count': any('custody.read'),
  'GET /movements/count/sheet': any('movements.count'),
  'POST /movements/count/sheet': NONE('no unit named'),
  'GET /movements/count/:id': NONE('a count that does not exist'),
  'POST /movements/count/:id/recount': NONE('a count that does not exist'),
  'POST /movements/count/:id/validate': NONE('a count that does not exist'),
  'GET /movements/daily-state': any('statistics.read'),
  'GET /movements/daily-state/national': any('statistics.read'),
  // Movements: releases (a second officer confirms), the release-due list, escapes and deaths.
  'GET /api/movements/release-due': any('movements.release'),
  'POST /api/movements/releases': any('movements.release'),
  'GET /api/movements/releases/:id': any('movements.release', 'movements.release_confirm'),
  'POST /api/movements/releases/:id/confirmation': any('movements.release_confirm'),
  'POST /api/movements/releases/:id/completion': any('movements.release'),
  'POST /api/movements/releases/:id/notifications': any('movements.release'),
  'GET /api/movements/release-settings': any('movements.release', 'reference.admin'),
  'PUT /api/movements/release-settings': any('reference.admin'),
  'POST /api/movements/escapes': any('movements.incident'),
  'POST /api/movements/deaths': any('movements.incident'),
  'GET /api/movements/incidents/:id': any('movements.incident'),
  'POST /api/movements/incidents/:id/notifications': any('movements.incident'),
  'POST /api/movements/incidents/:id/recapture': any('movements.incident'),
  'GET /movements/release-due': any('movements.release'),
  'GET /movements/releases/new': any('movements.release'),
  'POST /movements/releases/new': any('movements.release'),
  'GET /movements/releases/:id': any('movements.release', 'movements.release_confirm'),
  'POST /movements/releases/:id/confirm': any('movements.release_confirm'),
  'POST /movements/releases/:id/complete': any('movements.release'),
  'POST /movements/releases/:id/notify': any('movements.release'),
  'GET /movements/releases/:id/certificate': any('movements.release', 'movements.release_confirm'),
  // Custody before prison (chain): staff by custody rights in the prison's scope; held without charge for the
  // justice staff of the prison, and for a prosecutor's office through its jurisdictions only.
  'GET /api/chain/custody/admissions/:id': any('custody.read'),
  'POST /api/chain/custody/admissions/:id/stages': any('custody.write'),
  'POST /api/chain/custody/stages/:id/corrections': any('custody.correct'),
  'GET /api/chain/custody/breaches': any('statistics.read'),
  'GET /api/chain/custody/without-charge': JUSTICE_STAFF,
  'GET /api/chain/custody/partner/without-charge': ['prosecutor'],
  'GET /api/chain/custody/rules': any('justice.read'),
  'POST /api/chain/custody/rules': any('justice.rules'),
  'GET /api/chain/custody/settings': any('justice.read'),
  'PUT /api/chain/custody/settings': any('justice.rules'),
  'GET /chain/admissions/:id/custody': any('custody.read'),
  'GET /chain/admissions/:id/custody/new': any('custody.write'),
  'POST /chain/admissions/:id/custody/new': any('custody.write'),
  'GET /chain/custody/stages/:id/correct': any('custody.correct'),
  'POST /chain/custody/stages/:id/correct': any('custody.correct'),
  'GET /movements/escapes/new': any('movements.incident'),
  'POST /movements/escapes/new': any('movements.incident'),
  'GET /movements/deaths/new': any('movements.incident'),
  'POST /movements/deaths/new': any('movements.incident'),
  'GET /movements/incidents/:id': any('movements.incident'),
  'POST /movements/incidents/:id/notify': any('movements.incident'),
  'POST /movements/incidents/:id/recapture': any('movements.incident'),
  'GET /movements/incidents/:id/alert-sheet': any('movements.incident'),
  // Transfers between prisons: a transfer or a vehicle that does not exist answers 404 past these rights.
  'POST /api/transfers': any('movements.transfer'),
  'GET /api/transfers': any('custody.read'),
  'GET /api/transfers/in-transit': any('custody.read'),
  'GET /api/transfers/:id': any('custody.read'),
  'POST /api/transfers/:id/decision': any('movements.transfer_decide'),
  'POST /api/transfers/:id/cancel': any('movements.transfer'),
  'POST /api/transfers/:id/arrival': any('movements.transfer'),
  'POST /api/transfers/:id/family-notices': any('movements.transfer'),
  'POST /api/transfer-convoys': any('movements.transfer'),
  'GET /api/transfer-convoys/:id': any('custody.read'),
  'POST /api/transfer-convoys/:id/departure': any('movements.transfer'),
  'GET /movements/transfers': any('custody.read'),
  'GET /movements/transfers/board': any('custody.read'),
  'GET /movements/transfers/new': any('movements.transfer'),
  'POST /movements/transfers/new': any('movements.transfer'),
  'GET /movements/transfers/:id': any('custody.read'),
  'POST /movements/transfers/:id/decision': any('movements.transfer_decide'),
  'POST /movements/transfers/:id/cancel': any('movements.transfer'),
  'POST /movements/transfers/:id/notice': any('movements.transfer'),
  'POST /movements/transfers/:id/arrival': any('movements.transfer'),
  'GET /movements/convoys/new': any('movements.transfer'),
  'POST /movements/convoys/new': any('movements.transfer'),
  'GET /movements/convoys/:id': any('custody.read'),
  'POST /movements/convoys/:id/departure': any('movements.transfer'),
  // The chain: arrivals announced by the forces (an announcement or a document that does not exist: 404 past these rights).
  'POST /api/chain/announcements': any('chain.announce'),
  'GET /api/chain/announcements': CHAIN_READERS,
  'GET /api/chain/expected': any('chain.receive'),
  'GET /api/chain/announcements/:id': CHAIN_READERS,
  'POST /api/chain/announcements/:id/reception': CHAIN_RECEIVERS,
  'POST /api/chain/announcements/:id/documents': any('chain.announce', 'chain.documents'),
  'GET /api/chain/documents/:id': any('chain.documents'),
  'GET /api/chain/nothing-shared': any('statistics.read'),
  'GET /api/chain/partner': any('chain.partner_view'),
  'GET /api/chain/units': any('reference.admin', 'chain.partner_view', 'chain.receive', 'chain.announce'),
  'POST /api/chain/units': any('reference.admin'),
  'POST /api/chain/units/:code/members': any('user.admin'),
  'GET /chain/announcements': CHAIN_READERS,
  'GET /chain/announcements/new': any('chain.announce'),
  'POST /chain/announcements/new': any('chain.announce'),
  'GET /chain/announcements/:id': CHAIN_READERS,
  'POST /chain/announcements/:id/receive': CHAIN_RECEIVERS,
  'GET /chain/documents/:id': any('chain.documents'),
  'GET /chain/nothing-shared': any('statistics.read'),
  'GET /chain/partner': any('chain.partner_view'),
  // Visits (issue 14), the gate part: the register of visitors is shared by all prisons; bans, restrictions
  // and the visiting rules are the director's; calls, letters and tracing are the social worker's.
  'GET /api/visits/visitors': any('visits.read'),
  'POST /api/visits/visitors': any('visits.gate'),
  'GET /api/visits/visitors/:id': any('visits.read'),
  'POST /api/visits/visitors/:id/relationships': any('visits.gate'),
  'POST /api/visits/visitors/:id/bans': any('visits.decide'),
  'POST /api/visits/bans/:id/lift': any('visits.decide'),
  'GET /api/visits/rules': any('visits.read'),
  'PUT /api/visits/rules': any('visits.decide'),
  'POST /api/visits/restrictions': any('visits.decide'),
  'GET /api/visits': any('visits.read'),
  'POST /api/visits': any('visits.gate'),
  'GET /api/visits/:id': any('visits.read'),
  'POST /api/visits/:id/arrival': any('visits.gate'),
  'POST /api/visits/:id/departure': any('visits.gate'),
  'POST /api/visits/:id/cancellation': any('visits.gate'),
  'POST /api/visits/:id/items': any('visits.gate'),
  'GET /api/visits/people/:personId/contact': any('visits.read'),
  'GET /api/visits/no-contact': any('visits.read'),
  'POST /api/visits/contacts': any('visits.contact'),
  'POST /api/visits/tracing': any('visits.contact'),
  'POST /api/visits/tracing/:id': any('visits.contact'),
  'GET /visits/gate': any('visits.read'),
  'GET /visits/new': any('visits.gate'),
  'POST /visits/new': any('visits.gate'),
  'GET /visits/:id': any('visits.read'),
  'POST /visits/:id/items': any('visits.gate'),
  'POST /visits/:id/arrival': any('visits.gate'),
  'POST /visits/:id/departure': any('visits.gate'),
  'GET /visits/visitors': any('visits.read'),
  'GET /visits/visitors/new': any('visits.gate'),
  'POST /visits/visitors/new': any('visits.gate'),
  'GET /visits/visitors/:id': any('visits.read'),
  'POST /visits/visitors/:id/ban': any('visits.decide'),
  'GET /visits/people/:personId': any('visits.read'),
  'POST /visits/people/:personId/contacts': any('visits.contact'),
  'POST /visits/people/:personId/tracing': any('visits.contact'),
  'GET /visits/no-contact': any('visits.read'),
};

interface Route {
  method: string;
  url: string;
  public: boolean;
  body?: unknown;
  query?: unknown;
}
const routes: Route[] = app.pmisRoutes;

async function call(r: Route, w: Who): Promise<number> {
  const key = `${r.method} ${r.url}`;
  const query = r.query ? new URLSearchParams(sample(r.query) as Record<string, string>).toString() : '';
  const url = pathFor(r.url) + (query ? `?${query}` : '');
  const isApi = r.url.startsWith('/api/');
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (w !== 'anonymous') {
    if (isApi) headers.authorization = `Bearer ${who[w].token}`;
    else headers.cookie = who[w].cookie;
  }
  const csrf = w === 'anonymous' ? '' : who[w].csrf;
  if (r.method === 'GET') return (await app.inject({ method: 'GET', url, headers })).statusCode;
  if (key === 'POST /api/attachments' || key === 'POST /receptions/:id/attachments') {
    const m = multipart({ prison: 'BKO', kind: 'photo', person_id: admission.person_id });
    return (
      await app.inject({
        method: 'POST',
        url: isApi ? url : `${url}?_csrf=${encodeURIComponent(csrf)}`,
        headers: { ...headers, ...m.headers },
        payload: m.payload,
      })
    ).statusCode;
  }
  const body =
    key === 'POST /api/auth/token'
      ? { username: 'clerk.bko', password: 'correct horse battery', name: 'matrix' }
      : isApi
        ? sample(r.body as Schema | undefined)
        : { _csrf: csrf, ...FORMS[key] };
  return (await app.inject({ method: r.method as 'POST', url, headers, payload: body as object })).statusCode;
}

/** What each caller must get. */
function expected(e: Expect, r: Route, w: Who): (status: number) => boolean {
  const page = !r.url.startsWith('/api/');
  if (e === 'public')
    return (s) =>
      s !== 401 && !(s === 303 && w === 'anonymous' && r.url !== '/login/code' && r.url !== '/lang/:lang') && s < 500;
  if (w === 'anonymous') return page && r.method === 'GET' ? (s) => s === 303 : (s) => s === 401;
  if (!Array.isArray(e)) return (s) => s === e.every;
  return e.includes(w) ? (s) => s !== 401 && s !== 403 && s < 500 : (s) => s === 403;
}

test(
  'every route × every role (and anonymous) gives the expected outcome; no route is undeclared',
  { timeout: 600_000 },
  async () => {
    const undeclared = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !(k in MATRIX));
    assert.deepEqual(
      undeclared,
      [],
      'routes without an expected outcome: declare them in MATRIX (test/access-matrix.test.ts)',
    );
    const stale = Object.keys(MATRIX).filter((k) => !routes.some((r) => `${r.method} ${r.url}` === k));
    assert.deepEqual(stale, [], 'MATRIX names routes that no longer exist');
    const wrong: string[] = [];
    let pairs = 0;
    // Logging out ends the session the page requests use: last.
    const order = [...routes].sort((a, b) => Number(a.url === '/logout') - Number(b.url === '/logout'));
    for (const r of order) {
      const key = `${r.method} ${r.url}`;
      const line: string[] = [];
      for (const w of ['anonymous', ...ROLES] as Who[]) {
        const status = await call(r, w);
        pairs++;
        line.push(`${w}=${status}`);
        if (!expected(MATRIX[key], r, w)(status)) wrong.push(`${key} as ${w}: ${status}`);
      }
      if (process.env.PMIS_MATRIX_PRINT) console.log(`${key.padEnd(58)} ${line.join(' ')}`);
    }
    console.log(`permission × role matrix: ${routes.length} routes × ${ROLES.length + 1} callers = ${pairs} requests`);
    assert.deepEqual(wrong, []);
  },
);

// ---- No form where sending it would be refused ---------------------------------------------------

/** The route a form's action goes to (its pattern in the route table), or null. */
function routeOfAction(action: string): string | null {
  const path = action.split('?')[0];
  const posts = routes.filter((r) => r.method === 'POST' && !r.url.startsWith('/api/'));
  const hit = posts.find((r) => new RegExp(`^${r.url.replace(/:[A-Za-z]+/g, '[^/]+')}$`).test(path));
  return hit?.url ?? null;
}

/** Who may send a form to this action: a reception step's form by its step's permission (the API's line). */
function mayPost(action: string, route: string, w: Role): boolean {
  // A cell leader's request is answered by housing and custody staff (answerLeaderRequest); the
  // matrix's line for it tries a request that does not exist.
  if (route === '/cells/:id/requests/:request/answer') return any('housing.move', 'custody.write').includes(w);
  const step = /^\/receptions\/[^/]+\/steps\/([a-z]+)/.exec(action)?.[1];
  const e = MATRIX[step ? `POST /api/receptions/:id/steps/${step}` : `POST ${route}`];
  return e === 'public' || (Array.isArray(e) && e.includes(w));
}

test(
  'no page shows a form that its reader may not send: read-only roles, and reception steps by their permission',
  { timeout: 600_000 },
  async () => {
    const shown: string[] = [];
    let pages = 0;
    const gets = routes.filter((r) => r.method === 'GET' && !r.url.startsWith('/api/') && r.url !== '/logout');
    const stepPages = ['security', 'administration', 'registry', 'medical', 'interview'].map(
      (s) => `/receptions/${reception}/steps/${s}`,
    );
    for (const w of ['auditor', 'social_worker', 'medical_staff', 'prosecutor', 'inspector'] as const) {
      // A session of its own: the matrix above ends with logging out.
      const cookie = `pmis_session=${(await login(db, ACCOUNTS[w], 'correct horse battery', 2)).session}`;
      const paths = gets
        .filter((r) => Array.isArray(MATRIX[`GET ${r.url}`]) && (MATRIX[`GET ${r.url}`] as Role[]).includes(w))
        .flatMap((r) => {
          const query = r.query ? new URLSearchParams(sample(r.query) as Record<string, string>).toString() : '';
          return r.url === '/receptions/:id/steps/:step' ? stepPages : [pathFor(r.url) + (query ? `?${query}` : '')];
        });
      for (const url of paths) {
        const res = await app.inject({
          method: 'GET',
          url,
          headers: { cookie, 'accept-language': 'en' },
        });
        if (res.statusCode !== 200 || !res.headers['content-type']?.toString().startsWith('text/html')) continue;
        pages++;
        for (const m of res.body.matchAll(/<form\b([^>]*)>/g)) {
          const attrs = m[1];
          if (!/method="post"/i.test(attrs)) continue;
          const action = (/action="([^"]*)"/.exec(attrs)?.[1] ?? url).replace(/&amp;/g, '&');
          if (action === '/logout' || action.startsWith('/lang/')) continue;
          const route = routeOfAction(action);
          if (!route) shown.push(`${w} ${url}: a form to ${action}, which is no route`);
          else if (!mayPost(action, route, w)) shown.push(`${w} ${url}: a form to ${action}, refused to ${w}`);
        }
      }
    }
    console.log(`forms by reader: ${pages} pages read`);
    assert.ok(pages > 50, `${pages} pages read`);
    assert.deepEqual(shown, []);
  },
);
