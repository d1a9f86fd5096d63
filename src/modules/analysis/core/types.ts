/**
 * Types of the pure analysis core. Inputs are aggregates (counts from SQL GROUP BY), never raw
 * answers, so analysis scales with the database. Every result carries its figures exact and
 * rounded, and states the rounding rule it used.
 */

/** A text in both languages of the app, Dutch first. */
export type Localised = { nl: string; en: string };

/** Half up = half away from zero: 2.45 → 2.5 and −2.45 → −2.5. */
export type RoundingRule = { rule: 'half_up'; decimals: number; text: Localised };

export type AnalysisOptions = {
  /** Decimals for percentages, means and percentage-point gaps (default 1). */
  decimals?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidence?: number;
};

// ---- inputs -------------------------------------------------------------------------------

export type OptionCount = {
  key: string;
  count: number;
  /** This option's own valid n when it differs from the question's (e.g. a checkbox grid with missing rows). */
  answered?: number;
};

export type ChoiceCounts = {
  question: string;
  multiple: boolean;
  options: OptionCount[];
  /** Respondents who answered the item (valid n). */
  answered: number;
  /** Respondents shown the item; missing = eligible − answered. */
  eligible: number;
  /** Options that are chosen alone ("none of these"); only meaningful for multiple-response questions. */
  exclusive?: string[];
};

export type ScaleCounts = {
  question: string;
  item?: string;
  values: { value: number; count: number }[];
  noOpinion: number;
  /** Respondents shown the item; missing = eligible − valid n − no opinion. */
  eligible: number;
};

export type CrossCounts = { rows: string[]; cols: string[]; counts: number[][] };

/** The aggregates of one group or one round, matched to another by question (and item) key. */
export type ItemSet = { choices: ChoiceCounts[]; scales: ScaleCounts[] };

// ---- results ------------------------------------------------------------------------------

/** Bounds in percent (0–100), exact and rounded. */
export type Interval = { method: 'wilson'; level: number; lower: number; upper: number; lowerExact: number; upperExact: number };

export type FrequencyRow = {
  key: string;
  count: number;
  /** The denominator of `percent`: the item's valid n, or this option's own valid n. */
  validN: number;
  missing: number;
  /** Percent of valid n (for multiple response: percent of cases); null when valid n is 0. */
  percent: number | null;
  percentExact: number | null;
  interval: Interval | null;
  exclusive: boolean;
  /** Multiple response only: percent of all responses given; null for exclusive options and single choice. */
  percentOfResponses: number | null;
  percentOfResponsesExact: number | null;
};

export type FrequencyResult = {
  kind: 'single' | 'multiple';
  question: string;
  eligible: number;
  validN: number;
  missing: number;
  rows: FrequencyRow[];
  /** Multiple response: number of non-exclusive choices made (the denominator of percent of responses). */
  responses: number | null;
  /** Multiple response: responses per case, exact and rounded. */
  responsesPerCase: number | null;
  responsesPerCaseExact: number | null;
  rounding: RoundingRule;
};

/** Percent of valid n; null when valid n is 0. */
export type ScaleRow = { value: number; count: number; percent: number | null; percentExact: number | null };

/** Descriptives; null when nobody gave a value on the scale. */
export type ScaleStats = { mean: number; sd: number | null; min: number; median: number; q1: number; q3: number; max: number };

export type ScaleResult = {
  question: string;
  item: string | null;
  eligible: number;
  /** Respondents with a value on the scale (no opinion and missing excluded). */
  validN: number;
  noOpinion: number;
  missing: number;
  distribution: ScaleRow[];
  stats: ScaleStats | null;
  statsExact: ScaleStats | null;
  /** Quartiles interpolate linearly between ranks (R type 7, Excel QUARTILE.INC). */
  quantileMethod: 'linear_type7';
  rounding: RoundingRule;
};

export type CrossCell = {
  count: number;
  /** Percentages are null when their margin is 0. */
  rowPercent: number | null;
  rowPercentExact: number | null;
  colPercent: number | null;
  colPercentExact: number | null;
  totalPercent: number | null;
  totalPercentExact: number | null;
};

export type CrossTabResult = {
  rows: string[];
  cols: string[];
  cells: CrossCell[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
  rounding: RoundingRule;
};

export type SmallExpectedWarning = {
  /** caution: some expected counts below 5; unreliable: Cochran's rule broken (> 20% below 5, or any below 1). */
  level: 'caution' | 'unreliable';
  text: Localised;
};

export type ChiSquareResult = {
  test: 'chi_square';
  n: number;
  statistic: number;
  statisticExact: number;
  df: number;
  p: number;
  pExact: number;
  /** Expected counts under independence, for the rows and columns kept (exact). */
  expected: number[][];
  minExpected: number;
  cellsBelow5: number;
  cells: number;
  warning: SmallExpectedWarning | null;
  /** The small-expected-count rule, in words. */
  rule: Localised;
  /** Rows or columns without any count are left out: they carry no information and make expected counts 0. */
  droppedRows: string[];
  droppedCols: string[];
  cramersV: number;
  cramersVExact: number;
  rounding: RoundingRule;
  pRounding: RoundingRule;
};

export type FisherResult = { test: 'fisher_exact'; alternative: 'two_sided'; p: number; pExact: number; pRounding: RoundingRule };

export type IndependenceResult = { chiSquare: ChiSquareResult | null; fisher: FisherResult | null };

export type Effect = { measure: 'cramers_v' | 'cohens_d'; value: number; exact: number };

export type ChoiceSide = { count: number; validN: number; percent: number; percentExact: number };
export type ScaleSide = { validN: number; mean: number; meanExact: number; sd: number | null; sdExact: number | null };

/** Gap = a − b in percentage points (groups) or b − a (rounds: change from A to B). */
export type ChoiceGap = {
  kind: 'choice';
  question: string;
  option: string;
  a: ChoiceSide;
  b: ChoiceSide;
  gap: number;
  gapExact: number;
  effect: Effect | null;
};
export type ScaleGap = {
  kind: 'scale';
  question: string;
  item: string | null;
  a: ScaleSide;
  b: ScaleSide;
  gap: number;
  gapExact: number;
  effect: Effect | null;
};

export type ComparisonResult = {
  kind: 'groups' | 'rounds';
  labels: { a: Localised; b: Localised };
  definition: Localised;
  /** Sorted by absolute gap, largest first: the items where the perspectives (or rounds) differ most. */
  choiceGaps: ChoiceGap[];
  scaleGaps: ScaleGap[];
  /** Single-choice questions: Cramér's V over all options (group × option). */
  questionEffects: { question: string; effect: Effect | null }[];
  /** Questions, options or items found in only one of the two sets, or without valid answers in one. */
  notCompared: string[];
  rounding: RoundingRule;
  effectRounding: RoundingRule;
};

// ---- disclosure control -------------------------------------------------------------------

export type Suppression = 'primary' | 'secondary' | null;
export type DisclosureRule = 'too_few' | 'primary' | 'secondary';
export type DisclosedCount = { count: number | null; suppressed: Suppression };
export type DisclosedCell = DisclosedCount & { key: string };

export type DisclosedTable = {
  k: number;
  /** The whole table is replaced by `placeholder`: "te weinig antwoorden" / "too few answers". */
  tooFew: boolean;
  placeholder: Localised | null;
  total: DisclosedCount;
  cells: DisclosedCell[];
  rules: DisclosureRule[];
  explanation: Localised[];
};

export type DisclosedCrossTable = {
  k: number;
  tooFew: boolean;
  placeholder: Localised | null;
  total: DisclosedCount;
  cells: DisclosedCount[][];
  rowTotals: DisclosedCount[];
  colTotals: DisclosedCount[];
  rules: DisclosureRule[];
  explanation: Localised[];
};

export type FilterDecision = { allowed: boolean; reason: 'too_few' | 'complement_too_small' | null; k: number; message: Localised | null };
