import { CompiledQuery, PostgresAdapter } from 'kysely';
import { batchedJob } from '../../db/batch-job.ts';
import type { Db } from '../../db/database.ts';
import type { AnswerTable, ResponseTable } from '../../db/tables/rounds.ts';
import * as store from './store.ts';
import { addCompletedToTallies, tallyRowsOf } from './tally-batch.ts';

/** One whole response handed in at once: its row and its answer rows. */
export type Submission = { response: ResponseTable; answers: AnswerTable[] };

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Whole responses handed in close together are stored as one job of the group commit (batch-job.ts):
 * one multi-row insert of the responses (an id that exists already stores nothing), one of all their
 * answer rows, and one addition to the tallies for all of them (counted from the rows in hand,
 * tally-batch.ts), instead of five statements each. On PostgreSQL the three are one statement
 * (storeOnPostgres): it commits on its own, one round trip for the whole batch.
 */
async function storeSubmissions(trx: Db, submissions: Submission[]): Promise<undefined[]> {
  // The first of two submissions with one id counts (a retry sent while the first was in flight).
  const byId = new Map<string, Submission>();
  for (const s of submissions) if (!byId.has(s.response.id)) byId.set(s.response.id, s);
  const unique = [...byId.values()];
  if (isPostgres(trx)) return storeOnPostgres(trx, unique);
  const created = new Set(
    await store.insertResponsesIfNew(
      trx,
      unique.map((s) => s.response),
    ),
  );
  if (created.size === 0) return [];
  const stored = unique.filter((s) => created.has(s.response.id));
  await store.insertAnswers(
    trx,
    stored.flatMap((s) => s.answers),
  );
  // From the rows in hand: each response is new and complete, with every answer row it will have.
  await addCompletedToTallies(
    trx,
    stored.map((s) => ({ roundId: s.response.round_id, teamId: s.response.team_id, answers: s.answers })),
  );
  return [];
}

/**
 * PostgreSQL: the responses, their answer rows and their additions to the tallies in ONE statement
 * of arrays, so a batch is one round trip that commits by itself (no BEGIN and COMMIT, and the tally
 * rows it locks are held only for that statement). The answers and tallies are kept only for the
 * responses the statement created (`new`): an id stored before adds nothing. The tallies come from
 * each response's own rows (tally-batch.ts's tallyRowsOf, as SQLite's path adds them up) and are
 * grouped and upserted in key order, so two batches at once lock shared rows in the same order.
 */
const POSTGRES_STATEMENT = `with new as (
    insert into responses (id, round_id, link_id, team_id, instrument_version_id, language, consent_version, status, started_on, submitted_on, resume_code_hash, resume_page, owner_hash)
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[])
    on conflict (id) do nothing
    returning id, round_id, coalesce(team_id, '') as team_key
  ), stored_answers as (
    insert into answers (response_id, question, item, option, number_value, text_value)
    select x.* from unnest($14::text[], $15::text[], $16::text[], $17::text[], $18::float8[], $19::text[]) as x(r, q, i, o, v, t) where x.r in (select id from new)
  ), value_tallies as (
    insert into answer_value_tallies (round_id, team_key, question, item_key, option_key, value_key, marker, n)
    select new.round_id, new.team_key, x.q, x.i, x.o, coalesce(cast(x.v as text), ''), x.m, count(*)
    from unnest($20::text[], $21::text[], $22::text[], $23::text[], $24::float8[], $25::int[]) as x(r, q, i, o, v, m) join new on new.id = x.r
    group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
    on conflict (round_id, team_key, question, item_key, option_key, value_key, marker) do update set n = answer_value_tallies.n + excluded.n
  ), answered_tallies as (
    insert into answer_answered_tallies (round_id, team_key, question, item_key, n)
    select new.round_id, new.team_key, x.q, x.i, count(*) from unnest($26::text[], $27::text[], $28::text[]) as x(r, q, i) join new on new.id = x.r
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (round_id, team_key, question, item_key) do update set n = answer_answered_tallies.n + excluded.n
  )
  insert into answer_choice_set_tallies (round_id, team_key, question, options_key, n)
  select new.round_id, new.team_key, x.q, x.o, count(*) from unnest($29::text[], $30::text[], $31::text[]) as x(r, q, o) join new on new.id = x.r
  group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (round_id, team_key, question, options_key) do update set n = answer_choice_set_tallies.n + excluded.n`;

const RESPONSE_COLUMNS = store.RESPONSE_COLUMNS;

async function storeOnPostgres(db: Db, submissions: Submission[]): Promise<undefined[]> {
  const columns: unknown[][] = Array.from({ length: RESPONSE_COLUMNS.length + 6 + 6 + 3 + 3 }, () => []);
  const push = (at: number, values: readonly unknown[]) => {
    for (const [i, value] of values.entries()) columns[at + i]?.push(value);
  };
  const answersAt = RESPONSE_COLUMNS.length;
  const [valuesAt, answeredAt, setsAt] = [answersAt + 6, answersAt + 12, answersAt + 15];
  for (const { response, answers } of submissions) {
    push(
      0,
      RESPONSE_COLUMNS.map((c) => response[c] ?? null),
    );
    for (const a of answers) push(answersAt, [a.response_id, a.question, a.item, a.option, a.number_value, a.text_value]);
    const tallies = tallyRowsOf(answers);
    for (const row of tallies.values) push(valuesAt, [response.id, ...row]);
    for (const row of tallies.answered) push(answeredAt, [response.id, ...row]);
    for (const row of tallies.sets) push(setsAt, [response.id, ...row]);
  }
  await db.executeQuery(CompiledQuery.raw(POSTGRES_STATEMENT, columns));
  return [];
}

/** Stores a whole response with the others handed in at the same moment; resolves after the commit. */
export const submitInBatch: (db: Db, submission: Submission) => Promise<undefined> = batchedJob(storeSubmissions, {
  // PostgreSQL: one statement for the whole batch (storeOnPostgres), which commits on its own.
  oneStatement: (_items, db) => isPostgres(db),
  oneAtATime: true,
});
