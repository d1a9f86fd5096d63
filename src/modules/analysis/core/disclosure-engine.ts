import { type Addition, determinedHidden } from './disclosure-audit.ts';
import type { Suppression } from './types.ts';

export type { Addition } from './disclosure-audit.ts';

/**
 * A count in a published table. `cell`s are preferred for secondary suppression, `margin`s
 * (row and column totals) only when no cell is left, and the `grand` total is never hidden.
 */
export type LinkedCount = { value: number; role: 'cell' | 'margin' | 'grand' };

/** Order of preference for secondary suppression: small positive cells, then zero cells, then margins. */
function preference(count: LinkedCount): number {
  if (count.role === 'cell') return count.value > 0 ? count.value : Number.MAX_SAFE_INTEGER / 4;
  return Number.MAX_SAFE_INTEGER / 2 + count.value;
}

const membersOf = (addition: Addition) => [...addition.parts, addition.total];

/**
 * Primary suppression of counts 1..k−1 (a 0 stays visible); then secondary suppression until no
 * addition has exactly one hidden member (it would equal its total minus the others), and until no
 * hidden count above 0 follows from the shown ones through several additions together (checked by
 * solving the system, as an attacker would). The grand total is never hidden here: a table whose
 * total is below k is the caller's to withhold, and so is one where `failed` says only hiding the
 * grand total would protect it.
 */
export function suppressLinked(counts: LinkedCount[], additions: Addition[], k: number): { suppressed: Suppression[]; failed: boolean } {
  const suppressed: Suppression[] = counts.map((c) => (c.role !== 'grand' && c.value >= 1 && c.value < k ? 'primary' : null));
  // A 0 in an addition whose total is 0 is known to be 0 whatever we hide, so hiding it protects nothing.
  const knownZero = counts.map((c, i) => c.value === 0 && additions.some((a) => membersOf(a).includes(i) && membersOf(a).every((m) => counts[m]?.value === 0)));
  const candidatesIn = (members: number[]) => members.filter((i) => suppressed[i] === null && counts[i]?.role !== 'grand' && !knownZero[i]);
  const best = (candidates: number[]) =>
    candidates.reduce((chosen, i) => {
      const [a, b] = [counts[i], counts[chosen]];
      return a && b && preference(a) < preference(b) ? i : chosen;
    });
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const addition of additions) {
        const members = membersOf(addition);
        if (members.filter((i) => suppressed[i] !== null).length !== 1) continue;
        const candidates = candidatesIn(members);
        if (candidates.length === 0) return { suppressed, failed: true };
        suppressed[best(candidates)] = 'secondary';
        changed = true;
      }
    }
    const exposed = determinedHidden(
      suppressed.map((s) => s !== null),
      additions,
    ).filter((i) => (counts[i]?.value ?? 0) > 0);
    const [first] = exposed;
    if (first === undefined) return { suppressed, failed: false };
    const candidates = candidatesIn(additions.filter((a) => membersOf(a).includes(first)).flatMap(membersOf));
    if (candidates.length === 0) return { suppressed, failed: true };
    suppressed[best(candidates)] = 'secondary';
  }
}
