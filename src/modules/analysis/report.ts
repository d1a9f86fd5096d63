import * as z from 'zod';
import type { Language } from '../../core/language.ts';
import { allQuestions, type Condition, localise, NO_OPINION, OTHER } from '../instruments/definition.ts';
import type { ResolvedInstrument, ResolvedQuestion } from '../instruments/resolve.ts';
import { answeredKey, type CombinationCount, type SqlCondition, type ValueCount } from '../rounds/answers.ts';
import { type HistogramBin, histogram } from './core/histogram.ts';
import {
  analyseChoice,
  analyseScale,
  DEFAULT_DECIMALS,
  discloseFrequencies,
  discloseMultipleResponse,
  type Localised,
  percentInterval,
  percentOf,
  roundHalfUp,
  roundingRule,
} from './core/index.ts';
import { withholdHiddenGroups } from './report-groups.ts';

/**
 * Turns the SQL aggregates of a round into the report's tables: frequencies with each option's own
 * valid n, combinations for "choose up to two", scale distributions with their statistics, and
 * small-cell suppression when the viewer may not see small counts. Pure: no database, no clock.
 */

/**
 * A round's published presentation: how its report prints figures, so a report can show figures
 * exactly as they were once published. Per question: decimals of the percentages (default 1), a
 * different number for single rows (the seed prints "26" and "49,4" in one table), and the view of a
 * multiple-choice question (`combinations`: what people chose together; the default for questions
 * where at most two options may be chosen).
 */
export const presentationSchema = z.object({
  tables: z
    .record(
      z.string(),
      z.object({
        decimals: z.number().int().min(0).max(3).optional(),
        itemDecimals: z.record(z.string(), z.number().int().min(0).max(3)).optional(),
        view: z.enum(['options', 'combinations']).optional(),
      }),
    )
    .default({}),
});
export type Presentation = z.infer<typeof presentationSchema>;

export function parsePresentation(text: string | null): Presentation {
  if (!text) return { tables: {} };
  const parsed = presentationSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : { tables: {} };
}

export type ReportItem = {
  code: string;
  label: string;
  count: number | null;
  /** Null when the table is withheld (report-groups.ts). */
  validN: number | null;
  percent: number | null;
  ci: [number, number] | null;
  decimals: number;
  suppressed: boolean;
};

export type ReportTable = {
  question: string;
  item: string | null;
  section: string;
  type: ResolvedQuestion['type'];
  /** `bins`: a number's values in classes (core/histogram.ts). */
  view: 'options' | 'combinations' | 'values' | 'bins';
  /** The heading: the question's text, and for a matrix statement `question — statement` (as files show it). */
  text: string;
  /** The question's own text, and the matrix statement's text (null for any other table): the parts of `text`. */
  questionText: string;
  itemText: string | null;
  /** Respondents the question was shown to (null when withheld: see report-groups.ts). */
  n: number | null;
  /** Respondents who answered it. */
  validN: number | null;
  missing: number | null;
  decimals: number;
  items: ReportItem[];
  scale?: {
    mean: number | null;
    sd: number | null;
    min: number | null;
    q1: number | null;
    median: number | null;
    q3: number | null;
    max: number | null;
    noOpinion: number | null;
  };
  tooFew: boolean;
  suppressed: boolean;
  notes: string[];
};

export type Eligibility = { count: number; approximate: boolean };

export type Aggregates = {
  n: number;
  values: ValueCount[];
  answered: Map<string, number>;
  /** Per question with a condition: how many it was shown to. */
  eligible: Map<string, Eligibility>;
  combinations: Map<string, CombinationCount[]>;
};

export type BuildOptions = { lang: Language; suppress: boolean; k: number; presentation: Presentation };

/** The multiple-choice questions reported as combinations. */
export function usesCombinations(q: ResolvedQuestion, presentation: Presentation): boolean {
  if (q.type !== 'multiple') return false;
  const view = presentation.tables[q.key]?.view;
  return view ? view === 'combinations' : q.maxSelected !== undefined && q.maxSelected <= 2;
}

/** The SQL form of a simple condition (one earlier choice question), or null when only an approximation is possible. */
export function sqlConditionOf(condition: Condition, instrument: ResolvedInstrument): SqlCondition | null {
  if ('all' in condition || 'any' in condition) return null;
  if (condition.item !== undefined) return null;
  const target = allQuestions(instrument).find((q) => q.key === condition.question);
  if (!target) return null;
  const shape = target.type === 'single' || target.type === 'multiple' ? 'choice' : target.type === 'matrix' ? 'many-rows' : 'one-row';
  if ('answered' in condition) return { question: condition.question, shape, answered: true };
  if (shape !== 'choice') return null;
  if ('equals' in condition) return { question: condition.question, shape, options: [String(condition.equals)] };
  if ('anyOf' in condition) return { question: condition.question, shape, options: condition.anyOf.map(String) };
  return null;
}

const APPROXIMATE: Localised = {
  nl: 'Deze vraag kreeg alleen wie bepaalde antwoorden gaf. Het aantal aan wie de vraag gesteld werd, is hier geschat als iedereen in de selectie.',
  en: 'Only people who gave certain answers got this question. The number who were asked is estimated here as everyone in the selection.',
};
const STATS_HIDDEN: Localised = {
  nl: 'Het gemiddelde en de spreiding zijn verborgen, omdat er kleine aantallen verborgen zijn.',
  en: 'The mean and spread are hidden, because small counts are hidden.',
};
const FREE_TEXT: Localised = {
  nl: 'Open antwoorden staan niet in het rapport.',
  en: 'Open answers are not in the report.',
};

/** "10–14" for whole numbers (a class of one: "10"), "0,5 tot 1" otherwise. */
function binLabel(bin: HistogramBin, integer: boolean, lang: Language): string {
  const number = (x: number) => (lang === 'nl' ? String(x).replace('.', ',') : String(x));
  if (integer) return bin.to - bin.from === 1 ? number(bin.from) : `${number(bin.from)}–${number(bin.to - 1)}`;
  return lang === 'nl' ? `${number(bin.from)} tot ${number(bin.to)}` : `${number(bin.from)} to under ${number(bin.to)}`;
}

const pct = (count: number, validN: number, decimals: number) => (validN > 0 ? roundHalfUp(percentOf(count, validN), decimals) : null);
const ciOf = (count: number, validN: number, decimals: number): [number, number] | null => {
  const interval = percentInterval(count, validN, decimals);
  return interval ? [interval.lower, interval.upper] : null;
};

type Cell = { code: string; label: string; count: number; validN: number };

function items(cells: Cell[], hidden: (index: number) => boolean, decimalsOf: (code: string) => number): ReportItem[] {
  return cells.map((cell, i) => {
    const decimals = decimalsOf(cell.code);
    const suppressed = hidden(i);
    return {
      code: cell.code,
      label: cell.label,
      count: suppressed ? null : cell.count,
      validN: cell.validN,
      percent: suppressed ? null : pct(cell.count, cell.validN, decimals),
      ci: suppressed ? null : ciOf(cell.count, cell.validN, decimals),
      decimals,
      suppressed,
    };
  });
}

/** All tables of a round's report, in the order of the questionnaire. */
export function buildTables(instrument: ResolvedInstrument, agg: Aggregates, options: BuildOptions): ReportTable[] {
  const { lang, suppress, k, presentation } = options;
  const tables: ReportTable[] = [];
  const rowsOf = (question: string, item: string | null) => agg.values.filter((v) => v.question === question && v.item === item);
  for (const section of instrument.sections) {
    for (const q of section.questions) {
      if (q.type === 'short_text' || q.type === 'long_text') continue;
      const setting = presentation.tables[q.key];
      const decimals = setting?.decimals ?? DEFAULT_DECIMALS;
      const decimalsOf = (code: string) => setting?.itemDecimals?.[code] ?? decimals;
      const eligibility = q.showIf ? (agg.eligible.get(q.key) ?? { count: agg.n, approximate: true }) : { count: agg.n, approximate: false };
      const notes: string[] = eligibility.approximate ? [localise(APPROXIMATE, lang)] : [];
      const questionText = localise(q.text, lang);
      const base = { question: q.key, section: section.key, type: q.type, text: questionText, questionText, itemText: null, decimals, notes };
      const answeredOf = (item: string | null) => Math.min(agg.answered.get(answeredKey(q.key, item)) ?? 0, Math.max(eligibility.count, 0));
      // The eligible count may be an approximation below the answered count; never report a negative missing.
      const nOf = (answered: number) => Math.max(eligibility.count, answered);

      if (q.type === 'single' || q.type === 'multiple') {
        const rows = rowsOf(q.key, null);
        const countOf = (option: string) => rows.find((r) => r.option === option && !r.marker)?.count ?? 0;
        const markersOf = (option: string) => rows.find((r) => r.option === option && r.marker)?.count ?? 0;
        const options = [
          ...q.options.map((o) => ({ key: o.key, label: localise(o.label, lang), exclusive: o.exclusive })),
          ...(q.other ? [{ key: OTHER, label: localise(q.other.label, lang), exclusive: false }] : []),
        ];
        const answered = agg.answered.get(q.key) ?? 0;
        const n = nOf(answered);
        if (q.type === 'multiple' && usesCombinations(q, presentation)) {
          const combos = agg.combinations.get(q.key) ?? [];
          const index = new Map(options.map((o, i) => [o.key, i]));
          const labelOf = (key: string) => options.find((o) => o.key === key)?.label ?? key;
          const cells = new Map<string, Cell & { order: number }>();
          for (const o of options) cells.set(o.key, { code: o.key, label: o.label, count: 0, validN: 0, order: index.get(o.key) ?? 0 });
          for (const c of combos) {
            if (c.chosen === 1) {
              const cell = cells.get(c.first);
              if (cell) cell.count += c.count;
              continue;
            }
            const [a, b] = [c.first, c.last].sort((x, y) => (index.get(x) ?? 99) - (index.get(y) ?? 99)) as [string, string];
            const code = c.chosen === 2 ? `${a}+${b}` : '_more';
            const label =
              c.chosen === 2
                ? `${labelOf(a)} ${lang === 'nl' ? 'en' : 'and'} ${labelOf(b).charAt(0).toLowerCase()}${labelOf(b).slice(1)}`
                : lang === 'nl'
                  ? 'Drie of meer'
                  : 'Three or more';
            const cell = cells.get(code) ?? { code, label, count: 0, validN: 0, order: 1000 + (index.get(a) ?? 0) * 100 + (index.get(b) ?? 0) };
            cell.count += c.count;
            cells.set(code, cell);
          }
          const list = [...cells.values()].sort((x, y) => x.order - y.order);
          const validN = list.reduce((s, c) => s + c.count, 0);
          for (const c of list) c.validN = validN;
          const disclosed = suppress
            ? discloseFrequencies(
                list.map((c) => ({ key: c.code, count: c.count })),
                validN,
                k,
              )
            : null;
          const hidden = (i: number) => (disclosed ? disclosed.tooFew || disclosed.cells[i]?.count === null : false);
          tables.push({
            ...base,
            item: null,
            view: 'combinations',
            n,
            validN,
            missing: n - validN,
            items: items(list, hidden, decimalsOf),
            tooFew: disclosed?.tooFew ?? false,
            suppressed: list.some((_, i) => hidden(i)),
            notes: [...notes, ...(disclosed ? disclosed.explanation.map((e) => localise(e, lang)) : [])],
          });
          continue;
        }
        const result = analyseChoice({
          question: q.key,
          multiple: q.type === 'multiple',
          options: options.map((o) => {
            const markers = q.type === 'multiple' ? markersOf(o.key) : 0;
            return { key: o.key, count: countOf(o.key), ...(markers > 0 ? { answered: Math.max(answered - markers, 0) } : {}) };
          }),
          answered,
          eligible: n,
          exclusive: options.filter((o) => o.exclusive).map((o) => o.key),
        });
        const cells = result.rows.map((row, i) => ({ code: row.key, label: options[i]?.label ?? row.key, count: row.count, validN: row.validN }));
        const disclosed = suppress
          ? q.type === 'single'
            ? discloseFrequencies(
                cells.map((c) => ({ key: c.code, count: c.count })),
                answered,
                k,
              )
            : discloseMultipleResponse(
                cells.map((c) => ({ key: c.code, count: c.count, validN: c.validN })),
                answered,
                k,
              )
          : null;
        const hidden = (i: number) => (disclosed ? disclosed.tooFew || disclosed.cells[i]?.count === null : false);
        tables.push({
          ...base,
          item: null,
          view: 'options',
          n,
          validN: answered,
          missing: n - answered,
          items: items(cells, hidden, decimalsOf),
          tooFew: disclosed?.tooFew ?? false,
          suppressed: cells.some((_, i) => hidden(i)),
          notes: [...notes, ...(disclosed ? disclosed.explanation.map((e) => localise(e, lang)) : [])],
        });
        continue;
      }

      // Scales, matrix statements and numbers: counts per value, with descriptives.
      const scaleItems: { item: string | null; itemText: string | null }[] =
        q.type === 'matrix' ? q.items.map((item) => ({ item: item.key, itemText: localise(item.text, lang) })) : [{ item: null, itemText: null }];
      for (const scaleItem of scaleItems) {
        const rows = rowsOf(q.key, scaleItem.item).filter((r) => !r.marker);
        const values = rows.filter((r) => r.value !== null && r.option === null).map((r) => ({ value: r.value as number, count: r.count }));
        const noOpinion = rows.filter((r) => r.option === NO_OPINION).reduce((s, r) => s + r.count, 0);
        const answered = answeredOf(scaleItem.item);
        const n = nOf(answered);
        const result = analyseScale({
          question: q.key,
          ...(scaleItem.item ? { item: scaleItem.item } : {}),
          values,
          noOpinion,
          eligible: Math.max(n, values.reduce((s, v) => s + v.count, 0) + noOpinion),
        });
        const points = q.type === 'likert' || q.type === 'matrix' ? q.points : [];
        const valueLabel = (value: number) => {
          const point = points.find((p) => p.value === value);
          return point ? localise(point.label, lang) : String(value);
        };
        const known = new Set(result.distribution.map((d) => d.value));
        const distribution = [...result.distribution, ...points.filter((p) => !known.has(p.value)).map((p) => ({ value: p.value, count: 0 }))].sort(
          (a, b) => a.value - b.value,
        );
        // A number ("uren per week") is shown in classes, not one row per value given.
        const cells: Cell[] =
          q.type === 'number'
            ? histogram(values, { integer: q.integer ?? false }).map((bin) => ({
                code: `${bin.from}-${bin.to}`,
                label: binLabel(bin, q.integer ?? false, lang),
                count: bin.count,
                validN: result.validN,
              }))
            : distribution.map((d) => ({ code: String(d.value), label: valueLabel(d.value), count: d.count, validN: result.validN }));
        const noOpinionLabel = (q.type === 'likert' || q.type === 'matrix') && q.noOpinion ? localise(q.noOpinion.label, lang) : null;
        const withNoOpinion =
          noOpinionLabel !== null ? [...cells, { code: NO_OPINION, label: noOpinionLabel, count: noOpinion, validN: result.validN + noOpinion }] : cells;
        const disclosed = suppress
          ? discloseFrequencies(
              withNoOpinion.map((c) => ({ key: c.code, count: c.count })),
              result.validN + (noOpinionLabel !== null ? noOpinion : 0),
              k,
            )
          : null;
        const hidden = (i: number) => (disclosed ? disclosed.tooFew || disclosed.cells[i]?.count === null : false);
        const anyHidden = withNoOpinion.some((_, i) => hidden(i));
        const stats = anyHidden ? null : result.stats;
        tables.push({
          ...base,
          item: scaleItem.item,
          text: scaleItem.itemText === null ? questionText : `${questionText} — ${scaleItem.itemText}`,
          itemText: scaleItem.itemText,
          view: q.type === 'number' ? 'bins' : 'values',
          n,
          validN: result.validN,
          missing: Math.max(n - result.validN - noOpinion, 0),
          items: items(withNoOpinion, hidden, decimalsOf),
          scale: {
            mean: stats?.mean ?? null,
            sd: stats?.sd ?? null,
            // The lowest and highest number given may be one person's own answer.
            min: suppress && q.type === 'number' ? null : (stats?.min ?? null),
            q1: stats?.q1 ?? null,
            median: stats?.median ?? null,
            q3: stats?.q3 ?? null,
            max: suppress && q.type === 'number' ? null : (stats?.max ?? null),
            noOpinion: anyHidden && noOpinionLabel !== null ? null : noOpinion,
          },
          tooFew: disclosed?.tooFew ?? false,
          suppressed: anyHidden,
          notes: [
            ...notes,
            ...(disclosed ? disclosed.explanation.map((e) => localise(e, lang)) : []),
            ...(anyHidden && result.stats ? [localise(STATS_HIDDEN, lang)] : []),
          ],
        });
      }
    }
  }
  return suppress ? withholdHiddenGroups(tables, instrument, lang) : tables;
}

export const freeTextNote = (lang: Language) => localise(FREE_TEXT, lang);
export const roundingOf = (decimals: number) => roundingRule(decimals).text;
