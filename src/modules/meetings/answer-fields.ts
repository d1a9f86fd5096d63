import * as z from 'zod';
import { type AnswerValue, answerValue, CLIENT_ID_PATTERN } from './model.ts';

/**
 * The fields of an answer form, as a phone sends them: a form post without JavaScript, or the same
 * fields as a message on the page's live socket (live-answers.ts). Both are read here, the same way.
 */
export const answerFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type AnswerFields = z.infer<typeof answerFields>;

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
const isFieldValue = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string'));

/**
 * A message on the participant's live socket (parsed JSON): `{ kind: 'answer', fields }`, nothing
 * else, with fields as `answerFields` has them (each a string or a list of strings). The fields, or
 * undefined. Checked by hand, not by a schema: it runs for every answer of a room, and zod's
 * record-of-unions check was the largest part of reading one.
 */
export function liveAnswerFields(message: unknown): AnswerFields | undefined {
  if (!isPlainObject(message) || message.kind !== 'answer') return undefined;
  const fields = message.fields;
  if (!isPlainObject(fields) || Object.keys(message).length !== 2) return undefined;
  for (const key in fields) if (!isFieldValue(fields[key])) return undefined;
  return fields as AnswerFields;
}

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

/** zod's own test of a UUID (what z.uuid() checks), as a pattern: a string test, no schema run per answer. */
const UUID_PATTERN = z.regexes.uuid();

export type ParsedAnswer = { promptId: string; clientId: string; value: AnswerValue } | { refused: 'rankTwice' | 'invalid' };

/** The prompt, client id and answer value of an answer form, each checked (ids by their patterns, the value by its schema); or why not. */
export function parseAnswerFields(fields: AnswerFields): ParsedAnswer {
  const promptId = one(fields.promptId);
  const clientId = one(fields.clientId);
  const raw = answerFromFields(fields);
  if (raw === 'rank_twice') return { refused: 'rankTwice' };
  if (promptId === undefined || !UUID_PATTERN.test(promptId) || clientId === undefined || !CLIENT_ID_PATTERN.test(clientId)) return { refused: 'invalid' };
  const value = answerValue.safeParse(raw);
  if (!value.success) return { refused: 'invalid' };
  return { promptId, clientId, value: value.data };
}
