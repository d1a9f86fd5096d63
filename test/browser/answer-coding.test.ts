import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import type { ServiceContext } from '../../src/core/context.ts';
import { newId } from '../../src/core/ids.ts';
import { createAnswerSegment } from '../../src/modules/coding/answers.ts';
import { createCode } from '../../src/modules/coding/codebook.ts';
import { inviteCoResearcher } from '../../src/modules/coding/coresearch.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';

/**
 * A researcher codes a survey's open answer in the stories' codebook, by keyboard only, at 320 px,
 * in Dutch and English, and finds it in the code frequencies; a member has no way in.
 */
const run = inject('chromiumPath') ? describe : describe.skip;
const PASSWORD = 'demo-kruisbestuiving';
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const MEMBER = 'lid@demo.kruisbestuiving.org';
const ADMIN = 'beheerder@demo.kruisbestuiving.org';
const ANSWER = 'Meer tijd voor een gesprek. En een vaste contactpersoon.';
const WITHHELD = 'Dit antwoord bleef buiten het onderzoek.';

/** A complete response with one open answer to 'toelichting'. */
async function respond(ctx: ServiceContext, roundId: string, text: string): Promise<string> {
  const round = await ctx.db.selectFrom('rounds').select(['instrument_version_id']).where('id', '=', roundId).executeTakeFirstOrThrow();
  const link = await ctx.db.selectFrom('round_links').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow();
  const id = newId();
  await ctx.db
    .insertInto('responses')
    .values({
      id,
      round_id: roundId,
      link_id: link.id,
      team_id: null,
      instrument_version_id: round.instrument_version_id,
      language: 'nl',
      consent_version: 'v',
      status: 'complete',
      started_on: '2026-11-30',
      submitted_on: '2026-11-30',
      resume_code_hash: null,
    })
    .execute();
  await ctx.db
    .insertInto('answers')
    .values({ response_id: id, question: 'toelichting', item: null, option: null, number_value: null, text_value: text })
    .execute();
  return id;
}

run('survey open answers coded in the stories’ codebook, in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let orgId: string;

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    const ctx = server.app.services;
    orgId = (await ctx.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const researcher = (await ctx.db.selectFrom('users').select('id').where('email', '=', RESEARCHER).executeTakeFirstOrThrow()).id;
    // The demo's rounds keep open answers from researchers, so this test makes one whose consent sends them.
    const version = await makePublishedVersion(ctx, orgId);
    const shared = await makeRound(ctx, orgId, version, researcher);
    await ctx.db.updateTable('rounds').set({ open_text_export: 1, name: 'Voorjaarsronde' }).where('id', '=', shared.roundId).execute();
    const response = await respond(ctx, shared.roundId, ANSWER);
    const closed = await makeRound(ctx, orgId, version, researcher);
    await respond(ctx, closed.roundId, WITHHELD);
    const asResearcher = { userId: researcher, language: 'nl' as const, roles: new Map([[orgId, 'researcher' as const]]) };
    await createCode(ctx, asResearcher, orgId, { name: 'Tijd voor gesprek', description: '', colour: '#1f77b4', parentId: null });
    // The admin coded the second sentence: the researcher sees it but cannot remove it.
    const admin = (await ctx.db.selectFrom('users').select('id').where('email', '=', ADMIN).executeTakeFirstOrThrow()).id;
    const asAdmin = { userId: admin, language: 'nl' as const, roles: new Map([[orgId, 'admin' as const]]) };
    const other = await createCode(ctx, asAdmin, orgId, { name: 'Vast gezicht', description: '', colour: '#ff7f0e', parentId: null });
    await createAnswerSegment(ctx, asAdmin, orgId, { responseId: response, question: 'toelichting', start: 28, end: ANSWER.length, codeId: other.id });
    // A co-researcher codes stories, not answers: the consent respondents gave does not name them.
    const member = (await ctx.db.selectFrom('users').select('id').where('email', '=', MEMBER).executeTakeFirstOrThrow()).id;
    await inviteCoResearcher(ctx, asResearcher, orgId, member);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Signed in on the welcome page, or on `open` (a path) when the test goes there first. */
  async function signedIn(email: string, width = 1280, open = '/'): Promise<Page> {
    const context = await newTestContext(browser, { width });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await signIn(page, server.url, email, PASSWORD, open);
    return page;
  }
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  /** Moves a focused select to the option whose text starts with `text`, with arrow keys only. */
  async function choose(page: Page, label: string, text: string) {
    const select = page.getByLabel(label, { exact: true });
    await select.focus();
    const options = await select.locator('option').allTextContents();
    const wanted = options.findIndex((o) => o.startsWith(text));
    expect(wanted).toBeGreaterThanOrEqual(0);
    const at = await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
    for (let i = at; i < wanted; i++) await page.keyboard.press('ArrowDown');
    for (let i = at; i > wanted; i--) await page.keyboard.press('ArrowUp');
  }
  async function follow(page: Page, name: string) {
    await page.getByRole('link', { name, exact: true }).focus();
    await page.keyboard.press('Enter');
  }

  it('a researcher codes a sentence of an open answer by keyboard at 320 px and finds it in the frequencies', { timeout: 90_000 }, async () => {
    const page = await signedIn(RESEARCHER, 320, `/o/${orgId}/kruisbestuiving/codering`);
    await heading(page, 'Codering');
    await follow(page, 'Open antwoorden uit vragenlijsten');
    await heading(page, 'Open antwoorden uit vragenlijsten');
    await page.getByRole('heading', { level: 2, name: 'Ronde: Voorjaarsronde' }).waitFor();
    // Only the round whose consent sends open answers to researchers; never who answered.
    expect(await page.getByRole('heading', { level: 2, name: 'Ronde: Ronde' }).count()).toBe(0);
    await expect(page.getByText('1 antwoord, 1 stuk')).toBeVisible();
    await expectAccessible(page, 'open answers by round and question at 320 px');
    await expectNoHorizontalScroll(page, 'open answers list at 320 px');

    await follow(page, 'Vraag: toelichting');
    await heading(page, 'Vraag: toelichting');
    await expect(page.getByText(ANSWER)).toBeVisible();
    expect(await page.getByText(WITHHELD).count()).toBe(0);
    await choose(page, 'Welk deel?', 'Zin: Meer tijd voor een gesprek.');
    expect(await page.getByLabel('Beginpositie').inputValue()).toBe('0');
    expect(await page.getByLabel('Eindpositie').inputValue()).toBe('27');
    await choose(page, 'Code', 'Tijd voor gesprek');
    await page.getByRole('button', { name: 'Code toekennen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '‘Tijd voor gesprek’ toegekend aan “Meer tijd voor een gesprek.”' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Code ‘Tijd voor gesprek’ weghalen' })).toBeVisible();
    await expect(page.getByText('En een vaste contactpersoon.', { exact: true })).toBeVisible();
    await expect(page.getByText('door Anna Peeters')).toBeVisible();
    expect(await page.getByRole('button', { name: 'Code ‘Vast gezicht’ weghalen' }).count()).toBe(0);
    // A memo on the new segment, by keyboard.
    const mine = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Tijd voor gesprek', exact: true }) });
    await mine.locator('summary').focus();
    await page.keyboard.press('Enter');
    await mine.getByLabel('Titel').focus();
    await page.keyboard.type('Tijd');
    await mine.getByLabel('Memo', { exact: true }).focus();
    await page.keyboard.type('Komt ook in de verhalen terug.');
    await mine.getByRole('button', { name: 'Memo bewaren' }).focus();
    await page.keyboard.press('Enter');
    await expect(mine.getByText('Komt ook in de verhalen terug.')).toBeVisible();
    await expectAccessible(page, 'coding an open answer at 320 px');
    await expectNoHorizontalScroll(page, 'coding an open answer at 320 px');

    await page.goto(`${server.url}/o/${orgId}/kruisbestuiving/codering/frequenties`);
    await heading(page, 'Hoe vaak elke code voorkomt');
    const table = page.getByRole('table', { name: 'Per wie codeerde' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Tijd voor gesprek' }) });
    expect(await row.locator('td').allTextContents()).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    await expectAccessible(page, 'frequencies with a coded answer');
    await page.context().close();
  });

  it('in English, a researcher removes their own segment by keyboard', { timeout: 60_000 }, async () => {
    const page = await signedIn(RESEARCHER, 320, `/o/${orgId}/kruisbestuiving/codering`);
    await page.getByLabel('Taal', { exact: true }).first().selectOption({ label: 'English' });
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await follow(page, 'Open answers from surveys');
    await heading(page, 'Open answers from surveys');
    await expect(page.getByText('1 answer, 2 segments')).toBeVisible();
    await follow(page, 'Question: toelichting');
    await heading(page, 'Question: toelichting');
    await page.getByRole('heading', { level: 2, name: 'Answer 1' }).waitFor();
    await expectAccessible(page, 'coding an open answer in English at 320 px');
    await expectNoHorizontalScroll(page, 'coding an open answer in English at 320 px');
    await page.getByRole('button', { name: 'Remove code ‘Tijd voor gesprek’' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Tijd voor gesprek' })).toBeVisible();
    expect(await page.getByRole('button', { name: 'Remove code ‘Tijd voor gesprek’' }).count()).toBe(0);
    await page.context().close();
  });

  it('a member who codes stories with the researchers has no way to the answers, and the page refuses', async () => {
    const page = await signedIn(MEMBER, 1280, `/o/${orgId}/kruisbestuiving/codering`);
    await heading(page, 'Codering');
    await expect(page.getByText(/Je bent uitgenodigd om samen met de onderzoekers te coderen/)).toBeVisible();
    expect(await page.getByRole('link', { name: 'Open antwoorden uit vragenlijsten' }).count()).toBe(0);
    await page.goto(`${server.url}/o/${orgId}/kruisbestuiving/codering/antwoorden`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByText('Meer tijd voor een gesprek.').count()).toBe(0);
    const response = await page.request.get(`${server.url}/api/orgs/${orgId}/coding/answers`);
    expect(response.status()).toBe(403);
    await page.context().close();
  });
});
