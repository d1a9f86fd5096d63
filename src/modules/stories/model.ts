import * as z from 'zod';
import { idSchema } from '../../core/schemas.ts';
import { positionSchema, sectorSchema } from '../organisations/model.ts';

/**
 * Consent scopes, from narrow to wide. A wider scope includes the narrower ones: a story shared
 * for research can also be read in the organisation; a public story also serves research.
 */
export const consentScopes = ['private', 'team', 'organisation', 'research', 'public'] as const;
export const consentScopeSchema = z.enum(consentScopes);
export type ConsentScope = z.infer<typeof consentScopeSchema>;

/** Why a story is read: in the app, for research (anonymised), or in a public exhibition. */
export const readPurposes = ['view', 'research', 'exhibition'] as const;
export type ReadPurpose = (typeof readPurposes)[number];

/** The frameworks a story can be tagged with (keys of src/modules/frameworks). */
export const tagFrameworks = ['knowledge_positions', 'logics', 'roles', 'themes', 'experiential_knowledge_marks'] as const;
export type TagFramework = (typeof tagFrameworks)[number];
export type StoryTags = Record<TagFramework, string[]>;

const codeList = z
  .array(
    z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(60),
  )
  .max(40);
export const storyTagsInput = z.strictObject({
  knowledge_positions: codeList.default([]),
  logics: codeList.default([]),
  roles: codeList.default([]),
  themes: codeList.default([]),
  experiential_knowledge_marks: codeList.default([]),
});

/** The seed's media slide: what must be talked through before a story is used in public. */
export const mediaChecklistKeys = ['polarisation', 'later_life', 'individualising', 'peer_contact'] as const;
export type MediaChecklistKey = (typeof mediaChecklistKeys)[number];
export const mediaChecklistInput = z.strictObject({
  polarisation: z.literal(true),
  later_life: z.literal(true),
  individualising: z.literal(true),
  peer_contact: z.literal(true),
  /** What the author wants to keep in mind, in their own words (optional). */
  note: z.string().trim().max(2000).optional(),
});
export type MediaChecklistInput = z.infer<typeof mediaChecklistInput>;

/** Whether people can be recognised on a photo, as the author states it. */
export const photoPeopleValues = ['nobody_recognisable', 'consent_recorded'] as const;
export const photoPeopleSchema = z.enum(photoPeopleValues);
export type PhotoPeople = z.infer<typeof photoPeopleSchema>;

/** SHOWeD (Wang): the questions that guide reflection on a photo. */
export const showedKeys = ['see', 'happening', 'our_lives', 'why', 'educate', 'do'] as const;
export type ShowedKey = (typeof showedKeys)[number];
const showedAnswer = z.string().trim().max(2000).optional();
export const showedInput = z.strictObject({
  see: showedAnswer,
  happening: showedAnswer,
  our_lives: showedAnswer,
  why: showedAnswer,
  educate: showedAnswer,
  do: showedAnswer,
});
export type ShowedAnswers = Partial<Record<ShowedKey, string>>;

export const storyParams = z.strictObject({ orgId: idSchema, storyId: idSchema });
export const storyLinkParams = z.strictObject({ orgId: idSchema, storyId: idSchema, otherId: idSchema });
export const reflectionParams = z.strictObject({ orgId: idSchema, storyId: idSchema, reflectionId: idSchema });

const title = z.string().trim().min(1).max(200);
const longText = z.string().trim().max(20_000);
const caption = z.string().trim().max(1000);
const pseudonym = z.string().trim().min(1).max(60);

export const createStoryInput = z.strictObject({
  title,
  text: longText.optional(),
  caption: caption.optional(),
  pseudonym: pseudonym.optional(),
  teamId: idSchema.optional(),
  /** 'public' is not possible here: it needs the second step with the media checklist. */
  scope: z.enum(['private', 'team', 'organisation', 'research']).default('private'),
  tags: storyTagsInput.optional(),
});
export type CreateStoryInput = z.infer<typeof createStoryInput>;

export const updateStoryInput = z.strictObject({
  title: title.optional(),
  text: longText.nullable().optional(),
  caption: caption.nullable().optional(),
  pseudonym: pseudonym.nullable().optional(),
  tags: storyTagsInput.optional(),
  photoAlt: z.string().trim().max(500).nullable().optional(),
  photoPeople: photoPeopleSchema.optional(),
});
export type UpdateStoryInput = z.infer<typeof updateStoryInput>;

export const changeScopeInput = z.strictObject({
  scope: consentScopeSchema,
  /** Required (all four answered) when scope is 'public'. */
  mediaChecklist: mediaChecklistInput.optional(),
});
export type ChangeScopeInput = z.infer<typeof changeScopeInput>;

export const reflectionInput = z.strictObject({
  text: z.string().trim().min(1).max(10_000),
  showed: showedInput.optional(),
  researchConsent: z.boolean().default(false),
});
export type ReflectionInput = z.infer<typeof reflectionInput>;

export const anonymityCheckInput = z.strictObject({ text: z.string().max(40_000) });

export const photoView = z.object({
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  alt: z.string().nullable(),
  people: photoPeopleSchema.nullable(),
});

/**
 * A story as a reader may see it. `author` is null when the story is read anonymised (research,
 * exhibition). Only the day is given, no time.
 */
export const readableStorySchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  teamId: idSchema.nullable(),
  teamName: z.string().nullable(),
  sector: sectorSchema,
  author: z.object({ userId: idSchema, displayName: z.string() }).nullable(),
  /** The author's team position when the story was shared. */
  authorPosition: positionSchema.nullable(),
  isOwn: z.boolean(),
  title: z.string(),
  text: z.string().nullable(),
  caption: z.string().nullable(),
  pseudonym: z.string().nullable(),
  scope: consentScopeSchema,
  withdrawn: z.boolean(),
  mediaChecklistRecorded: z.boolean(),
  tags: z.object({
    knowledge_positions: z.array(z.string()),
    logics: z.array(z.string()),
    roles: z.array(z.string()),
    themes: z.array(z.string()),
    experiential_knowledge_marks: z.array(z.string()),
  }),
  photo: photoView.nullable(),
  /** Only links whose other end this reader may read for the same purpose. */
  linkedStoryIds: z.array(idSchema),
  createdOn: z.string(),
});
export type ReadableStory = z.infer<typeof readableStorySchema>;

export const readableReflectionSchema = z.object({
  id: idSchema,
  storyId: idSchema,
  author: z.object({ userId: idSchema, displayName: z.string() }).nullable(),
  isOwn: z.boolean(),
  position: positionSchema.nullable(),
  text: z.string(),
  showed: z.record(z.string(), z.string()),
  researchConsent: z.boolean(),
  createdOn: z.string(),
});
export type ReadableReflection = z.infer<typeof readableReflectionSchema>;

export const storyListView = z.object({ stories: z.array(readableStorySchema) });
/** GET …/stories: the stories and the photo limits the upload form shows. */
export const storyListResponse = z.object({
  stories: z.array(readableStorySchema),
  limits: z.object({ photoMaxBytes: z.number().int(), photoMaxDimension: z.number().int() }),
});
export type StoryListResponse = z.infer<typeof storyListResponse>;
export const reflectionListView = z.object({ reflections: z.array(readableReflectionSchema) });
