/** Classification, assessments, regime, moves and cell leaders through the API and the database. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClassificationView, Created, List, Problem } from '../../../test/api.js';
import { auth, fixture, newArrival, testApp, testDatabase } from '../../../test/helpers.js';
import { assertHistoryConfidential } from '../../../test/confidentiality-walk.js';
import { allItems } from './instruments.js';
import { GENERAL_NEEDS_V1, VIOLENT_EXTREMISM_V1 } from './shipped-instruments.js';

const database = await testDatabase();
const app = await testApp(database);
const fx = await fixture(database);
type Method = 'GET' | 'POST' | 'PUT';
type Answer = Awaited<ReturnType<typeof app.inject>>;
const errorsOf = (r: Answer) => r.json<Problem>().errors ?? [];
/** An assessment as the API answers it: what these tests read of it. */
interface AssessmentAnswer {
  id: string;
  version: number;
  override?: boolean;
  previous: { id: string } | null;
  profile: { unrated: number }[];
  change_since_previous: {
    items: { item: string; movement: string; concern: string }[];
    judgement: unknown;
  } | null;
}
const definitionOf = async (query: string) =>
  (await call(director(), 'GET', `/api/assessment-instruments/${query}`)).json<{
    definition: typeof VIOLENT_EXTREMISM_V1;
  }>().definition;
const call = (token: string, method: Method, url: string, payload?: unknown, lang = 'en') =>
  app.inject({
    method,
    url,
    headers: auth(token, lang),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
/** A cell's occupants (`GET /api/cells/:id/occupants`). */
interface Occupants {
  current: { admission_id: string; label: string }[];
  past: { admission_id: string }[];
}
/** A cell's leaders (`GET /api/cells/:id/leaders`). */
interface Leaders {
  current: { admission_id: string } | null;
  leaders: {
    how: string;
    since: string;
    until: string | null;
    requests: { subject: string; status: string; answer: string }[];
  }[];
}
const admin = () => fx.tokens.admin;
const director = () => fx.tokens['director.bko'];

async function admitted(name: string, over: Record<string, unknown> = {}) {
  const r = await call(
    fx.tokens['clerk.bko'],
    'POST',
    '/api/admissions',
    newArrival({ person: { ...newArrival().person, family_name: name }, ...over }),
  );
  assert.equal(r.statusCode, 201, r.body);
  return r.json<{ id: string; person_id: string }>();
}
const ratings = (def: typeof VIOLENT_EXTREMISM_V1, value: string) =>
  Object.fromEntries(allItems(def).map((i) => [i.code, { value, evidence: 'Entretien' }]));

async function completedVeo(admissionId: string, judgement: string, value = 'partly') {
  const s = await call(director(), 'POST', `/api/admissions/${admissionId}/assessments`, {
    instrument: 'spj_violent_extremism',
  });
  assert.equal(s.statusCode, 201, s.body);
  const def = await definitionOf(`spj_violent_extremism?version=${s.json<AssessmentAnswer>().version}`);
  const c = await call(director(), 'PUT', `/api/assessments/${s.json<AssessmentAnswer>().id}`, {
    row_version: 1,
    complete: true,
    content: { ratings: ratings(def, value), summary: 'Synthèse', judgement, judgement_reasons: 'Motifs' },
  });
  assert.equal(c.statusCode, 200, c.body);
  return c.json<AssessmentAnswer>();
}

test('the shipped instruments are in the database as version 1, unchanged', async () => {
  const list = (await call(director(), 'GET', '/api/assessment-instruments')).json<
    List<{ code: string; latest_version: number }>
  >().items;
  assert.deepEqual(
    list.map((i) => [i.code, i.latest_version]),
    [
      ['general_needs', 1],
      ['spj_violent_extremism', 1],
    ],
  );
  assert.deepEqual(await definitionOf('spj_violent_extremism'), VIOLENT_EXTREMISM_V1);
  assert.deepEqual(await definitionOf('general_needs'), GENERAL_NEEDS_V1);
  assert.equal((await call(fx.tokens['clerk.bko'], 'GET', '/api/assessment-instruments')).statusCode, 403);
});

test('assessments: restricted, every read audited, validated, final once complete, change since last', async () => {
  const x = await admitted('Evalué');
  const first = await completedVeo(x.id, 'moderate');
  assert.equal(first.change_since_previous, null);
  // Completing without a summary or judgement names each missing field.
  const s = (
    await call(director(), 'POST', `/api/admissions/${x.id}/assessments`, { instrument: 'spj_violent_extremism' })
  ).json<AssessmentAnswer>();
  const bad = await call(director(), 'PUT', `/api/assessments/${s.id}`, {
    row_version: 1,
    complete: true,
    content: { ratings: { ba_violence_acceptable: { value: 'loud' } } },
  });
  assert.equal(bad.statusCode, 422);
  const fields = errorsOf(bad).map((e) => e.field);
  assert.ok(
    fields.includes('/content/ratings/ba_violence_acceptable/value') &&
      fields.includes('/content/summary') &&
      fields.includes('/content/judgement_reasons'),
    fields.join(),
  );
  const second = await call(director(), 'PUT', `/api/assessments/${s.id}`, {
    row_version: 1,
    complete: true,
    content: {
      ratings: {
        ...ratings(VIOLENT_EXTREMISM_V1, 'partly'),
        ba_violence_acceptable: { value: 'absent' },
        pr_family_support: { value: 'present' },
      },
      summary: 'S',
      judgement: 'low',
      judgement_reasons: 'R',
    },
  });
  assert.equal(second.statusCode, 200, second.body);
  const change = second.json<AssessmentAnswer>().change_since_previous!;
  assert.deepEqual(
    change.items.find((i) => i.item === 'ba_violence_acceptable'),
    {
      item: 'ba_violence_acceptable',
      domain: 'beliefs_attitudes',
      before: 'partly',
      after: 'absent',
      movement: 'lower',
      concern: 'less',
    },
  );
  assert.deepEqual(change.items.find((i) => i.item === 'pr_family_support')?.concern, 'less');
  assert.deepEqual(change.judgement, { before: 'moderate', after: 'low', changed: true });
  assert.equal(
    (await call(director(), 'PUT', `/api/assessments/${s.id}`, { row_version: 2, content: {} })).statusCode,
    409,
    'a completed assessment is final',
  );
  await assert.rejects(
    database.pool.query(`UPDATE assessment SET judgement = 'high' WHERE id = $1`, [s.id]),
    /never changed/,
  );
  // Who may read: the director and national administration; not the registry clerk, security or the medic.
  for (const who of ['clerk.bko', 'security.bko', 'medic.bko', 'auditor'])
    assert.equal((await call(fx.tokens[who], 'GET', `/api/assessments/${s.id}`)).statusCode, 403, who);
  assert.equal((await call(fx.tokens['clerk.klk'], 'GET', `/api/persons/${x.person_id}/assessments`)).statusCode, 403);
  const before = (
    await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM access_audit WHERE category = 'assessment' AND action IN ('read','list')`,
    )
  ).rows[0].n;
  assert.equal((await call(director(), 'GET', `/api/assessments/${s.id}`)).statusCode, 200);
  assert.equal((await call(admin(), 'GET', `/api/assessments/${first.id}`)).statusCode, 200);
  assert.equal(
    (await call(admin(), 'GET', `/api/persons/${x.person_id}/assessments`)).json<List<unknown>>().items.length,
    2,
  );
  const audit = (
    await database.pool.query<{ action: string; entity_id: string; username: string }>(
      `SELECT a.action, a.entity_id, u.username FROM access_audit a JOIN app_user u ON u.id = a.actor_id WHERE ` +
        `category = 'assessment' AND action IN ('read','list') ORDER BY at, a.id`,
    )
  ).rows;
  assert.equal(audit.length, before + 3);
  assert.deepEqual(
    audit.slice(-3).map((r) => [r.action, r.username]),
    [
      ['read', 'director.bko'],
      ['read', 'admin'],
      ['list', 'admin'],
    ],
  );
  assert.equal(audit.at(-3)?.entity_id, s.id);
  // The widely readable change log names the assessment but never its content.
  const log = (await database.pool.query(`SELECT after FROM change_log WHERE entity = 'assessment'`)).rows;
  assert.ok(
    log.length >= 4 &&
      !JSON.stringify(log).includes('Motifs') &&
      !JSON.stringify(log).includes('ba_violence_acceptable'),
  );
});

test('an instrument versioned without changing past assessments', async () => {
  const x = await admitted('Versionné');
  const old = await completedVeo(x.id, 'high', 'present');
  const v2 = structuredClone(VIOLENT_EXTREMISM_V1);
  v2.domains[4].items.push({
    code: 'pr_mentor',
    scale: 'presence',
    text: { fr: 'A un mentor de confiance', en: 'Has a trusted mentor' },
    guidance: { fr: 'Entretien', en: 'Interview' },
  });
  v2.title.en = 'Structured assessment — violent extremism (v2)';
  assert.equal(
    (await call(director(), 'POST', '/api/assessment-instruments', { definition: v2, note: 'Ajout' })).statusCode,
    403,
    'only the national administration',
  );
  const badDef = { ...structuredClone(v2), kind: 'needs' };
  const bad = await call(admin(), 'POST', '/api/assessment-instruments', { definition: badDef, note: 'x' });
  assert.equal(bad.statusCode, 422);
  assert.deepEqual(
    errorsOf(bad).map((e) => e.field),
    ['/definition/kind'],
  );
  const pub = await call(admin(), 'POST', '/api/assessment-instruments', {
    definition: v2,
    note: 'Ajout d’un facteur de protection',
  });
  assert.equal(pub.statusCode, 201, pub.body);
  assert.deepEqual(pub.json(), { code: 'spj_violent_extremism', version: 2 });
  // The past assessment still reads against version 1; version 1 itself is unchanged and immutable.
  const again = (await call(director(), 'GET', `/api/assessments/${old.id}`)).json<AssessmentAnswer>();
  assert.equal(again.version, 1);
  assert.equal(again.profile.length, 5);
  assert.equal(again.profile[4].unrated, 0, 'no new item appears unrated in the old assessment');
  assert.deepEqual(await definitionOf('spj_violent_extremism?version=1'), VIOLENT_EXTREMISM_V1);
  await assert.rejects(database.pool.query(`UPDATE assessment_instrument_version SET note = 'x'`), /never changed/);
  // A new assessment uses version 2 and shows the new item as new since last.
  const s = (
    await call(director(), 'POST', `/api/admissions/${x.id}/assessments`, { instrument: 'spj_violent_extremism' })
  ).json<AssessmentAnswer>();
  assert.equal(s.version, 2);
  assert.equal(s.previous?.id, old.id);
  assert.equal(s.change_since_previous?.items.find((i) => i.item === 'pr_mentor')?.movement, 'new_item');
});

test('classification from an assessment; departing from the assessor needs a justification and the director', async () => {
  const x = await admitted('Classé', {
    admitted_at: '2026-02-01T10:00:00Z',
    legal_document: { kind: 'committal_order', authority: 'TGI', reference: 'MD-C', issued_on: '2026-01-31' },
  });
  const a = await completedVeo(x.id, 'moderate');
  const r1 = await call(director(), 'POST', `/api/admissions/${x.id}/classification`, {
    level: 'high',
    reasons: 'Évaluation',
    trigger: 'initial',
    assessment_id: a.id,
  });
  assert.equal(r1.statusCode, 422);
  assert.deepEqual(
    errorsOf(r1).map((e) => [e.field, e.message]),
    [['/override_justification', 'The decision departs from the assessor’s judgement: justify the override.']],
  );
  const ok = await call(director(), 'POST', `/api/admissions/${x.id}/classification`, {
    level: 'medium',
    reasons: 'Évaluation du jour',
    trigger: 'initial',
    assessment_id: a.id,
  });
  assert.equal(ok.statusCode, 201, ok.body);
  const decided = ok.json<{ override: boolean; next_review_on: string }>();
  assert.equal(decided.override, false);
  const today = new Date().toISOString().slice(0, 10);
  const inDays = (n: number) => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  assert.ok(
    [inDays(180), inDays(179), inDays(181)].includes(decided.next_review_on),
    'medium: reviewed after 180 days',
  );
  const ov = await call(director(), 'POST', `/api/admissions/${x.id}/classification`, {
    level: 'high',
    reasons: 'Incident',
    trigger: 'incident',
    assessment_id: a.id,
    override_justification: 'Menaces graves contre un surveillant le 2 mars',
  });
  assert.equal(ov.statusCode, 201, ov.body);
  const cls = (await call(director(), 'GET', `/api/admissions/${x.id}/classification`)).json<ClassificationView>();
  assert.equal(cls.level, 'high');
  assert.deepEqual(
    cls.history.map((h) => [h.level, h.override, h.override_justification]),
    [
      ['high', true, 'Menaces graves contre un surveillant le 2 mars'],
      ['medium', false, null],
    ],
  );
  assert.deepEqual(
    cls.regime.activities.filter((x) => x.allowed).map((x) => x.activity),
    ['education', 'library', 'prayer', 'sport', 'cultural'],
  );
  // A person's own regime decision, with a reason.
  assert.equal(
    (
      await call(director(), 'POST', `/api/admissions/${x.id}/regime`, {
        subject: { kind: 'activity', activity: 'workshop' },
        effect: 'allow',
        reason: 'Atelier menuiserie, conduite exemplaire',
      })
    ).statusCode,
    201,
  );
  const w = (await call(director(), 'GET', `/api/admissions/${x.id}/classification`))
    .json<ClassificationView>()
    .regime.activities.find((x) => x.activity === 'workshop');
  assert.deepEqual(w, {
    activity: 'workshop',
    allowed: true,
    basis: 'individual',
    reason: 'Atelier menuiserie, conduite exemplaire',
  });
  assert.ok(today);
  // A security officer may read the level but not decide it.
  assert.equal(
    (
      await call(fx.tokens['security.bko'], 'POST', `/api/admissions/${x.id}/classification`, {
        level: 'low',
        reasons: 'r',
        trigger: 'periodic',
        assessment_id: a.id,
      })
    ).statusCode,
    403,
  );
});

test("classifications due appear in the director's list: initial, periodic and after an event, named as accused", async () => {
  const doc = (d: string) => ({
    kind: 'committal_order',
    authority: 'TGI',
    reference: `MD-${d}-${Math.random()}`,
    issued_on: d,
  });
  const initial = await admitted('Initial', { admitted_at: '2025-01-10T10:00:00Z', legal_document: doc('2025-01-09') });
  const ev = await admitted('Evenement', { admitted_at: '2025-01-10T10:00:00Z', legal_document: doc('2025-01-09') });
  const a = await completedVeo(ev.id, 'low', 'absent');
  assert.equal(
    (
      await call(director(), 'POST', `/api/admissions/${ev.id}/classification`, {
        level: 'low',
        reasons: 'Évaluation',
        trigger: 'initial',
        assessment_id: a.id,
      })
    ).statusCode,
    201,
  );
  const today = new Date().toISOString().slice(0, 10);
  const due = async (lang = 'en') =>
    (await call(director(), 'GET', `/api/prisons/BKO/classifications-due?as_of=${today}`, undefined, lang)).json<
      List<{
        admission_id: string;
        reason: string;
        event: string | null;
        label: string;
        overdue: boolean;
        due_on: string;
      }>
    >().items;
  const i = (await due()).find((x) => x.admission_id === initial.id)!;
  assert.deepEqual([i.reason, i.due_on, i.overdue], ['initial', '2025-01-17', true]);
  assert.equal(i.label, 'accused of association de malfaiteurs en relation avec une entreprise terroriste');
  assert.ok(!(await due()).some((x) => x.admission_id === ev.id), 'classified today: nothing due');
  assert.equal(
    (
      await call(director(), 'POST', `/api/admissions/${ev.id}/review-events`, {
        kind: 'incident',
        occurred_on: today,
        note: 'Rixe dans la cour',
      })
    ).statusCode,
    201,
  );
  const { classificationsDueForReview } = await import('./service.js');
  const later = new Date();
  later.setUTCDate(later.getUTCDate() + 8);
  const list = await classificationsDueForReview(
    database.db,
    fx.actors['director.bko'],
    fx.prisons.BKO.id,
    later.toISOString().slice(0, 10),
    'fr',
  );
  const e = list.find((x) => x.admission_id === ev.id)!;
  assert.deepEqual([e.reason, e.event, e.overdue], ['event', 'incident', true]);
  assert.equal(e.label, "inculpé d'association de malfaiteurs en relation avec une entreprise terroriste");
  for (const x of list)
    assert.doesNotMatch(
      x.label.replace(/association de malfaiteurs en relation avec une entreprise terroriste/i, ''),
      /terroris|VEO|extrémis/i,
    );
  // Another prison's director cannot see BKO's list.
  await assert.rejects(
    classificationsDueForReview(database.db, fx.actors['clerk.klk'], fx.prisons.BKO.id, today),
    /out_of_scope|forbidden/,
  );
});

test(
  'a classification drives the allocation check: dispersal refused with its reason, overridden with a recorded ' +
    'reason; moves and occupants',
  async () => {
    const [, , c2] = fx.prisons.BKO.cells as [string, string, string];
    const d = director();
    assert.equal(
      (
        await call(d, 'PUT', '/api/prisons/BKO/housing-policy', {
          high_risk_policy: 'disperse',
          reason: 'Note de service',
        })
      ).statusCode,
      200,
    );
    const p1 = await admitted('Disperse1');
    const p2 = await admitted('Disperse2');
    for (const p of [p1, p2]) {
      const a = await completedVeo(p.id, 'high', 'present');
      assert.equal(
        (
          await call(d, 'POST', `/api/admissions/${p.id}/classification`, {
            level: 'high',
            reasons: 'Évaluation',
            trigger: 'initial',
            assessment_id: a.id,
          })
        ).statusCode,
        201,
      );
    }
    assert.equal(
      (await call(d, 'POST', `/api/admissions/${p1.id}/allocate`, { cell_id: c2, reason: 'Placement' })).statusCode,
      200,
    );
    const refused = await call(
      d,
      'POST',
      `/api/admissions/${p2.id}/allocate`,
      { cell_id: c2, reason: 'Placement' },
      'fr',
    );
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(
      errorsOf(refused).map((e) => e.code),
      ['housing.refused.policy_disperse'],
    );
    const ok = await call(d, 'POST', `/api/admissions/${p2.id}/allocate`, {
      cell_id: c2,
      reason: 'Placement',
      override_reason: 'Frères, demande de la famille',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const occ = (await call(d, 'GET', `/api/cells/${c2}/occupants`)).json<Occupants>();
    assert.deepEqual(occ.current.map((o) => o.admission_id).sort(), [p1.id, p2.id].sort());
    assert.match(occ.current[0].label, /^accused of /);
    // Move p1 elsewhere: the placement row is closed and a new one opened; the history shows both.
    assert.equal(
      (await call(d, 'PUT', '/api/prisons/BKO/housing-policy', { high_risk_policy: 'mixed', reason: 'Fin' }))
        .statusCode,
      200,
    );
    const moved = await call(d, 'POST', `/api/admissions/${p1.id}/allocate`, {
      cell_id: fx.prisons.BKO.cells[1],
      reason: 'Rapprochement',
    });
    assert.equal(moved.statusCode, 200, moved.body);
    const moves = (await call(d, 'GET', `/api/admissions/${p1.id}/moves`)).json<
      List<{ cell: string; reason: string; to: string | null }>
    >().items;
    assert.deepEqual(
      moves.map((m) => [m.cell, m.reason, m.to === null]),
      [
        ['A-03', 'Placement', false],
        ['A-02', 'Rapprochement', true],
      ],
    );
    const after = (await call(d, 'GET', `/api/cells/${c2}/occupants`)).json<Occupants>();
    assert.deepEqual([after.current.length, after.past.map((o) => o.admission_id)], [1, [p1.id]]);
    assert.equal((await call(fx.tokens['clerk.klk'], 'GET', `/api/cells/${c2}/occupants`)).statusCode, 403);
  },
);

test('cell leaders: since when, elected or appointed, the requests they carry', async () => {
  const [c0] = fx.prisons.BKO.cells as [string];
  const l1 = await admitted('Chef1', {
    legal_document: { kind: 'conviction', authority: 'TGI', reference: 'J-L1', issued_on: '2026-03-01' },
  });
  const l2 = await admitted('Chef2', {
    legal_document: { kind: 'conviction', authority: 'TGI', reference: 'J-L2', issued_on: '2026-03-01' },
  });
  const sec = fx.tokens['security.bko'];
  const outside = await call(sec, 'POST', `/api/cells/${c0}/leaders`, {
    admission_id: l1.id,
    how: 'elected',
    since: '2026-03-05',
    reason: 'Élu par la cellule',
  });
  assert.equal(outside.statusCode, 422, 'not in the cell');
  const emptyish = fx.prisons.BKO.cells[0];
  // Put both in the first cell if there is room, with the director's override otherwise.
  for (const l of [l1, l2]) {
    const r = await call(director(), 'POST', `/api/admissions/${l.id}/allocate`, {
      cell_id: emptyish,
      reason: 'Placement',
      override_reason: 'Test des chefs de cellule',
    });
    assert.equal(r.statusCode, 200, r.body);
  }
  assert.equal(
    (
      await call(sec, 'POST', `/api/cells/${c0}/leaders`, {
        admission_id: l1.id,
        how: 'elected',
        since: '2026-03-05',
        reason: 'Élu par la cellule',
      })
    ).statusCode,
    201,
  );
  const req = await call(sec, 'POST', `/api/cells/${c0}/leader-requests`, {
    subject: 'Eau potable insuffisante',
    raised_on: '2026-03-06',
  });
  assert.equal(req.statusCode, 201);
  assert.equal(
    (
      await call(director(), 'POST', `/api/leader-requests/${req.json<Created>().id}/answer`, {
        answer: 'Citerne livrée le 7 mars',
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (
      await call(sec, 'POST', `/api/cells/${c0}/leaders`, {
        admission_id: l2.id,
        how: 'appointed',
        since: '2026-03-01',
        reason: 'Désigné',
      })
    ).statusCode,
    422,
    'before the current term',
  );
  assert.equal(
    (
      await call(sec, 'POST', `/api/cells/${c0}/leaders`, {
        admission_id: l2.id,
        how: 'appointed',
        since: '2026-03-10',
        reason: 'Désigné par le régisseur',
      })
    ).statusCode,
    201,
  );
  const v = (await call(fx.tokens['clerk.bko'], 'GET', `/api/cells/${c0}/leaders`)).json<Leaders>();
  assert.equal(v.current?.admission_id, l2.id);
  assert.deepEqual(
    v.leaders.map((l) => [l.how, l.since, l.until]),
    [
      ['appointed', '2026-03-10', null],
      ['elected', '2026-03-05', '2026-03-10'],
    ],
  );
  assert.deepEqual(
    v.leaders[1].requests.map((r) => [r.subject, r.status, r.answer]),
    [['Eau potable insuffisante', 'answered', 'Citerne livrée le 7 mars']],
  );
  assert.equal(
    (await call(fx.tokens['clerk.bko'], 'POST', `/api/cells/${c0}/leaders/end`, { until: '2026-03-20', reason: 'x' }))
      .statusCode,
    403,
  );
  assert.equal(
    (await call(sec, 'POST', `/api/cells/${c0}/leaders/end`, { until: '2026-03-20', reason: 'Libéré' })).statusCode,
    200,
  );
  assert.equal((await call(sec, 'GET', `/api/cells/${c0}/leaders`)).json<Leaders>().current, null);
});

test("no restricted field reaches a role without its permission (history walk over this file's flows)", async () => {
  const n = await assertHistoryConfidential(database, app, fx);
  assert.ok(n.entries > 0);
});
