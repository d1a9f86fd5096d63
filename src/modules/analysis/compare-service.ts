import type { Actor, ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import { authorize, can } from '../../core/policy.ts';
import type { RoundTable } from '../../db/tables/rounds.ts';
import { recordAudit } from '../audit/service.ts';
import { allQuestions, localise } from '../instruments/definition.ts';
import type { ResolvedInstrument } from '../instruments/resolve.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { shownInReport } from './compare-disclosure.ts';
import { compareGroups } from './core/index.ts';
import type { ChoiceCounts, ItemSet, ScaleCounts } from './core/types.ts';
import { type Aggregates, buildTables, parsePresentation } from './report.ts';
import { type Access, aggregate, assertResultsShared, loadRound, type Report, RULE_SUPPRESSED, RULE_UNSUPPRESSED, thresholdOf } from './service.ts';
import * as store from './store.ts';

/** Comparing two rounds on the questions they share. */

export type ComparisonItem = {
  question: string;
  code: string;
  label: string;
  aPercent: number | null;
  bPercent: number | null;
  gap: number | null;
  effect: number | null;
  suppressed: boolean;
};
export type ScaleComparisonItem = {
  question: string;
  item: string | null;
  label: string;
  aMean: number | null;
  bMean: number | null;
  gap: number | null;
  effect: number | null;
  suppressed: boolean;
};

export type Comparison = {
  a: { roundId: string; key: string; label: string; n: number | null };
  b: { roundId: string; key: string; label: string; n: number | null };
  definition: string;
  disclosure: Report['disclosure'];
  items: ComparisonItem[];
  scales: ScaleComparisonItem[];
  largest: ComparisonItem[];
  notCompared: string[];
};

function itemSet(instrument: ResolvedInstrument, agg: Aggregates, shared: Set<string>): ItemSet {
  const choices: ChoiceCounts[] = [];
  const scales: ScaleCounts[] = [];
  const rowsOf = (question: string, item: string | null) => agg.values.filter((v) => v.question === question && v.item === item);
  for (const q of allQuestions(instrument)) {
    if (!shared.has(q.key)) continue;
    const eligible = q.showIf ? (agg.eligible.get(q.key)?.count ?? agg.n) : agg.n;
    if (q.type === 'single' || q.type === 'multiple') {
      const answered = agg.answered.get(q.key) ?? 0;
      const rows = rowsOf(q.key, null);
      choices.push({
        question: q.key,
        multiple: q.type === 'multiple',
        answered,
        eligible: Math.max(eligible, answered),
        exclusive: q.type === 'multiple' ? q.options.filter((o) => o.exclusive).map((o) => o.key) : [],
        options: q.options.map((o) => {
          const markers = q.type === 'multiple' ? (rows.find((r) => r.option === o.key && r.marker)?.count ?? 0) : 0;
          return {
            key: o.key,
            count: rows.find((r) => r.option === o.key && !r.marker)?.count ?? 0,
            ...(markers > 0 ? { answered: Math.max(answered - markers, 0) } : {}),
          };
        }),
      });
      // Single choice: the counts must add up to the answered; "something else" is left out of the comparison.
      const last = choices.at(-1);
      if (last && !last.multiple) last.answered = last.options.reduce((s, o) => s + o.count, 0);
    }
    if (q.type === 'likert' || q.type === 'matrix') {
      for (const item of q.type === 'matrix' ? q.items.map((i) => i.key) : [null]) {
        const rows = rowsOf(q.key, item).filter((r) => !r.marker);
        const values = rows.filter((r) => r.value !== null && r.option === null).map((r) => ({ value: r.value as number, count: r.count }));
        const noOpinion = rows.filter((r) => r.option === '_no_opinion').reduce((s, r) => s + r.count, 0);
        const valid = values.reduce((s, v) => s + v.count, 0);
        scales.push({ question: q.key, ...(item ? { item } : {}), values, noOpinion, eligible: Math.max(eligible, valid + noOpinion) });
      }
    }
  }
  return { choices, scales };
}

/** Two rounds side by side on the questions they share (experience workers and professionals: "de ontmoeting"). */
export async function compareRoundsReport(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  organisationId: string,
  roundIds: { a: string; b: string },
): Promise<Comparison> {
  authorize(actor, 'reports.view', organisationId);
  for (const id of [roundIds.a, roundIds.b]) {
    const round = await store.findRound(ctx.db, organisationId, id);
    if (!round) throw notFound();
    assertResultsShared(ctx, actor, organisationId, round);
  }
  const suppress = !can(actor, 'reports.raw', organisationId);
  return composeComparison(ctx, source, { organisationId, suppress, actorUserId: actor.userId, source: 'web' }, roundIds, actor.language);
}

/** The comparison for someone with the given access (the web with a person, or the command line). */
export async function composeComparison(
  ctx: ServiceContext,
  source: InstrumentSource,
  access: Access,
  roundIds: { a: string; b: string },
  lang: Language,
): Promise<Comparison> {
  const { organisationId, suppress } = access;
  const k = await thresholdOf(ctx, organisationId);
  const sides = await Promise.all(
    [roundIds.a, roundIds.b].map(async (id) => {
      const round = await store.findRound(ctx.db, organisationId, id);
      if (!round) throw notFound();
      const published = await loadRound(ctx, source, organisationId, round);
      return { round, instrument: published.instrument };
    }),
  );
  const [sideA, sideB] = sides as [(typeof sides)[number], (typeof sides)[number]];
  const typeOf = (instrument: ResolvedInstrument) => new Map(allQuestions(instrument).map((q) => [q.key, q.type]));
  const typesA = typeOf(sideA.instrument);
  const typesB = typeOf(sideB.instrument);
  const shared = new Set([...typesA].filter(([key, type]) => typesB.get(key) === type).map(([key]) => key));
  const aggregates = await Promise.all(
    sides.map((side) =>
      aggregate(ctx, side.instrument, { organisationId, roundIds: [side.round.id], answers: [] }, parsePresentation(side.round.presentation)),
    ),
  );
  const [aggA, aggB] = aggregates as [Aggregates, Aggregates];
  const name = (round: RoundTable) => ({ nl: round.name, en: round.name });
  const result = compareGroups(itemSet(sideA.instrument, aggA, shared), itemSet(sideB.instrument, aggB, shared), {
    a: name(sideA.round),
    b: name(sideB.round),
  });
  const questions = new Map(allQuestions(sideA.instrument).map((q) => [q.key, q]));
  // What the report of each round shows this person, so the comparison shows nothing the reports hide.
  const reportsOf = sides.map((side, i) =>
    buildTables(side.instrument, aggregates[i] as Aggregates, { lang, suppress: true, k, presentation: parsePresentation(side.round.presentation) }),
  );
  const shownInBoth = (question: string, option: string | null, item: string | null) =>
    reportsOf.every((tables) => shownInReport(tables, question, option, item));
  const items: ComparisonItem[] = result.choiceGaps.map((gap) => {
    const q = questions.get(gap.question);
    const option = q && (q.type === 'single' || q.type === 'multiple') ? q.options.find((o) => o.key === gap.option) : undefined;
    const hidden = suppress && !shownInBoth(gap.question, gap.option, null);
    return {
      question: gap.question,
      code: gap.option,
      label: option ? localise(option.label, lang) : gap.option,
      aPercent: hidden ? null : gap.a.percent,
      bPercent: hidden ? null : gap.b.percent,
      gap: hidden ? null : gap.gap,
      effect: hidden ? null : (gap.effect?.value ?? null),
      suppressed: hidden,
    };
  });
  const scales: ScaleComparisonItem[] = result.scaleGaps.map((gap) => {
    const q = questions.get(gap.question);
    const itemText = q?.type === 'matrix' ? q.items.find((i) => i.key === gap.item)?.text : undefined;
    const hidden = suppress && !shownInBoth(gap.question, null, gap.item);
    return {
      question: gap.question,
      item: gap.item,
      label: itemText ? localise(itemText, lang) : q ? localise(q.text, lang) : gap.question,
      aMean: hidden ? null : gap.a.mean,
      bMean: hidden ? null : gap.b.mean,
      gap: hidden ? null : gap.gap,
      effect: hidden ? null : (gap.effect?.value ?? null),
      suppressed: hidden,
    };
  });
  if (!suppress)
    await recordAudit(ctx.db, ctx.clock.now(), {
      organisationId,
      actorUserId: access.actorUserId,
      action: 'report.viewed_unsuppressed',
      subjectType: 'round',
      subjectId: sideA.round.id,
      details: { source: access.source, comparedWith: sideB.round.id },
    });
  const side = (s: (typeof sides)[number], agg: Aggregates) => ({
    roundId: s.round.id,
    key: s.round.key ?? s.round.id,
    label: s.round.name,
    n: suppress && agg.n < k ? null : agg.n,
  });
  return {
    a: side(sideA, aggA),
    b: side(sideB, aggB),
    definition: localise(result.definition, lang),
    disclosure: { threshold: k, suppressed: suppress, unsuppressed: !suppress, rule: suppress ? RULE_SUPPRESSED(k) : RULE_UNSUPPRESSED },
    items,
    scales,
    largest: items.filter((i) => !i.suppressed).slice(0, 10),
    notCompared: result.notCompared,
  };
}
