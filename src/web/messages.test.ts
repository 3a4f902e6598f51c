/** The web kit's own message table: every key its files use exists in French and in English. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { messagesUsedIn, missingMessages } from '../core/messages.js';
import { kit } from './messages.js';

test('every key the web kit uses exists in French and in English', () => {
  const dir = fileURLToPath(new URL('./', import.meta.url));
  const used = messagesUsedIn(dir, kit);
  assert.ok(used.length > 40, `${used.length} keys found`);
  assert.ok(used.some((u) => u.key === 'kit.form.too_long'));
  assert.deepEqual(missingMessages(used), []);
  // The check does fail on a missing key.
  assert.deepEqual(missingMessages([{ key: 'kit.nope', where: 'x.ts' }]), ['x.ts: kit.nope']);
});
