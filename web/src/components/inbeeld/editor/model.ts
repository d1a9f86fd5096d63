import { limits } from '../../../../../src/modules/instruments/constants.shared.ts';
import type { Condition, InstrumentDefinition, LocalisedText, Question, QuestionType, Section } from '../types.ts';

/**
 * The editor's working copy of a definition. Sections, questions, options, scale points and
 * statements carry a `uid` while they are edited: a stable React key, and the place a problem the
 * server reports is shown, even after things moved. The uids are stripped before saving.
 */
export { limits };

type Uid = { uid: string };
export type EdQuestion = Question & Uid;
export type EdSection = Omit<Section, 'questions'> & Uid & { questions: EdQuestion[] };
export type EdDefinition = Omit<InstrumentDefinition, 'sections'> & { sections: EdSection[] };

export const questionTypes = ['single', 'multiple', 'likert', 'number', 'short_text', 'long_text', 'matrix'] as const satisfies readonly QuestionType[];

let counter = 0;
export const newUid = (): string => {
  counter += 1;
  return `u${counter}`;
};

export const uidOf = (value: unknown): string =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Uid>).uid === 'string' ? (value as Uid).uid : '';

const tag = <T extends object>(value: T): T & Uid => ({ ...value, uid: newUid() });

function tagQuestion(question: Question): EdQuestion {
  const copy = tag(question) as EdQuestion;
  if ((copy.type === 'single' || copy.type === 'multiple') && Array.isArray(copy.options)) copy.options = copy.options.map(tag);
  if (copy.type === 'likert' || copy.type === 'matrix') copy.points = copy.points.map(tag);
  if (copy.type === 'matrix' && Array.isArray(copy.items)) copy.items = copy.items.map(tag);
  return copy;
}

/** From the server's JSON: every part gets its uid. */
export function withUids(definition: InstrumentDefinition): EdDefinition {
  return {
    ...definition,
    intro: definition.intro ?? { nl: '', en: '' },
    sections: (definition.sections ?? []).map((section) => ({ ...tag(section), questions: section.questions.map(tagQuestion) })),
  };
}

/** For the server: the definition exactly in its own format. */
export function withoutUids(definition: EdDefinition): InstrumentDefinition {
  return JSON.parse(JSON.stringify(definition, (key, value: unknown) => (key === 'uid' ? undefined : value))) as InstrumentDefinition;
}

/** `prefix_1`, `prefix_2`, …: the first that is not taken. */
export function nextKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

export const allQuestionKeys = (definition: EdDefinition): string[] => definition.sections.flatMap((s) => s.questions.map((q) => q.key));

const text = (nl: string, en: string): LocalisedText => ({ nl, en });
export const emptyText = (): LocalisedText => ({ nl: '', en: '' });

/** The five-point agreement scale of "Cocreatie in beeld": the usual start for a scale question. */
export const agreeScale = () => [
  { value: 1, label: text('Helemaal niet akkoord', 'Strongly disagree') },
  { value: 2, label: text('Niet akkoord', 'Disagree') },
  { value: 3, label: text('Neutraal', 'Neutral') },
  { value: 4, label: text('Akkoord', 'Agree') },
  { value: 5, label: text('Helemaal akkoord', 'Strongly agree') },
];
export const dontKnowLabel = () => text('Weet ik niet', "I don't know");
export const somethingElseLabel = () => text('Iets anders', 'Something else');

/** A new question of a type, with what that type needs filled in sensibly. */
export function newQuestion(type: QuestionType, key: string): EdQuestion {
  const base = { key, text: emptyText(), required: false };
  const option = (n: number) => tag({ key: `optie_${n}`, label: emptyText() });
  switch (type) {
    case 'single':
    case 'multiple':
      return tag({ ...base, type, options: [option(1), option(2)] });
    case 'likert':
      return tag({ ...base, type, points: agreeScale().map(tag) });
    case 'number':
      return tag({ ...base, type, min: 0, max: 100, integer: true });
    case 'short_text':
    case 'long_text':
      return tag({ ...base, type });
    case 'matrix':
      return tag({ ...base, type, items: [tag({ key: 'uitspraak_1', text: emptyText() })], points: agreeScale().map(tag) });
  }
}

export function newSection(key: string): EdSection {
  return tag({ key, title: emptyText(), questions: [] as EdQuestion[] });
}

export const withTag = tag;

/** Moves one element of a list one place up (-1) or down (+1); the list is unchanged at the edge. */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

export function updateSection(definition: EdDefinition, uid: string, change: (section: EdSection) => EdSection): EdDefinition {
  return { ...definition, sections: definition.sections.map((s) => (s.uid === uid ? change(s) : s)) };
}

export function updateQuestion(definition: EdDefinition, uid: string, change: (question: EdQuestion) => EdQuestion): EdDefinition {
  return {
    ...definition,
    sections: definition.sections.map((s) =>
      s.questions.some((q) => q.uid === uid) ? { ...s, questions: s.questions.map((q) => (q.uid === uid ? change(q) : q)) } : s,
    ),
  };
}

/** The one kind of condition the editor can change: "show when question X has answer Y". */
export type SimpleCondition = { question: string; equals: string };

export function simpleCondition(condition: Condition | undefined): SimpleCondition | null | undefined {
  if (condition === undefined) return undefined;
  if ('equals' in condition && typeof condition.equals === 'string' && condition.item === undefined)
    return { question: condition.question, equals: condition.equals };
  return null;
}

/** Does a condition mention this question key anywhere? */
export function conditionMentions(condition: Condition | undefined, key: string): boolean {
  if (!condition) return false;
  if ('all' in condition) return condition.all.some((c) => conditionMentions(c, key));
  if ('any' in condition) return condition.any.some((c) => conditionMentions(c, key));
  return condition.question === key;
}

/**
 * Where a problem the server reported belongs. "sections.0.questions.2.options" becomes
 * "<uid of that question>/options": the last part with a uid, then the rest of the path.
 */
export function anchorOf(definition: EdDefinition, path: string): string {
  const segments = path
    .replace(/^definition\.?/, '')
    .split('.')
    .filter(Boolean);
  let node: unknown = definition;
  let anchor: string[] = [];
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const child: unknown = node[Number(segment)];
      const uid = uidOf(child);
      if (uid) anchor = [uid];
      else anchor.push(segment);
      node = child;
    } else {
      anchor.push(segment);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return anchor.join('/');
}

/** The element id for an anchor: only characters an id and a URL fragment take without escaping. */
export const anchorId = (anchor: string): string => `f-${anchor.replace(/[^A-Za-z0-9_-]/g, '-') || 'definition'}`;
