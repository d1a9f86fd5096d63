import type { Language } from '../../core/language.ts';
import { type AnswerMessages, answerMessages } from './answer-messages.ts';
import { defaultMaxLength, localise, NO_OPINION, OTHER, otherMaxLength } from './definition.ts';
import type { ResolvedChoiceQuestion, ResolvedInstrument, ResolvedQuestion } from './resolve.ts';

/** A valid answer to one question, before it becomes rows. */
export type ParsedAnswer =
  | { type: 'choice'; selected: string[]; other: string | null }
  /** `null`: the person chose "no opinion". */
  | { type: 'scale'; value: number | null }
  | { type: 'number'; value: number }
  | { type: 'text'; value: string }
  | { type: 'matrix'; items: Map<string, number | null> };

export type AnswerIssue = { question: string; item?: string; message: string };

export type Parsed = { kind: 'blank' } | { kind: 'ok'; answer: ParsedAnswer } | { kind: 'bad'; issues: AnswerIssue[] };

/** What arrived for one question, from nested JSON or from a flat form post (`q._other`, `q.item`, `q[item]`). */
export type Collected = { value: unknown; other: unknown; items: Map<string, unknown> };

const SUB_KEY = /^([a-z][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*)|\[([a-z_][a-z0-9_]*)\])$/;

export const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.every(isBlank)) ||
  (isRecord(value) && Object.values(value).every(isBlank));

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const questionMaps = new WeakMap<ResolvedInstrument, ReadonlyMap<string, ResolvedQuestion>>();

/** The instrument's questions by key, kept per instrument object (a published one never changes; answers are checked many times a second). */
export function questionsByKey(instrument: ResolvedInstrument): ReadonlyMap<string, ResolvedQuestion> {
  let found = questionMaps.get(instrument);
  if (!found) {
    found = new Map(instrument.sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
    questionMaps.set(instrument, found);
  }
  return found;
}

export function collect(instrument: ResolvedInstrument, raw: unknown, msg: AnswerMessages): { collected: Map<string, Collected>; issues: AnswerIssue[] } {
  const questions = questionsByKey(instrument);
  const collected = new Map<string, Collected>();
  const issues: AnswerIssue[] = [];
  if (!isRecord(raw)) return { collected, issues: [{ question: '', message: msg.notAnObject }] };
  const entry = (key: string) => {
    const found = collected.get(key);
    if (found) return found;
    const created: Collected = { value: undefined, other: undefined, items: new Map() };
    collected.set(key, created);
    return created;
  };
  for (const [key, value] of Object.entries(raw)) {
    if (questions.has(key)) {
      entry(key).value = value;
      continue;
    }
    const match = SUB_KEY.exec(key);
    const question = match?.[1] === undefined ? undefined : questions.get(match[1]);
    const sub = match?.[2] ?? match?.[3];
    if (question && sub === OTHER && 'other' in question && question.other) entry(question.key).other = value;
    else if (question?.type === 'matrix' && sub !== undefined && sub !== OTHER) entry(question.key).items.set(sub, value);
    else issues.push({ question: key, message: msg.unknownQuestion });
  }
  return { collected, issues };
}

/** One value or a list of them, as a form post sends a checkbox group; blanks dropped, duplicates merged. */
function choices(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => v === undefined || v === null || typeof v === 'string')) return undefined;
  return [...new Set(list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()))];
}

function parseChoice(q: ResolvedChoiceQuestion, c: Collected, msg: AnswerMessages, lang: Language): Parsed {
  const bad = (message: string): Parsed => ({ kind: 'bad', issues: [{ question: q.key, message }] });
  const otherLabel = q.other ? localise(q.other.label, lang) : '';
  const otherText = typeof c.other === 'string' ? c.other.replace(/\r\n?/g, '\n').trim() : c.other;
  if (otherText !== undefined && otherText !== null && typeof otherText !== 'string') return bad(msg.badShape);
  const selected = choices(c.value);
  if (selected === undefined) return bad(msg.badShape);
  if (selected.length === 0) return otherText ? bad(msg.otherNotChosen(otherLabel)) : { kind: 'blank' };
  if (q.type === 'single' && selected.length > 1) return bad(msg.chooseOne);
  const byKey = new Map(q.options.map((o) => [o.key, o]));
  const issues: AnswerIssue[] = [];
  for (const key of selected) if (!byKey.has(key) && !(key === OTHER && q.other)) issues.push({ question: q.key, message: msg.unknownOption });
  if (issues.length > 0) return { kind: 'bad', issues };
  const exclusive = selected.map((k) => byKey.get(k)).find((o) => o?.exclusive);
  if (q.type === 'multiple' && exclusive && selected.length > 1) return bad(msg.exclusive(localise(exclusive.label, lang)));
  if (q.type === 'multiple' && q.maxSelected !== undefined && selected.length > q.maxSelected) return bad(msg.chooseAtMost(q.maxSelected));
  const choseOther = selected.includes(OTHER);
  if (choseOther && !otherText) return bad(msg.otherMissing(otherLabel));
  if (!choseOther && otherText) return bad(msg.otherNotChosen(otherLabel));
  if (q.other && typeof otherText === 'string' && otherText.length > otherMaxLength(q.other))
    return bad(msg.tooLong(otherMaxLength(q.other), otherText.length));
  const order = [...q.options.map((o) => o.key), OTHER];
  return {
    kind: 'ok',
    answer: { type: 'choice', selected: order.filter((k) => selected.includes(k)), other: choseOther ? (otherText as string) : null },
  };
}

/** A point of a scale: a number, its text form, or "no opinion". `undefined` when it is not one. */
function scalePoint(q: Extract<ResolvedQuestion, { type: 'likert' | 'matrix' }>, value: unknown): number | null | undefined {
  if (typeof value === 'string' && value.trim() === NO_OPINION) return q.noOpinion ? null : undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return q.points.some((p) => p.value === n) ? n + 0 : undefined;
}

function parseMatrix(q: Extract<ResolvedQuestion, { type: 'matrix' }>, c: Collected, msg: AnswerMessages): Parsed {
  if (!isBlank(c.value) && !isRecord(c.value)) return { kind: 'bad', issues: [{ question: q.key, message: msg.badShape }] };
  const raw = new Map([...Object.entries(isRecord(c.value) ? c.value : {}), ...c.items]);
  const known = new Set(q.items.map((i) => i.key));
  const issues: AnswerIssue[] = [];
  const items = new Map<string, number | null>();
  for (const [item, value] of raw) {
    if (!known.has(item)) issues.push({ question: q.key, item, message: msg.unknownItem });
    else if (isBlank(value)) continue;
    else {
      const point = scalePoint(q, value);
      if (point === undefined) issues.push({ question: q.key, item, message: msg.chooseOnScale });
      else items.set(item, point);
    }
  }
  if (issues.length > 0) return { kind: 'bad', issues };
  if (items.size === 0) return { kind: 'blank' };
  return { kind: 'ok', answer: { type: 'matrix', items: new Map(q.items.filter((i) => items.has(i.key)).map((i) => [i.key, items.get(i.key) ?? null])) } };
}

function parseNumber(q: Extract<ResolvedQuestion, { type: 'number' }>, value: unknown, msg: AnswerMessages): Parsed {
  const text = typeof value === 'string' ? value.trim() : undefined;
  const n = typeof value === 'number' ? value : text !== undefined && /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  const bad = (message: string): Parsed => ({ kind: 'bad', issues: [{ question: q.key, message }] });
  if (!Number.isFinite(n) || n < q.min || n > q.max) return bad(msg.numberBetween(q.min, q.max));
  if (q.integer && !Number.isInteger(n)) return bad(msg.wholeNumber);
  return { kind: 'ok', answer: { type: 'number', value: n + 0 } };
}

function parseText(q: Extract<ResolvedQuestion, { type: 'short_text' | 'long_text' }>, value: unknown, msg: AnswerMessages): Parsed {
  if (typeof value !== 'string' && typeof value !== 'number') return { kind: 'bad', issues: [{ question: q.key, message: msg.badShape }] };
  const text = String(value).replace(/\r\n?/g, '\n').trim();
  const max = defaultMaxLength(q);
  if (text.length > max) return { kind: 'bad', issues: [{ question: q.key, message: msg.tooLong(max, text.length) }] };
  return { kind: 'ok', answer: { type: 'text', value: text } };
}

/** Reads what arrived for one question into a valid answer, "nothing", or the problems a person can fix. */
export function parseAnswer(q: ResolvedQuestion, c: Collected | undefined, lang: Language, msg = answerMessages(lang)): Parsed {
  const got = c ?? { value: undefined, other: undefined, items: new Map() };
  switch (q.type) {
    case 'single':
    case 'multiple':
      return parseChoice(q, got, msg, lang);
    case 'matrix':
      return parseMatrix(q, got, msg);
    default:
      break;
  }
  if (isBlank(got.value)) return { kind: 'blank' };
  const value = Array.isArray(got.value) && got.value.length === 1 ? got.value[0] : got.value;
  switch (q.type) {
    case 'likert': {
      const point = scalePoint(q, value);
      return point === undefined
        ? { kind: 'bad', issues: [{ question: q.key, message: msg.chooseOnScale }] }
        : { kind: 'ok', answer: { type: 'scale', value: point } };
    }
    case 'number':
      return parseNumber(q, value, msg);
    default:
      return parseText(q, value, msg);
  }
}

export function requiredIssues(q: ResolvedQuestion, parsed: Parsed, msg: AnswerMessages): AnswerIssue[] {
  if (!q.required) return [];
  if (q.type === 'matrix') {
    const answered = parsed.kind === 'ok' && parsed.answer.type === 'matrix' ? parsed.answer.items : new Map();
    return q.items.filter((i) => !answered.has(i.key)).map((i) => ({ question: q.key, item: i.key, message: msg.chooseForStatement }));
  }
  if (parsed.kind !== 'blank') return [];
  const message =
    q.type === 'multiple'
      ? msg.chooseAtLeastOne
      : q.type === 'single' || q.type === 'likert'
        ? msg.chooseAnswer
        : q.type === 'number'
          ? msg.numberBetween(q.min, q.max)
          : msg.fillIn;
  return [{ question: q.key, message }];
}
