import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  DEFAULT_SETTINGS as S,
  dueForReview,
  isOverride,
  nextReviewOn,
  regimeFor,
  validateDecision,
  validateSettings,
  type ClassificationSettings,
} from './rules.js';

const keys = (e: { key: string }[]) => e.map((x) => x.key.replace('classification.decision.', ''));

test('levels and intervals are configurable and checked', () => {
  assert.deepEqual(validateSettings(S), []);
  const custom: ClassificationSettings = {
    ...S,
    levels: ['a', 'b', 'c', 'd'],
    reviewDays: { a: 30, b: 60, c: 120, d: 3 },
    regime: { a: S.regime.high, b: S.regime.medium, c: S.regime.low },
  };
  assert.deepEqual(
    validateSettings(custom).map((e) => e.field),
    ['/reviewDays/d', '/regime/d'],
  );
  assert.equal(nextReviewOn(custom, 'a', '2026-01-31'), '2026-03-02');
  assert.equal(nextReviewOn(S, 'high', '2026-01-01'), '2026-04-01');
  assert.equal(nextReviewOn(S, 'low', '2026-01-01'), '2027-01-01');
});

test('a decision names its reasons and assessment; departing from the assessor needs a justification', () => {
  const none = { indicatedLevel: null, hasCurrent: false };
  assert.deepEqual(
    validateDecision(
      S,
      { level: 'medium', reasons: 'Évaluation du 3 mars', trigger: 'initial', assessment_id: 'A' },
      none,
    ),
    [],
  );
  assert.deepEqual(keys(validateDecision(S, { level: 'maximal', reasons: ' ', trigger: 'periodic' }, none)), [
    'unknown_level',
    'reasons_required',
    'initial_first',
    'assessment_required',
  ]);
  assert.deepEqual(
    keys(
      validateDecision(
        S,
        { level: 'low', reasons: 'r', trigger: 'initial', assessment_id: 'A' },
        { indicatedLevel: 'medium', hasCurrent: true },
      ),
    ),
    ['initial_exists', 'justification_required'],
  );
  assert.deepEqual(
    validateDecision(
      S,
      {
        level: 'low',
        reasons: 'r',
        trigger: 'periodic',
        assessment_id: 'A',
        override_justification: 'Programme suivi avec assiduité depuis six mois',
      },
      { indicatedLevel: 'medium', hasCurrent: true },
    ),
    [],
  );
  assert.deepEqual(
    keys(
      validateDecision(
        S,
        { level: 'high', reasons: 'r', trigger: 'override' },
        { indicatedLevel: null, hasCurrent: true },
      ),
    ),
    ['justification_required'],
  );
  assert.equal(isOverride({ level: 'high', reasons: 'r', trigger: 'incident' }, 'high'), false);
  assert.equal(isOverride({ level: 'high', reasons: 'r', trigger: 'incident' }, 'low'), true);
});

test('initial classification due N days after admission', () => {
  const st = { admittedOn: '2026-01-10', current: null, events: [] };
  assert.equal(dueForReview(S, st, '2026-01-16'), null);
  assert.deepEqual(dueForReview(S, st, '2026-01-17'), { reason: 'initial', dueOn: '2026-01-17', overdue: false });
  assert.deepEqual(dueForReview(S, st, '2026-02-01'), { reason: 'initial', dueOn: '2026-01-17', overdue: true });
  assert.deepEqual(
    dueForReview(S, st, '2026-01-12', 7),
    { reason: 'initial', dueOn: '2026-01-17', overdue: false },
    'coming within the horizon',
  );
});

test('periodic review per level, and reviews after events', () => {
  const cur = { level: 'high', decidedOn: '2026-02-01', nextReviewOn: null };
  assert.equal(dueForReview(S, { admittedOn: '2026-01-10', current: cur, events: [] }, '2026-04-30'), null);
  assert.deepEqual(dueForReview(S, { admittedOn: '2026-01-10', current: cur, events: [] }, '2026-05-02'), {
    reason: 'periodic',
    dueOn: '2026-05-02',
    overdue: false,
  });
  assert.equal(
    dueForReview(S, { admittedOn: '2026-01-10', current: { ...cur, level: 'low' }, events: [] }, '2026-05-02'),
    null,
  );
  // An explicit review date set by the decider wins over the interval.
  assert.deepEqual(
    dueForReview(
      S,
      { admittedOn: '2026-01-10', current: { ...cur, nextReviewOn: '2026-03-01' }, events: [] },
      '2026-03-05',
    ),
    { reason: 'periodic', dueOn: '2026-03-01', overdue: true },
  );
  const events = [
    { kind: 'incident' as const, occurredOn: '2026-01-20', id: 'old' },
    { kind: 'programme' as const, occurredOn: '2026-03-01', id: 'e1' },
  ];
  assert.deepEqual(dueForReview(S, { admittedOn: '2026-01-10', current: cur, events }, '2026-03-10'), {
    reason: 'event',
    dueOn: '2026-03-08',
    overdue: true,
    event: 'programme',
    eventId: 'e1',
  });
  assert.equal(
    dueForReview(S, { admittedOn: '2026-01-10', current: { ...cur, decidedOn: '2026-03-09' }, events }, '2026-03-10'),
    null,
    'a decision after the event answers it',
  );
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
});

test('the regime follows the level and the person’s own decisions, never a label', () => {
  const high = regimeFor(S, 'high', [], '2026-03-01');
  const allowed = (r: ReturnType<typeof regimeFor>) => r.activities.filter((a) => a.allowed).map((a) => a.activity);
  assert.deepEqual(allowed(high), ['education', 'library', 'prayer', 'sport', 'cultural']);
  assert.deepEqual(high.visits, { mode: 'supervised', perWeek: 1, basis: 'level' });
  assert.equal(high.programmes.open, 'all');
  // No classification yet: the medium regime, not the strictest.
  assert.deepEqual(allowed(regimeFor(S, null, [], '2026-03-01')), allowed(regimeFor(S, 'medium', [], '2026-03-01')));
  const adj = [
    {
      subject: { kind: 'activity' as const, activity: 'workshop' as const },
      effect: 'allow' as const,
      reason: 'Menuiserie, bonne conduite',
      decidedBy: 'dir',
      until: null,
    },
    {
      subject: { kind: 'activity' as const, activity: 'sport' as const },
      effect: 'restrict' as const,
      reason: 'Rixe du 2 mars',
      decidedBy: 'dir',
      until: '2026-03-15',
    },
    {
      subject: { kind: 'visits' as const, mode: 'open' as const },
      effect: 'allow' as const,
      reason: 'Visites de la famille sans incident',
      decidedBy: 'dir',
      until: null,
    },
    {
      subject: { kind: 'programme' as const, programme: 'desengagement' },
      effect: 'allow' as const,
      reason: 'Orienté par l’évaluateur',
      decidedBy: 'dir',
      until: null,
    },
  ];
  const r = regimeFor(S, 'high', adj, '2026-03-10');
  assert.deepEqual(
    r.activities.find((a) => a.activity === 'workshop'),
    { activity: 'workshop', allowed: true, basis: 'individual', reason: 'Menuiserie, bonne conduite' },
  );
  assert.equal(r.activities.find((a) => a.activity === 'sport')!.allowed, false);
  assert.equal(
    regimeFor(S, 'high', adj, '2026-03-16').activities.find((a) => a.activity === 'sport')!.allowed,
    true,
    'a restriction ends on its date',
  );
  assert.equal(r.visits.mode, 'open');
  assert.deepEqual(r.programmes.allowed, [{ programme: 'desengagement', reason: 'Orienté par l’évaluateur' }]);
  // The function has no parameter for charges or labels: two people at one level get one regime.
  assert.equal(regimeFor.length, 4);
});

test('a person treated as a minor — age uncertain included — keeps education, recreation and open visits whatever the level', () => {
  const adj = [
    {
      subject: { kind: 'activity' as const, activity: 'sport' as const },
      effect: 'restrict' as const,
      reason: 'Rixe',
      decidedBy: 'dir',
      until: null,
    },
    {
      subject: { kind: 'visits' as const, mode: 'screened' as const },
      effect: 'restrict' as const,
      reason: 'Incident au parloir',
      decidedBy: 'dir',
      until: null,
    },
  ];
  const adult = regimeFor(S, 'high', adj, '2026-03-10', { minor: false, assumed: false });
  assert.equal(adult.activities.find((a) => a.activity === 'sport')!.allowed, false);
  assert.equal(adult.visits.mode, 'screened');
  const doubt = regimeFor(S, 'high', adj, '2026-03-10', { minor: true, assumed: true });
  assert.deepEqual(doubt.minor, { treated_as_minor: true, assumed: true });
  assert.deepEqual(
    doubt.activities.find((a) => a.activity === 'sport'),
    { activity: 'sport', allowed: true, basis: 'minor', reason: undefined },
  );
  assert.deepEqual(doubt.visits, { mode: 'open', perWeek: 1, basis: 'minor', reason: undefined });
  // Nothing else changes: the workshop stays as the level says.
  assert.equal(doubt.activities.find((a) => a.activity === 'workshop')!.allowed, false);
});
