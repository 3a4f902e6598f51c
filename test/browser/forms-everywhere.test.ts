/**
 * Every staff page with a form, in a real browser (issue 12). The list below is checked against the
 * application's route table: a page (GET) or a form target (POST) that it does not name fails the
 * first test, so a new form page cannot be left out.
 *
 * For each form page, in French and in English:
 * - each radio and checkbox is on the same line as its label, to its left (bounding boxes);
 * - axe-core finds no serious or critical violation, on the page and on its error page;
 * - the page's HTML is under 150 KB;
 * - each form sent empty comes back with one error summary above every field, whose links each name
 *   their field (the field's label or legend is in the link's words), point to one element, and
 *   are not the same sentence twice;
 * - at 390 px and 768 px the page does not scroll sideways.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addUser, createToken } from '../../src/modules/access/service.js';
import { totpCode } from '../../src/modules/access/totp.js';
import { auth } from '../helpers.js';
import { browserHarness } from './harness.js';

declare global {
  interface Window {
    axe: {
      run(
        context: Document,
        options: object,
      ): Promise<{
        violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
      }>;
    };
  }
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const harness = await browserHarness();
const { app, base, fx, database } = harness;
const MAX_HTML = 150 * 1024;

// ---- Data: one person admitted in Bamako, a reception, an assessment, a complaint ----------------

await addUser(database.db, null, {
  username: 'forms.all',
  display_name: 'Awa Forms',
  password: 'correct horse battery',
  roles: ['registry_clerk', 'security_officer', 'prison_director', 'medical_staff', 'social_worker', 'national_admin'],
  national: true,
});

async function api(url: string, token: string, payload: unknown): Promise<{ id: string; person_id: string }> {
  const r = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = (await r.json()) as { id: string; person_id: string };
  assert.ok(r.status < 300, `${url}: ${JSON.stringify(body)}`);
  return body;
}

const PERSON = {
  family_name: 'Traoré',
  given_names: 'Bakary',
  sex: 'male',
  birth: { precision: 'year', date: '1985' },
};
const admission = await api('/api/admissions', fx.tokens['clerk.bko'], {
  prison: 'BKO',
  person: PERSON,
  admitted_at: '2025-09-01T09:00:00Z',
  arresting_authority: 'gendarmerie',
  legal_document: {
    kind: 'committal_order',
    authority: 'Juge d’instruction',
    reference: 'MD-F-1',
    issued_on: '2025-08-31',
  },
  charges: [{ qualification: 'Vol qualifié', category: 'felony', terrorism_related: false }],
  cell_id: fx.prisons.BKO.cells[0],
});
const reception = await api('/api/receptions', fx.tokens['security.bko'], {
  prison: 'BKO',
  arresting_authority: 'gendarmerie',
  officer_name: 'Adjudant Coulibaly',
  officer_unit: 'Camp I de la gendarmerie',
  warrant_name: 'Diarra Seydou',
  warrant_birth: 'vers 1990',
  warrant_region: 'MOPTI',
  warrant_charge: 'Vol',
  warrant_reference: 'MD-F-2',
  nothing_shared: true,
});
const receptionEn = await api('/api/receptions', fx.tokens['security.bko'], {
  prison: 'BKO',
  arresting_authority: 'police',
  officer_name: 'Brigadier Keita',
  warrant_name: 'Sangaré Ali',
  warrant_charge: 'Vol',
  nothing_shared: true,
});
const assessment = await api(`/api/admissions/${admission.id}/assessments`, fx.tokens['director.bko'], {
  instrument: 'general_needs',
});
const cell = fx.prisons.BKO.cells[0];
// A leader, so that the cell's page offers its request form.
await api(`/api/cells/${cell}/leaders`, fx.tokens['director.bko'], {
  admission_id: admission.id,
  how: 'elected',
  since: '2025-09-02',
  reason: 'Élu par la cellule',
});

// The justice chain: a hearing to change or close, the admission's title to correct or withdraw.
const hearing = await api(`/api/justice/admissions/${admission.id}/hearings`, fx.tokens['clerk.bko'], {
  court: 'Tribunal de grande instance de la Commune III',
  scheduled_at: '2030-06-15T09:30:00Z',
  purpose: 'Interrogatoire',
});
const justiceFile = (await (
  await fetch(`${base}/api/justice/admissions/${admission.id}`, { headers: auth(fx.tokens['clerk.bko']) })
).json()) as { titles: { id: string }[] };
const title = justiceFile.titles[0];
// A complaint to the director (its page, its receipt) and a confidential one for the independent body's list.
const complaint = await api('/api/complaints', fx.tokens['clerk.bko'], {
  admission_id: admission.id,
  kind: 'complaint',
  category: 'food',
  channel: 'in_person',
  addressee: 'director',
  words: 'Le riz manque depuis une semaine.',
});
await api('/api/complaints', fx.tokens['clerk.bko'], {
  admission_id: admission.id,
  kind: 'complaint',
  category: 'staff_treatment',
  channel: 'paper_slip',
  addressee: 'inspector',
  words: 'Le chef de quartier exige de l’argent.',
});
await addUser(database.db, null, {
  username: 'forms.inspector',
  display_name: 'Inspection Forms',
  password: 'correct horse battery',
  roles: ['inspector'],
  national: true,
});
// A second reception whose registry step is done, for the belongings receipt.
const received = await api('/api/receptions', fx.tokens['security.bko'], {
  prison: 'BKO',
  arresting_authority: 'police',
  officer_name: 'Brigadier Sidibé',
  warrant_name: 'Koné Adama',
  warrant_charge: 'Vol',
  nothing_shared: true,
});
await api(`/api/receptions/${received.id}/steps/registry`, fx.tokens['director.bko'], {
  items: [{ item: 'Boubou', quantity: 2 }],
  money: [{ amount: 15000, currency: 'XOF' }],
  out_of_order_reason: 'Greffe ouvert avant le bureau de la sécurité',
});
// Movements: a release checked and confirmed (its page shows the belongings and notification forms),
// a person to release (the check form), one for the escape and death forms, an escape (its page).
const admitMore = (family_name: string, reference: string) =>
  api('/api/admissions', fx.tokens['clerk.bko'], {
    prison: 'BKO',
    person: { ...PERSON, family_name },
    admitted_at: '2025-09-01T09:00:00Z',
    arresting_authority: 'gendarmerie',
    legal_document: { kind: 'committal_order', authority: 'Juge d’instruction', reference, issued_on: '2025-08-31' },
    charges: [{ qualification: 'Vol qualifié', category: 'felony', terrorism_related: false }],
  });
const toCheck = await admitMore('Coulibaly', 'MD-F-10');
const toRelease = await admitMore('Dembélé', 'MD-F-11');
const forIncident = await admitMore('Sidibé', 'MD-F-12');
const escaped = await admitMore('Kanté', 'MD-F-13');
const releaseInProgress = await api('/api/movements/releases', fx.tokens['clerk.bko'], {
  admission_id: toRelease.id,
  reason: 'end_of_sentence',
  justice_basis: 'Fin de peine',
  identity_verified: true,
  photo_shown: true,
  fingerprints_taken: false,
});
await api(`/api/movements/releases/${releaseInProgress.id}/confirmation`, fx.tokens['director.bko'], {});
const escape = await api('/api/movements/escapes', fx.tokens['clerk.bko'], {
  admission_id: escaped.id,
  occurred_at: '2026-11-30T22:00:00Z',
  place: 'Cour nord',
  circumstances: 'Par-dessus le mur',
});
// Custody before prison (chain): a stage to show and to correct.
const chainReply = await fetch(`${base}/api/chain/custody/admissions/${admission.id}/stages`, {
  method: 'POST',
  headers: { ...auth(fx.tokens['clerk.bko']), 'content-type': 'application/json' },
  body: JSON.stringify({
    force: 'gendarmerie',
    place_kind: 'gendarmerie_brigade',
    from_at: '2025-08-29T10:00:00Z',
    to_at: '2025-08-31T10:00:00Z',
    legal_basis: 'garde_a_vue',
  }),
});
assert.equal(chainReply.status, 201);
const chainStageId = ((await chainReply.json()) as { stages: { id: string }[] }).stages[0].id;

// A director who signs in with a code (the second factor's page).
await addUser(database.db, null, {
  username: 'forms.totp',
  display_name: 'Directeur Code',
  password: 'correct horse battery',
  roles: ['prison_director'],
  prisons: ['BKO'],
});
const totpToken = (
  (await (
    await fetch(`${base}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'forms.totp', password: 'correct horse battery' }),
    })
  ).json()) as { token: string }
).token;
const enrol = await fetch(`${base}/api/me/totp`, {
  method: 'POST',
  headers: { ...auth(totpToken), 'content-type': 'application/json' },
  body: '{}',
});
const { secret } = (await enrol.json()) as { secret: string };
const confirmed = await fetch(`${base}/api/me/totp/confirm`, {
  method: 'POST',
  headers: { ...auth(totpToken), 'content-type': 'application/json' },
  body: JSON.stringify({ code: totpCode(secret) }),
});
assert.equal(confirmed.status, 204);
// Visits: Bamako's rules (every day, all day), a visitor linked to the person, a visit in progress (its items form).
const rules = await fetch(`${base}/api/visits/rules`, {
  method: 'PUT',
  headers: { ...auth(fx.tokens['director.bko']), 'content-type': 'application/json' },
  body: JSON.stringify({
    prison: 'BKO',
    reason: 'Horaires',
    rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      starts: '00:00',
      ends: '23:59',
      per_person_week: 14,
      visitors_per_visit: 3,
      room_capacity: 40,
    })),
  }),
});
assert.equal(rules.status, 200, await rules.text());
const visitor = await api('/api/visits/visitors', fx.tokens['clerk.bko'], {
  family_name: 'Coulibaly',
  given_names: 'Mariam',
  id_doc_kind: 'nina_card',
  id_doc_number: 'NINA-778899',
});
await api(`/api/visits/visitors/${visitor.id}/relationships`, fx.tokens['clerk.bko'], {
  person_id: admission.person_id,
  relationship: 'spouse',
});
const visit = await api('/api/visits', fx.tokens['clerk.bko'], {
  admission_id: admission.id,
  kind: 'family',
  channel: 'walk_in',
  visitor_ids: [visitor.id],
  relationship: 'spouse',
});

// The chain: a force officer of a gendarmerie brigade announces an arrival at Bamako (the announcement
// form is his; the list, the announcement with its receive button, and the tables are the prison's and the
// national administration's).
const unitsAdmin = await addUser(database.db, null, {
  username: 'forms.units',
  display_name: 'Admin Forms',
  password: 'correct horse battery',
  roles: ['national_admin'],
  national: true,
});
const unitsToken = (await createToken(database.db, unitsAdmin.id)).token;
const force = await addUser(database.db, null, {
  username: 'forms.force',
  display_name: 'Adjudant Forms',
  password: 'correct horse battery',
  roles: ['force_officer'],
});
await api('/api/chain/units', unitsToken, { code: 'GEND-FORMS', authority: 'gendarmerie', name: 'Brigade de Kati' });
await api('/api/chain/units/GEND-FORMS/members', unitsToken, { user: 'forms.force' });
const announcement = await api('/api/chain/announcements', (await createToken(database.db, force.id)).token, {
  prison: 'BKO',
  family_name: 'Kanté',
  given_names: 'Hamadoun',
  birth_precision: 'year',
  birth_date: '1990',
  from_place: 'Camp I',
  expected_on: new Date().toISOString().slice(0, 10),
  legal_basis: 'police_custody',
  legal_reference: 'PV 12',
});

// ---- The pages ----------------------------------------------------------------------------------

interface FormPage {
  /** The route as registered. */
  route: string;
  /** The URL opened. */
  path: string;
  /** The form targets (POST routes) sent from this page. */
  posts: string[];
  /** Forms (CSS selectors) sent empty; each must come back with an error summary. */
  forms: string[];
  /** Signed in as (null: anonymous). */
  user?: string | null;
  /** The forms a person may send empty (every field optional): no error summary, the step is recorded. */
  acceptsEmpty?: string[];
  /** Checked in this language only (default: both). */
  lang?: 'fr' | 'en';
  /** What the prepared state is called in the test's name. */
  state?: string;
  /** Bring the page to the state to check (e.g. a first submission that shows candidates). */
  prepare?: (page: Page) => Promise<void>;
}

const FORM_PAGES: FormPage[] = [
  { route: '/login', path: '/login', posts: ['/login'], forms: ['main form'], user: null },
  {
    // The second factor: signed in with a password, the code is asked for (an empty code is refused, naming the field).
    route: '/login/code',
    path: '/login',
    posts: ['/login/code'],
    forms: ['main form'],
    user: null,
    state: 'the code asked for',
    prepare: async (page) => {
      await page.locator('input[name="username"]').fill('forms.totp');
      await page.locator('input[name="password"]').fill('correct horse battery');
      await submit(page, 'main form');
      assert.match(page.url(), /\/login\/code/);
    },
  },
  { route: '/account/password', path: '/account/password', posts: ['/account/password'], forms: ['main form'] },
  { route: '/users/new', path: '/users/new', posts: ['/users/new'], forms: ['main form'] },
  {
    route: '/people/:id',
    path: `/people/${admission.person_id}`,
    posts: ['/people/:id/age-assessments'],
    forms: ['form[action$="/age-assessments"]'],
  },
  {
    route: '/estate',
    path: '/estate?prison=BKO',
    posts: ['/estate/capacity', '/estate/status'],
    forms: ['form[action*="/estate/capacity"]', 'form[action*="/estate/status"]'],
  },
  { route: '/admissions/new', path: '/admissions/new?prison=BKO', posts: ['/admissions/new'], forms: ['form#form'] },
  {
    route: '/admissions/new',
    path: '/admissions/new?prison=BKO',
    posts: ['/admissions/new'],
    forms: ['form#form'],
    state: 'identity candidates',
    // The identity candidates: an arrival with the name of someone already known.
    prepare: async (page) => {
      await fillByName(page, {
        'person.family_name': PERSON.family_name,
        'person.given_names': PERSON.given_names,
        'person.sex': 'male',
        'person.birth.precision': 'year',
        'person.birth.date': '1985',
        arresting_authority: 'gendarmerie',
        'legal_document.kind': 'committal_order',
        'legal_document.authority': 'Juge d’instruction',
        'legal_document.reference': 'MD-F-3',
        'legal_document.issued_on': '2025-08-31',
        'charges.0.qualification': 'Vol qualifié',
        'charges.0.category': 'felony',
      });
      await submit(page, 'form#form');
      await page.locator('input[name="identity.choice"]').first().waitFor();
    },
  },
  { route: '/receptions/new', path: '/receptions/new?prison=BKO', posts: ['/receptions/new'], forms: ['main form'] },
  ...(['administration', 'registry', 'medical', 'interview'] as const).map((step) => ({
    route: '/receptions/:id/steps/:step',
    path: `/receptions/${reception.id}/steps/${step}`,
    posts: ['/receptions/:id/steps/:step'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  })),
  // The security step may be sent empty, which records it (a done step shows what was recorded, no
  // form): a reception for each language.
  ...(
    [
      ['fr', reception.id],
      ['en', receptionEn.id],
    ] as const
  ).map(([lang, id]) => ({
    route: '/receptions/:id/steps/:step',
    path: `/receptions/${id}/steps/security`,
    lang,
    posts: ['/receptions/:id/steps/:step'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
    acceptsEmpty: ['main form[method="post"]:not([action="/logout"])'],
  })),
  {
    route: '/placement',
    path: '/placement?prison=BKO',
    posts: ['/placement/delegation'],
    forms: ['form[action*="/placement/delegation"]'],
  },
  {
    route: '/admissions/:id/classification',
    path: `/admissions/${admission.id}/classification`,
    posts: ['/admissions/:id/classification', '/admissions/:id/regime', '/admissions/:id/review-events'],
    forms: ['form[action$="/classification"]', 'form[action$="/regime"]', 'form[action$="/review-events"]'],
  },
  {
    route: '/admissions/:id/assessments',
    path: `/admissions/${admission.id}/assessments`,
    posts: ['/admissions/:id/assessments'],
    forms: [],
  },
  {
    route: '/assessments/:id',
    path: `/assessments/${assessment.id}`,
    posts: ['/assessments/:id'],
    forms: [],
  },
  {
    route: '/prisons/:prison/keep-apart',
    path: '/prisons/BKO/keep-apart',
    posts: ['/prisons/:prison/keep-apart'],
    forms: ['form[action$="/keep-apart"]'],
  },
  {
    route: '/admissions/:id/move',
    path: `/admissions/${admission.id}/move`,
    posts: ['/admissions/:id/move'],
    forms: ['form[action$="/move"]'],
  },
  {
    route: '/cells/:id',
    path: `/cells/${cell}`,
    posts: ['/cells/:id/leader', '/cells/:id/requests', '/cells/:id/requests/:request/answer'],
    forms: ['form[action$="/leader"]', 'form[action$="/requests"]'],
  },
  ...[
    { path: `/justice/admissions/${admission.id}/titles/new`, route: '/justice/admissions/:id/titles/new' },
    {
      path: `/justice/admissions/${admission.id}/titles/new?kind=extension_order`,
      route: '/justice/admissions/:id/titles/new',
    },
    {
      path: `/justice/admissions/${admission.id}/titles/${title.id}/correct`,
      route: '/justice/admissions/:id/titles/:title/correct',
    },
    {
      path: `/justice/admissions/${admission.id}/titles/${title.id}/withdraw`,
      route: '/justice/admissions/:id/titles/:title/withdraw',
    },
    { path: `/justice/admissions/${admission.id}/hearings/new`, route: '/justice/admissions/:id/hearings/new' },
    {
      path: `/justice/admissions/${admission.id}/hearings/${hearing.id}/change`,
      route: '/justice/admissions/:id/hearings/:hearing/change',
    },
    {
      path: `/justice/admissions/${admission.id}/hearings/${hearing.id}/outcome`,
      route: '/justice/admissions/:id/hearings/:hearing/outcome',
    },
  ].map(({ path, route }) => ({
    route,
    path,
    posts: [route],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  })),
  {
    route: '/complaints/:id',
    path: `/complaints/${complaint.id}`,
    posts: ['/complaints/:id/action', '/complaints/:id/note'],
    forms: ['form[action$="/action"]', 'form[action$="/note"]'],
  },
  {
    route: '/complaints/new',
    path: `/complaints/new?admission=${admission.id}`,
    posts: ['/complaints/new'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  },
  {
    route: '/movements/escorts/new',
    path: `/movements/escorts/new?admission=${admission.id}`,
    posts: ['/movements/escorts/new'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  },
  {
    route: '/movements/count/sheet',
    path: `/movements/count/sheet?unit=${fx.prisons.BKO.units[0]}&slot=evening`,
    posts: ['/movements/count/sheet'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  },
  {
    route: '/movements/transfers/new',
    path: `/movements/transfers/new?prison=BKO&admission=${admission.id}`,
    posts: ['/movements/transfers/new'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  },
  {
    route: '/movements/releases/new',
    path: `/movements/releases/new?admission=${toCheck.id}`,
    posts: ['/movements/releases/new'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  },
  {
    route: '/movements/releases/:id',
    path: `/movements/releases/${releaseInProgress.id}`,
    posts: ['/movements/releases/:id/confirm', '/movements/releases/:id/complete', '/movements/releases/:id/notify'],
    forms: ['form[action$="/complete"]', 'form[action$="/notify"]'],
  },
  {
    route: '/movements/escapes/new',
    path: `/movements/escapes/new?admission=${forIncident.id}`,
    posts: ['/movements/escapes/new'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  },
  {
    route: '/movements/deaths/new',
    path: `/movements/deaths/new?admission=${forIncident.id}`,
    posts: ['/movements/deaths/new'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  },
  {
    route: '/movements/incidents/:id',
    path: `/movements/incidents/${escape.id}`,
    posts: ['/movements/incidents/:id/notify', '/movements/incidents/:id/recapture'],
    forms: ['form[action$="/notify"]', 'form[action$="/recapture"]'],
  },
  {
    route: '/chain/admissions/:id/custody/new',
    path: `/chain/admissions/${admission.id}/custody/new`,
    posts: ['/chain/admissions/:id/custody/new'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  },
  {
    route: '/chain/custody/stages/:id/correct',
    path: `/chain/custody/stages/${chainStageId}/correct`,
    posts: ['/chain/custody/stages/:id/correct'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
  },
  {
    route: '/chain/announcements/new',
    path: '/chain/announcements/new',
    posts: ['/chain/announcements/new'],
    forms: ['main form[method="post"]:not([action="/logout"])'],
    user: 'forms.force',
  },
  {
    route: '/visits/new',
    path: `/visits/new?prison=BKO&admission=${admission.id}`,
    posts: ['/visits/new'],
    forms: ['form[method="post"][action="/visits/new"]'],
  },
  {
    route: '/visits/:id',
    path: `/visits/${visit.id}`,
    posts: ['/visits/:id/items'],
    forms: ['form[action$="/items"]'],
  },
  {
    route: '/visits/visitors/new',
    path: '/visits/visitors/new',
    posts: ['/visits/visitors/new'],
    forms: ['form[method="post"][action="/visits/visitors/new"]'],
  },
  {
    route: '/visits/visitors/:id',
    path: `/visits/visitors/${visitor.id}`,
    posts: ['/visits/visitors/:id/ban'],
    forms: ['form[action$="/ban"]'],
  },
  {
    route: '/visits/people/:personId',
    path: `/visits/people/${admission.person_id}`,
    posts: ['/visits/people/:personId/contacts', '/visits/people/:personId/tracing'],
    forms: ['form[action$="/contacts"]', 'form[action$="/tracing"]'],
  },
];

/** Pages without a form to fill (lists, files, receipts, buttons only): checked for layout, axe and size. */
const OTHER_PAGES: Record<string, string | { path: string; user: string } | null> = {
  '/': '/',
  '/people': '/people',
  '/account': '/account',
  '/account/2fa': '/account/2fa',
  '/users': '/users',
  '/users/:username': '/users/clerk.bko',
  '/backlog': '/backlog',
  '/receptions': '/receptions?prison=BKO',
  '/receptions/:id': `/receptions/${reception.id}`,
  '/receptions/:id/receipt': `/receptions/${received.id}/receipt`,
  '/breaches': '/breaches?prison=BKO',
  '/classifications-due': '/classifications-due?prison=BKO',
  '/complaints': '/complaints?prison=BKO',
  '/complaints/inspector': { path: '/complaints/inspector', user: 'forms.inspector' },
  '/complaints/statistics': '/complaints/statistics',
  '/complaints/warnings': '/complaints/warnings',
  '/complaints/person/:id': `/complaints/person/${admission.person_id}`,
  '/complaints/:id/receipt': `/complaints/${complaint.id}/receipt`,
  '/attachments/:id': null, // a file, not a page
  '/justice/alerts': '/justice/alerts?prison=BKO',
  '/justice/court-list': '/justice/court-list?prison=BKO',
  '/movements/escorts': '/movements/escorts?prison=BKO',
  '/movements/count': '/movements/count?prison=BKO',
  '/movements/count/:id': null, // a round, its recount and closing: src/modules/movements/count/browser
  '/movements/daily-state': '/movements/daily-state?prison=BKO',
  '/movements/daily-state/national': '/movements/daily-state/national',
  '/movements/transfers': '/movements/transfers?prison=BKO',
  '/movements/transfers/board': '/movements/transfers/board?prison=BKO',
  // A transfer's page, the vehicle form and the vehicle list need a transfer in a given state:
  // test/browser/movements-transfers.test.ts walks them in both languages.
  '/movements/transfers/:id': null,
  '/movements/convoys/new': null,
  '/movements/convoys/:id': null,
  '/movements/release-due': '/movements/release-due?prison=BKO',
  '/movements/releases/:id/certificate': `/movements/releases/${releaseInProgress.id}/certificate`,
  '/movements/incidents/:id/alert-sheet': `/movements/incidents/${escape.id}/alert-sheet`,
  '/chain/admissions/:id/custody': `/chain/admissions/${admission.id}/custody`,
  '/visits/gate': '/visits/gate?prison=BKO',
  '/visits/visitors': `/visits/visitors?q=${encodeURIComponent('Mariam Coulibaly')}`,
  '/visits/no-contact': '/visits/no-contact?prison=BKO',
  '/chain/announcements': '/chain/announcements?prison=BKO',
  '/chain/announcements/:id': `/chain/announcements/${announcement.id}`,
  '/chain/documents/:id': null, // a file, not a page
  '/chain/nothing-shared': '/chain/nothing-shared',
  '/chain/partner': '/chain/partner',
};

/** Form targets sent by a button alone (no field to fill), or by a page listed above as not checked. */
const BUTTON_POSTS = new Set([
  '/logout',
  '/account/sessions/:id/revoke',
  '/account/2fa/start',
  '/account/2fa/confirm',
  '/account/2fa/disable',
  '/users/:username/disable',
  '/users/:username/approve',
  '/users/:username/unlock',
  '/users/:username/totp-reset',
  '/users/:username/sessions/:id/revoke',
  '/receptions/:id/complete',
  '/receptions/:id/attachments',
  '/movements/escorts/:id/back',
  '/movements/count/:id/recount',
  '/movements/count/:id/validate',
  '/movements/transfers/:id/decision',
  '/movements/transfers/:id/cancel',
  '/movements/transfers/:id/notice',
  '/movements/transfers/:id/arrival',
  '/movements/convoys/new',
  '/movements/convoys/:id/departure',
  '/visits/:id/arrival',
  '/visits/:id/departure',
  '/chain/announcements/:id/receive',
]);

/** Routes that are not pages: assets, health, the language switch. */
const NOT_PAGES = new Set(['/health', '/assets/app.css', '/assets/pmis-:hash.css', '/lang/:lang']);

test('the list covers every page and every form target of the route table', () => {
  const pages = app.pmisRoutes.filter((r) => !r.url.startsWith('/api') && !NOT_PAGES.has(r.url));
  const listedGets = new Set([...FORM_PAGES.map((p) => p.route), ...Object.keys(OTHER_PAGES)]);
  const listedPosts = new Set([...FORM_PAGES.flatMap((p) => p.posts), ...BUTTON_POSTS]);
  const missing = pages
    .filter((r) => (r.method === 'GET' ? !listedGets.has(r.url) : r.method === 'POST' && !listedPosts.has(r.url)))
    .map((r) => `${r.method} ${r.url}`);
  assert.deepEqual(missing, [], 'pages or form targets missing from test/browser/forms-everywhere.test.ts');
  const known = new Set(pages.map((r) => `${r.method} ${r.url}`));
  const stale = [...[...listedGets].map((u) => `GET ${u}`), ...[...listedPosts].map((u) => `POST ${u}`)].filter(
    (k) => !known.has(k),
  );
  assert.deepEqual(stale, [], 'the list names routes that no longer exist');
});

// ---- Checks -------------------------------------------------------------------------------------

async function fillByName(page: Page, values: Record<string, string>): Promise<void> {
  await page.evaluate((vs) => {
    for (const [name, value] of Object.entries(vs))
      for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`))
        el.value = value;
  }, values);
}

/** Send a form with its first submit button, and wait for the answer. */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([
    page.waitForEvent('load'),
    page.evaluate((sel) => {
      const form = document.querySelector<HTMLFormElement>(sel);
      if (!form) throw new Error(`no form ${sel}`);
      const button = form.querySelector<HTMLButtonElement>('button:not([type=button]), input[type=submit]');
      form.requestSubmit(button);
    }, selector),
  ]);
}

/** Empty every field a person fills in a form (hidden fields, such as the CSRF token, stay). */
async function emptyForm(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const form = document.querySelector<HTMLFormElement>(sel)!;
    for (const el of form.querySelectorAll<HTMLInputElement>('input')) {
      if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button') continue;
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = false;
      else el.value = '';
    }
    for (const el of form.querySelectorAll('textarea')) el.value = '';
    for (const el of form.querySelectorAll('select')) {
      const empty = [...el.options].findIndex((o) => o.value === '');
      el.selectedIndex = empty;
    }
  }, selector);
}

/** For every radio and checkbox: is it on the first line of its label, to its left? */
async function choicesBesideLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const apart: string[] = [];
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')) {
      const label = input.id ? document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(input.id)}"]`) : null;
      if (!label) {
        apart.push(`${input.name}=${input.value}: no label`);
        continue;
      }
      const box = input.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(label);
      const firstLine = range.getClientRects()[0] ?? label.getBoundingClientRect();
      const lineMiddle = (firstLine.top + firstLine.bottom) / 2;
      if (!(box.top <= lineMiddle && box.bottom >= lineMiddle && box.left < firstLine.left))
        apart.push(
          `#${input.id}: box ${Math.round(box.left)},${Math.round(box.top)}-${Math.round(box.bottom)} vs label line ${Math.round(firstLine.left)},${Math.round(firstLine.top)}-${Math.round(firstLine.bottom)}`,
        );
    }
    return apart;
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

async function sidewaysScroll(page: Page, widths: number[]): Promise<string[]> {
  const found: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const s = await page.evaluate(() => {
      // What sticks out: the outermost elements whose right edge is past the viewport.
      // (A fraction of a pixel past the edge is enough for a scroll bar: scrollWidth rounds up.)
      const wide = (el: Element | null) => !!el && el.getBoundingClientRect().right > innerWidth;
      const out = [...document.querySelectorAll('body *')].filter((el) => wide(el) && !wide(el.parentElement));
      const first = out.slice(0, 3).map((el) => {
        const c = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
        return `${el.tagName.toLowerCase()}${c} (right ${el.getBoundingClientRect().right.toFixed(1)})`;
      });
      return { content: document.documentElement.scrollWidth, viewport: innerWidth, first };
    });
    if (s.content > s.viewport) found.push(`at ${width} px the page is ${s.content} px wide (${s.first.join(', ')})`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return found;
}

/** The error summary: one, above every field, each link naming its field and pointing to it. */
async function summaryProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const norm = (s: string | null | undefined) =>
      (s ?? '').replace(/\*/g, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
    const summaries = [...document.querySelectorAll('.govuk-error-summary, .error-summary')];
    if (summaries.length !== 1) return [`${summaries.length} error summaries`];
    const summary = summaries[0];
    const firstField = document.querySelector(
      'main input:not([type=hidden]), main select, main textarea, main fieldset',
    );
    if (firstField && summary.compareDocumentPosition(firstField) & Node.DOCUMENT_POSITION_PRECEDING)
      problems.push('the summary comes after a field');
    const top = summary.getBoundingClientRect().top + scrollY;
    if (top > 900) problems.push(`the summary is ${Math.round(top)} px down the page`);
    const links = [...summary.querySelectorAll('a')];
    if (!links.length) problems.push('no link in the summary');
    const seen = new Set<string>();
    for (const a of links) {
      const text = norm(a.textContent);
      if (seen.has(text)) problems.push(`"${a.textContent}" twice`);
      seen.add(text);
      const href = a.getAttribute('href') ?? '';
      const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
      if (!target) {
        problems.push(`"${a.textContent}" links to ${href}, which is not on the page`);
        continue;
      }
      const names: string[] = [];
      if (target.id) {
        const label = document.querySelector(`label[for="${CSS.escape(target.id)}"]`);
        if (label && !['radio', 'checkbox'].includes((target as HTMLInputElement).type)) names.push(label.textContent);
      }
      const legend = target.closest('fieldset')?.querySelector('legend');
      if (legend) names.push(legend.textContent);
      if (target.tagName === 'FORM' || target.tagName === 'SECTION' || target.tagName === 'DIV') continue; // a refusal of the whole form
      if (!names.length) problems.push(`${href}: no label`);
      else if (!names.some((n) => norm(n) && text.includes(norm(n))))
        problems.push(`"${a.textContent}" does not name its field (${names.map((n) => norm(n)).join(' / ')})`);
    }
    return problems;
  });
}

async function openAs(lang: 'fr' | 'en', user: string | null, path: string) {
  const ctx = await harness.browser().newContext({
    locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
    viewport: { width: 1280, height: 900 },
    bypassCSP: true, // to inject axe-core: the pages run no script of their own
  });
  await ctx.addCookies([{ name: 'pmis_lang', value: lang, url: base }]);
  // tsx compiles the functions given to page.evaluate keeping their names with a helper, __name,
  // that the page does not have.
  await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  if (user) {
    await page.goto(`${base}/login?next=${encodeURIComponent(path)}`);
    await page.locator('input[name="username"]').fill(user);
    await page.locator('input[name="password"]').fill('correct horse battery');
    await submit(page, 'main form');
  }
  return { ctx, page };
}

/** PMIS_FORMS_ONLY=<part of a path> checks only the pages whose path contains it. */
const ONLY = process.env.PMIS_FORMS_ONLY;

for (const lang of ['fr', 'en'] as const) {
  for (const fp of FORM_PAGES.filter((p) => (!ONLY || p.path.includes(ONLY)) && (!p.lang || p.lang === lang))) {
    const label = `${fp.path}${fp.state ? ` (${fp.state})` : ''}`;
    test(
      `${lang} ${label}: choices beside labels, error summary naming each field, axe, 390/768 px, size`,
      {
        timeout: 180_000,
      },
      async () => {
        const { ctx, page } = await openAs(lang, fp.user === undefined ? 'forms.all' : fp.user, fp.path);
        const problems: string[] = [];
        const load = async () => {
          const res = await page.goto(`${base}${fp.path}`);
          assert.equal(res?.status(), 200, `${fp.path} answers 200`);
          const size = (await res.body()).length;
          if (size >= MAX_HTML) problems.push(`${size} bytes of HTML`);
          if (fp.prepare) {
            await fp.prepare(page);
            const prepared = Buffer.byteLength(await page.content());
            if (prepared >= MAX_HTML) problems.push(`${prepared} bytes of HTML once prepared`);
          }
        };
        await load();
        problems.push(...(await choicesBesideLabels(page)));
        problems.push(...(await sidewaysScroll(page, [390, 768])));
        problems.push(...(await seriousViolations(page)));
        for (const form of fp.forms) {
          await load();
          if (!(await page.locator(form).count())) {
            problems.push(`no form ${form}`);
            continue;
          }
          await emptyForm(page, form);
          await submit(page, form);
          if (fp.acceptsEmpty?.includes(form)) {
            if (await page.locator('.govuk-error-summary, .error-summary').count())
              problems.push(`${form} sent empty: refused, but every field is optional`);
            continue;
          }
          problems.push(...(await summaryProblems(page)).map((p) => `${form} sent empty: ${p}`));
          problems.push(...(await choicesBesideLabels(page)).map((p) => `${form} with errors: ${p}`));
          problems.push(...(await seriousViolations(page)).map((p) => `${form} with errors: ${p}`));
          problems.push(...(await sidewaysScroll(page, [390])).map((p) => `${form} with errors: ${p}`));
        }
        await ctx.close();
        assert.deepEqual(problems, []);
      },
    );
  }
}

for (const lang of ['fr', 'en'] as const) {
  test(`${lang} pages without a form: choices beside labels, axe, 390/768 px, size`, { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    const byUser = new Map<string, string[]>();
    for (const entry of Object.values(OTHER_PAGES)) {
      if (!entry) continue;
      const { path, user } = typeof entry === 'string' ? { path: entry, user: 'forms.all' } : entry;
      if (ONLY && !path.includes(ONLY)) continue;
      byUser.set(user, [...(byUser.get(user) ?? []), path]);
    }
    for (const [user, paths] of byUser) {
      const { ctx, page } = await openAs(lang, user, '/');
      for (const path of paths) {
        const res = await page.goto(`${base}${path}`);
        if (res?.status() !== 200) {
          problems.push(`${path}: ${res?.status()}`);
          continue;
        }
        const size = (await res.body()).length;
        if (size >= MAX_HTML) problems.push(`${path}: ${size} bytes of HTML`);
        const found = [
          ...(await choicesBesideLabels(page)),
          ...(await sidewaysScroll(page, [390, 768])),
          ...(await seriousViolations(page)),
        ];
        problems.push(...found.map((p) => `${path}: ${p}`));
      }
      await ctx.close();
    }
    assert.deepEqual(problems, []);
  });
}
