/**
 * Pure helpers of the dashboard: number formatting, table rows, chart data and gap ranking.
 * No DOM, no i18n module: they take the language (and any words) as arguments, so they run in
 * unit tests as they are.
 */
import type { CompareItem, DistributionPoint, ReportItem, ReportQuery, ReportTable } from './types.ts';

export type Lang = 'nl' | 'en';

/** Fixed locales, so "48,8" reads the same on every Dutch-speaking browser. */
const LOCALE: Record<Lang, string> = { nl: 'nl-BE', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, found);
  }
  return found;
}

/** The mark for a suppressed or missing figure: never shown as 0. */
export const SUPPRESSED = '–';

/** 48.8 → "48,8" in Dutch, "48.8" in English; null (suppressed) → "–". The API rounds; this only prints. */
export function formatNumber(value: number | null | undefined, lang: Lang, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return SUPPRESSED;
  // −0 would print as "-0,0".
  return formatter(lang, decimals).format(value === 0 ? 0 : value);
}

/** Whole numbers with the language's thousands separator: 100000 → "100.000" (nl). */
export function formatCount(value: number | null | undefined, lang: Lang): string {
  return formatNumber(value, lang, 0);
}

/** A gap in percentage points with its sign: +12,5 / −3,0 / 0,0. */
export function formatGap(value: number | null, lang: Lang, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return SUPPRESSED;
  const text = formatNumber(Math.abs(value), lang, decimals);
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

export type CountWords = { n: string; validN: string; missing: string };

/** "n = 89 · geldige n = 84 · ontbrekend = 5", the line under every chart. */
export function countsLine(table: Pick<ReportTable, 'n' | 'validN' | 'missing'> & { items?: ReportTable['items'] }, words: CountWords, lang: Lang): string {
  const statements = table.items?.filter((item) => item.distribution) ?? [];
  const pick = (own: (item: ReportTable['items'][number]) => number | null | undefined, whole: number | null) => {
    const values = statements.map((item) => own(item) ?? whole);
    return statements.length > 0 && values.every((v) => v !== null) ? range(values as number[], lang) : formatCount(statements.length > 0 ? null : whole, lang);
  };
  return [
    `${words.n} = ${pick((item) => item.n, table.n)}`,
    `${words.validN} = ${pick((item) => item.validN, table.validN)}`,
    `${words.missing} = ${pick((item) => item.missing, table.missing)}`,
  ].join(' · ');
}

export type TableRow = {
  code: string;
  label: string;
  count: string;
  percent: string;
  validN: string;
  ci: string;
  /** The count or the percentage is withheld: shown as "–" with the footnote. */
  suppressed: boolean;
};

const isSuppressed = (item: { count: number | null; percent: number | null; suppressed?: boolean; distribution?: unknown }) =>
  item.suppressed === true || (item.distribution === undefined && (item.count === null || item.percent === null));

/** The answer "no opinion" of a scale: in the table, not on the diverging bar. */
export const NO_OPINION = '_no_opinion';

/** The whole table is withheld: too few answers to show anything of it. */
export function isWithheld(table: ReportTable): boolean {
  if (table.tooFew === true) return true;
  return table.suppressed && table.items.every((item) => item.count === null && !item.distribution);
}

/** Decimals of one row: its own (a published presentation), else the table's, else the report's. */
export function decimalsOf(table: ReportTable, item: { decimals?: number } | undefined, fallback: number): number {
  return item?.decimals ?? table.decimals ?? fallback;
}

/** The rows of a question's data table, formatted; suppressed cells become "–", never 0. */
export function tableRows(table: ReportTable, lang: Lang, decimals = 1): TableRow[] {
  const withheld = isWithheld(table);
  return table.items.map((item) => {
    const suppressed = withheld || isSuppressed(item);
    const places = decimalsOf(table, item, decimals);
    return {
      code: item.code,
      label: item.label,
      count: withheld ? SUPPRESSED : formatCount(item.count, lang),
      percent: withheld ? SUPPRESSED : formatNumber(item.percent, lang, places),
      validN: formatCount(item.validN, lang),
      ci: !suppressed && item.ci ? `${formatNumber(item.ci[0], lang, places)}–${formatNumber(item.ci[1], lang, places)}` : SUPPRESSED,
      suppressed,
    };
  });
}

/** True when some figure of the table is withheld, so the footnote must be shown. */
export function hasSuppressed(table: ReportTable): boolean {
  return (
    table.suppressed ||
    table.items.some(isSuppressed) ||
    table.items.some((item) => item.distribution?.some((p) => p.count === null || p.percent === null) ?? false)
  );
}

/** Items answer each their own valid n (a checkbox grid with missing rows): the table then shows it per row. */
export function itemsHaveOwnValidN(table: ReportTable): boolean {
  return table.items.some((item) => item.validN !== table.validN);
}

export type ChartKind = 'bars' | 'histogram' | 'diverging' | 'none';

/** More values than this (a number question with many answers): the table tells it better than bars. */
const MAX_BARS = 30;

/** Which chart fits a question: bars for choices (and numbers), diverging bars for scales, none for text or a withheld table. */
export function chartKind(table: ReportTable): ChartKind {
  if (isWithheld(table) || table.items.length === 0) return 'none';
  switch (table.type) {
    case 'single':
    case 'multiple':
      return 'bars';
    case 'number':
      if (table.view === 'bins') return 'histogram';
      return table.items.length <= MAX_BARS ? 'bars' : 'none';
    case 'likert':
    case 'matrix':
      return 'diverging';
    default:
      return 'none';
  }
}

/** Rows of a horizontal bar chart: shown items with a percentage; suppressed ones keep their place with "–". */
export function barData(table: ReportTable, lang: Lang, decimals = 1): { label: string; percent: number | null; text: string }[] {
  return table.items.map((item) => ({ label: item.label, percent: item.percent, text: formatNumber(item.percent, lang, decimalsOf(table, item, decimals)) }));
}

export type Segment = { row: string; code: string; label: string; x1: number; x2: number; percent: number; text: string };

/**
 * A diverging bar: the lower half of the scale to the left of 0, the upper half to the right, the
 * middle point of an odd scale split over both sides. Suppressed points leave a gap, not a 0.
 */
export function divergingSegments(row: string, distribution: DistributionPoint[], lang: Lang, decimals = 1): Segment[] {
  const points = distribution.filter((point) => point.code !== NO_OPINION);
  const half = points.length / 2;
  const middle = points.length % 2 === 1 ? Math.floor(half) : -1;
  const lower = points.slice(0, Math.floor(half));
  const leftTotal = lower.reduce((sum, p) => sum + (p.percent ?? 0), 0) + (middle >= 0 ? (points[middle]?.percent ?? 0) / 2 : 0);
  const segments: Segment[] = [];
  let x = -leftTotal;
  for (const point of points) {
    if (point.percent === null) continue;
    segments.push({
      row,
      code: point.code,
      label: point.label,
      x1: x,
      x2: x + point.percent,
      percent: point.percent,
      text: formatNumber(point.percent, lang, decimals),
    });
    x += point.percent;
  }
  return segments;
}

/** The rows of a scale chart: a likert question is one row of its own points; a matrix has one row per statement. */
export function scaleRows(table: ReportTable): { row: string; points: DistributionPoint[] }[] {
  const withDistribution = table.items.filter((item): item is ReportItem & { distribution: DistributionPoint[] } => Array.isArray(item.distribution));
  if (withDistribution.length > 0) return withDistribution.map((item) => ({ row: item.label, points: item.distribution }));
  return [{ row: table.text, points: table.items.map((item) => ({ code: item.code, label: item.label, count: item.count, percent: item.percent })) }];
}

/** The answers of a scale table's columns, in order ("no opinion" last, when there). */
export function scalePoints(table: ReportTable): { code: string; label: string }[] {
  const first = scaleRows(table)[0];
  return first ? first.points.map(({ code, label }) => ({ code, label })) : [];
}

/** The points on the diverging bar and in its legend: the scale without "no opinion". */
export function chartPoints(table: ReportTable): { code: string; label: string }[] {
  return scalePoints(table).filter((point) => point.code !== NO_OPINION);
}

/**
 * The API gives a matrix as one table per statement (with the question's and the statement's text);
 * the dashboard shows the statements of one question together: one diverging bar per statement and
 * one table.
 */
export function mergeMatrices(tables: ReportTable[]): ReportTable[] {
  const merged: ReportTable[] = [];
  for (const table of tables) {
    if (table.type !== 'matrix' || !table.item || table.items.some((item) => item.distribution)) {
      merged.push(table);
      continue;
    }
    const row = {
      code: table.item,
      label: table.itemText ?? table.item,
      count: table.validN,
      validN: table.validN,
      percent: null,
      ci: null,
      n: table.n,
      missing: table.missing,
      suppressed: isWithheld(table),
      distribution: table.items.map((item) => ({ code: item.code, label: item.label, count: item.count, percent: item.percent })),
    };
    const last = merged.at(-1);
    if (last && last.type === 'matrix' && last.question === table.question && last.items.every((item) => item.distribution)) {
      last.items.push(row);
      // A withheld statement (null) withholds the merged figure too.
      last.n = last.n === null || table.n === null ? null : Math.max(last.n, table.n);
      last.validN = last.validN === null || table.validN === null ? null : Math.min(last.validN, table.validN);
      last.missing = last.missing === null || table.missing === null ? null : Math.max(last.missing, table.missing);
      last.suppressed ||= table.suppressed;
      for (const note of table.notes) if (!last.notes.includes(note)) last.notes.push(note);
      continue;
    }
    merged.push({ ...table, item: null, text: table.questionText, itemText: null, items: [row], scale: null, tooFew: false, notes: [...table.notes] });
  }
  return merged;
}

/** "84" or, for merged matrix statements with different figures, "84–85". */
function range(values: number[], lang: Lang): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? formatCount(low, lang) : `${formatCount(low, lang)}–${formatCount(high, lang)}`;
}

/** Colours for 2 to 7 scale points, from "not at all" (red) over grey to "fully" (teal). Each ≥ 3:1 against its neighbour or white. */
const SCALE_PALETTES: Record<number, string[]> = {
  2: ['#a3262b', '#0b6e69'],
  3: ['#a3262b', '#8c979c', '#0b6e69'],
  4: ['#a3262b', '#d9827a', '#5fa8a2', '#0b6e69'],
  5: ['#a3262b', '#d9827a', '#b9c2c6', '#5fa8a2', '#0b6e69'],
  6: ['#7f1d21', '#c2453f', '#e4a59e', '#8cc3be', '#2d8c86', '#08524e'],
  7: ['#7f1d21', '#c2453f', '#e4a59e', '#b9c2c6', '#8cc3be', '#2d8c86', '#08524e'],
};

export function scalePalette(count: number): string[] {
  const palette = SCALE_PALETTES[Math.min(Math.max(count, 2), 7)] ?? [];
  return Array.from({ length: count }, (_, i) => palette[Math.min(i, palette.length - 1)] ?? '#0b6e69');
}

/** The two groups of a comparison. */
export const GROUP_COLOURS = ['#0b6e69', '#7a4a9e'] as const;

/** A plain-language summary of the figures for the chart's text alternative. */
export function describeBars(table: ReportTable, lang: Lang, suppressedWord: string, decimals = 1): string {
  return table.items
    .map((item) => `${item.label}: ${item.percent === null ? suppressedWord : `${formatNumber(item.percent, lang, decimalsOf(table, item, decimals))} %`}`)
    .join('; ');
}

export function describeScale(table: ReportTable, lang: Lang, suppressedWord: string, decimals = 1): string {
  return scaleRows(table)
    .map(
      ({ row, points }) =>
        `${row}: ${points.map((p) => `${p.label} ${p.percent === null ? suppressedWord : `${formatNumber(p.percent, lang, decimals)} %`}`).join(', ')}`,
    )
    .join('; ');
}

// ---- comparisons --------------------------------------------------------------------------

const comparable = (item: CompareItem): item is CompareItem & { gap: number } => item.gap !== null && Number.isFinite(item.gap);

/** Where the perspectives differ most: largest absolute gap first, ties by question and label. */
export function rankGaps(items: CompareItem[], limit = 10): CompareItem[] {
  return items
    .filter(comparable)
    .sort((x, y) => Math.abs(y.gap) - Math.abs(x.gap) || x.question.localeCompare(y.question) || x.label.localeCompare(y.label))
    .slice(0, limit);
}

/** Where they agree: a gap of at most `within` percentage points, smallest first. */
export function agreements(items: CompareItem[], within = 5, limit = 10): CompareItem[] {
  return items
    .filter(comparable)
    .filter((item) => Math.abs(item.gap) <= within)
    .sort((x, y) => Math.abs(x.gap) - Math.abs(y.gap) || x.question.localeCompare(y.question) || x.label.localeCompare(y.label))
    .slice(0, limit);
}

/** Compared items grouped by question, in the order the questions first appear. */
export function groupByQuestion(items: CompareItem[]): { question: string; items: CompareItem[] }[] {
  const groups = new Map<string, CompareItem[]>();
  for (const item of items) {
    const list = groups.get(item.question);
    if (list) list.push(item);
    else groups.set(item.question, [item]);
  }
  return [...groups].map(([question, list]) => ({ question, items: list }));
}

/** Rows for grouped bars: per answer one bar for group A and one for group B. */
export function groupedBarData(items: CompareItem[], labels: { a: string; b: string }, lang: Lang, decimals = 1) {
  return items.flatMap((item) => [
    { label: item.label, group: labels.a, percent: item.aPercent, text: formatNumber(item.aPercent, lang, decimals) },
    { label: item.label, group: labels.b, percent: item.bPercent, text: formatNumber(item.bPercent, lang, decimals) },
  ]);
}

/** The effect size as a number (the API gives a number, or null when it is not worked out). */
export function effectValue(effect: CompareItem['effect'] | undefined): number | null {
  return effect ?? null;
}

// ---- files and URLs -----------------------------------------------------------------------

/** A safe file name from the question key: "rollen" → "rollen.svg"; with a suffix for filtered views. */
export function chartFileName(question: string, extension: 'svg' | 'png', prefix?: string): string {
  const clean = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const base = [prefix, question]
    .filter((part): part is string => Boolean(part))
    .map(clean)
    .filter(Boolean)
    .join('-');
  return `${base || 'grafiek'}.${extension}`;
}

/** Reads ?team=&sector=&filter=question:option; anything malformed is ignored. */
export function parseReportQuery(search: URLSearchParams): ReportQuery {
  const team = search.get('team')?.trim() || null;
  const sector = search.get('sector')?.trim() || null;
  const raw = search.get('filter')?.trim() ?? '';
  const colon = raw.indexOf(':');
  const filter = colon > 0 && colon < raw.length - 1 ? { question: raw.slice(0, colon), option: raw.slice(colon + 1) } : null;
  return { team, sector, filter };
}

/** The API's query string for a report with these filters. */
export function reportSearch(query: ReportQuery, lang: Lang): string {
  const params = new URLSearchParams();
  if (query.team) params.set('team', query.team);
  if (query.sector) params.set('sector', query.sector);
  if (query.filter) params.set('filter', `${query.filter.question}:${query.filter.option}`);
  params.set('lang', lang);
  return params.toString();
}

/** The page's own search params after the filter form: other params (a chosen comparison) stay. */
export function withReportQuery(current: URLSearchParams, query: ReportQuery): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of [
    ['team', query.team],
    ['sector', query.sector],
    ['filter', query.filter ? `${query.filter.question}:${query.filter.option}` : null],
  ] as const) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** Questions an answer filter can use: single and multiple choice with answers to pick. */
export function filterableQuestions(tables: ReportTable[]): { question: string; text: string; options: { code: string; label: string }[] }[] {
  return tables
    .filter((table) => (table.type === 'single' || table.type === 'multiple') && table.items.length > 0)
    .map((table) => ({ question: table.question, text: table.text, options: table.items.map(({ code, label }) => ({ code, label })) }));
}
