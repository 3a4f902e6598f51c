/** The rules of requests and complaints, without a database. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allowedActions,
  checkAction,
  DEFAULT_SETTINGS,
  deadlineFor,
  formatReference,
  isOverdue,
  mayHandle,
  mayView,
  nextState,
  noticesFor,
  parseReference,
  quarterOf,
  settingsProblems,
  statistics,
  withinReprisalWindow,
} from './rules.js';

const at = (s: string) => new Date(s);
const received = at('2026-03-01T08:00:00Z');

test('deadlines: 7 days for a request, 15 for a complaint, 24 hours for an allegation of ill-treatment; configurable', () => {
  assert.equal(
    deadlineFor(DEFAULT_SETTINGS, { kind: 'request', category: 'food', received_at: received }).toISOString(),
    '2026-03-08T08:00:00.000Z',
  );
  assert.equal(
    deadlineFor(DEFAULT_SETTINGS, { kind: 'complaint', category: 'food', received_at: received }).toISOString(),
    '2026-03-16T08:00:00.000Z',
  );
  assert.equal(
    deadlineFor(DEFAULT_SETTINGS, {
      kind: 'complaint',
      category: 'ill_treatment',
      received_at: received,
    }).toISOString(),
    '2026-03-02T08:00:00.000Z',
  );
  assert.equal(
    deadlineFor(DEFAULT_SETTINGS, { kind: 'request', category: 'ill_treatment', received_at: received }).toISOString(),
    '2026-03-02T08:00:00.000Z',
  );
  const s = { ...DEFAULT_SETTINGS, request_days: 3, category_days: { health: 2 } };
  assert.equal(
    deadlineFor(s, { kind: 'request', category: 'food', received_at: received }).toISOString(),
    '2026-03-04T08:00:00.000Z',
  );
  assert.equal(
    deadlineFor(s, { kind: 'complaint', category: 'health', received_at: received }).toISOString(),
    '2026-03-03T08:00:00.000Z',
  );
});

test('overdue: only while an answer is owed and after the deadline', () => {
  const due = at('2026-03-08T08:00:00Z');
  assert.equal(isOverdue({ state: 'received', due_at: due }, at('2026-03-08T08:00:00Z')), false);
  assert.equal(isOverdue({ state: 'received', due_at: due }, at('2026-03-08T08:00:01Z')), true);
  assert.equal(isOverdue({ state: 'under_investigation', due_at: due }, at('2026-04-01T00:00:00Z')), true);
  assert.equal(isOverdue({ state: 'appealed', due_at: due }, at('2026-04-01T00:00:00Z')), true);
  assert.equal(isOverdue({ state: 'answered', due_at: due }, at('2026-04-01T00:00:00Z')), false);
  assert.equal(isOverdue({ state: 'closed', due_at: due }, at('2026-04-01T00:00:00Z')), false);
});

test('state machine: received → acknowledged → under investigation → answered → accepted / appealed → closed', () => {
  assert.equal(nextState('received', 'acknowledge'), 'acknowledged');
  assert.equal(nextState('acknowledged', 'investigate'), 'under_investigation');
  assert.equal(nextState('under_investigation', 'answer'), 'answered');
  assert.equal(nextState('answered', 'accept'), 'accepted');
  assert.equal(nextState('answered', 'appeal'), 'appealed');
  assert.equal(nextState('appealed', 'answer'), 'answered');
  assert.equal(nextState('accepted', 'close'), 'closed');
  assert.equal(nextState('received', 'answer'), null, 'an answer comes after the acknowledgement');
  assert.equal(nextState('closed', 'acknowledge'), null);
  assert.deepEqual(allowedActions('answered', { appealed: false }), ['accept', 'appeal', 'close']);
  assert.deepEqual(allowedActions('answered', { appealed: true }), ['accept', 'close']);
  assert.deepEqual(checkAction({ state: 'received', appealed: false }, 'answer', { answer: 'x', outcome: 'upheld' }), {
    field: '/action',
    key: 'complaints.transition',
  });
  assert.deepEqual(
    checkAction({ state: 'acknowledged', appealed: false }, 'answer', { answer: ' ', outcome: 'upheld' }),
    { field: '/answer', key: 'complaints.answer_required' },
  );
  assert.deepEqual(
    checkAction({ state: 'acknowledged', appealed: false }, 'answer', { answer: 'Vu', outcome: 'withdrawn' }),
    { field: '/outcome', key: 'complaints.outcome_required' },
  );
  assert.equal(
    checkAction({ state: 'acknowledged', appealed: false }, 'answer', { answer: 'Vu', outcome: 'partly_upheld' }),
    null,
  );
  assert.deepEqual(checkAction({ state: 'answered', appealed: true }, 'appeal'), {
    field: '/action',
    key: 'complaints.appeal_once',
  });
  assert.deepEqual(checkAction({ state: 'appealed', appealed: true }, 'answer', { answer: 'x', outcome: 'upheld' }), {
    field: '/action',
    key: 'complaints.appeal_national',
  });
  assert.equal(
    checkAction({ state: 'appealed', appealed: true }, 'answer', { answer: 'x', outcome: 'upheld', national: true }),
    null,
  );
});

test('reference numbers: per prison and year, parsed back', () => {
  assert.equal(formatReference('bko', 2026, 42), 'PL-BKO-2026-00042');
  assert.deepEqual(parseReference(' pl-bko-2026-00042 '), { prison: 'BKO', year: 2026, seq: 42 });
  assert.equal(parseReference('BKO-2026-42'), null);
});

test('a complaint is never handled by the staff it names', () => {
  assert.equal(mayHandle('u1', ['u1', 'u2']), false);
  assert.equal(mayHandle('u3', ['u1', 'u2']), true);
});

test('reprisal window: 30 days after the complaint, not before it', () => {
  assert.equal(withinReprisalWindow(received, at('2026-03-31T08:00:00Z')), true);
  assert.equal(withinReprisalWindow(received, at('2026-03-31T08:00:01Z')), false);
  assert.equal(withinReprisalWindow(received, at('2026-02-28T08:00:00Z')), false);
});

const reader = (perms: string[], scope: 'national' | string[], userId = 'u9') => ({
  userId,
  permissions: new Set(perms),
  national: scope === 'national',
  prisonIds: scope === 'national' ? [] : scope,
});
const c = (
  over: Partial<{
    prison_id: string;
    confidential: boolean;
    category: 'food' | 'ill_treatment';
    named_staff: string[];
  }> = {},
) => ({ prison_id: 'BKO', confidential: false, category: 'food' as const, named_staff: [], ...over });

test(
  'visibility: a confidential complaint is invisible to the prison staff and director; open to the inspector ' +
    'and national officer',
  () => {
    const director = reader(['complaints.read', 'complaints.handle'], ['BKO']);
    const inspector = reader(['complaints.confidential'], 'national');
    const officer = reader(['complaints.national', 'complaints.read'], 'national');
    const nationalAdmin = reader(['complaints.read'], 'national');
    assert.equal(mayView(director, c()), true);
    assert.equal(mayView(director, c({ prison_id: 'KLK' })), false);
    assert.equal(mayView(director, c({ confidential: true })), false);
    assert.equal(mayView(nationalAdmin, c({ confidential: true })), false);
    assert.equal(mayView(inspector, c({ confidential: true, prison_id: 'KLK' })), true);
    assert.equal(
      mayView(inspector, c()),
      false,
      'the body sees its confidential complaints and allegations, not every request',
    );
    assert.equal(
      mayView(inspector, c({ category: 'ill_treatment' })),
      true,
      'an allegation is always open to the independent body',
    );
    assert.equal(mayView(officer, c({ confidential: true })), true);
    assert.equal(
      mayView(reader(['complaints.read'], ['BKO'], 'guard'), c({ named_staff: ['guard'] })),
      false,
      'the staff named do not see it',
    );
  },
);

test('notices: an allegation reaches the director and the national administration at once; a confidential one not the director', () => {
  assert.deepEqual(noticesFor({ category: 'ill_treatment', confidential: false, addressee: 'director' }), [
    'director',
    'national',
    'inspector',
  ]);
  assert.deepEqual(noticesFor({ category: 'ill_treatment', confidential: true, addressee: 'inspector' }), [
    'national',
    'inspector',
  ]);
  assert.deepEqual(noticesFor({ category: 'food', confidential: false, addressee: 'director' }), []);
});

test('statistics by category, quarter and unit: a spike in one quarter shows', () => {
  const s = statistics([
    { category: 'food', received_at: at('2026-01-10T00:00:00Z'), unit: 'A' },
    { category: 'food', received_at: at('2026-04-10T00:00:00Z'), unit: 'A' },
    { category: 'food', received_at: at('2026-04-11T00:00:00Z'), unit: 'B' },
    { category: 'health', received_at: at('2026-04-12T00:00:00Z'), unit: null },
  ]);
  assert.equal(s.total, 4);
  assert.equal(s.by_category.find((x) => x.key === 'food')!.count, 3);
  assert.equal(s.by_category.find((x) => x.key === 'other')!.count, 0);
  assert.deepEqual(s.by_quarter, [
    { key: '2026-Q1', count: 1 },
    { key: '2026-Q2', count: 3 },
  ]);
  assert.deepEqual(s.by_unit, [
    { key: 'A', count: 2 },
    { key: 'B', count: 1 },
    { key: '—', count: 1 },
  ]);
  assert.equal(quarterOf(at('2026-12-31T23:00:00Z')), '2026-Q4');
});

test('settings: deadlines positive, every category owned', () => {
  assert.deepEqual(settingsProblems(DEFAULT_SETTINGS), []);
  assert.deepEqual(
    settingsProblems({ ...DEFAULT_SETTINGS, request_days: 0 }).map((p) => p.field),
    ['/settings/request_days'],
  );
});
