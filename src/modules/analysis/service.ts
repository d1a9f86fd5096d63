import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import { authorize, can } from '../../core/policy.ts';
import type { RoundTable } from '../../db/tables/rounds.ts';
import { recordAudit } from '../audit/service.ts';
import { allQuestions, localise } from '../instruments/definition.ts';
import type { ResolvedInstrument } from '../instruments/resolve.ts';
import * as survey from '../rounds/answers.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { resultsAvailable } from '../rounds/result-sharing.ts';
import { disclosureThreshold, type Localised, roundingRule } from './core/index.ts';
import { composeCrossTabs } from './crosstab-service.ts';
import { type Aggregates, buildTables, type Eligibility, parsePresentation, type ReportTable, sqlConditionOf, usesCombinations } from './report.ts';
import { decideSelection, MAX_SUPPRESSED_FILTERS, selectionRefusal } from './selections.ts';
import * as store from './store.ts';

export { type CrossTab, composeCrossTab, composeCrossTabs } from './crosstab-service.ts';

export type ReportQuery = { team?: string | undefined; sector?: string | undefined; filter?: string[] | undefined; lang?: Language | undefined };

export type Report = {
  round: { id: string; key: string; name: string; instrumentTitle: string; n: number | null; closesOn: string };
  disclosure: { threshold: number; suppressed: boolean; unsuppressed: boolean; rule: Localised };
  rounding: { decimals: number; rule: Localised };
  filters: {
    applied: ({ kind: 'team'; team: string } | { kind: 'answer'; question: string; option: string })[];
    n: number | null;
    tooFew: boolean;
    message?: string;
  };
  tables: ReportTable[];
};

export const RULE_SUPPRESSED = (k: number): Localised => ({
  nl: `Kleine aantallen zijn verborgen: een aantal van 1 tot en met ${k - 1} tonen we niet, en ook niet een aantal waaruit je het kunt terugrekenen. Een selectie met minder dan ${k} mensen, of die minder dan ${k} mensen weglaat, tonen we niet.`,
  en: `Small counts are hidden: a count from 1 to ${k - 1} is not shown, nor a count from which it could be worked out. A selection of fewer than ${k} people, or one that leaves out fewer than ${k} people, is not shown.`,
});
export const RULE_UNSUPPRESSED: Localised = {
  nl: 'Alle aantallen zijn zichtbaar, ook kleine, omdat je onderzoeker of beheerder bent. Dit inzien wordt in het auditlog bewaard. Deel kleine aantallen niet verder.',
  en: 'All counts are shown, small ones too, because you are a researcher or administrator. Viewing this is recorded in the audit log. Do not pass small counts on.',
};

/** `question:option` filters, checked against the instrument's choice questions. */
function parseFilters(instrument: ResolvedInstrument, query: ReportQuery, lang: Language): survey.AnswerFilter[] {
  const raw = [...(query.filter ?? []), ...(query.sector ? [`sector:${query.sector}`] : [])];
  const questions = new Map(allQuestions(instrument).map((q) => [q.key, q]));
  return raw.map((text, i) => {
    const [question = '', option = ''] = text.split(':');
    const q = questions.get(question);
    const known = q && (q.type === 'single' || q.type === 'multiple') && q.options.some((o) => o.key === option);
    if (!known)
      throw new AppError('validation_failed', {
        issues: [
          {
            path: `filter.${i}`,
            message: lang === 'nl' ? `Onbekende filter ‘${text}’: gebruik vraag:antwoord.` : `Unknown filter ‘${text}’: use question:option.`,
          },
        ],
      });
    return { question, option };
  });
}

/**
 * The counts a report of `scope` is built from. `responses`: the complete responses in scope, when the
 * caller counted them already; `parts`: how many parts at once to count the answer rows of a filtered
 * scope in (survey.partsFor of the round's size; default one).
 */
export async function aggregate(
  ctx: ServiceContext,
  instrument: ResolvedInstrument,
  scope: survey.Scope,
  presentation: ReturnType<typeof parsePresentation>,
  { responses, parts = 1 }: { responses?: number | undefined; parts?: number } = {},
) {
  const multiple = allQuestions(instrument)
    .filter((q) => q.type === 'multiple')
    .map((q) => q.key);
  // With answer filters every count groups the answer rows: all in one go, in parts at once when the scope is large.
  const fromRows = scope.answers.length > 0 ? await survey.answerRowCounts(ctx.db, scope, multiple, { parts }) : null;
  const [n, values, answeredMultiple] = fromRows
    ? [responses ?? fromRows.n, fromRows.values, fromRows.answered]
    : await Promise.all([responses ?? survey.countResponses(ctx.db, scope), survey.valueCounts(ctx.db, scope), survey.answeredCounts(ctx.db, scope, multiple)]);
  const setsOf = async (question: string) => fromRows?.sets.get(question) ?? (fromRows ? [] : survey.choiceSets(ctx.db, scope, question));
  const answered = new Map([...survey.answeredFromValues(values, new Set(multiple)), ...answeredMultiple]);
  const eligible = new Map<string, Eligibility>();
  const combinations = new Map<string, survey.CombinationCount[]>();
  const types = new Map(allQuestions(instrument).map((q) => [q.key, q.type]));
  for (const q of allQuestions(instrument)) {
    if (q.showIf) {
      const condition = sqlConditionOf(q.showIf, instrument);
      eligible.set(
        q.key,
        condition
          ? { count: await eligibleCount(ctx, scope, condition, { values, type: types.get(condition.question), setsOf }), approximate: false }
          : { count: n, approximate: true },
      );
    }
    if (usesCombinations(q, presentation)) combinations.set(q.key, survey.combinationsOf(await setsOf(q.key)));
  }
  const aggregates: Aggregates = { n, values, answered, eligible, combinations };
  return aggregates;
}

/**
 * Respondents a follow-up question was shown to. A condition on a question with one row per
 * respondent (not multiple choice, not a matrix) is summed from the value counts in hand, one on a
 * multiple-choice question from its sets of chosen options; a matrix is counted in the database.
 */
async function eligibleCount(
  ctx: ServiceContext,
  scope: survey.Scope,
  condition: survey.SqlCondition,
  { values, type, setsOf }: { values: survey.ValueCount[]; type: string | undefined; setsOf: (question: string) => Promise<survey.ChoiceSetCount[]> },
): Promise<number> {
  const oneRowPerRespondent = type !== undefined && type !== 'multiple' && type !== 'matrix';
  if (oneRowPerRespondent) return survey.countInValues(values, condition);
  if (type === 'multiple' && condition.shape === 'choice') return survey.countInSets(await setsOf(condition.question), condition);
  return survey.countWhere(ctx.db, scope, condition);
}

export type Access = { organisationId: string; suppress: boolean; actorUserId: string | null; source: 'web' | 'cli' };

export async function loadRound(ctx: ServiceContext, source: InstrumentSource, organisationId: string, round: RoundTable) {
  const published = await source(ctx, round.instrument_version_id);
  if (!published || published.organisationId !== organisationId) throw notFound();
  return published;
}

export async function thresholdOf(ctx: ServiceContext, organisationId: string): Promise<number> {
  return disclosureThreshold(await store.findOrganisationThreshold(ctx.db, organisationId));
}

/** The report of one round for someone with the given access; records an unsuppressed view. */
export async function composeReport(
  ctx: ServiceContext,
  source: InstrumentSource,
  access: Access,
  round: RoundTable,
  { query, onProgress }: { query: ReportQuery; onProgress?: (done: number, total: number) => void },
): Promise<Report> {
  const lang = query.lang ?? 'nl';
  const published = await loadRound(ctx, source, access.organisationId, round);
  const instrument = published.instrument;
  const k = await thresholdOf(ctx, access.organisationId);
  if (query.team && !(await store.teamInOrganisation(ctx.db, access.organisationId, query.team))) throw notFound();
  const answers = parseFilters(instrument, query, lang);
  const presentation = parsePresentation(round.presentation);
  const whole: survey.Scope = { organisationId: access.organisationId, roundIds: [round.id], answers: [] };
  const scope: survey.Scope = { ...whole, teamId: query.team, answers };
  const total = await survey.countResponses(ctx.db, whole);
  onProgress?.(1, 4);
  const applied: Report['filters']['applied'] = [
    ...(query.team ? [{ kind: 'team' as const, team: query.team }] : []),
    ...answers.map((a) => ({ kind: 'answer' as const, ...a })),
  ];
  let filteredN: number | null = null;
  let refusal: string | undefined;
  if (applied.length > 0 && access.suppress) {
    // Whether this selection may be shown is decided first, on its size among every selection this person can request (selections.ts).
    filteredN = await survey.countResponses(ctx.db, scope);
    if (applied.length > MAX_SUPPRESSED_FILTERS) refusal = localise(selectionRefusal('too_many_filters', k), lang);
    else {
      const decision = await decideSelection(ctx.db, instrument, whole, applied, k);
      if (!decision.allowed) refusal = localise(selectionRefusal(decision.reason, k), lang);
    }
  }
  onProgress?.(2, 4);
  const aggregates =
    refusal === undefined
      ? await aggregate(ctx, instrument, scope, presentation, {
          responses: applied.length > 0 ? (filteredN ?? undefined) : total,
          parts: survey.partsFor(total),
        })
      : null;
  if (applied.length > 0 && aggregates) filteredN = aggregates.n;
  const tables = aggregates ? buildTables(instrument, aggregates, { lang, suppress: access.suppress, k, presentation }) : [];
  onProgress?.(3, 4);
  if (!access.suppress)
    await recordAudit(ctx.db, ctx.clock.now(), {
      organisationId: access.organisationId,
      actorUserId: access.actorUserId,
      action: 'report.viewed_unsuppressed',
      subjectType: 'round',
      subjectId: round.id,
      details: { source: access.source, filters: applied.length },
    });
  onProgress?.(4, 4);
  return {
    round: {
      id: round.id,
      key: round.key ?? round.id,
      name: round.name,
      instrumentTitle: localise(published.title, lang),
      // Below k the round's own size is a small group.
      n: access.suppress && total < k ? null : total,
      closesOn: round.closes_on,
    },
    disclosure: { threshold: k, suppressed: access.suppress, unsuppressed: !access.suppress, rule: access.suppress ? RULE_SUPPRESSED(k) : RULE_UNSUPPRESSED },
    rounding: { decimals: 1, rule: roundingRule(1).text },
    filters: { applied, n: refusal === undefined ? filteredN : null, tooFew: refusal !== undefined, ...(refusal !== undefined ? { message: refusal } : {}) },
    tables,
  };
}

/**
 * Members read a round's results only when the round shares them (now, after closing, from a date);
 * those who run rounds read them always. Either way small groups stay hidden for whoever may not see them.
 */
export function assertResultsShared(ctx: ServiceContext, actor: Actor, organisationId: string, round: RoundTable): void {
  if (can(actor, 'rounds.view', organisationId)) return;
  if (!resultsAvailable(round, ctx.clock.now().toISOString().slice(0, 10))) throw new AppError('forbidden', { code: 'analysis.results_not_shared' });
}

/** Members and coordinators see small cells suppressed; researchers and admins see everything (audited). */
export async function getReport(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  { organisationId, roundId, query }: { organisationId: string; roundId: string; query: ReportQuery },
): Promise<Report> {
  authorize(actor, 'reports.view', organisationId);
  const round = await store.findRound(ctx.db, organisationId, roundId);
  if (!round) throw notFound();
  assertResultsShared(ctx, actor, organisationId, round);
  const suppress = !can(actor, 'reports.raw', organisationId);
  return composeReport(ctx, source, { organisationId, suppress, actorUserId: actor.userId, source: 'web' }, round, {
    query: {
      ...query,
      lang: query.lang ?? actor.language,
    },
  });
}

/** A round named by its key on the command line that is not there. */
const noRoundWithKey = (round: string, organisation: string | undefined) =>
  new AppError(
    'not_found',
    organisation ? { code: 'analysis.no_round_with_key_in', params: { round, organisation } } : { code: 'analysis.no_round_with_key', params: { round } },
  );
const ambiguousKey = (round: string, rounds: { organisation_name: string }[]) =>
  new AppError('conflict', { code: 'analysis.round_key_ambiguous', params: { round, organisations: rounds.map((r) => r.organisation_name).join(', ') } });

/** The command line: researcher rights (unsuppressed, audited without a person), a round named by its key. */
/** A round named by its key on the command line (one organisation, or the one named with --org). */
export async function roundForCli(ctx: ServiceContext, roundKey: string, organisation?: string) {
  const rounds = (await store.roundsByKey(ctx.db, roundKey)).filter(
    (r) => organisation === undefined || r.organisation_name === organisation || r.organisation_id === organisation,
  );
  if (rounds.length === 0) throw noRoundWithKey(roundKey, organisation);
  if (rounds.length > 1) throw ambiguousKey(roundKey, rounds);
  return rounds[0] as RoundTable & { organisation_name: string };
}

export async function reportForCli(
  ctx: ServiceContext,
  source: InstrumentSource,
  roundKey: string,
  options: { organisation?: string | undefined; lang: Language },
  onProgress?: (done: number, total: number) => void,
): Promise<Report> {
  const rounds = (await store.roundsByKey(ctx.db, roundKey)).filter(
    (r) => options.organisation === undefined || r.organisation_name === options.organisation || r.organisation_id === options.organisation,
  );
  if (rounds.length === 0) throw noRoundWithKey(roundKey, options.organisation);
  if (rounds.length > 1) throw ambiguousKey(roundKey, rounds);
  const round = rounds[0] as RoundTable & { organisation_name: string };
  return composeReport(ctx, source, { organisationId: round.organisation_id, suppress: false, actorUserId: null, source: 'cli' }, round, {
    query: { lang: options.lang },
    onProgress,
  });
}

/** Cross-tabs of a round named by its key, with researcher rights (the command line's JSON report). */
export async function crossTabsForCli(
  ctx: ServiceContext,
  source: InstrumentSource,
  roundKey: string,
  pairs: string[],
  options: { organisation?: string | undefined; lang: Language },
) {
  const round = await roundForCli(ctx, roundKey, options.organisation);
  return composeCrossTabs(ctx, source, { organisationId: round.organisation_id, suppress: false, actorUserId: null, source: 'cli' }, round, {
    pairs,
    lang: options.lang,
  });
}
