import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { openTrajectory } from '../trajecten/access.ts';
import { openMeeting } from './access.ts';
import type { DialogueRecordsView, MeetingView } from './model.ts';
import { meetingSummary, promptView } from './present.ts';
import { type PromptResultsView, resultsOfMeeting } from './results-service.ts';
import * as store from './store.ts';

/**
 * A finished meeting's report attached to a trajectory as the record of a dialogue, shown beside the
 * charter. Whoever may see the trajectory (its team and the organisation's managers) may read the
 * report: aggregated results under the same disclosure rules as the facilitator's, never an answer
 * with its person.
 */

/** The one who runs the meeting and may change the trajectory attaches it. */
export async function attachRecord(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string, trajectoryId: string): Promise<void> {
  const { meeting } = await openMeeting(ctx.db, actor, organisationId, meetingId, 'run');
  if (meeting.status !== 'closed') throw new AppError('conflict', { code: 'meetings.not_finished' });
  await openTrajectory(ctx.db, actor, organisationId, trajectoryId, 'write');
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.setRecord(trx, meetingId, trajectoryId, now.toISOString());
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'meeting.attached_to_trajectory',
      subjectType: 'meeting',
      subjectId: meetingId,
      details: { trajectoryId },
    });
  });
}

export async function detachRecord(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string): Promise<void> {
  const { meeting } = await openMeeting(ctx.db, actor, organisationId, meetingId, 'run');
  if (!meeting.record_attached_at) return;
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.setRecord(trx, meetingId, meeting.trajectory_id, null);
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'meeting.attached_to_trajectory',
      subjectType: 'meeting',
      subjectId: meetingId,
      details: { trajectoryId: null },
    });
  });
}

export async function dialogueRecords(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string): Promise<DialogueRecordsView> {
  await openTrajectory(ctx.db, actor, organisationId, trajectoryId, 'view');
  const records = [];
  for (const row of await store.recordsOfTrajectory(ctx.db, organisationId, trajectoryId))
    records.push({
      meetingId: row.id,
      title: row.title,
      createdAt: row.created_at,
      attachedAt: row.record_attached_at ?? row.created_at,
      participants: await store.countParticipants(ctx.db, row.id),
    });
  return { records };
}

/** The meeting and its results for the report, for someone who may see the trajectory it is attached to. */
export async function recordReport(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  trajectoryId: string,
  meetingId: string,
): Promise<{ meeting: MeetingView; results: PromptResultsView[] }> {
  await openTrajectory(ctx.db, actor, organisationId, trajectoryId, 'view');
  const meeting = await store.findMeeting(ctx.db, organisationId, meetingId);
  if (!meeting || meeting.trajectory_id !== trajectoryId || !meeting.record_attached_at) throw notFound();
  const prompts = (await store.listPrompts(ctx.db, meetingId)).map(promptView);
  const view: MeetingView = { ...meetingSummary(meeting), currentIndex: meeting.current_index, prompts, canRun: false, canModerate: false, rounds: [] };
  return { meeting: view, results: await resultsOfMeeting(ctx, meeting) };
}
