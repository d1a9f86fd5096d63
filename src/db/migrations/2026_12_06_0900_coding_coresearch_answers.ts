import type { Kysely } from 'kysely';

/**
 * Coding with more people and more material (issue 18).
 *
 * coding_coresearchers: members invited to code with the researchers (experience workers as co-researchers). A row stays
 * when the invitation ends (ended_at set), so the segments they coded keep their coder's place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coding_coresearchers')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('coding_coresearchers_pk', ['organisation_id', 'user_id'])
    .execute();
  // Segments of survey open answers, in the same codebook as the stories. Offsets as in coding_segments.
  await db.schema
    .createTable('coding_answer_segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('code_id', 'text', (c) => c.notNull().references('coding_codes.id').onDelete('cascade'))
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The seed's "statuut & mandaat, formeel en informeel": may_decide and may_sign are the formal
  // mandate; this is what an experience worker does or speaks on in practice without it being written.
  await db.schema
    .alterTable('trajectory_mandates')
    .addColumn('informal_mandate', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('coding_answer_segments_org_idx').on('coding_answer_segments').columns(['organisation_id', 'response_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('trajectory_mandates').dropColumn('informal_mandate').execute();
  await db.schema.dropTable('coding_answer_segments').execute();
  await db.schema.dropTable('coding_coresearchers').execute();
}
