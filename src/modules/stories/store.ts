import type { Db } from '../../db/database.ts';
import type { StoryLinkTable, StoryReflectionTable, StoryTable, StoryTagTable } from '../../db/tables/stories.ts';
import type { ConsentScope, ReadPurpose } from './model.ts';

/** SQL only; every rule about who may read what is in consent.ts and access.ts. */

/** The photo columns of a story without a photo: a new story, or one whose photo was removed. */
export const NO_PHOTO = {
  photo_key: null,
  photo_width: null,
  photo_height: null,
  photo_bytes: null,
  photo_alt: null,
  photo_people: null,
} as const satisfies Partial<StoryTable>;

export const insertStory = (db: Db, row: StoryTable) => db.insertInto('stories').values(row).execute();

export const updateStory = (db: Db, id: string, changes: Partial<Omit<StoryTable, 'id' | 'organisation_id' | 'author_user_id'>>) =>
  db.updateTable('stories').set(changes).where('id', '=', id).execute();

export const deleteStory = (db: Db, id: string) => db.deleteFrom('stories').where('id', '=', id).execute();

export const findStory = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('stories').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();

/**
 * The candidate rows for a purpose, narrowed in SQL; access.ts applies the full rule again to each.
 * For 'view' the reader's own stories, and the shared ones of their teams and organisation.
 */
export function candidateStories(
  db: Db,
  organisationId: string,
  purpose: ReadPurpose,
  reader: { userId: string | null; teamIds: string[] },
  storyIds?: string[],
) {
  let query = db.selectFrom('stories').selectAll().where('organisation_id', '=', organisationId);
  if (storyIds) query = query.where('id', 'in', storyIds.length ? storyIds : ['-']);
  if (purpose === 'view') {
    const wide: ConsentScope[] = ['organisation', 'research', 'public'];
    query = query.where((eb) =>
      eb.or([
        ...(reader.userId ? [eb('author_user_id', '=', reader.userId)] : []),
        eb.and([
          eb('withdrawn_at', 'is', null),
          eb.or([eb('scope', 'in', wide), ...(reader.teamIds.length ? [eb.and([eb('scope', '=', 'team'), eb('team_id', 'in', reader.teamIds)])] : [])]),
        ]),
      ]),
    );
  } else if (purpose === 'research') {
    query = query.where('withdrawn_at', 'is', null).where('scope', 'in', ['research', 'public']);
  } else {
    query = query.where('withdrawn_at', 'is', null).where('scope', '=', 'public').where('media_checklist_at', 'is not', null);
  }
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

export const replaceTags = async (db: Db, storyId: string, tags: StoryTagTable[]) => {
  await db.deleteFrom('story_tags').where('story_id', '=', storyId).execute();
  if (tags.length) await db.insertInto('story_tags').values(tags).execute();
};

export const tagsOf = (db: Db, storyIds: string[]) =>
  storyIds.length
    ? db.selectFrom('story_tags').selectAll().where('story_id', 'in', storyIds).orderBy('framework').orderBy('code').execute()
    : Promise.resolve([]);

export const insertLink = (db: Db, row: StoryLinkTable) => db.insertInto('story_links').values(row).execute();

export const findLink = (db: Db, a: string, b: string) =>
  db.selectFrom('story_links').selectAll().where('story_a', '=', a).where('story_b', '=', b).executeTakeFirst();

export const deleteLink = (db: Db, a: string, b: string) => db.deleteFrom('story_links').where('story_a', '=', a).where('story_b', '=', b).execute();

export const linksOf = (db: Db, storyIds: string[]) =>
  storyIds.length
    ? db
        .selectFrom('story_links')
        .select(['story_a', 'story_b'])
        .where((eb) => eb.or([eb('story_a', 'in', storyIds), eb('story_b', 'in', storyIds)]))
        .execute()
    : Promise.resolve([]);

export const insertReflection = (db: Db, row: StoryReflectionTable) => db.insertInto('story_reflections').values(row).execute();

export const findReflection = (db: Db, storyId: string, id: string) =>
  db.selectFrom('story_reflections').selectAll().where('story_id', '=', storyId).where('id', '=', id).executeTakeFirst();

export const deleteReflection = (db: Db, id: string) => db.deleteFrom('story_reflections').where('id', '=', id).execute();

export const reflectionsOf = (db: Db, storyId: string) =>
  db
    .selectFrom('story_reflections')
    .innerJoin('users', 'users.id', 'story_reflections.author_user_id')
    .selectAll('story_reflections')
    .select('users.display_name')
    .where('story_reflections.story_id', '=', storyId)
    .orderBy('story_reflections.created_at')
    .orderBy('story_reflections.id')
    .execute();

/**
 * The teams whose team-only material (stories, photovoice projects) this person reads: their
 * teams, except one they added themselves to. A manager's self-join opens nothing; someone else
 * has to add them, and that is audited with both names (docs/privacy-of-authors.md).
 */
export const teamIdsOfUser = async (db: Db, organisationId: string, userId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select('teams.id')
      .where('teams.organisation_id', '=', organisationId)
      .where('team_members.user_id', '=', userId)
      .where((eb) => eb.or([eb('team_members.added_by', 'is', null), eb('team_members.added_by', '<>', eb.ref('team_members.user_id'))]))
      .execute()
  ).map((r) => r.id);

export const teamPosition = async (db: Db, teamId: string, userId: string): Promise<string | undefined> =>
  (await db.selectFrom('team_members').select('position').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst())?.position;

/** The reader's positions in the organisation's teams, first one by team name. */
export const positionsInOrganisation = async (db: Db, organisationId: string, userId: string) =>
  db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.id as team_id', 'team_members.position'])
    .where('teams.organisation_id', '=', organisationId)
    .where('team_members.user_id', '=', userId)
    .orderBy('teams.name')
    .execute();

export const findTeam = (db: Db, organisationId: string, teamId: string) =>
  db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).where('id', '=', teamId).executeTakeFirst();

export const teamNames = async (db: Db, teamIds: string[]): Promise<Map<string, string>> =>
  new Map(teamIds.length ? (await db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute()).map((t) => [t.id, t.name]) : []);

/** Who wrote under which team, position and pseudonym, over every story of the organisation: the census of author-disclosure.ts. */
export const authorFacts = (db: Db, organisationId: string) =>
  db
    .selectFrom('stories')
    .select(['author_user_id', 'team_id', 'author_position', 'pseudonym'])
    .distinct()
    .where('organisation_id', '=', organisationId)
    .execute();

/** Who reflected with which position on a story of which team, over the organisation: the census for reflections. */
export const reflectionAuthorFacts = (db: Db, organisationId: string) =>
  db
    .selectFrom('story_reflections')
    .innerJoin('stories', 'stories.id', 'story_reflections.story_id')
    .select(['story_reflections.author_user_id', 'stories.team_id', 'story_reflections.position'])
    .distinct()
    .where('story_reflections.organisation_id', '=', organisationId)
    .execute();

export const organisationThreshold = async (db: Db, organisationId: string): Promise<number | undefined> =>
  (await db.selectFrom('organisations').select('disclosure_threshold').where('id', '=', organisationId).executeTakeFirst())?.disclosure_threshold;

export const organisationSector = async (db: Db, organisationId: string): Promise<string | undefined> =>
  (await db.selectFrom('organisations').select('sector').where('id', '=', organisationId).executeTakeFirst())?.sector;

export const memberNames = async (db: Db, organisationId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.display_name')
      .where('memberships.organisation_id', '=', organisationId)
      .execute()
  ).map((r) => r.display_name);
