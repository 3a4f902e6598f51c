import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allItems,
  compareAssessments,
  profile,
  validateAssessment,
  validateDefinition,
  validateNewVersion,
  type AssessmentContent,
  type InstrumentDefinition,
} from './instruments.js';
import { GENERAL_NEEDS_V1, SHIPPED_INSTRUMENTS, VIOLENT_EXTREMISM_V1 } from './shipped-instruments.js';

const clone = <T>(x: T): T => structuredClone(x);
const fields = (e: { field: string }[]) => e.map((x) => x.field);

test('the shipped instruments are valid, bilingual, and have the required domains', () => {
  for (const def of SHIPPED_INSTRUMENTS) assert.deepEqual(validateDefinition(def), [], def.code);
  assert.deepEqual(
    VIOLENT_EXTREMISM_V1.domains.map((d) => d.code),
    ['beliefs_attitudes', 'context_intent', 'history_capability', 'commitment_motivation', 'protective_resilience'],
  );
  assert.deepEqual(
    VIOLENT_EXTREMISM_V1.domains.map((d) => d.protective),
    [false, false, false, false, true],
  );
  assert.deepEqual(
    GENERAL_NEEDS_V1.domains.map((d) => d.code),
    ['education', 'work_skills', 'health', 'family_contact', 'addiction', 'housing_release'],
  );
  for (const def of SHIPPED_INSTRUMENTS)
    for (const it of allItems(def)) {
      assert.ok(it.text.fr && it.text.en && it.guidance.fr && it.guidance.en, it.code);
      assert.notEqual(it.text.fr, it.text.en, `${it.code} is translated`);
    }
});

test('the violent-extremism guide reproduces no licensed indicator text and offers no score', () => {
  // A few indicator titles of the licensed VERA-2R, as publicly cited: none of them is used verbatim.
  const licensed = [
    'commitment to ideology justifying violence',
    'victim of injustice and grievances',
    'dehumanization/demonization',
    'rejection of democratic society',
    'feelings of hate, frustration, persecution, alienation',
  ];
  const words = JSON.stringify(VIOLENT_EXTREMISM_V1).toLowerCase();
  for (const l of licensed) assert.ok(!words.includes(l), l);
  assert.ok(!('score' in VIOLENT_EXTREMISM_V1) && !/"(score|total|weight)"/.test(JSON.stringify(SHIPPED_INSTRUMENTS)));
  assert.match(VIOLENT_EXTREMISM_V1.judgement.guidance.en, /do not derive it from a count/);
});

test('a definition is checked whole: codes, both languages, scales, judgement', () => {
  const bad = clone<InstrumentDefinition>(VIOLENT_EXTREMISM_V1);
  bad.title.en = ' ';
  bad.domains[0].items[1].code = bad.domains[0].items[0].code;
  bad.domains[1].items[0].scale = 'nope';
  bad.domains[2].code = 'Bad Code';
  bad.judgement.options = bad.judgement.options.slice(0, 1);
  bad.scales[0].levels[1].rank = 0;
  assert.deepEqual(fields(validateDefinition(bad)), [
    '/title',
    '/scales/0/levels/1/rank',
    '/domains/0/items/1/code',
    '/domains/1/items/0/scale',
    '/domains/2/code',
    '/judgement/options',
  ]);
  const renamed = { ...clone(VIOLENT_EXTREMISM_V1), code: 'other_instrument' };
  assert.deepEqual(fields(validateNewVersion(VIOLENT_EXTREMISM_V1, renamed)), ['/code']);
  assert.deepEqual(validateNewVersion(null, renamed), []);
});

function fullRatings(def: InstrumentDefinition, value: string): AssessmentContent['ratings'] {
  return Object.fromEntries(allItems(def).map((i) => [i.code, { value, evidence: 'Entretien du 3 mars' }]));
}

test('an assessment is validated against its instrument version', () => {
  const draft: AssessmentContent = {
    ratings: { ba_violence_acceptable: { value: 'partly' } },
    summary: '',
    judgement: '',
    judgement_reasons: '',
  };
  assert.deepEqual(validateAssessment(VIOLENT_EXTREMISM_V1, draft, 'draft'), []);
  const complete = validateAssessment(VIOLENT_EXTREMISM_V1, draft, 'complete');
  assert.equal(
    complete.filter((e) => e.key === 'classification.assessment.item_unrated').length,
    allItems(VIOLENT_EXTREMISM_V1).length - 1,
  );
  assert.deepEqual(fields(complete).slice(-3), ['/summary', '/judgement', '/judgement_reasons']);
  const wrong: AssessmentContent = {
    ratings: {
      ...fullRatings(VIOLENT_EXTREMISM_V1, 'absent'),
      ba_violence_acceptable: { value: 'high' },
      ed_literacy: { value: 'none' },
    },
    domain_notes: { education: 'x' },
    summary: 'S',
    judgement: 'extreme',
    judgement_reasons: 'R',
  };
  assert.deepEqual(fields(validateAssessment(VIOLENT_EXTREMISM_V1, wrong, 'complete')), [
    '/ratings/ba_violence_acceptable/value',
    '/ratings/ed_literacy',
    '/domain_notes/education',
    '/judgement',
  ]);
  const ok: AssessmentContent = {
    ratings: fullRatings(GENERAL_NEEDS_V1, 'unknown'),
    summary: 'Synthèse',
    judgement: 'routine',
    judgement_reasons: 'Motifs',
  };
  assert.deepEqual(validateAssessment(GENERAL_NEEDS_V1, ok, 'complete'), []);
});

test('the profile counts ratings per domain and never totals them', () => {
  const a: AssessmentContent = {
    ratings: {
      ba_violence_acceptable: { value: 'present' },
      ba_grievance_blame: { value: 'present' },
      pr_family_support: { value: 'present' },
    },
    summary: '',
    judgement: '',
    judgement_reasons: '',
  };
  const p = profile(VIOLENT_EXTREMISM_V1, a);
  assert.deepEqual(p[0], { domain: 'beliefs_attitudes', protective: false, counts: { present: 2 }, unrated: 2 });
  assert.deepEqual(p[4], { domain: 'protective_resilience', protective: true, counts: { present: 1 }, unrated: 4 });
  assert.equal(p.length, 5);
});

test('change since the last assessment, protective items read the other way, across versions', () => {
  const prev: AssessmentContent = {
    ratings: { ...fullRatings(VIOLENT_EXTREMISM_V1, 'partly') },
    summary: 's',
    judgement: 'moderate',
    judgement_reasons: 'r',
  };
  const v2 = clone(VIOLENT_EXTREMISM_V1);
  v2.domains[0].items = v2.domains[0].items.filter((i) => i.code !== 'ba_closed_to_other_views');
  v2.domains[4].items.push({
    code: 'pr_mentor',
    scale: 'presence',
    text: { fr: 'Un mentor', en: 'A mentor' },
    guidance: { fr: 'g', en: 'g' },
  });
  assert.deepEqual(validateNewVersion(VIOLENT_EXTREMISM_V1, v2), []);
  const cur: AssessmentContent = {
    ratings: {
      ...fullRatings(v2, 'partly'),
      ba_violence_acceptable: { value: 'absent' },
      pr_family_support: { value: 'absent' },
      ci_stated_intent: { value: 'unknown' },
      pr_mentor: { value: 'present' },
    },
    summary: 's',
    judgement: 'low',
    judgement_reasons: 'r',
  };
  const c = compareAssessments({ def: VIOLENT_EXTREMISM_V1, content: prev }, { def: v2, content: cur });
  const by = (code: string) => c.items.find((i) => i.item === code)!;
  assert.deepEqual([by('ba_violence_acceptable').movement, by('ba_violence_acceptable').concern], ['lower', 'less']);
  assert.deepEqual([by('pr_family_support').movement, by('pr_family_support').concern], ['lower', 'more']);
  assert.deepEqual([by('ci_stated_intent').movement, by('ci_stated_intent').concern], ['changed', 'neutral']);
  assert.equal(by('ba_grievance_blame').movement, 'same');
  assert.equal(by('pr_mentor').movement, 'new_item');
  assert.equal(by('ba_closed_to_other_views').movement, 'item_removed');
  assert.deepEqual(c.judgement, { before: 'moderate', after: 'low', changed: true });
});
