import { CompiledQuery, type Kysely, PostgresAdapter, sql } from 'kysely';
import { EACH_ROW } from '../database.ts';

/*
 * A frozen copy of rounds/tally-batch.ts's tallyRowsOf and rounds/tally-hashes.ts's key texts and hash
 * as they were when this migration was written: a migration never runs live code, which may change
 * after it (test/rounds/tally-hashes.test.ts checks its hashes equal those of today's code).
 */
type Row = { question: string; item: string | null; option: string | null; number_value: number | null; text_value: string | null };
const MISSING = '_missing';
const OTHER = '_other';
const SEP = '\u001f';
const numberText = (value: number | null) => (value === null ? '' : String(Number(value.toPrecision(15))));
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 1;
}
function hashesOf(rows: readonly Row[]): Buffer {
  const values: string[] = [];
  const answered = new Set<string>();
  const chosen = new Map<string, Set<string>>();
  for (const a of rows) {
    const item = a.item ?? '';
    const marker = a.text_value === MISSING && a.option !== null && a.option !== OTHER ? 1 : 0;
    values.push(['v', a.question, item, a.option ?? '', numberText(a.number_value), String(marker)].join(SEP));
    answered.add(['a', a.question, item].join(SEP));
    if (a.option !== null && marker === 0) chosen.set(a.question, (chosen.get(a.question) ?? new Set()).add(a.option));
  }
  const byBytes = (x: string, y: string) => Buffer.compare(Buffer.from(x), Buffer.from(y));
  const sets = [...chosen].map(([question, options]) => ['s', question, [...options].sort(byBytes).join(' ')].join(SEP));
  const keys = [...values, ...answered, ...sets];
  const bytes = Buffer.alloc(keys.length * 4);
  keys.forEach((key, i) => {
    bytes.writeUInt32LE(hashOf(key), i * 4);
  });
  return bytes;
}

/**
 * Each complete response keeps what it added to its round's tallies as hashes of the tally keys, so a
 * report with answer filters counts those of the responses in scope instead of grouping their answer
 * rows (rounds/tally-hashes.ts). Existing complete responses get theirs here, a share at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('responses')
    .addColumn('tally_hashes', postgres ? 'bytea' : 'blob')
    .execute();
  const { rows: ids } = await sql<{ id: string }>`select id from responses where status = 'complete' order by id`.execute(db);
  for (let i = 0; i < ids.length; i += 2_000) {
    const share = ids.slice(i, i + 2_000).map((r) => r.id);
    const { rows } = await sql<Row & { response_id: string }>`select response_id, question, item, option, number_value, text_value from answers
      where response_id in (${sql.join(share)})`.execute(db);
    const byResponse = new Map<string, Row[]>(share.map((id) => [id, []]));
    for (const row of rows) byResponse.get(row.response_id)?.push(row);
    const hashes = [...byResponse].map(([id, of]) => [id, hashesOf(of)] as const);
    if (postgres)
      await db.executeQuery(
        CompiledQuery.raw('update responses set tally_hashes = v.h from unnest($1::text[], $2::bytea[]) as v(id, h) where responses.id = v.id', [
          hashes.map(([id]) => id),
          hashes.map(([, h]) => h),
        ]),
      );
    else
      await db.executeQuery(
        CompiledQuery.raw(
          `${EACH_ROW}update responses set tally_hashes = ? where id = ?`,
          hashes.flatMap(([id, h]) => [h, id]),
        ),
      );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('tally_hashes').execute();
}
