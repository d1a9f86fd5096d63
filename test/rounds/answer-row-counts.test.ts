import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { offThreadJobs } from '../../src/core/off-thread.ts';
import { sqliteFileOf } from '../../src/db/database.ts';
import type { AnswerTable } from '../../src/db/tables/rounds.ts';
import { type AnswerRowCounts, answerRowCounts, countsFromTallyHashes, inChunks, type Scope } from '../../src/modules/rounds/answers.ts';
import { rebuildTallies } from '../../src/modules/rounds/bulk-load.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound, responseRow } from '../helpers/respondent.ts';

describe('the shares a selection is counted in', () => {
  it('are consecutive, differ in size by at most one, and leave nothing out', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(inChunks(ids, 1)).toEqual([['a', 'b', 'c', 'd', 'e', 'f', 'g']]);
    expect(inChunks(ids, 2)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f', 'g'],
    ]);
    expect(inChunks(ids, 3)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f', 'g'],
    ]);
    expect(inChunks(ids, 4)).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f', 'g']]);
  });

  it('are never more than the items, and at least one', () => {
    expect(inChunks(['a', 'b'], 4)).toEqual([['a'], ['b']]);
    expect(inChunks([], 3)).toEqual([[]]);
    expect(inChunks(['a'], 0)).toEqual([['a']]);
  });
});

/**
 * Ids of every shape (not only UUIDs: imported responses keep their own), so shares that depended on
 * what an id looks like, and left one out or took one twice, would show.
 */
const ENDINGS = ['0', '5', '7', '8', '9', 'a', 'b', 'f', 'A', 'Z', 'g', 'z', '-', '~'];

/**
 * 14 complete responses of one round, their ids ending as above. Response i:
 * - sector: ggz for i < 10, else vz;
 * - rollen (multiple choice): i % 3 == 0 chose a and b, == 1 chose b only, == 2 left it blank but for a
 *   "missing" marker on option a (answered, no set);
 * - leeftijd: 30 for even i, 40 for odd i.
 * Not counted: a draft that ends in 0 and holds ggz, and a complete ggz response of another round.
 */
async function seed(t: TestApp): Promise<Scope> {
  const ctx = t.ctx;
  const org = await makeOrganisation(ctx, 'De Brug');
  const user = await makeUser(ctx, { organisationId: org, role: 'researcher' });
  const versionId = await makePublishedVersion(ctx, org);
  const round = await makeRound(ctx, org, versionId, user.id);
  const other = await makeRound(ctx, org, versionId, user.id);
  const answers: AnswerTable[] = [];
  const row = (responseId: string, question: string, option: string | null, number: number | null = null, text: string | null = null) =>
    answers.push({ response_id: responseId, question, item: null, option, number_value: number, text_value: text });
  const respond = async (roundId: string, id: string, status: string) => {
    const link = await ctx.db.selectFrom('round_links').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('responses')
      .values(responseRow({ id, roundId, linkId: link.id, versionId, status }))
      .execute();
  };
  const prefix = newId().slice(0, 8);
  for (const [i, ending] of ENDINGS.entries()) {
    const id = `${prefix}-${i}-${ending}`;
    await respond(round.roundId, id, 'complete');
    row(id, 'sector', i < 10 ? 'ggz' : 'vz');
    if (i % 3 === 0) {
      row(id, 'rollen', 'a', 1);
      row(id, 'rollen', 'b', 1);
    } else if (i % 3 === 1) row(id, 'rollen', 'b', 1);
    else row(id, 'rollen', 'a', null, '_missing');
    row(id, 'leeftijd', null, i % 2 === 0 ? 30 : 40);
  }
  const draft = `${prefix}-draft-0`;
  await respond(round.roundId, draft, 'in_progress');
  row(draft, 'sector', 'ggz');
  row(draft, 'rollen', 'a', 1);
  const elsewhere = `${prefix}-elsewhere-0`;
  await respond(other.roundId, elsewhere, 'complete');
  row(elsewhere, 'sector', 'ggz');
  row(elsewhere, 'rollen', 'a', 1);
  await ctx.db.insertInto('answers').values(answers).execute();
  return { organisationId: org, roundIds: [round.roundId], answers: [] };
}

/** The counts in a form to compare: value counts sorted, sets sorted. */
const comparable = (c: AnswerRowCounts) => ({
  n: c.n,
  values: c.values
    .map((v) => `${v.question}|${v.option}|${v.value}|${v.marker ? 'marker' : ''}=${v.count}`)
    .sort()
    .join(' '),
  answered: Object.fromEntries(c.answered),
  rollen: (c.sets.get('rollen') ?? [])
    .map((s) => `${s.options.join('+')}=${s.count}`)
    .sort()
    .join(' '),
});

describeEachDatabase('counting a scope from its answer rows, in parts at once', (dialect) => {
  let t: TestApp;
  let whole: Scope;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    whole = await seed(t);
  }, 60_000);
  afterAll(() => t.close());

  it('the whole round: every part count adds up to the same, whatever the ids end in', async () => {
    for (const parts of [1, 2, 3, 4]) {
      expect(comparable(await answerRowCounts(t.ctx.db, whole, ['rollen'], { parts })), `${parts} parts`).toEqual({
        n: 14,
        // i%3==0: 0,3,6,9,12 (5); ==1: 1,4,7,10,13 (5); ==2: 2,5,8,11 (4). Even i: 7, odd i: 7.
        values: 'leeftijd|null|30|=7 leeftijd|null|40|=7 rollen|a|1|=5 rollen|a|null|marker=4 rollen|b|1|=10 sector|ggz|null|=10 sector|vz|null|=4',
        answered: { rollen: 14 },
        rollen: 'a+b=5 b=5',
      });
    }
  });

  it('with an answer filter: only the responses that hold it', async () => {
    const ggz: Scope = { ...whole, answers: [{ question: 'sector', option: 'ggz' }] };
    for (const parts of [1, 2, 3]) {
      expect(comparable(await answerRowCounts(t.ctx.db, ggz, ['rollen'], { parts })), `${parts} parts`).toEqual({
        n: 10,
        // i < 10: i%3==0: 0,3,6,9 (4); ==1: 1,4,7 (3); ==2: 2,5,8 (3). Even: 0,2,4,6,8 (5), odd 5.
        values: 'leeftijd|null|30|=5 leeftijd|null|40|=5 rollen|a|1|=4 rollen|a|null|marker=3 rollen|b|1|=7 sector|ggz|null|=10',
        answered: { rollen: 10 },
        rollen: 'a+b=4 b=3',
      });
    }
  });

  if (dialect === 'sqlite')
    it('on SQLite the parts are counted in worker threads, not on the request thread', async () => {
      offThreadJobs.last = null;
      await answerRowCounts(t.ctx.db, whole, ['rollen'], { parts: 2 });
      const job = offThreadJobs.last as { task: string; threadId: number } | null;
      expect(job?.task).toBe('counts');
      expect(job?.threadId).not.toBe(threadId);
    });

  // Last: the rows above were written straight to the tables, so the responses have no tally hashes
  // and everything before counted the rows; a rebuild (as after an import) gives them hashes.
  it('once the round is counted into its tallies, the same counts come from the tally hashes (on SQLite in a worker thread)', async () => {
    await rebuildTallies(t.ctx.db, whole.roundIds);
    const ggz: Scope = { ...whole, answers: [{ question: 'sector', option: 'ggz' }] };
    offThreadJobs.last = null;
    const sqliteFile = dialect === 'sqlite' ? await sqliteFileOf(t.ctx.db) : null;
    if (dialect === 'sqlite') expect(sqliteFile).toBeTruthy();
    const fromHashes = await countsFromTallyHashes(t.ctx.db, ggz, ['rollen'], sqliteFile);
    expect(fromHashes && comparable(fromHashes)).toEqual({
      n: 10,
      values: 'leeftijd|null|30|=5 leeftijd|null|40|=5 rollen|a|1|=4 rollen|a|null|marker=3 rollen|b|1|=7 sector|ggz|null|=10',
      answered: { rollen: 10 },
      rollen: 'a+b=4 b=3',
    });
    const job = offThreadJobs.last as { task: string; threadId: number } | null;
    if (dialect === 'sqlite') {
      expect(job?.task).toBe('counts');
      expect(typeof job?.threadId).toBe('number');
      expect(job?.threadId).not.toBe(threadId);
    } else expect(job).toBeNull();
  });
});
