import * as z from 'zod';
import { type AnswerValue, answerValue, clientIdSchema } from './model.ts';

/**
 * The fields of an answer form, as a phone sends them: a form post without JavaScript, or the same
 * fields as a message on the page's live socket (live-answers.ts). Both are read here, the same way.
 */
export const answerFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type AnswerFields = z.infer<typeof answerFields>;

/** A message on the participant's live socket: an answer form's fields. */
export const liveAnswerMessage = z.strictObject({ kind: z.literal('answer'), fields: answerFields });

export const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The form fields of an answer, as the answer value of its kind. */
function answerFromFields(fields: AnswerFields): AnswerValue | 'rank_twice' | undefined {
  if (fields.choice !== undefined) return { choice: one(fields.choice) ?? '' };
  if (fields.choices !== undefined) return { choices: list(fields.choices) };
  if (fields.word !== undefined) return { words: list(fields.word).filter((w) => w.trim() !== '') };
  if (fields.text !== undefined) return { text: one(fields.text) ?? '' };
  const ranks = Object.entries(fields).filter(([key]) => key.startsWith('rank_'));
  if (ranks.length > 0) {
    const places = ranks.map(([key, value]) => ({ key: key.slice(5), place: Number(one(value)) }));
    if (new Set(places.map((p) => p.place)).size !== places.length) return 'rank_twice';
    return { order: places.sort((a, b) => a.place - b.place).map((p) => p.key) };
  }
  return undefined;
}

/** Built once: a zod schema costs more to build than to check a value with. */
const promptIdSchema = z.uuid();

export type ParsedAnswer = { promptId: string; clientId: string; value: AnswerValue } | { refused: 'rankTwice' | 'invalid' };

/** The prompt, client id and answer value of an answer form, each checked by its schema; or why not. */
export function parseAnswerFields(fields: AnswerFields): ParsedAnswer {
  const promptId = promptIdSchema.safeParse(one(fields.promptId));
  const clientId = clientIdSchema.safeParse(one(fields.clientId));
  const raw = answerFromFields(fields);
  if (raw === 'rank_twice') return { refused: 'rankTwice' };
  const value = answerValue.safeParse(raw);
  if (!promptId.success || !clientId.success || !value.success) return { refused: 'invalid' };
  return { promptId: promptId.data, clientId: clientId.data, value: value.data };
}
