import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Personal invitations to a round, reminders, targets per link and an organisation's colour.
 *
 * Anonymity: an invitation records only whether it was used (`used`), never which response is
 * whose. No table here holds a response id and `responses` holds no invitation id. A use is first
 * written to `round_invitation_uses` (no time, no order: on SQLite a table without rowid, stored in
 * the order of the random id) in its own transaction after the response's, and moved into `used` by
 * a daily batch, so the mark carries no time that lines up with a response.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('round_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('link_id', 'text', (c) => c.notNull().references('round_links.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('round_invitations_round_email', ['round_id', 'email'])
    .execute();
  // One row per mail sent (invitation, reminder): each mail's link works, only hashes are kept.
  await db.schema
    .createTable('round_invitation_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('round_invitations.id').onDelete('cascade'))
    .execute();
  let uses = db.schema
    .createTable('round_invitation_uses')
    .addColumn('invitation_id', 'text', (c) => c.primaryKey().references('round_invitations.id').onDelete('cascade'));
  if (isSqlite) uses = uses.modifyEnd(sql`without rowid`);
  await uses.execute();
  await db.schema
    .createTable('round_invitation_batches')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable('round_invitation_rounds')
    .addColumn('round_id', 'text', (c) => c.primaryKey().references('rounds.id').onDelete('cascade'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('closing_sent_at', 'text')
    .execute();
  await db.schema
    .createTable('round_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('send_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('round_reminders_round_day', ['round_id', 'send_on'])
    .execute();
  await db.schema
    .createTable('round_link_targets')
    .addColumn('link_id', 'text', (c) => c.primaryKey().references('round_links.id').onDelete('cascade'))
    .addColumn('target', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('organisation_branding')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('colour', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'organisation_branding',
    'round_link_targets',
    'round_reminders',
    'round_invitation_rounds',
    'round_invitation_batches',
    'round_invitation_uses',
    'round_invitation_tokens',
    'round_invitations',
  ])
    await db.schema.dropTable(table).execute();
}
