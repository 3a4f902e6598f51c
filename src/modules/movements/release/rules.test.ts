import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  certificateNumber,
  checkProblems,
  completionProblems,
  confirmProblem,
  dueKind,
  instantProblem,
  inventoryLines,
  missingEscapeAlerts,
  missingNotices,
  needsOrder,
  reasonFromJustice,
  recaptureProblems,
  sortDue,
} from './rules.js';

const ok = { identity_verified: true, photo_shown: true, fingerprints_taken: false };
const keys = (e: { field: string; key: string }[]) => e.map((x) => `${x.field} ${x.key}`);

test('an order is needed unless the justice module gives the basis (end of sentence, detention expired)', () => {
  assert.equal(needsOrder('release_order'), true);
  assert.equal(needsOrder('acquittal'), true);
  assert.equal(needsOrder('pardon'), true);
  assert.equal(needsOrder('end_of_sentence'), false);
  assert.equal(needsOrder('detention_expired'), false);
});

test('the check names each missing part of the order, and a date after today', () => {
  assert.deepEqual(keys(checkProblems({ reason: 'release_order', ...ok }, '2026-12-02')), [
    '/order_jurisdiction_id movements.release.authority_required',
    '/order_reference movements.release.reference_required',
    '/order_date movements.release.order_date_required',
  ]);
  const full = {
    reason: 'release_order' as const,
    order_jurisdiction_id: '018f0000-0000-7000-8000-000000000001',
    order_reference: 'OML-2026-77',
    order_date: '2026-12-02',
    ...ok,
  };
  assert.deepEqual(checkProblems(full, '2026-12-02'), []);
  assert.deepEqual(keys(checkProblems({ ...full, order_date: '2026-12-03' }, '2026-12-02')), [
    '/order_date field.date_in_future',
  ]);
  assert.deepEqual(keys(checkProblems({ ...full, order_reference: '   ' }, '2026-12-02')), [
    '/order_reference movements.release.reference_required',
  ]);
});

test('without an order the justice basis is required; the identity must be verified; death is an incident', () => {
  assert.deepEqual(keys(checkProblems({ reason: 'end_of_sentence', ...ok }, '2026-12-02')), [
    '/justice_basis movements.release.basis_required',
  ]);
  assert.deepEqual(
    checkProblems({ reason: 'end_of_sentence', justice_basis: 'Fin de peine', ...ok }, '2026-12-02'),
    [],
  );
  assert.deepEqual(
    keys(
      checkProblems({ reason: 'detention_expired', justice_basis: 'x', ...ok, identity_verified: false }, '2026-12-02'),
    ),
    ['/identity_verified movements.release.identity_required'],
  );
  assert.deepEqual(keys(checkProblems({ reason: 'death', ...ok }, '2026-12-02')), [
    '/reason movements.release.death_is_incident',
  ]);
  assert.ok(
    keys(
      checkProblems(
        {
          reason: 'transfer_to_authority',
          order_jurisdiction_id: 'x',
          order_reference: 'r',
          order_date: '2026-01-01',
          ...ok,
        },
        '2026-12-02',
      ),
    ).includes('/transfer_authority movements.release.transfer_authority_required'),
  );
});

test('a second officer confirms, never the checker, and only a checked release', () => {
  assert.equal(confirmProblem({ state: 'checked', checked_by: 'u1' }, 'u1')?.key, 'movements.release.same_officer');
  assert.equal(confirmProblem({ state: 'checked', checked_by: 'u1' }, 'u2'), null);
  assert.equal(
    confirmProblem({ state: 'confirmed', checked_by: 'u1' }, 'u2')?.key,
    'movements.release.not_awaiting_confirmation',
  );
});

test('the person leaves only after check and confirmation, and signs for the belongings', () => {
  const signed = { all_returned: true, signed_by_person: true };
  assert.deepEqual(keys(completionProblems({ state: 'checked', confirmed_by: null }, signed)), [
    '/state movements.release.not_confirmed',
  ]);
  assert.deepEqual(completionProblems({ state: 'confirmed', confirmed_by: 'u2' }, signed), []);
  assert.deepEqual(
    keys(
      completionProblems({ state: 'confirmed', confirmed_by: 'u2' }, { all_returned: false, signed_by_person: false }),
    ),
    [
      '/signed_by_person movements.release.signature_required',
      '/returned_notes movements.release.returned_notes_required',
    ],
  );
  assert.deepEqual(
    completionProblems(
      { state: 'confirmed', confirmed_by: 'u2' },
      { all_returned: false, returned_notes: 'montre perdue', signed_by_person: true },
    ),
    [],
  );
  assert.deepEqual(keys(completionProblems({ state: 'released', confirmed_by: 'u2' }, signed)), [
    '/state movements.release.already_released',
  ]);
});

test('the registry inventory becomes lines to hand back', () => {
  assert.deepEqual(
    inventoryLines({
      items: [
        { item: 'Montre', quantity: 1, description: 'Casio' },
        { item: 'Chemise', quantity: 2 },
      ],
      money: [{ amount: 12500, currency: 'XOF' }],
      id_documents: [{ kind: 'Carte NINA', number: '123' }],
      phones: [{ description: 'Itel', imei: '3569' }],
    }),
    [
      { kind: 'item', text: '1 × Montre — Casio' },
      { kind: 'item', text: '2 × Chemise' },
      { kind: 'money', text: '12500 XOF' },
      { kind: 'id_document', text: 'Carte NINA 123' },
      { kind: 'phone', text: 'Itel 3569' },
    ],
  );
  assert.deepEqual(inventoryLines(null), []);
  assert.deepEqual(inventoryLines({ items: 'nonsense' }), []);
});

test('the justice status gives the release reason', () => {
  assert.equal(reasonFromJustice('acquitted'), 'acquittal');
  assert.equal(reasonFromJustice('released'), 'release_order');
  assert.equal(reasonFromJustice('pardoned'), 'pardon');
  assert.equal(reasonFromJustice('convicted'), 'end_of_sentence');
  assert.equal(reasonFromJustice(null), null);
});

test('the release-due list takes the justice alerts: due, expired, none, tomorrow, this week — nothing else', () => {
  assert.equal(dueKind({ kind: 'release_due', days: 0, date: '2026-12-02' }), 'release_due');
  assert.equal(dueKind({ kind: 'expired', days: 4, date: '2026-11-28' }), 'expired_title');
  assert.equal(dueKind({ kind: 'no_title', days: 0, date: null }), 'no_title');
  assert.equal(dueKind({ kind: 'release_soon', days: 1, date: '2026-12-03' }), 'ends_tomorrow');
  assert.equal(dueKind({ kind: 'release_soon', days: 6, date: '2026-12-08' }), 'ends_this_week');
  assert.equal(dueKind({ kind: 'release_soon', days: 20, date: '2026-12-22' }), null);
  assert.equal(dueKind({ kind: 'expiring', days: 3, date: '2026-12-05' }), null);
  assert.equal(dueKind({ kind: 'no_hearing', days: 200, date: null }), null);
  const sorted = sortDue([
    { due: 'ends_this_week' as const, days: 5, date: '2026-12-07' },
    { due: 'release_due' as const, days: 1, date: '2026-12-01' },
    { due: 'ends_tomorrow' as const, days: 1, date: '2026-12-03' },
    { due: 'expired_title' as const, days: 3, date: '2026-11-29' },
    { due: 'release_due' as const, days: 9, date: '2026-11-23' },
  ]);
  assert.deepEqual(
    sorted.map((x) => `${x.due}:${x.days}`),
    ['expired_title:3', 'release_due:9', 'release_due:1', 'ends_tomorrow:1', 'ends_this_week:5'],
  );
});

test('notifications: the family always; the designated authorities for a terrorism-related charge', () => {
  assert.deepEqual(missingNotices(false, ['Pôle judiciaire spécialisé'], []), [
    { audience: 'family', recipient: null },
  ]);
  assert.deepEqual(
    missingNotices(true, ['Pôle judiciaire spécialisé', 'ANSE'], [{ audience: 'authority', recipient: ' anse ' }]),
    [
      { audience: 'family', recipient: null },
      { audience: 'authority', recipient: 'Pôle judiciaire spécialisé' },
    ],
  );
  assert.deepEqual(
    missingNotices(
      true,
      ['ANSE'],
      [
        { audience: 'family', recipient: 'Awa Traoré (sœur)' },
        { audience: 'authority', recipient: 'ANSE' },
      ],
    ),
    [],
  );
  assert.deepEqual(missingEscapeAlerts([{ audience: 'police' }]), ['gendarmerie']);
  assert.deepEqual(missingEscapeAlerts([]), ['police', 'gendarmerie']);
});

test('a recapture follows an escape, once, after it', () => {
  const esc = { kind: 'escape' as const, occurred_at: '2026-11-30T22:00:00.000Z', recaptured_at: null };
  assert.deepEqual(recaptureProblems(esc, '2026-12-01T08:00:00Z'), []);
  assert.equal(recaptureProblems(esc, '2026-11-30T21:00:00Z')[0].key, 'movements.incident.recapture_before_escape');
  assert.equal(
    recaptureProblems({ ...esc, recaptured_at: '2026-12-01T08:00:00Z' }, '2026-12-02T08:00:00Z')[0].key,
    'movements.incident.already_recaptured',
  );
  assert.equal(
    recaptureProblems({ ...esc, kind: 'death' }, '2026-12-01T08:00:00Z')[0].key,
    'movements.incident.not_escape',
  );
});

test('instants are real and not in the future; certificate numbers', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  assert.equal(instantProblem('2026-12-02T10:04:00Z', '/x', now), null);
  assert.equal(instantProblem('2026-12-02T11:00:00Z', '/x', now)?.key, 'field.date_in_future');
  assert.equal(instantProblem('nonsense', '/x', now)?.key, 'field.invalid_date');
  assert.equal(certificateNumber('BKO', 2026, 7), 'LIB-BKO-2026-0007');
});
