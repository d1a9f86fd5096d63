import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import type { MeetingPromptTable } from '../../db/tables/meetings.ts';
import { recordAudit } from '../audit/service.ts';
import { mayCreateFor, openMeeting } from './access.ts';
import { newJoinCode } from './join-code.ts';
import { agreeOptions, libraryPrompt, ONTMOETING_TEMPLATE, promptLibrary } from './library.ts';
import { saveMeetingRounds } from './meeting-rounds.ts';
import {
  type ControlInput,
  type CreateMeetingInput,
  createMeetingInput,
  type MeetingSummary,
  type MeetingView,
  moderatedKinds,
  type Prompt,
  type PromptKind,
  promptInput,
} from './model.ts';
import { meetingSummary, promptView } from './present.ts';
import * as store from './store.ts';

/** Facilitator use cases: prepare a meeting, run it, and look at it. */

function resolvePrompts(input: ReturnType<typeof createMeetingInput.parse>): Prompt[] {
  const keys = input.template === 'de_ontmoeting' ? [...ONTMOETING_TEMPLATE] : input.library;
  const fromLibrary = keys.map((key, i) => {
    const prompt = libraryPrompt(key);
    if (!prompt) throw new AppError('validation_failed', { issues: [{ path: `library.${i}`, message: 'unknown library prompt' }] });
    return promptInput.parse(prompt);
  });
  return [...fromLibrary, ...input.prompts];
}

const optionsFor = (prompt: Prompt) => (prompt.kind === 'agree' ? agreeOptions : prompt.options);

async function uniqueCode(ctx: ServiceContext): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const code = newJoinCode();
    if (!(await store.codeTaken(ctx.db, code))) return code;
  }
  throw new AppError('conflict', { code: 'meetings.no_free_join_code' });
}

export async function createMeeting(ctx: ServiceContext, actor: Actor, organisationId: string, raw: CreateMeetingInput): Promise<MeetingView> {
  authorize(actor, 'meetings.run', organisationId);
  const input = createMeetingInput.parse(raw);
  let teamId = input.teamId;
  if (input.trajectoryId) {
    const trajectory = await store.findTrajectory(ctx.db, organisationId, input.trajectoryId);
    if (!trajectory) throw notFound();
    teamId ??= trajectory.team_id;
  }
  if (teamId && !(await store.findTeam(ctx.db, organisationId, teamId))) throw notFound();
  if (!(await mayCreateFor(ctx.db, actor, organisationId, teamId))) throw forbidden();
  const prompts = resolvePrompts(input);
  if (prompts.length === 0) throw new AppError('validation_failed', { issues: [{ path: 'prompts', message: 'at least one prompt' }] });
  const id = newId();
  const now = ctx.clock.now();
  const code = await uniqueCode(ctx);
  await inTransaction(ctx.db, async (trx) => {
    await store.insertMeeting(trx, {
      id,
      organisation_id: organisationId,
      team_id: teamId,
      trajectory_id: input.trajectoryId,
      title: input.title,
      language: input.language,
      status: 'draft',
      pacing: input.pacing,
      join_code: code,
      current_index: 0,
      created_by: actor.userId,
      created_at: now.toISOString(),
    });
    await store.insertFacilitator(trx, id, actor.userId, 'owner');
    await store.insertPrompts(
      trx,
      prompts.map(
        (p, position): MeetingPromptTable => ({
          id: newId(),
          meeting_id: id,
          position,
          kind: p.kind,
          text: JSON.stringify(p.text),
          options: JSON.stringify(optionsFor(p)),
          settings: JSON.stringify(p.settings),
          state: 'waiting',
          results_visible: 0,
        }),
      ),
    );
    await recordAudit(trx, now, { organisationId, actorUserId: actor.userId, action: 'meeting.created', subjectType: 'meeting', subjectId: id });
  });
  return getMeeting(ctx, actor, organisationId, id);
}

export async function listMeetings(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<MeetingSummary[]> {
  authorize(actor, 'meetings.run', organisationId);
  const visible: MeetingSummary[] = [];
  for (const row of await store.listMeetings(ctx.db, organisationId)) {
    try {
      await openMeeting(ctx.db, actor, organisationId, row.id, 'moderate');
      visible.push(meetingSummary(row));
    } catch {
      // not this person's meeting
    }
  }
  return visible;
}

export async function getMeeting(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string): Promise<MeetingView> {
  const access = await openMeeting(ctx.db, actor, organisationId, meetingId, 'moderate');
  const prompts = await store.listPrompts(ctx.db, meetingId);
  return {
    ...meetingSummary(access.meeting),
    currentIndex: access.meeting.current_index,
    prompts: prompts.map(promptView),
    canRun: access.canRun,
    canModerate: access.canModerate,
    rounds: (await store.meetingRounds(ctx.db, meetingId)).map((r) => r.round_id),
  };
}

/** The facilitator panel's buttons. Moving to a prompt in presenter pacing opens it for answers. */
export async function control(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string, input: ControlInput): Promise<MeetingView> {
  const { meeting } = await openMeeting(ctx.db, actor, organisationId, meetingId, 'run');
  const prompts = await store.listPrompts(ctx.db, meetingId);
  const current = prompts[meeting.current_index];
  if (!current) throw notFound();
  const last = prompts.length - 1;
  await inTransaction(ctx.db, async (trx) => {
    const go = async (index: number) => {
      const target = prompts[Math.max(0, Math.min(last, index))];
      if (!target) return;
      await store.updateMeeting(trx, meetingId, { current_index: target.position });
      if (meeting.status === 'live' && target.state === 'waiting') await store.updatePrompt(trx, target.id, { state: 'open' });
    };
    switch (input.action) {
      case 'start':
        await store.updateMeeting(trx, meetingId, { status: 'live' });
        if (current.state === 'waiting') await store.updatePrompt(trx, current.id, { state: 'open' });
        if (meeting.pacing === 'participant') for (const p of prompts) if (p.state === 'waiting') await store.updatePrompt(trx, p.id, { state: 'open' });
        break;
      case 'finish':
        await store.updateMeeting(trx, meetingId, { status: 'closed' });
        for (const p of prompts) if (p.state === 'open') await store.updatePrompt(trx, p.id, { state: 'closed' });
        await saveMeetingRounds(ctx, trx, meeting, actor.userId);
        break;
      case 'next':
        return go(meeting.current_index + 1);
      case 'previous':
        return go(meeting.current_index - 1);
      case 'go':
        return go(input.index);
      case 'open':
        return store.updatePrompt(trx, current.id, { state: 'open' });
      case 'close':
        return store.updatePrompt(trx, current.id, { state: 'closed' });
      case 'reveal':
        return store.updatePrompt(trx, current.id, { results_visible: 1 });
      case 'hide':
        return store.updatePrompt(trx, current.id, { results_visible: 0 });
      case 'pacing':
        await store.updateMeeting(trx, meetingId, { pacing: input.pacing });
        // Participant pacing: everyone moves on at their own pace, so the prompts not shown yet open for them.
        if (input.pacing === 'participant' && meeting.status === 'live')
          for (const p of prompts) if (p.state === 'waiting') await store.updatePrompt(trx, p.id, { state: 'open' });
        break;
      case 'reset':
        await store.deleteAnswersOf(trx, current.id);
        await store.deleteQuestionsOf(trx, current.id);
        await store.updatePrompt(trx, current.id, { results_visible: 0 });
        await recordAudit(trx, ctx.clock.now(), {
          organisationId,
          actorUserId: actor.userId,
          action: 'meeting.prompt_reset',
          subjectType: 'meeting',
          subjectId: meetingId,
          details: { prompt: current.position },
        });
        break;
    }
  });
  return getMeeting(ctx, actor, organisationId, meetingId);
}

export async function deleteMeeting(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string): Promise<void> {
  await openMeeting(ctx.db, actor, organisationId, meetingId, 'run');
  await inTransaction(ctx.db, async (trx) => {
    await store.deleteMeeting(trx, meetingId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'meeting.deleted',
      subjectType: 'meeting',
      subjectId: meetingId,
    });
  });
}

/** Makes a member of the organisation a co-facilitator who may moderate (for instance an experience worker). */
export async function addModerator(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string, userId: string): Promise<void> {
  await openMeeting(ctx.db, actor, organisationId, meetingId, 'run');
  const member = await ctx.db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!member) throw notFound();
  await inTransaction(ctx.db, async (trx) => {
    if ((await store.facilitatorRole(trx, meetingId, userId)) === 'owner') return;
    await store.insertFacilitator(trx, meetingId, userId, 'moderator');
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'meeting.updated',
      subjectType: 'meeting',
      subjectId: meetingId,
      details: { moderator: userId },
    });
  });
}

/** Takes the moderating right away from a co-facilitator (not from the owner). */
export async function removeModerator(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string, userId: string): Promise<void> {
  await openMeeting(ctx.db, actor, organisationId, meetingId, 'run');
  await inTransaction(ctx.db, async (trx) => {
    if ((await store.facilitatorRole(trx, meetingId, userId)) !== 'moderator') throw notFound();
    await store.deleteFacilitator(trx, meetingId, userId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'meeting.moderator_removed',
      subjectType: 'meeting',
      subjectId: meetingId,
      details: { moderator: userId },
    });
  });
}

/** Who may moderate this meeting besides its facilitators: for the panel's list. */
export async function moderatorsOf(ctx: ServiceContext, actor: Actor, organisationId: string, meetingId: string) {
  await openMeeting(ctx.db, actor, organisationId, meetingId, 'run');
  return store.listModerators(ctx.db, meetingId);
}

export const isModerated = (kind: PromptKind) => moderatedKinds.includes(kind);

export function library(actor: Actor, organisationId: string) {
  authorize(actor, 'meetings.run', organisationId);
  return promptLibrary().map((e) => ({ key: e.key, group: e.group, prompt: e.prompt }));
}

/** Meetings of the person's teams that are live now (the start page: "your team's meeting is on"). */
export async function liveMeetingsFor(ctx: ServiceContext, organisationId: string, userId: string) {
  const rows = await store.liveMeetingsOfTeamsOf(ctx.db, organisationId, userId);
  return rows.map((m) => ({ meetingId: m.id, title: m.title, path: `/m/${m.join_code}` }));
}
