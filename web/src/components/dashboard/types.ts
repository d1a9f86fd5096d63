/**
 * The shapes of the report API (src/modules/analysis): GET …/rounds/:roundId/report and
 * GET …/reports/compare. Kept in the browser app so no server code reaches the bundle.
 */

export type Localised = { nl: string; en: string };

export type QuestionType = 'single' | 'multiple' | 'likert' | 'number' | 'matrix' | 'short_text' | 'long_text';

/** One point of a scale (or one answer) with its share; count and percent are null when suppressed. */
export type DistributionPoint = { code: string; label: string; count: number | null; percent: number | null };

export type ReportItem = {
  code: string;
  label: string;
  /** null: suppressed (too few answers to show), never 0. */
  count: number | null;
  /** null when the whole table is withheld. */
  validN: number | null;
  percent: number | null;
  /** 95% interval in percent, when the API gives one. */
  ci: [number, number] | null;
  /** Decimals of this row's percentage when they differ from the table's (a published presentation). */
  decimals?: number;
  suppressed?: boolean;
  /** Matrix statements merged into one table (mergeMatrices): the answers on the scale, in scale order. */
  distribution?: DistributionPoint[];
  /** Merged matrix statements: their own n and missing. */
  n?: number | null;
  missing?: number | null;
};

export type ScaleStats = {
  mean: number | null;
  median: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  q1?: number | null;
  q3?: number | null;
  noOpinion?: number | null;
};

export type ReportTable = {
  question: string;
  /** A matrix statement's key: the API gives one table per statement. */
  item?: string | null;
  section: string;
  type: QuestionType;
  /** The heading: the question, and for a matrix statement `question — statement`. */
  text: string;
  /** The parts of `text`: the question's own text, and the matrix statement's (null for any other table). */
  questionText: string;
  itemText: string | null;
  /** null: withheld, with the table (too few answers, or the group the question was asked to is hidden). */
  n: number | null;
  validN: number | null;
  missing: number | null;
  items: ReportItem[];
  /** Decimals of the percentages (default: the report's). */
  decimals?: number;
  view?: 'options' | 'combinations' | 'values' | 'bins';
  scale?: ScaleStats | null;
  /** Too few answers: the whole table is withheld. */
  tooFew?: boolean;
  /** Some figure of the table is withheld. */
  suppressed: boolean;
  notes: string[];
};

export type AppliedFilter = { kind: 'team'; team: string } | { kind: 'answer'; question: string; option: string };

export type Report = {
  round: { id: string; key: string; name: string; instrumentTitle: string; n: number | null; closesOn: string };
  disclosure: { threshold: number; suppressed: boolean; rule: Localised; unsuppressed: boolean };
  rounding: { decimals: number; rule: Localised };
  filters: { applied: AppliedFilter[]; n?: number | null; tooFew: boolean; message?: Localised | string };
  tables: ReportTable[];
};

export type CompareItem = {
  question: string;
  code: string;
  label: string;
  aPercent: number | null;
  bPercent: number | null;
  gap: number | null;
  effect: number | { measure: string; value: number } | null;
  suppressed?: boolean;
};

export type ScaleCompareItem = {
  question: string;
  item: string | null;
  label: string;
  aMean: number | null;
  bMean: number | null;
  gap: number | null;
  effect: number | null;
  suppressed?: boolean;
};

export type Comparison = {
  a: { roundId: string; key?: string; label: string; n: number | null };
  b: { roundId: string; key?: string; label: string; n: number | null };
  /** How the gap is computed, in the viewer's language. */
  definition?: string;
  items: CompareItem[];
  scales?: ScaleCompareItem[];
  largest: CompareItem[];
  notCompared?: string[];
};

/** What the dashboard URL asks for (?team=&sector=&filter=question:option). */
export type ReportQuery = { team: string | null; sector: string | null; filter: { question: string; option: string } | null };

/** GET …/rounds/:roundId/crosstab?rows=&cols= (src/modules/analysis/crosstab-service.ts). */
export type CrossTab = {
  disclosure: { threshold: number; suppressed: boolean };
  rows: { question: string; text: string };
  cols: { question: string; text: string };
  decimals: number;
  columns: { code: string; label: string }[];
  lines: {
    code: string;
    label: string;
    refused: boolean;
    message: string | null;
    validN: number | null;
    cells: { code: string; count: number | null; rowPercent: number | null; colPercent: number | null; suppressed: boolean }[];
  }[];
  colTotals: (number | null)[];
  total: number | null;
  test: {
    recommended: 'chi_square' | 'fisher_exact';
    chiSquare: { n: number; statistic: number; df: number; p: number; cramersV: number; warning: { level: string; text: string } | null; rule: string } | null;
    fisher: { p: number } | null;
  } | null;
  testNote: string | null;
  notes: string[];
};

/** GET …/rounds/:roundId/subgroup (src/modules/analysis/subgroup-service.ts). */
export type SubgroupComparison = {
  question: { key: string; text: string };
  subgroup: { n: number | null; refused: boolean; message: string | null };
  wholeN: number | null;
  items: {
    code: string;
    label: string;
    subgroup: { percent: number | null };
    whole: { percent: number | null };
    difference: number | null;
    ci: [number, number] | null;
  }[];
  definition: string;
};

/** GET …/rounds/:roundId/trend (src/modules/analysis/trend-service.ts). */
export type Trend = {
  question: { key: string; text: string };
  points: {
    round: { id: string; name: string; closesOn: string };
    n: number | null;
    tooFew: boolean;
    items: { code: string; label: string; percent: number | null }[];
  }[];
};
