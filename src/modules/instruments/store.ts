import type { Db } from '../../db/database.ts';
import type { InstrumentTable, InstrumentVersionTable } from '../../db/tables/instruments.ts';

const summaryColumns = [
  'instrument_versions.id',
  'instrument_versions.instrument_id',
  'instrument_versions.version',
  'instrument_versions.status',
  'instrument_versions.created_at',
  'instrument_versions.updated_at',
  'instrument_versions.published_at',
] as const;

export const insertInstrument = (db: Db, row: InstrumentTable) => db.insertInto('instruments').values(row).execute();

export const insertVersion = (db: Db, row: InstrumentVersionTable) => db.insertInto('instrument_versions').values(row).execute();

/** Scoped by organisation, so an id from another organisation is simply not found. */
export const findInstrument = (db: Db, organisationId: string, instrumentId: string) =>
  db.selectFrom('instruments').selectAll().where('id', '=', instrumentId).where('organisation_id', '=', organisationId).executeTakeFirst();

export const findInstrumentByKey = (db: Db, organisationId: string, key: string) =>
  db.selectFrom('instruments').selectAll().where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirst();

export const listInstruments = (db: Db, organisationId: string) =>
  db.selectFrom('instruments').selectAll().where('organisation_id', '=', organisationId).orderBy('key').execute();

/** Every version of every instrument of the organisation, without the definitions. */
export const listVersionSummariesOfOrganisation = (db: Db, organisationId: string) =>
  db
    .selectFrom('instrument_versions')
    .innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
    .select(summaryColumns)
    .where('instruments.organisation_id', '=', organisationId)
    .orderBy('instrument_versions.version')
    .execute();

export const listVersionSummaries = (db: Db, instrumentId: string) =>
  db.selectFrom('instrument_versions').select(summaryColumns).where('instrument_id', '=', instrumentId).orderBy('version').execute();

export const findVersion = (db: Db, instrumentId: string, version: number) =>
  db.selectFrom('instrument_versions').selectAll().where('instrument_id', '=', instrumentId).where('version', '=', version).executeTakeFirst();

export const findDraft = (db: Db, instrumentId: string) =>
  db.selectFrom('instrument_versions').selectAll().where('instrument_id', '=', instrumentId).where('status', '=', 'draft').executeTakeFirst();

export const findLatestVersion = (db: Db, instrumentId: string) =>
  db.selectFrom('instrument_versions').selectAll().where('instrument_id', '=', instrumentId).orderBy('version', 'desc').limit(1).executeTakeFirst();

/** Changes a draft only: a version published in the meantime is left alone, and the count says so. */
export async function updateDraftDefinition(db: Db, versionId: string, definition: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('instrument_versions')
    .set({ definition, updated_at: at })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markPublished(db: Db, versionId: string, resolved: string, at: string, by: string): Promise<boolean> {
  const result = await db
    .updateTable('instrument_versions')
    .set({ status: 'published', resolved_definition: resolved, published_at: at, published_by: by, updated_at: at })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const updateInstrumentTitle = (db: Db, instrumentId: string, title: { nl: string; en: string }) =>
  db.updateTable('instruments').set({ title_nl: title.nl, title_en: title.en }).where('id', '=', instrumentId).execute();

/** A published version by its id, with the organisation it belongs to: for other modules. */
export const findPublishedVersion = (db: Db, versionId: string) =>
  db
    .selectFrom('instrument_versions')
    .innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
    .select([
      'instrument_versions.id',
      'instrument_versions.instrument_id',
      'instrument_versions.version',
      'instrument_versions.definition',
      'instrument_versions.resolved_definition',
      'instrument_versions.published_at',
      'instruments.organisation_id',
      'instruments.key',
    ])
    .where('instrument_versions.id', '=', versionId)
    .where('instrument_versions.status', '=', 'published')
    .executeTakeFirst();

/** The id of the newest published version of the organisation's instrument with this key. */
export const findLatestPublishedIdByKey = async (db: Db, organisationId: string, key: string) =>
  (
    await db
      .selectFrom('instrument_versions')
      .innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
      .select('instrument_versions.id')
      .where('instruments.organisation_id', '=', organisationId)
      .where('instruments.key', '=', key)
      .where('instrument_versions.status', '=', 'published')
      .orderBy('instrument_versions.version', 'desc')
      .limit(1)
      .executeTakeFirst()
  )?.id;
