import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { createStory } from '../../src/modules/stories/service.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const PASSWORD = 'demo-kruisbestuiving';
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const COORDINATOR = 'coordinator@demo.kruisbestuiving.org';
const WORKER = 'lid@demo.kruisbestuiving.org';
const STORY_TEXT = 'Ik wachtte drie maanden op een gesprek. Niemand belde terug.\n\nIn de groep vond ik mensen die het kenden.';

run('signals and coding in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let orgId: string;
  let storyId: string;

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    const ctx = server.app.services;
    const org = await ctx.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    orgId = org.id;
    const worker = await ctx.db.selectFrom('users').select('id').where('email', '=', WORKER).executeTakeFirstOrThrow();
    const story = await createStory(ctx, { userId: worker.id, language: 'nl', roles: new Map([[orgId, 'member']]) }, orgId, {
      title: 'Wachten op hulp',
      text: STORY_TEXT,
      scope: 'research',
      pseudonym: 'Kim',
    });
    storyId = story.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Signed in on the welcome page, or on `open` (a path) when the test goes there first. */
  async function signedIn(email: string, width = 1280, open = '/'): Promise<Page> {
    const context = await newTestContext(browser, { width, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await signIn(page, server.url, email, PASSWORD, open);
    return page;
  }
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  it('a researcher codes a story (by keyboard and by selection), writes a memo and downloads a valid .qdpx', { timeout: 60_000 }, async () => {
    const page = await signedIn(RESEARCHER, 1280, `/o/${orgId}/kruisbestuiving/codering`);
    await heading(page, 'Codering');
    await page.getByLabel('Kader').selectOption('logics');
    await page.getByRole('button', { name: 'Codes van dit kader toevoegen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De codes van het kader staan in het codeboek.' })).toBeVisible();
    await page.getByLabel('Naam').fill('Wachten');
    await page.getByLabel('Wat betekent de code?').fill('Tijd tot er hulp komt');
    await page.getByRole('button', { name: 'Code toevoegen' }).click();
    await expect(page.getByRole('link', { name: 'Wachten' })).toBeVisible();
    await expectAccessible(page, 'coding overview');

    await page.getByRole('link', { name: 'Wachten op hulp' }).click();
    await heading(page, 'Wachten op hulp');
    await expectAccessible(page, 'code a story');

    // Keyboard only: choose a sentence in the list, then the code, then apply.
    await page.getByLabel('Zin of alinea').focus();
    const unitOptions = await page.getByLabel('Zin of alinea').locator('option').allTextContents();
    const sentenceIndex = unitOptions.findIndex((o) => o.startsWith('Zin: Niemand belde terug.'));
    for (let i = 0; i < sentenceIndex; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Beginpositie').inputValue()).toBe(String(STORY_TEXT.indexOf('Niemand')));
    await page.getByLabel('Code', { exact: true }).focus();
    const codeOptions = await page.getByLabel('Code', { exact: true }).locator('option').allTextContents();
    const current = await page.getByLabel('Code', { exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedIndex);
    const target = codeOptions.indexOf('Wachten');
    for (let i = current; i < target; i++) await page.keyboard.press('ArrowDown');
    for (let i = current; i > target; i--) await page.keyboard.press('ArrowUp');
    await page.getByRole('button', { name: 'Code toekennen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '‘Wachten’ toegekend aan “Niemand belde terug.”' })).toBeVisible();

    // The text is drawn again with the new segment marked; a selection made before that would be lost with the old text.
    await expect(page.locator('.coding-text mark').first()).toBeVisible();
    // With the mouse: select "drie maanden" in the story and take the selection.
    await page.evaluate((phrase) => {
      const container = document.querySelector('.coding-text');
      const walker = document.createTreeWalker(container as Node, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(phrase) ?? -1;
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + phrase.length);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
          return;
        }
      }
    }, 'drie maanden');
    await page.getByRole('button', { name: 'Neem mijn selectie' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Selectie genomen: “drie maanden”' })).toBeVisible();
    await page.getByLabel('Code', { exact: true }).selectOption({ label: 'Toegankelijke en rechtvaardige hulp-, zorg- en dienstverlening' });
    await page.getByRole('button', { name: 'Code toekennen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'toegekend aan “drie maanden”' })).toBeVisible();
    await expect(page.locator('.coding-text mark').nth(1)).toBeVisible();
    expect(await page.locator('.coding-text mark').count()).toBe(2);

    // The code view, with a memo on the code.
    await page.getByRole('link', { name: 'Wachten' }).first().click();
    await heading(page, 'Wachten');
    await expect(page.getByText('Niemand belde terug.')).toBeVisible();
    await page.getByLabel('Titel').last().fill('Wachttijd');
    await page.getByLabel('Memo', { exact: true }).last().fill('Komt in meerdere verhalen terug.');
    await page.getByRole('button', { name: 'Memo bewaren' }).last().click();
    await expect(page.getByText('Komt in meerdere verhalen terug.')).toBeVisible();
    await expectAccessible(page, 'code view');

    await page.goto(`${server.url}/o/${orgId}/kruisbestuiving/codering/frequenties`);
    await heading(page, 'Hoe vaak elke code voorkomt');
    await expectAccessible(page, 'code frequencies');

    // A code made by mistake is deleted after a confirmation dialog.
    await page.goto(`${server.url}/o/${orgId}/kruisbestuiving/codering`);
    await page.getByLabel('Naam').fill('Per ongeluk');
    await page.getByRole('button', { name: 'Code toevoegen' }).click();
    await page.getByRole('link', { name: 'Per ongeluk' }).click();
    await heading(page, 'Per ongeluk');
    await page.getByRole('button', { name: 'Code verwijderen' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'delete code dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Code verwijderen' }).click();
    await heading(page, 'Codering');
    expect(await page.getByRole('link', { name: 'Per ongeluk' }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als REFI-QDA-project (.qdpx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
    const file = await download.path();
    const files = unzipSync(fs.readFileSync(file));
    const xml = strFromU8(files['project.qde'] as Uint8Array);
    expect(xml).toContain('<PlainTextSelection');
    expect(Object.keys(files)).toContain(`sources/${storyId}.txt`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-qdpx-browser-'));
    fs.writeFileSync(path.join(dir, 'project.qde'), xml);
    execFileSync('xmllint', ['--noout', '--schema', path.resolve('src/modules/coding/refi-qda/Project.xsd'), path.join(dir, 'project.qde')], { stdio: 'pipe' });
    fs.rmSync(dir, { recursive: true, force: true });
    await page.context().close();
  });

  it('an experience worker raises a signal, the coordinator takes it through, and the worker gets the feedback', { timeout: 60_000 }, async () => {
    const worker = await signedIn(WORKER, 1280, `/o/${orgId}/kruisbestuiving`);
    await worker.getByRole('link', { name: /Signalen naar beleid/ }).click();
    await heading(worker, 'Signalen naar beleid');
    // The demo: the worker's earlier signal got feedback; a theme from the stories is being checked.
    await expect(worker.getByRole('link', { name: 'Lange wachttijd voor een eerste gesprek' })).toBeVisible();
    await expect(worker.getByText('Je wordt gevraagd een thema te toetsen').first()).toBeVisible();
    await expectAccessible(worker, 'signals');
    // Member checking: the worker responds to the theme drawn from the stories.
    await worker.getByRole('link', { name: 'Thema uit de verhalen: stigma bij de huisarts' }).first().click();
    await heading(worker, 'Thema uit de verhalen: stigma bij de huisarts');
    await expectAccessible(worker, 'signal being checked');
    await worker.getByLabel('Ik betwist dit').check();
    await worker.getByRole('button', { name: 'Reactie geven' }).click();
    // Contesting without saying why is refused, with the message next to the field.
    await expect(worker.getByText('Schrijf wat je wilt nuanceren of betwisten.')).toBeVisible();
    await worker.getByLabel('Ik bevestig dit').check();
    await worker.getByRole('button', { name: 'Reactie geven' }).click();
    await expect(worker.getByRole('status').filter({ hasText: 'Je reactie is bewaard bij het signaal.' })).toBeVisible();
    await expect(worker.getByText('Mo El Amrani bevestigt')).toBeVisible();
    await worker.getByRole('link', { name: 'Terug naar signalen' }).click();
    await heading(worker, 'Signalen naar beleid');
    await worker.getByRole('link', { name: 'Een signaal geven' }).click();
    await heading(worker, 'Een signaal geven');
    await expectAccessible(worker, 'raise a signal');
    // Sending an empty form says what is missing, next to the fields.
    await worker.getByRole('button', { name: 'Signaal geven' }).click();
    await expect(worker.getByText('Kies een van de drie doelen.')).toBeVisible();
    await worker.getByLabel('Korte titel').fill('Geen tolk bij het intakegesprek');
    await worker.getByLabel('Wat zag of hoorde je?').fill('Bij het intakegesprek is er geen tolk, dus familie moet vertalen.');
    await worker.getByLabel('Voor wie is dit een drempel?').fill('Mensen zonder netwerk');
    await worker.getByLabel('Toegankelijke en rechtvaardige hulp-, zorg- en dienstverlening').check();
    await worker.getByLabel('Waar moet het signaal landen?').selectOption('regional');
    await worker.getByLabel('Wachten op hulp').check();
    await worker.getByRole('button', { name: 'Signaal geven' }).click();
    await heading(worker, 'Geen tolk bij het intakegesprek');
    const signalUrl = worker.url();
    await expectAccessible(worker, 'signal detail (raiser)');

    const coordinator = await signedIn(COORDINATOR, 1280, signalUrl);
    await heading(coordinator, 'Geen tolk bij het intakegesprek');
    await expectAccessible(coordinator, 'signal detail (handler)');
    for (const [to, note] of [
      ['besproken', 'Besproken in het teamoverleg.'],
      ['doorgegeven', 'Doorgegeven aan de directie.'],
      ['opgenomen', ''],
      ['teruggekoppeld', 'Vanaf januari is er een wekelijks inloopmoment.'],
    ] as const) {
      await coordinator.getByLabel('Nieuwe stand').selectOption({ label: to });
      await coordinator.getByRole('textbox', { name: /Toelichting|Terugkoppeling voor wie/ }).fill(note);
      await coordinator.getByRole('button', { name: 'Stap opslaan' }).click();
      if (to === 'teruggekoppeld') await expect(coordinator.getByRole('heading', { name: 'Terugkoppeling' })).toBeVisible();
      else await expect(coordinator.getByRole('status').filter({ hasText: `Het signaal is nu: ${to}.` })).toBeVisible();
    }
    await expect(coordinator.getByText('Mensen zonder netwerk')).toBeVisible();
    await coordinator.goto(`${server.url}/o/${orgId}/kruisbestuiving/signalen/overzicht?days=1`);
    await heading(coordinator, 'Signalen die op antwoord wachten');
    await expectAccessible(coordinator, 'overview');
    await coordinator.goto(`${server.url}/o/${orgId}/kruisbestuiving/signalen/rapport`);
    await heading(coordinator, 'Signalen per thema en niveau');
    // A coordinator may open every signal the report counts, so the report counts exactly: no hidden cells.
    await expect(coordinator.getByRole('table').first()).toBeVisible();
    expect(await coordinator.getByText('Om kleine groepen te beschermen').count()).toBe(0);
    await expectAccessible(coordinator, 'report');
    await coordinator.context().close();

    await worker.goto(`${server.url}/o/${orgId}/kruisbestuiving/signalen`);
    await expect(worker.getByText('Terugkoppeling op je signaal')).toBeVisible();
    await worker.getByRole('link', { name: 'Geen tolk bij het intakegesprek' }).first().click();
    await expect(worker.getByRole('heading', { name: 'Terugkoppeling' })).toBeVisible();
    await expect(worker.getByText('Vanaf januari is er een wekelijks inloopmoment.').first()).toBeVisible();
    await worker.context().close();
  });

  it('fits a 320 px screen on every page', async () => {
    const page = await signedIn(RESEARCHER, 320);
    const signal = await page.request.get(`${server.url}/api/orgs/${orgId}/signals`);
    const firstSignal = ((await signal.json()) as { signals: { id: string }[] }).signals[0]?.id;
    const code = await page.request.get(`${server.url}/api/orgs/${orgId}/coding/codes`);
    const firstCode = ((await code.json()) as { codes: { id: string }[] }).codes[0]?.id;
    const pages = [
      'kruisbestuiving/signalen',
      'kruisbestuiving/signalen/nieuw',
      `kruisbestuiving/signalen/${firstSignal}`,
      'kruisbestuiving/signalen/rapport',
      'kruisbestuiving/codering',
      `kruisbestuiving/codering/verhalen/${storyId}`,
      `kruisbestuiving/codering/codes/${firstCode}`,
      'kruisbestuiving/codering/frequenties',
    ];
    for (const p of pages) {
      await page.goto(`${server.url}/o/${orgId}/${p}`);
      await page.locator('h1').waitFor();
      await expectNoHorizontalScroll(page, p);
    }
    await expectAccessible(page, 'code a story at 320 px');
    await page.context().close();
  });
});
