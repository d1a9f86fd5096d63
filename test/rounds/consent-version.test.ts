import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { getPublishedVersion } from '../../src/modules/instruments/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { completeAnswers, openRound, postForm } from '../helpers/respondent.ts';

/**
 * Someone agreed to the explanation they read. When it changed meanwhile (here: the round's last
 * day, which the explanation names), what they agreed to is no longer what holds: the form start
 * and a whole submission are each refused, and nothing is stored.
 */
describeEachDatabase('an outdated consent version', (dialect) => {
  let t: TestApp;
  /** The app's clock runs with the real one, moved ahead by this much when a test needs time to pass. */
  let clockAhead = 0;
  let researcher: Client;
  let org: string;

  const consentOf = async (token: string) =>
    /name="consentVersion" value="([0-9a-f]+)"/.exec((await t.app.inject({ method: 'GET', url: `/r/${token}` })).body)?.[1] ?? '';

  /** A fresh round whose explanation then changes; returns the version read before the change. */
  async function roundWithChangedConsent(): Promise<{ token: string; old: string; instrument: ResolvedInstrument }> {
    const opened = await openRound(researcher, org, { closesOn: '2999-12-31' });
    const old = await consentOf(opened.token);
    expect(old).toMatch(/^[0-9a-f]+$/);
    const patched = await researcher.patch(`/api/orgs/${org}/rounds/${opened.round.id}`, { closesOn: '2999-06-30' });
    expect(patched.statusCode, patched.body).toBe(200);
    // Links are kept for two seconds: the page still shows the old explanation, and the new one once they are past.
    expect(await consentOf(opened.token)).toBe(old);
    clockAhead += 2001;
    expect(await consentOf(opened.token)).not.toBe(old);
    return { token: opened.token, old, instrument: (await getPublishedVersion(t.ctx, opened.versionId)).instrument };
  }

  const storedResponse = (id: string) => t.ctx.db.selectFrom('responses').select('id').where('id', '=', id).execute();

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { now: () => new Date(Date.now() + clockAhead) });
    org = await makeOrganisation(t.ctx, 'De Haven');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    researcher = new Client(t.app);
    await researcher.login(user.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('writes the closing day in words in the explanation, never as an ISO date', async () => {
    const opened = await openRound(researcher, org, { closesOn: '2999-12-31' });
    const page = (await t.app.inject({ method: 'GET', url: `/r/${opened.token}` })).body;
    expect(page).toContain('tot en met 31 december 2999');
    expect(page).not.toContain('2999-12-31');
  });

  it('on the form start: the explanation is shown again with a 409, and no response begins', async () => {
    const { token, old } = await roundWithChangedConsent();
    const responseId = crypto.randomUUID();
    const start = await postForm(t.app, `/r/${token}/start`, { responseId, consentVersion: old, lang: 'nl', consent: 'yes' });
    expect(start.statusCode).toBe(409);
    expect(start.headers['content-type']).toMatch(/text\/html/);
    expect(start.body).toContain('Lees de uitleg opnieuw voor je begint.');
    expect(await storedResponse(responseId)).toEqual([]);
    // With the explanation as it is now, the same person can begin.
    const again = await postForm(t.app, `/r/${token}/start`, { responseId, consentVersion: await consentOf(token), lang: 'nl', consent: 'yes' });
    expect(again.statusCode).toBe(303);
    expect(await storedResponse(responseId)).toHaveLength(1);
  });

  it('on a whole submission (JSON): 409, and no response or answer is stored', async () => {
    const { token, old, instrument } = await roundWithChangedConsent();
    const responseId = crypto.randomUUID();
    const body = { responseId, language: 'nl', consentVersion: old, answers: completeAnswers(instrument) };
    const submitted = await new Client(t.app).post(`/api/r/${token}/responses`, body);
    expect(submitted.statusCode, submitted.body).toBe(409);
    expect(submitted.body).not.toMatch(/stack|select |insert /i);
    expect(await storedResponse(responseId)).toEqual([]);
    expect(await t.ctx.db.selectFrom('answers').select('question').where('response_id', '=', responseId).execute()).toEqual([]);
    const current = await new Client(t.app).post(`/api/r/${token}/responses`, { ...body, consentVersion: await consentOf(token) });
    expect(current.statusCode, current.body).toBe(200);
  });
});
