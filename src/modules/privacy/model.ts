import * as z from 'zod';
import { languageSchema } from '../../core/language.ts';

export const erasureView = z.object({ erased: z.literal(true), formerMemberId: z.string(), photosDeleted: z.number().int() });

export const registerQuery = z.strictObject({ lang: languageSchema.optional() });
const activity = z.object({ key: z.string(), name: z.string(), data: z.string(), purpose: z.string(), retention: z.string(), whoSees: z.string() });
export const registerView = z.object({ title: z.string(), organisation: z.string(), intro: z.string(), activities: z.array(activity) });

export const erasureRequestView = z.object({ organisations: z.array(z.object({ id: z.string(), name: z.string() })) });

/** The answers of this module's routes, for the web app (`import type`). */
export type ErasureRequestView = z.infer<typeof erasureRequestView>;
export type ErasureView = z.infer<typeof erasureView>;
export type RegisterView = z.infer<typeof registerView>;
