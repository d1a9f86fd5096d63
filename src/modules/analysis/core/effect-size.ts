import { roundHalfUp, STATISTIC_DECIMALS } from './rounding.ts';
import type { Effect } from './types.ts';

/** Cramér's V = √(χ² / (n · (min(rows, cols) − 1))); for a 2 × 2 table this is |φ|. Null when undefined. */
export function cramersV(chiSquare: number, n: number, rows: number, cols: number): number | null {
  const smaller = Math.min(rows, cols) - 1;
  if (n === 0 || smaller < 1) return null;
  // Rounding error can push χ² / (n·k) a hair above 1 for a perfect association.
  return Math.min(1, Math.sqrt(chiSquare / (n * smaller)));
}

export type GroupSummary = { n: number; mean: number; sd: number | null };

/**
 * Cohen's d = (mean a − mean b) / pooled SD, with the pooled SD weighted by n − 1. Null when a
 * group has no values, both have one value, or the pooled SD is 0 (everyone gave the same answer).
 */
export function cohensD(a: GroupSummary, b: GroupSummary): number | null {
  const df = a.n + b.n - 2;
  if (a.n === 0 || b.n === 0 || df < 1) return null;
  const pooledVariance = ((a.n - 1) * (a.sd ?? 0) ** 2 + (b.n - 1) * (b.sd ?? 0) ** 2) / df;
  if (pooledVariance === 0) return null;
  return (a.mean - b.mean) / Math.sqrt(pooledVariance);
}

export function toEffect(measure: Effect['measure'], exact: number | null): Effect | null {
  return exact === null ? null : { measure, value: roundHalfUp(exact, STATISTIC_DECIMALS), exact };
}
