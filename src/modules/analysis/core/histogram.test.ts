import { describe, expect, it } from 'vitest';
import { binWidth, histogram } from './histogram.ts';

describe('histogram classes for a numeric question', () => {
  it('hours per week from 2 to 38 in classes of 5 (at most 10 classes)', () => {
    const values = [2, 4, 8, 12, 16, 16, 20, 24, 32, 38].map((value) => ({ value, count: 1 }));
    expect(histogram(values, { integer: true })).toEqual([
      { from: 0, to: 5, count: 2 },
      { from: 5, to: 10, count: 1 },
      { from: 10, to: 15, count: 1 },
      { from: 15, to: 20, count: 2 },
      { from: 20, to: 25, count: 2 },
      { from: 25, to: 30, count: 0 },
      { from: 30, to: 35, count: 1 },
      { from: 35, to: 40, count: 1 },
    ]);
  });

  it('a class includes its lower edge and not its upper edge; weights are counts', () => {
    expect(
      histogram(
        [
          { value: 10, count: 3 },
          { value: 20, count: 2 },
        ],
        { integer: true, maxBins: 3 },
      ),
    ).toEqual([
      { from: 10, to: 15, count: 3 },
      { from: 15, to: 20, count: 0 },
      { from: 20, to: 25, count: 2 },
    ]);
  });

  it('widths of 1, 2 or 5 times a power of ten; whole numbers never get classes below 1', () => {
    expect(binWidth(0, 80, 10, true)).toBe(10);
    expect(binWidth(0, 3, 10, true)).toBe(1);
    expect(binWidth(0, 0.9, 10, false)).toBe(0.1);
    // Classes of 0.05 would need four (0.15 to 0.35); classes of 0.1 need three.
    expect(
      histogram(
        [
          { value: 0.15, count: 1 },
          { value: 0.3, count: 1 },
        ],
        { maxBins: 3 },
      ),
    ).toEqual([
      { from: 0.1, to: 0.2, count: 1 },
      { from: 0.2, to: 0.3, count: 0 },
      { from: 0.3, to: 0.4, count: 1 },
    ]);
    expect(histogram([])).toEqual([]);
    expect(histogram([{ value: 7, count: 4 }], { integer: true })).toEqual([{ from: 7, to: 8, count: 4 }]);
  });
});
