import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disclosePartition } from './partition.ts';

/**
 * The attacker of a partition: every shown sibling's size, the parent's size, the size of the group
 * nobody can ask for but the report shows (`rest`, e.g. who skipped the question), and what each
 * refusal says ("fewer than k": 1..k−1; otherwise 0 or at least k). Enumerates every way the hidden
 * siblings can fill the remainder; a hidden sibling above 0 with one possible value is disclosed,
 * and so is a left-over group (remainder plus rest) of 1..k−1, whose answers are the parent's report
 * minus the siblings' reports.
 */
function attack(labels: ('fewer' | 'other')[], remainder: number, k: number): Set<number>[] {
  const found = labels.map(() => new Set<number>());
  const chosen: number[] = [];
  const walk = (i: number, left: number) => {
    if (i === labels.length) {
      if (left === 0) for (const [j, v] of chosen.entries()) found[j]?.add(v);
      return;
    }
    for (let v = 0; v <= left; v++) {
      if (labels[i] === 'fewer' ? v < 1 || v >= k : v >= 1 && v < k) continue;
      chosen[i] = v;
      walk(i + 1, left - v);
    }
  };
  walk(0, remainder);
  return found;
}

describe('partitions of a selection against an attacker who subtracts siblings', () => {
  it('no hidden sibling and no left-over group can be worked out', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(14), { minLength: 1, maxLength: 6 }), fc.nat(8), fc.integer({ min: 5, max: 8 }), (counts, rest, k) => {
        const parts = counts.map((count, i) => ({ key: `p${i}`, count }));
        const result = disclosePartition(parts, { k, rest });
        if (result.tooFew) return;
        const hidden = result.parts.flatMap((p, i) =>
          p.count === null ? [{ i, label: p.suppressed === 'primary' ? ('fewer' as const) : ('other' as const) }] : [],
        );
        for (const [i, c] of counts.entries()) if (c >= 1 && c < k) expect(result.parts[i]?.count).toBeNull();
        for (const h of hidden) expect(h.label === 'fewer').toBe((counts[h.i] ?? 0) >= 1 && (counts[h.i] ?? 0) < k);
        const remainder = hidden.reduce((s, h) => s + (counts[h.i] ?? 0), 0);
        expect(remainder + rest === 0 || remainder + rest >= k).toBe(true);
        const values = attack(
          hidden.map((h) => h.label),
          remainder,
          k,
        );
        for (const [j, h] of hidden.entries())
          if ((counts[h.i] ?? 0) > 0) expect({ part: h.i, possible: (values[j]?.size ?? 0) > 1 }).toEqual({ part: h.i, possible: true });
      }),
      {
        numRuns: 500,
        // 20 + 20 + 3 over three links; a 1 hidden with a 7 when only 8 are left (7 is the least a non-small count can be).
        examples: [
          [[20, 20, 3], 0, 5],
          [[30, 1, 7], 0, 7],
          [[9, 9], 2, 5],
        ],
      },
    );
  });
});
