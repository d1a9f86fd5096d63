import * as z from 'zod';
import { idSchema } from '../../core/schemas.ts';
import { readableStorySchema } from './model.ts';

export const photovoiceStatuses = ['collecting', 'selecting', 'exhibited'] as const;
export const photovoiceStatusSchema = z.enum(photovoiceStatuses);
export type PhotovoiceStatus = z.infer<typeof photovoiceStatusSchema>;

export const projectParams = z.strictObject({ orgId: idSchema, projectId: idSchema });
export const entryParams = z.strictObject({ orgId: idSchema, projectId: idSchema, storyId: idSchema });

const themeCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(60);

export const createProjectInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  theme: z.string().trim().min(1).max(500),
  themeCode: themeCode.optional(),
  description: z.string().trim().max(4000).optional(),
  teamId: idSchema.optional(),
});
export type CreateProjectInput = z.infer<typeof createProjectInput>;

export const updateProjectInput = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  theme: z.string().trim().min(1).max(500).optional(),
  themeCode: themeCode.nullable().optional(),
  description: z.string().trim().max(4000).nullable().optional(),
  status: z.enum(['collecting', 'selecting']).optional(),
  exhibitionIntro: z.string().trim().max(4000).nullable().optional(),
});
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const addEntryInput = z.strictObject({ storyId: idSchema });

export const updateEntryInput = z.strictObject({
  selected: z.boolean().optional(),
  groupCaption: z.string().trim().max(1000).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateEntryInput = z.infer<typeof updateEntryInput>;

export const projectSummaryView = z.object({
  id: idSchema,
  title: z.string(),
  theme: z.string(),
  themeCode: z.string().nullable(),
  description: z.string().nullable(),
  teamId: idSchema.nullable(),
  status: photovoiceStatusSchema,
  facilitator: z.object({ userId: idSchema, displayName: z.string() }).nullable(),
  isFacilitator: z.boolean(),
  exhibitionPath: z.string().nullable(),
  createdOn: z.string(),
});
export type ProjectSummary = z.infer<typeof projectSummaryView>;

export const entryView = z.object({
  story: readableStorySchema,
  addedOn: z.string(),
  selected: z.boolean(),
  groupCaption: z.string().nullable(),
  sortOrder: z.number().int(),
  /** The story may appear in the exhibition: public consent with the media checklist. */
  publicReady: z.boolean(),
});
export type EntryView = z.infer<typeof entryView>;

export const projectView = projectSummaryView.extend({
  exhibitionIntro: z.string().nullable(),
  entries: z.array(entryView),
  /** Selected entries hidden from this reader (not readable for them), counted but not shown. */
  hiddenSelectedCount: z.number().int(),
});
export type ProjectView = z.infer<typeof projectView>;
export const projectListView = z.object({ projects: z.array(projectSummaryView) });

export type ExhibitionItem = {
  storyId: string;
  title: string;
  caption: string | null;
  text: string | null;
  pseudonym: string | null;
  photo: { width: number; height: number; alt: string | null } | null;
};
export type Exhibition = {
  slug: string;
  organisationId: string;
  organisationName: string;
  title: string;
  theme: string;
  intro: string | null;
  items: ExhibitionItem[];
};

/** The answers of this module's routes, for the web app (`import type`). */
export type ProjectListView = z.infer<typeof projectListView>;
