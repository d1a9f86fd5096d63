/**
 * The stories and photovoice shapes: the types of src/modules/stories (types only). The value lists
 * are the browser's own, for its forms, checked against the server's types.
 */
import type { ConsentScope, ShowedKey, TagFramework } from '../../../../src/modules/stories/model.ts';

export type { Finding } from '../../../../src/modules/stories/anonymity.ts';
export type {
  ConsentScope,
  PhotoPeople,
  ReadableReflection as Reflection,
  ReadableStory as Story,
  ShowedKey,
  StoryListView as StoryList,
  StoryTags,
  TagFramework,
} from '../../../../src/modules/stories/model.ts';
export type { EntryView as ProjectEntry, ProjectSummary, ProjectView as Project } from '../../../../src/modules/stories/photovoice-model.ts';

export const consentScopes = ['private', 'team', 'organisation', 'research', 'public'] as const satisfies readonly ConsentScope[];
/** The frameworks the story form offers tags of (the marks are set elsewhere). */
export const tagFrameworks = ['knowledge_positions', 'logics', 'roles', 'themes'] as const satisfies readonly TagFramework[];
export const mediaChecklistKeys = ['polarisation', 'later_life', 'individualising', 'peer_contact'] as const;
export const showedKeys = ['see', 'happening', 'our_lives', 'why', 'educate', 'do'] as const satisfies readonly ShowedKey[];

export const photoUrl = (orgId: string, storyId: string) => `/api/orgs/${encodeURIComponent(orgId)}/stories/${encodeURIComponent(storyId)}/photo`;
export const storyPath = (orgId: string, storyId: string) => `/o/${orgId}/kruisbestuiving/verhalen/${storyId}`;

/** Wider than the team: the anonymity check is offered before sharing. */
export const widerThanTeam = (scope: ConsentScope) => scope === 'organisation' || scope === 'research' || scope === 'public';
