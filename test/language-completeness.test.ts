/**
 * Every page in both languages (issue 12): each GET page the application declares (`app.pmisRoutes`,
 * so pages added later are covered; a page with ids takes one real id) is rendered in English and in
 * French by a user who may see it. Its visible text, less the data written by this file (names,
 * charges, reasons: data stays as written), must hold no word of the other language, no raw message
 * key (a dotted key such as `web.rec.id_document`, or a bare code such as `general_needs`) and no
 * ISO date (dates are written 25/11/2026 in French, 25 November 2026 in English).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES } from '../src/core/access.js';
import { addUser, createToken } from '../src/modules/access/service.js';
import { auth, fixture, formLogin, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const everyRole = {
  password: 'correct horse battery',
  roles: ROLES.filter((r) => r !== 'prosecutor'),
  national: true,
  prisons: [],
};
await addUser(database.db, null, { username: 'words.pages', display_name: 'Awa Sidibé', ...everyRole });
const token = (
  await createToken(
    database.db,
    (await addUser(database.db, null, { username: 'words.api', display_name: 'Awa Sidibé', ...everyRole })).id,
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

/** The data this file writes: shown as written in both languages, so left out of the checks. */
const DATA = [
  // The movements records' data (a release's basis, an escape's place and manner).
  'Dembélé',
  'Diarra',
  'Gendarmerie',
  'Brigade de Kati',
  'GEND-WORDS',
  'Camp I',
  'PV 12',
  'Camion GN-1234',
  'Sergent Coulibaly',
  'Kanté',
  'Fin de peine',
  'Cour nord',
  'Par-dessus le mur',
  'Prison BKO',
  'Prison KLK',
  'Bâtiment A',
  'Awa Sidibé',
  'Maïga',
  'Hamadoun',
  'Ibrahim Maïga',
  'Fatoumata Cissé',
  'Association de malfaiteurs en relation avec une entreprise terroriste',
  'association de malfaiteurs en relation avec une entreprise terroriste',
  'Pôle judiciaire spécialisé',
  'Keïta Oumar',
  'Juge d’instruction, TGI Commune III',
  'Élu par la chambre',
  'Eau potable',
  'Comportement calme depuis l’arrivée',
  'Le repas du soir arrive froid.',
  'Prolongation de la détention provisoire',
  // The visits records' data.
  'Horaires de la prison',
  'Coulibaly',
  'Mariam',
  'NINA-778899',
  '+223 76 00 00 00',
  'Touré',
  'Seydou',
  'NINA-112233',
  'B-1234',
  'Sow',
  'Kadidia',
  'NINA-445566',
  'Objets interdits à la fouille',
  'Riz au gras',
  'Comprimés',
  'Remis à l’infirmerie',
  'Sa mère',
  'CICR',
  'Son frère, à Mopti',
  'Ordonnance du juge',
  // Usernames.
  'words.pages',
  'words.api',
  'clerk.bko',
  'clerk.klk',
  'director.bko',
  'medic.bko',
  'security.bko',
];
// Names the same in both languages in the reference data (regions, towns): proper nouns, not French.
for (const r of (
  await database.pool.query<{ label: string }>(`SELECT label_fr AS label FROM reference_code WHERE label_fr = label_en`)
).rows)
  DATA.push(r.label);

const cell = fx.prisons.BKO.cells[0];
const adm = await api('/api/admissions', newArrival({ cell_id: cell }));
const reception = await api('/api/receptions', {
  prison: 'BKO',
  arresting_authority: 'gendarmerie',
  warrant_name: 'Keïta Oumar',
  nothing_shared: true,
});
const instruments = (await app.inject({ url: '/api/assessment-instruments', headers: auth(token) })).json<{
  items: { code: string }[];
}>().items;
const assessment = await api(`/api/admissions/${adm.id}/assessments`, { instrument: instruments[0].code });
await api(`/api/admissions/${adm.id}/security-level`, {
  level: 'medium',
  reasons: 'Comportement calme depuis l’arrivée',
  trigger: 'initial',
});
await api(`/api/cells/${cell}/leaders`, {
  admission_id: adm.id,
  how: 'elected',
  since: '2026-03-11',
  reason: 'Élu par la chambre',
});
const leaderRequest = await api(`/api/cells/${cell}/leader-requests`, {
  subject: 'Eau potable',
  raised_on: '2026-03-12',
});
const titled = await app.inject({
  method: 'POST',
  url: `/api/justice/admissions/${adm.id}/titles`,
  headers: auth(token),
  payload: {
    kind: 'extension_order',
    authority_kind: 'investigating_judge',
    authority: 'Juge d’instruction, TGI Commune III',
    reference: 'EXT-2026-1',
    issued_on: '2026-03-20',
  },
});
assert.equal(titled.statusCode, 201, titled.body);
const title = titled
  .json<{ titles: { id: string; reference: string }[] }>()
  .titles.find((x) => x.reference === 'EXT-2026-1')!;
// A court appearance tomorrow, so that the court list has a row.
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const hearing = await api(`/api/justice/admissions/${adm.id}/hearings`, {
  court: 'TGI Commune III',
  scheduled_at: `${tomorrow}T09:30:00Z`,
  production_order_ref: 'OE-2026-7',
  escort_size: 4,
});
const complaint = await api('/api/complaints', {
  admission_id: adm.id,
  kind: 'complaint',
  category: 'food',
  channel: 'paper_slip',
  addressee: 'director',
  words: 'Le repas du soir arrive froid.',
});

// A count with a discrepancy (every cell counted empty), so that the round's page shows its recount grid.
const round = await api('/api/movements/counts', {
  unit_id: fx.prisons.BKO.units[0],
  slot: 'morning',
  counts: fx.prisons.BKO.cells.map((c) => ({ cell_id: c, counted: 0 })),
});
// Movements: a release checked by one officer and confirmed by another; an escape.
const toRelease = await api(
  '/api/admissions',
  newArrival({ person: { ...newArrival().person, family_name: 'Dembélé' }, cell_id: cell }),
);
const release = await api('/api/movements/releases', {
  admission_id: toRelease.id,
  reason: 'end_of_sentence',
  justice_basis: 'Fin de peine',
  identity_verified: true,
  photo_shown: true,
  fingerprints_taken: true,
});
const confirmed = await app.inject({
  method: 'POST',
  url: `/api/movements/releases/${release.id}/confirmation`,
  headers: auth(fx.tokens['director.bko']),
  payload: {},
});
assert.equal(confirmed.statusCode, 200, confirmed.body);
// Released (so the certificate has its text, and the person is no longer due a classification).
await api(`/api/movements/releases/${release.id}/completion`, { all_returned: true, signed_by_person: true });
const escapee = await api('/api/admissions', newArrival({ person: { ...newArrival().person, family_name: 'Kanté' } }));
const escape = await api('/api/movements/escapes', {
  admission_id: escapee.id,
  occurred_at: '2026-11-30T22:00:00Z',
  place: 'Cour nord',
  circumstances: 'Par-dessus le mur',
});
// A transfer from Bamako to Koulikoro awaiting decision, on a vehicle's list (the transfer's page, the vehicle's).
const toMove = await api('/api/admissions', newArrival({ person: { ...newArrival().person, family_name: 'Diarra' } }));
const transfer = await api('/api/transfers', { admission_id: toMove.id, to_prison: 'KLK', reason: 'congestion' });
const convoy = await api('/api/transfer-convoys', {
  to_prison: 'KLK',
  escort_force: 'Gendarmerie',
  vehicle: 'Camion GN-1234',
  officers: 'Sergent Coulibaly',
  planned_departure_at: '2030-01-10T07:00:00Z',
  transfer_ids: [transfer.id],
});
// Custody before prison (chain): a stage at a gendarmerie brigade, for the chain page and the correction form.
const chainStage = await app.inject({
  method: 'POST',
  url: `/api/chain/custody/admissions/${adm.id}/stages`,
  headers: auth(token),
  payload: {
    force: 'gendarmerie',
    place_kind: 'gendarmerie_brigade',
    from_at: '2026-03-07T10:00:00Z',
    to_at: '2026-03-09T08:00:00Z',
    legal_basis: 'garde_a_vue',
  },
});
assert.equal(chainStage.statusCode, 201, chainStage.body);
const stageId = chainStage.json<{ stages: { id: string }[] }>().stages[0].id;
// An arrival announced by a gendarmerie brigade (chain module): the list, the announcement, the reception page's section.
await api('/api/chain/units', { code: 'GEND-WORDS', authority: 'gendarmerie', name: 'Brigade de Kati' });
await api('/api/chain/units/GEND-WORDS/members', { user: 'words.api' });
const announcement = await api('/api/chain/announcements', {
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
// Visits (issue 14): Bamako's visiting rules (every day, all day, so that today's visit is admitted), a visitor
// linked to the person, a family visit with its items, a legal visit, a banned visitor refused, a call, a tracing
// request, an individual restriction.
const rulesSet = await app.inject({
  method: 'PUT',
  url: '/api/visits/rules',
  headers: auth(token),
  payload: {
    prison: 'BKO',
    reason: 'Horaires de la prison',
    rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      starts: '00:00',
      ends: '23:59',
      per_person_week: 14,
      visitors_per_visit: 3,
      room_capacity: 40,
    })),
  },
});
assert.equal(rulesSet.statusCode, 200, rulesSet.body);
const relative = await api('/api/visits/visitors', {
  family_name: 'Coulibaly',
  given_names: 'Mariam',
  id_doc_kind: 'nina_card',
  id_doc_number: 'NINA-778899',
  phone: '+223 76 00 00 00',
});
await api(`/api/visits/visitors/${relative.id}/relationships`, { person_id: adm.person_id, relationship: 'spouse' });
const lawyer = await api('/api/visits/visitors', {
  family_name: 'Touré',
  given_names: 'Seydou',
  id_doc_kind: 'nina_card',
  id_doc_number: 'NINA-112233',
  bar_number: 'B-1234',
});
const banned = await api('/api/visits/visitors', {
  family_name: 'Sow',
  given_names: 'Kadidia',
  id_doc_kind: 'nina_card',
  id_doc_number: 'NINA-445566',
});
await api(`/api/visits/visitors/${banned.id}/bans`, {
  scope: 'prison',
  prison: 'BKO',
  reason: 'Objets interdits à la fouille',
});
const visit = await api('/api/visits', {
  admission_id: adm.id,
  kind: 'family',
  channel: 'walk_in',
  visitor_ids: [relative.id],
  relationship: 'spouse',
});
await api(`/api/visits/${visit.id}/items`, { kind: 'food', description: 'Riz au gras', outcome: 'handed_over' });
await api(`/api/visits/${visit.id}/items`, {
  kind: 'medicine',
  description: 'Comprimés',
  outcome: 'refused',
  refusal_reason: 'Remis à l’infirmerie',
});
await api('/api/visits', {
  admission_id: adm.id,
  kind: 'legal',
  channel: 'walk_in',
  visitor_ids: [lawyer.id],
  bar_number: 'B-1234',
});
await api('/api/visits', {
  admission_id: adm.id,
  kind: 'family',
  channel: 'walk_in',
  visitor_ids: [banned.id],
  relationship: 'relative',
});
await api('/api/visits/contacts', { admission_id: adm.id, kind: 'call', with_whom: 'Sa mère' });
await api('/api/visits/tracing', { admission_id: adm.id, partner: 'CICR', sought: 'Son frère, à Mopti' });
await api('/api/visits/restrictions', {
  admission_id: toMove.id,
  basis: 'judicial_order',
  reason: 'Ordonnance du juge',
  until: '2030-01-01',
});

/** Pages opened for a person: the query that names them. */
const QUERY: Record<string, string> = {
  '/movements/releases/new': `?admission=${adm.id}`,
  '/movements/escapes/new': `?admission=${adm.id}`,
  '/movements/deaths/new': `?admission=${adm.id}`,
  '/visits/gate': '?prison=BKO',
  '/visits/new': `?admission=${adm.id}`,
  '/visits/no-contact': '?prison=BKO',
  '/visits/visitors': `?q=${encodeURIComponent('Coulibaly Mariam')}`,
};

const ID_BY_SEGMENT: Record<string, string> = {
  releases: release.id,
  transfers: transfer.id,
  convoys: convoy.id,
  incidents: escape.id,
  admissions: adm.id,
  people: adm.person_id,
  receptions: reception.id,
  assessments: assessment.id,
  cells: cell,
  complaints: complaint.id,
  person: adm.person_id,
  count: round.id,
  stages: stageId,
  announcements: announcement.id,
  visits: visit.id,
  visitors: relative.id,
};
const PARAM: Record<string, string> = {
  prison: 'BKO',
  step: 'medical',
  request: leaderRequest.id,
  username: 'clerk.bko',
  title: title.id,
  hearing: hearing.id,
};
const fill = (url: string) =>
  url.replace(/:(\w+)/g, (_, n: string, at: number) => {
    if (PARAM[n]) return PARAM[n];
    const before = url.slice(0, at).split('/').filter(Boolean).at(-1) ?? '';
    return ID_BY_SEGMENT[before] ?? `:${n}`;
  });

/** Pages another piece of work is making bilingual; listed by name so the test says what it leaves out. */
const NOT_YET: Record<string, string> = {
  '/attachments/:id': 'the file itself (an image or a PDF), not a page',
  '/chain/documents/:id': 'the file itself (a PDF or an image), not a page',
};

/** Parts of a page another piece of work is making bilingual: left out here, with the reason. */
const PARTS_NOT_YET: [RegExp, string][] = [];
const HOME_ALERTS = /<section aria-labelledby="alerts-h">[\s\S]*?<\/section>/;

/** What a reader sees: the text outside tags, scripts and styles, entities decoded, the data removed. */
function visibleText(body: string): string {
  let text = body
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    // Icons hidden from screen readers (the warning text's "!") are not words.
    .replace(/<span\b[^>]*aria-hidden="true"[^>]*>[^<]*<\/span>/g, ' ')
    // The language switch names each language in itself ("Français | English").
    .replace(/<(a|span)\b[^>]*\blang="(fr|en)"[^>]*>[^<]*<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
  for (const d of [...DATA].sort((a, b) => b.length - a.length)) text = text.split(d).join(' ');
  return text.replace(/\s+/g, ' ');
}

/** Whole words only, letters with accents included ("Notées" is not "Not"). */
const words = (list: string[]) => new RegExp(`(?<!\\p{L})(?:${list.join('|')})(?!\\p{L})`, 'iu');
/** French in an English page: accented letters, words English never uses, a space before a colon. */
const FRENCH = [
  /[àâçéèêëîïôûùœ]/i,
  words([
    'de la',
    'du',
    'des',
    'les',
    'le',
    'la',
    'et',
    'aucun',
    'aucune',
    'enregistrer',
    'retour',
    'personne',
    'cellule',
    'mois',
    'jours',
    'motif',
    'depuis',
    'avec',
    'sans',
    'pour',
    'sur',
    'dans',
    'ou',
    'oui',
    'création',
  ]),
  / [:;!?]/,
];
/** English in a French page. */
const ENGLISH = [
  words([
    'the',
    'and',
    'of',
    'with',
    'without',
    'save',
    'back',
    'none',
    'people',
    'prisoner',
    'cell',
    'year',
    'month',
    'days',
    'since',
    'reason',
    'from',
    'yes',
    'not',
    'is',
    'are',
    'this',
    'there',
    'nothing',
    'review',
    'level',
    'create',
    'update',
    'person',
    'assessment',
    'start',
  ]),
];
/** A message key or a code shown as it is stored. */
const KEY = /\b[a-z]+(?:\.[a-z_]+)+\b|\b[a-z]+_[a-z_]+\b/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

function findings(text: string, patterns: RegExp[]): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    const g = new RegExp(p.source, `${p.flags.replace('g', '')}g`);
    for (const m of text.matchAll(g)) {
      out.push(`"${m[0]}" in …${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)}…`);
      if (out.length > 3) return out;
    }
  }
  return out;
}

for (const lang of ['en', 'fr'] as const) {
  test(`every page in ${lang === 'en' ? 'English' : 'French'}: no word of the other language, no key, no ISO date`, async (t) => {
    const { cookie } = await formLogin(app, 'words.pages', { lang });
    const pages = app.pmisRoutes.filter(
      (r) => r.method === 'GET' && !r.url.startsWith('/api/') && !r.url.startsWith('/assets/') && r.url !== '/health',
    );
    const failures: string[] = [];
    let checked = 0;
    for (const route of pages) {
      if (route.url.startsWith('/lang/') || route.url === '/logout') continue;
      const url = fill(route.url) + (QUERY[route.url] ?? '');
      const skip = NOT_YET[route.url];
      if (skip) {
        t.diagnostic(`${route.url}: left out (${skip})`);
        continue;
      }
      // A public page (the login form) is seen signed out, in the language chosen by its cookie.
      const r = await app.inject({ url, headers: { cookie: route.public ? `pmis_lang=${lang}` : cookie } });
      if (r.statusCode !== 200 || !String(r.headers['content-type']).startsWith('text/html')) {
        t.diagnostic(`${url}: ${r.statusCode} ${String(r.headers['content-type'])}`);
        if (r.statusCode >= 400) failures.push(`${url}: ${r.statusCode}`);
        continue;
      }
      checked++;
      let body = r.body;
      for (const [part, why] of PARTS_NOT_YET)
        if (part.test(body)) {
          t.diagnostic(`${url}: part left out (${why})`);
          body = body.replace(part, ' ');
        }
      const text = visibleText(body);
      const found = [
        ...findings(text, lang === 'en' ? FRENCH : ENGLISH).map((f) => `${lang === 'en' ? 'French' : 'English'} ${f}`),
        ...findings(text, [KEY]).map((f) => `key ${f}`),
        ...findings(text, [ISO_DATE]).map((f) => `ISO date ${f}`),
      ];
      for (const f of found) failures.push(`${url}: ${f}`);
    }
    t.diagnostic(`${checked} pages checked in ${lang}`);
    assert.deepEqual(failures, []);
  });
}

const checks = (lang: 'fr' | 'en', body: string) => {
  const text = visibleText(body);
  return [...findings(text, lang === 'en' ? FRENCH : ENGLISH), ...findings(text, [KEY]), ...findings(text, [ISO_DATE])];
};
for (const lang of ['en', 'fr'] as const)
  test(`the home page justice alerts and the court list in ${lang === 'en' ? 'English' : 'French'}`, async () => {
    const { cookie } = await formLogin(app, 'words.pages', { lang });
    const alerts = HOME_ALERTS.exec((await app.inject({ url: '/?prison=BKO', headers: { cookie } })).body)?.[0];
    assert.ok(alerts, 'the home page shows the justice alerts');
    const court = await app.inject({
      url: '/api/justice/prisons/BKO/court-list?format=html',
      headers: { cookie, 'accept-language': lang },
    });
    assert.equal(court.statusCode, 200);
    assert.match(court.body, /OE-2026-7/);
    assert.deepEqual([...checks(lang, alerts), ...checks(lang, court.body)], []);
    // The list as data speaks the request's language too, whatever the account's.
    const json = await app.inject({
      url: '/api/justice/prisons/BKO/court-list',
      headers: { ...auth(token), 'accept-language': lang },
    });
    const item = json.json<{ items: { scheduled_local: string; charges: string[] }[] }>().items[0];
    assert.match(item.scheduled_local, lang === 'en' ? / at \d\d:\d\d$/ : / à \d\d:\d\d$/);
    assert.match(item.charges[0], lang === 'en' ? /^Accused of: / : /^Poursuivi\(e\) pour : /);
  });
