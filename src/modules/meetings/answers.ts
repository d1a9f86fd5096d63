import type { AnswerValue, PromptKind, PromptOption } from './model.ts';
import { normaliseWord } from './words.ts';

/**
 * Whether an answer fits its prompt: a known option, no duplicates, a ranking that orders every
 * option once. Returns the answer as stored (word-cloud words normalised), or undefined.
 */
export function checkAnswer(kind: PromptKind, options: PromptOption[], maxChoices: number | undefined, value: AnswerValue): AnswerValue | undefined {
  // One choice (every answer of a room at once): found among the options without building a set.
  if (kind === 'single' || kind === 'scale' || kind === 'agree') return 'choice' in value && options.some((o) => o.key === value.choice) ? value : undefined;
  const keys = new Set(options.map((o) => o.key));
  switch (kind) {
    case 'multiple': {
      if (!('choices' in value)) return undefined;
      const unique = new Set(value.choices);
      if (unique.size !== value.choices.length || value.choices.some((c) => !keys.has(c))) return undefined;
      return value.choices.length <= (maxChoices ?? options.length) ? value : undefined;
    }
    case 'ranking':
      if (!('order' in value)) return undefined;
      return value.order.length === keys.size && new Set(value.order).size === keys.size && value.order.every((k) => keys.has(k)) ? value : undefined;
    case 'word_cloud': {
      if (!('words' in value)) return undefined;
      const words = value.words.map(normaliseWord).filter((w) => w.length > 0);
      return words.length > 0 ? { words } : undefined;
    }
    case 'open_text':
      return 'text' in value ? value : undefined;
    case 'qa':
      return undefined;
  }
}
