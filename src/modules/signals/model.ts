import * as z from 'zod';
import { idSchema } from '../../core/schemas.ts';
import { frameworkKeySchema } from '../frameworks/model.ts';
import { type SignalStatus, signalStatuses } from './workflow.ts';

/** Where a signal should land: from the team itself up to national policy. */
export const signalLevels = ['team', 'organisation', 'local', 'regional', 'national'] as const;
export const signalLevelSchema = z.enum(signalLevels);
export type SignalLevel = z.infer<typeof signalLevelSchema>;

export const signalStatusSchema = z.enum(signalStatuses);

/** What someone whose story a theme comes from (or an experience worker of the team) says about it. */
export const memberCheckStances = ['confirm', 'nuance', 'contest'] as const;
export const memberCheckStanceSchema = z.enum(memberCheckStances);
export type MemberCheckStance = z.infer<typeof memberCheckStanceSchema>;

export const DEFAULT_WAITING_DAYS = 30;

const text = (max: number) => z.string().trim().min(1).max(max);

export const raiseSignalInput = z.strictObject({
  title: text(200),
  /** What was seen. */
  observation: text(5000),
  /** For whom it is a barrier. */
  barrierFor: text(1000),
  /** A code of the framework `logics`. */
  logic: frameworkKeySchema,
  /** A code of the framework `themes`. */
  theme: frameworkKeySchema.nullable().default(null),
  level: signalLevelSchema,
  /** The team whose members see it; null: the whole organisation. */
  teamId: idSchema.nullable().default(null),
  storyIds: z.array(idSchema).max(50).default([]),
  /** A theme from coded stories: first checked with the people concerned. */
  memberCheck: z.boolean().default(false),
  /** The code of the codebook the theme comes from. */
  sourceCodeId: idSchema.nullable().default(null),
});
export type RaiseSignalInput = z.infer<typeof raiseSignalInput>;

export const stepInput = z.strictObject({ to: signalStatusSchema, note: z.string().trim().max(5000).default('') });
export const memberCheckInput = z.strictObject({ stance: memberCheckStanceSchema, comment: z.string().trim().max(5000).default('') });

export const signalParams = z.strictObject({ orgId: idSchema, signalId: idSchema });
export const signalListQuery = z.strictObject({
  mine: z.enum(['1', '0']).optional(),
  status: signalStatusSchema.optional(),
});
export const overviewQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(DEFAULT_WAITING_DAYS) });

const person = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const signalSummary = z.object({
  id: idSchema,
  title: z.string(),
  status: signalStatusSchema,
  level: signalLevelSchema,
  logic: z.string(),
  theme: z.string().nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  raisedBy: person,
  raisedByMe: z.boolean(),
  createdAt: z.string(),
  lastStepAt: z.string(),
  /** Days since the last step; null when feedback was given. */
  daysWaiting: z.number().int().nullable(),
});
export type SignalSummary = z.infer<typeof signalSummary>;
export const signalListView = z.object({ signals: z.array(signalSummary) });

export const signalStepView = z.object({
  from: signalStatusSchema.nullable(),
  to: signalStatusSchema,
  note: z.string(),
  by: person,
  at: z.string(),
});
export const memberCheckView = z.object({ id: z.string(), stance: memberCheckStanceSchema, comment: z.string(), by: person, at: z.string() });
export type MemberCheckView = z.infer<typeof memberCheckView>;

export const signalView = signalSummary.extend({
  observation: z.string(),
  barrierFor: z.string(),
  sourceCodeId: z.string().nullable(),
  steps: z.array(signalStepView),
  memberChecks: z.array(memberCheckView),
  /** Only the linked stories this viewer may read. */
  stories: z.array(z.object({ id: z.string(), title: z.string() })),
  canHandle: z.boolean(),
  canCheck: z.boolean(),
  nextStatuses: z.array(signalStatusSchema),
  /** The feedback given to the person who raised it, once there is some. */
  feedback: z.object({ note: z.string(), at: z.string(), by: person }).nullable(),
});
export type SignalView = z.infer<typeof signalView>;

export const overviewView = z.object({
  days: z.number().int(),
  waiting: z.array(signalSummary),
  counts: z.array(z.object({ status: signalStatusSchema, count: z.number().int() })),
});

const disclosed = z.object({ count: z.number().int().nullable(), suppressed: z.enum(['primary', 'secondary']).nullable() });
export type DisclosedView = z.infer<typeof disclosed>;
const localised = z.object({ nl: z.string(), en: z.string() });
export const signalReportView = z.object({
  themes: z.array(z.object({ key: z.string().nullable(), label: localised })),
  levels: z.array(signalLevelSchema),
  cells: z.array(z.array(disclosed)),
  themeTotals: z.array(disclosed),
  levelTotals: z.array(disclosed),
  total: disclosed,
  byStatus: z.array(z.object({ status: signalStatusSchema, count: disclosed })),
  disclosure: z.object({ suppressed: z.boolean(), threshold: z.number().int(), tooFew: z.boolean(), explanation: z.array(localised) }),
});
export type SignalReportView = z.infer<typeof signalReportView>;

export const notificationView = z.object({
  id: idSchema,
  kind: z.enum(['step', 'feedback', 'member_check_requested', 'member_checked']),
  signalId: idSchema,
  signalTitle: z.string(),
  /** For a step: the status that step moved the signal to; otherwise the signal's status now. */
  status: signalStatusSchema,
  at: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationView>;
export const notificationListView = z.object({ notifications: z.array(notificationView), unread: z.number().int() });

export type { SignalStatus };

/** How many were marked read. */
export const markedReadView = z.object({ marked: z.number().int() });
export type MarkedReadView = z.infer<typeof markedReadView>;

/** The answers of this module's routes, for the web app (`import type`). */
export type NotificationListView = z.infer<typeof notificationListView>;
export type OverviewView = z.infer<typeof overviewView>;
export type SignalListView = z.infer<typeof signalListView>;
