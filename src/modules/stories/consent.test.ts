import { describe, expect, it } from 'vitest';
import { isNarrowing, mayRead, type ReaderFacts, type StoryConsentFacts } from './consent.ts';

const story = (over: Partial<StoryConsentFacts> = {}): StoryConsentFacts => ({
  scope: 'team',
  teamId: 'team-a',
  authorUserId: 'author',
  withdrawn: false,
  mediaChecklistRecorded: false,
  ...over,
});
const reader = (over: Partial<ReaderFacts> = {}): ReaderFacts => ({
  userId: 'someone',
  isMember: true,
  teamIds: new Set(),
  mayResearch: false,
  seesNames: true,
  ...over,
});

describe('mayRead', () => {
  it('the author always reads their own story in the app, even withdrawn; nobody else then', () => {
    expect(mayRead('view', story({ scope: 'private', withdrawn: true }), reader({ userId: 'author' }))).toBe(true);
    expect(mayRead('view', story({ scope: 'organisation', withdrawn: true }), reader({ teamIds: new Set(['team-a']) }))).toBe(false);
  });

  it("team scope: only the story's team; organisation and wider: every member; never outsiders", () => {
    expect(mayRead('view', story(), reader({ teamIds: new Set(['team-a']) }))).toBe(true);
    expect(mayRead('view', story(), reader({ teamIds: new Set(['team-b']) }))).toBe(false);
    expect(mayRead('view', story({ scope: 'team', teamId: null }), reader())).toBe(false);
    expect(mayRead('view', story({ scope: 'organisation' }), reader())).toBe(true);
    expect(mayRead('view', story({ scope: 'public' }), reader({ isMember: false }))).toBe(false);
  });

  it('research needs research consent (or public) and a research role', () => {
    expect(mayRead('research', story({ scope: 'organisation' }), reader({ mayResearch: true }))).toBe(false);
    expect(mayRead('research', story({ scope: 'research' }), reader({ mayResearch: true }))).toBe(true);
    expect(mayRead('research', story({ scope: 'public' }), reader({ mayResearch: true }))).toBe(true);
    expect(mayRead('research', story({ scope: 'research' }), reader())).toBe(false);
  });

  it('the exhibition needs public scope with the media checklist, not withdrawn', () => {
    const anyone = reader({ userId: null, isMember: false });
    expect(mayRead('exhibition', story({ scope: 'public', mediaChecklistRecorded: true }), anyone)).toBe(true);
    expect(mayRead('exhibition', story({ scope: 'public', mediaChecklistRecorded: false }), anyone)).toBe(false);
    expect(mayRead('exhibition', story({ scope: 'research', mediaChecklistRecorded: true }), anyone)).toBe(false);
  });
});

describe('isNarrowing', () => {
  it('orders the scopes from only me to public', () => {
    expect(isNarrowing('public', 'team')).toBe(true);
    expect(isNarrowing('team', 'research')).toBe(false);
    expect(isNarrowing('organisation', 'organisation')).toBe(true);
  });
});
