/** Kysely table types of the stories module (stories, tags, links, reflections, photovoice). */

export interface StoryTable {
  id: string;
  organisation_id: string;
  /** The author's team the story belongs to; needed for the 'team' scope. */
  team_id: string | null;
  author_user_id: string;
  /** The author's team position in that team when the story was shared (organisations/model.ts positions). */
  author_position: string | null;
  title: string;
  body: string | null;
  caption: string | null;
  pseudonym: string | null;
  /** ConsentScope: private | team | organisation | research | public. */
  scope: string;
  scope_changed_at: string;
  /** JSON MediaChecklist, required before the scope can be 'public'. */
  media_checklist: string | null;
  media_checklist_at: string | null;
  /** Set when the author withdrew the story; it is then readable by the author only. */
  withdrawn_at: string | null;
  /** Key in the photo storage (disk or object store), never a path chosen by a user. */
  photo_key: string | null;
  photo_width: number | null;
  photo_height: number | null;
  photo_bytes: number | null;
  photo_alt: string | null;
  /** PhotoPeople: nobody_recognisable | consent_recorded. */
  photo_people: string | null;
  /** The day only (YYYY-MM-DD): what readers are shown. */
  created_on: string;
  created_at: string;
  updated_at: string;
}

export interface StoryTagTable {
  story_id: string;
  /** A framework key: knowledge_positions, logics, roles, themes or experiential_knowledge_marks. */
  framework: string;
  code: string;
}

/** An undirected link, stored once with story_a < story_b. */
export interface StoryLinkTable {
  organisation_id: string;
  story_a: string;
  story_b: string;
  created_by: string | null;
  created_at: string;
}

export interface StoryReflectionTable {
  id: string;
  story_id: string;
  organisation_id: string;
  author_user_id: string;
  /** The reflecting person's team position (practitioner, coordinator, policy_officer, experience_worker) or null. */
  position: string | null;
  body: string;
  /** JSON of the SHOWeD answers, or null. */
  showed: string | null;
  /** 1 when the person agrees that the reflection (without their name) is used in research. */
  research_consent: number;
  created_on: string;
  created_at: string;
}

export interface PhotovoiceProjectTable {
  id: string;
  organisation_id: string;
  team_id: string | null;
  facilitator_user_id: string | null;
  title: string;
  theme: string;
  /** A code of the 'themes' framework, or null. */
  theme_code: string | null;
  description: string | null;
  /** collecting | selecting | exhibited */
  status: string;
  /** Random address part of the public exhibition; null until published. */
  exhibition_slug: string | null;
  exhibition_intro: string | null;
  published_at: string | null;
  created_at: string;
}

export interface PhotovoiceEntryTable {
  project_id: string;
  story_id: string;
  added_by: string | null;
  added_at: string;
  selected: number;
  group_caption: string | null;
  sort_order: number;
}

export interface StoriesTables {
  stories: StoryTable;
  story_tags: StoryTagTable;
  story_links: StoryLinkTable;
  story_reflections: StoryReflectionTable;
  photovoice_projects: PhotovoiceProjectTable;
  photovoice_entries: PhotovoiceEntryTable;
}
