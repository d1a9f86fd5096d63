/**
 * Bench-only bulk load into PostgreSQL with COPY … FROM STDIN (pg-copy-streams), for `bench/scale.ts`.
 * This bypasses the rounds module on purpose (its bulk-load.ts inserts in batches of 1,000 rows, which
 * at 30 million rows would take hours): the rows are synthetic copies of responses the platform
 * generated and validated itself, loaded into a throw-away database. While loading, the answers'
 * secondary indexes are dropped and made again afterwards from their own definitions (pg_indexes),
 * and the connection runs with `session_replication_role = replica` (superuser only), so the foreign
 * key from answers to responses is not checked row by row; the generator makes every answer's
 * response first. Never point this at a database that holds real data.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value as a field of COPY's text format (null as \N; backslash, tab and line ends escaped). */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export const copyLine = (values: (string | number | null)[]) => `${values.map(copyField).join('\t')}\n`;

/** Streams the chunks (each any number of whole COPY text lines) into the table's columns. */
export async function copyInto(client: pg.Client, table: string, columns: readonly string[], chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks), stream);
}

/**
 * Runs `load` with the table's secondary indexes (not its primary key or unique constraints) dropped,
 * then makes them again, one by one, and returns how long each took to build.
 */
export async function withoutIndexes(client: pg.Client, table: string, load: () => Promise<void>): Promise<{ name: string; seconds: number }[]> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = $1
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [table],
  );
  for (const r of rows) await client.query(`drop index ${r.indexname}`);
  await load();
  const built: { name: string; seconds: number }[] = [];
  for (const r of rows) {
    const t0 = performance.now();
    await client.query(r.indexdef);
    built.push({ name: r.indexname, seconds: (performance.now() - t0) / 1000 });
  }
  return built;
}
