import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { can } from '../../core/policy.ts';
import { displayNames } from '../../db/display-names.ts';
import type { StoryTable } from '../../db/tables/stories.ts';
import { disclosureThreshold } from '../analysis/core/index.ts';
import type { Position, Sector } from '../organisations/model.ts';
import { authorCensus, type DisclosedAuthor, discloseAuthor, discloseReflectionPosition } from './author-disclosure.ts';
import { isAnonymised, mayRead, type ReaderFacts, type StoryConsentFacts } from './consent.ts';
import { type ConsentScope, type PhotoPeople, type ReadableReflection, type ReadableStory, type ReadPurpose, type StoryTags, tagFrameworks } from './model.ts';
import * as store from './store.ts';

/**
 * THE way to read stories, for every module (lists, search, coding, signals, exports, reports,
 * exhibitions). It applies the author's consent scope, withdrawal and the organisation and team
 * boundaries each time it is called, so narrowing or withdrawing takes effect everywhere at once.
 * Never select from the `stories` table in another module.
 */

/** A service context plus who reads: an actor, or null for the public exhibition. */
export type ReaderContext = ServiceContext & { actor: Actor | null };

export const asReader = (ctx: ServiceContext, actor: Actor | null): ReaderContext => ({ ...ctx, actor });

export const consentFactsOf = (row: StoryTable): StoryConsentFacts => ({
  scope: row.scope as ConsentScope,
  teamId: row.team_id,
  authorUserId: row.author_user_id,
  withdrawn: row.withdrawn_at !== null,
  mediaChecklistRecorded: row.media_checklist_at !== null,
});

/**
 * Checks the reader may use the purpose at all in this organisation: outsiders get not_found,
 * members without a research role asking for research get forbidden.
 */
export async function readerFacts(ctx: ReaderContext, organisationId: string, purpose: ReadPurpose): Promise<ReaderFacts> {
  const actor = ctx.actor;
  if (purpose === 'exhibition') return { userId: null, isMember: false, teamIds: new Set(), mayResearch: false, seesNames: false };
  if (!actor?.roles.has(organisationId)) throw new AppError('not_found');
  const mayResearch = can(actor, 'stories.research', organisationId);
  if (purpose === 'research' && !mayResearch) throw new AppError('forbidden');
  const teamIds = new Set(await store.teamIdsOfUser(ctx.db, organisationId, actor.userId));
  return { userId: actor.userId, isMember: true, teamIds, mayResearch, seesNames: actor.roles.get(organisationId) !== 'researcher' };
}

/** Every story of the organisation the reader may read for this purpose, newest first. */
export async function readableStories(
  ctx: ReaderContext,
  organisationId: string,
  purpose: ReadPurpose,
  options: { storyIds?: string[] } = {},
): Promise<ReadableStory[]> {
  const reader = await readerFacts(ctx, organisationId, purpose);
  const rows = (
    await store.candidateStories(ctx.db, organisationId, purpose, { userId: reader.userId, teamIds: [...reader.teamIds] }, options.storyIds)
  ).filter((row) => mayRead(purpose, consentFactsOf(row), reader));
  return present(ctx, organisationId, purpose, reader, rows);
}

/** One story, or AppError('not_found') when it does not exist or this reader may not read it for this purpose. */
export async function readableStory(ctx: ReaderContext, organisationId: string, storyId: string, purpose: ReadPurpose): Promise<ReadableStory> {
  const reader = await readerFacts(ctx, organisationId, purpose);
  const row = await store.findStory(ctx.db, organisationId, storyId);
  if (!row || !mayRead(purpose, consentFactsOf(row), reader)) throw new AppError('not_found');
  const [story] = await present(ctx, organisationId, purpose, reader, [row]);
  if (!story) throw new AppError('not_found');
  return story;
}

/** The raw row of a readable story, for this module's own services (photos, exhibition). */
export async function readableStoryRow(ctx: ReaderContext, organisationId: string, storyId: string, purpose: ReadPurpose): Promise<StoryTable> {
  const reader = await readerFacts(ctx, organisationId, purpose);
  const row = await store.findStory(ctx.db, organisationId, storyId);
  if (!row || !mayRead(purpose, consentFactsOf(row), reader)) throw new AppError('not_found');
  return row;
}

/**
 * The reflections on a story the reader may read. 'view': all of them, by name and position.
 * 'research': only those whose author agreed to research use, without names. 'exhibition': none.
 */
export async function readableReflections(
  ctx: ReaderContext,
  organisationId: string,
  storyId: string,
  purpose: ReadPurpose = 'view',
): Promise<ReadableReflection[]> {
  const story = await readableStoryRow(ctx, organisationId, storyId, purpose);
  if (purpose === 'exhibition') return [];
  const reader = await readerFacts(ctx, organisationId, purpose);
  const anonymous = isAnonymised(purpose);
  const hideName = (authorId: string) => (anonymous || !reader.seesNames) && authorId !== reader.userId;
  const rows = (await store.reflectionsOf(ctx.db, storyId)).filter((r) => !anonymous || r.research_consent === 1);
  const positionOf = await reflectionPositions(
    ctx,
    organisationId,
    purpose,
    story,
    rows.some((r) => hideName(r.author_user_id)),
  );
  return rows.map((r) => ({
    id: r.id,
    storyId: r.story_id,
    author: hideName(r.author_user_id) ? null : { userId: r.author_user_id, displayName: r.display_name },
    isOwn: ctx.actor?.userId === r.author_user_id,
    position: hideName(r.author_user_id) ? positionOf(r.author_user_id, r.position as Position | null) : (r.position as Position | null),
    text: r.body,
    showed: r.showed ? (JSON.parse(r.showed) as Record<string, string>) : {},
    researchConsent: r.research_consent === 1,
    createdOn: r.created_on,
  }));
}

async function present(ctx: ReaderContext, organisationId: string, purpose: ReadPurpose, reader: ReaderFacts, rows: StoryTable[]): Promise<ReadableStory[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const anonymous = isAnonymised(purpose) || !reader.seesNames;
  const hideName = (authorId: string) => anonymous && authorId !== reader.userId;
  const shown = await authorShown(
    ctx,
    organisationId,
    purpose,
    rows.some((r) => hideName(r.author_user_id)),
  );
  const about = (row: StoryTable): DisclosedAuthor => {
    const facts = { authorUserId: row.author_user_id, teamId: row.team_id, position: row.author_position as Position | null, pseudonym: row.pseudonym };
    return hideName(row.author_user_id) ? shown(facts) : facts;
  };
  const [sector, tags, links, teams, names] = await Promise.all([
    store.organisationSector(ctx.db, organisationId),
    store.tagsOf(ctx.db, ids),
    store.linksOf(ctx.db, ids),
    store.teamNames(ctx.db, [...new Set(rows.map((r) => r.team_id).filter((t): t is string => t !== null))]),
    displayNames(ctx.db, [...new Set(rows.map((r) => r.author_user_id).filter((id) => !hideName(id)))]),
  ]);
  const tagsByStory = new Map<string, StoryTags>();
  for (const id of ids) tagsByStory.set(id, emptyTags());
  for (const t of tags) {
    const set = tagsByStory.get(t.story_id);
    if (set && (tagFrameworks as readonly string[]).includes(t.framework)) set[t.framework as keyof StoryTags].push(t.code);
  }
  const linkedIds = await readableLinkEnds(ctx, { organisationId, purpose, reader, ids, links });
  return rows.map((row) => {
    const author = about(row);
    return {
      id: row.id,
      organisationId: row.organisation_id,
      teamId: author.teamId,
      teamName: author.teamId ? (teams.get(author.teamId) ?? null) : null,
      sector: (sector ?? 'other') as Sector,
      author: hideName(row.author_user_id) ? null : { userId: row.author_user_id, displayName: names.get(row.author_user_id) ?? '—' },
      authorPosition: author.position,
      isOwn: reader.userId !== null && reader.userId === row.author_user_id,
      title: row.title,
      text: row.body,
      caption: row.caption,
      pseudonym: author.pseudonym,
      scope: row.scope as ConsentScope,
      withdrawn: row.withdrawn_at !== null,
      mediaChecklistRecorded: row.media_checklist_at !== null,
      tags: tagsByStory.get(row.id) ?? emptyTags(),
      photo:
        row.photo_key && row.photo_width && row.photo_height
          ? {
              width: row.photo_width,
              height: row.photo_height,
              bytes: row.photo_bytes ?? 0,
              alt: row.photo_alt,
              people: row.photo_people as PhotoPeople | null,
            }
          : null,
      linkedStoryIds: linkedIds.get(row.id) ?? [],
      createdOn: row.created_on,
    };
  });
}

/** For readers who may not know who reflected: the position they may see (author-disclosure.ts). */
async function reflectionPositions(
  ctx: ReaderContext,
  organisationId: string,
  purpose: ReadPurpose,
  story: StoryTable,
  needed: boolean,
): Promise<(authorUserId: string, position: Position | null) => Position | null> {
  if (!needed) return (_, position) => position;
  const storyFacts = { authorUserId: story.author_user_id, teamId: story.team_id, position: story.author_position as Position | null, pseudonym: null };
  const storyTeamShown = story.author_user_id === ctx.actor?.userId || (await authorShown(ctx, organisationId, purpose, true))(storyFacts).teamId !== null;
  const [all, k] = await Promise.all([store.reflectionAuthorFacts(ctx.db, organisationId), store.organisationThreshold(ctx.db, organisationId)]);
  const census = authorCensus(
    all.map((r) => ({ authorUserId: r.author_user_id, teamId: r.team_id, position: r.position as Position | null, pseudonym: null })),
  );
  const threshold = disclosureThreshold(k);
  return (authorUserId, position) => discloseReflectionPosition({ authorUserId, storyTeamId: story.team_id, position }, census, threshold, storyTeamShown);
}

/**
 * For readers who may not know the author: the team, position and pseudonym they may see
 * (author-disclosure.ts), counted over every story of the organisation. The exhibition keeps the
 * pseudonym: it is the credit the author chose when going public, and it shows no team or position.
 */
async function authorShown(
  ctx: ReaderContext,
  organisationId: string,
  purpose: ReadPurpose,
  needed: boolean,
): Promise<(facts: Parameters<typeof discloseAuthor>[0]) => DisclosedAuthor> {
  if (!needed) return (facts) => facts;
  const [all, k] = await Promise.all([store.authorFacts(ctx.db, organisationId), store.organisationThreshold(ctx.db, organisationId)]);
  const census = authorCensus(
    all.map((r) => ({ authorUserId: r.author_user_id, teamId: r.team_id, position: r.author_position as Position | null, pseudonym: r.pseudonym })),
  );
  const threshold = disclosureThreshold(k);
  return (facts) => {
    const disclosed = discloseAuthor(facts, census, threshold);
    return purpose === 'exhibition' ? { ...disclosed, pseudonym: facts.pseudonym } : disclosed;
  };
}

export const emptyTags = (): StoryTags => ({ knowledge_positions: [], logics: [], roles: [], themes: [], experiential_knowledge_marks: [] });

/** A link is shown only when the other end is readable by the same reader for the same purpose. */
async function readableLinkEnds(
  ctx: ReaderContext,
  {
    organisationId,
    purpose,
    reader,
    ids,
    links,
  }: { organisationId: string; purpose: ReadPurpose; reader: ReaderFacts; ids: string[]; links: { story_a: string; story_b: string }[] },
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (links.length === 0) return result;
  const idSet = new Set(ids);
  const others = [...new Set(links.flatMap((l) => [l.story_a, l.story_b]))];
  const otherRows = await store.candidateStories(ctx.db, organisationId, purpose, { userId: reader.userId, teamIds: [...reader.teamIds] }, others);
  const readable = new Set(otherRows.filter((row) => mayRead(purpose, consentFactsOf(row), reader)).map((r) => r.id));
  for (const { story_a: a, story_b: b } of links) {
    if (idSet.has(a) && readable.has(b)) result.set(a, [...(result.get(a) ?? []), b]);
    if (idSet.has(b) && readable.has(a)) result.set(b, [...(result.get(b) ?? []), a]);
  }
  return result;
}
