/**
 * The shapes of the report API (src/modules/analysis/model.ts): GET …/rounds/:roundId/report,
 * …/reports/compare, …/crosstab, …/subgroup and …/trend, as types only. The dashboard adds one
 * shape of its own: matrix statements merged into one table (mergeMatrices).
 */
import type { ComparisonView, ReportTableView, ReportView } from '../../../../src/modules/analysis/model.ts';

export type {
  ComparisonView as Comparison,
  CrossTabView as CrossTab,
  SubgroupView as SubgroupComparison,
  TrendView as Trend,
} from '../../../../src/modules/analysis/model.ts';
export type { QuestionType } from '../../../../src/modules/instruments/definition.ts';

/** One point of a scale (or one answer) with its share; count and percent are null when suppressed. */
export type DistributionPoint = { code: string; label: string; count: number | null; percent: number | null };

/** A row of a table as the API sends it, or a merged matrix statement (the dashboard's own). */
export type ReportItem = Omit<ReportTableView['items'][number], 'decimals' | 'suppressed'> & {
  decimals?: number;
  suppressed?: boolean;
  /** A merged matrix statement: the answers on the scale, in scale order, with its own n and missing. */
  distribution?: DistributionPoint[];
  n?: number | null;
  missing?: number | null;
};

export type ScaleStats = NonNullable<ReportTableView['scale']>;

/** A table as the API sends it, or matrix statements merged into one (then `item` is null and `scale` too). */
export type ReportTable = Omit<ReportTableView, 'items' | 'scale'> & { items: ReportItem[]; scale?: ScaleStats | null };

/** The report; its tables may have been merged by the dashboard. */
export type Report = Omit<ReportView, 'tables'> & { tables: ReportTable[] };
export type AppliedFilter = ReportView['filters']['applied'][number];
export type CompareItem = ComparisonView['items'][number];
export type ScaleCompareItem = ComparisonView['scales'][number];

/** What the dashboard URL asks for (?team=&sector=&filter=question:option). */
export type ReportQuery = { team: string | null; sector: string | null; filter: { question: string; option: string } | null };
