import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as answerTallies from '../../src/db/migrations/2026_11_29_0006_answer_tallies.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

/**
 * Migration 0006 counts the responses that already exist with its own frozen copy of the tally
 * statements. Run again over the demo, it must give exactly the tallies the live code kept.
 */
describeEachDatabase('migration 0006 counts existing responses like the live tallies', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, undefined, { demo: true });
  });
  afterAll(() => t.close());

  const tallies = async () => {
    const rows = async (table: string) =>
      (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.ctx.db)).rows
        .map((r) => JSON.stringify(r, Object.keys(r).sort()))
        .sort();
    return {
      values: await rows('answer_value_tallies'),
      answered: await rows('answer_answered_tallies'),
      choiceSets: await rows('answer_choice_set_tallies'),
    };
  };

  it('gives the same rows after down and up', async () => {
    const before = await tallies();
    expect(before.values.length).toBeGreaterThan(100);
    expect(before.answered.length).toBeGreaterThan(20);
    expect(before.choiceSets.length).toBeGreaterThan(20);
    const db = t.ctx.db as unknown as Kysely<unknown>;
    await answerTallies.down(db);
    await answerTallies.up(db);
    expect(await tallies()).toEqual(before);
  });
});
