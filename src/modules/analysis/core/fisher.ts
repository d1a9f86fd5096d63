import type JStat from 'jstat';
import { lazyRequire } from '../../../core/lazy-require.ts';
import { P_DECIMALS, roundHalfUp, roundingRule } from './rounding.ts';
import type { FisherResult } from './types.ts';
import { assertCount } from './validate.ts';

const jStat = lazyRequire<typeof JStat>('jstat');

function logChoose(n: number, k: number): number {
  return jStat().gammaln(n + 1) - jStat().gammaln(k + 1) - jStat().gammaln(n - k + 1);
}

/** R's tolerance: tables "as extreme" are those no more probable than the observed one, within rounding. */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Fisher's exact test of a 2 × 2 table, two-sided: the probability, with all margins fixed, of a
 * table no more probable than the one observed (the definition R's fisher.test uses).
 */
export function fisherExact(table: number[][]): FisherResult {
  const [first, second] = table;
  if (table.length !== 2 || first?.length !== 2 || second?.length !== 2) throw new RangeError('Fisher’s exact test here needs a 2 × 2 table');
  const [a = 0, b = 0] = first;
  const [c = 0, d = 0] = second;
  for (const value of [a, b, c, d]) assertCount(value, 'count');
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  const lowest = Math.max(0, col1 - row2);
  const highest = Math.min(row1, col1);
  const logProbability = (x: number) => logChoose(row1, x) + logChoose(row2, col1 - x) - logChoose(n, col1);
  const logs = Array.from({ length: highest - lowest + 1 }, (_, i) => logProbability(lowest + i));
  // Scale by the largest term so tables with large counts do not underflow to 0.
  const largest = Math.max(...logs);
  const weights = logs.map((log) => Math.exp(log - largest));
  const observed = weights[a - lowest] ?? 0;
  const all = weights.reduce((sum, w) => sum + w, 0);
  const extreme = weights.filter((w) => w <= observed * RELATIVE_TOLERANCE).reduce((sum, w) => sum + w, 0);
  const pExact = Math.min(1, extreme / all);
  return { test: 'fisher_exact', alternative: 'two_sided', p: roundHalfUp(pExact, P_DECIMALS), pExact, pRounding: roundingRule(P_DECIMALS) };
}
