import * as z from 'zod';
import { languageSchema } from '../../core/language.ts';
import { idSchema } from '../../core/schemas.ts';

/** The HTTP body may carry a file of about 9 MB (base64 makes it a third larger). */
export const IMPORT_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

const header = z.string().max(500);
const manyKeys = (max: number) => (record: Record<string, unknown>) => Object.keys(record).length <= max;

export const importMappingSchema = z.strictObject({
  columns: z.record(header, z.string().max(200).nullable()).refine(manyKeys(1000)),
  values: z
    .record(header, z.record(z.string().max(500), z.string().max(200)).refine(manyKeys(1000)))
    .refine(manyKeys(1000))
    .optional(),
  language: languageSchema.optional(),
  teamId: idSchema.optional(),
});

export const importInput = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64-encoded (what a browser's FileReader gives after the comma). */
  contentBase64: z
    .string()
    .min(1)
    .max(IMPORT_BODY_LIMIT_BYTES)
    .regex(/^[A-Za-z0-9+/=\r\n]+$/),
  format: z.enum(['csv', 'xlsx']).optional(),
  /** The worksheet of an .xlsx file to read; the first one when left out. */
  sheet: z.string().trim().min(1).max(100).optional(),
  mapping: importMappingSchema.optional(),
});
export type ImportInput = z.infer<typeof importInput>;

/** Committing needs the mapping the person checked in the preview. */
export const importCommitInput = importInput.extend({ mapping: importMappingSchema });

export const importProblemView = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

const answerRowView = z.object({
  question: z.string(),
  item: z.string().nullable(),
  option: z.string().nullable(),
  number: z.number().nullable(),
  text: z.string().nullable(),
});

export const importPreviewView = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  /** Every column of the file, with what the mapping links it to and what was proposed. */
  columns: z.array(z.object({ header: z.string(), target: z.string().nullable(), proposed: z.string().nullable() })),
  mapping: importMappingSchema,
  proposedMapping: importMappingSchema,
  /** What a column can be linked to, with the words of the questionnaire. */
  targets: z.array(z.object({ target: z.string(), label: z.string() })),
  /** The first rows as they would be stored (a row with a problem has no answers). */
  rows: z.array(
    z.object({
      row: z.number().int(),
      valid: z.boolean(),
      language: languageSchema.nullable(),
      startedOn: z.string().nullable(),
      submittedOn: z.string().nullable(),
      teamId: idSchema.nullable(),
      answers: z.array(answerRowView),
    }),
  ),
  counts: z.object({ rows: z.number().int(), valid: z.number().int(), invalid: z.number().int(), problems: z.number().int() }),
  /** At most 1,000; `problemCount` has them all. */
  problems: z.array(importProblemView),
  problemCount: z.number().int(),
});
export type ImportPreviewView = z.infer<typeof importPreviewView>;

export const importResultView = z.object({ roundId: idSchema, imported: z.number().int(), answers: z.number().int() });
export type ImportResultView = z.infer<typeof importResultView>;
