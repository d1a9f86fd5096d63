import { describe, expect, it } from 'vitest';
import type { Position } from '../organisations/model.ts';
import { type AuthorFacts, authorCensus, discloseAuthor, discloseReflectionPosition } from './author-disclosure.ts';

const story = (authorUserId: string, teamId: string | null, position: Position | null, pseudonym: string | null = null): AuthorFacts => ({
  authorUserId,
  teamId,
  position,
  pseudonym,
});

/** `n` authors writing in one team with one position, named prefix1..prefixN. */
const authors = (n: number, prefix: string, teamId: string, position: Position) =>
  Array.from({ length: n }, (_, i) => story(`${prefix}${i + 1}`, teamId, position));

describe('what a reader who may not know the author learns (threshold 5)', () => {
  it('shows team and position when five authors share them', () => {
    const census = authorCensus(authors(5, 'e', 'herstel', 'experience_worker'));
    expect(discloseAuthor(story('e1', 'herstel', 'experience_worker', 'Zwaluw'), census, 5)).toEqual({
      teamId: 'herstel',
      position: 'experience_worker',
      pseudonym: 'Zwaluw',
    });
  });

  it('drops the team when fewer than five authors of that position write in the team', () => {
    const census = authorCensus([...authors(4, 'e', 'herstel', 'experience_worker'), story('x', 'noord', 'experience_worker')]);
    expect(discloseAuthor(story('e1', 'herstel', 'experience_worker'), census, 5)).toEqual({ teamId: null, position: 'experience_worker', pseudonym: null });
  });

  it('then drops the position when fewer than five authors hold it in the organisation', () => {
    const census = authorCensus([...authors(5, 'p', 'herstel', 'practitioner'), story('e', 'herstel', 'experience_worker', 'Zwaluw')]);
    // Five authors in all: the pseudonym may stay, it links stories of a group of five.
    expect(discloseAuthor(story('e', 'herstel', 'experience_worker', 'Zwaluw'), census, 5)).toEqual({ teamId: null, position: null, pseudonym: 'Zwaluw' });
  });

  it('hides the pseudonym too when the whole organisation has fewer than five authors', () => {
    const census = authorCensus(authors(4, 'e', 'herstel', 'experience_worker'));
    expect(discloseAuthor(story('e1', 'herstel', 'experience_worker', 'Zwaluw'), census, 5)).toEqual({ teamId: null, position: null, pseudonym: null });
  });

  it('hides the pseudonym when it would link a story shown with its team to one shown without', () => {
    const census = authorCensus([
      ...authors(5, 'e', 'herstel', 'experience_worker'),
      story('e1', 'herstel', 'experience_worker', 'Zwaluw'),
      story('e1', 'noord', 'experience_worker', 'Zwaluw'),
    ]);
    expect(discloseAuthor(story('e1', 'herstel', 'experience_worker', 'Zwaluw'), census, 5)).toEqual({
      teamId: 'herstel',
      position: 'experience_worker',
      pseudonym: null,
    });
    expect(discloseAuthor(story('e1', 'noord', 'experience_worker', 'Zwaluw'), census, 5)).toEqual({
      teamId: null,
      position: 'experience_worker',
      pseudonym: null,
    });
  });

  it('keeps a pseudonym whose stories are all shown the same way, and counts each author once', () => {
    const census = authorCensus([
      ...authors(5, 'e', 'herstel', 'experience_worker'),
      story('e1', 'herstel', 'experience_worker', 'Zwaluw'),
      story('e1', 'herstel', 'experience_worker', 'Zwaluw'),
      story('e1', 'herstel', 'experience_worker', 'Merel'),
    ]);
    expect(discloseAuthor(story('e1', 'herstel', 'experience_worker', 'Zwaluw'), census, 5).pseudonym).toBe('Zwaluw');
    // Nine stories by five people are still five authors: a sixth threshold is not reached.
    expect(discloseAuthor(story('e1', 'herstel', 'experience_worker'), census, 6)).toEqual({ teamId: null, position: null, pseudonym: null });
  });

  it('follows the organisation threshold: seven needs seven authors', () => {
    const census = authorCensus([...authors(6, 'e', 'herstel', 'experience_worker'), story('p', 'noord', 'practitioner')]);
    expect(discloseAuthor(story('e1', 'herstel', 'experience_worker'), census, 7)).toEqual({ teamId: null, position: null, pseudonym: null });
    expect(discloseAuthor(story('e1', 'herstel', 'experience_worker'), census, 6)).toEqual({
      teamId: 'herstel',
      position: 'experience_worker',
      pseudonym: null,
    });
  });
});

describe('the position of someone who reflected, for the same readers', () => {
  const reflector = { authorUserId: 'c1', storyTeamId: 'herstel', position: 'coordinator' as const };

  it('is shown when five people with that position reflected on stories of the team', () => {
    const census = authorCensus(authors(5, 'c', 'herstel', 'coordinator'));
    expect(discloseReflectionPosition(reflector, census, 5, true)).toBe('coordinator');
  });

  it("falls back to the position alone only when the reader does not see the story's team", () => {
    const census = authorCensus([story('c1', 'herstel', 'coordinator'), ...authors(4, 'x', 'noord', 'coordinator')]);
    expect(discloseReflectionPosition(reflector, census, 5, true)).toBeNull();
    expect(discloseReflectionPosition(reflector, census, 5, false)).toBe('coordinator');
    expect(discloseReflectionPosition(reflector, census, 6, false)).toBeNull();
  });
});
