import type { Kysely } from 'kysely';

/**
 * Live meetings (ontmoeting): the meeting with its join code, who facilitates it, its prompts, the
 * anonymous participants (a hashed browser token and a hashed receipt code, an optional position,
 * nothing else), their answers (one per prompt), room questions with upvotes, and every
 * moderation decision with its reason. No IP address, user agent or time is stored for a participant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('trajectory_id', 'text', (c) => c.references('trajectories.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pacing', 'text', (c) => c.notNull())
    .addColumn('join_code', 'text', (c) => c.notNull().unique())
    .addColumn('current_index', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_organisation_idx').on('meetings').column('organisation_id').execute();

  await db.schema
    .createTable('meeting_facilitators')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_facilitators_pk', ['meeting_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('meeting_prompts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('results_visible', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('meeting_prompts_position_uq', ['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('meeting_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('receipt_hash', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .execute();
  await db.schema.createIndex('meeting_participants_receipt_idx').on('meeting_participants').columns(['meeting_id', 'receipt_hash']).execute();

  await db.schema
    .createTable('meeting_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prompt_id', 'text', (c) => c.notNull().references('meeting_prompts.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('meeting_participants.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('moderation', 'text', (c) => c.notNull())
    // One answer per participant per prompt: a changed answer replaces the row.
    .addUniqueConstraint('meeting_answers_one_uq', ['prompt_id', 'participant_id'])
    .execute();

  await db.schema
    .createTable('meeting_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prompt_id', 'text', (c) => c.notNull().references('meeting_prompts.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('meeting_participants.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('moderation', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('meeting_questions_client_uq', ['participant_id', 'client_id'])
    .execute();
  await db.schema.createIndex('meeting_questions_prompt_idx').on('meeting_questions').column('prompt_id').execute();

  await db.schema
    .createTable('meeting_upvotes')
    .addColumn('question_id', 'text', (c) => c.notNull().references('meeting_questions.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('meeting_participants.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('meeting_upvotes_pk', ['question_id', 'participant_id'])
    .execute();

  await db.schema
    .createTable('meeting_moderation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_moderation_meeting_idx').on('meeting_moderation').column('meeting_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'meeting_moderation',
    'meeting_upvotes',
    'meeting_questions',
    'meeting_answers',
    'meeting_participants',
    'meeting_prompts',
    'meeting_facilitators',
    'meetings',
  ])
    await db.schema.dropTable(table).execute();
}
