/** Typed message tables: keys and parameters checked by the compiler, families of keys built from enums, completeness. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { t } from './i18n.js';
import { defineMessages } from './messages.js';

const STATUSES = ['open', 'closed'] as const;
type Status = (typeof STATUSES)[number];

const m = defineMessages({
  'test_msgs.title': { fr: 'Réception', en: 'Reception' },
  'test_msgs.count': { fr: '{n} arrivées à {prison}', en: '{n} arrivals at {prison}' },
  'test_msgs.status.open': { fr: 'En cours', en: 'Open' },
  'test_msgs.status.closed': { fr: 'Close', en: 'Closed' },
});

test('t is typed by key and by the placeholders of the text', () => {
  assert.equal(m.t('fr', 'test_msgs.title'), 'Réception');
  assert.equal(m.t('en', 'test_msgs.count', { n: 3, prison: 'Bamako' }), '3 arrivals at Bamako');
  assert.deepEqual(m.both('test_msgs.title'), { fr: 'Réception', en: 'Reception' });
  // @ts-expect-error an unknown key does not compile
  m.t('fr', 'test_msgs.titel');
  // @ts-expect-error a text with placeholders needs its parameters
  m.t('fr', 'test_msgs.count');
  // @ts-expect-error a parameter the text does not have
  m.t('fr', 'test_msgs.count', { n: 1, prison: 'x', other: 2 });
});

test('a family of keys built from an enum: declared, every value checked, usable by value', () => {
  const status = m.family('test_msgs.status.', STATUSES);
  const s: Status = 'closed';
  assert.equal(status('en', s), 'Closed');
  assert.equal(status.key('open'), 'test_msgs.status.open');
  assert.throws(
    () =>
      // @ts-expect-error a value without its key does not compile (and throws at start)
      m.family('test_msgs.status.', ['open', 'pending'] as const),
    /no message for pending/,
  );
  assert.deepEqual(
    m.families().map((f) => f.prefix),
    ['test_msgs.status.'],
  );
});

test('tables register into the shared catalogue; a bad table is refused at start', () => {
  assert.equal(t('en', 'test_msgs.title'), 'Reception');
  assert.throws(() => defineMessages({ 'test_bad.a': { fr: '{n} jours', en: 'days' } }), /placeholders differ/);
  assert.throws(() => defineMessages({ 'test_bad.b': { fr: ' ', en: 'x' } }), /empty/);
});
