import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AnswerTable } from '../../src/db/tables/rounds.ts';
import * as store from '../../src/modules/rounds/store.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { sampleRoundResponses } from '../helpers/respondent.ts';

/**
 * A page's answers are replaced all or nothing, also when the save runs on the database itself (a
 * lone save of the group commit, which on PostgreSQL commits without a transaction around it).
 */
describeEachDatabase('a page of answers replaced on its own', (dialect) => {
  let t: TestApp;
  let responseId: string;

  const answersOf = async (question: string) =>
    (
      await t.ctx.db
        .selectFrom('answers')
        .select(['option', 'number_value'])
        .where('response_id', '=', responseId)
        .where('question', '=', question)
        .orderBy('number_value')
        .execute()
    ).map((r) => `${r.option}:${r.number_value}`);
  const row = (question: string, value: number): AnswerTable => ({
    response_id: responseId,
    question,
    item: null,
    option: 'x',
    number_value: value,
    text_value: null,
  });
  /** A row the database refuses (question is NOT NULL), after the good ones. */
  const refused = { ...row('q', 0), question: null } as unknown as AnswerTable;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [responseId = ''] = await sampleRoundResponses(t.ctx, 1);
  });
  afterAll(() => t.close());

  it('a good page replaces the earlier answers to its questions, and only those', async () => {
    await store.replaceAnswers(t.ctx.db, responseId, ['page_a'], [row('page_a', 1), row('page_a', 2)]);
    await store.replaceAnswers(t.ctx.db, responseId, ['page_b'], [row('page_b', 7)]);
    await store.replaceAnswers(t.ctx.db, responseId, ['page_a'], [row('page_a', 3)]);
    expect(await answersOf('page_a')).toEqual(['x:3']);
    expect(await answersOf('page_b')).toEqual(['x:7']);
  });

  it('a page the database refuses leaves the earlier answers as they were', async () => {
    await store.replaceAnswers(t.ctx.db, responseId, ['page_c'], [row('page_c', 1), row('page_c', 2)]);
    await expect(store.replaceAnswers(t.ctx.db, responseId, ['page_c'], [row('page_c', 5), refused])).rejects.toThrow();
    expect(await answersOf('page_c')).toEqual(['x:1', 'x:2']);
  });

  it('so does a page of more rows than one statement takes (a delete, then inserts)', async () => {
    await store.replaceAnswers(t.ctx.db, responseId, ['page_d'], [row('page_d', 1)]);
    const many = Array.from({ length: 10_001 }, (_, i) => row('page_d', i + 10));
    await expect(store.replaceAnswers(t.ctx.db, responseId, ['page_d'], [...many, refused])).rejects.toThrow();
    expect(await answersOf('page_d')).toEqual(['x:1']);
  });
});
