import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, forbidden, type MessageCode, notFound } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import type { Db } from '../../db/database.ts';
import type { TrajectoryTable } from '../../db/tables/trajecten.ts';
import type { AuditAction } from '../audit/model.ts';
import { recordAudit } from '../audit/service.ts';
import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import type { Position } from '../organisations/model.ts';
import * as store from './store.ts';

export type TeamMember = { userId: string; displayName: string; position: Position };

/**
 * Who may do what with a trajectory: the team's own members see, write, comment and sign, all with
 * the same rights whatever their position. Coordinators and admins of the organisation see every
 * trajectory and may write and comment, but only team members sign. Anyone else: 404.
 */
export type TrajectoryAccess = { row: TrajectoryTable; members: TeamMember[]; isMember: boolean; canWrite: boolean; canSign: boolean };

const managers = new Set(['admin', 'coordinator']);
export const managesTrajectories = (actor: Actor, organisationId: string) => managers.has(actor.roles.get(organisationId) ?? '');

export async function openTrajectory(db: Db, actor: Actor, organisationId: string, trajectoryId: string, need: 'view' | 'write' | 'sign' = 'view') {
  authorize(actor, 'trajecten.use', organisationId);
  const row = await store.findTrajectory(db, organisationId, trajectoryId);
  if (!row) throw notFound();
  const members = (await store.teamMembers(db, row.team_id)).map((m) => ({ ...m, position: m.position as Position }));
  const isMember = members.some((m) => m.userId === actor.userId);
  const manager = managesTrajectories(actor, organisationId);
  if (!isMember && !manager) throw notFound();
  const access: TrajectoryAccess = { row, members, isMember, canWrite: isMember || manager, canSign: isMember };
  if (need === 'sign' && !access.canSign) throw forbidden();
  return access;
}

/** Records the change and marks the trajectory as changed, in the caller's transaction. */
export async function recordChange(
  db: Db,
  ctx: ServiceContext,
  actor: Actor,
  access: TrajectoryAccess,
  { action, subject, details = {} }: { action: AuditAction; subject: { type: string; id: string }; details?: Record<string, string | number | boolean | null> },
): Promise<void> {
  const now = ctx.clock.now();
  await store.updateTrajectory(db, access.row.id, { updated_at: now.toISOString() });
  await recordAudit(db, now, {
    organisationId: access.row.organisation_id,
    actorUserId: actor.userId,
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    details: { trajectoryId: access.row.id, ...details },
  });
}

export const invalid = (path: string, code: MessageCode) => new AppError('validation_failed', { issues: [{ path, code }] });

/** Keys must come from the built-in framework (its exclusive "none" code only where allowed). */
export function checkCodes(framework: string, keys: string[], path: string, allowExclusive = false): void {
  const codes = getBuiltinFramework(framework)?.codes ?? [];
  keys.forEach((key, i) => {
    const code = codes.find((c) => c.key === key);
    if (!code || (code.exclusive && !allowExclusive)) throw invalid(`${path}.${i}`, 'trajecten.unknown_code');
  });
}

export function checkMember(access: TrajectoryAccess, userId: string | null, path: string): void {
  if (userId !== null && !access.members.some((m) => m.userId === userId)) throw invalid(path, 'trajecten.not_in_team');
}
