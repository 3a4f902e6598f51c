/**
 * Blocking keys for candidate search in the database. PURE.
 *
 * A person is found by a query when they share at least one key. Keys are built from the tokens
 * of the whole name (given names + family name, particles dropped — normalize.ts):
 *  - "c:<x> <y>" for every unordered pair of canonical spellings (order-free: swapped names match),
 *  - "p:<x> <y>" for every unordered pair of phonetic keys (catches spellings the rules miss),
 *  - "c1:<x>" / "p1:<x>" when the name has a single usable token.
 * Initials (one letter) are not used: they would match too many people. At most the first five
 * tokens are used (5 tokens → 10 pairs).
 */
import { nameKeys } from './normalize.js';

const MAX_TOKENS = 5;

export function blockingKeys(familyName: string | null | undefined, givenNames: string | null | undefined): string[] {
  const k = nameKeys(`${givenNames ?? ''} ${familyName ?? ''}`);
  const keep = k.tokens
    .map((t, i) => i)
    .filter((i) => k.tokens[i].length > 1)
    .slice(0, MAX_TOKENS);
  const out = new Set<string>();
  const pairs = (kind: string, values: string[]) => {
    const v = [...new Set(values.filter(Boolean))].sort();
    if (v.length === 1) out.add(`${kind}1:${v[0]}`);
    for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) out.add(`${kind}:${v[i]} ${v[j]}`);
  };
  pairs(
    'c',
    keep.map((i) => k.spelled[i]),
  );
  pairs(
    'p',
    keep.map((i) => k.phonetic[i]),
  );
  return [...out];
}

/** Key of the father's name used to order the shortlist: canonical spelling of its first token. */
export function fatherKey(fatherName: string | null | undefined): string | null {
  const k = nameKeys(fatherName);
  return k.spelled[0] ?? null;
}
