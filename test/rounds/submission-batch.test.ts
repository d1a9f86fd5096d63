import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { consentFor, type LinkContext, openLink, submitWhole } from '../../src/modules/rounds/respondent.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';

/**
 * Whole responses handed in at the same moment are stored together (submission-batch.ts): each is
 * stored once, a retry in the same batch stores nothing more, and the tallies count each once.
 */
describeEachDatabase('whole responses stored in batches', (dialect) => {
  let t: TestApp;
  let link: LinkContext;
  const countOf = async (table: 'responses') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rowsOf = async (responseId: string) =>
    Number(
      (
        await t.ctx.db
          .selectFrom('answers')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('response_id', '=', responseId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const answeredTally = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('answer_answered_tallies')
          .select((eb) => eb.fn.max('n').as('n'))
          .where('round_id', '=', link.roundId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    const round = await makeRound(t.ctx, org, await makePublishedVersion(t.ctx, org), user.id);
    link = (await openLink(t.ctx, publishedInstruments, round.token)) as LinkContext;
  });
  afterAll(() => t.close());

  it('twelve at once, one of them sent twice: twelve responses, their answers once, the tallies count each once', async () => {
    const consentVersion = consentFor(link, 'nl').version;
    const instrument = link.published.instrument;
    const submissions = Array.from({ length: 12 }, (_, i) => ({
      responseId: newId(),
      language: 'nl' as const,
      consentVersion,
      answers: sampleAnswers(instrument, seededPick(i)),
    }));
    const twice = submissions[3];
    if (!twice) throw new Error('no submission');
    await Promise.all([...submissions, twice].map((s) => submitWhole(t.ctx, link, s)));
    expect(await countOf('responses')).toBe(12);
    // The same answers stored alone, afterwards: as many rows as the response sent twice has.
    const another = { ...twice, responseId: newId() };
    await submitWhole(t.ctx, link, another);
    expect(await rowsOf(twice.responseId)).toBe(await rowsOf(another.responseId));
    expect(await rowsOf(twice.responseId)).toBeGreaterThan(20);
    expect(await answeredTally()).toBe(13);
  });
});
