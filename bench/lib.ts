/** What every bench shares: its command-line numbers, percentiles, rounding and timing. */

const argv = process.argv.slice(2);

/** The number after `--name` on the command line, or `def`. */
export function arg(name: string, def: number): number {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : def;
}

/** The p-th percentile (nearest rank) of the samples; NaN when there are none. */
export function pct(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Two decimals. */
export const round = (x: number): number => Math.round(x * 100) / 100;

/** How long `f` took, in milliseconds, with its result. */
export async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const s = performance.now();
  const r = await f();
  return [performance.now() - s, r];
}
