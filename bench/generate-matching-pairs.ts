/**
 * Writes the labelled evaluation set bench/data/matching-pairs.csv (seeded: the same seed always
 * gives the same file). Format: the `pmis identities compare` columns a_* and b_*, plus id, label
 * (same/different) and kind (how the pair was made). Documented in docs/identity-matching.md.
 *
 *   npx tsx bench/generate-matching-pairs.ts [--seed 20261125] [--pairs 2400] [--out bench/data/matching-pairs.csv]
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { generatePairs, pairRow } from '../src/modules/identity/synthetic.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export const DEFAULT_SEED = 20261125;
export const DEFAULT_PAIRS = 2400;

const seed = Number(arg('seed', String(DEFAULT_SEED)));
const count = Number(arg('pairs', String(DEFAULT_PAIRS)));
const out = arg('out', path.join('bench', 'data', 'matching-pairs.csv'));
const rows = generatePairs(seed, count).map(pairRow);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, stringify(rows, { header: true }));
const same = rows.filter((r) => r.label === 'same').length;
console.error(`${rows.length} pairs (${same} same, ${rows.length - same} different) written to ${out} (seed ${seed}).`);
