import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId, newSecretToken } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { RoundTable } from '../../db/tables/rounds.ts';
import { type CountViewer, countsPerTeam, countViewer, shownCount } from '../analysis/small-counts.ts';
import { recordAudit } from '../audit/service.ts';
import { localise } from '../instruments/definition.ts';
import type { InstrumentSource } from './instrument-source.ts';
import type { CreateRoundInput, ResultSharingInput, RoundView } from './model.ts';
import { resultsAvailable, sharingOf } from './result-sharing.ts';
import * as store from './store.ts';

export const today = (ctx: ServiceContext): string => ctx.clock.now().toISOString().slice(0, 10);

/** A round takes answers while it is open and its last day has not passed. */
export const isOpen = (round: Pick<RoundTable, 'status' | 'closes_on'>, on: string): boolean => round.status === 'open' && on <= round.closes_on;

export const respondentUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/$/, '')}/r/${token}`;

function present(
  ctx: ServiceContext,
  round: RoundTable,
  title: string,
  counts: { complete: number; started: number } | undefined,
  viewer: CountViewer,
): RoundView {
  const complete = shownCount(counts?.complete ?? 0, viewer);
  const started = shownCount(counts?.started ?? 0, viewer);
  return {
    id: round.id,
    key: round.key ?? round.id,
    name: round.name,
    instrumentVersionId: round.instrument_version_id,
    instrumentTitle: title,
    closesOn: round.closes_on,
    status: round.status as 'open' | 'closed',
    open: isOpen(round, today(ctx)),
    openTextExport: round.open_text_export === 1,
    createdAt: round.created_at,
    responses: { complete: complete.count, started: started.count, fewerThan: viewer.seesSmall ? null : viewer.k },
    results: {
      ...sharingOf(round),
      available: resultsAvailable(round, today(ctx)),
      publicPath: round.results_audience === 'public' && round.results_token ? `/u/${round.results_token}` : null,
    },
  };
}

/** The columns for a sharing choice; a public audience gets a link token (kept while it stays public). */
function sharingColumns(input: ResultSharingInput, current: string | null | undefined) {
  return {
    results_shared: input.shared,
    results_shared_from: input.shared === 'from_date' ? input.from : null,
    results_audience: input.audience,
    results_token: input.audience === 'public' ? (current ?? newSecretToken()) : null,
  };
}

export async function createRound(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  organisationId: string,
  input: CreateRoundInput,
): Promise<RoundView> {
  authorize(actor, 'rounds.manage', organisationId);
  const instrument = await source(ctx, input.instrumentVersionId);
  if (!instrument || instrument.organisationId !== organisationId) {
    throw new AppError('validation_failed', { issues: [{ path: 'instrumentVersionId', message: 'published_version_required' }] });
  }
  if (input.closesOn < today(ctx)) throw new AppError('validation_failed', { issues: [{ path: 'closesOn', message: 'in_the_past' }] });
  if (!input.organisationLink && input.teamIds.length === 0) throw new AppError('validation_failed', { issues: [{ path: 'teamIds', message: 'no_links' }] });
  const now = ctx.clock.now();
  const round: RoundTable = {
    id: newId(),
    organisation_id: organisationId,
    instrument_version_id: input.instrumentVersionId,
    name: input.name,
    key: null,
    presentation: null,
    closes_on: input.closesOn,
    open_text_export: input.openTextExport ? 1 : 0,
    status: 'open',
    created_by: actor.userId,
    created_at: now.toISOString(),
    ...(input.results ? sharingColumns(input.results, null) : {}),
  };
  const teamIds = [...new Set(input.teamIds)];
  await inTransaction(ctx.db, async (trx) => {
    const teams = teamIds.length
      ? await trx.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).where('id', 'in', teamIds).execute()
      : [];
    if (teams.length !== teamIds.length) throw notFound();
    round.key = await chooseRoundKey(trx, organisationId, input.key, input.name, actor.language);
    await store.insertRound(trx, round);
    const scopes: (string | null)[] = [...(input.organisationLink ? [null] : []), ...teamIds];
    await store.insertLinks(
      trx,
      scopes.map((teamId) => ({ id: newId(), round_id: round.id, team_id: teamId, token: newSecretToken(), created_at: now.toISOString() })),
    );
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'round.created',
      subjectType: 'round',
      subjectId: round.id,
      details: { instrumentVersionId: round.instrument_version_id, links: scopes.length },
    });
  });
  return present(ctx, round, localise(instrument.title, actor.language), undefined, await countViewer(ctx, actor, organisationId));
}

/** `Voorjaar 2027 — GGZ!` → `voorjaar-2027-ggz`; at most 61 characters, at least 2. */
export function slugOfName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 54)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `ronde${slug ? `-${slug}` : ''}`;
}

/** The key asked for (refused when taken), or a free one made from the name: `naam`, `naam-2`, `naam-3`, … */
export async function chooseRoundKey(db: Db, organisationId: string, wanted: string | undefined, name: string, lang: Language): Promise<string> {
  const taken = new Set(await store.roundKeysLike(db, organisationId, wanted ?? slugOfName(name)));
  if (wanted !== undefined) {
    if (!taken.has(wanted)) return wanted;
    const message = lang === 'nl' ? 'Er is al een ronde met deze sleutel. Kies een andere.' : 'There is already a round with this key. Choose another one.';
    throw new AppError('validation_failed', { issues: [{ path: 'key', message }] });
  }
  const base = slugOfName(name);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

async function titleOf(ctx: ServiceContext, source: InstrumentSource, versionId: string, actor: Actor): Promise<string> {
  const instrument = await source(ctx, versionId);
  return instrument ? localise(instrument.title, actor.language) : '—';
}

export async function listRounds(ctx: ServiceContext, source: InstrumentSource, actor: Actor, organisationId: string): Promise<RoundView[]> {
  authorize(actor, 'rounds.view', organisationId);
  const rounds = await store.listRounds(ctx.db, organisationId);
  const counts = await store.countResponsesByRound(
    ctx.db,
    rounds.map((r) => r.id),
  );
  const viewer = await countViewer(ctx, actor, organisationId);
  return Promise.all(
    rounds.map(async (round) => present(ctx, round, await titleOf(ctx, source, round.instrument_version_id, actor), counts.get(round.id), viewer)),
  );
}

/** The round's row, or undefined when the organisation has no such round; for callers that checked their own policy. */
export const findRoundOf = (ctx: ServiceContext, organisationId: string, roundId: string) => store.findRound(ctx.db, organisationId, roundId);

export async function getRound(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  { organisationId, roundId, baseUrl }: { organisationId: string; roundId: string; baseUrl: string },
) {
  authorize(actor, 'rounds.view', organisationId);
  const round = await store.findRound(ctx.db, organisationId, roundId);
  if (!round) throw notFound();
  const counts = await store.countResponsesByRound(ctx.db, [round.id]);
  const links = await store.listLinks(ctx.db, round.id);
  const viewer = await countViewer(ctx, actor, organisationId);
  const perTeam = await countsPerTeam(ctx, viewer, organisationId, round.id);
  return {
    ...present(ctx, round, await titleOf(ctx, source, round.instrument_version_id, actor), counts.get(round.id), viewer),
    links: await Promise.all(
      links.map(async (link) => {
        const url = respondentUrl(baseUrl, link.token);
        return {
          id: link.id,
          teamId: link.team_id,
          teamName: link.team_name,
          url,
          qrSvg: await (await import('qrcode')).default.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
          // Per team, as a team filter of the report would show it (the link's own count for those who see small counts).
          ...(() => {
            const shown = viewer.seesSmall ? { count: Number(link.responses), fewerThan: null } : perTeam(link.team_id);
            return { responses: shown.count, responsesFewerThan: shown.fewerThan };
          })(),
        };
      }),
    ),
  };
}

export async function updateRound(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  {
    organisationId,
    roundId,
    changes,
  }: {
    organisationId: string;
    roundId: string;
    changes: {
      closesOn?: string | undefined;
      status?: 'open' | 'closed' | undefined;
      openTextExport?: boolean | undefined;
      results?: ResultSharingInput | undefined;
    };
  },
): Promise<RoundView> {
  authorize(actor, 'rounds.manage', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    const round = await store.findRound(trx, organisationId, roundId);
    if (!round) throw notFound();
    const set: Partial<
      Pick<RoundTable, 'closes_on' | 'status' | 'open_text_export' | 'results_shared' | 'results_shared_from' | 'results_audience' | 'results_token'>
    > = {};
    if (changes.results) Object.assign(set, sharingColumns(changes.results, round.results_token));
    if (changes.closesOn) set.closes_on = changes.closesOn;
    if (changes.status) set.status = changes.status;
    if (changes.openTextExport !== undefined && changes.openTextExport !== (round.open_text_export === 1)) {
      // Respondents were promised that what they write stays inside the platform: that promise holds for them.
      const started = (await store.countResponsesByRound(trx, [roundId])).get(roundId)?.started ?? 0;
      if (changes.openTextExport && started > 0) {
        const message =
          actor.language === 'nl'
            ? 'Dit kan alleen zolang niemand heeft geantwoord: wie al antwoordde, las dat open antwoorden niet mee gaan in een download.'
            : 'This is only possible while nobody has answered yet: those who answered read that open answers are not part of a download.';
        throw new AppError('validation_failed', { issues: [{ path: 'openTextExport', message }] });
      }
      set.open_text_export = changes.openTextExport ? 1 : 0;
    }
    if (Object.keys(set).length === 0) return;
    await store.updateRound(trx, roundId, set);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'round.updated',
      subjectType: 'round',
      subjectId: roundId,
      details: {
        ...(set.closes_on ? { closesOn: set.closes_on } : {}),
        ...(set.status ? { status: set.status } : {}),
        ...(set.open_text_export !== undefined ? { openTextExport: set.open_text_export === 1 } : {}),
      },
    });
    if (changes.results)
      await recordAudit(trx, ctx.clock.now(), {
        organisationId,
        actorUserId: actor.userId,
        action: 'round.results_sharing_changed',
        subjectType: 'round',
        subjectId: roundId,
        details: { shared: changes.results.shared, audience: changes.results.audience },
      });
  });
  const round = await store.findRound(ctx.db, organisationId, roundId);
  if (!round) throw notFound();
  const counts = await store.countResponsesByRound(ctx.db, [roundId]);
  return present(
    ctx,
    round,
    await titleOf(ctx, source, round.instrument_version_id, actor),
    counts.get(roundId),
    await countViewer(ctx, actor, organisationId),
  );
}

/** Rounds open now with a link for one of the person's teams (the start page: "a questionnaire for your team"). */
export async function openRoundsForTeamsOf(ctx: ServiceContext, organisationId: string, userId: string) {
  const rows = await store.openRoundsForTeamsOf(ctx.db, organisationId, userId, today(ctx));
  return rows.map((r) => ({ roundId: r.id, name: r.name, closesOn: r.closes_on, path: `/r/${r.token}` }));
}
