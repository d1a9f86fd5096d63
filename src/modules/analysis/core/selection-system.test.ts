import { describe, expect, it } from 'vitest';
import { type Dimension, decideSelections, type Respondent } from './selection-system.ts';

/** Respondents from counts per (team, answer): `[team, answer, count]`, answer −1 for "skipped". */
const people = (cells: [number, number, number][]): Respondent[] =>
  cells.flatMap(([team, answer, count]) => Array.from({ length: count }, () => [team, answer]));

const teams: Dimension = { kind: 'team', values: ['A', 'B', '_none'] };
const sector: Dimension = { kind: 'single', values: ['x', 'y', 'z'] };

/**
 * Every line of the two-way table (a team split by sector, a sector split by team) as the attacker
 * sees it: the parent's size, the siblings shown, and the refusals. A refused sibling above 0 with
 * only one value that fits is disclosed.
 */
function disclosed(respondents: Respondent[], k: number): string[] {
  const verdict = decideSelections([teams, sector], respondents, k);
  const count = (t: number | null, s: number | null) => respondents.filter((r) => (t === null || r[0] === t) && (s === null || r[1] === s)).length;
  const found: string[] = [];
  for (const along of [0, 1] as const) {
    const fixedValues = along === 0 ? sector.values : teams.values;
    for (const [fixed] of [...fixedValues.entries(), [null] as [null]]) {
      const parent = verdict(along === 0 ? [null, fixed] : [fixed, null]);
      if (!parent.allowed) continue;
      const siblings = (along === 0 ? teams.values : sector.values).map((_, v) => {
        const at: [number | null, number | null] = along === 0 ? [v, fixed] : [fixed, v];
        return { at, truth: count(...at), seen: verdict(at) };
      });
      const skipped = along === 1 ? count(fixed, null) - siblings.reduce((s, x) => s + x.truth, 0) : 0;
      const hidden = siblings.filter((s) => !s.seen.allowed);
      const remainder = parent.n - skipped - siblings.reduce((s, x) => s + (x.seen.allowed ? x.seen.n : 0), 0);
      const fits = (s: (typeof hidden)[number], v: number) => (!s.seen.allowed && s.seen.reason === 'too_few' ? v >= 1 && v < k : v === 0 || v >= k);
      for (const [i, h] of hidden.entries()) {
        const others = hidden.filter((_, j) => j !== i);
        const possible = Array.from({ length: remainder + 1 }, (_, v) => v).filter((v) => {
          if (!fits(h, v)) return false;
          // The others can make up the rest (each 0..remainder within its label).
          let reach = new Set([0]);
          for (const o of others) {
            const next = new Set<number>();
            for (const sum of reach) for (let w = 0; sum + w <= remainder; w++) if (fits(o, w)) next.add(sum + w);
            reach = next;
          }
          return reach.has(remainder - v);
        });
        if (possible.length === 1 && h.truth > 0) found.push(`${h.at.join(',')} = ${possible[0]}`);
      }
    }
  }
  return found;
}

describe('the selection system: every selection weighed with all the others', () => {
  it('a count hidden in one partition is counted as hidden in every other partition it is in', () => {
    // Team A: 18 in x, 3 in y, 20 in z — its split by sector hides the 3 and the 18. Sector x then
    // has A's 18 hidden alone unless B's 20 in x is hidden too.
    const respondents = people([
      [0, 0, 18],
      [0, 1, 3],
      [0, 2, 20],
      [1, 0, 20],
      [1, 2, 25],
      [2, 2, 30],
    ]);
    expect(decideSelections([teams, sector], respondents, 5)([1, 0])).toMatchObject({ allowed: false, reason: 'derivable' });
    expect(disclosed(respondents, 5)).toEqual([]);
  });

  it('a selection under a refused one is refused with it', () => {
    // Team A has 3, so team B's 10 is hidden as well (13 − 3 = 10 otherwise); B's 5 in x goes with it.
    const respondents = people([
      [0, 0, 3],
      [1, 0, 5],
      [1, 1, 5],
    ]);
    const verdict = decideSelections([teams, sector], respondents, 5);
    expect(verdict([0, null])).toEqual({ allowed: false, reason: 'too_few' });
    expect(verdict([1, null])).toEqual({ allowed: false, reason: 'derivable' });
    expect(verdict([1, 0])).toEqual({ allowed: false, reason: 'derivable' });
    expect(verdict([null, 0])).toEqual({ allowed: true, n: 8 });
    expect(disclosed(respondents, 5)).toEqual([]);
    // Team A's three skipped the sector question: B's answers in x and y would add up to B itself.
    const skipped = decideSelections(
      [teams, sector],
      people([
        [0, -1, 3],
        [1, 0, 10],
        [1, 1, 10],
      ]),
      5,
    );
    expect(skipped([1, null])).toEqual({ allowed: false, reason: 'derivable' });
    expect(skipped([1, 0])).toEqual({ allowed: false, reason: 'derivable' });
  });

  it('the whole round below the threshold opens nothing', () => {
    const verdict = decideSelections([teams], people([[0, 0, 6]]), 7);
    expect(verdict([null])).toEqual({ allowed: false, reason: 'too_few' });
    expect(verdict([0])).toEqual({ allowed: false, reason: 'too_few' });
  });
});
