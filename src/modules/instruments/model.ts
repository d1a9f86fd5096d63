import * as z from 'zod';
import { idSchema } from '../../core/schemas.ts';
import { builtinInstruments } from './builtin/cocreatie-in-beeld.ts';
import { instrumentKeySchema, limits } from './definition.ts';

/** The API's shapes for instruments. The definition format itself is in definition.ts. */

const titleSchema = z.strictObject({ nl: z.string().trim().min(1).max(limits.title), en: z.string().trim().max(limits.title) });
const localisedView = z.object({ nl: z.string(), en: z.string() });

export const builtinInstrumentKeys = builtinInstruments.map((i) => i.key) as [string, ...string[]];

export const instrumentParams = z.strictObject({ orgId: idSchema, instrumentId: idSchema });
export const instrumentVersionParams = instrumentParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) });

/** A new, empty instrument, or a copy of a built-in form (optionally under another key and title). */
export const createInstrumentInput = z.union([
  z.strictObject({ key: instrumentKeySchema, title: titleSchema }),
  z.strictObject({ copyOf: z.enum(builtinInstrumentKeys), key: instrumentKeySchema.optional(), title: titleSchema.optional() }),
]);
export type CreateInstrumentInput = z.infer<typeof createInstrumentInput>;

/** The definition is checked by the service, so every problem comes back with its place and a plain message. */
export const saveDraftInput = z.strictObject({ definition: z.unknown() });

export const versionStatusSchema = z.enum(['draft', 'published']);

export const versionSummaryView = z.object({
  id: idSchema,
  version: z.number().int(),
  status: versionStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type VersionSummaryView = z.infer<typeof versionSummaryView>;

export const versionView = versionSummaryView.extend({
  instrumentId: idSchema,
  /** The InstrumentDefinition as saved (see definition.ts). */
  definition: z.record(z.string(), z.unknown()),
  /** For a published version: the definition with framework options written out, as respondents see it. */
  resolved: z.record(z.string(), z.unknown()).nullable(),
});
export type VersionView = z.infer<typeof versionView>;

export const instrumentDetailView = z.object({
  id: idSchema,
  key: z.string(),
  title: localisedView,
  createdAt: z.string(),
  versions: z.array(versionSummaryView),
});
export type InstrumentDetailView = z.infer<typeof instrumentDetailView>;

/** One line in the list: an organisation's instrument (with its latest published version and its draft), or a built-in form. */
export const instrumentListItemView = z.object({
  builtin: z.boolean(),
  id: idSchema.nullable(),
  key: z.string(),
  title: localisedView,
  published: z.object({ id: idSchema, version: z.number().int(), publishedAt: z.string() }).nullable(),
  draft: z.object({ id: idSchema, version: z.number().int(), updatedAt: z.string() }).nullable(),
});
export type InstrumentListItemView = z.infer<typeof instrumentListItemView>;
export const instrumentListView = z.object({ instruments: z.array(instrumentListItemView) });

export const builtinInstrumentView = z.object({
  key: z.string(),
  title: localisedView,
  definition: z.record(z.string(), z.unknown()),
  resolved: z.record(z.string(), z.unknown()),
});
export type BuiltinInstrumentView = z.infer<typeof builtinInstrumentView>;
export const builtinInstrumentListView = z.object({ instruments: z.array(builtinInstrumentView) });

/** The answers of this module's routes, for the web app (`import type`). */
export type BuiltinInstrumentListView = z.infer<typeof builtinInstrumentListView>;
export type InstrumentListView = z.infer<typeof instrumentListView>;
