import * as z from 'zod';
import { idSchema } from '../organisations/model.ts';

/** Every action that changes people's data has a stable id here; the UI translates them. */
export const auditActions = [
  'organisation.created',
  'organisation.updated',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.login',
  'user.logout',
  'membership.created',
  'membership.role_changed',
  'membership.removed',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'team.created',
  'team.renamed',
  'team.deleted',
  'team_member.added',
  'team_member.position_changed',
  'team_member.removed',
  'audit.exported',
  'demo.loaded',
  'instrument.created',
  'instrument.draft_created',
  'instrument.published',
  'round.created',
  'round.updated',
  'round.imported',
  'framework.saved',
  'report.viewed_unsuppressed',
  'report.downloaded',
  'signal.raised',
  'signal.step',
  'signal.member_checked',
  'signal.exported',
  'signal.notifications_read',
  'coding.code_created',
  'coding.code_updated',
  'coding.code_deleted',
  'coding.framework_added',
  'coding.segment_created',
  'coding.segment_deleted',
  'coding.memo_created',
  'coding.memo_updated',
  'coding.memo_deleted',
  'coding.exported',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEventView = z.object({
  id: idSchema,
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});
export const auditListView = z.object({ events: z.array(auditEventView), nextBefore: z.number().int().nullable() });
