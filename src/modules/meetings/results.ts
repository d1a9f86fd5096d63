import { discloseCrossTable, discloseFrequencies, discloseMultipleResponse, disclosureThreshold } from '../analysis/core/index.ts';
import type { DisclosedCount, Localised } from '../analysis/core/types.ts';
import { decideGroups, type ResultGroup, resultGroups } from './groups.ts';
import type { AnswerValue, PromptKind } from './model.ts';
import { countWords } from './words.ts';

/**
 * One counted answer: its group (null: position not said or "other") and its value; or, with `n`,
 * that many answers alike (choice kinds, counted grouped in the database: a snapshot of 10,000
 * answers handles a few rows, not 10,000). Word clouds and open answers come one by one.
 */
export type CountedAnswer = { group: ResultGroup | null; value: AnswerValue; n?: number };

/** How many answers the list holds (those that fit `which`). */
const countOf = (answers: CountedAnswer[], which: (a: CountedAnswer) => boolean = () => true) => {
  let count = 0;
  for (const a of answers) if (which(a)) count += a.n ?? 1;
  return count;
};

export type CountRow = { key: string; room: DisclosedCount; groups: Partial<Record<ResultGroup, DisclosedCount>> };

export type PromptResults = {
  kind: PromptKind;
  k: number;
  /** How many people answered (counted answers); shown as "n answered", like the joined count. */
  answered: number;
  shown: ResultGroup[];
  notes: Localised[];
  /** Choice kinds: one row per option; counts hidden by the disclosure rules are null. */
  rows?: CountRow[];
  totals?: CountRow;
  tooFew?: boolean;
  explanation?: Localised[];
  words?: { room: { word: string; count: number }[]; groups: Partial<Record<ResultGroup, { word: string; count: number }[]>> };
  texts?: { room: string[]; groups: Partial<Record<ResultGroup, string[]>> };
  /** Ranking: points per option (first place gets as many points as there are options). */
  ranking?: { key: string; room: number; groups: Partial<Record<ResultGroup, number>> }[];
};

const choiceOf = (v: AnswerValue): string | undefined => ('choice' in v ? v.choice : undefined);
const choicesOf = (v: AnswerValue): string[] => ('choices' in v ? v.choices : 'choice' in v ? [v.choice] : []);

function groupCounts(answers: CountedAnswer[]): Record<ResultGroup, number> {
  return {
    experience_workers: countOf(answers, (a) => a.group === 'experience_workers'),
    professionals: countOf(answers, (a) => a.group === 'professionals'),
  };
}

/** Rows of the cross-table: each group shown apart, then everyone else (never shown, but derivable, so protected too). */
const rowsOf = (answers: CountedAnswer[], shown: ResultGroup[]) => [
  ...shown.map((g) => answers.filter((a) => a.group === g)),
  answers.filter((a) => a.group === null || !shown.includes(a.group)),
];

function singleChoice(
  options: string[],
  answers: CountedAnswer[],
  shown: ResultGroup[],
  k: number,
): Pick<PromptResults, 'rows' | 'totals' | 'tooFew' | 'explanation'> {
  if (shown.length === 0) {
    const cells = options.map((key) => ({ key, count: countOf(answers, (a) => choiceOf(a.value) === key) }));
    const table = discloseFrequencies(cells, countOf(answers), k);
    return {
      rows: table.cells.map((c) => ({ key: c.key, room: { count: c.count, suppressed: c.suppressed }, groups: {} })),
      totals: { key: 'total', room: table.total, groups: {} },
      tooFew: table.tooFew,
      explanation: table.explanation,
    };
  }
  const rows = rowsOf(answers, shown);
  const table = discloseCrossTable(
    rows.map((row) => options.map((key) => countOf(row, (a) => choiceOf(a.value) === key))),
    k,
  );
  const byGroup = (cells: DisclosedCount[]) => Object.fromEntries(shown.map((g, i) => [g, cells[i] as DisclosedCount]));
  return {
    rows: options.map((key, j) => ({ key, room: table.colTotals[j] as DisclosedCount, groups: byGroup(table.cells.map((row) => row[j] as DisclosedCount)) })),
    totals: { key: 'total', room: table.total, groups: byGroup(table.rowTotals) },
    tooFew: table.tooFew,
    explanation: table.explanation,
  };
}

/** Multiple choice: per option, chose / did not choose is its own cross-table, so "all but one chose it" is protected too. */
function multipleChoice(
  options: string[],
  answers: CountedAnswer[],
  shown: ResultGroup[],
  k: number,
): Pick<PromptResults, 'rows' | 'totals' | 'tooFew' | 'explanation'> {
  if (shown.length === 0) {
    const table = discloseMultipleResponse(
      options.map((key) => ({ key, count: countOf(answers, (a) => choicesOf(a.value).includes(key)), validN: countOf(answers) })),
      countOf(answers),
      k,
    );
    return {
      rows: table.cells.map((c) => ({ key: c.key, room: { count: c.count, suppressed: c.suppressed }, groups: {} })),
      totals: { key: 'total', room: table.total, groups: {} },
      tooFew: table.tooFew,
      explanation: table.explanation,
    };
  }
  const rows = rowsOf(answers, shown);
  const explanation = new Map<string, Localised>();
  let tooFew = false;
  const result = options.map((key) => {
    const table = discloseCrossTable(
      rows.map((row) => {
        const chose = countOf(row, (a) => choicesOf(a.value).includes(key));
        return [chose, countOf(row) - chose];
      }),
      k,
    );
    tooFew ||= table.tooFew;
    for (const e of table.explanation) explanation.set(e.en, e);
    return { key, room: table.colTotals[0] as DisclosedCount, groups: Object.fromEntries(shown.map((g, i) => [g, table.cells[i]?.[0] as DisclosedCount])) };
  });
  const all = countOf(answers);
  const n = all >= k ? { count: all, suppressed: null } : { count: null, suppressed: null };
  return {
    rows: result,
    totals: { key: 'total', room: n, groups: Object.fromEntries(shown.map((g, i) => [g, { count: countOf(rows[i] ?? []), suppressed: null }])) },
    tooFew,
    explanation: [...explanation.values()],
  };
}

function rankingPoints(options: string[], answers: CountedAnswer[]): Map<string, number> {
  const points = new Map(options.map((o) => [o, 0]));
  for (const a of answers) {
    if (!('order' in a.value)) continue;
    const n = a.n ?? 1;
    a.value.order.forEach((key, i) => {
      if (points.has(key)) points.set(key, (points.get(key) ?? 0) + n * (options.length - i));
    });
  }
  return points;
}

/**
 * The results of one prompt, split by position where the disclosure rules allow. Word clouds, open
 * answers and rankings are split only when both groups may be shown apart.
 */
export function promptResults(kind: PromptKind, options: string[], answers: CountedAnswer[], kSetting?: number): PromptResults {
  const k = disclosureThreshold(kSetting);
  const answered = countOf(answers);
  const decision = decideGroups(groupCounts(answers), answered, k);
  const base = { kind, k, answered, shown: decision.shown, notes: decision.notes };
  if (kind === 'single' || kind === 'scale' || kind === 'agree') return { ...base, ...singleChoice(options, answers, decision.shown, k) };
  if (kind === 'multiple') return { ...base, ...multipleChoice(options, answers, decision.shown, k) };
  const split = decision.shown.length === 2 ? decision.shown : [];
  const free = { ...base, shown: split, notes: split.length === 2 ? [] : decision.notes };
  const of = (g: ResultGroup) => answers.filter((a) => a.group === g);
  if (kind === 'word_cloud') {
    const words = (list: CountedAnswer[]) => countWords(list.map((a) => ('words' in a.value ? a.value.words : [])));
    return { ...free, words: { room: words(answers), groups: Object.fromEntries(split.map((g) => [g, words(of(g))])) } };
  }
  if (kind === 'open_text') {
    const texts = (list: CountedAnswer[]) => list.map((a) => ('text' in a.value ? a.value.text : '')).filter(Boolean);
    return { ...free, texts: { room: texts(answers), groups: Object.fromEntries(split.map((g) => [g, texts(of(g))])) } };
  }
  if (kind === 'ranking') {
    const room = rankingPoints(options, answers);
    const byGroup = new Map(split.map((g) => [g, rankingPoints(options, of(g))]));
    return {
      ...free,
      ranking: options.map((key) => ({ key, room: room.get(key) ?? 0, groups: Object.fromEntries(split.map((g) => [g, byGroup.get(g)?.get(key) ?? 0])) })),
    };
  }
  return { ...free };
}

export { resultGroups };
