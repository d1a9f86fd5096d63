import type * as z from 'zod';
import { limits, NO_OPINION, OTHER } from './constants.shared.ts';
import type { Condition, InlineOption, InstrumentShape, LeafCondition, Question, QuestionType } from './definition.ts';

/** A message in both languages: the pure core does not know who reads it. */
export type Message = { nl: string; en: string };
export type DefinitionIssue = { path: (string | number)[]; message: Message };

/** What a condition may ask about the question it refers to. `null`: known only after resolving frameworks. */
export type ConditionTarget = {
  type: QuestionType;
  optionKeys: ReadonlySet<string> | null;
  itemKeys: ReadonlySet<string> | null;
  pointValues: ReadonlySet<number> | null;
  noOpinion: boolean;
};

const isInline = (options: unknown): options is InlineOption[] => Array.isArray(options);

/** `keys`: the option keys (choice) or statement keys (matrix) once frameworks are resolved. */
export function targetOf(question: Question | { type: QuestionType }, keys?: string[]): ConditionTarget {
  const q = question as Question;
  const base = { type: q.type, optionKeys: null, itemKeys: null, pointValues: null, noOpinion: false };
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const known = keys ?? (isInline(q.options) ? q.options.map((o) => o.key) : null);
      return { ...base, optionKeys: known ? new Set(q.other ? [...known, OTHER] : known) : null };
    }
    case 'likert':
      return { ...base, pointValues: new Set(q.points.map((p) => p.value)), noOpinion: q.noOpinion !== undefined };
    case 'matrix':
      return {
        ...base,
        itemKeys: keys ? new Set(keys) : Array.isArray(q.items) ? new Set(q.items.map((i) => i.key)) : null,
        pointValues: new Set(q.points.map((p) => p.value)),
        noOpinion: q.noOpinion !== undefined,
      };
    default:
      return base;
  }
}

const m = (nl: string, en: string): Message => ({ nl, en });

/**
 * Checks one condition against the questions before it. `earlier` holds only questions that come
 * earlier in the instrument; `all` every question key, to tell "later" from "does not exist".
 */
export function conditionIssues(
  condition: Condition,
  path: (string | number)[],
  earlier: ReadonlyMap<string, ConditionTarget>,
  all: ReadonlySet<string>,
  depth = 1,
): DefinitionIssue[] {
  if (depth > limits.conditionDepth)
    return [
      {
        path,
        message: m(
          `Voorwaarden mogen hoogstens ${limits.conditionDepth} niveaus diep gaan.`,
          `Conditions may nest at most ${limits.conditionDepth} levels deep.`,
        ),
      },
    ];
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionIssues(c, [...path, 'all', i], earlier, all, depth + 1));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionIssues(c, [...path, 'any', i], earlier, all, depth + 1));
  return leafIssues(condition, path, earlier, all);
}

function leafIssues(
  leaf: LeafCondition,
  path: (string | number)[],
  earlier: ReadonlyMap<string, ConditionTarget>,
  all: ReadonlySet<string>,
): DefinitionIssue[] {
  const at = (message: Message, ...rest: (string | number)[]) => [{ path: [...path, ...rest], message }];
  const target = earlier.get(leaf.question);
  if (!target) {
    return all.has(leaf.question)
      ? at(
          m(
            `Een voorwaarde kan alleen verwijzen naar een eerdere vraag. Vraag ‘${leaf.question}’ komt niet eerder.`,
            `A condition can only refer to an earlier question. Question ‘${leaf.question}’ does not come earlier.`,
          ),
          'question',
        )
      : at(m(`Vraag ‘${leaf.question}’ bestaat niet.`, `Question ‘${leaf.question}’ does not exist.`), 'question');
  }
  const values = 'equals' in leaf ? [leaf.equals] : 'anyOf' in leaf ? leaf.anyOf : [];
  const valueField = 'equals' in leaf ? 'equals' : 'anyOf';
  if (target.type === 'matrix') {
    if (leaf.item === undefined && values.length > 0)
      return at(m('Kies over welke uitspraak van de matrixvraag de voorwaarde gaat.', 'Choose which statement of the matrix question the condition is about.'));
    if (leaf.item !== undefined && target.itemKeys !== null && !target.itemKeys.has(leaf.item))
      return at(m(`Uitspraak ‘${leaf.item}’ bestaat niet bij deze vraag.`, `Statement ‘${leaf.item}’ does not exist in this question.`), 'item');
  } else if (leaf.item !== undefined) {
    return at(m('Alleen een matrixvraag heeft uitspraken.', 'Only a matrix question has statements.'), 'item');
  }
  if (values.length === 0) return [];
  switch (target.type) {
    case 'short_text':
    case 'long_text':
      return at(m('Bij een open vraag kan je alleen nagaan of ze beantwoord is.', 'For an open question you can only check whether it was answered.'));
    case 'number':
      return values.every((v) => typeof v === 'number') ? [] : at(m('Vergelijk met een getal.', 'Compare with a number.'), valueField);
    case 'single':
    case 'multiple': {
      const wrong = values.find((v) => typeof v !== 'string' || (target.optionKeys !== null && !target.optionKeys.has(v)));
      return wrong === undefined
        ? []
        : at(
            m(`‘${wrong}’ is geen antwoordmogelijkheid van vraag ‘${leaf.question}’.`, `‘${wrong}’ is not an answer option of question ‘${leaf.question}’.`),
            valueField,
          );
    }
    default: {
      const ok = (v: string | number) => (typeof v === 'number' ? (target.pointValues?.has(v) ?? false) : v === NO_OPINION && target.noOpinion);
      const wrong = values.find((v) => !ok(v));
      return wrong === undefined
        ? []
        : at(
            m(`‘${wrong}’ is geen punt van de schaal van vraag ‘${leaf.question}’.`, `‘${wrong}’ is not a point on the scale of question ‘${leaf.question}’.`),
            valueField,
          );
    }
  }
}

function duplicates<T>(values: T[]): Set<T> {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return twice;
}

function questionIssues(question: Question, path: (string | number)[]): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const add = (message: Message, ...rest: (string | number)[]) => issues.push({ path: [...path, ...rest], message });
  if ((question.type === 'single' || question.type === 'multiple') && isInline(question.options)) {
    const twice = duplicates(question.options.map((o) => o.key));
    question.options.forEach((o, i) => {
      if (twice.has(o.key))
        add(m(`Twee antwoordmogelijkheden hebben dezelfde sleutel ‘${o.key}’.`, `Two answer options have the same key ‘${o.key}’.`), 'options', i, 'key');
    });
  }
  const drawn = question.type === 'single' || question.type === 'multiple' ? question.options : question.type === 'matrix' ? question.items : [];
  if (!Array.isArray(drawn)) {
    const { include = [], exclude = [] } = drawn;
    const both = include.find((k) => exclude.includes(k));
    if (both)
      add(
        m(`Code ‘${both}’ staat zowel bij ‘alleen’ als bij ‘zonder’.`, `Code ‘${both}’ is both included and excluded.`),
        question.type === 'matrix' ? 'items' : 'options',
        'exclude',
      );
  }
  if (question.type === 'multiple' && question.maxSelected !== undefined && isInline(question.options)) {
    const available = question.options.length + (question.other ? 1 : 0);
    if (question.maxSelected > available)
      add(
        m(
          `Er zijn maar ${available} antwoordmogelijkheden; ‘hoogstens’ kan niet ${question.maxSelected} zijn.`,
          `There are only ${available} options; the maximum cannot be ${question.maxSelected}.`,
        ),
        'maxSelected',
      );
  }
  if (question.type === 'likert' || question.type === 'matrix') {
    const twice = duplicates(question.points.map((p) => p.value));
    question.points.forEach((p, i) => {
      if (twice.has(p.value))
        add(
          m(`Twee punten van de schaal hebben dezelfde waarde (${p.value}).`, `Two points of the scale have the same value (${p.value}).`),
          'points',
          i,
          'value',
        );
    });
  }
  if (question.type === 'matrix' && Array.isArray(question.items)) {
    const twice = duplicates(question.items.map((i) => i.key));
    question.items.forEach((item, i) => {
      if (twice.has(item.key))
        add(m(`Twee uitspraken hebben dezelfde sleutel ‘${item.key}’.`, `Two statements have the same key ‘${item.key}’.`), 'items', i, 'key');
    });
  }
  if (question.type === 'number') {
    if (question.min > question.max) add(m('Het minimum is groter dan het maximum.', 'The minimum is larger than the maximum.'), 'max');
    else if (question.integer && Math.ceil(question.min) > Math.floor(question.max))
      add(m('Er ligt geen geheel getal tussen het minimum en het maximum.', 'There is no whole number between the minimum and the maximum.'), 'max');
  }
  return issues;
}

/** The rules that span the instrument: unique keys, conditions on earlier questions only, consistent scales. */
export function definitionIssues(definition: InstrumentShape): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const sectionTwice = duplicates(definition.sections.map((s) => s.key));
  const questionKeys = definition.sections.flatMap((s) => s.questions.map((q) => q.key));
  const questionTwice = duplicates(questionKeys);
  const all = new Set(questionKeys);
  if (questionKeys.length > limits.questions)
    issues.push({
      path: ['sections'],
      message: m(`Een vragenlijst heeft hoogstens ${limits.questions} vragen.`, `An instrument has at most ${limits.questions} questions.`),
    });
  const earlier = new Map<string, ConditionTarget>();
  definition.sections.forEach((section, si) => {
    if (sectionTwice.has(section.key))
      issues.push({
        path: ['sections', si, 'key'],
        message: m(`Twee delen hebben dezelfde sleutel ‘${section.key}’.`, `Two sections have the same key ‘${section.key}’.`),
      });
    section.questions.forEach((question, qi) => {
      const path = ['sections', si, 'questions', qi];
      if (questionTwice.has(question.key))
        issues.push({
          path: [...path, 'key'],
          message: m(`Twee vragen hebben dezelfde sleutel ‘${question.key}’.`, `Two questions have the same key ‘${question.key}’.`),
        });
      issues.push(...questionIssues(question, path));
      if (question.showIf) issues.push(...conditionIssues(question.showIf, [...path, 'showIf'], earlier, all));
      if (!earlier.has(question.key)) earlier.set(question.key, targetOf(question));
    });
  });
  return issues;
}

export function checkDefinition(definition: InstrumentShape, ctx: z.RefinementCtx): void {
  for (const issue of definitionIssues(definition)) ctx.addIssue({ code: 'custom', path: issue.path, params: issue.message, message: issue.message.nl });
}
