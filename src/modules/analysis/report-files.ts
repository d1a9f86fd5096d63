import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import { authorize, can } from '../../core/policy.ts';
import type { RoundTable } from '../../db/tables/rounds.ts';
import { recordAudit } from '../audit/service.ts';
import { countResponsesByRound } from '../rounds/answers.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { resultsAvailable } from '../rounds/result-sharing.ts';
import { type Comparison, composeComparison } from './compare-service.ts';
import { composeCrossTabs, crossTabsFor } from './crosstab-service.ts';
import type { ReportDocument } from './report-html.tsx';
import { type Access, composeReport, getReport, roundForCli } from './service.ts';
import { shownCount } from './small-counts.ts';
import * as store from './store.ts';

export type ReportFormat = 'html' | 'pdf';

async function organisationName(ctx: ServiceContext, organisationId: string): Promise<string> {
  const row = await ctx.db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
  return row?.name ?? '';
}

/** The round's live counts, with the report's own suppression (a count below k is hidden from who may not see small counts). */
async function responsesOf(ctx: ServiceContext, roundId: string, disclosure: { suppressed: boolean; threshold: number }) {
  const counts = (await countResponsesByRound(ctx.db, [roundId])).get(roundId) ?? { complete: 0, started: 0 };
  const viewer = { seesSmall: !disclosure.suppressed, k: disclosure.threshold };
  return { complete: shownCount(counts.complete, viewer).count, started: shownCount(counts.started, viewer).count };
}

/**
 * The printable report of a round for a signed-in person: the same report and suppression as the
 * JSON report (members and coordinators see small counts hidden), optionally with a second round
 * compared. The download itself is recorded in the audit log.
 */
export async function reportDocumentFor(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  {
    organisationId,
    roundId,
    options,
  }: {
    organisationId: string;
    roundId: string;
    options: { lang: Language; compare?: string | undefined; crossTabs?: string[] | undefined; format: ReportFormat };
  },
): Promise<ReportDocument> {
  authorize(actor, 'reports.view', organisationId);
  const report = await getReport(ctx, source, actor, { organisationId, roundId, query: { lang: options.lang } });
  let comparison: Comparison | null = null;
  if (options.compare) {
    const suppress = !can(actor, 'reports.raw', organisationId);
    comparison = await composeComparison(
      ctx,
      source,
      { organisationId, suppress, actorUserId: actor.userId, source: 'web' },
      { a: roundId, b: options.compare },
      options.lang,
    );
  }
  await recordAudit(ctx.db, ctx.clock.now(), {
    organisationId,
    actorUserId: actor.userId,
    action: 'report.downloaded',
    subjectType: 'round',
    subjectId: roundId,
    details: {
      format: options.format,
      lang: options.lang,
      suppressed: report.disclosure.suppressed,
      ...(options.compare ? { comparedWith: options.compare } : {}),
    },
  });
  return {
    lang: options.lang,
    organisation: await organisationName(ctx, organisationId),
    generatedAt: ctx.clock.now(),
    responses: await responsesOf(ctx, roundId, report.disclosure),
    report,
    comparison,
    crossTabs: options.crossTabs?.length
      ? await crossTabsFor(ctx, source, actor, { organisationId, roundId, pairs: options.crossTabs, options: { lang: options.lang } })
      : [],
  };
}

/** The command line: researcher rights (every count, audited without a person), rounds named by key. */
export async function reportDocumentForCli(
  ctx: ServiceContext,
  source: InstrumentSource,
  roundKey: string,
  options: { lang: Language; organisation?: string | undefined; compare?: string | undefined; crossTabs?: string[] | undefined; format: ReportFormat },
  onProgress?: (done: number, total: number) => void,
): Promise<ReportDocument> {
  const round: RoundTable & { organisation_name: string } = await roundForCli(ctx, roundKey, options.organisation);
  const access: Access = { organisationId: round.organisation_id, suppress: false, actorUserId: null, source: 'cli' };
  const report = await composeReport(ctx, source, access, round, { query: { lang: options.lang }, onProgress });
  let comparison: Comparison | null = null;
  if (options.compare) {
    const other = (await store.roundsByKey(ctx.db, options.compare)).find((r) => r.organisation_id === round.organisation_id);
    if (!other)
      throw new AppError('not_found', { code: 'analysis.no_round_with_key_in', params: { round: options.compare, organisation: round.organisation_name } });
    comparison = await composeComparison(ctx, source, access, { a: round.id, b: other.id }, options.lang);
  }
  await recordAudit(ctx.db, ctx.clock.now(), {
    organisationId: round.organisation_id,
    actorUserId: null,
    action: 'report.downloaded',
    subjectType: 'round',
    subjectId: round.id,
    details: { format: options.format, lang: options.lang, suppressed: false, source: 'cli', ...(comparison ? { comparedWith: comparison.b.roundId } : {}) },
  });
  return {
    lang: options.lang,
    organisation: round.organisation_name,
    generatedAt: ctx.clock.now(),
    responses: await responsesOf(ctx, round.id, report.disclosure),
    report,
    comparison,
    crossTabs: await composeCrossTabs(ctx, source, access, round, { pairs: options.crossTabs ?? [], lang: options.lang }),
  };
}

/**
 * The results page shared with the people a round asked, without signing in (`/u/<token>`): the
 * whole round, small groups hidden, no filters, nothing recorded (an anonymous visit leaves no trace).
 * Null when the link is unknown, no longer public, or the round does not share its results yet.
 */
export async function publicReportDocument(ctx: ServiceContext, source: InstrumentSource, token: string, lang: Language): Promise<ReportDocument | null> {
  const round = await store.findRoundByResultsToken(ctx.db, token);
  if (!round || !resultsAvailable(round, ctx.clock.now().toISOString().slice(0, 10))) return null;
  const access: Access = { organisationId: round.organisation_id, suppress: true, actorUserId: null, source: 'web' };
  const report = await composeReport(ctx, source, access, round, { query: { lang } });
  return {
    lang,
    organisation: await organisationName(ctx, round.organisation_id),
    generatedAt: ctx.clock.now(),
    responses: await responsesOf(ctx, round.id, report.disclosure),
    report,
    comparison: null,
  };
}
