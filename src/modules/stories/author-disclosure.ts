import type { Position } from '../organisations/model.ts';

/**
 * What a reader who may not know who wrote a story (researchers; anyone reading for research)
 * learns about its author: the team and the position only when at least `threshold` authors
 * share them, otherwise generalised (first the team goes, then the position). Every member can
 * list a team's members and positions, so "experience worker · Team Herstel" names the author
 * when the team has one experience worker who writes.
 *
 * The pseudonym links an author's stories, so it is shown only when linking teaches nothing
 * more than each story shows on its own: the group the story is placed in has at least
 * `threshold` authors, and every story of the author under that pseudonym is shown with the
 * same team and position. Otherwise a story of one author in two groups would put them in the
 * intersection of both.
 *
 * Pure: the census of authors is counted by the caller from every story of the organisation
 * (all scopes; authors who wrote are a subset of the people a reader can list, so counting them
 * is the stricter choice).
 */

export type AuthorFacts = { authorUserId: string; teamId: string | null; position: Position | null; pseudonym: string | null };
export type DisclosedAuthor = { teamId: string | null; position: Position | null; pseudonym: string | null };

export type AuthorCensus = {
  /** Distinct authors per group (team and position; position; everyone). */
  readonly authors: ReadonlyMap<string, number>;
  /** Per author and pseudonym: the team-and-position pairs they wrote under. */
  readonly pairs: ReadonlyMap<string, readonly { teamId: string | null; position: Position | null }[]>;
};

const EVERYONE = JSON.stringify(['*']);
const groupKeys = (teamId: string | null, position: Position | null) => [JSON.stringify(['tp', teamId, position]), JSON.stringify(['p', position]), EVERYONE];
const pseudonymKey = (authorUserId: string, pseudonym: string) => JSON.stringify([authorUserId, pseudonym]);

export function authorCensus(stories: readonly AuthorFacts[]): AuthorCensus {
  const members = new Map<string, Set<string>>();
  const pairs = new Map<string, Map<string, { teamId: string | null; position: Position | null }>>();
  for (const s of stories) {
    for (const key of groupKeys(s.teamId, s.position)) members.set(key, (members.get(key) ?? new Set()).add(s.authorUserId));
    if (s.pseudonym === null) continue;
    const key = pseudonymKey(s.authorUserId, s.pseudonym);
    pairs.set(key, (pairs.get(key) ?? new Map()).set(JSON.stringify([s.teamId, s.position]), { teamId: s.teamId, position: s.position }));
  }
  return {
    authors: new Map([...members].map(([key, set]) => [key, set.size])),
    pairs: new Map([...pairs].map(([key, map]) => [key, [...map.values()]])),
  };
}

/** The team and position shown, and how many authors share what is shown. */
function generalise(census: AuthorCensus, teamId: string | null, position: Position | null, threshold: number) {
  const [both, positionOnly, everyone] = groupKeys(teamId, position).map((key) => census.authors.get(key) ?? 0) as [number, number, number];
  if (both >= threshold) return { teamId, position, group: both };
  if (positionOnly >= threshold) return { teamId: null, position, group: positionOnly };
  return { teamId: null, position: null, group: everyone };
}

export function discloseAuthor(story: AuthorFacts, census: AuthorCensus, threshold: number): DisclosedAuthor {
  const shown = generalise(census, story.teamId, story.position, threshold);
  let pseudonym: string | null = null;
  if (story.pseudonym !== null && shown.group >= threshold) {
    const others = census.pairs.get(pseudonymKey(story.authorUserId, story.pseudonym)) ?? [];
    const same = others.every((p) => {
      const other = generalise(census, p.teamId, p.position, threshold);
      return other.teamId === shown.teamId && other.position === shown.position;
    });
    if (same) pseudonym = story.pseudonym;
  }
  return { teamId: shown.teamId, position: shown.position, pseudonym };
}

/**
 * A reflection's position, for the same readers. Its author reflected from the story's team (the
 * position is theirs in that team when they are in it), so it counts among reflection authors
 * with that team and position. Position alone is enough only when the reader does not see the
 * story's team: otherwise "a coordinator, on a story of Team Herstel" would name them again.
 */
export function discloseReflectionPosition(
  reflection: { authorUserId: string; storyTeamId: string | null; position: Position | null },
  census: AuthorCensus,
  threshold: number,
  storyTeamShown: boolean,
): Position | null {
  const shown = discloseAuthor(
    { authorUserId: reflection.authorUserId, teamId: reflection.storyTeamId, position: reflection.position, pseudonym: null },
    census,
    threshold,
  );
  return shown.teamId !== null || !storyTeamShown ? shown.position : null;
}
