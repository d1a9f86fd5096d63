import type { Actor, ServiceContext } from '../../core/context.ts';
import { can } from '../../core/policy.ts';
import * as survey from '../rounds/answers.ts';
import { disclosureThreshold } from './core/index.ts';
import { decideSelections } from './core/selection-system.ts';
import { NO_TEAM } from './selections.ts';
import * as store from './store.ts';

/**
 * Counts outside the report (live counts of a round, responses per link, round lists, a trajectory's
 * checks) for one viewer: exact for whoever may see small counts, else a count below the
 * organisation's threshold k reads "fewer than k". Responses per link are the round split by team,
 * so they are decided by the same system as the report's team filters (core/selection-system.ts):
 * what a coordinator reads on a link card is what a team filter would open, no more.
 */

/** `count` null: hidden; `fewerThan` k: it is below k; both null: hidden so that another count cannot be worked out. */
export type ShownCount = { count: number | null; fewerThan: number | null };

export type CountViewer = { seesSmall: boolean; k: number };

export async function countViewer(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<CountViewer> {
  return { seesSmall: can(actor, 'reports.raw', organisationId), k: disclosureThreshold(await store.findOrganisationThreshold(ctx.db, organisationId)) };
}

export const shownCount = (count: number, viewer: CountViewer): ShownCount =>
  viewer.seesSmall || count >= viewer.k ? { count, fewerThan: null } : { count: null, fewerThan: viewer.k };

/** Complete responses per team of one round (null: the organisation's link), as the viewer may see them. */
export async function countsPerTeam(
  ctx: ServiceContext,
  viewer: CountViewer,
  organisationId: string,
  roundId: string,
): Promise<(teamId: string | null) => ShownCount> {
  const scope: survey.Scope = { organisationId, roundIds: [roundId], answers: [] };
  const rows = await survey.countsByTeam(ctx.db, scope);
  const exact = (teamId: string | null) => rows.find((r) => r.teamId === teamId)?.count ?? 0;
  if (viewer.seesSmall) return (teamId) => ({ count: exact(teamId), fewerThan: null });
  const values = [...(await store.teamIdsOf(ctx.db, organisationId)), NO_TEAM];
  const respondents = rows.flatMap((r) => Array.from({ length: r.count }, () => [values.indexOf(r.teamId ?? NO_TEAM)]));
  const verdict = decideSelections([{ kind: 'team', values }], respondents, viewer.k);
  if (respondents.length < viewer.k) return () => ({ count: null, fewerThan: viewer.k });
  return (teamId) => {
    const decision = verdict([values.indexOf(teamId ?? NO_TEAM)]);
    if (decision.allowed) return { count: decision.n, fewerThan: null };
    return decision.reason === 'too_few' ? { count: null, fewerThan: viewer.k } : { count: null, fewerThan: null };
  };
}
