import * as z from 'zod';
import { languageSchema } from '../../core/language.ts';
import { idSchema } from '../../core/schemas.ts';

const localisedView = z.object({ nl: z.string(), en: z.string() });
/** `question:option`, e.g. `sector:ggz` or `rollen:brugfiguur`. */
const answerFilterSchema = z.string().regex(/^[a-z][a-z0-9_]*:[a-z0-9_]+$/);
const crossTabPairSchema = z.string().regex(/^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/);
const many = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === undefined ? undefined : [v].flat()), z.array(schema).max(5)).optional();

export const reportFileQuery = z.strictObject({ lang: languageSchema.optional(), compare: idSchema.optional(), crosstab: many(crossTabPairSchema) });
export const reportParams = z.strictObject({ orgId: idSchema, roundId: idSchema });
export const reportQuery = z.strictObject({
  team: idSchema.optional(),
  sector: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .optional(),
  filter: many(answerFilterSchema),
  /** `rows:cols`, e.g. `sector:betaald`: cross-tabs to add to the report. */
  crosstab: many(crossTabPairSchema),
  lang: languageSchema.optional(),
});

const reportItemView = z.object({
  code: z.string(),
  label: z.string(),
  count: z.number().int().nullable(),
  validN: z.number().int().nullable(),
  percent: z.number().nullable(),
  ci: z.tuple([z.number(), z.number()]).nullable(),
  decimals: z.number().int(),
  suppressed: z.boolean(),
});

const nullableNumber = z.number().nullable();
export const reportTableView = z.object({
  question: z.string(),
  item: z.string().nullable(),
  section: z.string(),
  type: z.string(),
  view: z.enum(['options', 'combinations', 'values', 'bins']),
  /** The heading: the question's text, and for a matrix statement `question — statement`. */
  text: z.string(),
  /** The question's own text, and the matrix statement's text (null for any other table). */
  questionText: z.string(),
  itemText: z.string().nullable(),
  n: z.number().int().nullable(),
  validN: z.number().int().nullable(),
  missing: z.number().int().nullable(),
  decimals: z.number().int(),
  items: z.array(reportItemView),
  scale: z
    .object({
      mean: nullableNumber,
      sd: nullableNumber,
      min: nullableNumber,
      q1: nullableNumber,
      median: nullableNumber,
      q3: nullableNumber,
      max: nullableNumber,
      noOpinion: nullableNumber,
    })
    .optional(),
  tooFew: z.boolean(),
  suppressed: z.boolean(),
  notes: z.array(z.string()),
});
export type ReportTableView = z.infer<typeof reportTableView>;

const disclosureView = z.object({ threshold: z.number().int(), suppressed: z.boolean(), unsuppressed: z.boolean(), rule: localisedView });

const reportRoundView = z.object({
  id: idSchema,
  key: z.string(),
  name: z.string(),
  instrumentTitle: z.string(),
  n: z.number().int().nullable(),
  closesOn: z.string(),
});

export const reportView = z.object({
  round: reportRoundView,
  disclosure: disclosureView,
  rounding: z.object({ decimals: z.number().int(), rule: localisedView }),
  filters: z.object({
    applied: z.array(
      z.union([z.object({ kind: z.literal('team'), team: z.string() }), z.object({ kind: z.literal('answer'), question: z.string(), option: z.string() })]),
    ),
    n: z.number().int().nullable(),
    tooFew: z.boolean(),
    message: z.string().optional(),
  }),
  tables: z.array(reportTableView),
});
export type ReportView = z.infer<typeof reportView>;

export const compareQuery = z.strictObject({ a: idSchema, b: idSchema });

const comparisonItemView = z.object({
  question: z.string(),
  code: z.string(),
  label: z.string(),
  aPercent: nullableNumber,
  bPercent: nullableNumber,
  gap: nullableNumber,
  effect: nullableNumber,
  suppressed: z.boolean(),
});
const sideView = z.object({ roundId: idSchema, key: z.string(), label: z.string(), n: z.number().int().nullable() });
export const comparisonView = z.object({
  a: sideView,
  b: sideView,
  definition: z.string(),
  disclosure: disclosureView,
  items: z.array(comparisonItemView),
  scales: z.array(
    z.object({
      question: z.string(),
      item: z.string().nullable(),
      label: z.string(),
      aMean: nullableNumber,
      bMean: nullableNumber,
      gap: nullableNumber,
      effect: nullableNumber,
      suppressed: z.boolean(),
    }),
  ),
  largest: z.array(comparisonItemView),
  notCompared: z.array(z.string()),
});
export type ComparisonView = z.infer<typeof comparisonView>;

const questionKeySchema = z.string().regex(/^[a-z][a-z0-9_]*$/);
export const crossTabQuery = z.strictObject({ rows: questionKeySchema, cols: questionKeySchema, team: idSchema.optional(), lang: languageSchema.optional() });

const crossTabCellView = z.object({ code: z.string(), count: nullableNumber, rowPercent: nullableNumber, colPercent: nullableNumber, suppressed: z.boolean() });
const questionRefView = z.object({ question: z.string(), text: z.string(), type: z.string() });
export const crossTabView = z.object({
  round: z.object({ id: idSchema, key: z.string(), name: z.string() }),
  disclosure: disclosureView,
  team: idSchema.nullable(),
  rows: questionRefView,
  cols: questionRefView,
  decimals: z.number().int(),
  columns: z.array(z.object({ code: z.string(), label: z.string() })),
  lines: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      refused: z.boolean(),
      message: z.string().nullable(),
      validN: nullableNumber,
      cells: z.array(crossTabCellView),
    }),
  ),
  colTotals: z.array(nullableNumber),
  total: nullableNumber,
  test: z
    .object({
      recommended: z.enum(['chi_square', 'fisher_exact']),
      chiSquare: z
        .object({
          n: z.number().int(),
          statistic: z.number(),
          df: z.number().int(),
          p: z.number(),
          cramersV: z.number(),
          minExpected: z.number(),
          cellsBelow5: z.number().int(),
          cells: z.number().int(),
          warning: z.object({ level: z.enum(['caution', 'unreliable']), text: z.string() }).nullable(),
          rule: z.string(),
        })
        .nullable(),
      fisher: z.object({ p: z.number() }).nullable(),
    })
    .nullable(),
  testNote: z.string().nullable(),
  notes: z.array(z.string()),
});
export type CrossTabView = z.infer<typeof crossTabView>;

/** The report with the cross-tabs asked for (`crosstab=rows:cols`). */
export const reportWithCrossTabsView = reportView.extend({ crossTabs: z.array(crossTabView).optional() });

export const subgroupQuery = z.strictObject({
  question: questionKeySchema,
  team: idSchema.optional(),
  filter: answerFilterSchema.optional(),
  lang: languageSchema.optional(),
});
const subgroupSideView = z.object({ count: nullableNumber, validN: nullableNumber, percent: nullableNumber });
export const subgroupView = z.object({
  round: reportRoundView,
  disclosure: disclosureView,
  question: z.object({ key: z.string(), text: z.string() }),
  subgroup: z.object({ team: idSchema.nullable(), filter: z.string().nullable(), n: nullableNumber, refused: z.boolean(), message: z.string().nullable() }),
  wholeN: nullableNumber,
  items: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      subgroup: subgroupSideView,
      whole: subgroupSideView,
      difference: nullableNumber,
      ci: z.tuple([z.number(), z.number()]).nullable(),
      suppressed: z.boolean(),
    }),
  ),
  definition: z.string(),
});
export type SubgroupView = z.infer<typeof subgroupView>;

export const trendQuery = z.strictObject({ question: questionKeySchema, lang: languageSchema.optional() });
export const trendView = z.object({
  question: z.object({ key: z.string(), text: z.string() }),
  disclosure: disclosureView,
  points: z.array(
    z.object({
      round: z.object({ id: idSchema, key: z.string(), name: z.string(), closesOn: z.string() }),
      n: nullableNumber,
      validN: nullableNumber,
      tooFew: z.boolean(),
      items: z.array(
        z.object({
          code: z.string(),
          label: z.string(),
          count: nullableNumber,
          percent: nullableNumber,
          ci: z.tuple([z.number(), z.number()]).nullable(),
          suppressed: z.boolean(),
        }),
      ),
      mean: nullableNumber,
    }),
  ),
});

/** The answers of this module's routes, for the web app (`import type`). */
export type ReportWithCrossTabsView = z.infer<typeof reportWithCrossTabsView>;
export type TrendView = z.infer<typeof trendView>;
