import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { createCode } from '../../src/modules/coding/codebook.ts';
import { createStory } from '../../src/modules/stories/service.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const PASSWORD = 'demo-kruisbestuiving';
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const WORKER = 'lid@demo.kruisbestuiving.org';
const AUTHOR = 'praktijkwerker@demo.kruisbestuiving.org';
const STORY_TEXT = 'Mijn buurvrouw ging mee naar het loket. Dat gaf moed.';

run('co-researchers and the whole seed in the glossary, in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let orgId: string;
  let storyId: string;

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    const ctx = server.app.services;
    orgId = (await ctx.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const id = async (email: string) => (await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const story = await createStory(ctx, { userId: await id(AUTHOR), language: 'nl', roles: new Map([[orgId, 'member']]) }, orgId, {
      title: 'Mee naar het loket',
      text: STORY_TEXT,
      scope: 'research',
      pseudonym: 'Lente',
    });
    storyId = story.id;
    await createCode(ctx, { userId: await id(RESEARCHER), language: 'nl', roles: new Map([[orgId, 'researcher']]) }, orgId, {
      name: 'Steun van naasten',
      description: '',
      colour: '#2ca02c',
      parentId: null,
    });
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

  it('a researcher invites an experience worker by keyboard; the member codes a story at 320 px; the researcher sees their codes by position', {
    timeout: 90_000,
  }, async () => {
    const researcher = await signedIn(RESEARCHER, 1280, `/o/${orgId}/kruisbestuiving/codering`);
    await heading(researcher, 'Codering');
    await researcher.getByRole('heading', { level: 2, name: 'Mee-onderzoekers' }).waitFor();
    await expect(researcher.getByText('Er is nog niemand uitgenodigd.')).toBeVisible();
    // Keyboard only: choose the member in the list, then invite.
    const select = researcher.getByLabel('Welk lid?');
    await select.focus();
    const options = await select.locator('option').allTextContents();
    const target = options.indexOf('Mo El Amrani (Ervaringswerker)');
    expect(target).toBeGreaterThanOrEqual(0);
    const current = await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
    for (let i = current; i < target; i++) await researcher.keyboard.press('ArrowDown');
    for (let i = current; i > target; i--) await researcher.keyboard.press('ArrowUp');
    await researcher.getByRole('button', { name: 'Uitnodigen om mee te coderen' }).focus();
    await researcher.keyboard.press('Enter');
    await expect(researcher.getByRole('status').filter({ hasText: 'Mo El Amrani kan nu mee coderen.' })).toBeVisible();
    await expect(researcher.getByRole('button', { name: 'Stop het mee coderen van Mo El Amrani' })).toBeVisible();
    await expectAccessible(researcher, 'coding page with a co-researcher');

    // The member, on an old phone: the way in is on the Kruisbestuiving page.
    const member = await signedIn(WORKER, 320, `/o/${orgId}/kruisbestuiving`);
    await member.getByRole('link', { name: 'Codering' }).click();
    await heading(member, 'Codering');
    await expect(member.getByText(/Je bent uitgenodigd om samen met de onderzoekers te coderen/)).toBeVisible();
    expect(await member.getByRole('link', { name: /REFI-QDA/ }).count()).toBe(0);
    expect(await member.getByRole('button', { name: 'Code toevoegen' }).count()).toBe(0);
    await expectAccessible(member, 'coding page of a co-researcher at 320 px');
    await expectNoHorizontalScroll(member, 'coding page of a co-researcher at 320 px');

    await member.getByRole('link', { name: 'Mee naar het loket' }).click();
    await heading(member, 'Mee naar het loket');
    expect(await member.getByText('Sara Wouters').count()).toBe(0);
    const units = member.getByLabel('Zin of alinea');
    await units.focus();
    const unitOptions = await units.locator('option').allTextContents();
    const sentence = unitOptions.findIndex((o) => o.startsWith('Zin: Mijn buurvrouw ging mee naar het loket.'));
    for (let i = 0; i < sentence; i++) await member.keyboard.press('ArrowDown');
    expect(await member.getByLabel('Beginpositie').inputValue()).toBe('0');
    const code = member.getByLabel('Code', { exact: true });
    await code.focus();
    const codeOptions = await code.locator('option').allTextContents();
    const at = await code.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
    const wanted = codeOptions.indexOf('Steun van naasten');
    for (let i = at; i < wanted; i++) await member.keyboard.press('ArrowDown');
    for (let i = at; i > wanted; i--) await member.keyboard.press('ArrowUp');
    await member.getByRole('button', { name: 'Code toekennen' }).focus();
    await member.keyboard.press('Enter');
    await expect(member.getByRole('status').filter({ hasText: '‘Steun van naasten’ toegekend aan “Mijn buurvrouw ging mee naar het loket.”' })).toBeVisible();
    await expectAccessible(member, 'a co-researcher codes a story at 320 px');
    await expectNoHorizontalScroll(member, 'coding a story at 320 px');

    // The researcher sees the co-researcher's code by position, next to the researchers' column.
    await researcher.goto(`${server.url}/o/${orgId}/kruisbestuiving/codering/frequenties`);
    await heading(researcher, 'Hoe vaak elke code voorkomt');
    const table = researcher.getByRole('table', { name: 'Per wie codeerde' });
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual([
      'Code',
      'Onderzoekers',
      'Mee-onderzoeker: Praktijkwerker',
      'Mee-onderzoeker: Coördinator',
      'Mee-onderzoeker: Beleidsmedewerker',
      'Mee-onderzoeker: Ervaringswerker',
      'Mee-onderzoeker: Onbekend',
      'Totaal',
    ]);
    const row = table.getByRole('row').filter({ has: researcher.getByRole('rowheader', { name: 'Steun van naasten' }) });
    expect(await row.locator('td').allTextContents()).toEqual(['0', '0', '0', '0', '1', '0', '1']);
    await expectAccessible(researcher, 'frequencies by who coded');
    await researcher.context().close();
    await member.context().close();
  });

  it('a member who is not invited has no way to coding, and the page refuses', async () => {
    const page = await signedIn('praktijkwerker@demo.kruisbestuiving.org', 1280, `/o/${orgId}/kruisbestuiving`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Codering' }).count()).toBe(0);
    const response = await page.request.get(`${server.url}/api/orgs/${orgId}/coding/stories/${storyId}`);
    expect(response.status()).toBe(403);
    await page.context().close();
  });

  it('the media questions show the seed’s opportunities beside its risks, at 320 px', async () => {
    const page = await signedIn('praktijkwerker@demo.kruisbestuiving.org', 320, `/o/${orgId}/kruisbestuiving/verhalen/${storyId}`);
    await page.getByLabel('Publiek (tentoonstelling)').check();
    await expect(page.getByText('Wat je verhaal in de media kan opleveren:')).toBeVisible();
    for (const opportunity of [
      'Kwetsbaarheid bespreekbaar maken',
      'Perspectief bieden',
      'Uitsluiting concreet tonen',
      'Stigma is een gedeelde verantwoordelijkheid',
    ])
      await expect(page.getByText(opportunity, { exact: true })).toBeVisible();
    await expect(page.getByLabel(/polarisatie/)).toBeVisible();
    await expectAccessible(page, 'media opportunities beside the risks at 320 px');
    await expectNoHorizontalScroll(page, 'media checklist at 320 px');
    await page.context().close();
  });

  it('the glossary shows the concepts, the roots, the media slide and their sources, in Dutch and in English', async () => {
    const page = await signedIn('praktijkwerker@demo.kruisbestuiving.org', 320);
    for (const [language, title, entries] of [
      [
        'Nederlands',
        'Begrippen',
        [
          'Centrale begrippen',
          'Het verschil tussen ervaringsdeskundigheid en ervaringswerk',
          'Ervaringsdeskundigheid als een kwestie van competenties',
          'Ervaringsdeskundigheid als één manier onder meerdere',
          'De Anonieme Alcoholisten (jaren 1930)',
          'Verenigingen waar armen het woord nemen (jaren 1970)',
          'Stigma is een gedeelde verantwoordelijkheid',
        ],
      ],
      [
        'English',
        'Concepts',
        [
          'Core concepts',
          'The difference between experiential expertise and experience work',
          'Experiential expertise as a matter of competences',
          'Experiential expertise as one way among several',
          'Alcoholics Anonymous (1930s)',
          'The recovery movement (1970s)',
          'Stigma is a shared responsibility',
        ],
      ],
    ] as const) {
      await page.goto(`${server.url}/begrippen`);
      if (language === 'English') await page.getByLabel('Taal').selectOption({ label: 'English' });
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      for (const entry of entries) await expect(page.getByText(entry, { exact: true }).first()).toBeVisible();
      await expect(
        page.getByText(language === 'English' ? /The research gives "De grote stap" as its example/ : /Het onderzoek geeft als voorbeeld "De grote stap"/),
      ).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name: language === 'English' ? 'Sources' : 'Bronnen' }).first()).toBeVisible();
      await expectAccessible(page, `glossary in ${language} at 320 px`);
      await expectNoHorizontalScroll(page, `glossary in ${language} at 320 px`);
    }
    await page.context().close();
  });
});
