import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { KINSHIP_PARTICLES } from './equivalences.js';
import { canonical, fold } from './normalize.js';
import { compareIdentities, MATCH_THRESHOLD } from './score.js';
import { generatePairs, pairRow } from './synthetic.js';
import { recordsFromRow } from './compare.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

test('every AfricaPEP alternate is an equivalence (or a particle) in equivalences.ts', () => {
  const rows = parse<{ name_token: string; alternates_pipe_separated: string }>(
    fs.readFileSync(path.join(here, 'data/name_variant_alternates_africapep.csv')),
    { columns: true },
  );
  assert.ok(rows.length >= 20);
  for (const r of rows) {
    for (const alt of r.alternates_pipe_separated.split('|')) {
      if (alt.includes(' ')) continue; // multi-word forms (abu bakr) are matched token by token
      const particle = KINSHIP_PARTICLES.includes(fold(alt)) || ['el', 'al', 'ul'].includes(fold(alt));
      assert.ok(particle || canonical(fold(alt)) === canonical(fold(r.name_token)), `${r.name_token} ~ ${alt}`);
    }
  }
});

test('the particles attested in the reference data are known', () => {
  for (const p of ['ag', 'wallet', 'ould', 'walad']) assert.ok(KINSHIP_PARTICLES.includes(p), p);
});

test('the generator is deterministic and the committed evaluation set is its output', () => {
  const a = generatePairs(20261125, 50).map(pairRow);
  const b = generatePairs(20261125, 50).map(pairRow);
  assert.deepEqual(a, b);
  assert.notDeepEqual(generatePairs(1, 50).map(pairRow), a);
  const committed = fs.readFileSync(path.join(root, 'bench/data/matching-pairs.csv'), 'utf8');
  assert.equal(committed, stringify(generatePairs(20261125, 2400).map(pairRow), { header: true }));
});

test('the evaluation set has the documented mix and pmis reaches F1 >= 0.95 on it', () => {
  const rows = parse<Record<string, string>>(fs.readFileSync(path.join(root, 'bench/data/matching-pairs.csv')), {
    columns: true,
  });
  assert.ok(rows.length >= 2000);
  const kinds = new Set(rows.map((r) => r.kind));
  for (const k of ['same_person', 'namesake', 'similar_name', 'sibling', 'same_family_name'])
    assert.ok(kinds.has(k), k);
  let tp = 0,
    fp = 0,
    fn = 0;
  let namesakeSame = 0;
  rows.forEach((row, i) => {
    const [a, b] = recordsFromRow(row, i + 2);
    const c = compareIdentities(a, b);
    const match = c.score >= MATCH_THRESHOLD;
    if (match && row.label === 'same') tp++;
    else if (match) fp++;
    else if (row.label === 'same') fn++;
    if (row.kind === 'namesake' && c.decision === 'same') namesakeSame++;
  });
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  const f1 = (2 * p * r) / (p + r);
  assert.ok(f1 >= 0.95, `F1 ${f1.toFixed(3)} (P ${p.toFixed(3)}, R ${r.toFixed(3)})`);
  // automatic 'same' on a namesake must stay rare
  assert.ok(namesakeSame <= 5, `namesakes decided 'same': ${namesakeSame}`);
});
