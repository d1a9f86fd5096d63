import type { Kysely } from 'kysely';

/** Co-creative trajectories of teams: agreements, dialogue, intervision, team checks and the signed charter. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const trajectory = (c: import('kysely').ColumnDefinitionBuilder) => c.notNull().references('trajectories.id').onDelete('cascade');
  await db.schema
    .createTable('trajectories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('context_who', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('context_sector', 'text')
    .addColumn('logics', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trajectories_organisation_idx').on('trajectories').columns(['organisation_id', 'team_id']).execute();

  await db.schema
    .createTable('trajectory_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_user_id', 'text')
    .addColumn('review_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trajectory_agreements_trajectory_idx').on('trajectory_agreements').columns(['trajectory_id', 'topic']).execute();

  await db.schema
    .createTable('trajectory_agreement_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('trajectory_agreements.id').onDelete('cascade'))
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('next_review_on', 'text')
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('trajectory_agreement_reviews_idx').on('trajectory_agreement_reviews').column('agreement_id').execute();

  await db.schema
    .createTable('trajectory_contributions')
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('experiential', 'integer', (c) => c.notNull())
    .addColumn('positions', 'text', (c) => c.notNull())
    .addColumn('experiential_note', 'text', (c) => c.notNull())
    .addColumn('professional', 'integer', (c) => c.notNull())
    .addColumn('professional_note', 'text', (c) => c.notNull())
    .addColumn('other_note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trajectory_contributions_pk', ['trajectory_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('trajectory_roles')
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('role_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('hours_per_week', 'double precision')
    .addPrimaryKeyConstraint('trajectory_roles_pk', ['trajectory_id', 'role_key', 'user_id'])
    .execute();

  await db.schema
    .createTable('trajectory_mandates')
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('statuses', 'text', (c) => c.notNull())
    .addColumn('may_decide', 'text', (c) => c.notNull())
    .addColumn('may_sign', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trajectory_mandates_pk', ['trajectory_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('trajectory_support')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('by_whom', 'text', (c) => c.notNull())
    .addColumn('for_whom', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('equal_position_views')
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('equal_position_views_pk', ['trajectory_id', 'question_key', 'user_id'])
    .execute();

  await db.schema
    .createTable('equal_positions')
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('equal_positions_pk', ['trajectory_id', 'question_key'])
    .execute();

  await db.schema
    .createTable('intervision_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('facilitator_user_id', 'text', (c) => c.notNull())
    .addColumn('presenter_user_id', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('intervision_notes')
    .addColumn('session_id', 'text', (c) => c.notNull().references('intervision_sessions.id').onDelete('cascade'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('intervision_notes_pk', ['session_id', 'step'])
    .execute();

  await db.schema
    .createTable('intervision_themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('intervision_sessions.id').onDelete('cascade'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('shared_by', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('trajectory_checks')
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('moment', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trajectory_checks_pk', ['trajectory_id', 'moment'])
    .execute();

  await db.schema
    .createTable('charter_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trajectory_id', 'text', trajectory)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('charter_versions_number_unique', ['trajectory_id', 'version'])
    .execute();

  await db.schema
    .createTable('charter_signatures')
    .addColumn('version_id', 'text', (c) => c.notNull().references('charter_versions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('charter_signatures_pk', ['version_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('charter_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('charter_versions.id').onDelete('cascade'))
    .addColumn('section_key', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('charter_comments_version_idx').on('charter_comments').column('version_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'charter_comments',
    'charter_signatures',
    'charter_versions',
    'trajectory_checks',
    'intervision_themes',
    'intervision_notes',
    'intervision_sessions',
    'equal_positions',
    'equal_position_views',
    'trajectory_support',
    'trajectory_mandates',
    'trajectory_roles',
    'trajectory_contributions',
    'trajectory_agreement_reviews',
    'trajectory_agreements',
    'trajectories',
  ])
    await db.schema.dropTable(table).execute();
}
