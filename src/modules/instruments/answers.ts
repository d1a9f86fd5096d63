import type { Language } from '../../core/language.ts';
import { answerMessages } from './answer-messages.ts';
import { type AnswerIssue, collect, isRecord, type ParsedAnswer, parseAnswer, questionsByKey, requiredIssues } from './answer-parsing.ts';
import { evaluate, type Truth } from './conditions.ts';
import { allQuestions, type Condition, NO_OPINION, OTHER } from './definition.ts';
import type { ResolvedInstrument, ResolvedQuestion } from './resolve.ts';

export type { AnswerIssue } from './answer-parsing.ts';

/**
 * One stored answer: response × question × (matrix item) × option or value. A multiple choice with
 * three options chosen gives three rows; a scale or a number one row with `number`; a matrix one row
 * per statement. "No opinion" is the option `_no_opinion`; "something else" the option `_other` with its text.
 */
export type AnswerRow = { question: string; item: string | null; option: string | null; number: number | null; text: string | null };

/** The shape answers arrive in: JSON, or a form post where everything is a string. */
export type AnswerValue = string | string[] | number | Record<string, number | string>;
export type RawAnswers = Record<string, AnswerValue | null | undefined>;

export type AnswerResult = { ok: true; rows: AnswerRow[] } | { ok: false; issues: AnswerIssue[] };

type Walk = {
  issues: AnswerIssue[];
  answers: Map<string, ParsedAnswer>;
  visibility: Map<string, Truth>;
};

/**
 * Goes through every question in order, deciding visibility from the answers before it. Only the
 * questions in `scope` report problems; the others are read to evaluate conditions.
 */
function walk(
  instrument: ResolvedInstrument,
  raw: unknown,
  lang: Language,
  scope: (q: ResolvedQuestion) => boolean,
  /** false: only the questions in scope and those a condition looks at are read (the others would change nothing returned but `answers`). */
  readAll = true,
): Walk {
  const msg = answerMessages(lang);
  const { collected, issues } = collect(instrument, raw, msg);
  const answers = new Map<string, ParsedAnswer>();
  const uncertain = new Set<string>();
  const visibility = new Map<string, Truth>();
  const looked = readAll ? undefined : conditionTargets(instrument);
  for (const q of questionsByKey(instrument).values()) {
    const visible: Truth = q.showIf ? evaluate(q.showIf, { answers, uncertain }) : true;
    visibility.set(q.key, visible);
    const report = scope(q);
    if (looked && !report && !looked.has(q.key)) continue;
    const parsed = parseAnswer(q, collected.get(q.key), lang, msg);
    if (visible === false) {
      if (report && parsed.kind !== 'blank') issues.push({ question: q.key, message: msg.notApplicable });
      continue;
    }
    if (parsed.kind === 'bad') {
      if (report) issues.push(...parsed.issues);
      uncertain.add(q.key);
      continue;
    }
    if (parsed.kind === 'ok') answers.set(q.key, parsed.answer);
    if (visible === 'unknown') uncertain.add(q.key);
    else if (report) issues.push(...requiredIssues(q, parsed, msg));
  }
  return { issues, answers, visibility };
}

const targets = new WeakMap<ResolvedInstrument, ReadonlySet<string>>();

/** The questions some condition looks at (kept per instrument object: a published one never changes). */
function conditionTargets(instrument: ResolvedInstrument): ReadonlySet<string> {
  let found = targets.get(instrument);
  if (!found) {
    const keys = new Set<string>();
    const add = (c: Condition): void => {
      if ('all' in c) c.all.forEach(add);
      else if ('any' in c) c.any.forEach(add);
      else keys.add(c.question);
    };
    for (const q of allQuestions(instrument)) if (q.showIf) add(q.showIf);
    found = keys;
    targets.set(instrument, found);
  }
  return found;
}

function rowsOf(q: ResolvedQuestion, answer: ParsedAnswer): AnswerRow[] {
  const row = { question: q.key, item: null, option: null, number: null, text: null };
  switch (answer.type) {
    case 'choice':
      return answer.selected.map((option) => ({ ...row, option, text: option === OTHER ? answer.other : null }));
    case 'scale':
      return [{ ...row, option: answer.value === null ? NO_OPINION : null, number: answer.value }];
    case 'number':
      return [{ ...row, number: answer.value }];
    case 'text':
      return [{ ...row, text: answer.value }];
    case 'matrix':
      return [...answer.items].map(([item, value]) => ({ ...row, item, option: value === null ? NO_OPINION : null, number: value }));
  }
}

function result(instrument: ResolvedInstrument, raw: unknown, lang: Language, scope: (q: ResolvedQuestion) => boolean): AnswerResult {
  if (!isRecord(raw)) return { ok: false, issues: [{ question: '', message: answerMessages(lang).notAnObject }] };
  const { issues, answers } = walk(instrument, raw, lang, scope, false);
  if (issues.length > 0) return { ok: false, issues };
  const rows = allQuestions(instrument).flatMap((q) => {
    const answer = answers.get(q.key);
    return answer && scope(q) ? rowsOf(q, answer) : [];
  });
  return { ok: true, rows };
}

/** Checks a whole response; on success the long-format rows to store, otherwise a message per field. */
export function validateAnswers(instrument: ResolvedInstrument, raw: unknown, lang: Language): AnswerResult {
  return result(instrument, raw, lang, () => true);
}

/**
 * Checks one page of the respondent form. `answers` holds everything given so far (earlier pages
 * decide which questions show); only this section's questions are judged and returned as rows.
 */
export function validateSection(instrument: ResolvedInstrument, sectionKey: string, answers: unknown, lang: Language): AnswerResult {
  const section = instrument.sections.find((s) => s.key === sectionKey);
  if (!section) throw new RangeError(`Unknown section ${sectionKey}`);
  const keys = new Set(section.questions.map((q) => q.key));
  return result(instrument, answers, lang, (q) => keys.has(q.key));
}

/**
 * For "save and continue later" (and going back): what can be kept of one page as it is — every
 * well-formed answer to a question that is shown. What is missing or not right yet waits for later.
 */
export function keepableSectionRows(instrument: ResolvedInstrument, sectionKey: string, answers: unknown): AnswerRow[] {
  const section = instrument.sections.find((s) => s.key === sectionKey);
  if (!section) throw new RangeError(`Unknown section ${sectionKey}`);
  const keys = new Set(section.questions.map((q) => q.key));
  const walked = walk(instrument, isRecord(answers) ? answers : {}, 'nl', () => false);
  return allQuestions(instrument)
    .filter((q) => keys.has(q.key) && walked.visibility.get(q.key) !== false)
    .flatMap((q) => {
      const answer = walked.answers.get(q.key);
      return answer ? rowsOf(q, answer) : [];
    });
}

/**
 * The questions to show, given the answers so far. A question whose condition depends on an answer
 * that is not valid yet is shown: hiding it could lose what someone meant to say.
 */
export function visibleQuestions(instrument: ResolvedInstrument, answersSoFar: unknown): ResolvedQuestion[] {
  const { visibility } = walk(instrument, isRecord(answersSoFar) ? answersSoFar : {}, 'nl', () => false, false);
  return [...questionsByKey(instrument).values()].filter((q) => visibility.get(q.key) !== false);
}

/** The inverse of the rows: the canonical answers they came from (for re-editing, exports and tests). */
export function rowsToAnswers(instrument: ResolvedInstrument, rows: readonly AnswerRow[]): Record<string, AnswerValue> {
  // Read on every page of the form: the questions by key are kept per instrument object, and a
  // multiple choice's options and a matrix's statements are gathered in place, not copied per row.
  const questions = questionsByKey(instrument);
  const out: Record<string, AnswerValue> = {};
  for (const row of rows) {
    const q = questions.get(row.question);
    if (!q) throw new RangeError(`Row for unknown question ${row.question}`);
    switch (q.type) {
      case 'single':
        out[q.key] = row.option ?? '';
        break;
      case 'multiple': {
        const chosen = out[q.key];
        if (Array.isArray(chosen)) chosen.push(row.option ?? '');
        else out[q.key] = [row.option ?? ''];
        break;
      }
      case 'likert':
        out[q.key] = point(row);
        break;
      case 'number':
        out[q.key] = row.number ?? Number.NaN;
        break;
      case 'matrix': {
        const items = out[q.key];
        if (typeof items === 'object' && !Array.isArray(items)) items[row.item ?? ''] = point(row);
        else out[q.key] = { [row.item ?? '']: point(row) };
        break;
      }
      default:
        out[q.key] = row.text ?? '';
    }
    if (row.option === OTHER && (q.type === 'single' || q.type === 'multiple')) out[`${q.key}.${OTHER}`] = row.text ?? '';
  }
  return out;
}

const point = (r: AnswerRow): number | string => (r.option === NO_OPINION ? NO_OPINION : (r.number ?? Number.NaN));

/**
 * One question's answer, checked by the form's own rules (options, exclusive options, scale points),
 * as the rows a response stores; undefined when it does not fit. For answers given elsewhere (a
 * live meeting's prompt linked to this question), so they mean the same as the survey's.
 */
export function questionRows(q: ResolvedQuestion, value: AnswerValue, lang: Language): AnswerRow[] | undefined {
  const parsed = parseAnswer(q, { value, other: undefined, items: new Map() }, lang);
  return parsed.kind === 'ok' ? rowsOf(q, parsed.answer) : undefined;
}
