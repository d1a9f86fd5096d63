import type { Db } from '../../db/database.ts';

export async function anyOrganisation(db: Db): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Deleting an organisation cascades to its memberships, teams and invitations. */
export const deleteOrganisationNamed = (db: Db, name: string) => db.deleteFrom('organisations').where('name', '=', name).execute();

/** The photo keys of the demo organisation's stories, so a reload can remove the files too. */
export const demoPhotoKeys = async (db: Db, name: string): Promise<string[]> =>
  (
    await db
      .selectFrom('stories')
      .innerJoin('organisations', 'organisations.id', 'stories.organisation_id')
      .select('stories.photo_key')
      .where('organisations.name', '=', name)
      .where('stories.photo_key', 'is not', null)
      .execute()
  ).map((r) => r.photo_key as string);
