/** The complaints pages' form parsers: the API's input from a form body, field errors named in the page's language. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseActionForm, parseComplaintForm, parseNoteForm } from './forms.js';

const ADMISSION = '01890a5d-ac96-774b-bcce-b302099a8057';
const complaint = {
  _csrf: 'x',
  admission_id: ADMISSION,
  kind: 'complaint',
  category: 'health',
  channel: 'in_person',
  addressee: 'director',
  urgent: 'on',
  words: 'On ne me donne pas mes médicaments.',
};

test('new complaint form: the API input, typed; a ticked box is true', () => {
  const r = parseComplaintForm(complaint, 'fr');
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.admission_id, ADMISSION);
  assert.deepEqual(
    [r.value.kind, r.value.category, r.value.channel, r.value.addressee, r.value.urgent, r.value.words],
    ['complaint', 'health', 'in_person', 'director', true, 'On ne me donne pas mes médicaments.'],
  );
});

test('new complaint form: a bad enum value is a field error on that field, in the language of the page', () => {
  const en = parseComplaintForm({ ...complaint, category: 'torture_by_magic', channel: 'pigeon' }, 'en');
  assert.ok(!en.ok);
  assert.deepEqual(
    en.errors.map((e) => [e.name, e.kind]),
    [
      ['category', 'enum'],
      ['channel', 'enum'],
    ],
  );
  assert.match(en.errors[0].message, /^Category: /);
  const fr = parseComplaintForm({ ...complaint, addressee: 'president' }, 'fr');
  assert.ok(!fr.ok);
  assert.deepEqual(
    fr.errors.map((e) => [e.name, e.kind]),
    [['addressee', 'enum']],
  );
  assert.doesNotMatch(fr.errors[0].message, /^Addressee: /, 'French, not English');
});

test('new complaint form: every missing field is named', () => {
  const r = parseComplaintForm({ _csrf: 'x', admission_id: ADMISSION }, 'en');
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.map((e) => e.name).sort(), ['addressee', 'category', 'channel', 'kind', 'words']);
});

test('action form: the action and its answer; an action outside the list, or a bad outcome, is a field error', () => {
  const ok = parseActionForm(
    { _csrf: 'x', action: 'answer', answer: 'Vu par le médecin le 3 mars.', outcome: 'upheld' },
    'fr',
  );
  assert.ok(ok.ok, JSON.stringify(ok));
  assert.deepEqual(
    [ok.value.action, ok.value.answer, ok.value.outcome],
    ['answer', 'Vu par le médecin le 3 mars.', 'upheld'],
  );
  const bad = parseActionForm({ _csrf: 'x', action: 'bury', outcome: 'lost' }, 'en');
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.errors.map((e) => [e.name, e.kind]),
    [
      ['action', 'enum'],
      ['outcome', 'enum'],
    ],
  );
  const missing = parseActionForm({ _csrf: 'x' }, 'en');
  assert.ok(!missing.ok);
  assert.deepEqual(
    missing.errors.map((e) => e.name),
    ['action'],
  );
});

test('note form: a kind outside the list is a field error; the text is required', () => {
  const ok = parseNoteForm({ _csrf: 'x', kind: 'read_to_detainee', text: 'Réponse lue en bambara.' }, 'fr');
  assert.ok(ok.ok, JSON.stringify(ok));
  assert.deepEqual(ok.value, { kind: 'read_to_detainee', text: 'Réponse lue en bambara.' });
  const bad = parseNoteForm({ _csrf: 'x', kind: 'gossip', text: '' }, 'en');
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.errors.map((e) => [e.name, e.kind]),
    [
      ['kind', 'enum'],
      ['text', 'required'],
    ],
  );
});
