import type { Actor, ServiceContext } from '../../core/context.ts';
import { authorize, can } from '../../core/policy.ts';
import { localise } from '../instruments/definition.ts';
import type { InstrumentSource } from './instrument-source.ts';
import type { SharedResultView } from './model.ts';
import { resultsAvailable, sharingOf } from './result-sharing.ts';
import { today } from './service.ts';
import * as store from './store.ts';

/**
 * The rounds whose results a person finds in "In beeld". A member sees the rounds that asked the
 * whole organisation or one of their teams, once the round shares its results; those who run
 * rounds see every round (and whether its results are shared). The results open on the dashboard,
 * where small groups stay hidden for whoever may not see them.
 */
export async function listResults(ctx: ServiceContext, source: InstrumentSource, actor: Actor, organisationId: string): Promise<SharedResultView[]> {
  authorize(actor, 'reports.view', organisationId);
  const runsRounds = can(actor, 'rounds.view', organisationId);
  const rounds = await store.listRounds(ctx.db, organisationId);
  const scopes = await store.linkScopes(
    ctx.db,
    rounds.map((r) => r.id),
  );
  const mine = new Set(await store.teamIdsOf(ctx.db, actor.userId));
  const on = today(ctx);
  const shown = rounds.filter((round) => {
    if (runsRounds) return true;
    if (!resultsAvailable(round, on)) return false;
    return scopes.some((s) => s.round_id === round.id && (s.team_id === null || mine.has(s.team_id)));
  });
  return Promise.all(
    shown.map(async (round) => {
      const instrument = await source(ctx, round.instrument_version_id);
      const ofRound = scopes.filter((s) => s.round_id === round.id);
      return {
        id: round.id,
        name: round.name,
        instrumentTitle: instrument ? localise(instrument.title, actor.language) : '—',
        closesOn: round.closes_on,
        closed: round.status === 'closed' || on > round.closes_on,
        organisationWide: ofRound.some((s) => s.team_id === null),
        teams: ofRound.flatMap((s) => (s.team_id && s.team_name && (runsRounds || mine.has(s.team_id)) ? [s.team_name] : [])),
        shared: sharingOf(round).shared,
        available: resultsAvailable(round, on),
      };
    }),
  );
}
