import type { Actor } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import type { Db } from '../../db/database.ts';
import type { MeetingTable } from '../../db/tables/meetings.ts';
import * as store from './store.ts';

export type MeetingAccess = { meeting: MeetingTable; canRun: boolean; canModerate: boolean };

const orgWide = new Set(['admin', 'researcher', 'coordinator']);

/**
 * Who may run a meeting: the organisation's admins, researchers and coordinators, its owner, and the
 * members of the meeting's team. A co-facilitator (moderator) may only moderate. Anyone else: 404.
 */
export async function openMeeting(db: Db, actor: Actor, organisationId: string, meetingId: string, need: 'run' | 'moderate'): Promise<MeetingAccess> {
  authorize(actor, 'meetings.run', organisationId);
  const meeting = await store.findMeeting(db, organisationId, meetingId);
  if (!meeting) throw notFound();
  const role = await store.facilitatorRole(db, meetingId, actor.userId);
  const canRun =
    orgWide.has(actor.roles.get(organisationId) ?? '') ||
    role === 'owner' ||
    (meeting.team_id !== null && (await store.isTeamMember(db, meeting.team_id, actor.userId)));
  const canModerate = canRun || role === 'moderator';
  if (!canModerate) throw notFound();
  if (need === 'run' && !canRun) throw forbidden();
  return { meeting, canRun, canModerate };
}

/** A member may start a meeting only for a team they belong to. */
export async function mayCreateFor(db: Db, actor: Actor, organisationId: string, teamId: string | null): Promise<boolean> {
  if (orgWide.has(actor.roles.get(organisationId) ?? '')) return true;
  return teamId !== null && (await store.isTeamMember(db, teamId, actor.userId));
}
