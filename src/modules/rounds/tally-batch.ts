import { CompiledQuery, PostgresAdapter } from 'kysely';
import { type Db, EACH_ROW } from '../../db/database.ts';
import type { AnswerTable } from '../../db/tables/rounds.ts';
import { MISSING_MARKER } from './missing-marker.ts';

/** A response made complete just now, with the tally keys of every answer row it has (tallyRowsOf; none stored before). */
export type CompletedResponse = { roundId: string; teamId: string | null; tally: TallyRows };

const OTHER = '_other';

/** An answer row without its response's id. */
export type AnswerRow = Omit<AnswerTable, 'response_id'>;

/** What one complete response adds to the tallies: its value keys, its answered questions and items, its option set per question. */
export type TallyRows = {
  values: [question: string, item: string, option: string, number: number | null, marker: number][];
  answered: [question: string, item: string][];
  sets: [question: string, options: string][];
};

/** The tally keys one complete response adds, from every answer row it has (each row is one respondent for its key). */
export function tallyRowsOf(answers: readonly AnswerRow[]): TallyRows {
  const rows: TallyRows = { values: [], answered: [], sets: [] };
  const answeredHere = new Map<string, [string, string]>();
  const chosen = new Map<string, string[]>();
  for (const a of answers) {
    const item = a.item ?? '';
    const marker = a.text_value === MISSING_MARKER && a.option !== null && a.option !== OTHER ? 1 : 0;
    rows.values.push([a.question, item, a.option ?? '', a.number_value, marker]);
    const answeredKey = `${a.question}\u0000${item}`;
    if (!answeredHere.has(answeredKey)) answeredHere.set(answeredKey, [a.question, item]);
    if (a.option !== null && (a.text_value === null || a.text_value !== MISSING_MARKER || a.option === OTHER)) {
      const options = chosen.get(a.question);
      if (options) {
        if (!options.includes(a.option)) options.push(a.option);
      } else chosen.set(a.question, [a.option]);
    }
  }
  rows.answered = [...answeredHere.values()];
  // Byte order, as the tallies' own grouping sorts (SQLite's binary collation, PostgreSQL's "C").
  for (const [question, options] of chosen) rows.sets.push([question, options.sort(byBytes).join(' ')]);
  return rows;
}

/**
 * Adds complete responses to the tallies from the tally keys of every answer row each has
 * (tallyRowsOf): a batch of whole submissions from the rows in hand, so it costs the upserts only,
 * not grouping queries over the rows it just wrote; responses already stored (tally-hash-store.ts's
 * addStoredToTallies) from their rows read once. The number's text (value_key) is made by the
 * database from the number, as the database writes that number's column as text.
 */
export async function addCompletedToTallies(db: Db, completed: readonly CompletedResponse[]): Promise<void> {
  const values = new Map<string, [string, string, string, string, string, number | null, number, number]>();
  const answered = new Map<string, [string, string, string, string, number]>();
  const sets = new Map<string, [string, string, string, string, number]>();
  const add = <R extends unknown[]>(into: Map<string, R>, key: string, row: () => R) => {
    const counted = into.get(key);
    if (counted) counted[counted.length - 1] = (counted[counted.length - 1] as number) + 1;
    else into.set(key, row());
  };
  for (const { roundId, teamId, tally: rows } of completed) {
    const team = teamId ?? '';
    const scope = `${roundId}\u0000${team}`;
    for (const [question, item, option, number, marker] of rows.values)
      add(values, `${scope}\u0000${question}\u0000${item}\u0000${option}\u0000${number ?? ''}\u0000${marker}`, () => [
        roundId,
        team,
        question,
        item,
        option,
        number,
        marker,
        1,
      ]);
    for (const [question, item] of rows.answered) add(answered, `${scope}\u0000${question}\u0000${item}`, () => [roundId, team, question, item, 1]);
    for (const [question, options] of rows.sets) add(sets, `${scope}\u0000${question}\u0000${options}`, () => [roundId, team, question, options, 1]);
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
