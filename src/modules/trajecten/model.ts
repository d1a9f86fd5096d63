import * as z from 'zod';
import { languageSchema } from '../../core/language.ts';
import { idSchema } from '../../core/schemas.ts';
import { frameworkKeySchema } from '../frameworks/model.ts';
import { positionSchema } from '../organisations/model.ts';
import { equalPositionKeys } from './equal-position.shared.ts';
import { intervisionMethodKeys } from './intervision-methods.shared.ts';
import { phaseKeys, topicKeys } from './phases.shared.ts';

export const phaseKeySchema = z.enum(phaseKeys);
export const topicKeySchema = z.enum(topicKeys);
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const trajectoryParams = z.strictObject({ orgId: idSchema, trajectoryId: idSchema });
export const agreementParams = trajectoryParams.extend({ agreementId: idSchema });
export const supportParams = trajectoryParams.extend({ supportId: idSchema });
export const memberParams = trajectoryParams.extend({ userId: idSchema });
export const questionParams = trajectoryParams.extend({ questionKey: z.enum(equalPositionKeys) });
export const sessionParams = trajectoryParams.extend({ sessionId: idSchema });
export const sessionStepParams = sessionParams.extend({ step: z.coerce.number().int().min(0).max(20) });
export const versionParams = trajectoryParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });

export const createTrajectoryInput = z.strictObject({ teamId: idSchema, title: required(200) });
export const updateTrajectoryInput = z.strictObject({
  title: required(200).optional(),
  phase: phaseKeySchema.optional(),
  contextWho: text(2000).optional(),
  contextSector: frameworkKeySchema.nullable().optional(),
  logics: z.array(frameworkKeySchema).max(3).optional(),
});
export type UpdateTrajectoryInput = z.infer<typeof updateTrajectoryInput>;

/** A topic's agreement (one per topic), or an explicit choice ('keuze', as many as the team makes). */
export const saveAgreementInput = z.strictObject({
  topic: z.union([topicKeySchema, z.literal('keuze')]),
  title: text(300).default(''),
  text: required(10_000),
  options: z.array(required(300)).max(10).default([]),
  reason: text(4000).default(''),
  ownerUserId: idSchema.nullable().default(null),
  reviewOn: isoDate.nullable().default(null),
});
export type SaveAgreementInput = z.infer<typeof saveAgreementInput>;

export const evidenceSchema = z.strictObject({ kind: z.enum(['round', 'story', 'signal']), id: idSchema });
export type Evidence = z.infer<typeof evidenceSchema>;
export const reviewInput = z.strictObject({
  note: required(4000),
  nextReviewOn: isoDate.nullable().default(null),
  evidence: z.array(evidenceSchema).max(20).default([]),
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const contributionInput = z.strictObject({
  experiential: z.boolean(),
  positions: z.array(frameworkKeySchema).max(3).default([]),
  experientialNote: text(2000).default(''),
  professional: z.boolean(),
  professionalNote: text(2000).default(''),
  otherNote: text(2000).default(''),
});
export type ContributionInput = z.infer<typeof contributionInput>;

export const rolesInput = z.strictObject({
  assignments: z
    .array(z.strictObject({ roleKey: frameworkKeySchema, userId: idSchema, hoursPerWeek: z.number().min(0).max(80).nullable().default(null) }))
    .max(200),
});
export type RolesInput = z.infer<typeof rolesInput>;

export const mandateInput = z.strictObject({
  statuses: z.array(frameworkKeySchema).max(4),
  mayDecide: text(2000).default(''),
  maySign: text(2000).default(''),
  /** The informal mandate: what happens in practice without being written down. */
  informal: text(2000).default(''),
});
export type MandateInput = z.infer<typeof mandateInput>;

export const supportInput = z.strictObject({
  kind: frameworkKeySchema,
  frequency: required(200),
  byWhom: required(200),
  forWhom: required(200),
});
export type SupportInput = z.infer<typeof supportInput>;

export const viewInput = z.strictObject({ view: required(4000) });
export const positionInput = z.strictObject({ position: required(4000), reason: required(4000) });

export const planSessionInput = z.strictObject({
  method: z.enum(intervisionMethodKeys),
  plannedOn: isoDate,
  facilitatorUserId: idSchema,
  presenterUserId: idSchema,
  participantUserIds: z.array(idSchema).min(2).max(50),
});
export type PlanSessionInput = z.infer<typeof planSessionInput>;
export const updateSessionInput = z.strictObject({
  currentStep: z.number().int().min(0).max(20).optional(),
  status: z.enum(['planned', 'running', 'done']).optional(),
});
export const notesInput = z.strictObject({ text: text(20_000) });
export const themeInput = z.strictObject({ theme: required(500) });

export const openCheckInput = z.strictObject({ moment: z.enum(['start', 'end']), closesOn: isoDate });

export const createVersionInput = z.strictObject({ language: languageSchema.optional() });
export const commentInput = z.strictObject({ sectionKey: z.string().regex(/^[a-z_]{1,60}$/), text: required(4000) });
export const exportQuery = z.strictObject({ lang: languageSchema.optional() });

const person = z.object({ userId: idSchema, displayName: z.string() });

export const trajectoryMemberView = person.extend({ position: positionSchema });

export const agreementView = z.object({
  id: idSchema,
  topic: z.string(),
  title: z.string(),
  text: z.string(),
  options: z.array(z.string()),
  reason: z.string(),
  owner: person.nullable(),
  reviewOn: z.string().nullable(),
  reviewDue: z.boolean(),
  updatedAt: z.string(),
  reviews: z.array(
    z.object({
      id: idSchema,
      reviewedBy: person,
      reviewedAt: z.string(),
      note: z.string(),
      nextReviewOn: z.string().nullable(),
      evidence: z.array(evidenceSchema),
    }),
  ),
});
export type AgreementView = z.infer<typeof agreementView>;

export const contributionView = z.object({
  userId: idSchema,
  experiential: z.boolean(),
  positions: z.array(z.string()),
  experientialNote: z.string(),
  professional: z.boolean(),
  professionalNote: z.string(),
  otherNote: z.string(),
});
export type ContributionView = z.infer<typeof contributionView>;

export const matrixView = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.object({ userId: idSchema, displayName: z.string(), cells: z.array(z.boolean()), answered: z.boolean() })),
  gaps: z.array(z.string()),
});

export const roleAssignmentView = z.object({ roleKey: z.string(), userId: idSchema, hoursPerWeek: z.number().nullable() });
export const mandateView = z.object({ userId: idSchema, statuses: z.array(z.string()), mayDecide: z.string(), maySign: z.string(), informal: z.string() });
export const supportView = z.object({ id: idSchema, kind: z.string(), frequency: z.string(), byWhom: z.string(), forWhom: z.string() });

export const equalPositionView = z.object({
  key: z.string(),
  cluster: z.string(),
  views: z.array(person.extend({ view: z.string(), updatedAt: z.string() })),
  position: z.object({ position: z.string(), reason: z.string(), updatedAt: z.string() }).nullable(),
});

export const sessionSummaryView = z.object({
  id: idSchema,
  method: z.string(),
  plannedOn: z.string(),
  facilitator: person,
  presenter: person,
  participants: z.array(person),
  status: z.enum(['planned', 'running', 'done']),
  currentStep: z.number().int(),
  isParticipant: z.boolean(),
  themes: z.array(z.object({ id: idSchema, theme: z.string(), sharedAt: z.string() })),
});
export type SessionSummaryView = z.infer<typeof sessionSummaryView>;
export const sessionDetailView = sessionSummaryView.extend({ notes: z.array(z.object({ step: z.number().int(), text: z.string(), updatedAt: z.string() })) });
export type SessionDetailView = z.infer<typeof sessionDetailView>;

export const checkView = z.object({
  moment: z.enum(['start', 'end']),
  roundId: idSchema,
  roundName: z.string(),
  closesOn: z.string(),
  /** Null below the organisation's threshold (`responsesFewerThan`) for who may not see small counts. */
  responses: z.number().int().nullable(),
  responsesFewerThan: z.number().int().nullable(),
  /** The team's own link to answer (for the team's members). */
  url: z.string().nullable(),
});

/** `phase` is a phase key, or 'evenwaardige_positie' for the equal-position dialogue. */
export const openPointView = z.object({ phase: z.enum([...phaseKeys, 'evenwaardige_positie']), key: z.string(), label: z.string() });

export const charterSummaryView = z.object({
  latestVersion: z.number().int().nullable(),
  established: z.boolean(),
  /** The team changed something after the latest version: a new version is needed. */
  outdated: z.boolean(),
  signed: z.number().int(),
  needed: z.number().int(),
});

export const trajectorySummaryView = z.object({
  id: idSchema,
  title: z.string(),
  team: z.object({ id: idSchema, name: z.string() }),
  phase: phaseKeySchema,
  updatedAt: z.string(),
  openPoints: z.number().int(),
  reviewsDue: z.number().int(),
  charter: charterSummaryView,
});
export type TrajectorySummaryView = z.infer<typeof trajectorySummaryView>;
export const trajectoryListView = z.object({
  trajectories: z.array(trajectorySummaryView),
  startableTeams: z.array(z.object({ id: idSchema, name: z.string() })),
  reviewsDue: z.array(
    z.object({ trajectoryId: idSchema, trajectoryTitle: z.string(), agreementId: idSchema, label: z.string(), reviewOn: z.string(), owner: person.nullable() }),
  ),
});
export type TrajectoryListView = z.infer<typeof trajectoryListView>;
/** An agreement whose review date has come, as listed beside the trajectories. */
export type ReviewDueView = TrajectoryListView['reviewsDue'][number];

export const trajectoryDetailView = z.object({
  id: idSchema,
  organisationId: idSchema,
  title: z.string(),
  team: z.object({ id: idSchema, name: z.string() }),
  phase: phaseKeySchema,
  context: z.object({ who: z.string(), sector: z.string().nullable(), logics: z.array(z.string()) }),
  createdAt: z.string(),
  updatedAt: z.string(),
  members: z.array(trajectoryMemberView),
  me: z.object({ userId: idSchema, isMember: z.boolean(), canWrite: z.boolean(), canSign: z.boolean() }),
  agreements: z.array(agreementView),
  contributions: z.array(contributionView),
  matrix: matrixView,
  roles: z.array(roleAssignmentView),
  mandates: z.array(mandateView),
  support: z.array(supportView),
  equalPosition: z.array(equalPositionView),
  intervision: z.array(sessionSummaryView),
  checks: z.array(checkView),
  openPoints: z.array(openPointView),
  charter: charterSummaryView,
});
export type TrajectoryDetailView = z.infer<typeof trajectoryDetailView>;

export const charterSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** Plain paragraphs and "- " list lines. */
  body: z.string(),
  open: z.array(z.string()),
});
export type CharterSection = z.infer<typeof charterSectionSchema>;

export const charterVersionView = z.object({
  version: z.number().int(),
  language: languageSchema,
  createdAt: z.string(),
  createdBy: person,
  sections: z.array(charterSectionSchema),
  diff: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'same']),
      parts: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
    }),
  ),
  signatures: z.array(person.extend({ signedAt: z.string() })),
  missing: z.array(person),
  established: z.boolean(),
  latest: z.boolean(),
  outdated: z.boolean(),
  comments: z.array(z.object({ id: idSchema, sectionKey: z.string(), author: person, text: z.string(), createdAt: z.string() })),
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string(), established: z.boolean() })),
  canSign: z.boolean(),
  signedByMe: z.boolean(),
});
export type CharterVersionView = z.infer<typeof charterVersionView>;

const checkRef = z.object({ moment: z.enum(['start', 'end']), roundId: idSchema, roundName: z.string(), closesOn: z.string() });
export const comparisonCheckView = z.object({
  start: checkRef.nullable(),
  end: checkRef.nullable(),
  comparison: z.unknown().nullable(),
});

/** The id of what a request made. */
export const createdView = z.object({ id: z.string() });
export type CreatedView = z.infer<typeof createdView>;
/** The number the charter's new version got. */
export const charterVersionNumberView = z.object({ version: z.number().int() });
export type CharterVersionNumberView = z.infer<typeof charterVersionNumberView>;

/** The answers of this module's routes, for the web app (`import type`). */
export type ComparisonCheckView = z.infer<typeof comparisonCheckView>;
