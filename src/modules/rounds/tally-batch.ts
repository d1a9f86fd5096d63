import { CompiledQuery, PostgresAdapter } from 'kysely';
import { type Db, EACH_ROW } from '../../db/database.ts';
import type { AnswerTable } from '../../db/tables/rounds.ts';
import { MISSING_MARKER } from './missing-marker.ts';

/** A response made complete just now, with every answer row it has (none stored before). */
export type CompletedResponse = { roundId: string; teamId: string | null; answers: readonly AnswerTable[] };

const OTHER = '_other';

/**
 * Adds responses completed just now to the tallies from their answer rows in hand, with the same
 * keys as tally-store.ts's addToTallies, which reads them back from the tables: a batch of whole
 * submissions then costs the upserts only, not three grouping queries over the rows it just wrote.
 * Only for responses whose every answer row is in `answers` (a whole submission). The number's
 * text (value_key) is made by the database from the number, as addToTallies makes it from the column.
 */
export async function addCompletedToTallies(db: Db, completed: readonly CompletedResponse[]): Promise<void> {
  const values = new Map<string, [string, string, string, string, string, number | null, number, number]>();
  const answered = new Map<string, [string, string, string, string, number]>();
  const sets = new Map<string, [string, string, string, string, number]>();
  for (const { roundId, teamId, answers } of completed) {
    const team = teamId ?? '';
    const answeredHere = new Set<string>();
    const chosen = new Map<string, Set<string>>();
    for (const a of answers) {
      const item = a.item ?? '';
      const option = a.option ?? '';
      const marker = a.text_value === MISSING_MARKER && a.option !== null && a.option !== OTHER ? 1 : 0;
      const valueKey = `${roundId}\u0000${team}\u0000${a.question}\u0000${item}\u0000${option}\u0000${a.number_value ?? ''}\u0000${marker}`;
      const value = values.get(valueKey);
      if (value) value[7] += 1;
      else values.set(valueKey, [roundId, team, a.question, item, option, a.number_value, marker, 1]);
      answeredHere.add(`${a.question}\u0000${item}`);
      if (a.option !== null && (a.text_value === null || a.text_value !== MISSING_MARKER || a.option === OTHER)) {
        const options = chosen.get(a.question) ?? new Set<string>();
        options.add(a.option);
        chosen.set(a.question, options);
      }
    }
    for (const key of answeredHere) {
      const [question = '', item = ''] = key.split('\u0000');
      const counted = answered.get(`${roundId}\u0000${team}\u0000${key}`);
      if (counted) counted[4] += 1;
      else answered.set(`${roundId}\u0000${team}\u0000${key}`, [roundId, team, question, item, 1]);
    }
    for (const [question, options] of chosen) {
      // Byte order, as the tallies' own grouping sorts (SQLite's binary collation, PostgreSQL's "C").
      const optionsKey = [...options].sort(byBytes).join(' ');
      const setKey = `${roundId}\u0000${team}\u0000${question}\u0000${optionsKey}`;
      const counted = sets.get(setKey);
      if (counted) counted[4] += 1;
      else sets.set(setKey, [roundId, team, question, optionsKey, 1]);
    }
  }
  if (values.size === 0 && sets.size === 0) return;
  if (db.getExecutor().adapter instanceof PostgresAdapter) return upsertPostgres(db, [...values.values()], [...answered.values()], [...sets.values()]);
  await db.executeQuery(CompiledQuery.raw(SQLITE_VALUES, [...values.values()].flat()));
  if (answered.size) await db.executeQuery(CompiledQuery.raw(SQLITE_ANSWERED, [...answered.values()].flat()));
  if (sets.size) await db.executeQuery(CompiledQuery.raw(SQLITE_SETS, [...sets.values()].flat()));
}

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

const SQLITE_VALUES = `${EACH_ROW}insert into answer_value_tallies (round_id, team_key, question, item_key, option_key, value_key, marker, n)
  values (?, ?, ?, ?, ?, coalesce(cast(? as text), ''), ?, ?)
  on conflict (round_id, team_key, question, item_key, option_key, value_key, marker) do update set n = answer_value_tallies.n + excluded.n`;
const SQLITE_ANSWERED = `${EACH_ROW}insert into answer_answered_tallies (round_id, team_key, question, item_key, n) values (?, ?, ?, ?, ?)
  on conflict (round_id, team_key, question, item_key) do update set n = answer_answered_tallies.n + excluded.n`;
const SQLITE_SETS = `${EACH_ROW}insert into answer_choice_set_tallies (round_id, team_key, question, options_key, n) values (?, ?, ?, ?, ?)
  on conflict (round_id, team_key, question, options_key) do update set n = answer_choice_set_tallies.n + excluded.n`;

/**
 * PostgreSQL: the three additions in one statement of arrays. Grouped again in SQL, as two numbers
 * may give one text; an upsert may not touch one row twice. In key order, so two batches committing
 * at once (group-commit.ts) lock the rows they share in the same order and do not deadlock.
 */
const POSTGRES_ALL = `with value_tallies as (
    insert into answer_value_tallies (round_id, team_key, question, item_key, option_key, value_key, marker, n)
    select r, t, q, i, o, coalesce(cast(v as text), ''), m, sum(n) from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::int[], $8::int[]) as x(r, t, q, i, o, v, m, n)
    group by r, t, q, i, o, coalesce(cast(v as text), ''), m
    order by r, t, q, i, o, 6, m
    on conflict (round_id, team_key, question, item_key, option_key, value_key, marker) do update set n = answer_value_tallies.n + excluded.n
  ), answered_tallies as (
    insert into answer_answered_tallies (round_id, team_key, question, item_key, n)
    select * from unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::int[]) as x(r, t, q, i, n) order by r, t, q, i
    on conflict (round_id, team_key, question, item_key) do update set n = answer_answered_tallies.n + excluded.n
  )
  insert into answer_choice_set_tallies (round_id, team_key, question, options_key, n)
  select * from unnest($14::text[], $15::text[], $16::text[], $17::text[], $18::int[]) as x(r, t, q, o, n) order by r, t, q, o
  on conflict (round_id, team_key, question, options_key) do update set n = answer_choice_set_tallies.n + excluded.n`;

const columnsOf = (rows: readonly unknown[][], width: number) => Array.from({ length: width }, (_, c) => rows.map((row) => row[c]));

async function upsertPostgres(db: Db, values: unknown[][], answered: unknown[][], sets: unknown[][]): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(POSTGRES_ALL, [...columnsOf(values, 8), ...columnsOf(answered, 5), ...columnsOf(sets, 5)]));
}
