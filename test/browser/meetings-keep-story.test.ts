import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/app.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { openPrompt } from '../meetings/helpers.ts';

const ANSWER = 'Ik voelde me eindelijk gehoord.';

/** Joins without saying a position and sends the open answer, with the keyboard only. */
async function answerOnPhone(page: Page, url: string, code: string) {
  await page.goto(`${url}/m/${code}`);
  await page.getByRole('radio', { name: 'Zeg ik liever niet' }).check();
  await page.getByRole('button', { name: 'Doe mee' }).click();
  await page.getByRole('link', { name: 'Naar de vraag' }).click();
  await page.getByLabel('Je antwoord:').fill(ANSWER);
  await page.getByRole('button', { name: 'Verstuur' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Je antwoord is bewaard.').waitFor();
}

describe('an open answer kept as a story on a phone without JavaScript, in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let member: { id: string; email: string };
  let code: string;

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    const org = await makeOrganisation(server.app.services, 'Ontmoetingshuis');
    const coordinator = await makeUser(server.app.services, { organisationId: org, role: 'coordinator' });
    member = await makeUser(server.app.services, { organisationId: org, role: 'member' });
    const staff = new Client(server.app);
    await staff.login(coordinator.email, TEST_PASSWORD);
    const meeting = (await staff.post(`/api/orgs/${org}/meetings`, { title: 'Ontmoeting', prompts: [openPrompt] })).json<{ id: string; joinCode: string }>();
    code = meeting.joinCode;
    expect((await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'start' })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const noJsPhone = async () => browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE', viewport: { width: 320, height: 700 }, bypassCSP: true });
  // The live server holds demo stories too: count them all, and look at the member's own.
  const storyCount = async () => (await server.app.services.db.selectFrom('stories').select('id').execute()).length;
  const storiesOfMember = () => server.app.services.db.selectFrom('stories').select(['scope', 'body']).where('author_user_id', '=', member.id).execute();

  it('anonymous: the phone explains how, shows no form and stores nothing', async () => {
    const before = await storyCount();
    const phone = await (await noJsPhone()).newPage();
    await answerOnPhone(phone, server.url, code);
    await phone.getByRole('heading', { level: 2, name: 'Wil je dit bewaren als ervaringsverhaal?' }).waitFor();
    await phone.getByText('Kopieer je tekst en meld je aan.', { exact: false }).waitFor();
    expect(await phone.getByRole('button', { name: 'Bewaar als mijn verhaal' }).count()).toBe(0);
    await expectAccessible(phone, 'open answer with the sign-in explanation', { javaScript: false });
    await expectNoHorizontalScroll(phone, 'open answer with the sign-in explanation');
    expect(await storyCount()).toBe(before);
  });

  it('signed in on the phone: the button makes a private draft story, with the keyboard', async () => {
    const signedIn = await newTestContext(browser);
    await signIn(await signedIn.newPage(), server.url, member.email, TEST_PASSWORD);
    const context = await noJsPhone();
    await context.addCookies((await signedIn.cookies()).filter((c) => c.name === 'kb_session'));
    const phone = await context.newPage();
    await answerOnPhone(phone, server.url, code);
    const keep = phone.getByRole('button', { name: 'Bewaar als mijn verhaal' });
    await expectAccessible(phone, 'open answer with the keep offer', { javaScript: false });
    await expectNoHorizontalScroll(phone, 'open answer with the keep offer');
    await keep.focus();
    await phone.keyboard.press('Enter');
    await phone.getByText('Je verhaal is bewaard als ontwerp. Alleen jij ziet het.', { exact: false }).waitFor();
    expect(await storiesOfMember()).toEqual([{ scope: 'private', body: ANSWER }]);
  });
});
