import { roundHalfUp } from './rounding.ts';
import { wilsonInterval } from './wilson.ts';

/**
 * A subgroup against the whole it is part of (a team, a sector, experience workers among everyone):
 * the difference in proportion, in percentage points, with a 95% interval. The subgroup is part of
 * the whole, so the two are not independent: with f = n(sub) / n(whole),
 *   p(sub) − p(whole) = (1 − f) · (p(sub) − p(rest)),
 * and the interval is Newcombe's hybrid score interval (his method 10, built from two Wilson
 * intervals) for the independent difference sub − rest, scaled by (1 − f). Pure.
 */

export type Proportion = { count: number; n: number };
export type Difference = { difference: number; lower: number; upper: number; differenceExact: number; lowerExact: number; upperExact: number };

/** Newcombe's interval for p1 − p2 of two independent proportions (0–1), null when either n is 0. */
export function newcombeInterval(a: Proportion, b: Proportion, confidence = 0.95): { lower: number; upper: number } | null {
  const wa = wilsonInterval(a.count, a.n, confidence);
  const wb = wilsonInterval(b.count, b.n, confidence);
  if (!wa || !wb) return null;
  const pa = a.count / a.n;
  const pb = b.count / b.n;
  const d = pa - pb;
  return { lower: d - Math.sqrt((pa - wa.lower) ** 2 + (wb.upper - pb) ** 2), upper: d + Math.sqrt((wa.upper - pa) ** 2 + (pb - wb.lower) ** 2) };
}

/** Null when the subgroup is empty or is the whole (nothing to compare with). */
export function subgroupDifference(sub: Proportion, whole: Proportion, decimals = 1): Difference | null {
  const rest = { count: whole.count - sub.count, n: whole.n - sub.n };
  if (sub.n <= 0 || rest.n <= 0 || rest.count < 0 || sub.count > sub.n) return null;
  const interval = newcombeInterval(sub, rest);
  if (!interval) return null;
  const scale = 100 * (1 - sub.n / whole.n);
  const differenceExact = 100 * (sub.count / sub.n - whole.count / whole.n);
  const lowerExact = scale * interval.lower;
  const upperExact = scale * interval.upper;
  // `|| 0` turns a −0 into 0.
  return {
    difference: roundHalfUp(differenceExact, decimals) || 0,
    lower: roundHalfUp(lowerExact, decimals) || 0,
    upper: roundHalfUp(upperExact, decimals) || 0,
    differenceExact,
    lowerExact,
    upperExact,
  };
}
