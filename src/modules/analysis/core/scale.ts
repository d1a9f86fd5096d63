import { DEFAULT_DECIMALS, percentOf, roundHalfUp, roundingRule, roundOrNull } from './rounding.ts';
import type { AnalysisOptions, ScaleCounts, ScaleResult, ScaleStats } from './types.ts';
import { assertAtMost, assertCount } from './validate.ts';

type ValueCount = { value: number; count: number };

function checkScaleCounts(input: ScaleCounts): void {
  const what = input.item ? `${input.question}/${input.item}` : input.question;
  const seen = new Set<number>();
  for (const { value, count } of input.values) {
    if (!Number.isFinite(value)) throw new RangeError(`${what}: scale value ${value} is not a number`);
    if (seen.has(value)) throw new RangeError(`${what}: scale value ${value} appears twice`);
    seen.add(value);
    assertCount(count, `${what}: count of ${value}`);
  }
  assertCount(input.noOpinion, `${what}: no opinion`);
  assertCount(input.eligible, `${what}: eligible`);
  const valid = input.values.reduce((total, v) => total + v.count, 0);
  assertAtMost(valid + input.noOpinion, input.eligible, `${what}: answers`, 'eligible');
}

/** The value at 0-based rank `rank` of the data the counts stand for (values sorted ascending). */
function valueAtRank(sorted: ValueCount[], rank: number): number {
  let seen = 0;
  for (const entry of sorted) {
    seen += entry.count;
    if (rank < seen) return entry.value;
  }
  throw new RangeError(`rank ${rank} is beyond the data`);
}

/** Quantile by linear interpolation between ranks (R type 7, Excel QUARTILE.INC), straight from the counts. */
export function quantileFromCounts(sorted: ValueCount[], n: number, p: number): number {
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const low = valueAtRank(sorted, below);
  const fraction = h - below;
  return fraction === 0 ? low : low + fraction * (valueAtRank(sorted, below + 1) - low);
}

/** Mean, sample SD (n − 1; null below 2 values), min, quartiles and max; null when there are no values. */
export function statsFromCounts(values: ValueCount[]): ScaleStats | null {
  const sorted = values.filter((v) => v.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((total, v) => total + v.count, 0);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (n === 0 || !first || !last) return null;
  const mean = sorted.reduce((total, v) => total + v.value * v.count, 0) / n;
  const squares = sorted.reduce((total, v) => total + v.count * (v.value - mean) ** 2, 0);
  return {
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
    min: first.value,
    q1: quantileFromCounts(sorted, n, 0.25),
    median: quantileFromCounts(sorted, n, 0.5),
    q3: quantileFromCounts(sorted, n, 0.75),
    max: last.value,
  };
}

function roundStats(stats: ScaleStats, decimals: number): ScaleStats {
  return {
    mean: roundHalfUp(stats.mean, decimals),
    sd: roundOrNull(stats.sd, decimals),
    min: roundHalfUp(stats.min, decimals),
    q1: roundHalfUp(stats.q1, decimals),
    median: roundHalfUp(stats.median, decimals),
    q3: roundHalfUp(stats.q3, decimals),
    max: roundHalfUp(stats.max, decimals),
  };
}

/** Distribution and descriptives of a scale item; "no opinion" is counted apart and kept out of the statistics. */
export function analyseScale(input: ScaleCounts, options: AnalysisOptions = {}): ScaleResult {
  checkScaleCounts(input);
  const decimals = options.decimals ?? DEFAULT_DECIMALS;
  const validN = input.values.reduce((total, v) => total + v.count, 0);
  const statsExact = statsFromCounts(input.values);
  const distribution = [...input.values]
    .sort((a, b) => a.value - b.value)
    .map(({ value, count }) => {
      const percentExact = validN > 0 ? percentOf(count, validN) : null;
      return { value, count, percent: roundOrNull(percentExact, decimals), percentExact };
    });
  return {
    question: input.question,
    item: input.item ?? null,
    eligible: input.eligible,
    validN,
    noOpinion: input.noOpinion,
    missing: input.eligible - validN - input.noOpinion,
    distribution,
    stats: statsExact ? roundStats(statsExact, decimals) : null,
    statsExact,
    quantileMethod: 'linear_type7',
    rounding: roundingRule(decimals),
  };
}
