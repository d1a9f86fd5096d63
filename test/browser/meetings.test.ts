import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/app.ts';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

/** A participant over plain HTTP (no browser), to bring both groups over the threshold. */
async function httpParticipant(app: App, code: string, position: string, choice: string) {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const joined = await app.inject({ method: 'POST', url: `/m/${code}/join`, payload: `position=${position}`, headers: form });
  const cookie = `kb_m=${(joined.cookies as { name: string; value: string }[]).find((c) => c.name === 'kb_m')?.value}`;
  const page = await app.inject({ method: 'GET', url: `/m/${code}`, headers: { cookie } });
  const field = (name: string) => page.body.match(new RegExp(`name="${name}" value="([^"]+)"`))?.[1] ?? '';
  await app.inject({
    method: 'POST',
    url: `/m/${code}/answer`,
    payload: new URLSearchParams({ promptId: field('promptId'), clientId: field('clientId'), choice }).toString(),
    headers: { ...form, cookie },
  });
}

/** A phone: joins with the code, says its position, reads the receipt, goes to the question. */
async function joinOnPhone(page: Page, url: string, code: string, position: string, javaScript: boolean) {
  await page.goto(`${url}/m`);
  await expectAccessible(page, 'code page', { javaScript });
  await page.getByLabel('Code van de ontmoeting (6 tekens)').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Ga verder' }).click();
  await page.getByRole('radio', { name: position }).check();
  await expectAccessible(page, 'join page', { javaScript });
  await expectNoHorizontalScroll(page, 'join page');
  await page.getByRole('button', { name: 'Doe mee' }).click();
  expect(await page.locator('.receipt').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await page.getByRole('link', { name: 'Naar de vraag' }).click();
}

describe('live meeting in Chromium: facilitator, presenter, phones with and without JavaScript', () => {
  let server: LiveServer;
  let browser: Browser;
  let email: string;

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    const org = await makeOrganisation(server.app.services, 'Ontmoetingshuis');
    email = (await makeUser(server.app.services, { organisationId: org, role: 'coordinator' })).email;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs a meeting: answers appear on the presenter screen split by position, an open answer is held back', async () => {
    const facilitator = await (await newTestContext(browser)).newPage();
    await signIn(facilitator, server.url, email, TEST_PASSWORD);
    await facilitator.getByRole('link', { name: 'Ontmoetingen' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Ontmoetingen' }).waitFor();
    await expectAccessible(facilitator, 'meetings page');
    await facilitator.getByLabel('Naam van de ontmoeting').fill('Ontmoeting in het huis');
    await facilitator.getByRole('radio', { name: /Zelf kiezen/ }).check();
    for (const text of [/Een evenwaardige positie betekent: betaald worden/, /Waarom is ervaringskennis belangrijk/, /Ervaringswerk = \?/, /Welke rol nemen/])
      await facilitator.getByRole('checkbox', { name: text }).check();
    await facilitator.getByRole('button', { name: 'Maak de ontmoeting' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Ontmoeting in het huis' }).waitFor();
    const code = (await facilitator.locator('.meeting-code-inline').first().textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await facilitator.getByRole('button', { name: 'Start de ontmoeting' }).click();
    await facilitator.getByRole('button', { name: 'Volgende vraag' }).waitFor();
    await expectAccessible(facilitator, 'facilitator panel');

    const presenter = await (await newTestContext(browser)).newPage();
    // The projector's laptop is signed in too: the screen shows what the facilitator may see.
    await signIn(presenter, server.url, email, TEST_PASSWORD, facilitator.url().replace(/\/?$/, '/scherm'));
    await expect(presenter.locator('.presenter-code [aria-hidden]')).toHaveText(code);
    await presenter.getByRole('heading', { level: 2, name: /betaald worden/ }).waitFor();
    await expectAccessible(presenter, 'presenter screen');

    // A phone with JavaScript at 320 px, answering with the keyboard only.
    const withJs = await (await newTestContext(browser, { width: 320 })).newPage();
    await joinOnPhone(withJs, server.url, code, 'Ervaringswerker', true);
    await withJs.getByRole('heading', { level: 1, name: /betaald worden/ }).waitFor();
    await expect(withJs.getByRole('button', { name: 'Lees voor' })).toBeVisible();
    await expectAccessible(withJs, 'prompt page');
    await expectNoHorizontalScroll(withJs, 'prompt page');
    await withJs.getByRole('radio', { name: 'Akkoord', exact: true }).focus();
    await withJs.keyboard.press('Space');
    await withJs.getByRole('button', { name: 'Verstuur' }).focus();
    await withJs.keyboard.press('Enter');
    await withJs.getByText('Je antwoord is bewaard.').waitFor();

    // A phone without JavaScript.
    const noJs = await (
      await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE', viewport: { width: 320, height: 700 }, bypassCSP: true })
    ).newPage();
    await joinOnPhone(noJs, server.url, code, 'Praktijkwerker', false);
    await noJs.getByRole('radio', { name: 'Niet akkoord' }).check();
    await noJs.getByRole('button', { name: 'Verstuur' }).click();
    await noJs.getByText('Je antwoord is bewaard.').waitFor();
    await expectAccessible(noJs, 'prompt page without JavaScript', { javaScript: false });

    await presenter.getByText('2 antwoorden').waitFor();
    for (let i = 0; i < 4; i += 1) {
      await httpParticipant(server.app, code, 'experience_worker', 'agree');
      await httpParticipant(server.app, code, 'practitioner', 'disagree');
    }
    await presenter.getByText('10 antwoorden').waitFor();
    // Hidden until the facilitator reveals them.
    expect(await presenter.getByRole('table').count()).toBe(0);
    await facilitator.getByRole('button', { name: 'Toon de resultaten' }).click();
    const table = presenter.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Hele zaal', 'Ervaringswerkers', 'Professionals']);
    expect(
      await table
        .getByRole('row', { name: /^Akkoord/ })
        .locator('td')
        .allTextContents(),
    ).toEqual(['5', '5', '0']);
    // The phone with JavaScript follows: the results appear without a reload.
    await withJs.getByRole('heading', { level: 2, name: 'Wat de zaal antwoordde' }).waitFor();

    // Next prompt: an open answer waits for the moderator, who holds it back with a reason.
    await facilitator.getByRole('button', { name: 'Volgende vraag' }).click();
    await withJs.getByRole('heading', { level: 1, name: /Waarom is ervaringskennis belangrijk/ }).waitFor();
    await expect(withJs.locator('#announce')).toContainText('Nieuwe vraag: Waarom is ervaringskennis belangrijk');
    await withJs.getByLabel('Je antwoord:').fill('Mijn buurman Jan zegt dat het niet werkt');
    await withJs.getByRole('button', { name: 'Verstuur' }).click();
    await withJs.getByText('Je antwoord is bewaard.').waitFor();
    // The panel fetches the queue by itself when something waits.
    await facilitator.getByRole('heading', { level: 2, name: 'Wacht op nakijken (1)' }).waitFor();
    await facilitator.getByLabel('Reden (als je tegenhoudt)').fill('noemt iemand');
    await facilitator.getByRole('button', { name: 'Houd tegen' }).click();
    await facilitator.getByRole('heading', { level: 2, name: 'Wacht op nakijken (0)' }).waitFor();
    await facilitator.getByRole('button', { name: 'Toon de resultaten' }).click();
    await presenter.getByText('1 antwoord tegengehouden door de moderator.').waitFor();
    expect(await presenter.getByText('Mijn buurman Jan').count()).toBe(0);
    await expectAccessible(presenter, 'presenter screen with results');
  });
});
