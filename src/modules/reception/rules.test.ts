import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingSteps, nextStep, outOfOrderError, skippedBefore, type Step } from './rules.js';

const done = (...s: Step[]) => new Set<Step>(s);

test('the default order: security, administration, registry, medical, interview', () => {
  assert.equal(nextStep(done()), 'security');
  assert.equal(nextStep(done('security', 'administration')), 'registry');
  assert.equal(nextStep(done('security', 'administration', 'registry', 'medical', 'interview')), null);
});

test('a step out of order needs a reason', () => {
  assert.deepEqual(skippedBefore('medical', done()), ['security', 'administration', 'registry']);
  assert.deepEqual(outOfOrderError('medical', done(), ''), ['security', 'administration', 'registry']);
  assert.equal(outOfOrderError('medical', done(), 'Blessé à l’arrivée'), null);
  assert.equal(outOfOrderError('administration', done('security'), null), null);
});

test('completion needs every mandatory step', () => {
  assert.deepEqual(missingSteps(done('security', 'registry')), ['administration', 'medical', 'interview']);
  assert.deepEqual(missingSteps(done('security', 'administration', 'registry', 'medical', 'interview')), []);
});
