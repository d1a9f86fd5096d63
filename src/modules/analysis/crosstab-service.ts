import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import { authorize, can } from '../../core/policy.ts';
import type { RoundTable } from '../../db/tables/rounds.ts';
import { recordAudit } from '../audit/service.ts';
import { allQuestions, localise } from '../instruments/definition.ts';
import * as survey from '../rounds/answers.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { buildCrossTab, type CrossTabView } from './crosstab-view.ts';
import { buildTables, parsePresentation } from './report.ts';
import { decideSelection, MAX_SUPPRESSED_FILTERS, type SelectionFilter, selectionRefusal } from './selections.ts';
import { type Access, aggregate, loadRound, type Report, RULE_SUPPRESSED, RULE_UNSUPPRESSED, thresholdOf } from './service.ts';
import * as store from './store.ts';

/**
 * Cross-tabs of two questions of a round. Row "a" is the report filtered on "rows = a", decided by
 * the same selection system as the dashboard's filters (selections.ts) and hidden the same way, so
 * for someone who may not see small counts a cross-tab opens nothing the filters do not.
 */

export type CrossTabQuery = { rows: string; cols: string; team?: string | undefined; lang?: Language | undefined };

export type CrossTab = CrossTabView & {
  round: { id: string; key: string; name: string };
  disclosure: Report['disclosure'];
  team: string | null;
  rows: { question: string; text: string; type: string };
  cols: { question: string; text: string; type: string };
  decimals: number;
};

const ROW_TYPES = new Set(['single', 'multiple']);
const COL_TYPES = new Set(['single', 'multiple', 'likert']);

function invalid(path: 'rows' | 'cols', lang: Language, nl: string, en: string): AppError {
  return new AppError('validation_failed', { issues: [{ path, message: lang === 'nl' ? nl : en }] });
}

export async function composeCrossTab(
  ctx: ServiceContext,
  source: InstrumentSource,
  access: Access,
  round: RoundTable,
  query: CrossTabQuery,
): Promise<CrossTab> {
  const lang = query.lang ?? 'nl';
  const published = await loadRound(ctx, source, access.organisationId, round);
  const instrument = published.instrument;
  const questions = new Map(allQuestions(instrument).map((q) => [q.key, q]));
  const rowQ = questions.get(query.rows);
  const colQ = questions.get(query.cols);
  if (!rowQ || !ROW_TYPES.has(rowQ.type) || !(rowQ.type === 'single' || rowQ.type === 'multiple'))
    throw invalid(
      'rows',
      lang,
      `Kies voor de rijen een keuzevraag van deze ronde (niet ‘${query.rows}’).`,
      `Choose a choice question of this round for the rows (not ‘${query.rows}’).`,
    );
  if (!colQ || !COL_TYPES.has(colQ.type))
    throw invalid(
      'cols',
      lang,
      `Kies voor de kolommen een keuzevraag of schaal van deze ronde (niet ‘${query.cols}’).`,
      `Choose a choice question or scale of this round for the columns (not ‘${query.cols}’).`,
    );
  if (rowQ.key === colQ.key) throw invalid('cols', lang, 'Kies twee verschillende vragen.', 'Choose two different questions.');
  if (query.team && !(await store.teamInOrganisation(ctx.db, access.organisationId, query.team))) throw notFound();
  const k = await thresholdOf(ctx, access.organisationId);
  const presentation = parsePresentation(round.presentation);
  const whole: survey.Scope = { organisationId: access.organisationId, roundIds: [round.id], answers: [] };
  // Each row is the report filtered on one option: counted in parts at once for a large round, as that report is.
  const parts = survey.partsFor(await survey.countResponses(ctx.db, whole));
  const lines = [];
  for (const option of rowQ.options) {
    const applied: SelectionFilter[] = [
      ...(query.team ? [{ kind: 'team' as const, team: query.team }] : []),
      { kind: 'answer', question: rowQ.key, option: option.key },
    ];
    let message: string | null = null;
    if (access.suppress) {
      if (applied.length > MAX_SUPPRESSED_FILTERS) message = localise(selectionRefusal('too_many_filters', k), lang);
      else {
        const decision = await decideSelection(ctx.db, instrument, whole, applied, k);
        if (!decision.allowed) message = localise(selectionRefusal(decision.reason, k), lang);
      }
    }
    const scope: survey.Scope = { ...whole, teamId: query.team, answers: [{ question: rowQ.key, option: option.key }] };
    const table =
      message === null
        ? (buildTables(instrument, await aggregate(ctx, instrument, scope, presentation, { parts }), { lang, suppress: access.suppress, k, presentation }).find(
            (t) => t.question === colQ.key && t.item === null,
          ) ?? null)
        : null;
    lines.push({ code: option.key, label: localise(option.label, lang), table, message });
  }
  const view = buildCrossTab({ rowsMultiple: rowQ.type === 'multiple', colsPartition: colQ.type !== 'multiple', lines, decimals: 1, lang });
  if (!access.suppress)
    await recordAudit(ctx.db, ctx.clock.now(), {
      organisationId: access.organisationId,
      actorUserId: access.actorUserId,
      action: 'report.viewed_unsuppressed',
      subjectType: 'round',
      subjectId: round.id,
      details: { source: access.source, crosstab: `${rowQ.key}×${colQ.key}`, ...(query.team ? { team: query.team } : {}) },
    });
  return {
    round: { id: round.id, key: round.key ?? round.id, name: round.name },
    disclosure: { threshold: k, suppressed: access.suppress, unsuppressed: !access.suppress, rule: access.suppress ? RULE_SUPPRESSED(k) : RULE_UNSUPPRESSED },
    team: query.team ?? null,
    rows: { question: rowQ.key, text: localise(rowQ.text, lang), type: rowQ.type },
    cols: { question: colQ.key, text: localise(colQ.text, lang), type: colQ.type },
    decimals: 1,
    ...view,
  };
}

/** Members and coordinators get the cross-tab with small counts hidden; researchers and admins all (audited). */
export async function getCrossTab(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  { organisationId, roundId, query }: { organisationId: string; roundId: string; query: CrossTabQuery },
): Promise<CrossTab> {
  authorize(actor, 'reports.view', organisationId);
  const round = await store.findRound(ctx.db, organisationId, roundId);
  if (!round) throw notFound();
  const suppress = !can(actor, 'reports.raw', organisationId);
  return composeCrossTab(ctx, source, { organisationId, suppress, actorUserId: actor.userId, source: 'web' }, round, {
    ...query,
    lang: query.lang ?? actor.language,
  });
}

/** Cross-tabs named as `rows:cols` (the report's `crosstab` parameter), in the order asked. */
export async function crossTabsFor(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  {
    organisationId,
    roundId,
    pairs,
    options,
  }: { organisationId: string; roundId: string; pairs: string[]; options: { team?: string | undefined; lang?: Language | undefined } },
): Promise<CrossTab[]> {
  const out: CrossTab[] = [];
  for (const pair of pairs) {
    const [rows = '', cols = ''] = pair.split(':');
    out.push(await getCrossTab(ctx, source, actor, { organisationId, roundId, query: { rows, cols, team: options.team, lang: options.lang } }));
  }
  return out;
}

/** `rows:cols` pairs for a given access (the command line, the tables export). */
export async function composeCrossTabs(
  ctx: ServiceContext,
  source: InstrumentSource,
  access: Access,
  round: RoundTable,
  { pairs, lang }: { pairs: string[]; lang: Language },
): Promise<CrossTab[]> {
  const out: CrossTab[] = [];
  for (const pair of pairs) {
    const [rows = '', cols = ''] = pair.split(':');
    out.push(await composeCrossTab(ctx, source, access, round, { rows, cols, lang }));
  }
  return out;
}
