import type { ChoiceCounts, CrossCounts, OptionCount, ScaleCounts } from './types.ts';

/**
 * Adds the counts of two disjoint sets of respondents (two teams, two sites) for the same
 * question. Analysing the sum gives the same result as analysing the two sets together.
 */
export function mergeChoiceCounts(a: ChoiceCounts, b: ChoiceCounts): ChoiceCounts {
  if (a.question !== b.question || a.multiple !== b.multiple) throw new RangeError(`cannot merge ${a.question} with ${b.question}`);
  const keys = [...new Set([...a.options.map((o) => o.key), ...b.options.map((o) => o.key)])];
  const options = keys.map((key): OptionCount => {
    const fromA = a.options.find((o) => o.key === key);
    const fromB = b.options.find((o) => o.key === key);
    const count = (fromA?.count ?? 0) + (fromB?.count ?? 0);
    if (fromA?.answered === undefined && fromB?.answered === undefined) return { key, count };
    return { key, count, answered: (fromA?.answered ?? a.answered) + (fromB?.answered ?? b.answered) };
  });
  const exclusive = [...new Set([...(a.exclusive ?? []), ...(b.exclusive ?? [])])];
  return {
    question: a.question,
    multiple: a.multiple,
    options,
    answered: a.answered + b.answered,
    eligible: a.eligible + b.eligible,
    ...(exclusive.length > 0 ? { exclusive } : {}),
  };
}

export function mergeScaleCounts(a: ScaleCounts, b: ScaleCounts): ScaleCounts {
  if (a.question !== b.question || a.item !== b.item) throw new RangeError(`cannot merge ${a.question} with ${b.question}`);
  const totals = new Map<number, number>();
  for (const { value, count } of [...a.values, ...b.values]) totals.set(value, (totals.get(value) ?? 0) + count);
  return {
    question: a.question,
    ...(a.item === undefined ? {} : { item: a.item }),
    values: [...totals].map(([value, count]) => ({ value, count })),
    noOpinion: a.noOpinion + b.noOpinion,
    eligible: a.eligible + b.eligible,
  };
}

export function mergeCrossCounts(a: CrossCounts, b: CrossCounts): CrossCounts {
  const rows = [...new Set([...a.rows, ...b.rows])];
  const cols = [...new Set([...a.cols, ...b.cols])];
  const at = (table: CrossCounts, row: string, col: string) => table.counts[table.rows.indexOf(row)]?.[table.cols.indexOf(col)] ?? 0;
  return { rows, cols, counts: rows.map((row) => cols.map((col) => at(a, row, col) + at(b, row, col))) };
}
