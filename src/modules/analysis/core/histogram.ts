import { assertCount } from './validate.ts';

/**
 * Classes for a histogram of a numeric question ("uren per week"): equal widths of 1, 2 or 5 times a
 * power of ten, chosen so that at most `maxBins` classes cover the values given. A class holds the
 * values from `from` up to, not including, `to`. Pure.
 */

export type HistogramBin = { from: number; to: number; count: number };

const NICE = [1, 2, 5];

// A hair of slack so that 0.3 / 0.1 counts as 3, not 2.9999999999999996.
const floorOf = (x: number) => Math.floor(x + 1e-9);

/** The narrowest nice width whose classes, starting at a multiple of the width, cover min..max in at most maxBins. */
export function binWidth(min: number, max: number, maxBins: number, integer: boolean): number {
  if (max <= min) return 1;
  for (let power = Math.floor(Math.log10((max - min) / maxBins)) - 1; ; power++)
    for (const step of NICE) {
      const width = step * 10 ** power;
      if (integer && width < 1) continue;
      if (floorOf(max / width) - floorOf(min / width) + 1 <= maxBins) return width;
    }
}

export function histogram(values: { value: number; count: number }[], options: { maxBins?: number; integer?: boolean } = {}): HistogramBin[] {
  const present = values.filter((v) => v.count > 0);
  for (const v of present) assertCount(v.count, `count of ${v.value}`);
  if (present.length === 0) return [];
  const min = Math.min(...present.map((v) => v.value));
  const max = Math.max(...present.map((v) => v.value));
  const width = binWidth(min, max, options.maxBins ?? 10, options.integer ?? false);
  const first = floorOf(min / width);
  const bins = floorOf(max / width) - first + 1;
  // Rounding to the width's own decimals keeps 0.1 + 0.2 from becoming a class edge of 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(width)));
  const edge = (i: number) => Number(((first + i) * width).toFixed(decimals));
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({ from: edge(i), to: edge(i + 1), count: 0 }));
  for (const v of present) {
    const index = Math.min(bins - 1, floorOf(v.value / width) - first);
    const bin = out[index];
    if (bin) bin.count += v.count;
  }
  return out;
}
