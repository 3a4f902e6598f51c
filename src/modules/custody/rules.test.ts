import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveLegalStatus, formatCommittalNumber, isUntried, parseCommittalNumber } from './rules.js';

test('committal numbers: prison, year, six digits', () => {
  assert.equal(formatCommittalNumber('BKO', 2026, 123), 'BKO-2026-000123');
  assert.deepEqual(parseCommittalNumber('bko-2026-000123'), { prisonCode: 'BKO', year: 2026, seq: 123 });
  assert.equal(parseCommittalNumber('BKO-26-1'), null);
});

test('legal status follows the latest document', () => {
  assert.equal(deriveLegalStatus([{ kind: 'committal_order', issuedOn: '2026-01-02' }]), 'under_investigation');
  assert.equal(
    deriveLegalStatus([
      { kind: 'committal_order', issuedOn: '2026-01-02' },
      { kind: 'committal_for_trial', issuedOn: '2026-05-02' },
    ]),
    'awaiting_trial',
  );
  assert.equal(
    deriveLegalStatus([
      { kind: 'conviction', issuedOn: '2026-07-01' },
      { kind: 'committal_order', issuedOn: '2026-01-02' },
    ]),
    'convicted',
  );
  assert.equal(
    deriveLegalStatus([
      { kind: 'conviction', issuedOn: '2026-07-01' },
      { kind: 'appeal', issuedOn: '2026-07-05' },
    ]),
    'appealing',
  );
  assert.equal(deriveLegalStatus([]), 'under_investigation');
});

test('untried statuses', () => {
  assert.equal(isUntried('awaiting_trial'), true);
  assert.equal(isUntried('convicted'), false);
});
