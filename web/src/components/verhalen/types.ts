import type { Position, Sector } from '../../types.ts';

/** Mirrors src/modules/stories/model.ts (the browser never imports server code). */
export const consentScopes = ['private', 'team', 'organisation', 'research', 'public'] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const tagFrameworks = ['knowledge_positions', 'logics', 'roles', 'themes'] as const;
export type TagFramework = (typeof tagFrameworks)[number] | 'experiential_knowledge_marks';
export type StoryTags = Record<TagFramework, string[]>;

export const mediaChecklistKeys = ['polarisation', 'later_life', 'individualising', 'peer_contact'] as const;
export const showedKeys = ['see', 'happening', 'our_lives', 'why', 'educate', 'do'] as const;
export type ShowedKey = (typeof showedKeys)[number];
export type PhotoPeople = 'nobody_recognisable' | 'consent_recorded';

export type Story = {
  id: string;
  organisationId: string;
  teamId: string | null;
  teamName: string | null;
  sector: Sector;
  author: { userId: string; displayName: string } | null;
  authorPosition: Position | null;
  isOwn: boolean;
  title: string;
  text: string | null;
  caption: string | null;
  pseudonym: string | null;
  scope: ConsentScope;
  withdrawn: boolean;
  mediaChecklistRecorded: boolean;
  tags: StoryTags;
  photo: { width: number; height: number; bytes: number; alt: string | null; people: PhotoPeople | null } | null;
  linkedStoryIds: string[];
  createdOn: string;
};
export type StoryList = { stories: Story[]; limits: { photoMaxBytes: number; photoMaxDimension: number } };

export type Reflection = {
  id: string;
  storyId: string;
  author: { userId: string; displayName: string } | null;
  isOwn: boolean;
  position: Position | null;
  text: string;
  showed: Partial<Record<ShowedKey, string>>;
  researchConsent: boolean;
  createdOn: string;
};

export type Finding = { kind: string; start: number; end: number; text: string };

export type ProjectSummary = {
  id: string;
  title: string;
  theme: string;
  themeCode: string | null;
  description: string | null;
  teamId: string | null;
  status: 'collecting' | 'selecting' | 'exhibited';
  facilitator: { userId: string; displayName: string } | null;
  isFacilitator: boolean;
  exhibitionPath: string | null;
  createdOn: string;
};
export type ProjectEntry = { story: Story; addedOn: string; selected: boolean; groupCaption: string | null; sortOrder: number; publicReady: boolean };
export type Project = ProjectSummary & { exhibitionIntro: string | null; entries: ProjectEntry[]; hiddenSelectedCount: number };

export const photoUrl = (orgId: string, storyId: string) => `/api/orgs/${encodeURIComponent(orgId)}/stories/${encodeURIComponent(storyId)}/photo`;
export const storyPath = (orgId: string, storyId: string) => `/o/${orgId}/kruisbestuiving/verhalen/${storyId}`;

/** Wider than the team: the anonymity check is offered before sharing. */
export const widerThanTeam = (scope: ConsentScope) => scope === 'organisation' || scope === 'research' || scope === 'public';
