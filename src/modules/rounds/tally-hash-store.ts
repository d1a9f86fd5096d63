import { CompiledQuery, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import { type Db, EACH_ROW } from '../../db/database.ts';
import type { Scope } from './answer-counts.ts';
import { answersOfResponses } from './answer-rows-store.ts';
import { type AnswerRow, addCompletedToTallies, tallyRowsOf } from './tally-batch.ts';
import { hashesOfTallyRows, type ScopeTallyKeys } from './tally-hashes.ts';

/** Responses counted from one read of their answer rows. */
const RESPONSES_PER_READ = 2_000;

/**
 * Adds the complete responses matching `where` (a condition on `r`, the responses) to the tallies and
 * stores their tally hashes (tally-hashes.ts), both from their answer rows, read once: for the paths
 * that complete responses whose rows are in the database already (a draft handed in, an import, the
 * demo, a rebuild). A share of responses at a time, so a round of 100,000 never sits in memory whole.
 */
export async function addStoredToTallies<DB>(kysely: Kysely<DB>, where: RawBuilder<unknown>): Promise<void> {
  const db = kysely as unknown as Db;
  const { rows: responses } = await sql<{ id: string; round_id: string; team_id: string | null }>`select r.id, r.round_id, r.team_id from responses r
    where r.status = 'complete' and (${where})`.execute(db);
  for (let i = 0; i < responses.length; i += RESPONSES_PER_READ) {
    const share = responses.slice(i, i + RESPONSES_PER_READ);
    const answers = new Map<string, AnswerRow[]>(share.map((r) => [r.id, []]));
    for (const { response_id, ...row } of await answersOfResponses(
      db,
      share.map((r) => r.id),
    ))
      answers.get(response_id)?.push(row);
    const completed = share.map((r) => ({ id: r.id, roundId: r.round_id, teamId: r.team_id, tally: tallyRowsOf(answers.get(r.id) ?? []) }));
    await writeHashes(
      db,
      completed.map((c) => [c.id, hashesOfTallyRows(c.tally)] as const),
    );
    await addCompletedToTallies(db, completed);
  }
}

async function writeHashes(db: Db, hashes: (readonly [string, Buffer])[]): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
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

/** Every key of the tallies of the scope's rounds (all teams): a superset of the keys of any response in scope. */
export async function scopeTallyKeys(db: Db, scope: Scope): Promise<ScopeTallyKeys> {
  const roundIds = db
    .selectFrom('rounds')
    .select('rounds.id')
    .where('rounds.organisation_id', '=', scope.organisationId)
    .where('rounds.id', 'in', scope.roundIds.length ? scope.roundIds : ['']);
  const values = await db
    .selectFrom('answer_value_tallies as t')
    .select(['t.question', 't.item_key', 't.option_key', 't.value_key', 't.marker'])
    .distinct()
    .where('t.round_id', 'in', roundIds)
    .execute();
  const answered = await db
    .selectFrom('answer_answered_tallies as t')
    .select(['t.question', 't.item_key'])
    .distinct()
    .where('t.round_id', 'in', roundIds)
    .execute();
  const sets = await db
    .selectFrom('answer_choice_set_tallies as t')
    .select(['t.question', 't.options_key'])
    .distinct()
    .where('t.round_id', 'in', roundIds)
    .execute();
  return {
    values: values.map((v) => ({ question: v.question, item: v.item_key, option: v.option_key, value: v.value_key, marker: Number(v.marker) })),
    answered: answered.map((a) => ({ question: a.question, item: a.item_key })),
    sets: sets.map((s) => ({ question: s.question, options: s.options_key })),
  };
}
