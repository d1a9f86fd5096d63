import type { Db } from '../../db/database.ts';

export async function anyOrganisation(db: Db): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Deleting an organisation cascades to its memberships, teams and invitations. */
export const deleteOrganisationNamed = (db: Db, name: string) => db.deleteFrom('organisations').where('name', '=', name).execute();
