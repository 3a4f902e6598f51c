/**
 * Releases, the release-due list, escapes and deaths (issue 13, items 4 and 5): a release refused
 * until the order is checked and confirmed by a second officer; belongings returned against
 * signature; the admission ended by custody's endAdmission; notifications (family, the designated
 * authorities for a terrorism-related charge); the release-due list with an expired title and a
 * sentence ending tomorrow; an escapee recaptured and readmitted on the same file; a death in
 * custody; the pages in French and English.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bamakoDate } from '../src/core/dates.js';
import { addDays, createJurisdiction } from '../src/modules/justice/index.js';
import { auth, fixture, formLogin, newArrival, testApp, testDatabase } from './helpers.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
const db = database.db;
const T = fx.tokens;
const today = bamakoDate();

const court = await createJurisdiction(db, null, {
  code: 'TGI-C3',
  name: 'Tribunal de grande instance de la Commune III',
  kind: 'investigating_judge',
});

const call = async (
  token: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: Record<string, unknown>,
  lang = 'fr',
) => app.inject({ method, url, headers: auth(token, lang), ...(payload === undefined ? {} : { payload }) });

const admitPerson = async (family_name: string, over: Record<string, unknown> = {}) => {
  const r = await call(T['clerk.bko'], 'POST', '/api/admissions', {
    ...newArrival({ person: { ...newArrival().person, family_name } }),
    ...over,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string; committal_number: string }>();
};

// A: held on a misdemeanour committal order (one month, art. 125) that expired long ago.
const expired = await admitPerson('Diarra', {
  admitted_at: '2026-09-01T09:00:00Z',
  legal_document: {
    kind: 'committal_order',
    authority: 'Juge d’instruction',
    reference: 'MD-A',
    issued_on: '2026-09-01',
  },
  charges: [{ qualification: 'Vol simple', category: 'misdemeanour' }],
});
// B: a ten-day sentence that started eight days ago: it ends tomorrow.
const start = addDays(today, -8);
const endsTomorrow = await admitPerson('Sangaré', {
  admitted_at: `${start}T09:00:00Z`,
  legal_document: {
    kind: 'conviction',
    authority: 'Tribunal de grande instance',
    reference: 'J-B',
    issued_on: start,
    sentence: { days: 10 },
    sentence_start: start,
  },
  charges: [{ qualification: 'Coups et blessures volontaires', category: 'misdemeanour' }],
});
// C: released on a release order (terrorism-related charge: the designated authorities are told).
const released = await admitPerson('Maïga');
// D escapes and is recaptured; E dies in custody.
const escapee = await admitPerson('Touré');
const deceased = await admitPerson('Keïta');

test('the release-due list has the expired title and the sentence ending tomorrow (the justice module’s dates)', async () => {
  const r = await call(T['director.bko'], 'GET', '/api/movements/release-due?prison=BKO');
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json<{ items: { admission_id: string; due: string; date: string | null }[] }>();
  const a = body.items.find((i) => i.admission_id === expired.id);
  const b = body.items.find((i) => i.admission_id === endsTomorrow.id);
  assert.equal(a?.due, 'expired_title');
  assert.equal(b?.due, 'ends_tomorrow');
  assert.equal(b?.date, addDays(today, 1));
  // Held without a valid title comes first.
  assert.equal(body.items[0].due, 'expired_title');
  // The people held on a valid title with no release near are not on it.
  assert.equal(
    body.items.find((i) => i.admission_id === released.id),
    undefined,
  );
  // Deny by default: the medical staff and the other prison's clerk do not read it.
  assert.equal((await call(T['medic.bko'], 'GET', '/api/movements/release-due?prison=BKO')).statusCode, 403);
  assert.equal((await call(T['clerk.klk'], 'GET', '/api/movements/release-due?prison=BKO')).statusCode, 403);
});

let releaseId = '';
test('a release is refused until the order is checked and confirmed by a second officer', async () => {
  // The check names what is missing, field by field; a bad reason is a field error.
  let r = await call(T['clerk.bko'], 'POST', '/api/movements/releases', {
    admission_id: released.id,
    reason: 'release_order',
    identity_verified: false,
    photo_shown: true,
    fingerprints_taken: false,
  });
  assert.equal(r.statusCode, 422, r.body);
  const fields = r.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
  assert.deepEqual(fields, ['/order_jurisdiction_id', '/order_reference', '/order_date', '/identity_verified']);
  r = await call(T['clerk.bko'], 'POST', '/api/movements/releases', {
    admission_id: released.id,
    reason: 'freed',
    identity_verified: true,
    photo_shown: true,
    fingerprints_taken: false,
  });
  assert.equal(r.statusCode, 422);
  assert.ok(r.json<{ errors: { field: string }[] }>().errors.some((e) => e.field === '/reason'));
  // An order from an authority that is not a known jurisdiction is refused.
  r = await call(T['clerk.bko'], 'POST', '/api/movements/releases', {
    admission_id: released.id,
    reason: 'release_order',
    order_jurisdiction_id: '018f0000-0000-7000-8000-000000000001',
    order_reference: 'OML-2026-77',
    order_date: today,
    identity_verified: true,
    photo_shown: true,
    fingerprints_taken: true,
  });
  assert.equal(r.statusCode, 422);
  assert.equal(r.json<{ errors: { field: string }[] }>().errors[0].field, '/order_jurisdiction_id');

  r = await call(T['clerk.bko'], 'POST', '/api/movements/releases', {
    admission_id: released.id,
    reason: 'release_order',
    order_jurisdiction_id: court.id,
    order_reference: 'OML-2026-77',
    order_date: today,
    identity_verified: true,
    photo_shown: true,
    fingerprints_taken: true,
  });
  assert.equal(r.statusCode, 201, r.body);
  const checked = r.json<{ id: string; state: string; order: { jurisdiction_name: string } }>();
  releaseId = checked.id;
  assert.equal(checked.state, 'checked');
  assert.equal(checked.order.jurisdiction_name, court.name);
  // A second release of the same admission while one is in progress: refused.
  r = await call(T['director.bko'], 'POST', '/api/movements/releases', {
    admission_id: released.id,
    reason: 'release_order',
    order_jurisdiction_id: court.id,
    order_reference: 'OML-2026-78',
    order_date: today,
    identity_verified: true,
    photo_shown: true,
    fingerprints_taken: true,
  });
  assert.equal(r.statusCode, 409);

  const signed = { all_returned: true, signed_by_person: true };
  // Checked but not confirmed: the person does not leave, and the admission stays open.
  r = await call(T['clerk.bko'], 'POST', `/api/movements/releases/${releaseId}/completion`, signed);
  assert.equal(r.statusCode, 409, r.body);
  assert.equal(r.json<{ code: string }>().code, 'movements.release.not_confirmed');
  let adm = (await call(T['clerk.bko'], 'GET', `/api/admissions/${released.id}`)).json<{ ended_at: string | null }>();
  assert.equal(adm.ended_at, null);
  // The checker cannot confirm their own check.
  r = await call(T['clerk.bko'], 'POST', `/api/movements/releases/${releaseId}/confirmation`, {});
  assert.equal(r.statusCode, 409);
  assert.equal(r.json<{ code: string }>().code, 'movements.release.same_officer');
  // A medical officer may not confirm at all.
  r = await call(T['medic.bko'], 'POST', `/api/movements/releases/${releaseId}/confirmation`, {});
  assert.equal(r.statusCode, 403);
  // The director, a second officer, confirms.
  r = await call(T['director.bko'], 'POST', `/api/movements/releases/${releaseId}/confirmation`, { notes: 'Ordre vu' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json<{ state: string; confirmed_by_name: string }>().state, 'confirmed');
  // Belongings: the person signs; what is not returned is said.
  r = await call(T['clerk.bko'], 'POST', `/api/movements/releases/${releaseId}/completion`, {
    all_returned: false,
    signed_by_person: false,
  });
  assert.equal(r.statusCode, 422);
  assert.deepEqual(
    r.json<{ errors: { field: string }[] }>().errors.map((e) => e.field),
    ['/signed_by_person', '/returned_notes'],
  );
  adm = (await call(T['clerk.bko'], 'GET', `/api/admissions/${released.id}`)).json<{ ended_at: string | null }>();
  assert.equal(adm.ended_at, null);
  r = await call(T['clerk.bko'], 'POST', `/api/movements/releases/${releaseId}/completion`, signed);
  assert.equal(r.statusCode, 200, r.body);
  const done = r.json<{ state: string; certificate_number: string; released_at: string }>();
  assert.equal(done.state, 'released');
  assert.match(done.certificate_number, /^LIB-BKO-\d{4}-0001$/);
  const ended = (await call(T['clerk.bko'], 'GET', `/api/admissions/${released.id}`)).json<{
    ended_at: string | null;
    end_reason: string;
  }>();
  assert.ok(ended.ended_at);
  assert.equal(ended.end_reason, 'release');
  // Twice: refused.
  r = await call(T['clerk.bko'], 'POST', `/api/movements/releases/${releaseId}/completion`, signed);
  assert.equal(r.statusCode, 409);
  // The history says who checked, confirmed and released.
  const h = (await call(T['director.bko'], 'GET', `/api/persons/${released.person_id}/history`)).json<{
    items: { entity: string; action: string }[];
  }>();
  const actions = h.items.filter((e) => e.entity === 'release').map((e) => e.action);
  assert.deepEqual([...actions].sort(), ['check', 'confirm', 'release']);
});

test('notifications: the family, and for a terrorism-related charge the authorities the national administration designates', async () => {
  let r = await call(T['admin'], 'PUT', '/api/movements/release-settings', {
    authorities: ['Pôle judiciaire spécialisé', 'Agence nationale de la sécurité d’État'],
    reason: 'Désignation de la DNAPES',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(
    (await call(T['clerk.bko'], 'PUT', '/api/movements/release-settings', { authorities: [], reason: 'x' })).statusCode,
    403,
  );
  r = await call(T['clerk.bko'], 'GET', `/api/movements/releases/${releaseId}`);
  let v = r.json<{ terrorism_related: boolean; missing_notices: { audience: string; recipient: string | null }[] }>();
  assert.equal(v.terrorism_related, true);
  assert.deepEqual(
    v.missing_notices.map((n) => n.recipient ?? n.audience),
    ['family', 'Pôle judiciaire spécialisé', 'Agence nationale de la sécurité d’État'],
  );
  r = await call(T['clerk.bko'], 'POST', `/api/movements/releases/${releaseId}/notifications`, {
    audience: 'family',
    recipient: 'Aminata Maïga (sœur)',
    channel: 'phone',
  });
  assert.equal(r.statusCode, 201, r.body);
  r = await call(T['clerk.bko'], 'POST', `/api/movements/releases/${releaseId}/notifications`, {
    audience: 'authority',
    recipient: 'Pôle judiciaire spécialisé',
    channel: 'letter',
  });
  v = r.json<typeof v>();
  assert.deepEqual(
    v.missing_notices.map((n) => n.recipient ?? n.audience),
    ['Agence nationale de la sécurité d’État'],
  );
  r = await call(T['clerk.bko'], 'POST', `/api/movements/releases/${releaseId}/notifications`, {
    audience: 'neighbours',
    recipient: 'x',
    channel: 'phone',
  });
  assert.equal(r.statusCode, 422);
  assert.ok(r.json<{ errors: { field: string }[] }>().errors.some((e) => e.field === '/audience'));
});

let escapeId = '';
test('an escapee recaptured is readmitted on the same file, linked to the escape', async () => {
  let r = await call(T['security.bko'], 'POST', '/api/movements/escapes', {
    admission_id: escapee.id,
    occurred_at: '2026-11-30T22:00:00Z',
    place: 'Mur d’enceinte nord',
    circumstances: 'Barreaux sciés',
  });
  assert.equal(r.statusCode, 403);
  r = await call(T['clerk.bko'], 'POST', '/api/movements/escapes', {
    admission_id: escapee.id,
    occurred_at: '2026-11-30T22:00:00Z',
    place: 'Mur d’enceinte nord',
    circumstances: 'Barreaux sciés pendant la nuit',
  });
  assert.equal(r.statusCode, 201, r.body);
  const esc = r.json<{ id: string; missing_alerts: string[] }>();
  escapeId = esc.id;
  assert.deepEqual(esc.missing_alerts, ['police', 'gendarmerie']);
  const gone = (await call(T['clerk.bko'], 'GET', `/api/admissions/${escapee.id}`)).json<{ end_reason: string }>();
  assert.equal(gone.end_reason, 'escape');
  for (const audience of ['police', 'gendarmerie'])
    assert.equal(
      (
        await call(T['clerk.bko'], 'POST', `/api/movements/incidents/${esc.id}/notifications`, {
          audience,
          recipient: audience === 'police' ? 'Commissariat du 3e arrondissement' : 'Brigade territoriale de Bamako',
          channel: 'radio',
        })
      ).statusCode,
      201,
    );
  // A recapture before the escape is refused.
  r = await call(T['clerk.bko'], 'POST', `/api/movements/incidents/${esc.id}/recapture`, {
    recaptured_at: '2026-11-30T20:00:00Z',
    place: 'Kati',
    arresting_authority: 'gendarmerie',
  });
  assert.equal(r.statusCode, 422);
  r = await call(T['clerk.bko'], 'POST', `/api/movements/incidents/${esc.id}/recapture`, {
    recaptured_at: '2026-12-01T08:00:00Z',
    place: 'Kati',
    arresting_authority: 'gendarmerie',
  });
  assert.equal(r.statusCode, 200, r.body);
  const back = r.json<{ recapture_admission_id: string; missing_alerts: string[] }>();
  assert.deepEqual(back.missing_alerts, []);
  const readmitted = (await call(T['clerk.bko'], 'GET', `/api/admissions/${back.recapture_admission_id}`)).json<{
    person_id: string;
    ended_at: string | null;
    charges: { qualification: string }[];
  }>();
  assert.equal(readmitted.person_id, escapee.person_id); // the same file
  assert.equal(readmitted.ended_at, null);
  assert.equal(readmitted.charges[0].qualification, newArrival().charges[0].qualification);
  // Once only.
  r = await call(T['clerk.bko'], 'POST', `/api/movements/incidents/${esc.id}/recapture`, {
    recaptured_at: '2026-12-01T09:00:00Z',
    place: 'Kati',
    arresting_authority: 'gendarmerie',
  });
  assert.equal(r.statusCode, 422);
});

let deathId = '';
test('a death in custody ends the admission and says where the incident checklist opens', async () => {
  const r = await call(T['director.bko'], 'POST', '/api/movements/deaths', {
    admission_id: deceased.id,
    occurred_at: '2026-12-01T03:00:00Z',
    place: 'Infirmerie',
    circumstances: 'Trouvé inanimé au réveil',
    cause_reported: 'Arrêt cardiaque (rapport du médecin)',
  });
  assert.equal(r.statusCode, 201, r.body);
  const d = r.json<{ id: string; incident_checklist: { available: boolean }; cause_reported: string | null }>();
  deathId = d.id;
  assert.equal(d.incident_checklist.available, false);
  // The cause reported is health data: the director (no health.read) does not see it.
  assert.equal(d.cause_reported, null);
  const a = (await call(T['clerk.bko'], 'GET', `/api/admissions/${deceased.id}`)).json<{ end_reason: string }>();
  assert.equal(a.end_reason, 'death');
  // Nobody is released through the checklist after death: the admission is ended.
  const again = await call(T['clerk.bko'], 'POST', '/api/movements/releases', {
    admission_id: deceased.id,
    reason: 'death',
    identity_verified: true,
    photo_shown: true,
    fingerprints_taken: true,
  });
  assert.equal(again.statusCode, 422);
});

test('the pages in French and English: list, checklist, certificate, incident, alert sheet; a bad enum on a form is a field error', async () => {
  for (const lang of ['fr', 'en'] as const) {
    const { cookie } = await formLogin(app, 'clerk.bko', { lang });
    const get = (url: string) => app.inject({ url, headers: { cookie } });
    let r = await get('/movements/release-due?prison=BKO');
    assert.equal(r.statusCode, 200, r.body);
    assert.match(r.body, lang === 'fr' ? /Titre expiré/ : /Title expired/);
    assert.match(r.body, lang === 'fr' ? /Fin de peine demain/ : /Sentence ends tomorrow/);
    r = await get(`/movements/releases/new?admission=${endsTomorrow.id}`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, lang === 'fr' ? /Libération : vérification/ : /Release: check/);
    r = await get(`/movements/releases/${releaseId}`);
    assert.equal(r.statusCode, 200);
    r = await get(`/movements/releases/${releaseId}/certificate`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, lang === 'fr' ? /Certificat de libération/ : /Release certificate/);
    assert.match(r.body, /LIB-BKO-/);
    r = await get(`/movements/incidents/${escapeId}`);
    assert.equal(r.statusCode, 200);
    r = await get(`/movements/incidents/${escapeId}/alert-sheet`);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, lang === 'fr' ? /Avis d’évasion/ : /Escape alert/);
    r = await get(`/movements/incidents/${deathId}`);
    assert.match(r.body, lang === 'fr' ? /module des incidents/ : /incidents capability/);
    // The director's home page shows the release-due list.
    const home = await app.inject({
      url: '/?prison=BKO',
      headers: { cookie: (await formLogin(app, 'director.bko', { lang })).cookie },
    });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /release-due-h/);
    assert.match(home.body, lang === 'fr' ? /Libérations dues/ : /Releases due/);
  }
  // A bad enum posted through the page form comes back on the field.
  const { cookie, session } = await formLogin(app, 'clerk.bko', { lang: 'en' });
  const form = await app.inject({ url: `/movements/releases/new?admission=${endsTomorrow.id}`, headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  assert.ok(csrf && session);
  const r = await app.inject({
    method: 'POST',
    url: `/movements/releases/new?admission=${endsTomorrow.id}`,
    headers: { cookie },
    payload: { _csrf: csrf, admission_id: endsTomorrow.id, reason: 'freed', photo_shown: '1', fingerprints_taken: '0' },
  });
  assert.equal(r.statusCode, 422);
  assert.match(r.body, /href="#reason"/);
});
