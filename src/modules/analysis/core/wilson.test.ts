import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentInterval, wilsonInterval, zForConfidence } from './wilson.ts';

describe('wilsonInterval', () => {
  it('uses z = 1.959964 at 95%', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 12);
    expect(zForConfidence(0.9)).toBeCloseTo(1.6448536269514722, 12);
  });

  it('matches the formula worked by hand for 41 of 84', () => {
    // p̂ = 41/84; bounds = (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.959964.
    const z = 1.959963984540054;
    const n = 84;
    const p = 41 / 84;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    const interval = wilsonInterval(41, 84);
    expect(interval?.lower).toBeCloseTo(centre - half, 12);
    expect(interval?.upper).toBeCloseTo(centre + half, 12);
    // The same numbers written out (also R's prop.test(41, 84, correct = FALSE)$conf.int).
    expect(interval?.lower).toBeCloseTo(0.3840835, 6);
    expect(interval?.upper).toBeCloseTo(0.5931482, 6);
  });

  it('gives [0, upper] for 0 and [lower, 1] for n of n, and null without answers', () => {
    expect(wilsonInterval(0, 10)?.lower).toBe(0);
    expect(wilsonInterval(0, 10)?.upper).toBeCloseTo(0.2775328, 6);
    expect(wilsonInterval(10, 10)?.upper).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('in percent, rounded with the table’s decimals', () => {
    expect(percentInterval(41, 84, 1)).toMatchObject({ method: 'wilson', level: 0.95, lower: 38.4, upper: 59.3 });
  });

  it('stays within [0, 1] and contains p̂, and widens with the confidence level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (n, raw) => {
        const count = raw % (n + 1);
        const interval = wilsonInterval(count, n);
        const wider = wilsonInterval(count, n, 0.99);
        if (!interval || !wider) throw new Error('n > 0 always gives an interval');
        expect(interval.lower).toBeGreaterThanOrEqual(0);
        expect(interval.upper).toBeLessThanOrEqual(1);
        expect(interval.lower).toBeLessThanOrEqual(count / n);
        expect(interval.upper).toBeGreaterThanOrEqual(count / n);
        expect(wider.lower).toBeLessThanOrEqual(interval.lower);
        expect(wider.upper).toBeGreaterThanOrEqual(interval.upper);
      }),
    );
  });
});
