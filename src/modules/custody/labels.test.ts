import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasFelony, legalStatusLabel, legalStatusNoun, statusWord } from './labels.js';
import { LEGAL_STATUSES } from './rules.js';
import { NEVER_FOR_UNTRIED } from './person-label.js';

test('everyone awaiting trial is "prévenu(e)"; committed for trial for a felony, "accusé(e)"', () => {
  assert.equal(legalStatusLabel('fr', { status: 'awaiting_trial' }), 'Prévenu(e), en attente de jugement');
  assert.equal(legalStatusLabel('fr', { status: 'awaiting_trial', sex: 'female' }), 'Prévenue, en attente de jugement');
  assert.equal(legalStatusLabel('fr', { status: 'awaiting_trial', sex: 'male' }), 'Prévenu, en attente de jugement');
  assert.equal(
    legalStatusLabel('fr', { status: 'awaiting_trial', sex: 'male', felony: true }),
    "Accusé, en attente de jugement (cour d'assises)",
  );
  assert.equal(
    legalStatusLabel('fr', { status: 'awaiting_trial', sex: 'female', felony: true }),
    "Accusée, en attente de jugement (cour d'assises)",
  );
  assert.equal(
    legalStatusLabel('fr', { status: 'awaiting_trial', felony: true }),
    "Accusé(e), en attente de jugement (cour d'assises)",
  );
  assert.equal(
    legalStatusLabel('en', { status: 'awaiting_trial', felony: true }),
    'Untried, committed for trial at the assize court',
  );
  assert.equal(legalStatusLabel('en', { status: 'awaiting_trial', sex: 'female' }), 'Untried, awaiting trial');
  assert.equal(legalStatusNoun('fr', { status: 'awaiting_trial', sex: 'female', felony: true }), 'accusée');
  // A felony charge under investigation is still "inculpé(e)" (the glossary's word for that stage).
  assert.equal(
    legalStatusLabel('fr', { status: 'under_investigation', sex: 'female', felony: true }),
    'Inculpée, en instruction',
  );
  assert.equal(statusWord({ status: 'convicted', felony: true }), 'convicted');
  assert.equal(legalStatusLabel('fr', { status: 'appealing', sex: 'female' }), 'Condamnée, en appel');
});

test('a felony is a charge of category felony (custody) or felony/terrorism (justice)', () => {
  assert.equal(hasFelony([{ category: 'misdemeanour' }, { category: 'felony' }]), true);
  assert.equal(hasFelony([{ category: 'terrorism' }]), true);
  assert.equal(hasFelony([{ category: 'misdemeanour' }, { category: null }]), false);
  assert.equal(hasFelony([]), false);
});

test('no status word, in either language, calls an untried person a terrorist or extremist', () => {
  for (const lang of ['fr', 'en'] as const)
    for (const status of LEGAL_STATUSES)
      for (const sex of ['male', 'female', null])
        for (const felony of [true, false]) {
          const words = `${legalStatusLabel(lang, { status, sex, felony })} ${legalStatusNoun(lang, { status, sex, felony })}`;
          assert.ok(!NEVER_FOR_UNTRIED.some((re) => re.test(words)), words);
          assert.doesNotMatch(words, /custody\./, 'no raw key');
        }
});
