import type JStat from 'jstat';
import { lazyRequire } from '../../../core/lazy-require.ts';
import { percentOf, roundHalfUp } from './rounding.ts';
import type { Interval } from './types.ts';
import { assertConfidence } from './validate.ts';

const jStat = lazyRequire<typeof JStat>('jstat');

export const DEFAULT_CONFIDENCE = 0.95;

/** The two-sided standard normal quantile for a confidence level (1.959964 for 95%). */
export function zForConfidence(confidence: number): number {
  assertConfidence(confidence);
  return jStat().normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

/**
 * Wilson score interval for a proportion count / n (0–1), null when n is 0. Unlike the textbook
 * p ± z·SE it never leaves [0, 1] and stays sensible for small n and proportions near 0 or 1.
 */
export function wilsonInterval(count: number, n: number, confidence = DEFAULT_CONFIDENCE): { lower: number; upper: number } | null {
  if (n === 0) return null;
  const z = zForConfidence(confidence);
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n the exact bounds are 0 and 1; floating point would miss them by a hair.
  const lower = count === 0 ? 0 : Math.max(0, centre - half);
  const upper = count === n ? 1 : Math.min(1, centre + half);
  return { lower, upper };
}

/** The Wilson interval in percent, exact and rounded; null when n is 0. */
export function percentInterval(count: number, n: number, decimals: number, confidence = DEFAULT_CONFIDENCE): Interval | null {
  const bounds = wilsonInterval(count, n, confidence);
  if (!bounds) return null;
  const lowerExact = percentOf(bounds.lower, 1);
  const upperExact = percentOf(bounds.upper, 1);
  return {
    method: 'wilson',
    level: confidence,
    lower: roundHalfUp(lowerExact, decimals),
    upper: roundHalfUp(upperExact, decimals),
    lowerExact,
    upperExact,
  };
}
