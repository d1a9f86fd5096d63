import { chiSquareTest } from './chi-square.ts';
import { cohensD, toEffect } from './effect-size.ts';
import { analyseChoice } from './frequencies.ts';
import { DEFAULT_DECIMALS, roundHalfUp, roundingRule, STATISTIC_DECIMALS } from './rounding.ts';
import { analyseScale } from './scale.ts';
import type { AnalysisOptions, ChoiceCounts, ChoiceGap, ComparisonResult, ItemSet, Localised, ScaleGap } from './types.ts';

type Labels = { a: Localised; b: Localised };
/** +1: gap = a − b (two groups); −1: gap = b − a (change from round A to round B). */
type Direction = 1 | -1;

function choiceGaps(a: ChoiceCounts, b: ChoiceCounts, direction: Direction, decimals: number, notCompared: string[]): ChoiceGap[] {
  const resultA = analyseChoice(a, { decimals });
  const resultB = analyseChoice(b, { decimals });
  const keys = [...new Set([...resultA.rows.map((r) => r.key), ...resultB.rows.map((r) => r.key)])];
  const gaps: ChoiceGap[] = [];
  for (const key of keys) {
    const rowA = resultA.rows.find((r) => r.key === key);
    const rowB = resultB.rows.find((r) => r.key === key);
    if (!rowA || !rowB || rowA.percent === null || rowB.percent === null || rowA.percentExact === null || rowB.percentExact === null) {
      notCompared.push(`${a.question}/${key}`);
      continue;
    }
    // `|| 0` turns the −0 of a reversed zero gap into 0.
    const gapExact = direction * (rowA.percentExact - rowB.percentExact) || 0;
    const counts = [
      [rowA.count, rowA.validN - rowA.count],
      [rowB.count, rowB.validN - rowB.count],
    ];
    const test = chiSquareTest({ rows: ['a', 'b'], cols: ['chosen', 'not_chosen'], counts });
    gaps.push({
      kind: 'choice',
      question: a.question,
      option: key,
      a: { count: rowA.count, validN: rowA.validN, percent: rowA.percent, percentExact: rowA.percentExact },
      b: { count: rowB.count, validN: rowB.validN, percent: rowB.percent, percentExact: rowB.percentExact },
      gap: roundHalfUp(gapExact, decimals),
      gapExact,
      effect: toEffect('cramers_v', test ? test.cramersVExact : null),
    });
  }
  return gaps;
}

function questionEffect(a: ChoiceCounts, b: ChoiceCounts) {
  const keys = [...new Set([...a.options.map((o) => o.key), ...b.options.map((o) => o.key)])];
  const countOf = (set: ChoiceCounts, key: string) => set.options.find((o) => o.key === key)?.count ?? 0;
  const test = chiSquareTest({ rows: ['a', 'b'], cols: keys, counts: [keys.map((k) => countOf(a, k)), keys.map((k) => countOf(b, k))] });
  return { question: a.question, effect: toEffect('cramers_v', test ? test.cramersVExact : null) };
}

function scaleKey(s: { question: string; item?: string }): string {
  return s.item === undefined ? s.question : `${s.question}/${s.item}`;
}

function scaleGaps(a: ItemSet, b: ItemSet, direction: Direction, decimals: number, notCompared: string[]): ScaleGap[] {
  const gaps: ScaleGap[] = [];
  for (const scaleA of a.scales) {
    const scaleB = b.scales.find((s) => scaleKey(s) === scaleKey(scaleA));
    const resultA = analyseScale(scaleA, { decimals });
    const resultB = scaleB ? analyseScale(scaleB, { decimals }) : null;
    const [exactA, exactB, shownA, shownB] = [resultA.statsExact, resultB?.statsExact, resultA.stats, resultB?.stats];
    if (!resultB || !exactA || !exactB || !shownA || !shownB) {
      notCompared.push(scaleKey(scaleA));
      continue;
    }
    const gapExact = direction * (exactA.mean - exactB.mean) || 0;
    const d = cohensD({ n: resultA.validN, ...exactA }, { n: resultB.validN, ...exactB });
    gaps.push({
      kind: 'scale',
      question: scaleA.question,
      item: resultA.item,
      a: { validN: resultA.validN, mean: shownA.mean, meanExact: exactA.mean, sd: shownA.sd, sdExact: exactA.sd },
      b: { validN: resultB.validN, mean: shownB.mean, meanExact: exactB.mean, sd: shownB.sd, sdExact: exactB.sd },
      gap: roundHalfUp(gapExact, decimals),
      gapExact,
      effect: toEffect('cohens_d', d === null ? null : direction * d || 0),
    });
  }
  return gaps;
}

function byAbsoluteGap<T extends { gapExact: number; question: string }>(name: (gap: T) => string) {
  return (x: T, y: T) => Math.abs(y.gapExact) - Math.abs(x.gapExact) || name(x).localeCompare(name(y));
}

function definition(labels: Labels, direction: Direction): Localised {
  const [first, second] = direction === 1 ? [labels.a, labels.b] : [labels.b, labels.a];
  const head = direction === 1 ? { nl: 'Verschil', en: 'Gap' } : { nl: 'Verandering', en: 'Change' };
  return {
    nl: `${head.nl} = ${first.nl} min ${second.nl}: in procentpunten bij keuzevragen, in schaalpunten bij schalen. Gestandaardiseerd: Cramér’s V (0 tot 1) bij keuzevragen, Cohen’s d bij schalen.`,
    en: `${head.en} = ${first.en} minus ${second.en}: in percentage points for choice questions, in scale points for scales. Standardised: Cramér’s V (0 to 1) for choice questions, Cohen’s d for scales.`,
  };
}

function compare(kind: ComparisonResult['kind'], a: ItemSet, b: ItemSet, labels: Labels, options: AnalysisOptions): ComparisonResult {
  const decimals = options.decimals ?? DEFAULT_DECIMALS;
  const direction: Direction = kind === 'groups' ? 1 : -1;
  const notCompared: string[] = [];
  const choices: ChoiceGap[] = [];
  const questionEffects: ComparisonResult['questionEffects'] = [];
  for (const choiceA of a.choices) {
    const choiceB = b.choices.find((c) => c.question === choiceA.question && c.multiple === choiceA.multiple);
    if (!choiceB) {
      notCompared.push(choiceA.question);
      continue;
    }
    choices.push(...choiceGaps(choiceA, choiceB, direction, decimals, notCompared));
    if (!choiceA.multiple) questionEffects.push(questionEffect(choiceA, choiceB));
  }
  for (const choiceB of b.choices) if (!a.choices.some((c) => c.question === choiceB.question)) notCompared.push(choiceB.question);
  const scales = scaleGaps(a, b, direction, decimals, notCompared);
  for (const scaleB of b.scales) if (!a.scales.some((s) => scaleKey(s) === scaleKey(scaleB))) notCompared.push(scaleKey(scaleB));
  return {
    kind,
    labels,
    definition: definition(labels, direction),
    choiceGaps: choices.sort(byAbsoluteGap((g) => `${g.question}/${g.option}`)),
    scaleGaps: scales.sort(byAbsoluteGap((g) => `${g.question}/${g.item ?? ''}`)),
    questionEffects,
    notCompared,
    rounding: roundingRule(decimals),
    effectRounding: roundingRule(STATISTIC_DECIMALS),
  };
}

/** Two groups (experience workers against professionals, one sector against another): gap = a − b. */
export function compareGroups(a: ItemSet, b: ItemSet, labels: Labels, options: AnalysisOptions = {}): ComparisonResult {
  return compare('groups', a, b, labels, options);
}

/** Two rounds of the same survey: change = round B − round A. */
export function compareRounds(roundA: ItemSet, roundB: ItemSet, labels: Labels, options: AnalysisOptions = {}): ComparisonResult {
  return compare('rounds', roundA, roundB, labels, options);
}
