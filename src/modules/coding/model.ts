import * as z from 'zod';
import { idSchema } from '../../core/schemas.ts';
import { frameworkKeySchema } from '../frameworks/model.ts';
import { positionSchema, sectorSchema } from '../organisations/model.ts';

export const sourceKinds = ['story', 'reflection'] as const;
export const sourceKindSchema = z.enum(sourceKinds);
export type SourceKind = z.infer<typeof sourceKindSchema>;

export const memoTargets = ['project', 'code', 'segment'] as const;
export const memoTargetSchema = z.enum(memoTargets);

export const colourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .transform((c) => c.toLowerCase());

export const codeInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).default(''),
  colour: colourSchema.default('#1f77b4'),
  parentId: idSchema.nullable().default(null),
});
export const codeUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(2000).optional(),
  colour: colourSchema.optional(),
  parentId: idSchema.nullable().optional(),
});
export const frameworkCodesInput = z.strictObject({ frameworkKey: frameworkKeySchema });

/** Offsets are UTF-16 code units into the source text, end exclusive (as the browser's selection gives them). */
export const segmentInput = z.strictObject({
  sourceKind: sourceKindSchema,
  storyId: idSchema,
  /** For a reflection: its id. For a story: the story id again, or left out. */
  sourceId: idSchema.optional(),
  start: z.number().int().min(0).max(1_000_000),
  end: z.number().int().min(0).max(1_000_000),
  codeId: idSchema,
});
export type SegmentInput = z.infer<typeof segmentInput>;

export const memoInput = z.strictObject({
  targetKind: memoTargetSchema,
  targetId: idSchema.nullable().default(null),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
});
export const memoUpdateInput = z.strictObject({ title: z.string().trim().min(1).max(200).optional(), body: z.string().trim().min(1).max(20_000).optional() });

export const codeParams = z.strictObject({ orgId: idSchema, codeId: idSchema });
export const segmentParams = z.strictObject({ orgId: idSchema, segmentId: idSchema });
export const memoParams = z.strictObject({ orgId: idSchema, memoId: idSchema });
export const storyParams = z.strictObject({ orgId: idSchema, storyId: idSchema });

export const codeView = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  name: z.string(),
  description: z.string(),
  colour: z.string(),
  framework: z.object({ key: z.string(), code: z.string().nullable() }).nullable(),
  /** Segments with this code in material the viewer may read now. */
  segmentCount: z.number().int(),
});
export type CodeView = z.infer<typeof codeView>;
export const codebookView = z.object({ codes: z.array(codeView) });

export const segmentView = z.object({
  id: idSchema,
  codeId: idSchema,
  sourceKind: sourceKindSchema,
  sourceId: idSchema,
  storyId: idSchema,
  sourceTitle: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  createdAt: z.string(),
});
export type SegmentView = z.infer<typeof segmentView>;

export const memoView = z.object({
  id: idSchema,
  targetKind: memoTargetSchema,
  targetId: idSchema.nullable(),
  title: z.string(),
  body: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemoView = z.infer<typeof memoView>;
export const memoListView = z.object({ memos: z.array(memoView) });

export const codeDetailView = z.object({ code: codeView, segments: z.array(segmentView), memos: z.array(memoView) });

export const sourceSummary = z.object({
  kind: sourceKindSchema,
  id: idSchema,
  storyId: idSchema,
  title: z.string(),
  position: positionSchema.nullable(),
  sector: sectorSchema,
  length: z.number().int(),
  segmentCount: z.number().int(),
});
export type SourceSummary = z.infer<typeof sourceSummary>;
export const sourceListView = z.object({ sources: z.array(sourceSummary) });

export const codingSourceView = z.object({
  kind: sourceKindSchema,
  id: idSchema,
  title: z.string(),
  position: positionSchema.nullable(),
  text: z.string(),
  /** Paragraphs and sentences with their offsets, to choose a segment without selecting by mouse. */
  units: z.array(z.object({ kind: z.enum(['paragraph', 'sentence']), start: z.number().int(), end: z.number().int() })),
  segments: z.array(segmentView),
});
export const storyCodingView = z.object({
  storyId: idSchema,
  title: z.string(),
  pseudonym: z.string().nullable(),
  sector: sectorSchema,
  sources: z.array(codingSourceView),
});
export type StoryCodingView = z.infer<typeof storyCodingView>;

const disclosed = z.object({ count: z.number().int().nullable(), suppressed: z.enum(['primary', 'secondary']).nullable() });
const localised = z.object({ nl: z.string(), en: z.string() });
const crossTable = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.object({ codeId: idSchema, name: z.string(), cells: z.array(disclosed), total: disclosed })),
  columnTotals: z.array(disclosed),
  total: disclosed,
});
export const frequenciesView = z.object({
  /** What is counted: distinct sources (stories and reflections) coded with the code. */
  unit: z.literal('sources'),
  byPosition: crossTable,
  bySector: crossTable,
  /** Who coded: 'researcher' (researchers and admins) or a co-researcher's team position, or 'unknown'. */
  byCoder: crossTable,
  disclosure: z.object({ suppressed: z.boolean(), threshold: z.number().int(), explanation: z.array(localised) }),
});
export type FrequenciesView = z.infer<typeof frequenciesView>;

export const coResearcherParams = z.strictObject({ orgId: idSchema, userId: idSchema });
export const coResearchersView = z.object({
  coResearchers: z.array(
    z.object({
      userId: idSchema,
      displayName: z.string(),
      position: positionSchema.nullable(),
      active: z.boolean(),
      invitedAt: z.string(),
      endedAt: z.string().nullable(),
    }),
  ),
  /** Members who can be invited (role member, not invited now). */
  candidates: z.array(z.object({ userId: idSchema, displayName: z.string(), position: positionSchema.nullable() })),
});
export type CoResearchersView = z.infer<typeof coResearchersView>;
export const myCodingView = z.object({
  canCode: z.boolean(),
  /** A member invited to code with the researchers. */
  coResearcher: z.boolean(),
  /** Researchers and admins: they manage the codebook, invite co-researchers and export. */
  manages: z.boolean(),
});
export type MyCodingView = z.infer<typeof myCodingView>;

/** A coded stretch of a survey open answer (one response's answer to one text question). */
export const answerSegmentInput = z.strictObject({
  responseId: idSchema,
  question: z.string().min(1).max(100),
  start: z.number().int().min(0).max(1_000_000),
  end: z.number().int().min(0).max(1_000_000),
  codeId: idSchema,
});
export type AnswerSegmentInput = z.infer<typeof answerSegmentInput>;
export const answerSegmentParams = z.strictObject({ orgId: idSchema, segmentId: idSchema });
export const answerSegmentView = z.object({
  id: idSchema,
  codeId: idSchema,
  responseId: idSchema,
  question: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  createdAt: z.string(),
});
export type AnswerSegmentView = z.infer<typeof answerSegmentView>;
export const answersForCodingView = z.object({
  answers: z.array(
    z.object({
      roundId: idSchema,
      roundName: z.string(),
      responseId: idSchema,
      question: z.string(),
      text: z.string(),
      submittedOn: z.string().nullable(),
      segments: z.array(answerSegmentView),
    }),
  ),
});

/** The answers of this module's routes, for the web app (`import type`). */
export type AnswersForCodingView = z.infer<typeof answersForCodingView>;
export type CodeDetailView = z.infer<typeof codeDetailView>;
export type CodebookView = z.infer<typeof codebookView>;
export type MemoListView = z.infer<typeof memoListView>;
export type SourceListView = z.infer<typeof sourceListView>;
