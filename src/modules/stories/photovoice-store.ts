import type { Db } from '../../db/database.ts';
import type { PhotovoiceEntryTable, PhotovoiceProjectTable } from '../../db/tables/stories.ts';

export const insertProject = (db: Db, row: PhotovoiceProjectTable) => db.insertInto('photovoice_projects').values(row).execute();

export const updateProject = (db: Db, id: string, changes: Partial<Omit<PhotovoiceProjectTable, 'id' | 'organisation_id'>>) =>
  db.updateTable('photovoice_projects').set(changes).where('id', '=', id).execute();

export const deleteProject = (db: Db, id: string) => db.deleteFrom('photovoice_projects').where('id', '=', id).execute();

export const findProject = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('photovoice_projects').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();

export const findProjectBySlug = (db: Db, slug: string) =>
  db
    .selectFrom('photovoice_projects')
    .innerJoin('organisations', 'organisations.id', 'photovoice_projects.organisation_id')
    .selectAll('photovoice_projects')
    .select('organisations.name as organisation_name')
    .where('photovoice_projects.exhibition_slug', '=', slug)
    .executeTakeFirst();

export const listProjects = (db: Db, organisationId: string) =>
  db.selectFrom('photovoice_projects').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute();

export const entriesOf = (db: Db, projectId: string) =>
  db.selectFrom('photovoice_entries').selectAll().where('project_id', '=', projectId).orderBy('sort_order').orderBy('added_at').execute();

export const findEntry = (db: Db, projectId: string, storyId: string) =>
  db.selectFrom('photovoice_entries').selectAll().where('project_id', '=', projectId).where('story_id', '=', storyId).executeTakeFirst();

export const insertEntry = (db: Db, row: PhotovoiceEntryTable) => db.insertInto('photovoice_entries').values(row).execute();

export const updateEntry = (
  db: Db,
  projectId: string,
  storyId: string,
  changes: Partial<Pick<PhotovoiceEntryTable, 'selected' | 'group_caption' | 'sort_order'>>,
) => db.updateTable('photovoice_entries').set(changes).where('project_id', '=', projectId).where('story_id', '=', storyId).execute();

export const deleteEntry = (db: Db, projectId: string, storyId: string) =>
  db.deleteFrom('photovoice_entries').where('project_id', '=', projectId).where('story_id', '=', storyId).execute();

export const maxSortOrder = async (db: Db, projectId: string): Promise<number> => {
  const row = await db
    .selectFrom('photovoice_entries')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
};
