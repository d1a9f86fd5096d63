import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import { authorize, can } from '../../core/policy.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { subgroupDifference } from './core/difference.ts';
import type { Localised } from './core/index.ts';
import type { ReportItem, ReportTable } from './report.ts';
import { type Access, composeReport, type Report } from './service.ts';
import * as store from './store.ts';

/**
 * A subgroup (a team, or those who gave an answer: a sector, experience workers) against the whole
 * round, per answer of one question: the difference in percentage points with its 95% interval
 * (core/difference.ts). Both sides are the reports this person may already read, each with its own
 * hiding, and a difference is worked out only where both show the count and its base: the rest
 * (whole minus subgroup) then follows from shown figures alone.
 */

export type SubgroupQuery = { question: string; team?: string | undefined; filter?: string | undefined; lang?: Language | undefined };

type Side = { count: number | null; validN: number | null; percent: number | null };
export type SubgroupItem = {
  code: string;
  label: string;
  subgroup: Side;
  whole: Side;
  difference: number | null;
  ci: [number, number] | null;
  suppressed: boolean;
};
export type SubgroupComparison = {
  round: Report['round'];
  disclosure: Report['disclosure'];
  question: { key: string; text: string };
  subgroup: { team: string | null; filter: string | null; n: number | null; refused: boolean; message: string | null };
  wholeN: number | null;
  items: SubgroupItem[];
  definition: string;
};

const DEFINITION: Localised = {
  nl: 'Verschil = percentage in de deelgroep min percentage in de hele ronde, in procentpunten, met het 95%-betrouwbaarheidsinterval. De deelgroep hoort zelf bij de hele ronde; het interval houdt daar rekening mee (Newcombe, via de deelgroep tegenover de rest).',
  en: 'Difference = percentage in the subgroup minus percentage in the whole round, in percentage points, with its 95% confidence interval. The subgroup is part of the whole round; the interval allows for that (Newcombe, through the subgroup against the rest).',
};

const side = (item: ReportItem | undefined, table: ReportTable | undefined): Side =>
  !item || !table || table.tooFew ? { count: null, validN: null, percent: null } : { count: item.count, validN: item.validN, percent: item.percent };

export async function composeSubgroup(
  ctx: ServiceContext,
  source: InstrumentSource,
  access: Access,
  roundId: string,
  query: SubgroupQuery,
): Promise<SubgroupComparison> {
  const lang = query.lang ?? 'nl';
  if ((query.team === undefined) === (query.filter === undefined))
    throw new AppError('validation_failed', {
      issues: [{ path: 'team', message: lang === 'nl' ? 'Kies één deelgroep: een team of een antwoord.' : 'Choose one subgroup: a team or an answer.' }],
    });
  const round = await store.findRound(ctx.db, access.organisationId, roundId);
  if (!round) throw notFound();
  const whole = await composeReport(ctx, source, access, round, { query: { lang } });
  const sub = await composeReport(ctx, source, access, round, { query: { lang, team: query.team, filter: query.filter ? [query.filter] : [] } });
  const wholeTable = whole.tables.find((t) => t.question === query.question && t.item === null);
  if (!wholeTable || wholeTable.type === 'short_text' || wholeTable.type === 'long_text')
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'question',
          message:
            lang === 'nl'
              ? `Kies een vraag met antwoorden om te tellen (niet ‘${query.question}’).`
              : `Choose a question with answers to count (not ‘${query.question}’).`,
        },
      ],
    });
  const subTable = sub.filters.tooFew ? undefined : sub.tables.find((t) => t.question === query.question && t.item === null);
  const items = wholeTable.items.map((wholeItem): SubgroupItem => {
    const subItem = subTable?.items.find((i) => i.code === wholeItem.code);
    const a = side(subItem, subTable);
    const b = side(wholeItem, wholeTable);
    const shown = a.count !== null && a.validN !== null && b.count !== null && b.validN !== null;
    const d = shown ? subgroupDifference({ count: a.count ?? 0, n: a.validN ?? 0 }, { count: b.count ?? 0, n: b.validN ?? 0 }) : null;
    return {
      code: wholeItem.code,
      label: wholeItem.label,
      subgroup: a,
      whole: b,
      difference: d?.difference ?? null,
      ci: d ? [d.lower, d.upper] : null,
      suppressed: !shown,
    };
  });
  return {
    round: whole.round,
    disclosure: whole.disclosure,
    question: { key: wholeTable.question, text: wholeTable.text },
    subgroup: { team: query.team ?? null, filter: query.filter ?? null, n: sub.filters.n, refused: sub.filters.tooFew, message: sub.filters.message ?? null },
    wholeN: whole.round.n,
    items,
    definition: DEFINITION[lang],
  };
}

export async function getSubgroup(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  { organisationId, roundId, query }: { organisationId: string; roundId: string; query: SubgroupQuery },
) {
  authorize(actor, 'reports.view', organisationId);
  const suppress = !can(actor, 'reports.raw', organisationId);
  return composeSubgroup(ctx, source, { organisationId, suppress, actorUserId: actor.userId, source: 'web' }, roundId, {
    ...query,
    lang: query.lang ?? actor.language,
  });
}
