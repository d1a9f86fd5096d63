import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * A report with an answer filter groups the matching answer rows by question, item, option and
 * number. PostgreSQL estimated those groups as if the four columns were independent (61,785 for a
 * 20,000-response round, against 187 real ones), so it expected the hash table not to fit in
 * work_mem and sorted instead: the sort spilled to disk and took most of the query (390 ms against
 * 260 ms with the estimate right). Extended statistics of the number of distinct combinations give
 * it the real count. SQLite has no such statistics and needs none (it groups through a temporary index).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // The last one is the missing marker as the counts group by it (src/modules/rounds/missing-marker.ts, frozen here).
  await sql`create statistics if not exists answers_value_groups (ndistinct) on question, item, option, number_value,
    (case when text_value = '_missing' and option is not null and option <> '_other' then 1 else 0 end) from answers`.execute(db);
  await sql`analyze answers`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop statistics if exists answers_value_groups`.execute(db);
}
