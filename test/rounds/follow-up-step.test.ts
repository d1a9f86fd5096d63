import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { getPublishedVersion } from '../../src/modules/instruments/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { type CookieJar, completeAnswers, getPage, openRound, postForm } from '../helpers/respondent.ts';

// "Ben je betaald?" and its follow-up "Hoe word je betaald? (verplicht)" are on one page of Cocreatie in beeld.
describeEachDatabase('a follow-up on the same page as its condition, without JavaScript', (dialect) => {
  let t: TestApp;
  let token: string;
  let instrument: ResolvedInstrument;
  let paidPage: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const org = await makeOrganisation(t.ctx, 'Het Anker');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    const researcher = new Client(t.app);
    await researcher.login(user.email, TEST_PASSWORD);
    const opened = await openRound(researcher, org);
    token = opened.token;
    instrument = (await getPublishedVersion(t.ctx, opened.versionId)).instrument;
    paidPage = instrument.sections.findIndex((s) => s.questions.some((q) => q.key === 'betaald')) + 1;
    expect(paidPage).toBeGreaterThan(0);
    expect(instrument.sections[paidPage - 1]?.questions.some((q) => q.key === 'betaling_hoe')).toBe(true);
  });
  afterAll(() => t.close());

  const fieldsOf = (page: number, answers = completeAnswers(instrument)) =>
    Object.fromEntries(
      Object.entries(answers).filter(([key]) => instrument.sections[page - 1]?.questions.some((q) => key === q.key || key.startsWith(`${q.key}.`))),
    ) as Record<string, string | string[]>;
  const storedQuestions = async (responseId: string) =>
    (await t.ctx.db.selectFrom('answers').select('question').where('response_id', '=', responseId).execute()).map((r) => r.question);

  /** Starts a response and answers every page before the one with "Ben je betaald?". */
  async function upToPaidPage(): Promise<{ responseId: string; jar: CookieJar; url: string }> {
    const welcome = await t.app.inject({ method: 'GET', url: `/r/${token}` });
    const responseId = /name="responseId" value="([0-9a-f-]{36})"/.exec(welcome.body)?.[1] ?? '';
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(welcome.body)?.[1] ?? '';
    const jar: CookieJar = new Map();
    await postForm(t.app, `/r/${token}/start`, { responseId, consentVersion, lang: 'nl', consent: 'yes' }, jar);
    for (let page = 1; page < paidPage; page++) {
      const posted = await postForm(t.app, `/r/${token}/${responseId}/${page}`, { ...fieldsOf(page), _action: 'next' }, jar);
      expect(posted.statusCode).toBe(303);
    }
    return { responseId, jar, url: `/r/${token}/${responseId}/${paidPage}` };
  }

  const withoutFollowUp = (fields: Record<string, string | string[]>) =>
    Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'betaling_hoe' && !key.startsWith('betaling_hoe.')));

  it('is not shown to someone who is not paid, and is never required of them', async () => {
    const { responseId, jar, url } = await upToPaidPage();
    const page = await getPage(t.app, url, jar);
    // In the page for the script, but hidden: not shown without JavaScript.
    expect(page.body).toMatch(/<div class="follow-up" data-show-if="[^"]*betaald[^"]*" hidden="">/);
    const posted = await postForm(t.app, url, { ...withoutFollowUp(fieldsOf(paidPage)), betaald: 'nee', _action: 'next' }, jar);
    expect(posted.statusCode, posted.body.slice(0, 400)).toBe(303);
    expect(String(posted.headers.location)).toBe(`/r/${token}/${responseId}/${paidPage + 1}?lang=nl`);
    expect(await storedQuestions(responseId)).toContain('betaald');
    expect(await storedQuestions(responseId)).not.toContain('betaling_hoe');
  });

  it('is asked on a short extra step when the answer just sent calls for it, and nothing is stored before', async () => {
    const { responseId, jar, url } = await upToPaidPage();
    const sent = { ...withoutFollowUp(fieldsOf(paidPage)), betaald: 'ja' };
    const step = await postForm(t.app, url, { ...sent, _action: 'next' }, jar);
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain('Nog een vraag bij wat je net antwoordde.');
    expect(step.body).toContain('Hoe word je betaald?');
    expect(step.body).toContain('name="_step" value="follow-ups"');
    expect(step.body).toContain('<input type="hidden" name="betaald" value="ja"/>');
    expect(step.body).not.toMatch(/class="follow-up"[^>]*hidden/);
    expect(step.body).not.toContain('<input type="hidden" name="betaling_hoe');
    expect(await storedQuestions(responseId)).not.toContain('betaald');

    const done = await postForm(t.app, url, { ...sent, betaling_hoe: 'loon', _step: 'follow-ups', _action: 'next' }, jar);
    expect(done.statusCode, done.body.slice(0, 400)).toBe(303);
    expect(await storedQuestions(responseId)).toEqual(expect.arrayContaining(['betaald', 'betaling_hoe']));
  });

  it('a page sent again replaces its answers, and a follow-up the new answer rules out is dropped', async () => {
    const { responseId, jar, url } = await upToPaidPage();
    const rows = async () =>
      (
        await t.ctx.db
          .selectFrom('answers')
          .select(['question', 'option'])
          .where('response_id', '=', responseId)
          .where('question', 'in', ['betaald', 'betaling_hoe'])
          .orderBy('question')
          .orderBy('option')
          .execute()
      ).map((r) => `${r.question}=${r.option}`);
    const first = await postForm(t.app, url, { ...fieldsOf(paidPage), betaald: 'ja', betaling_hoe: 'loon', _js: '1', _action: 'next' }, jar);
    expect(first.statusCode, first.body.slice(0, 400)).toBe(303);
    expect(await rows()).toEqual(['betaald=ja', 'betaling_hoe=loon']);
    const again = await postForm(t.app, url, { ...withoutFollowUp(fieldsOf(paidPage)), betaald: 'nee', _js: '1', _action: 'next' }, jar);
    expect(again.statusCode, again.body.slice(0, 400)).toBe(303);
    expect(await rows()).toEqual(['betaald=nee']);
  });

  it('with JavaScript it was shown at once: left open while required, it is refused next to the field', async () => {
    const { jar, url } = await upToPaidPage();
    const refused = await postForm(t.app, url, { ...withoutFollowUp(fieldsOf(paidPage)), betaald: 'ja', _js: '1', _action: 'next' }, jar);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="betaling_hoe-error"');
  });

  it('has a read-aloud button per question, absent without JavaScript (hidden until the script finds speech)', async () => {
    const { jar, url } = await upToPaidPage();
    const page = (await getPage(t.app, url, jar)).body;
    expect(page).toContain(
      '<button type="button" class="speak" data-speak="Word je betaald voor je werk als ervaringswerker? Ja. Nee. Soms, of voor een deel." hidden="">Lees voor</button>',
    );
  });

  it('save and resume keeps what was answered on an unfinished page and lands on that page, not on the first', async () => {
    const { responseId, jar, url } = await upToPaidPage();
    const saved = await postForm(t.app, url, { betaald: 'nee', _action: 'later' }, jar);
    const code = /class="code">([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(saved.body)?.[1] ?? '';
    const resumed = await postForm(t.app, `/r/${token}/resume`, { code });
    expect(resumed.statusCode).toBe(303);
    expect(String(resumed.headers.location)).toBe(`/r/${token}/${responseId}/${paidPage}?lang=nl`);
    // The page was not complete (other required questions open), yet what was answered is kept.
    expect(await storedQuestions(responseId)).toContain('betaald');
  });
});
