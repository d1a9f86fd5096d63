import * as z from 'zod';

/**
 * Frameworks are the seed's concepts as data: versioned code lists with Dutch and English labels.
 * Built-in ones live in code (builtin.shared.ts); an organisation's own ones are stored, one row per version.
 */
export const localisedText = z.object({ nl: z.string().min(1), en: z.string().min(1) });
export type LocalisedText = z.infer<typeof localisedText>;

export const frameworkKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(60);

export const frameworkCode = z.object({ key: frameworkKeySchema, label: localisedText, definition: localisedText, exclusive: z.boolean().optional() });
export type FrameworkCode = z.infer<typeof frameworkCode>;

export const framework = z.object({
  key: frameworkKeySchema,
  version: z.number().int().min(1),
  /** 'builtin', or the id of the organisation that owns it. */
  scope: z.union([z.literal('builtin'), z.uuid()]),
  name: localisedText,
  description: localisedText,
  codes: z.array(frameworkCode).min(1),
  /** Where the words come from (the seed deck's slide, a decree…), shown in the glossary. */
  sources: z.array(localisedText).optional(),
});
export type Framework = z.infer<typeof framework>;

/** What the API shows: a framework and, for an organisation's extension, the built-in key it extends. */
export const frameworkView = framework.extend({ extendsKey: frameworkKeySchema.nullable() });
export type FrameworkView = z.infer<typeof frameworkView>;
export const frameworkListView = z.object({ frameworks: z.array(frameworkView) });

export const MAX_CODES = 200;
const text = (max: number) => z.strictObject({ nl: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

export const frameworkCodeInput = z.strictObject({
  key: frameworkKeySchema,
  label: text(200),
  definition: text(1000),
  exclusive: z.boolean().optional(),
});

export const saveFrameworkInput = z.strictObject({
  key: frameworkKeySchema,
  name: text(200),
  description: text(2000),
  /** For an extension: only the organisation's own codes; the built-in ones are added by the service. */
  codes: z.array(frameworkCodeInput).min(1).max(MAX_CODES),
  extendsBuiltin: z.boolean().optional(),
});
export type SaveFrameworkInput = z.infer<typeof saveFrameworkInput>;

export const frameworkVersionParams = z.strictObject({
  orgId: z.uuid(),
  key: frameworkKeySchema,
  version: z.coerce.number().int().min(1).max(1_000_000),
});

/** The answers of this module's routes, for the web app (`import type`). */
export type FrameworkListView = z.infer<typeof frameworkListView>;
