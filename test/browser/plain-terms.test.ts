import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import {
  chooseLanguage,
  expectAccessible,
  expectNoHorizontalScroll,
  type LiveServer,
  launchBrowser,
  newTestContext,
  signIn,
  startLiveServer,
} from '../helpers/browser.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const EMAIL = 'eva@plain.example.org';

/** A trajectory phase in plain words, with the research term and its definition one keypress away. */
run('plain words with the research term behind them, in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let trajectoryPath = '';

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    const ctx = server.app.services;
    const org = await makeOrganisation(ctx, 'Zorg Helder', 'ggz');
    const teamId = await makeTeam(ctx, org, 'Team Helder');
    const user = await makeUser(ctx, { organisationId: org, role: 'member', email: EMAIL, name: 'Eva Ervaring' });
    await addToTeam(ctx, teamId, user.id, 'experience_worker');
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, EMAIL, TEST_PASSWORD, `/o/${org}/trajecten`);
    await page.getByLabel('Naam van het traject').fill('Helder traject');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Helder traject' }).waitFor();
    trajectoryPath = new URL(page.url()).pathname;
    await context.close();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Dutch at 320 px: "Steun en begeleiding", and by keyboard the term "omkadering" with its definition', { timeout: 120_000 }, async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, EMAIL, TEST_PASSWORD, `${trajectoryPath}/omkadering`);
    await page.getByRole('heading', { level: 2, name: '4. Steun en begeleiding' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Steun: coaching, intervisie, supervisie' })).toBeVisible();
    const summary = page.locator('details.term summary', { hasText: 'Onderzoeksterm: omkadering' });
    const definition = page.getByText('De steun rond het werk van ervaringswerkers: coaching, intervisie en supervisie');
    expect(await definition.isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(definition).toBeVisible();
    await expect(page.locator('details.term dfn')).toHaveText('omkadering');
    await expect(page.locator('details.term').getByRole('link', { name: 'Alle begrippen' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'phase 4 at 320 px');
    await expectAccessible(page, 'phase 4 with the term open');
    await context.close();
  });

  it('English: phase 2 in plain words, and the glossary link of the logics goes to their entry', { timeout: 120_000 }, async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, EMAIL, TEST_PASSWORD);
    await chooseLanguage(page, 'Taal', 'English');
    await page.goto(`${server.url}${trajectoryPath}/complementariteit`);
    await page.getByRole('heading', { level: 2, name: '2. Adding to each other’s knowledge' }).waitFor();
    const summary = page.locator('details.term summary', { hasText: 'Research term: complementary expertise' });
    await summary.focus();
    await page.keyboard.press('Space');
    await expect(page.getByText('Knowledge that completes each other')).toBeVisible();
    // The knowledge positions in plain words, their research names behind a term.
    await page.getByLabel('I bring experiential knowledge').check();
    await expect(page.getByLabel('What it means in my life')).toBeVisible();
    const positions = page.locator('details.term summary', { hasText: 'Research term: the condition, the biographical and the societal' });
    await positions.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Three angles of experiential knowledge')).toBeVisible();
    await expectAccessible(page, 'phase 2 in English');

    await page.goto(`${server.url}${trajectoryPath}/visie`);
    await page.getByRole('heading', { level: 2, name: '1. A shared vision' }).waitFor();
    await expect(page.getByText('What do you use experiential knowledge for?').first()).toBeVisible();
    await page.locator('details.term summary', { hasText: 'Research term: the three logics of experiential expertise' }).click();
    await page.locator('details.term').getByRole('link', { name: 'All terms' }).click();
    await page.waitForURL(/\/begrippen#glossary-logics$/);
    await context.close();
  });
});
