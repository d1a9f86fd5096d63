import { type ConsentScope, consentScopes, type ReadPurpose } from './model.ts';

/** The consent rules as one pure function, so every path (list, detail, photo, links, export, exhibition) asks the same question. */

export const scopeRank = (scope: ConsentScope): number => consentScopes.indexOf(scope);

/** True when `next` gives fewer people access than `current` (or the same). */
export const isNarrowing = (current: ConsentScope, next: ConsentScope): boolean => scopeRank(next) <= scopeRank(current);

export type StoryConsentFacts = {
  scope: ConsentScope;
  teamId: string | null;
  authorUserId: string;
  withdrawn: boolean;
  mediaChecklistRecorded: boolean;
};

/** Who asks. `userId` null: someone without an account (only the exhibition). */
export type ReaderFacts = {
  userId: string | null;
  /** Member of the story's organisation (any role). */
  isMember: boolean;
  /** Teams of the reader in the story's organisation. */
  teamIds: ReadonlySet<string>;
  /** May read research material (admin or researcher role). */
  mayResearch: boolean;
  /**
   * False for the researcher role: researchers never learn who wrote a story or a reflection,
   * whatever the purpose (they see the pseudonym and the position).
   */
  seesNames: boolean;
};

export function mayRead(purpose: ReadPurpose, story: StoryConsentFacts, reader: ReaderFacts): boolean {
  switch (purpose) {
    case 'view': {
      if (!reader.isMember || reader.userId === null) return false;
      if (reader.userId === story.authorUserId) return true;
      if (story.withdrawn) return false;
      if (story.scope === 'private') return false;
      if (story.scope === 'team') return story.teamId !== null && reader.teamIds.has(story.teamId);
      return true;
    }
    case 'research':
      return reader.isMember && reader.mayResearch && !story.withdrawn && scopeRank(story.scope) >= scopeRank('research');
    case 'exhibition':
      return !story.withdrawn && story.scope === 'public' && story.mediaChecklistRecorded;
  }
}

/** Research and exhibition readers never learn who wrote a story. */
export const isAnonymised = (purpose: ReadPurpose): boolean => purpose !== 'view';
