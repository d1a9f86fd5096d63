import type { Actor, ServiceContext } from '../../core/context.ts';
import { conflict } from '../../core/errors.ts';
import { can } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { composeComparison } from '../analysis/compare-service.ts';
import { TEAM_CHECK_KEY, teamCheck } from '../instruments/builtin/team-check.ts';
import * as instrumentService from '../instruments/service.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { createRound } from '../rounds/service.ts';
import { openTrajectory, recordChange } from './access.ts';
import * as store from './store.ts';

/**
 * The team check: the built-in instrument is published once per organisation and a round is opened
 * for the team, at the start and at the end of the trajectory. Opening one is part of the trajectory,
 * so its team may do it: the instrument and round services run with researcher rights for this one
 * action, and the audit log names the person who asked.
 */
const onBehalfOfTeam = (actor: Actor, organisationId: string): Actor => ({ ...actor, roles: new Map([...actor.roles, [organisationId, 'researcher']]) });

async function publishedTeamCheck(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<string> {
  const delegated = onBehalfOfTeam(actor, organisationId);
  let instrumentId = await instrumentService.findInstrumentIdByKey(ctx, delegated, organisationId, TEAM_CHECK_KEY);
  if (!instrumentId) {
    await instrumentService.createInstrument(ctx, delegated, organisationId, { key: TEAM_CHECK_KEY, title: teamCheck.title });
    instrumentId = await instrumentService.findInstrumentIdByKey(ctx, delegated, organisationId, TEAM_CHECK_KEY);
  }
  if (!instrumentId) throw conflict();
  const detail = await instrumentService.getInstrument(ctx, delegated, organisationId, instrumentId);
  const published = detail.versions.find((v) => v.status === 'published');
  if (published) return published.id;
  await instrumentService.saveDraft(ctx, delegated, { organisationId, instrumentId, version: 1, rawDefinition: teamCheck });
  return (await instrumentService.publishVersion(ctx, delegated, organisationId, instrumentId, 1)).id;
}

const roundName = {
  start: { nl: 'Teamcheck bij de start', en: 'Team check at the start' },
  end: { nl: 'Teamcheck op het einde', en: 'Team check at the end' },
};

export async function openCheck(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  { organisationId, trajectoryId, input }: { organisationId: string; trajectoryId: string; input: { moment: 'start' | 'end'; closesOn: string } },
) {
  const access = await openTrajectory(ctx.db, actor, organisationId, trajectoryId, 'write');
  if ((await store.listChecks(ctx.db, [trajectoryId])).some((c) => c.moment === input.moment)) throw conflict('trajecten.check_exists');
  const versionId = await publishedTeamCheck(ctx, actor, organisationId);
  const team = await store.teamOf(ctx.db, organisationId, access.row.team_id);
  const round = await createRound(ctx, source, onBehalfOfTeam(actor, organisationId), organisationId, {
    instrumentVersionId: versionId,
    name: `${roundName[input.moment][actor.language]}: ${access.row.title} (${team?.name ?? ''})`.slice(0, 200),
    closesOn: input.closesOn,
    teamIds: [access.row.team_id],
    organisationLink: false,
    openTextExport: false,
  });
  await inTransaction(ctx.db, async (trx) => {
    await store.insertCheck(trx, { trajectory_id: trajectoryId, moment: input.moment, round_id: round.id, created_at: ctx.clock.now().toISOString() });
    await recordChange(trx, ctx, actor, access, {
      action: 'trajectory.check_opened',
      subject: { type: 'round', id: round.id },
      details: { moment: input.moment },
    });
  });
  return { roundId: round.id };
}

/** Start and end side by side, through the analysis service and its rules for small numbers. */
export async function compareChecks(ctx: ServiceContext, source: InstrumentSource, actor: Actor, organisationId: string, trajectoryId: string) {
  await openTrajectory(ctx.db, actor, organisationId, trajectoryId);
  const checks = await store.listChecks(ctx.db, [trajectoryId]);
  const view = (moment: 'start' | 'end') => {
    const c = checks.find((x) => x.moment === moment);
    return c ? { moment, roundId: c.round_id, roundName: c.name, closesOn: c.closes_on } : null;
  };
  const start = view('start');
  const end = view('end');
  const comparison =
    start && end
      ? await composeComparison(
          ctx,
          source,
          { organisationId, suppress: !can(actor, 'reports.raw', organisationId), actorUserId: actor.userId, source: 'web' },
          { a: start.roundId, b: end.roundId },
          actor.language,
        )
      : null;
  return { start, end, comparison };
}
