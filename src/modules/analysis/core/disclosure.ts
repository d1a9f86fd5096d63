import { type Addition, type LinkedCount, suppressLinked } from './disclosure-engine.ts';
import type { DisclosedCount, DisclosedCrossTable, DisclosedTable, DisclosureRule, FilterDecision, Localised, Suppression } from './types.ts';
import { assertAtMost, assertCount } from './validate.ts';

export const DEFAULT_DISCLOSURE_THRESHOLD = 5;
export const MINIMUM_DISCLOSURE_THRESHOLD = 5;
export const TOO_FEW_ANSWERS: Localised = { nl: 'te weinig antwoorden', en: 'too few answers' };

/** The threshold k in force: 5 unless set, and never below 5 whatever the setting says (the platform's promise). */
export function disclosureThreshold(k?: number): number {
  if (k === undefined) return DEFAULT_DISCLOSURE_THRESHOLD;
  if (!Number.isFinite(k)) throw new RangeError(`disclosure threshold must be a number, got ${k}`);
  return Math.max(MINIMUM_DISCLOSURE_THRESHOLD, Math.floor(k));
}

function explain(rule: DisclosureRule, k: number): Localised {
  switch (rule) {
    case 'too_few':
      return {
        nl: `Te weinig antwoorden: minder dan ${k} mensen, dus tonen we hier geen cijfers.`,
        en: `Too few answers: fewer than ${k} people, so no figures are shown here.`,
      };
    case 'primary':
      return { nl: `Aantallen van 1 tot en met ${k - 1} zijn verborgen; een 0 tonen we wel.`, en: `Counts from 1 to ${k - 1} are hidden; a 0 is shown.` };
    case 'secondary':
      return {
        nl: 'Nog een aantal is verborgen, zodat je een verborgen aantal niet kunt terugrekenen uit het totaal.',
        en: 'Another count is hidden as well, so that a hidden count cannot be worked out from the total.',
      };
  }
}

function rulesOf(tooFew: boolean, suppressed: Suppression[], k: number): { rules: DisclosureRule[]; explanation: Localised[] } {
  const rules: DisclosureRule[] = tooFew ? ['too_few'] : (['primary', 'secondary'] as const).filter((rule) => suppressed.includes(rule));
  return { rules, explanation: rules.map((rule) => explain(rule, k)) };
}

const shown = (count: number, suppressed: Suppression = null): DisclosedCount => ({ count: suppressed ? null : count, suppressed });
const hidden: DisclosedCount = { count: null, suppressed: null };

/** A frequency table with its total shown (single choice: the counts add up to the total). */
export function discloseFrequencies(cells: { key: string; count: number }[], total: number, k?: number): DisclosedTable {
  const threshold = disclosureThreshold(k);
  for (const cell of cells) assertCount(cell.count, `count of ${cell.key}`);
  const sum = cells.reduce((s, c) => s + c.count, 0);
  if (sum !== total) throw new RangeError(`the counts add up to ${sum}, not to the total ${total}`);
  const linked: LinkedCount[] = [...cells.map((c) => ({ value: c.count, role: 'cell' as const })), { value: total, role: 'grand' }];
  const { suppressed, failed } = suppressLinked(linked, [{ parts: cells.map((_, i) => i), total: cells.length }], threshold);
  const tooFew = total < threshold || failed;
  return {
    k: threshold,
    tooFew,
    placeholder: tooFew ? TOO_FEW_ANSWERS : null,
    total: tooFew ? hidden : shown(total),
    cells: cells.map((c, i) => ({ key: c.key, ...(tooFew ? hidden : shown(c.count, suppressed[i])) })),
    ...rulesOf(tooFew, suppressed, threshold),
  };
}

/**
 * Multiple response: each option is a yes/no split of its own valid n, so the people who did not
 * choose it are a cell too ("all but two chose this"). Both sides of a split are hidden together.
 */
export function discloseMultipleResponse(rows: { key: string; count: number; validN: number }[], answered: number, k?: number): DisclosedTable {
  const threshold = disclosureThreshold(k);
  const tooFew = answered < threshold;
  const all: Suppression[] = [];
  const cells = rows.map((row) => {
    assertCount(row.count, `count of ${row.key}`);
    assertAtMost(row.count, row.validN, `count of ${row.key}`, 'its valid n');
    const linked: LinkedCount[] = [
      { value: row.count, role: 'cell' },
      { value: row.validN - row.count, role: 'cell' },
      { value: row.validN, role: 'grand' },
    ];
    const { suppressed } = suppressLinked(linked, [{ parts: [0, 1], total: 2 }], threshold);
    const mine = suppressed[0] ?? null;
    all.push(mine);
    return { key: row.key, ...(tooFew ? hidden : shown(row.count, mine)) };
  });
  return {
    k: threshold,
    tooFew,
    placeholder: tooFew ? TOO_FEW_ANSWERS : null,
    total: tooFew ? hidden : shown(answered),
    cells,
    ...rulesOf(tooFew, all, threshold),
  };
}

/**
 * A cross-table with its margins: every row, every column and both margins are additions, so in
 * each of them either no count is hidden or at least two are.
 */
export function discloseCrossTable(counts: number[][], k?: number): DisclosedCrossTable {
  const threshold = disclosureThreshold(k);
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== cols) throw new RangeError('every row of the table needs the same number of columns');
    for (const value of row) assertCount(value, 'count');
  }
  const rowTotals = counts.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: cols }, (_, j) => counts.reduce((s, row) => s + (row[j] ?? 0), 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  // Layout: cells row by row, then row totals, then column totals, then the grand total.
  const cellAt = (i: number, j: number) => i * cols + j;
  const rowTotalAt = (i: number) => rows * cols + i;
  const colTotalAt = (j: number) => rows * cols + rows + j;
  const grandAt = rows * cols + rows + cols;
  const linked: LinkedCount[] = [
    ...counts.flat().map((value) => ({ value, role: 'cell' as const })),
    ...[...rowTotals, ...colTotals].map((value) => ({ value, role: 'margin' as const })),
    { value: total, role: 'grand' },
  ];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const additions: Addition[] = [
    ...range(rows).map((i) => ({ parts: range(cols).map((j) => cellAt(i, j)), total: rowTotalAt(i) })),
    ...range(cols).map((j) => ({ parts: range(rows).map((i) => cellAt(i, j)), total: colTotalAt(j) })),
    { parts: range(rows).map(rowTotalAt), total: grandAt },
    { parts: range(cols).map(colTotalAt), total: grandAt },
  ];
  const { suppressed, failed } = suppressLinked(linked, additions, threshold);
  const tooFew = total < threshold || failed;
  const show = (index: number): DisclosedCount => (tooFew ? hidden : shown(linked[index]?.value ?? 0, suppressed[index]));
  return {
    k: threshold,
    tooFew,
    placeholder: tooFew ? TOO_FEW_ANSWERS : null,
    total: tooFew ? hidden : shown(total),
    cells: range(rows).map((i) => range(cols).map((j) => show(cellAt(i, j)))),
    rowTotals: range(rows).map((i) => show(rowTotalAt(i))),
    colTotals: range(cols).map((j) => show(colTotalAt(j))),
    ...rulesOf(tooFew, suppressed, threshold),
  };
}

/**
 * Guards filtered views against the differencing attack: two overlapping selections whose
 * difference is a few people reveal those people's answers. Refused when the selection has fewer
 * than k people, or when it leaves out 1 to k − 1 people of the view it narrows down.
 */
export function filterAllowed(nFiltered: number, nParent: number, k?: number): FilterDecision {
  const threshold = disclosureThreshold(k);
  assertCount(nFiltered, 'filtered n');
  assertCount(nParent, 'parent n');
  assertAtMost(nFiltered, nParent, 'filtered n', 'parent n');
  if (nFiltered < threshold)
    return {
      allowed: false,
      reason: 'too_few',
      k: threshold,
      message: {
        nl: `Deze selectie telt minder dan ${threshold} mensen. Kies een ruimere selectie.`,
        en: `This selection has fewer than ${threshold} people. Choose a wider selection.`,
      },
    };
  const complement = nParent - nFiltered;
  if (complement >= 1 && complement < threshold)
    return {
      allowed: false,
      reason: 'complement_too_small',
      k: threshold,
      message: {
        nl: `Deze selectie laat maar ${complement} ${complement === 1 ? 'persoon' : 'mensen'} weg. Dan kun je hun antwoorden afleiden. Kies een andere selectie.`,
        en: `This selection leaves out only ${complement} ${complement === 1 ? 'person' : 'people'}. Their answers could then be worked out. Choose another selection.`,
      },
    };
  return { allowed: true, reason: null, k: threshold, message: null };
}
