import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const MEMBER = 'lid@demo.kruisbestuiving.org';
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const PASSWORD = 'demo-kruisbestuiving';

/** The number on the header's badge (none shown: 0). */
async function badgeCount(page: Page): Promise<number> {
  const shown = page.locator('.inbox-badge .inbox-count');
  return (await shown.count()) === 0 ? 0 : Number(await shown.textContent());
}
const badgeName = (page: Page) => page.locator('.inbox-badge').evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

run('What waits for me, and results for members, in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
  });
  // One test switches the member to English; every test starts in Dutch whatever happened before.
  beforeEach(async () => {
    await server.app.services.db.updateTable('users').set({ language: 'nl' }).where('email', '=', MEMBER).execute();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the start page lists what waits (a charter to sign), the badge counts it, and the inbox marks a notification read', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, MEMBER, PASSWORD);

    // The demo's charter version 1 waits for Mo's signature: on the start page, as an item and a notification.
    const waiting = page.getByRole('region', { name: 'Wat wacht op jou' });
    await expect(waiting.getByRole('link', { name: /Onderteken versie 1 van het samenwerkingskader/ })).toBeVisible();
    await expect(waiting.getByRole('heading', { level: 3, name: /nieuwe meldingen/ })).toBeVisible();
    expect(await badgeName(page)).toMatch(/^Meldingen\d+ dingen wachten op jou$/);
    const before = await badgeCount(page);
    expect(before).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, 'start page with what waits');

    // With the keyboard: from the top of the page to the badge, then Enter opens the notifications.
    await page.locator('body').focus();
    let onBadge = false;
    for (let i = 0; i < 20 && !onBadge; i++) {
      await page.keyboard.press('Tab');
      onBadge = await page.locator('.inbox-badge').evaluate((el) => el === document.activeElement);
    }
    expect(onBadge).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: 'Wat wacht op jou' })).toBeVisible();
    await expectAccessible(page, 'notifications page');

    const unread = page.getByRole('region', { name: /nieuwe melding/ });
    const charter = unread.getByRole('listitem').filter({ hasText: 'Er is een nieuwe versie (versie 1)' });
    await charter.getByRole('button', { name: /^Gelezen/ }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 melding gelezen.' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Eerdere meldingen' }).getByText('Er is een nieuwe versie (versie 1)')).toBeVisible();
    await expect.poll(() => badgeCount(page)).toBe(before - 1);

    // Following the item opens the charter, where it can be signed.
    await page
      .getByRole('region', { name: 'Wat wacht op jou' })
      .getByRole('link', { name: /Onderteken versie 1/ })
      .click();
    await page.getByRole('button', { name: 'Versie 1 ondertekenen' }).waitFor();
    await context.close();
  }, 90_000);

  it('in English on a 320 px phone: start page, badge, notifications and the e-mail choice in Settings', async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, MEMBER, PASSWORD);
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { level: 2, name: 'What waits for you' }).waitFor();
    expect(await badgeName(page)).toMatch(/^Notifications\d+ things? waits? for you$/);
    await expectNoHorizontalScroll(page, 'start page at 320 px');
    await expectAccessible(page, 'start page in English at 320 px');

    await page.locator('.inbox-badge').click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: 'Earlier notifications' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'notifications at 320 px');
    await expectAccessible(page, 'notifications in English at 320 px');

    await page.goto(`${server.url}/settings`);
    const weekly = page.getByRole('radio', { name: 'Once a week, an overview' });
    await weekly.waitFor();
    await weekly.focus();
    await page.keyboard.press('Space');
    await expect(weekly).toBeChecked();
    await page.getByRole('button', { name: 'Save' }).last().click();
    await expect(page.getByRole('status').filter({ hasText: 'Your choice is saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Once a week, an overview' })).toBeChecked();
    await expectNoHorizontalScroll(page, 'settings at 320 px');
    await expectAccessible(page, 'settings with the e-mail choice');
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    await context.close();
  }, 90_000);

  it('a member finds the results of their rounds from In beeld, with small groups hidden', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, MEMBER, PASSWORD);
    await page.getByRole('link', { name: 'In beeld', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'In beeld' }).waitFor();
    const results = page.getByRole('region', { name: 'Uitkomsten voor jou' });
    await expect(results.getByRole('listitem').first()).toBeVisible();
    await expectAccessible(page, 'in beeld with results for a member');
    const first = results.getByRole('link').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
    await expect(page.getByText(/Kleine aantallen zijn verborgen/)).toBeVisible();
    await expectAccessible(page, 'dashboard for a member');
    await context.close();
  }, 90_000);

  it('a researcher shares a round by a public link; the page shows the round with small groups hidden, without signing in', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD);
    await page.getByRole('link', { name: 'In beeld', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'In beeld' }).waitFor();
    await page.getByRole('link', { name: 'Cocreatie in beeld — professionals (demo)', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Uitkomsten delen' }).waitFor();
    await page.getByRole('radio', { name: 'Ook met een openbare link, zonder aanmelden' }).check();
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
    const link = page.getByRole('region', { name: 'Uitkomsten delen' }).getByRole('link');
    const url = (await link.getAttribute('href')) ?? '';
    expect(url).toMatch(/\/u\/[A-Za-z0-9_-]{22,64}$/);
    await expectAccessible(page, 'round page with result sharing');

    // Someone who answered opens the link without an account: under the strict CSP, as in production.
    const visitor = await newTestContext(browser, { width: 320, bypassCSP: false });
    const publicPage = await visitor.newPage();
    await publicPage.goto(url);
    await expect(publicPage.getByRole('heading', { level: 2, name: 'Werkwijze' })).toBeVisible();
    await expect(publicPage.getByText(/Kleine aantallen/).first()).toBeVisible();
    expect(await publicPage.locator('td', { hasText: /^–$/ }).count()).toBeGreaterThan(0);
    await visitor.close();
    const scanned = await newTestContext(browser, { width: 320 });
    const copy = await scanned.newPage();
    await copy.goto(url);
    await expectAccessible(copy, 'public results page');
    await scanned.close();
    await context.close();
  }, 90_000);
});
