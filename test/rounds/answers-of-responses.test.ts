import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { answersOfResponses } from '../../src/modules/rounds/answers.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { sampleRoundResponses } from '../helpers/respondent.ts';

/** The rows an export reads page by page: every answer row of the given responses, whatever their number. */
describeEachDatabase('the answer rows of many responses', (dialect) => {
  let t: TestApp;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ids = await sampleRoundResponses(t.ctx, 1_003);
  }, 120_000);
  afterAll(() => t.close());

  it('over a thousand responses: every row once, with its own columns', async () => {
    expect(ids).toHaveLength(1_003);
    const rows = await answersOfResponses(t.ctx.db, ids);
    const stored = await t.ctx.db
      .selectFrom('answers')
      .select(['response_id', 'question', 'item', 'option', 'number_value', 'text_value'])
      .where('response_id', 'in', ids)
      .execute();
    const key = (r: (typeof stored)[number]) => JSON.stringify([r.response_id, r.question, r.item, r.option, r.number_value, r.text_value]);
    expect(rows.length).toBeGreaterThan(20_000);
    expect(rows.map(key).sort()).toEqual(stored.map(key).sort());
    // The last response's rows are all there too.
    const last = ids.at(-1) ?? '';
    const { n } = (await sql<{ n: number }>`select count(*) as n from answers where response_id = ${last}`.execute(t.ctx.db)).rows[0] ?? { n: 0 };
    expect(rows.filter((r) => r.response_id === last)).toHaveLength(Number(n));
    expect(Number(n)).toBeGreaterThan(0);
  });

  it('no ids, no rows', async () => {
    expect(await answersOfResponses(t.ctx.db, [])).toEqual([]);
  });
});
