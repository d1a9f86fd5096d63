import * as z from 'zod';
import { KEY_PATTERN, limits } from './constants.shared.ts';
import { checkDefinition } from './definition-checks.ts';

/**
 * The instrument definition format: plain JSON, validated here, stored as text per version.
 * Pure (zod only), so the web editor and the respondent form use the same rules as the server.
 */

export { KEY_PATTERN, limits, NO_OPINION, OTHER } from './constants.shared.ts';

export const keySchema = z.string().max(limits.key).regex(KEY_PATTERN);
/** An instrument's own key may also use hyphens (`cocreatie-ervaringswerkers`); it never appears in answers. */
export const instrumentKeySchema = z
  .string()
  .max(limits.key)
  .regex(/^[a-z][a-z0-9_-]*$/);

/** Dutch is required; English may stay empty, and then the Dutch text is shown. */
const localised = (max: number) => z.strictObject({ nl: z.string().trim().min(1).max(max), en: z.string().trim().max(max) });
/** Texts that may be empty in both languages (an instrument's introduction). */
const optionalLocalised = (max: number) => z.strictObject({ nl: z.string().trim().max(max), en: z.string().trim().max(max) });
export type LocalisedText = { nl: string; en: string };

export const inlineOptionSchema = z.strictObject({ key: keySchema, label: localised(limits.label), exclusive: z.boolean().optional() });
export type InlineOption = z.infer<typeof inlineOptionSchema>;

/** Options drawn from a framework: its codes, in the framework's order, optionally narrowed. */
export const frameworkOptionsSchema = z.strictObject({
  framework: keySchema,
  version: z.number().int().min(1),
  include: z.array(keySchema).min(1).max(limits.options).optional(),
  exclude: z.array(keySchema).min(1).max(limits.options).optional(),
  /** Codes to treat as exclusive in addition to those the framework marks so. */
  exclusive: z.array(keySchema).min(1).max(limits.options).optional(),
});
export type FrameworkOptions = z.infer<typeof frameworkOptionsSchema>;

const optionsSchema = z.union([z.array(inlineOptionSchema).min(1).max(limits.options), frameworkOptionsSchema]);

export const matrixItemSchema = z.strictObject({ key: keySchema, text: localised(limits.itemText) });
export type MatrixItem = z.infer<typeof matrixItemSchema>;

/** Matrix statements drawn from a framework: each code's label, or its definition, becomes a statement. */
export const frameworkItemsSchema = z.strictObject({
  framework: keySchema,
  version: z.number().int().min(1),
  include: z.array(keySchema).min(1).max(limits.items).optional(),
  exclude: z.array(keySchema).min(1).max(limits.items).optional(),
  text: z.enum(['label', 'definition']).optional(),
});
export type FrameworkItems = z.infer<typeof frameworkItemsSchema>;

/** A free-text "something else" choice; its answer is the option `_other` with the typed text. */
export const otherOptionSchema = z.strictObject({
  label: localised(limits.label),
  maxLength: z.number().int().min(1).max(limits.otherText).optional(),
});

export const pointSchema = z.strictObject({ value: z.number().int().min(-100).max(100), label: localised(limits.label) });
const pointsSchema = z.array(pointSchema).min(limits.minPoints).max(limits.maxPoints);
const noOpinionSchema = z.strictObject({ label: localised(limits.label) });

const conditionValue = z.union([z.string().max(limits.key + 20), z.number()]);
const leafBase = { question: keySchema, item: keySchema.optional() };

export type ConditionValue = string | number;
export type LeafCondition = { question: string; item?: string | undefined } & (
  | { equals: ConditionValue }
  | { anyOf: ConditionValue[] }
  | { answered: true }
  | { notAnswered: true }
);
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] };

/** A condition on earlier answers; `all` and `any` combine conditions. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ ...leafBase, equals: conditionValue }),
    z.strictObject({ ...leafBase, anyOf: z.array(conditionValue).min(1).max(limits.options) }),
    z.strictObject({ ...leafBase, answered: z.literal(true) }),
    z.strictObject({ ...leafBase, notAnswered: z.literal(true) }),
    z.strictObject({ all: z.array(conditionSchema).min(1).max(limits.conditionParts) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(limits.conditionParts) }),
  ]),
);

const questionBase = {
  key: keySchema,
  text: localised(limits.text),
  help: localised(limits.help).optional(),
  required: z.boolean(),
  showIf: conditionSchema.optional(),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...questionBase, type: z.literal('single'), options: optionsSchema, other: otherOptionSchema.optional() }),
  z.strictObject({
    ...questionBase,
    type: z.literal('multiple'),
    options: optionsSchema,
    maxSelected: z.number().int().min(1).max(limits.options).optional(),
    other: otherOptionSchema.optional(),
  }),
  z.strictObject({ ...questionBase, type: z.literal('likert'), points: pointsSchema, noOpinion: noOpinionSchema.optional() }),
  z.strictObject({
    ...questionBase,
    type: z.literal('number'),
    min: z.number().min(-1e9).max(1e9),
    max: z.number().min(-1e9).max(1e9),
    integer: z.boolean().optional(),
    unit: localised(limits.label).optional(),
  }),
  z.strictObject({ ...questionBase, type: z.literal('short_text'), maxLength: z.number().int().min(1).max(limits.shortText).optional() }),
  z.strictObject({ ...questionBase, type: z.literal('long_text'), maxLength: z.number().int().min(1).max(limits.longText).optional() }),
  z.strictObject({
    ...questionBase,
    type: z.literal('matrix'),
    items: z.union([z.array(matrixItemSchema).min(1).max(limits.items), frameworkItemsSchema]),
    points: pointsSchema,
    noOpinion: noOpinionSchema.optional(),
  }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];

export const sectionSchema = z.strictObject({
  key: keySchema,
  title: localised(limits.title),
  intro: localised(limits.intro).optional(),
  questions: z.array(questionSchema).max(limits.questions),
});
export type Section = z.infer<typeof sectionSchema>;

const instrumentShape = z.strictObject({
  key: instrumentKeySchema,
  title: localised(limits.title),
  intro: optionalLocalised(limits.intro),
  sections: z.array(sectionSchema).max(limits.sections),
});
export type InstrumentShape = z.infer<typeof instrumentShape>;

/**
 * A draft may have empty sections (it is being written); publishing asks for more (see publishIssues).
 * Rules that span questions (unique keys, conditions on earlier questions, …) are in definition-checks.ts.
 */
export const instrumentDefinitionSchema = instrumentShape.superRefine(checkDefinition);
export type InstrumentDefinition = InstrumentShape;

export const defaultMaxLength = (question: Extract<Question, { type: 'short_text' | 'long_text' }>): number =>
  question.maxLength ?? (question.type === 'short_text' ? limits.shortText : limits.longText);

export const otherMaxLength = (other: { maxLength?: number | undefined }): number => other.maxLength ?? limits.otherText;

/** The text in the person's language; English falls back to Dutch when it was left empty. */
export const localise = (text: LocalisedText, lang: 'nl' | 'en'): string => (lang === 'en' && text.en.trim() !== '' ? text.en : text.nl);

export const allQuestions = <Q>(instrument: { sections: { questions: Q[] }[] }): Q[] => instrument.sections.flatMap((s) => s.questions);
