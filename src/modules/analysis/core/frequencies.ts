import { DEFAULT_DECIMALS, percentOf, roundHalfUp, roundingRule, roundOrNull } from './rounding.ts';
import type { AnalysisOptions, ChoiceCounts, FrequencyResult, FrequencyRow } from './types.ts';
import { assertAtMost, assertCount, assertUniqueKeys } from './validate.ts';
import { DEFAULT_CONFIDENCE, percentInterval } from './wilson.ts';

function checkChoiceCounts(input: ChoiceCounts): void {
  const { question, options, answered, eligible } = input;
  assertCount(answered, `${question}: answered`);
  assertCount(eligible, `${question}: eligible`);
  assertAtMost(answered, eligible, `${question}: answered`, 'eligible');
  assertUniqueKeys(
    options.map((o) => o.key),
    question,
  );
  for (const option of options) {
    const what = `${question}/${option.key}`;
    assertCount(option.count, `${what}: count`);
    if (option.answered !== undefined) {
      if (!input.multiple) throw new RangeError(`${what}: a single-choice option cannot have its own valid n`);
      assertCount(option.answered, `${what}: answered`);
      assertAtMost(option.answered, answered, `${what}: answered`, 'the question’s answered');
    }
    assertAtMost(option.count, option.answered ?? answered, `${what}: count`, 'its valid n');
  }
  const keys = new Set(options.map((o) => o.key));
  for (const key of input.exclusive ?? []) if (!keys.has(key)) throw new RangeError(`${question}: exclusive option "${key}" is not among the options`);
  if (!input.multiple) {
    const sum = options.reduce((total, o) => total + o.count, 0);
    if (sum !== answered) throw new RangeError(`${question}: single-choice counts add up to ${sum}, not to answered (${answered})`);
  } else {
    const alone = options.filter((o) => input.exclusive?.includes(o.key)).reduce((total, o) => total + o.count, 0);
    assertAtMost(alone, answered, `${question}: respondents choosing an exclusive option`, 'answered');
  }
}

/**
 * Frequencies of a choice question. Each row's percentage is of its own valid n, so an option with
 * missing answers (a checkbox grid row left empty) is not diluted by people who never answered it.
 * Multiple response adds percent of responses; exclusive options ("none of these") are chosen
 * alone, so they count as cases but are left out of the responses.
 */
export function analyseChoice(input: ChoiceCounts, options: AnalysisOptions = {}): FrequencyResult {
  checkChoiceCounts(input);
  const decimals = options.decimals ?? DEFAULT_DECIMALS;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const exclusive = new Set(input.exclusive ?? []);
  const responses = input.multiple ? input.options.filter((o) => !exclusive.has(o.key)).reduce((total, o) => total + o.count, 0) : null;
  const rows = input.options.map((option): FrequencyRow => {
    const validN = option.answered ?? input.answered;
    const percentExact = validN > 0 ? percentOf(option.count, validN) : null;
    const isExclusive = input.multiple && exclusive.has(option.key);
    const ofResponsesExact = responses !== null && responses > 0 && !isExclusive ? percentOf(option.count, responses) : null;
    return {
      key: option.key,
      count: option.count,
      validN,
      missing: input.eligible - validN,
      percent: roundOrNull(percentExact, decimals),
      percentExact,
      interval: percentInterval(option.count, validN, decimals, confidence),
      exclusive: isExclusive,
      percentOfResponses: roundOrNull(ofResponsesExact, decimals),
      percentOfResponsesExact: ofResponsesExact,
    };
  });
  const perCaseExact = responses !== null && input.answered > 0 ? responses / input.answered : null;
  return {
    kind: input.multiple ? 'multiple' : 'single',
    question: input.question,
    eligible: input.eligible,
    validN: input.answered,
    missing: input.eligible - input.answered,
    rows,
    responses,
    responsesPerCase: perCaseExact === null ? null : roundHalfUp(perCaseExact, decimals),
    responsesPerCaseExact: perCaseExact,
    rounding: roundingRule(decimals),
  };
}
