import type { ParsedAnswer } from './answer-parsing.ts';
import { type Condition, type ConditionValue, type LeafCondition, NO_OPINION } from './definition.ts';

/** 'unknown': the condition depends on an answer that is itself invalid or not yet settled. */
export type Truth = boolean | 'unknown';

export type AnswerState = { answers: ReadonlyMap<string, ParsedAnswer>; uncertain: ReadonlySet<string> };

function matches(answer: ParsedAnswer, item: string | undefined, value: ConditionValue): boolean {
  switch (answer.type) {
    case 'choice':
      return answer.selected.includes(String(value));
    case 'scale':
      return value === NO_OPINION ? answer.value === null : answer.value === value;
    case 'number':
      return answer.value === value;
    case 'matrix': {
      if (item === undefined || !answer.items.has(item)) return false;
      const point = answer.items.get(item);
      return value === NO_OPINION ? point === null : point === value;
    }
    default:
      return false;
  }
}

function isAnswered(answer: ParsedAnswer | undefined, item: string | undefined): boolean {
  if (!answer) return false;
  return answer.type === 'matrix' && item !== undefined ? answer.items.has(item) : true;
}

function leaf(condition: LeafCondition, state: AnswerState): Truth {
  if (state.uncertain.has(condition.question)) return 'unknown';
  const answer = state.answers.get(condition.question);
  if ('answered' in condition) return isAnswered(answer, condition.item);
  if ('notAnswered' in condition) return !isAnswered(answer, condition.item);
  if (!answer) return false;
  const values = 'equals' in condition ? [condition.equals] : condition.anyOf;
  return values.some((v) => matches(answer, condition.item, v));
}

/** Three-valued: `all` is false as soon as one part is false, `any` true as soon as one is true. */
export function evaluate(condition: Condition, state: AnswerState): Truth {
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluate(c, state));
    return parts.includes(false) ? false : parts.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluate(c, state));
    return parts.includes(true) ? true : parts.includes('unknown') ? 'unknown' : false;
  }
  return leaf(condition, state);
}
