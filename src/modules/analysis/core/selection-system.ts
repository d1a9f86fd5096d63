import { discloseFrequencies, discloseMultipleResponse } from './disclosure.ts';
import { disclosePartition } from './partition.ts';
import type { Suppression } from './types.ts';

/**
 * Every selection a person can request, as one system: the round split along a few dimensions (the
 * teams; the answers to a single-choice question; chose / did not choose an option of a
 * multiple-choice question). A selection fixes some dimensions to a value. Along each dimension, the
 * selections that differ only there are siblings: a partition of their parent (core/partition.ts).
 * Decided level by level (the round, then one filter, then two, …): a selection opens only when all
 * its parents open, and within a level every partition is made safe again, until nothing changes,
 * so a selection hidden in one partition is counted as hidden in every other partition it is part of.
 * Pure: the same counts give the same decisions, whichever selection is asked for.
 */

export type Dimension = {
  /** `team`: parts are teams (the organisation's link one of them). `single`: the answers, as in the report's table. `multiple`: chose / did not. */
  kind: 'team' | 'single' | 'multiple';
  /** The requestable values plus, for `multiple`, the "did not choose" side; every respondent who answered falls in exactly one. */
  values: string[];
};

/** One respondent: per dimension the index of their value, or −1 (did not answer: known from the report as "missing"). */
export type Respondent = number[];

export type SelectionVerdict = { allowed: true; n: number } | { allowed: false; reason: 'too_few' | 'derivable' };

const key = (dims: number[], values: number[]) => dims.map((d, i) => `${d}=${values[i]}`).join('&');

function product(sizes: number[]): number[][] {
  return sizes.reduce<number[][]>((acc, size) => acc.flatMap((prefix) => Array.from({ length: size }, (_, v) => [...prefix, v])), [[]]);
}

export function decideSelections(dimensions: Dimension[], respondents: Respondent[], k: number): (values: (number | null)[]) => SelectionVerdict {
  const count = (fixed: Map<number, number>) => respondents.filter((r) => [...fixed].every(([d, v]) => r[d] === v)).length;
  const hidden = new Set<string>();
  const counts = new Map<string, number>();
  const subsets = product(dimensions.map(() => 2))
    .map((bits) => bits.flatMap((b, d) => (b ? [d] : [])))
    .sort((a, b) => a.length - b.length);
  for (const dims of subsets) {
    const tuples = product(dims.map((d) => dimensions[d]?.values.length ?? 0));
    for (const values of tuples) counts.set(key(dims, values), count(new Map(dims.map((d, i) => [d, values[i] ?? 0]))));
    if (dims.length === 0) {
      if ((counts.get('') ?? 0) < k) hidden.add('');
      continue;
    }
    // A selection whose parent is hidden is hidden with it.
    for (const values of tuples)
      if (
        dims.some((_, i) =>
          hidden.has(
            key(
              dims.filter((__, j) => j !== i),
              values.filter((__, j) => j !== i),
            ),
          ),
        )
      )
        hidden.add(key(dims, values));
    let changed = true;
    while (changed) {
      changed = false;
      for (const [i, d] of dims.entries()) {
        const dimension = dimensions[d];
        if (!dimension) continue;
        const others = dims.filter((_, j) => j !== i);
        for (const line of product(others.map((o) => dimensions[o]?.values.length ?? 0))) {
          const parentKey = key(others, line);
          if (hidden.has(parentKey)) continue;
          const at = (v: number) => {
            const values = [...line];
            values.splice(i, 0, v);
            return key(dims, values);
          };
          const parts = dimension.values.map((value, v) => ({ key: value, count: counts.get(at(v)) ?? 0 }));
          const answered = parts.reduce((s, p) => s + p.count, 0);
          const rest = (counts.get(parentKey) ?? 0) - answered;
          const engine: Suppression[] | 'too_few' = (() => {
            if (dimension.kind === 'multiple') {
              const table = discloseMultipleResponse([{ key: 'chosen', count: parts[0]?.count ?? 0, validN: answered }], answered, k);
              const side = table.cells[0]?.suppressed ?? null;
              return table.tooFew ? 'too_few' : [side, side];
            }
            const table = discloseFrequencies(parts, answered, k);
            return table.tooFew ? 'too_few' : table.cells.map((c) => c.suppressed);
          })();
          const base =
            engine === 'too_few'
              ? engine
              : parts.map((p, v): Suppression => (engine[v] !== null || hidden.has(at(v)) ? (p.count >= 1 && p.count < k ? 'primary' : 'secondary') : null));
          const decision = disclosePartition(parts, { k, rest, base });
          decision.parts.forEach((part, v) => {
            if ((decision.tooFew || part.count === null) && !hidden.has(at(v))) {
              hidden.add(at(v));
              changed = true;
            }
          });
        }
      }
    }
  }
  return (values) => {
    const dims = values.flatMap((v, d) => (v === null ? [] : [d]));
    const chosen = values.filter((v): v is number => v !== null);
    const n = counts.get(key(dims, chosen)) ?? 0;
    const isHidden = hidden.has(key(dims, chosen));
    // The label matches the bounds the partitions were made safe for: 1..k−1 is "too few", anything else hidden is not.
    if (isHidden || n < k) return { allowed: false, reason: (n >= 1 && n < k) || (n === 0 && !isHidden) ? 'too_few' : 'derivable' };
    return { allowed: true, n };
  };
}
