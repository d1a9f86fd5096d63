import type { Actor, ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { displayNames } from '../../db/display-names.ts';
import { countViewer, shownCount } from '../analysis/small-counts.ts';
import { countResponsesByRound } from '../rounds/answers.ts';
import { respondentUrl } from '../rounds/service.ts';
import { checkCodes, managesTrajectories, openTrajectory, recordChange, type TrajectoryAccess } from './access.ts';
import { charterSummary } from './charter/status.ts';
import { dialogueQuestions } from './equal-position.shared.ts';
import { sessionSummaries } from './intervision-service.ts';
import { knowledgeMatrix } from './matrix.ts';
import type { AgreementView, ReviewDueView, TrajectoryDetailView, TrajectorySummaryView, UpdateTrajectoryInput } from './model.ts';
import { openPoints } from './open-points.ts';
import { type TopicKey, topicOf } from './phases.shared.ts';
import { agreementContent, loadState } from './state-loader.ts';
import * as store from './store.ts';

const today = (ctx: ServiceContext) => ctx.clock.now().toISOString().slice(0, 10);

/** The team's respondent link of each check round, and how many answered completely. */
async function checkLinksWithCounts(db: Db, roundIds: string[], teamId: string) {
  const links = await store.checkLinks(db, roundIds, teamId);
  const counts = await countResponsesByRound(db, roundIds);
  return new Map(links.map((l) => [l.round_id, { token: l.token, complete: counts.get(l.round_id)?.complete ?? 0 }]));
}

/** The trajectories the person may see, with phase, open points, reviews due and the charter's state. */
export async function listTrajectories(ctx: ServiceContext, actor: Actor, organisationId: string) {
  authorize(actor, 'trajecten.use', organisationId);
  const manager = managesTrajectories(actor, organisationId);
  const myTeams = new Set(await store.teamIdsOfUser(ctx.db, actor.userId));
  const rows = (await store.listTrajectories(ctx.db, organisationId)).filter((r) => manager || myTeams.has(r.team_id));
  const trajectories: TrajectorySummaryView[] = [];
  const reviewsDue: ReviewDueView[] = [];
  const versions = await store.listVersions(
    ctx.db,
    rows.map((r) => r.id),
  );
  for (const row of rows) {
    const members = (await store.teamMembers(ctx.db, row.team_id)).map((m) => ({ ...m, position: m.position as never }));
    const access: TrajectoryAccess = { row, members, isMember: false, canWrite: false, canSign: false };
    const state = await loadState(ctx.db, access);
    const due = state.agreements.filter((a) => a.reviewOn !== null && a.reviewOn <= today(ctx));
    for (const a of due) {
      const owner = members.find((m) => m.userId === a.ownerUserId);
      reviewsDue.push({
        trajectoryId: row.id,
        trajectoryTitle: row.title,
        agreementId: a.id,
        label: a.topic === 'keuze' ? a.title || a.text : topicOf(a.topic as TopicKey).label[actor.language],
        reviewOn: a.reviewOn as string,
        owner: owner ? { userId: owner.userId, displayName: owner.displayName } : null,
      });
    }
    trajectories.push({
      id: row.id,
      title: row.title,
      team: { id: row.team_id, name: row.team_name },
      phase: row.phase as TrajectorySummaryView['phase'],
      updatedAt: row.updated_at,
      openPoints: openPoints(state, actor.language).length,
      reviewsDue: due.length,
      charter: await charterSummary(
        ctx.db,
        members,
        versions.filter((v) => v.trajectory_id === row.id),
        state,
      ),
    });
  }
  const teams = await store.teamsOfOrganisation(ctx.db, organisationId);
  return {
    trajectories,
    startableTeams: teams.filter((t) => manager || myTeams.has(t.id)),
    reviewsDue: reviewsDue.sort((a, b) => a.reviewOn.localeCompare(b.reviewOn)),
  };
}

export async function createTrajectory(ctx: ServiceContext, actor: Actor, organisationId: string, input: { teamId: string; title: string }) {
  authorize(actor, 'trajecten.use', organisationId);
  const id = newId();
  await inTransaction(ctx.db, async (trx) => {
    const team = await store.teamOf(trx, organisationId, input.teamId);
    if (!team) throw notFound();
    const inTeam = (await store.teamIdsOfUser(trx, actor.userId)).includes(team.id);
    if (!inTeam && !managesTrajectories(actor, organisationId)) throw notFound();
    const now = ctx.clock.now().toISOString();
    await store.insertTrajectory(trx, {
      id,
      organisation_id: organisationId,
      team_id: team.id,
      title: input.title,
      phase: 'visie',
      context_who: '',
      context_sector: null,
      logics: '[]',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const access = await openTrajectory(trx, actor, organisationId, id);
    await recordChange(trx, ctx, actor, access, { action: 'trajectory.created', subject: { type: 'trajectory', id }, details: { teamId: team.id } });
  });
  return getTrajectory(ctx, actor, organisationId, id);
}

export async function updateTrajectory(ctx: ServiceContext, actor: Actor, organisationId: string, trajectoryId: string, input: UpdateTrajectoryInput) {
  await inTransaction(ctx.db, async (trx) => {
    const access = await openTrajectory(trx, actor, organisationId, trajectoryId, 'write');
    if (input.contextSector) checkCodes('sectors', [input.contextSector], 'contextSector', true);
    if (input.logics) checkCodes('logics', input.logics, 'logics');
    const set = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.phase !== undefined ? { phase: input.phase } : {}),
      ...(input.contextWho !== undefined ? { context_who: input.contextWho } : {}),
      ...(input.contextSector !== undefined ? { context_sector: input.contextSector } : {}),
      ...(input.logics !== undefined ? { logics: JSON.stringify([...new Set(input.logics)]) } : {}),
    };
    if (Object.keys(set).length === 0) return;
    await store.updateTrajectory(trx, trajectoryId, set);
    await recordChange(trx, ctx, actor, access, {
      action: 'trajectory.updated',
      subject: { type: 'trajectory', id: trajectoryId },
      details: {
        fields: Object.keys(input).sort().join(','),
        ...(input.phase ? { phase: input.phase } : {}),
      },
    });
  });
  return getTrajectory(ctx, actor, organisationId, trajectoryId);
}

export async function getTrajectory(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  trajectoryId: string,
  baseUrl = '',
): Promise<TrajectoryDetailView> {
  const access = await openTrajectory(ctx.db, actor, organisationId, trajectoryId);
  const { row, members } = access;
  const state = await loadState(ctx.db, access);
  const [agreementRows, versions, positions, views, checks, team] = await Promise.all([
    store.listAgreements(ctx.db, [row.id]),
    store.listVersions(ctx.db, [row.id]),
    store.listPositions(ctx.db, row.id),
    store.listViews(ctx.db, row.id),
    store.listChecks(ctx.db, [row.id]),
    store.teamOf(ctx.db, organisationId, row.team_id),
  ]);
  const reviews = await store.listReviews(
    ctx.db,
    agreementRows.map((a) => a.id),
  );
  const names = await displayNames(ctx.db, [
    ...agreementRows.flatMap((a) => (a.owner_user_id ? [a.owner_user_id] : [])),
    ...reviews.map((r) => r.reviewed_by),
    ...views.map((v) => v.user_id),
  ]);
  const person = (userId: string) => ({ userId, displayName: names.get(userId) ?? '—' });
  const agreements: AgreementView[] = agreementRows.map((a) => ({
    ...agreementContent(a),
    owner: a.owner_user_id ? person(a.owner_user_id) : null,
    reviewOn: a.review_on,
    reviewDue: a.review_on !== null && a.review_on <= today(ctx),
    updatedAt: a.updated_at,
    reviews: reviews
      .filter((r) => r.agreement_id === a.id)
      .map((r) => ({
        id: r.id,
        reviewedBy: person(r.reviewed_by),
        reviewedAt: r.reviewed_at,
        note: r.note,
        nextReviewOn: r.next_review_on,
        evidence: JSON.parse(r.evidence) as AgreementView['reviews'][number]['evidence'],
      })),
  }));
  const links = await checkLinksWithCounts(
    ctx.db,
    checks.map((c) => c.round_id),
    row.team_id,
  );
  const viewer = await countViewer(ctx, actor, organisationId);
  return {
    id: row.id,
    organisationId,
    title: row.title,
    team: { id: row.team_id, name: team?.name ?? '' },
    phase: row.phase as TrajectoryDetailView['phase'],
    context: state.context,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    members,
    me: { userId: actor.userId, isMember: access.isMember, canWrite: access.canWrite, canSign: access.canSign },
    agreements,
    contributions: state.contributions,
    matrix: knowledgeMatrix(state),
    roles: state.roles,
    mandates: state.mandates,
    support: (await store.listSupport(ctx.db, row.id)).map((s) => ({ id: s.id, kind: s.kind, frequency: s.frequency, byWhom: s.by_whom, forWhom: s.for_whom })),
    equalPosition: dialogueQuestions.map((q) => {
      const position = positions.find((p) => p.question_key === q.key);
      return {
        key: q.key,
        cluster: q.cluster,
        views: views.filter((v) => v.question_key === q.key).map((v) => ({ ...person(v.user_id), view: v.view, updatedAt: v.updated_at })),
        position: position ? { position: position.position, reason: position.reason, updatedAt: position.updated_at } : null,
      };
    }),
    intervision: await sessionSummaries(ctx, actor, access),
    checks: checks.map((c) => {
      const link = links.get(c.round_id);
      return {
        moment: c.moment as 'start' | 'end',
        roundId: c.round_id,
        roundName: c.name,
        closesOn: c.closes_on,
        // Below the threshold, who may not see small counts reads "fewer than k".
        ...(() => {
          const shown = shownCount(link?.complete ?? 0, viewer);
          return { responses: shown.count, responsesFewerThan: shown.fewerThan };
        })(),
        // The team's own link to answer: for the team's members only.
        url: access.isMember && link ? respondentUrl(baseUrl, link.token) : null,
      };
    }),
    openPoints: openPoints(state, actor.language).map((p) => ({ phase: p.section, key: p.key, label: p.label })),
    charter: await charterSummary(ctx.db, members, versions, state),
  };
}
