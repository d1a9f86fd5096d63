import * as z from 'zod';
import { idSchema } from '../../core/schemas.ts';
import { localisedText } from '../frameworks/model.ts';
import { resultGroups } from './groups.ts';

/** Meetings: the shapes that cross the HTTP boundary, shared with the web app. */

export const promptKinds = ['single', 'multiple', 'scale', 'agree', 'word_cloud', 'open_text', 'ranking', 'qa'] as const;
export const promptKindSchema = z.enum(promptKinds);
export type PromptKind = z.infer<typeof promptKindSchema>;

/** Kinds whose answers are free text and wait for a moderator before the room sees them. */
export const moderatedKinds: readonly PromptKind[] = ['open_text', 'qa'];

export const participantPositions = ['experience_worker', 'practitioner', 'coordinator', 'policy_officer', 'other'] as const;
export const participantPositionSchema = z.enum(participantPositions);
export type ParticipantPosition = z.infer<typeof participantPositionSchema>;

export const limits = { title: 200, promptText: 500, optionLabel: 200, options: 20, prompts: 60, words: 3, word: 40, openText: 500, question: 300 } as const;

const text = (max: number) => z.strictObject({ nl: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const optionKey = z
  .string()
  .regex(/^[a-z0-9_]+$/)
  .max(60);

export const promptOption = z.strictObject({ key: optionKey, label: text(limits.optionLabel) });
export type PromptOption = z.infer<typeof promptOption>;

export const linkedQuestion = z.strictObject({ instrumentKey: z.string().max(60), questionKey: z.string().max(60) });

export const promptSettings = z.strictObject({
  maxChoices: z.number().int().min(1).max(limits.options).optional(),
  linkedQuestion: linkedQuestion.optional(),
  /** The library entry a prompt came from, for the report. */
  source: z.string().max(80).optional(),
});
export type PromptSettings = z.infer<typeof promptSettings>;

export const promptInput = z
  .strictObject({
    kind: promptKindSchema,
    text: text(limits.promptText),
    options: z.array(promptOption).max(limits.options).default([]),
    settings: promptSettings.default({}),
  })
  .superRefine((prompt, issue) => {
    const needsOptions = ['single', 'multiple', 'ranking'].includes(prompt.kind);
    if (needsOptions && prompt.options.length < 2) issue.addIssue({ code: 'custom', path: ['options'], message: 'at least two options' });
    const keys = prompt.options.map((o) => o.key);
    if (new Set(keys).size !== keys.length) issue.addIssue({ code: 'custom', path: ['options'], message: 'option keys must differ' });
  });
export type PromptInput = z.input<typeof promptInput>;
export type Prompt = z.output<typeof promptInput>;

export const createMeetingInput = z.strictObject({
  title: z.string().trim().min(1).max(limits.title),
  language: z.enum(['nl', 'en']).default('nl'),
  pacing: z.enum(['presenter', 'participant']).default('presenter'),
  teamId: idSchema.nullable().default(null),
  trajectoryId: idSchema.nullable().default(null),
  /** Either prompts, library entries, or the template "de_ontmoeting". */
  prompts: z.array(promptInput).max(limits.prompts).default([]),
  library: z.array(z.string().max(80)).max(limits.prompts).default([]),
  template: z.literal('de_ontmoeting').optional(),
});
export type CreateMeetingInput = z.input<typeof createMeetingInput>;

export const controlInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('go'), index: z.number().int().min(0).max(limits.prompts) }),
  z.strictObject({ action: z.literal('next') }),
  z.strictObject({ action: z.literal('previous') }),
  z.strictObject({ action: z.literal('open') }),
  z.strictObject({ action: z.literal('close') }),
  z.strictObject({ action: z.literal('reveal') }),
  z.strictObject({ action: z.literal('hide') }),
  z.strictObject({ action: z.literal('reset') }),
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('finish') }),
  z.strictObject({ action: z.literal('pacing'), pacing: z.enum(['presenter', 'participant']) }),
]);
export type ControlInput = z.infer<typeof controlInput>;

export const moderateInput = z.strictObject({
  subjectType: z.enum(['answer', 'question']),
  subjectId: idSchema,
  decision: z.enum(['approve', 'hold', 'pin', 'unpin', 'answered']),
  reason: z.string().trim().max(300).default(''),
});
export type ModerateInput = z.input<typeof moderateInput>;

export const attachRecordInput = z.strictObject({ trajectoryId: idSchema });
export const recordParams = z.strictObject({ orgId: idSchema, trajectoryId: idSchema, meetingId: idSchema });
export const dialogueRecordsView = z.object({
  records: z.array(z.object({ meetingId: idSchema, title: z.string(), createdAt: z.string(), attachedAt: z.string(), participants: z.number().int() })),
});
export type DialogueRecordsView = z.infer<typeof dialogueRecordsView>;

export const addModeratorInput = z.strictObject({ userId: idSchema });
export const moderatorParams = z.strictObject({ orgId: idSchema, meetingId: idSchema, userId: idSchema });
export const moderatorsView = z.array(z.object({ userId: idSchema, displayName: z.string() }));

/** A participant's answer, by kind. The client id makes a retry count once. */
export const answerValue = z.union([
  z.strictObject({ choice: optionKey }),
  z.strictObject({ choices: z.array(optionKey).min(1).max(limits.options) }),
  z.strictObject({ words: z.array(z.string().trim().min(1).max(limits.word)).min(1).max(limits.words) }),
  z.strictObject({ text: z.string().trim().min(1).max(limits.openText) }),
  z.strictObject({ order: z.array(optionKey).min(1).max(limits.options) }),
]);
export type AnswerValue = z.infer<typeof answerValue>;

/** A phone's id of one answer (a retry sends it again): its pattern, and the schema with it. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const clientIdSchema = z.string().regex(CLIENT_ID_PATTERN);

export const meetingParams = z.strictObject({ orgId: idSchema, meetingId: idSchema });
export const orgParams = z.strictObject({ orgId: idSchema });

export const promptView = z.object({
  id: idSchema,
  position: z.number().int(),
  kind: promptKindSchema,
  text: localisedText,
  options: z.array(z.object({ key: z.string(), label: localisedText })),
  settings: z.record(z.string(), z.unknown()),
  state: z.enum(['waiting', 'open', 'closed']),
  resultsVisible: z.boolean(),
});
export type PromptView = z.infer<typeof promptView>;

export const meetingSummary = z.object({
  id: idSchema,
  title: z.string(),
  status: z.enum(['draft', 'live', 'closed']),
  pacing: z.enum(['presenter', 'participant']),
  joinCode: z.string(),
  teamId: idSchema.nullable(),
  trajectoryId: idSchema.nullable(),
  language: z.enum(['nl', 'en']),
  createdAt: z.string(),
  /** When the report was attached to the trajectory as the record of a dialogue; null: not attached. */
  recordAttachedAt: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingView = meetingSummary.extend({
  currentIndex: z.number().int(),
  prompts: z.array(promptView),
  canModerate: z.boolean(),
  canRun: z.boolean(),
  /** The rounds holding the consenting participants' answers to prompts linked to an instrument (saved at finish). */
  rounds: z.array(idSchema),
});
export type MeetingView = z.infer<typeof meetingView>;

export const meetingListView = z.object({ meetings: z.array(meetingSummary) });
export type MeetingListView = z.infer<typeof meetingListView>;
const resultGroupSchema = z.enum(resultGroups);
const disclosedCountView = z.object({ count: z.number().int().nullable(), suppressed: z.enum(['primary', 'secondary']).nullable() });
const countRowView = z.object({ key: z.string(), room: disclosedCountView, groups: z.partialRecord(resultGroupSchema, disclosedCountView) });
const wordCountView = z.object({ word: z.string(), count: z.number().int() });
/** A prompt's results as a screen shows them (results.ts): which parts there are depends on its kind. */
export const promptResultsView = z.object({
  promptId: z.string(),
  joined: z.number().int(),
  answered: z.number().int(),
  heldBack: z.number().int(),
  waiting: z.number().int(),
  results: z.object({
    kind: promptKindSchema,
    k: z.number().int(),
    answered: z.number().int(),
    shown: z.array(resultGroupSchema),
    notes: z.array(localisedText),
    rows: z.array(countRowView).optional(),
    totals: countRowView.optional(),
    tooFew: z.boolean().optional(),
    explanation: z.array(localisedText).optional(),
    words: z.object({ room: z.array(wordCountView), groups: z.partialRecord(resultGroupSchema, z.array(wordCountView)) }).optional(),
    texts: z.object({ room: z.array(z.string()), groups: z.partialRecord(resultGroupSchema, z.array(z.string())) }).optional(),
    ranking: z.array(z.object({ key: z.string(), room: z.number(), groups: z.partialRecord(resultGroupSchema, z.number()) })).optional(),
  }),
  questions: z.array(z.object({ id: z.string(), text: z.string(), votes: z.number().int(), pinned: z.boolean(), answered: z.boolean() })).optional(),
});
export const meetingResultsListView = z.object({ prompts: z.array(promptResultsView) });
export type MeetingResultsListView = z.infer<typeof meetingResultsListView>;
export const moderationListView = z.object({
  items: z.array(z.object({ subjectType: z.enum(['answer', 'question']), id: z.string(), promptId: z.string(), text: z.string(), moderation: z.string() })),
});
export type ModerationListView = z.infer<typeof moderationListView>;
export const promptLibraryView = z.object({
  entries: z.array(z.object({ key: z.string(), group: z.object({ nl: z.string(), en: z.string() }), prompt: z.record(z.string(), z.unknown()) })),
});
export type PromptLibraryView = z.infer<typeof promptLibraryView>;
/** The address participants join at, and its QR code as SVG. */
export const joinLinkView = z.object({ url: z.string(), qrSvg: z.string() });
export type JoinLinkView = z.infer<typeof joinLinkView>;

/** The answers of this module's routes, for the web app (`import type`). */
export type ModeratorsView = z.infer<typeof moderatorsView>;
