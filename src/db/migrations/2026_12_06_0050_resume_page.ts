import type { Kysely } from 'kysely';

/** The page a respondent pressed "save and continue later" on, so the resume code brings them back there. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('resume_page', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('resume_page').execute();
}
