import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MeetingTable } from '../../src/db/tables/meetings.ts';
import { storeAnswers } from '../../src/modules/meetings/answer-batch.ts';
import { answer, join } from '../../src/modules/meetings/participant.ts';
import { control, createMeeting } from '../../src/modules/meetings/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser } from '../helpers/factories.ts';
import { actorOf, joinMany, meetingRow, must, singlePrompt } from './helpers.ts';

/**
 * Answers handed in at the same moment are written together (answer-batch.ts): one statement for
 * all of them, each with its own outcome; two of one participant to one prompt end with the later one.
 */
describeEachDatabase('meetings: answers written in batches', (dialect) => {
  let t: TestApp;
  let meeting: MeetingTable;
  let prompt: string;
  let phones: Awaited<ReturnType<typeof joinMany>>;
  const send = (phone: number, clientId: string, choice: string) =>
    answer(t.ctx, meeting, must(phones[phone]).row, { promptId: prompt, clientId, raw: { choice } });
  const stored = async () =>
    (await t.ctx.db.selectFrom('meeting_answers').select(['participant_id', 'client_id', 'value']).where('prompt_id', '=', prompt).execute())
      .map((r) => `${phones.findIndex((p) => p.row.id === r.participant_id)}:${r.client_id}:${r.value}`)
      .sort();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const org = await makeOrganisation(t.ctx);
    const facilitator = actorOf((await makeUser(t.ctx, { organisationId: org, role: 'coordinator' })).id, org, 'coordinator');
    const view = await createMeeting(t.ctx, facilitator, org, { title: 'Ontmoeting', prompts: [singlePrompt] });
    await control(t.ctx, facilitator, org, view.id, { action: 'start' });
    meeting = await meetingRow(t.ctx, view.joinCode);
    phones = await joinMany(t.ctx, view.joinCode, 6, null);
    prompt = must(view.prompts[0]).id;
  });
  afterAll(() => t.close());

  it('stores answers sent at once, each with its own outcome, the later of two from one phone kept', async () => {
    expect(await Promise.all([send(0, 'c-01', 'a'), send(1, 'c-02', 'a'), send(2, 'c-03', 'a'), send(3, 'c-04', 'a')])).toEqual([
      'saved',
      'saved',
      'saved',
      'saved',
    ]);
    const outcomes = await Promise.all([
      send(0, 'c-01', 'a'), // a retry: nothing changes
      send(1, 'c-05', 'b'),
      send(2, 'c-06', 'a'),
      send(2, 'c-07', 'b'),
      send(4, 'c-08', 'a'),
      send(4, 'c-08', 'a'), // a retry while the first was in flight
      send(5, 'c-09', 'a'),
      send(5, 'c-10', 'b'),
    ]);
    expect(outcomes).toEqual(['unchanged', 'changed', 'changed', 'changed', 'saved', 'unchanged', 'saved', 'changed']);
    expect(await stored()).toEqual([
      '0:c-01:{"choice":"a"}',
      '1:c-05:{"choice":"b"}',
      '2:c-07:{"choice":"b"}',
      '3:c-04:{"choice":"a"}',
      '4:c-08:{"choice":"a"}',
      '5:c-10:{"choice":"b"}',
    ]);
    expect(await send(3, 'c-04', 'a')).toBe('unchanged');
  });

  it('joins sent at once share one statement, and each is stored before its receipt is handed back', async () => {
    const before = await t.ctx.db.selectFrom('meeting_participants').select('id').where('meeting_id', '=', meeting.id).execute();
    const joined = await Promise.all(Array.from({ length: 30 }, (_, i) => join(t.ctx, meeting, i % 2 === 0 ? 'experience_worker' : 'practitioner')));
    const after = await t.ctx.db.selectFrom('meeting_participants').select(['id', 'position']).where('meeting_id', '=', meeting.id).execute();
    expect(before).toHaveLength(6);
    expect(after).toHaveLength(36);
    const stored = new Map(after.map((r) => [r.id, r.position]));
    expect(joined.map((j, i) => stored.get(j.participantId) === (i % 2 === 0 ? 'experience_worker' : 'practitioner'))).toEqual(Array(30).fill(true));
    await t.ctx.db
      .deleteFrom('meeting_participants')
      .where(
        'id',
        'in',
        joined.map((j) => j.participantId),
      )
      .execute();
  });

  it('writes two answers of one phone to one prompt in one batch, the later one last', async () => {
    const row = (participant: number, id: string, choice: string) => ({
      id,
      prompt_id: prompt,
      participant_id: must(phones[participant]).row.id,
      client_id: id,
      value: JSON.stringify({ choice }),
      moderation: 'none',
      position: must(phones[participant]).row.position,
    });
    const outcomes = await t.ctx.db
      .transaction()
      .execute((trx) => storeAnswers(trx, [row(0, 'd-01', 'b'), row(1, 'd-02', 'a'), row(0, 'd-03', 'a'), row(0, 'd-04', 'b'), row(1, 'd-02', 'a')]));
    expect(outcomes).toEqual(['changed', 'changed', 'changed', 'changed', 'unchanged']);
    const kept = await stored();
    expect(kept.slice(0, 2)).toEqual(['0:d-04:{"choice":"b"}', '1:d-02:{"choice":"a"}']);
  });
});
