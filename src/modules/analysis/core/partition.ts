import { discloseFrequencies, disclosureThreshold } from './disclosure.ts';
import type { Suppression } from './types.ts';
import { assertCount } from './validate.ts';

/**
 * A partition of one group into sibling selections a person can request one by one: the teams of a
 * round (and the people without a team), the answers to one question, or "chose this option" on a
 * multiple-choice question. Every sibling that is shown gives its exact size (and its whole report),
 * so the attacker subtracts: parent − shown siblings = the people left over. This is the disclosure
 * engine's system for one addition, made safe across requests:
 * - the base suppression is the engine's own (the report's table for a question; `base` below);
 * - the people left over (hidden siblings plus `rest`, a group whose size is shown elsewhere, such as
 *   those who skipped the question) number 0 or at least k, because their answers would otherwise be
 *   read as the parent's report minus the siblings' reports;
 * - no hidden sibling follows from the remainder and what its label says (so never one hidden alone): "fewer than k" (primary) is 1..k−1, any other
 *   hidden sibling is 0 or at least k. An attacker who knows these bounds and the remainder must still
 *   find more than one value for each.
 * Pure and deterministic: the same data gives the same decision to every request, whichever sibling
 * is asked for, so requests cannot be played against each other.
 */

export type PartitionPart = { key: string; count: number };
export type PartitionDecision = {
  k: number;
  /** Nothing of the partition may be shown (the parent is too small, or nothing protects the hidden). */
  tooFew: boolean;
  parts: { key: string; count: number | null; suppressed: Suppression }[];
};

/** Which hidden parts an attacker pins down, knowing their bounds and that they add up to `remainder`. */
export function pinnedDown(domains: [number, number][][], remainder: number): boolean[] {
  const reachable = (skip: number): Uint8Array => {
    let reach = new Uint8Array(remainder + 1);
    reach[0] = 1;
    domains.forEach((intervals, i) => {
      if (i === skip) return;
      // Prefix sums make "some s − v reachable for v in [a, b]" one subtraction per sum.
      const prefix = new Int32Array(remainder + 2);
      for (let s = 0; s <= remainder; s++) prefix[s + 1] = (prefix[s] ?? 0) + (reach[s] ?? 0);
      const next = new Uint8Array(remainder + 1);
      for (let s = 0; s <= remainder; s++)
        for (const [a, b] of intervals) {
          const lo = s - Math.min(b, remainder);
          const hi = s - a;
          if (hi < 0) continue;
          if ((prefix[hi + 1] ?? 0) - (prefix[Math.max(lo, 0)] ?? 0) > 0) {
            next[s] = 1;
            break;
          }
        }
      reach = next;
    });
    return reach;
  };
  return domains.map((intervals, i) => {
    const others = reachable(i);
    let values = 0;
    for (const [a, b] of intervals) for (let v = a; v <= Math.min(b, remainder) && values < 2; v++) if (others[remainder - v] === 1) values++;
    return values < 2;
  });
}

/**
 * `base` decides which parts the engine hides on its own (by default the parts as one frequency
 * table); this adds the hiding the rules above need, smallest shown part first.
 */
export function disclosePartition(parts: PartitionPart[], options: { rest?: number; k?: number; base?: Suppression[] | 'too_few' } = {}): PartitionDecision {
  const k = disclosureThreshold(options.k);
  const rest = options.rest ?? 0;
  for (const part of parts) assertCount(part.count, `count of ${part.key}`);
  assertCount(rest, 'rest');
  const total = parts.reduce((s, p) => s + p.count, 0);
  const refused = (): PartitionDecision => ({ k, tooFew: true, parts: parts.map((p) => ({ key: p.key, count: null, suppressed: null })) });
  const base = options.base ?? (total < k ? 'too_few' : discloseFrequencies(parts, total, k).cells.map((c) => c.suppressed));
  if (base === 'too_few' || total + rest < k) return refused();
  const suppressed = parts.map((p, i) => base[i] ?? (p.count >= 1 && p.count < k ? 'primary' : null));
  const hidden = () => parts.flatMap((p, i) => (suppressed[i] !== null ? [p] : []));
  const unsafe = () => {
    const remainder = hidden().reduce((s, p) => s + p.count, 0);
    const left = remainder + rest;
    if (left >= 1 && left < k) return true;
    const domains = parts.flatMap((_, i): [number, number][][] => {
      if (suppressed[i] === null) return [];
      return [
        suppressed[i] === 'primary'
          ? [[1, k - 1]]
          : [
              [0, 0],
              [k, Number.MAX_SAFE_INTEGER],
            ],
      ];
    });
    return domains.length > 0 && pinnedDown(domains, remainder).some(Boolean);
  };
  while (unsafe()) {
    const candidates = parts.map((p, i) => ({ p, i })).filter(({ i }) => suppressed[i] === null);
    if (candidates.length === 0) return refused();
    const positive = candidates.filter(({ p }) => p.count > 0);
    const [chosen] = (positive.length ? positive : candidates).sort((a, b) => a.p.count - b.p.count || a.i - b.i);
    if (!chosen) return refused();
    suppressed[chosen.i] = 'secondary';
  }
  return { k, tooFew: false, parts: parts.map((p, i) => ({ key: p.key, count: suppressed[i] === null ? p.count : null, suppressed: suppressed[i] ?? null })) };
}
