import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import { authorize, can } from '../../core/policy.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import type { ReportItem } from './report.ts';
import { composeReport, type Report } from './service.ts';
import * as store from './store.ts';

/**
 * One question over every round of the same questionnaire (same instrument key), oldest first: per
 * round the table of that round's own report, with its own hiding, so a trend shows nothing the
 * rounds' reports do not.
 */

export type TrendPoint = {
  round: { id: string; key: string; name: string; closesOn: string };
  n: number | null;
  validN: number | null;
  tooFew: boolean;
  items: Pick<ReportItem, 'code' | 'label' | 'count' | 'percent' | 'ci' | 'suppressed'>[];
  mean: number | null;
};
export type Trend = { question: { key: string; text: string }; disclosure: Report['disclosure']; points: TrendPoint[] };

export async function getTrend(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  { organisationId, roundId, query }: { organisationId: string; roundId: string; query: { question: string; lang?: Language | undefined } },
): Promise<Trend> {
  authorize(actor, 'reports.view', organisationId);
  const lang = query.lang ?? actor.language;
  const access = { organisationId, suppress: !can(actor, 'reports.raw', organisationId), actorUserId: actor.userId, source: 'web' as const };
  const round = await store.findRound(ctx.db, organisationId, roundId);
  if (!round) throw notFound();
  const keyOf = async (versionId: string) => (await source(ctx, versionId))?.instrument.key;
  const key = await keyOf(round.instrument_version_id);
  const rounds = [];
  for (const r of await store.roundsOfOrganisation(ctx.db, organisationId)) if ((await keyOf(r.instrument_version_id)) === key) rounds.push(r);
  let question: Trend['question'] | null = null;
  let disclosure: Report['disclosure'] | null = null;
  const points: TrendPoint[] = [];
  for (const r of rounds) {
    const report = await composeReport(ctx, source, access, r, { query: { lang } });
    disclosure ??= report.disclosure;
    const table = report.tables.find((t) => t.question === query.question && t.item === null);
    if (!table) continue;
    question ??= { key: table.question, text: table.text };
    points.push({
      round: { id: r.id, key: report.round.key, name: r.name, closesOn: r.closes_on },
      n: report.round.n,
      validN: table.validN,
      tooFew: table.tooFew,
      items: table.items.map((i) => ({ code: i.code, label: i.label, count: i.count, percent: i.percent, ci: i.ci, suppressed: i.suppressed })),
      mean: table.scale?.mean ?? null,
    });
  }
  if (!question || !disclosure)
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'question',
          message:
            lang === 'nl' ? `Deze ronde heeft geen vraag ‘${query.question}’ om te volgen.` : `This round has no question ‘${query.question}’ to follow.`,
        },
      ],
    });
  return { question, disclosure, points };
}
