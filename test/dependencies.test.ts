/**
 * Every installed package supports the Node versions pmis says it runs on (package.json `engines`,
 * README): a fresh `npm ci` gives no EBADENGINE warning. Read from package-lock.json, which records
 * each package's own `engines`, so a dependency added later is checked too.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import semver from 'semver';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

test('pmis runs on Node 20 LTS and 22 LTS, and so does every package it installs', () => {
  const supported = ['20.19.0', '22.13.0'];
  for (const v of supported)
    assert.ok(semver.satisfies(v, pkg.engines.node), `${v} is within engines ${pkg.engines.node}`);
  assert.ok(semver.satisfies(process.version, pkg.engines.node), `this Node (${process.version}) is a supported one`);
  const refused: string[] = [];
  for (const [where, p] of Object.entries(lock.packages)) {
    const range = !Array.isArray(p.engines) ? p.engines?.node : undefined;
    if (!where || !range) continue;
    for (const v of supported)
      if (!semver.satisfies(v, range))
        refused.push(`${where.replace(/^.*node_modules\//, '')}@${p.version} needs node ${range}, not ${v}`);
  }
  assert.deepEqual(refused, []);
});
