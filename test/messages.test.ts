/** Every message key the code refers to exists, in French and in English. */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { hasMessage, t } from '../src/core/i18n.js';
import '../src/http/modules.js'; // loads every module, and so every message table
import '../src/cli/index.js';

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

test('every literal message key used in the code is defined in both languages', async () => {
  // Load every module's message table, wired into the app or not yet.
  for (const file of await sources('src')) if (/(^|[-/])messages\.ts$/.test(file)) await import(path.resolve(file));
  const missing: string[] = [];
  const patterns = [
    /\bkey: '([a-z_]+\.[a-z0-9_.]+)'/g,
    /new AppError\(\d+, '([a-z_]+\.[a-z0-9_.]+)'/g,
    /\bt\((?:[a-z.]+), '([a-z_]+\.[a-z0-9_.]+)'/g,
  ];
  for (const file of await sources('src')) {
    const text = await fs.readFile(file, 'utf8');
    for (const re of patterns)
      for (const m of text.matchAll(re)) {
        const key = m[1];
        if (key.startsWith('schema.')) continue; // validator messages come localised from ajv-i18n
        if (!hasMessage(key) || !t('fr', key).trim() || !t('en', key).trim()) missing.push(`${file}: ${key}`);
      }
  }
  assert.deepEqual(missing, []);
});
