import type { Kysely } from 'kysely';

/**
 * Stories (text, a photo with a caption, or both) owned by the person who shares them, with their
 * consent scope; tags against the frameworks; links between stories; reflections from the team
 * positions; photovoice projects whose selection becomes a public exhibition.
 * Photos themselves live outside the database (see stories/photo-storage.ts); a row keeps only the key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('author_position', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('caption', 'text')
    .addColumn('pseudonym', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_changed_at', 'text', (c) => c.notNull())
    .addColumn('media_checklist', 'text')
    .addColumn('media_checklist_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('photo_key', 'text')
    .addColumn('photo_width', 'integer')
    .addColumn('photo_height', 'integer')
    .addColumn('photo_bytes', 'integer')
    .addColumn('photo_alt', 'text')
    .addColumn('photo_people', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stories_organisation_scope_idx').on('stories').columns(['organisation_id', 'scope']).execute();
  await db.schema.createIndex('stories_author_idx').on('stories').column('author_user_id').execute();

  await db.schema
    .createTable('story_tags')
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_tags_pk', ['story_id', 'framework', 'code'])
    .execute();

  await db.schema
    .createTable('story_links')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('story_a', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('story_b', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_links_pk', ['story_a', 'story_b'])
    .execute();
  await db.schema.createIndex('story_links_b_idx').on('story_links').column('story_b').execute();

  await db.schema
    .createTable('story_reflections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('position', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('showed', 'text')
    .addColumn('research_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_reflections_story_idx').on('story_reflections').column('story_id').execute();

  await db.schema
    .createTable('photovoice_projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('facilitator_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('theme_code', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('exhibition_slug', 'text', (c) => c.unique())
    .addColumn('exhibition_intro', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('photovoice_projects_organisation_idx').on('photovoice_projects').column('organisation_id').execute();

  await db.schema
    .createTable('photovoice_entries')
    .addColumn('project_id', 'text', (c) => c.notNull().references('photovoice_projects.id').onDelete('cascade'))
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('selected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('group_caption', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('photovoice_entries_pk', ['project_id', 'story_id'])
    .execute();
  await db.schema.createIndex('photovoice_entries_story_idx').on('photovoice_entries').column('story_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['photovoice_entries', 'photovoice_projects', 'story_reflections', 'story_links', 'story_tags', 'stories']) {
    await db.schema.dropTable(table).execute();
  }
}
