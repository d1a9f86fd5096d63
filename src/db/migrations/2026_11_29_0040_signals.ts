import type { Kysely } from 'kysely';

/**
 * Signals to policy: the signal, every step of its path (who, when, what was said), links to
 * stories, what the people concerned said in member checking, and notifications for the person
 * who raised it. Links to stories go when the story is deleted; whether a linked story may be shown is
 * decided per viewer by the stories module's access API, never by these rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('raised_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('observation', 'text', (c) => c.notNull())
    .addColumn('barrier_for', 'text', (c) => c.notNull())
    .addColumn('logic', 'text', (c) => c.notNull())
    .addColumn('theme', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_code_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_step_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signals_organisation_idx').on('signals').columns(['organisation_id', 'status']).execute();

  await db.schema
    .createTable('signal_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signal_id', 'text', (c) => c.notNull().references('signals.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signal_steps_signal_idx').on('signal_steps').column('signal_id').execute();

  await db.schema
    .createTable('signal_story_links')
    .addColumn('signal_id', 'text', (c) => c.notNull().references('signals.id').onDelete('cascade'))
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('linked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signal_story_links_pk', ['signal_id', 'story_id'])
    .execute();

  await db.schema
    .createTable('signal_member_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signal_id', 'text', (c) => c.notNull().references('signals.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signal_member_checks_signal_idx').on('signal_member_checks').column('signal_id').execute();

  await db.schema
    .createTable('signal_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('signal_id', 'text', (c) => c.notNull().references('signals.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('signal_notifications_user_idx').on('signal_notifications').columns(['user_id', 'organisation_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['signal_notifications', 'signal_member_checks', 'signal_story_links', 'signal_steps', 'signals'])
    await db.schema.dropTable(table).execute();
}
