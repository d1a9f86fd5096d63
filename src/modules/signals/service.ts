import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize, can } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { codeExists } from '../coding/codebook.ts';
import { getFramework } from '../frameworks/service.ts';
import { notify } from '../notifications/notify-service.ts';
import { canCheck, canHandle, canSee, type SignalFacts, type Viewer } from './access.ts';
import { signalAsMarkdown } from './export-text.ts';
import { readableLinkedStories } from './linked-stories.ts';
import type { MemberCheckView, RaiseSignalInput, SignalSummary, SignalView } from './model.ts';
import * as store from './store.ts';
import { checkTransition, daysWaiting, nextStatuses, type SignalStatus } from './workflow.ts';

type Row = NonNullable<Awaited<ReturnType<typeof store.findSignal>>>;

export async function viewerOf(db: Db, actor: Actor, organisationId: string): Promise<Viewer> {
  const role = actor.roles.get(organisationId);
  if (!role) throw notFound();
  const teams = await store.teamPositions(db, organisationId, actor.userId);
  return { userId: actor.userId, role, teams: teams.map((t) => ({ teamId: t.team_id, position: t.position })) };
}

export const factsOf = (row: Row): SignalFacts => ({ teamId: row.team_id, raisedBy: row.raised_by, status: row.status });

export function summaryOf(row: Row, actor: Actor, now: Date): SignalSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status as SignalStatus,
    level: row.level as SignalSummary['level'],
    logic: row.logic,
    theme: row.theme,
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    raisedBy: row.raised_by ? { id: row.raised_by, displayName: row.raised_by_name ?? '—' } : null,
    raisedByMe: row.raised_by === actor.userId,
    createdAt: row.created_at,
    lastStepAt: row.last_step_at,
    daysWaiting: daysWaiting(row.status as SignalStatus, row.last_step_at, now),
  };
}

/** The signal, or 404 when it is not in the organisation or this person may not see it. */
export async function visibleSignal(ctx: ServiceContext, actor: Actor, organisationId: string, signalId: string) {
  const viewer = await viewerOf(ctx.db, actor, organisationId);
  const row = await store.findSignal(ctx.db, organisationId, signalId);
  if (!row) throw notFound();
  if (!canSee(viewer, factsOf(row)) && !(await authorsOfLinkedStories(ctx, actor, organisationId, [row.id])).has(row.id)) throw notFound();
  return { viewer, row };
}

/**
 * Of these signals, the ones linked to a story this person wrote (and may still read): the author
 * sees a signal about their own story, also outside the team it was raised in.
 */
export async function authorsOfLinkedStories(ctx: ServiceContext, actor: Actor, organisationId: string, signalIds: string[]): Promise<Set<string>> {
  const links = await store.storyLinksOf(ctx.db, signalIds);
  if (links.length === 0) return new Set();
  const own = new Set(
    (await readableLinkedStories(ctx, actor, organisationId, [...new Set(links.map((l) => l.story_id))])).filter((s) => s.isOwn).map((s) => s.id),
  );
  return new Set(links.filter((l) => own.has(l.story_id)).map((l) => l.signal_id));
}

/** Every signal of the organisation this person may see, newest first. */
export async function visibleSignals(ctx: ServiceContext, actor: Actor, organisationId: string) {
  const viewer = await viewerOf(ctx.db, actor, organisationId);
  const rows = await store.listSignals(ctx.db, organisationId);
  const hidden = rows.filter((row) => !canSee(viewer, factsOf(row))).map((row) => row.id);
  const asAuthor = hidden.length > 0 ? await authorsOfLinkedStories(ctx, actor, organisationId, hidden) : new Set<string>();
  return { viewer, rows: rows.filter((row) => canSee(viewer, factsOf(row)) || asAuthor.has(row.id)) };
}

async function checkCodes(ctx: ServiceContext, actor: Actor, organisationId: string, input: RaiseSignalInput): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  const nl = actor.language === 'nl';
  const logics = await getFramework(ctx, actor, organisationId, 'logics');
  if (!logics.codes.some((c) => c.key === input.logic))
    issues.push({ path: 'logic', message: nl ? 'Kies een van de drie doelen.' : 'Choose one of the three purposes.' });
  if (input.theme !== null) {
    const themes = await getFramework(ctx, actor, organisationId, 'themes');
    if (!themes.codes.some((c) => c.key === input.theme))
      issues.push({ path: 'theme', message: nl ? 'Kies een thema uit de lijst.' : 'Choose a theme from the list.' });
  }
  if (input.sourceCodeId !== null && !(await codeExists(ctx, organisationId, input.sourceCodeId)))
    issues.push({ path: 'sourceCodeId', message: nl ? 'Deze code staat niet in het codeboek.' : 'This code is not in the codebook.' });
  if (input.teamId !== null && !(await store.findTeam(ctx.db, organisationId, input.teamId)))
    issues.push({ path: 'teamId', message: nl ? 'Kies een team uit de lijst.' : 'Choose a team from the list.' });
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
}

/** Anyone in the organisation raises a signal; a theme from coded stories starts in member checking. */
export async function raiseSignal(ctx: ServiceContext, actor: Actor, organisationId: string, input: RaiseSignalInput): Promise<SignalView> {
  authorize(actor, 'signals.raise', organisationId);
  await checkCodes(ctx, actor, organisationId, input);
  const storyIds = [...new Set(input.storyIds)];
  const readable = await readableLinkedStories(ctx, actor, organisationId, storyIds);
  if (readable.length !== storyIds.length)
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'storyIds',
          message: actor.language === 'nl' ? 'Je kunt alleen verhalen koppelen die je zelf mag lezen.' : 'You can only link stories you may read yourself.',
        },
      ],
    });
  const id = newId();
  const now = ctx.clock.now();
  const at = now.toISOString();
  const status: SignalStatus = input.memberCheck ? 'member_check' : 'raised';
  await inTransaction(ctx.db, async (trx) => {
    await store.insertSignal(trx, {
      id,
      organisation_id: organisationId,
      team_id: input.teamId,
      raised_by: actor.userId,
      title: input.title,
      observation: input.observation,
      barrier_for: input.barrierFor,
      logic: input.logic,
      theme: input.theme,
      level: input.level,
      status,
      source_code_id: input.sourceCodeId,
      created_at: at,
      last_step_at: at,
    });
    await store.insertStep(trx, { id: newId(), signal_id: id, from_status: null, to_status: status, note: '', actor_user_id: actor.userId, at });
    await store.insertStoryLinks(
      trx,
      storyIds.map((storyId) => ({ signal_id: id, story_id: storyId, linked_by: actor.userId, linked_at: at })),
    );
    if (input.memberCheck) {
      const authors = readable.map((s) => s.authorUserId).filter((id): id is string => id !== null);
      const checkers = new Set([...authors, ...(await store.experienceWorkers(trx, organisationId, input.teamId))]);
      checkers.delete(actor.userId);
      await store.insertNotifications(
        trx,
        [...checkers].map((userId) => ({
          id: newId(),
          organisation_id: organisationId,
          user_id: userId,
          signal_id: id,
          kind: 'member_check_requested',
          at,
          read_at: null,
        })),
      );
      await notify(
        { ...ctx, db: trx },
        {
          organisationId,
          userIds: [...checkers],
          kind: 'signal_member_check_requested',
          subjectId: id,
          params: {},
          link: `/o/${organisationId}/kruisbestuiving/signalen/${id}`,
        },
      );
    }
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'signal.raised',
      subjectType: 'signal',
      subjectId: id,
      details: { level: input.level, logic: input.logic, theme: input.theme, status, stories: storyIds.length, teamId: input.teamId },
    });
  });
  return getSignal(ctx, actor, organisationId, id);
}

export async function listSignals(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  filter: { mine?: boolean; status?: SignalStatus | undefined },
): Promise<SignalSummary[]> {
  authorize(actor, 'signals.view', organisationId);
  const now = ctx.clock.now();
  return (await visibleSignals(ctx, actor, organisationId)).rows
    .filter((row) => !filter.mine || row.raised_by === actor.userId)
    .filter((row) => !filter.status || row.status === filter.status)
    .map((row) => summaryOf(row, actor, now));
}

export async function getSignal(ctx: ServiceContext, actor: Actor, organisationId: string, signalId: string): Promise<SignalView> {
  authorize(actor, 'signals.view', organisationId);
  const { viewer, row } = await visibleSignal(ctx, actor, organisationId, signalId);
  const [steps, checks, storyIds] = await Promise.all([
    store.listSteps(ctx.db, signalId),
    store.listMemberChecks(ctx.db, signalId),
    store.listStoryLinks(ctx.db, signalId),
  ]);
  const facts = factsOf(row);
  const stories = await readableLinkedStories(ctx, actor, organisationId, storyIds);
  const handle = canHandle(viewer, facts);
  const check = canCheck(viewer, facts, stories.some((s) => s.isOwn) ? [actor.userId] : []);
  const feedbackStep = steps.findLast((s) => s.to_status === 'feedback_given');
  const person = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '—' } : null);
  return {
    ...summaryOf(row, actor, ctx.clock.now()),
    observation: row.observation,
    barrierFor: row.barrier_for,
    sourceCodeId: row.source_code_id,
    steps: steps.map((s) => ({
      from: (s.from_status as SignalStatus | null) ?? null,
      to: s.to_status as SignalStatus,
      note: s.note,
      by: person(s.actor_user_id, s.actor_name),
      at: s.at,
    })),
    // Authors of the stories answer here; researchers, who never see who wrote a story, do not see who answered either.
    memberChecks: checks.map(
      (c): MemberCheckView => ({
        id: c.id,
        stance: c.stance as MemberCheckView['stance'],
        comment: c.comment,
        by: viewer.role === 'researcher' && c.user_id !== actor.userId ? null : person(c.user_id, c.user_name),
        at: c.at,
      }),
    ),
    stories: stories.map((s) => ({ id: s.id, title: s.title })),
    canHandle: handle,
    canCheck: check,
    nextStatuses: handle ? [...nextStatuses(facts.status as SignalStatus)] : [],
    feedback: feedbackStep ? { note: feedbackStep.note, at: feedbackStep.at, by: person(feedbackStep.actor_user_id, feedbackStep.actor_name) } : null,
  };
}

/** One step on the signal's path; the person who raised it always hears about it. */
export async function stepSignal(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  signalId: string,
  input: { to: SignalStatus; note: string },
): Promise<SignalView> {
  authorize(actor, 'signals.view', organisationId);
  const { viewer, row } = await visibleSignal(ctx, actor, organisationId, signalId);
  if (!canHandle(viewer, factsOf(row))) throw forbidden();
  const from = row.status as SignalStatus;
  const verdict = checkTransition(from, input.to, input.note);
  if (!verdict.ok) throw new AppError('validation_failed', { issues: [{ path: verdict.field, message: verdict.message[actor.language] }] });
  const now = ctx.clock.now();
  const at = now.toISOString();
  await inTransaction(ctx.db, async (trx) => {
    // Only the status read above may be left: two people stepping at once cannot both succeed.
    if (!(await store.updateStatus(trx, signalId, from, input.to, at))) throw new AppError('conflict');
    await store.insertStep(trx, {
      id: newId(),
      signal_id: signalId,
      from_status: from,
      to_status: input.to,
      note: input.note,
      actor_user_id: actor.userId,
      at,
    });
    const raiser = row.raised_by;
    if (raiser && (input.to === 'feedback_given' || raiser !== actor.userId) && (await store.isMember(trx, organisationId, raiser))) {
      await store.insertNotifications(trx, [
        {
          id: newId(),
          organisation_id: organisationId,
          user_id: raiser,
          signal_id: signalId,
          kind: input.to === 'feedback_given' ? 'feedback' : 'step',
          at,
          read_at: null,
        },
      ]);
      // What changed at this step (its new status), not the signal's later state.
      await notify(
        { ...ctx, db: trx },
        {
          organisationId,
          userIds: [raiser],
          kind: 'signal_step',
          subjectId: signalId,
          params: { status: input.to },
          link: `/o/${organisationId}/kruisbestuiving/signalen/${signalId}`,
        },
      );
    }
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'signal.step',
      subjectType: 'signal',
      subjectId: signalId,
      details: { from, to: input.to },
    });
  });
  return getSignal(ctx, actor, organisationId, signalId);
}

/** Confirm, nuance or contest a theme before it becomes a signal; what is said stays with the signal. */
export async function addMemberCheck(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  signalId: string,
  input: { stance: MemberCheckView['stance']; comment: string },
): Promise<SignalView> {
  authorize(actor, 'signals.view', organisationId);
  const { viewer, row } = await visibleSignal(ctx, actor, organisationId, signalId);
  const facts = factsOf(row);
  if (facts.status !== 'member_check')
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'stance',
          message:
            actor.language === 'nl'
              ? 'Dit thema wordt niet meer getoetst: het is al een signaal.'
              : 'This theme is no longer being checked: it is already a signal.',
        },
      ],
    });
  const own = (await readableLinkedStories(ctx, actor, organisationId, await store.listStoryLinks(ctx.db, signalId))).some((s) => s.isOwn);
  if (!canCheck(viewer, facts, own ? [actor.userId] : [])) throw forbidden();
  if (input.stance !== 'confirm' && input.comment === '')
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'comment',
          message: actor.language === 'nl' ? 'Schrijf wat je wilt nuanceren of betwisten.' : 'Write what you want to nuance or contest.',
        },
      ],
    });
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const id = newId();
    await store.insertMemberCheck(trx, { id, signal_id: signalId, user_id: actor.userId, stance: input.stance, comment: input.comment, at: now.toISOString() });
    if (row.raised_by && row.raised_by !== actor.userId) {
      await store.insertNotifications(trx, [
        {
          id: newId(),
          organisation_id: organisationId,
          user_id: row.raised_by,
          signal_id: signalId,
          kind: 'member_checked',
          at: now.toISOString(),
          read_at: null,
        },
      ]);
      await notify(
        { ...ctx, db: trx },
        {
          organisationId,
          userIds: [row.raised_by],
          kind: 'signal_member_checked',
          subjectId: signalId,
          params: {},
          link: `/o/${organisationId}/kruisbestuiving/signalen/${signalId}`,
        },
      );
    }
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'signal.member_checked',
      subjectType: 'signal',
      subjectId: signalId,
      details: { stance: input.stance },
    });
  });
  return getSignal(ctx, actor, organisationId, signalId);
}

/** Is this person allowed to see everything (researchers, admins) or only what survives suppression? */
export const seesRawFigures = (actor: Actor, organisationId: string): boolean => can(actor, 'reports.raw', organisationId);

/** The signal as a Markdown document, member checking included; the download is audited. */
export async function exportSignal(ctx: ServiceContext, actor: Actor, organisationId: string, signalId: string): Promise<{ fileName: string; text: string }> {
  const signal = await getSignal(ctx, actor, organisationId, signalId);
  const logics = await getFramework(ctx, actor, organisationId, 'logics');
  const themes = await getFramework(ctx, actor, organisationId, 'themes');
  const logic = logics.codes.find((c) => c.key === signal.logic)?.label ?? { nl: signal.logic, en: signal.logic };
  const theme = signal.theme === null ? null : (themes.codes.find((c) => c.key === signal.theme)?.label ?? { nl: signal.theme, en: signal.theme });
  const now = ctx.clock.now();
  await inTransaction(ctx.db, (trx) =>
    recordAudit(trx, now, { organisationId, actorUserId: actor.userId, action: 'signal.exported', subjectType: 'signal', subjectId: signalId }),
  );
  return { fileName: `signaal-${signalId.slice(0, 8)}.md`, text: signalAsMarkdown(signal, { logic, theme }, actor.language) };
}
