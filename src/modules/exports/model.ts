import * as z from 'zod';
import { languageSchema } from '../../core/language.ts';

export const exportFormats = ['sav', 'xlsx', 'csv', 'json', 'r'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

export const exportQuery = z.strictObject({
  format: z.enum(exportFormats),
  lang: languageSchema.optional(),
  /** `;` separators, decimal commas and a byte order mark, for Excel set to Dutch. */
  dutchExcel: flag,
  /** `rows:cols` (e.g. `sector:betaald`): cross-tabs added to the tables export. */
  crosstab: z.preprocess((v) => (v === undefined ? undefined : [v].flat()), z.array(z.string().regex(/^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/)).max(5)).optional(),
});
