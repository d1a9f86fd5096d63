import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import type { AnswerTable, ResponseTable } from '../../src/db/tables/rounds.ts';
import { submitInBatch } from '../../src/modules/rounds/submission-batch.ts';
import { addCompletedToTallies, tallyRowsOf } from '../../src/modules/rounds/tally-batch.ts';
import { rebuildTallies } from '../../src/modules/rounds/tally-store.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeTeam, makeUser } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';

/**
 * Whole submissions add themselves to the tallies from the rows in hand (tally-batch.ts); that must
 * give exactly what counting the stored rows gives (tally-store.ts's rebuild), for the rows a
 * submission never sends too: missing markers, "something else" with the marker's text, fractions,
 * options outside ASCII (sorted by their bytes), a team and no team, the same key twice in one batch.
 */
describeEachDatabase('Tallies from the rows in hand equal tallies counted from the table', (dialect) => {
  let t: TestApp;
  let roundId: string;
  let linkId: string;
  let versionId: string;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    teamId = await makeTeam(t.ctx, org);
    versionId = await makePublishedVersion(t.ctx, org);
    roundId = (await makeRound(t.ctx, org, versionId, user.id)).roundId;
    linkId = (await t.ctx.db.selectFrom('round_links').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const response = (team: string | null): ResponseTable => ({
    id: newId(),
    round_id: roundId,
    link_id: linkId,
    team_id: team,
    instrument_version_id: versionId,
    language: 'nl',
    consent_version: 'v',
    status: 'complete',
    started_on: '2026-12-06',
    submitted_on: '2026-12-06',
    resume_code_hash: null,
  });
  const row = (id: string, question: string, item: string | null, option: string | null, number: number | null, text: string | null): AnswerTable => ({
    response_id: id,
    question,
    item,
    option,
    number_value: number,
    text_value: text,
  });

  async function tallies() {
    const read = async (table: string) =>
      (await sql<Record<string, unknown>>`select * from ${sql.table(table)} where round_id = ${roundId}`.execute(t.ctx.db)).rows
        .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)]))))
        .sort();
    return {
      values: await read('answer_value_tallies'),
      answered: await read('answer_answered_tallies'),
      sets: await read('answer_choice_set_tallies'),
    };
  }

  const answersOf = (r: ResponseTable, i: number) => [
    row(r.id, 'scale', null, null, 3, null),
    row(r.id, 'scale2', null, null, i ? 2.5 : 3.0, null),
    row(r.id, 'grid', 'a', null, 1, null),
    row(r.id, 'grid', 'b', null, 5, null),
    row(r.id, 'multi', null, 'zeta', null, null),
    row(r.id, 'multi', null, 'élan', null, null),
    row(r.id, 'multi', null, 'alpha', null, '_missing'),
    row(r.id, 'multi', null, '_other', null, i ? '_missing' : 'iets anders'),
    row(r.id, 'open', null, null, null, 'tekst'),
    // Sorted by their UTF-8 bytes as the databases sort them, not by UTF-16 units as JavaScript does.
    row(r.id, 'multi2', null, '\u{1F600}', null, null),
    row(r.id, 'multi2', null, '\uFF3A', null, null),
  ];

  it('adds the same counts as a recount of the stored rows', async () => {
    const batches = [
      [response(null), response(teamId)],
      [response(teamId), response(null)],
    ];
    for (const batch of batches) {
      const completed = batch.map((r, i) => ({ roundId, teamId: r.team_id, answers: answersOf(r, i) }));
      await t.ctx.db.transaction().execute(async (trx) => {
        await trx.insertInto('responses').values(batch).execute();
        await trx
          .insertInto('answers')
          .values(completed.flatMap((c) => c.answers))
          .execute();
        await addCompletedToTallies(
          trx,
          completed.map((c) => ({ roundId: c.roundId, teamId: c.teamId, tally: tallyRowsOf(c.answers) })),
        );
      });
    }
    const added = await tallies();
    expect(added.values.length).toBe(24);
    expect(added.sets.length).toBe(4);
    await rebuildTallies(t.ctx.db, [roundId]);
    expect(await tallies()).toEqual(added);
  });

  it('whole submissions stored in batches add the same counts, and an id stored before adds nothing', async () => {
    const before = response(teamId);
    await submitInBatch(t.ctx.db, { response: before, answers: answersOf(before, 0) });
    const batch = [response(null), response(teamId), before, response(teamId)];
    // Handed in together: one batch, one of them stored before.
    await Promise.all(batch.map((r, i) => submitInBatch(t.ctx.db, { response: { ...r }, answers: answersOf(r, i % 2) })));
    const added = await tallies();
    await rebuildTallies(t.ctx.db, [roundId]);
    expect(await tallies()).toEqual(added);
    const multi = await t.ctx.db.selectFrom('answer_answered_tallies').select('n').where('round_id', '=', roundId).where('question', '=', 'multi').execute();
    // 4 from the first test, then 1 + 3 (the one stored before counted once), over both scopes.
    expect(multi.reduce((sum, r) => sum + Number(r.n), 0)).toBe(8);
  });
});
