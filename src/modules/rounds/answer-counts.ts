/**
 * The shapes of the counts the rounds module gives of its survey answers (answers.ts), and the pure
 * helpers on them. Counts are of complete responses only; no answer row is loaded into Node to be counted.
 */

export type AnswerFilter = { question: string; option: string };

/** Which complete responses a query counts: round(s) of one organisation, optionally one team and answer filters. */
export type Scope = {
  organisationId: string;
  roundIds: string[];
  teamId?: string | undefined;
  answers: AnswerFilter[];
};

/** Items in `of` consecutive chunks of sizes that differ by at most one (fewer when there are fewer items; always at least one). */
export function inChunks<T>(items: readonly T[], of: number): T[][] {
  const chunks = Math.max(1, Math.min(Math.floor(of), items.length));
  return Array.from({ length: chunks }, (_, i) => items.slice(Math.floor((i * items.length) / chunks), Math.floor(((i + 1) * items.length) / chunks)));
}

/** One group of answer rows: respondents per question × item × option × value (and whether these are missing markers). */
export type ValueCount = { question: string; item: string | null; option: string | null; value: number | null; marker: boolean; count: number };

/**
 * A leaf condition SQL can evaluate: an earlier choice question answered with one of these options,
 * or a question answered at all. `shape` says how the question is stored: `choice` (single or
 * multiple choice), `one-row` (one row per respondent: scale, number, text), `many-rows` (a matrix).
 */
export type SqlCondition = { question: string; shape: 'choice' | 'one-row' | 'many-rows' } & ({ options: string[] } | { answered: true });

/** Respondents per set of options chosen on a question (sorted option keys). */
export type ChoiceSetCount = { options: string[]; count: number };

/**
 * What a report needs from the answer rows of a scope, counted in one go: the complete responses, the
 * value counts, and for the given multiple-choice questions the respondents who answered each (by
 * question and item) and the sets of options they chose (by question).
 */
export type AnswerRowCounts = { n: number; values: ValueCount[]; answered: Map<string, number>; sets: Map<string, ChoiceSetCount[]> };

/** The counts of disjoint parts of a scope, added up into those of the whole. */
export function mergeAnswerRowCounts(parts: readonly AnswerRowCounts[]): AnswerRowCounts {
  const values = new Map<string, ValueCount>();
  const answered = new Map<string, number>();
  const sets = new Map<string, Map<string, ChoiceSetCount>>();
  let n = 0;
  for (const part of parts) {
    n += part.n;
    for (const v of part.values) {
      const key = JSON.stringify([v.question, v.item, v.option, v.value, v.marker]);
      const seen = values.get(key);
      if (seen) seen.count += v.count;
      else values.set(key, { ...v });
    }
    for (const [key, count] of part.answered) answered.set(key, (answered.get(key) ?? 0) + count);
    for (const [question, list] of part.sets) {
      const byOptions = sets.get(question) ?? new Map<string, ChoiceSetCount>();
      sets.set(question, byOptions);
      for (const set of list) {
        const key = set.options.join(' ');
        const seen = byOptions.get(key);
        if (seen) seen.count += set.count;
        else byOptions.set(key, { options: [...set.options], count: set.count });
      }
    }
  }
  return { n, values: [...values.values()], answered, sets: new Map([...sets].map(([question, byOptions]) => [question, [...byOptions.values()]])) };
}

/** Respondents per combination of chosen options (up to two; `chosen` > 2 is one group per first/last pair). */
export type CombinationCount = { first: string; last: string; chosen: number; count: number };

export const answeredKey = (question: string, item: string | null) => (item === null ? question : `${question}.${item}`);

/**
 * Every question other than multiple choice has one row per respondent (and item), so its answered
 * count is the sum of its value counts: no second pass over the answers is needed.
 */
export function answeredFromValues(values: ValueCount[], multipleChoice: ReadonlySet<string>): Map<string, number> {
  const answered = new Map<string, number>();
  for (const v of values) {
    if (multipleChoice.has(v.question)) continue;
    const key = answeredKey(v.question, v.item);
    answered.set(key, (answered.get(key) ?? 0) + v.count);
  }
  return answered;
}

/** Respondents whose set of chosen options meets a condition on a choice question: it holds one of the options, or any set for "answered". */
export function countInSets(sets: readonly ChoiceSetCount[], condition: SqlCondition): number {
  const wanted = 'options' in condition ? new Set(condition.options) : null;
  return sets.filter((set) => wanted === null || set.options.some((o) => wanted.has(o))).reduce((sum, set) => sum + set.count, 0);
}

/**
 * Respondents for whom a condition held, from the scope's value counts, for a question with one row
 * per respondent (single choice, scale, number, text; not multiple choice, not a matrix): the rows
 * with one of the options (or any row, for "answered"), missing markers left out.
 */
export function countInValues(values: readonly ValueCount[], condition: SqlCondition): number {
  const wanted = 'options' in condition ? new Set(condition.options) : null;
  let count = 0;
  for (const v of values)
    if (v.question === condition.question && !v.marker && (wanted === null || (v.option !== null && wanted.has(v.option)))) count += v.count;
  return count;
}

/** What each respondent chose on a multiple-choice question, as a combination: the first and last option key (code-point order) and the number chosen. */
export function combinationsOf(sets: ChoiceSetCount[]): CombinationCount[] {
  const combinations = new Map<string, CombinationCount>();
  for (const set of sets) {
    const options = [...set.options].sort();
    const first = options[0] ?? '';
    const last = options.at(-1) ?? '';
    const key = `${first} ${last} ${options.length}`;
    const existing = combinations.get(key);
    if (existing) existing.count += set.count;
    else combinations.set(key, { first, last, chosen: options.length, count: set.count });
  }
  return [...combinations.values()];
}

/** The option keys of a stored set ('' is the empty set; keys hold no spaces). */
export const splitOptions = (key: string): string[] => (key === '' ? [] : key.split(' '));
