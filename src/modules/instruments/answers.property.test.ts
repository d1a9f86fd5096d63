import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerValue, rowsToAnswers, validateAnswers, validateSection, visibleQuestions } from './answers.ts';
import { type Condition, type ConditionValue, NO_OPINION, OTHER } from './definition.ts';
import { type ResolvedInstrument, type ResolvedQuestion, resolveInstrument } from './resolve.ts';
import { parseDefinition } from './validation.ts';

type G = fc.GeneratorValue;
type Canonical = Record<string, AnswerValue>;

const label = (key: string) => ({ nl: `Label ${key}`, en: `Label ${key}` });
const questionTypes = ['single', 'multiple', 'likert', 'number', 'short_text', 'long_text', 'matrix'] as const;

function genPoints(g: G) {
  const values: number[] = g(() => fc.uniqueArray(fc.integer({ min: -5, max: 10 }), { minLength: 2, maxLength: 7 }));
  return values.map((value) => ({ value, label: label(String(value)) }));
}

/** A leaf condition that makes sense for the earlier question it refers to. */
function genLeaf(g: G, target: ResolvedQuestion): Condition {
  const kind = g(fc.constantFrom, 'answered', 'notAnswered', 'equals', 'anyOf');
  if (kind === 'answered' || kind === 'notAnswered' || target.type === 'short_text' || target.type === 'long_text')
    return kind === 'notAnswered' ? { question: target.key, notAnswered: true } : { question: target.key, answered: true };
  let values: ConditionValue[];
  let item: string | undefined;
  if (target.type === 'single' || target.type === 'multiple') values = [...target.options.map((o) => o.key), ...(target.other ? [OTHER] : [])];
  else if (target.type === 'number') values = [target.min, target.max];
  else {
    values = [...target.points.map((p) => p.value), ...(target.noOpinion ? [NO_OPINION] : [])];
    if (target.type === 'matrix') item = g(fc.constantFrom, ...target.items.map((i) => i.key));
  }
  const base = { question: target.key, ...(item ? { item } : {}) };
  if (kind === 'equals') return { ...base, equals: g(fc.constantFrom, ...values) };
  return { ...base, anyOf: g(fc.subarray, values, { minLength: 1 }) };
}

function genQuestion(g: G, index: number, earlier: ResolvedQuestion[]): ResolvedQuestion {
  const key = `q${index}`;
  const type = g(fc.constantFrom, ...questionTypes);
  const base = { key, text: label(key), required: g(fc.boolean) };
  let showIf: Condition | undefined;
  if (earlier.length > 0 && g(fc.boolean)) {
    const pick = () => earlier[g(fc.nat, earlier.length - 1)] as ResolvedQuestion;
    const parts = [genLeaf(g, pick()), genLeaf(g, pick())];
    showIf = g(fc.boolean) ? genLeaf(g, pick()) : g(fc.boolean) ? { all: parts } : { any: parts };
  }
  const q = { ...base, ...(showIf ? { showIf } : {}) };
  switch (type) {
    case 'single':
    case 'multiple': {
      const n = g(fc.integer, { min: 1, max: 6 });
      const options = Array.from({ length: n }, (_, i) => ({
        key: `o${i}`,
        label: label(`o${i}`),
        exclusive: type === 'multiple' && n > 1 && g(fc.integer, { min: 0, max: 4 }) === 0,
      }));
      const other = g(fc.boolean) ? { other: { label: label('other'), maxLength: g(fc.integer, { min: 1, max: 30 }) } } : {};
      const maxSelected = type === 'multiple' && g(fc.boolean) ? { maxSelected: g(fc.integer, { min: 1, max: n + (other.other ? 1 : 0) }) } : {};
      return { ...q, type, options, source: null, ...other, ...maxSelected };
    }
    case 'likert':
      return { ...q, type, points: genPoints(g), ...(g(fc.boolean) ? { noOpinion: { label: label('no') } } : {}) };
    case 'number': {
      const integer = g(fc.boolean);
      const min = integer ? g(fc.integer, { min: -1000, max: 1000 }) : g(fc.integer, { min: -100_000, max: 100_000 }) / 100;
      return { ...q, type, min, max: min + g(fc.integer, { min: 0, max: 500 }), integer };
    }
    case 'short_text':
    case 'long_text':
      return { ...q, type, maxLength: g(fc.integer, { min: 1, max: 40 }) };
    case 'matrix': {
      const items = Array.from({ length: g(fc.integer, { min: 1, max: 4 }) }, (_, i) => ({ key: `i${i}`, text: label(`i${i}`) }));
      return { ...q, type, items, source: null, points: genPoints(g), ...(g(fc.boolean) ? { noOpinion: { label: label('no') } } : {}) };
    }
    default:
      throw new Error(`untested question type ${type}`);
  }
}

function genInstrument(g: G): ResolvedInstrument {
  let index = 0;
  const earlier: ResolvedQuestion[] = [];
  const sections = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, (_, s) => ({
    key: `s${s}`,
    title: label(`s${s}`),
    questions: Array.from({ length: g(fc.integer, { min: 1, max: 5 }) }, () => {
      const question = genQuestion(g, index++, earlier);
      earlier.push(question);
      return question;
    }),
  }));
  return { key: 'generated', title: label('instrument'), intro: { nl: '', en: '' }, sections };
}

const text = (g: G, max: number) =>
  g(
    (m: number) =>
      fc
        .string({ minLength: 1, maxLength: m, unit: 'grapheme' })
        .map((s) => s.replace(/\r/g, '').trim())
        .filter((s) => s.length > 0 && s.length <= m),
    max,
  );

/** An independent reading of the condition rules, to check the module against. */
function holds(condition: Condition, answers: Canonical): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  const raw = answers[condition.question];
  const value = condition.item !== undefined && raw !== undefined ? (raw as Record<string, number | string>)[condition.item] : raw;
  if ('answered' in condition) return value !== undefined;
  if ('notAnswered' in condition) return value === undefined;
  const wanted = 'equals' in condition ? [condition.equals] : condition.anyOf;
  const given = Array.isArray(value) ? value : [value];
  return value !== undefined && wanted.some((w) => given.includes(w as never));
}

function genAnswer(g: G, q: ResolvedQuestion, out: Canonical): void {
  switch (q.type) {
    case 'single': {
      const choice = g(fc.constantFrom, ...q.options.map((o) => o.key), ...(q.other ? [OTHER] : []));
      out[q.key] = choice;
      if (choice === OTHER && q.other) out[`${q.key}.${OTHER}`] = text(g, q.other.maxLength ?? 500);
      return;
    }
    case 'multiple': {
      const exclusive = q.options.filter((o) => o.exclusive).map((o) => o.key);
      const plain = [...q.options.filter((o) => !o.exclusive).map((o) => o.key), ...(q.other ? [OTHER] : [])];
      const max = Math.min(q.maxSelected ?? plain.length, plain.length);
      const chosen =
        exclusive.length > 0 && (plain.length === 0 || g(fc.integer, { min: 0, max: 3 }) === 0)
          ? [g(fc.constantFrom, ...exclusive)]
          : g(fc.subarray, plain, { minLength: 1, maxLength: max });
      out[q.key] = [...q.options.map((o) => o.key), OTHER].filter((k) => chosen.includes(k));
      if (chosen.includes(OTHER) && q.other) out[`${q.key}.${OTHER}`] = text(g, q.other.maxLength ?? 500);
      return;
    }
    case 'likert':
      out[q.key] = g(fc.constantFrom, ...q.points.map((p) => p.value), ...(q.noOpinion ? [NO_OPINION] : []));
      return;
    case 'number':
      out[q.key] = q.integer
        ? g(fc.integer, { min: Math.ceil(q.min), max: Math.floor(q.max) })
        : Math.round(100 * g(fc.double, { min: q.min, max: q.max, noNaN: true })) / 100 + 0;
      if ((out[q.key] as number) < q.min || (out[q.key] as number) > q.max) out[q.key] = q.min + 0;
      return;
    case 'short_text':
    case 'long_text':
      out[q.key] = text(g, q.maxLength ?? 500);
      return;
    case 'matrix': {
      const items = q.required ? q.items : g(fc.subarray, q.items, { minLength: 1 });
      const values = [...q.points.map((p) => p.value), ...(q.noOpinion ? [NO_OPINION] : [])];
      out[q.key] = Object.fromEntries(items.map((i) => [i.key, g(fc.constantFrom, ...values)]));
    }
  }
}

/** A valid, complete response: required visible questions answered, hidden ones left empty. */
function genCase(g: G): { instrument: ResolvedInstrument; answers: Canonical; visible: string[] } {
  const instrument = genInstrument(g);
  const answers: Canonical = {};
  const visible: string[] = [];
  for (const q of instrument.sections.flatMap((s) => s.questions)) {
    if (q.showIf && !holds(q.showIf, answers)) continue;
    visible.push(q.key);
    if (q.required || g(fc.boolean)) genAnswer(g, q, answers);
  }
  return { instrument, answers, visible };
}

/** The same answers as a form without JavaScript posts them: strings only, matrices flattened, empty fields present. */
function asFormPost(g: G, instrument: ResolvedInstrument, answers: Canonical): Record<string, string | string[]> {
  const post: Record<string, string | string[]> = {};
  for (const q of instrument.sections.flatMap((s) => s.questions)) {
    const value = answers[q.key];
    if (value === undefined) {
      if (g(fc.boolean)) post[q.key] = q.type === 'multiple' ? [] : '';
      continue;
    }
    if (q.type === 'matrix') {
      for (const [item, v] of Object.entries(value as Record<string, number | string>))
        post[g(fc.boolean) ? `${q.key}.${item}` : `${q.key}[${item}]`] = String(v);
    } else if (Array.isArray(value)) post[q.key] = value.length === 1 && g(fc.boolean) ? (value[0] as string) : value;
    else if (typeof value === 'number') post[q.key] = g(fc.boolean) ? String(value).replace('.', ',') : ` ${value} `;
    else post[q.key] = value as string;
  }
  for (const [key, value] of Object.entries(answers)) if (key.includes('.')) post[key] = value as string;
  return post;
}

/** An answer the question must refuse: an unknown option, a forbidden combination, too many, out of range, too long, … */
function invalidAnswer(g: G, q: ResolvedQuestion): AnswerValue | undefined {
  switch (q.type) {
    case 'single':
      return q.options.length > 1 ? g(fc.constantFrom, 'zz_unknown', q.options.map((o) => o.key).slice(0, 2)) : 'zz_unknown';
    case 'multiple': {
      const exclusive = q.options.find((o) => o.exclusive);
      const others = q.options.filter((o) => o !== exclusive).map((o) => o.key);
      const plain = q.options.filter((o) => !o.exclusive).map((o) => o.key);
      const choices: AnswerValue[] = [[...plain.slice(0, 1), 'zz_unknown']];
      if (exclusive && others.length > 0) choices.push([exclusive.key, others[0] as string]);
      if (q.maxSelected !== undefined && plain.length > q.maxSelected) choices.push(plain.slice(0, q.maxSelected + 1));
      return g(fc.constantFrom, ...choices);
    }
    case 'likert':
      return g(fc.constantFrom, Math.max(...q.points.map((p) => p.value)) + 1, 'x', ...(q.noOpinion ? [] : [NO_OPINION]));
    case 'number':
      return g(fc.constantFrom, q.max + 1, String(q.min - 1), 'twaalf', ...(q.integer ? [q.min + 0.5 <= q.max ? q.min + 0.5 : q.max + 0.5] : []));
    case 'short_text':
    case 'long_text':
      return 'x'.repeat((q.maxLength ?? 5000) + 1);
    case 'matrix':
      return g(fc.constantFrom, { zz_unknown: q.points[0]?.value ?? 1 }, { [q.items[0]?.key ?? 'i0']: 'x' });
  }
}

const runs = { numRuns: 300 };

describe('answers: properties', () => {
  it('every valid generated answer set becomes rows and comes back from them unchanged', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { instrument, answers } = genCase(g);
        const result = validateAnswers(instrument, answers, 'nl');
        expect(result).toMatchObject({ ok: true });
        if (!result.ok) return;
        expect(rowsToAnswers(instrument, result.rows)).toEqual(answers);
        expect(validateAnswers(instrument, rowsToAnswers(instrument, result.rows), 'en')).toEqual(result);
      }),
      runs,
    );
  });

  it('a form post of the same answers (all strings) gives the same rows', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { instrument, answers } = genCase(g);
        const expected = validateAnswers(instrument, answers, 'nl');
        expect(validateAnswers(instrument, asFormPost(g, instrument, answers), 'nl')).toEqual(expected);
      }),
      runs,
    );
  });

  it('validating page by page gives the same rows as validating the whole response', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { instrument, answers } = genCase(g);
        const whole = validateAnswers(instrument, answers, 'nl');
        const pages = instrument.sections.map((s) => validateSection(instrument, s.key, answers, 'nl'));
        expect(pages.every((p) => p.ok)).toBe(true);
        expect(pages.flatMap((p) => (p.ok ? p.rows : []))).toEqual(whole.ok ? whole.rows : null);
      }),
      runs,
    );
  });

  it('shows exactly the questions whose conditions hold', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { instrument, answers, visible } = genCase(g);
        expect(visibleQuestions(instrument, answers).map((q) => q.key)).toEqual(visible);
      }),
      runs,
    );
  });

  it('the generated instruments are valid definitions, and resolving inline options changes nothing', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { instrument } = genCase(g);
        const definition = {
          ...instrument,
          sections: instrument.sections.map((s) => ({
            ...s,
            questions: s.questions.map(({ source: _s, ...q }: ResolvedQuestion & { source?: unknown }) => q),
          })),
        };
        const parsed = parseDefinition(definition, 'nl');
        expect(parsed).toMatchObject({ ok: true });
        if (!parsed.ok) return;
        const resolved = resolveInstrument(parsed.definition, () => undefined);
        expect(resolved).toEqual({ ok: true, instrument });
      }),
      { numRuns: 100 },
    );
  });

  it('answering a question that a condition hides is refused for that question', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { instrument, answers, visible } = genCase(g);
        const hidden = instrument.sections.flatMap((s) => s.questions).filter((q) => !visible.includes(q.key));
        fc.pre(hidden.length > 0);
        const target = g(fc.constantFrom, ...hidden);
        const extra: Canonical = {};
        genAnswer(g, target, extra);
        const result = validateAnswers(instrument, { ...answers, ...extra }, 'nl');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues.map((i) => i.question)).toContain(target.key);
      }),
      { numRuns: 200 },
    );
  });

  it('every kind of invalid answer to a visible question is refused, and the problem names that question', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { instrument, answers, visible } = genCase(g);
        const q = g(fc.constantFrom, ...instrument.sections.flatMap((s) => s.questions).filter((x) => visible.includes(x.key)));
        const bad = invalidAnswer(g, q);
        fc.pre(bad !== undefined);
        const result = validateAnswers(instrument, { ...answers, [q.key]: bad as AnswerValue }, 'nl');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues.map((i) => i.question)).toContain(q.key);
      }),
      runs,
    );
  });

  it('never throws, whatever arrives, and names a question for every problem', () => {
    fc.assert(
      fc.property(fc.gen(), fc.dictionary(fc.string(), fc.jsonValue()), (g, junk) => {
        const { instrument, answers } = genCase(g);
        for (const raw of [junk, { ...answers, ...junk }]) {
          const result = validateAnswers(instrument, raw, 'en');
          if (!result.ok) for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
