/**
 * Issue 10, item 2: confidential data stays confidential everywhere (history, reception, classification,
 * candidates, error messages), restricted reads are audited, and data crosses prisons only by the
 * written rules (docs/access.md, decision 0006).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { makeActor } from '../src/core/access.js';
import { addUser, createToken, login } from '../src/modules/access/service.js';
import { scanDuplicates } from '../src/modules/identity/service.js';
import { assertHistoryConfidential } from './confidentiality-walk.js';
import type {
  AdmissionView,
  Candidate,
  ClassificationView,
  Created,
  List,
  OpeningView,
  PrisonerFile,
  Problem,
  ReceptionView,
} from './api.js';
import { auth, fixture, newArrival, releaseThroughMovements, testApp, testDatabase } from './helpers.js';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pmis-conf-'));
after(() => fs.rm(dir, { recursive: true, force: true }));
const database = await testDatabase();
const app = await testApp(database, { attachmentsDir: dir });
const fx = await fixture(database);
// The fixture has no social worker: one at Bamako, one at Koulikoro, and a Koulikoro director.
for (const [username, role, prison] of [
  ['social.bko', 'social_worker', 'BKO'],
  ['director.klk', 'prison_director', 'KLK'],
] as const) {
  const u = await addUser(database.db, null, {
    username,
    display_name: username,
    password: 'correct horse battery',
    roles: [role],
    national: false,
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
}
const tok = (u: string) => fx.tokens[u];
const get = (u: string, url: string, lang = 'en') => app.inject({ url, headers: auth(tok(u), lang) });
const post = (u: string, url: string, payload: unknown, lang = 'en', method: 'POST' | 'PUT' = 'POST') =>
  app.inject({ method, url, headers: auth(tok(u), lang), payload: payload as Record<string, unknown> });
const audits = async (category: string) =>
  (
    await database.pool.query(
      `SELECT u.username, a.action, a.entity, a.detail FROM access_audit a JOIN app_user u ON u.id = a.actor_id WHERE a.category = $1
        ORDER BY a.at`,
      [category],
    )
  ).rows as { username: string; action: string; entity: string; detail: Record<string, unknown> }[];
const historyOf = async (u: string, personId: string) => {
  const r = await get(u, `/api/persons/${personId}/history`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json<
    List<{
      id: string;
      entity: string;
      action: string;
      reason: string | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      restricted: string[];
      withheld: string[];
    }>
  >().items;
};

const OWN_ACCOUNT = 'Dit avoir rejoint le groupe après la mort de son frère';
const AFFILIATION = 'Katiba du Macina (déclaré)';
const FAMILY = 'Deux épouses, cinq enfants à Djenné';

/** A complete reception at Bamako, the interview by the social worker. */
async function receptionWithInterview(
  family: string,
): Promise<{ receptionId: string; personId: string; admissionId: string }> {
  const arrival = newArrival({ person: { ...newArrival().person, family_name: family } });
  const r = await post('security.bko', '/api/receptions', {
    prison: 'BKO',
    arresting_authority: 'gendarmerie',
    warrant_name: family,
    nothing_shared: true,
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json<Created>().id;
  assert.equal(
    (
      await post('security.bko', `/api/receptions/${id}/steps/security`, {
        rules_explained: true,
        body_search_done: true,
      })
    ).statusCode,
    200,
  );
  const adm = await post('clerk.bko', `/api/receptions/${id}/steps/administration`, {
    person: arrival.person,
    photo_taken: false,
    fingerprints: 'captured',
    warrant_scanned: false,
    legal_document: arrival.legal_document,
    charges: arrival.charges,
  });
  assert.equal(adm.statusCode, 200, adm.body);
  assert.equal((await post('clerk.bko', `/api/receptions/${id}/steps/registry`, {})).statusCode, 200);
  assert.equal(
    (await post('medic.bko', `/api/receptions/${id}/steps/medical`, { ill_treatment_alleged: false, fitness: 'fit' }))
      .statusCode,
    200,
  );
  const iv = await post('social.bko', `/api/receptions/${id}/steps/interview`, {
    interviewer: 'social_worker',
    own_account: OWN_ACCOUNT,
    family_situation: FAMILY,
    affiliation_declared: AFFILIATION,
    involvement: 'voluntary',
    reasons: ['revenge'],
  });
  assert.equal(iv.statusCode, 200, iv.body);
  // Even the interviewer's answer carries the content only on request.
  assert.equal(iv.json<ReceptionView>().steps.find((s) => s.step === 'interview')!.data, null);
  const done = adm.json<ReceptionView>();
  return { receptionId: id, personId: done.person_id!, admissionId: done.admission_id! };
}

test('the interview: absent from the history of a clerk, an auditor and a security officer; present, and audited, for the social worker and the director', async () => {
  const { receptionId, personId } = await receptionWithInterview('Sangaré');
  // The change log itself keeps the interview out of its open columns.
  const raw = (
    await database.pool.query<{ after: unknown; restricted: { interview: { after: { own_account: string } } } }>(
      `SELECT after, restricted FROM change_log WHERE entity = 'reception' AND action = 'step.interview' AND entity_id = $1`,
      [receptionId],
    )
  ).rows[0];
  assert.equal(raw.after, null);
  assert.equal(raw.restricted.interview.after.own_account, OWN_ACCOUNT);

  for (const u of ['clerk.bko', 'auditor', 'security.bko', 'admin']) {
    const items = await historyOf(u, personId);
    const entry = items.find((i) => i.action === 'step.interview')!;
    assert.ok(entry, `${u}: the entry is there`);
    assert.deepEqual([entry.after, entry.withheld], [null, ['interview']], `${u}: marked, without content`);
    assert.ok(
      !JSON.stringify(items).includes('Macina') && !JSON.stringify(items).includes('Djenné'),
      `${u}: no interview content anywhere`,
    );
  }
  for (const u of ['social.bko', 'director.bko']) {
    const entry = (await historyOf(u, personId)).find((i) => i.action === 'step.interview')!;
    assert.equal(entry.after!.own_account, OWN_ACCOUNT);
    assert.equal(entry.after!.affiliation_declared, AFFILIATION);
    assert.deepEqual([entry.restricted, entry.withheld], [['interview'], []]);
  }
  const reads = (await audits('interview')).filter((a) => a.action === 'read');
  assert.deepEqual(
    reads.map((a) => `${a.username} ${a.entity}`),
    ['social.bko change_log', 'director.bko change_log'],
  );
  assert.deepEqual(
    (await audits('interview')).filter((a) => a.action === 'write').map((a) => a.username),
    ['social.bko'],
  );

  // The reception itself: the content only on request, only with intake.interview, audited.
  const plain = await get('director.bko', `/api/receptions/${receptionId}`);
  assert.deepEqual(
    plain.json<ReceptionView>().steps.find((s) => s.step === 'interview'),
    {
      ...plain.json<ReceptionView>().steps.find((s) => s.step === 'interview'),
      data: null,
      restricted: 'interview',
    },
  );
  const clerk = await get('clerk.bko', `/api/receptions/${receptionId}?include=interview`);
  assert.equal(clerk.statusCode, 200);
  assert.equal(clerk.json<ReceptionView>().steps.find((s) => s.step === 'interview')!.data!, null);
  const sw = await get('social.bko', `/api/receptions/${receptionId}?include=interview`);
  assert.equal(sw.json<ReceptionView>().steps.find((s) => s.step === 'interview')!.data!.family_situation, FAMILY);
  assert.deepEqual(
    (await audits('interview'))
      .filter((a) => a.action === 'read')
      .map((a) => `${a.username} ${a.entity}`)
      .slice(-1),
    ['social.bko reception_step.interview'],
  );
  // The list of receptions never carries it.
  const list = await get('social.bko', '/api/receptions?prison=BKO&status=completed');
  assert.ok(!JSON.stringify(list.json()).includes('Macina'));

  // The file page: the clerk sees that the entry is restricted, not what it says.
  const { session } = await login(database.db, 'clerk.bko', 'correct horse battery', 1);
  const page = await app.inject({ url: `/people/${personId}`, cookies: { pmis_session: session, pmis_lang: 'en' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Restricted content \(reception interview\)/);
  assert.ok(!page.body.includes('Macina'));
});

test('medical attachment metadata: absent from the history of non-medical roles; the listing is audited', async () => {
  const a = (
    await post(
      'clerk.bko',
      '/api/admissions',
      newArrival({ person: { ...newArrival().person, family_name: 'Diakité' } }),
    )
  ).json<AdmissionView>();
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const form = new FormData();
  for (const [k, v] of Object.entries({ prison: 'BKO', kind: 'medical', person_id: a.person_id })) form.append(k, v);
  form.append(
    'file',
    new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%certificat\n'))]),
    'certificat-tuberculose-diakite.pdf',
  );
  const up = await fetch(`${base}/api/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tok('medic.bko')}` },
    body: form,
  });
  assert.equal(up.status, 201, await up.clone().text());
  const { sha256 } = (await up.json()) as { sha256: string };
  for (const u of ['clerk.bko', 'director.bko', 'auditor', 'security.bko', 'social.bko', 'admin']) {
    const items = await historyOf(u, a.person_id);
    const entry = items.find((i) => i.entity === 'attachment')!;
    assert.deepEqual([entry.after, entry.withheld], [null, ['health']], u);
    const text = JSON.stringify(items);
    assert.ok(
      !text.includes('tuberculose') && !text.includes(sha256) && !text.includes('"medical"'),
      `${u}: no medical metadata`,
    );
  }
  // Medical staff do not read the history (no history.read); they read the file itself, audited.
  assert.equal((await get('medic.bko', `/api/persons/${a.person_id}/history`)).statusCode, 403);
});

test('security-level reasons: restricted to intelligence.read everywhere (API, history, pages), and each read audited', async () => {
  const a = (
    await post(
      'clerk.bko',
      '/api/admissions',
      newArrival({ person: { ...newArrival().person, family_name: 'Guindo' } }),
    )
  ).json<AdmissionView>();
  const REASONS = 'Renseignement : contacts réguliers avec un recruteur identifié';
  assert.equal(
    (
      await post('director.bko', `/api/admissions/${a.id}/security-level`, {
        level: 'high',
        reasons: REASONS,
        trigger: 'initial',
      })
    ).statusCode,
    201,
  );
  const before = (await audits('intelligence')).length;
  for (const u of ['clerk.bko', 'auditor', 'social.bko']) {
    const levels = (await get(u, `/api/admissions/${a.id}/security-level`)).json<
      List<{ level: string; reasons: string | null; withheld: string[] }>
    >().items;
    assert.deepEqual(
      levels.map((l) => [l.level, l.reasons, l.withheld]),
      [['high', null, ['intelligence']]],
      u,
    );
    const cls = (await get(u, `/api/admissions/${a.id}/classification`)).json<ClassificationView>();
    assert.equal(cls.history[0].reasons, null);
    const entry = (await historyOf(u, a.person_id)).find((i) => i.entity === 'security_level')!;
    assert.deepEqual(
      [entry.after, entry.reason, entry.withheld],
      [{ level: 'high', next_review_on: null }, null, ['intelligence']],
    );
  }
  assert.equal((await audits('intelligence')).length, before, 'nothing shown, nothing audited');
  for (const u of ['security.bko', 'director.bko']) {
    assert.equal(
      (await get(u, `/api/admissions/${a.id}/security-level`)).json<List<{ reasons: string | null }>>().items[0]
        .reasons,
      REASONS,
    );
    assert.equal(
      (await get(u, `/api/admissions/${a.id}/classification`)).json<ClassificationView>().history[0].reasons,
      REASONS,
    );
    assert.equal((await historyOf(u, a.person_id)).find((i) => i.entity === 'security_level')!.reason, REASONS);
  }
  assert.deepEqual(
    (await audits('intelligence')).slice(before).map((x) => `${x.username} ${x.action} ${x.entity}`),
    [
      'security.bko read security_level',
      'security.bko read security_level',
      'security.bko read change_log',
      'director.bko read security_level',
      'director.bko read security_level',
      'director.bko read change_log',
    ],
  );
  // The classification page: the clerk sees the level and a marker, not the reasons.
  const { session } = await login(database.db, 'clerk.bko', 'correct horse battery', 1);
  const page = await app.inject({ url: `/admissions/${a.id}/classification`, cookies: { pmis_session: session } });
  assert.equal(page.statusCode, 200);
  assert.ok(!page.body.includes('recruteur'));
  assert.match(page.body, /Contenu réservé \(renseignement\)/);
});

test('religion and ethnicity changes: kept in the history for person.sensitive only, audited; the audit names fields, not values', async () => {
  const a = (
    await post(
      'director.bko',
      '/api/admissions',
      newArrival({
        person: {
          ...newArrival().person,
          family_name: 'Dolo',
          sensitive: { religion: 'christianity', ethnicity: 'dogon' },
        },
      }),
    )
  ).json<AdmissionView>();
  assert.equal(
    (
      await post(
        'director.bko',
        `/api/persons/${a.person_id}/sensitive`,
        { ethnicity: 'bozo', reason: 'Déclaration corrigée' },
        'en',
        'PUT',
      )
    ).statusCode,
    200,
  );
  const clerk = await historyOf('clerk.bko', a.person_id);
  assert.ok(!/christianity|dogon|bozo/.test(JSON.stringify(clerk)));
  assert.deepEqual(clerk.find((i) => i.entity === 'person_sensitive')!.withheld, ['ethnicity_religion']);
  assert.deepEqual(clerk.find((i) => i.entity === 'person' && i.action === 'create')!.withheld, ['ethnicity_religion']);
  const dir = await historyOf('director.bko', a.person_id);
  const change = dir.find((i) => i.entity === 'person_sensitive')!;
  assert.deepEqual([change.before!.ethnicity, change.after!.ethnicity], ['dogon', 'bozo'], 'the old value is kept');
  const written = (await audits('ethnicity_religion')).filter((x) => x.action === 'write').at(-1)!;
  assert.deepEqual(written.detail, { fields: ['ethnicity'] });
});

test('a national candidate list shows a person known only in another prison minimally; audited', async () => {
  const bko = (
    await post(
      'clerk.bko',
      '/api/admissions',
      newArrival({
        person: {
          family_name: 'Ag Alhassane',
          given_names: 'Moussa',
          sex: 'male',
          birth: { precision: 'exact', date: '1988-04-12' },
          father_name: 'Alhassane Ag Mohamed',
          mother_name: 'Fadimata Walet Ahmed',
          birth_place: 'Kidal',
          nina: '12345678901234X',
          origin_region_code: 'KIDAL',
        },
      }),
    )
  ).json<AdmissionView>();
  const query = {
    family_name: 'Ag Alhassan',
    given_names: 'Mousa',
    birth_date: '1988-04-12',
    birth_precision: 'exact',
    father_name: 'Alhassane ag Mohamed',
    nina: '12345678901234X',
  };
  const own = (await post('clerk.bko', '/api/identity/candidates', query))
    .json<{ candidates: Candidate[] }>()
    .candidates.find((c) => c.person_id === bko.person_id)!;
  assert.equal(own.details, 'full');
  assert.equal(own.nina, '12345678901234X');
  assert.equal(own.admissions[0].committal_number, bko.committal_number);
  const foreign = await post('clerk.klk', '/api/identity/candidates', query);
  assert.equal(foreign.statusCode, 200, foreign.body);
  const c = foreign.json<{ candidates: Candidate[] }>().candidates.find((x) => x.person_id === bko.person_id)!;
  assert.equal(c.details, 'minimal');
  assert.deepEqual(
    {
      names: [c.family_name, c.given_names],
      sex: c.sex,
      birth: c.birth,
      region: c.origin_region_code,
      father: c.father_name,
      mother: c.mother_name,
      place: c.birth_place,
      nina: c.nina,
      admissions: c.admissions.map((x) => [x.prison_name, x.committal_number, x.admitted_at]),
    },
    {
      names: ['Ag Alhassane', 'Moussa'],
      sex: 'male',
      birth: { date: '1988', precision: 'year' },
      region: 'KIDAL',
      father: null,
      mother: null,
      place: null,
      nina: null,
      admissions: [['Prison BKO', null, '2026-03-10T09:30:00.000Z']],
    },
  );
  // The reasons say how each field compares, never the other prison's value.
  const text = JSON.stringify(c);
  for (const secret of [
    'Fadimata',
    'Alhassane Ag Mohamed',
    '1988-04-12',
    '12345678901234X',
    'Kidal',
    bko.committal_number,
  ])
    assert.ok(!text.includes(secret), secret);
  assert.ok(c.reasons.some((r) => r.field === 'nina' && r.text === 'NINA: identical (value held by another prison).'));
  assert.ok(c.score >= 0.9, 'the match itself is as strong');
  const cross = (await audits('cross_prison')).at(-1)!;
  assert.equal(cross.username, 'clerk.klk');
  assert.ok((cross.detail.persons as string[]).includes(bko.person_id));
  // The national administration sees the full record.
  assert.equal(
    (await post('admin', '/api/identity/candidates', query))
      .json<{ candidates: Candidate[] }>()
      .candidates.find((x) => x.person_id === bko.person_id)!.details,
    'full',
  );
  // The duplicate scan lists every prison's identity data: national scope only.
  await assert.rejects(
    scanDuplicates(database.db, fx.actors['director.bko']),
    (e: { status: number; key: string }) => e.status === 403 && e.key === 'identity.scan.national',
  );
});

test('"already held": another prison named with the way forward, never its committal number', async () => {
  const held = (
    await post(
      'clerk.bko',
      '/api/admissions',
      newArrival({ person: { ...newArrival().person, family_name: 'Tembely' } }),
    )
  ).json<AdmissionView>();
  const again = newArrival({ prison: 'KLK', person: undefined, person_id: held.person_id });
  const klk = await post('clerk.klk', '/api/admissions', again);
  assert.equal(klk.statusCode, 422);
  assert.deepEqual(klk.json<Problem>().errors, [
    {
      field: '/person_id',
      code: 'custody.person_held_elsewhere',
      message: 'This person is already held in another prison (Prison BKO): contact the national administration.',
    },
  ]);
  assert.ok(!klk.body.includes(held.committal_number));
  const fr = await post('clerk.klk', '/api/admissions', again, 'fr');
  assert.equal(
    fr.json<Problem>().errors![0].message,
    "Cette personne est déjà écrouée dans un autre établissement (Prison BKO) : contactez l'administration nationale.",
  );
  // In the holding prison, the committal number is the useful answer.
  const bko = await post('clerk.bko', '/api/admissions', { ...again, prison: 'BKO' });
  assert.equal(
    bko.json<Problem>().errors![0].message,
    `This person is already held (${held.committal_number}): end that admission before a new one.`,
  );
  // Nothing was written by the refused admissions.
  assert.equal(
    (
      await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM admission WHERE person_id = $1`, [
        held.person_id,
      ])
    ).rows[0].n,
    1,
  );
});

test('re-admission in another prison: recorded; opens the identity and the legal history only; more by a recorded decision of the holding prison', async () => {
  const { receptionId, personId, admissionId } = await receptionWithInterview('Kassogué');
  const REASONS = 'Observation : a menacé un codétenu';
  assert.equal(
    (
      await post('director.bko', `/api/admissions/${admissionId}/security-level`, {
        level: 'medium',
        reasons: REASONS,
        trigger: 'initial',
      })
    ).statusCode,
    201,
  );
  assert.equal((await releaseThroughMovements(database, fx, admissionId)).state, 'released');
  // Before: Koulikoro cannot open the file at all.
  assert.equal((await get('clerk.klk', `/api/persons/${personId}`)).statusCode, 403);
  const re = await post(
    'clerk.klk',
    '/api/admissions',
    newArrival({
      prison: 'KLK',
      person: undefined,
      person_id: personId,
      admitted_at: new Date().toISOString(),
      legal_document: {
        kind: 'committal_order',
        authority: 'TGI Koulikoro',
        reference: 'MD-KLK-9',
        issued_on: '2026-06-30',
      },
    }),
  );
  assert.equal(re.statusCode, 201, re.body);
  // The re-admission is a recorded decision: who, when, from which prison, what it opens.
  const openings = (await get('clerk.klk', `/api/persons/${personId}/file-openings`)).json<List<OpeningView>>().items;
  assert.deepEqual(
    openings.map((o) => [o.kind, o.from_prison_id, o.to_prison_id, o.categories, o.admission_id, o.decided_by]),
    [['readmission', fx.prisons.BKO.id, fx.prisons.KLK.id, ['legal_history'], re.json<Created>().id, 'clerk.klk']],
  );
  // The new prison: the identity, and the legal history of the old admission (what it was accused of, how it ended).
  const file = (await get('clerk.klk', `/api/persons/${personId}`)).json<PrisonerFile>();
  assert.equal(file.person.family_name, 'Kassogué');
  const old = file.admissions_elsewhere[0];
  assert.equal(old.legal!.end_reason, 'release');
  assert.equal(old.legal!.charges[0].qualification, newArrival().charges[0].qualification);
  // Not the rest: Bamako's history entries, its reception, its classification.
  const hist = await historyOf('clerk.klk', personId);
  assert.ok(
    hist.every((h) => h.entity === 'admission' || h.entity === 'file_opening' || h.entity === 'identity_decision'),
    JSON.stringify(hist.map((h) => h.entity)),
  );
  assert.ok(!hist.some((h) => h.action === 'step.interview'));
  assert.equal((await get('clerk.klk', `/api/receptions/${receptionId}`)).statusCode, 403);
  assert.equal((await get('clerk.klk', `/api/admissions/${admissionId}/classification`)).statusCode, 403);
  // What Koulikoro writes in the identity is Koulikoro's: its own history shows it.
  assert.equal(
    (
      await post('clerk.klk', `/api/persons/${personId}/relatives`, {
        relationship: 'spouse',
        full_name: 'Aminata Kassogué',
      })
    ).statusCode,
    201,
  );
  assert.ok((await historyOf('clerk.klk', personId)).some((h) => h.entity === 'person_relative'));
  // Koulikoro's director cannot open Bamako's data; Bamako's director can, with a reason, recorded.
  const body = {
    from_prison: 'BKO',
    to_prison: 'KLK',
    categories: ['history', 'reception', 'classification'],
    reason: 'Demande du régisseur de Koulikoro, courrier n° 12',
  };
  assert.equal((await post('director.klk', `/api/persons/${personId}/file-openings`, body)).statusCode, 403);
  assert.equal((await post('clerk.bko', `/api/persons/${personId}/file-openings`, body)).statusCode, 403);
  const bad = await post('director.bko', `/api/persons/${personId}/file-openings`, { ...body, to_prison: 'BKO' });
  assert.deepEqual(
    bad.json<Problem>().errors!.map((e) => e.field),
    ['/to_prison'],
  );
  const opened = await post('director.bko', `/api/persons/${personId}/file-openings`, body);
  assert.equal(opened.statusCode, 201, opened.body);
  // Now Koulikoro reads Bamako's history and reception, still without the interview or the reasons.
  const after = await historyOf('clerk.klk', personId);
  assert.ok(after.some((h) => h.action === 'step.interview' && h.after === null && h.withheld.includes('interview')));
  assert.ok(after.some((h) => h.entity === 'security_level' && h.reason === null));
  assert.ok(!JSON.stringify(after).includes('codétenu'));
  assert.equal((await get('clerk.klk', `/api/receptions/${receptionId}`)).statusCode, 200);
  // Health is never opened this way: not even the injury report, for Koulikoro's director.
  const med = await get('director.klk', `/api/receptions/${receptionId}?include=medical,interview`);
  assert.equal(med.statusCode, 200);
  assert.equal(med.json<ReceptionView>().medical, undefined);
  assert.equal(
    med.json<ReceptionView>().steps.find((s) => s.step === 'interview')!.data!.own_account,
    OWN_ACCOUNT,
    'the interview, with the permission, once the reception is opened',
  );
  assert.equal(
    (await get('clerk.klk', `/api/admissions/${admissionId}/classification`)).json<ClassificationView>().history[0]
      .reasons,
    null,
  );
  assert.equal(
    (await get('director.klk', `/api/admissions/${admissionId}/classification`)).json<ClassificationView>().history[0]
      .reasons,
    REASONS,
    'the permission still decides',
  );
  // Assessments were not opened.
  assert.equal(
    (await get('director.klk', `/api/persons/${personId}/assessments`)).json<List<unknown>>().items.length,
    0,
  );
  // The file page shows the openings; a revocation closes them again, and is kept.
  const { session } = await login(database.db, 'clerk.klk', 'correct horse battery', 1);
  const page = await app.inject({ url: `/people/${personId}`, cookies: { pmis_session: session, pmis_lang: 'en' } });
  assert.match(page.body, /Re-admission — from Prison BKO to Prison KLK — legal history — clerk\.klk/);
  assert.match(
    page.body,
    /Decision — from Prison BKO to Prison KLK — file history, reception, classification — director\.bko/,
  );
  assert.equal(
    (
      await post('director.bko', `/api/file-openings/${opened.json<Created>().id}/revoke`, {
        reason: 'Dossier transmis',
      })
    ).statusCode,
    200,
  );
  assert.equal((await get('clerk.klk', `/api/receptions/${receptionId}`)).statusCode, 403);
  const kept = (await get('admin', `/api/persons/${personId}/file-openings`)).json<List<OpeningView>>().items;
  assert.deepEqual(
    kept.map((o) => [o.kind, o.revoked_by, o.revoke_reason]),
    [
      ['decision', 'director.bko', 'Dossier transmis'],
      ['readmission', null, null],
    ],
  );
  const logged = (
    await database.pool.query<{ action: string }>(
      `SELECT action FROM change_log WHERE entity = 'file_opening' AND person_id = $1 ORDER BY at`,
      [personId],
    )
  ).rows.map((r) => r.action);
  assert.deepEqual(logged, ['readmission', 'open', 'revoke']);
});

test("no restricted field reaches a role without its permission (history walk over this file's flows)", async (t) => {
  const n = await assertHistoryConfidential(database, app, fx, { pages: 4 });
  t.diagnostic(
    `walked ${n.persons} persons, ${n.entries} entries (${n.restricted} restricted), 9 roles; ${n.reads} restricted parts shown to holders`,
  );
  assert.ok(n.restricted >= 6, `restricted entries walked: ${n.restricted}`);
  assert.ok(n.reads > 0);
});
