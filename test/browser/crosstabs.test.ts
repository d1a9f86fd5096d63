import type { Browser, Page } from 'playwright-core';
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

/**
 * Cross-tabs and numbers in the dashboard and the printable report, in Chromium: chosen with the
 * keyboard, at 320 px, scanned with axe, in Dutch and English; a member sees small cells hidden.
 */

const run = inject('chromiumPath') ? describe : describe.skip;
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const MEMBER = 'lid@demo.kruisbestuiving.org';
const PASSWORD = 'demo-kruisbestuiving';
const EXPERIENCE_ROUND = 'Cocreatie in beeld — ervaringswerkers (demo)';
const SLOW = { timeout: 120_000 };

run('cross-tabs and numbers in Chromium (demo round demo-ervaringswerkers)', () => {
  let server: LiveServer;
  let browser: Browser;
  let dashboardPath = '';

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openDashboard(page: Page, email: string): Promise<void> {
    await signIn(page, server.url, email, PASSWORD);
    if (!dashboardPath) {
      await page.getByRole('link', { name: 'In beeld', exact: true }).first().click();
      await page.getByRole('link', { name: `Dashboard van ${EXPERIENCE_ROUND}` }).click();
      await page.getByRole('heading', { level: 1, name: `Dashboard: ${EXPERIENCE_ROUND}` }).waitFor();
      dashboardPath = new URL(page.url()).pathname;
    } else await page.goto(`${server.url}${dashboardPath}`);
    await page.getByRole('heading', { level: 1, name: `Dashboard: ${EXPERIENCE_ROUND}` }).waitFor();
  }

  it('a researcher on a 320 px phone picks two questions with the keyboard and reads the cross-tab with its test', SLOW, async () => {
    const context = await newTestContext(browser, { width: 320, bypassCSP: true });
    const page = await context.newPage();
    await openDashboard(page, RESEARCHER);
    const section = page.locator('section.crosstab-section');
    await section.getByLabel('Vraag in de rijen').focus();
    await section.getByLabel('Vraag in de rijen').selectOption('sector');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await section.getByLabel('Vraag in de kolommen').getAttribute('id'));
    await section.getByLabel('Vraag in de kolommen').selectOption('betaald');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Toon de kruistabel');
    await page.keyboard.press('Enter');
    await page.waitForURL(/rows=sector&cols=betaald/);
    const table = section.locator('table.crosstab-table');
    await expect(table.getByRole('row', { name: /^GGZ/ })).toContainText('14');
    await expect(table.getByRole('row', { name: /^GGZ/ })).toContainText('35,0 % van de rij');
    await expect(table.locator('tfoot')).toContainText('89');
    await expect(section).toContainText('Chi-kwadraattoets: χ² = 6,97, vrijheidsgraden 4, p = 0,138.');
    await expect(section).toContainText('Cramér’s V = 0,20');
    // The wide table scrolls in its own box, which the keyboard reaches; the page itself does not scroll sideways.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('table-scroll'))).toBe(true);
    await expectNoHorizontalScroll(page, 'cross-tab at 320 px');
    await expectAccessible(page, 'dashboard with a cross-tab at 320 px');
    await context.close();
  });

  it('in English: a number is a histogram with its summary, not a row per value, and the cross-tab reads in English', SLOW, async () => {
    const context = await newTestContext(browser, { width: 1280, bypassCSP: true });
    const page = await context.newPage();
    await openDashboard(page, RESEARCHER);
    // The language is the person's own setting: switch, and switch back at the end for the other tests.
    await chooseLanguage(page, 'Taal', 'English');
    await page.goto(`${server.url}${dashboardPath}?rows=sector&cols=betaald`);
    await page.getByRole('heading', { level: 1, name: `Dashboard: ${EXPERIENCE_ROUND}` }).waitFor();
    const hours = page.locator('section.question-result', { has: page.locator('#q-uren_per_week') });
    await hours.scrollIntoViewIfNeeded();
    await expect(hours.locator('.scale-stats')).toContainText('median');
    await expect(hours.locator('.scale-stats')).toContainText('the middle half lies between');
    expect(await hours.locator('table tbody tr').count()).toBeLessThanOrEqual(10);
    const chart = hours.locator('svg[role="img"]');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-description')).toMatch(/\d+–\d+: \d+/);
    const section = page.locator('section.crosstab-section');
    await expect(section).toContainText('Chi-square test: χ² = 6.97, degrees of freedom 4, p = 0.138.');
    await expect(section.locator('table.crosstab-table').getByRole('row', { name: /^GGZ|^Mental/ })).toContainText('35.0 % of the row');
    await expectAccessible(page, 'dashboard in English with a cross-tab');
    // Saved before the context closes: the next tests sign in as the same researcher and expect Dutch.
    await chooseLanguage(page, 'Language', 'Nederlands');
    await context.close();
  });

  it('a researcher compares GGZ with everyone on “paid?”: the difference with its interval', SLOW, async () => {
    const context = await newTestContext(browser, { width: 320, bypassCSP: true });
    const page = await context.newPage();
    await openDashboard(page, RESEARCHER);
    const section = page.locator('section.subgroup-section');
    await section.getByLabel('Vraag', { exact: true }).selectOption('betaald');
    await section.getByLabel('Groep', { exact: true }).selectOption('answer:sector:ggz');
    await section.getByRole('button', { name: 'Vergelijk met iedereen' }).press('Enter');
    await page.waitForURL(/sq=betaald/);
    const row = section.getByRole('row', { name: /^Ja/ });
    await expect(row).toContainText('35,0');
    await expect(row).toContainText('30,3');
    await expect(row).toContainText('+4,7');
    await expect(row).toContainText('−5,7 … +14,9');
    await expectNoHorizontalScroll(page, 'subgroup at 320 px');
    await expectAccessible(page, 'subgroup at 320 px');
    await context.close();
  });

  it('a member sees the cross-tab with small cells hidden and no test on them', SLOW, async () => {
    const context = await newTestContext(browser, { width: 1280, bypassCSP: true });
    const page = await context.newPage();
    await openDashboard(page, MEMBER);
    await page.goto(`${server.url}${dashboardPath}?rows=sector&cols=betaald`);
    const section = page.locator('section.crosstab-section');
    const table = section.locator('table.crosstab-table');
    await expect(table.getByRole('row', { name: /^Jeugdhulp/ })).toContainText('te weinig antwoorden');
    await expect(table.getByRole('row', { name: /^Andere sector|^Een andere/ })).toContainText('Niet getoond');
    await expect(section).toContainText('Er is geen toets berekend, omdat er kleine aantallen verborgen zijn.');
    await expect(section).not.toContainText('Chi-kwadraattoets');
    await expectAccessible(page, 'a member’s cross-tab');
    await context.close();
  });

  for (const lang of ['nl', 'en'] as const)
    it(`the printable report's cross-tab and histogram (${lang}) at 320 px pass axe and the keyboard reaches the wide table`, SLOW, async () => {
      const context = await newTestContext(browser, { width: 320, bypassCSP: true });
      const page = await context.newPage();
      await openDashboard(page, RESEARCHER);
      const roundId = dashboardPath.split('/').at(-2);
      const orgId = dashboardPath.split('/')[2];
      const response = await page.request.get(
        `${server.url}/api/orgs/${orgId}/rounds/${roundId}/report.html?lang=${lang}&crosstab=sector:betaald&crosstab=rollen:sector`,
      );
      expect(response.status()).toBe(200);
      const html = await response.text();
      await page.goto(`${server.url}/healthz`);
      await page.setContent(html, { waitUntil: 'load' });
      const chapter = page.locator('section.chapter', { has: page.locator('#crosstabs-heading') });
      await expect(chapter.getByRole('heading', { level: 2 })).toHaveText(lang === 'nl' ? 'Kruistabellen' : 'Cross-tabulations');
      await expect(chapter).toContainText(
        lang === 'nl' ? 'Chi-kwadraat = 6,97, vrijheidsgraden = 4, p = 0,138' : 'Chi-square = 6.97, degrees of freedom = 4, p = 0.138',
      );
      await expect(chapter).toContainText(lang === 'nl' ? 'de rijen overlappen' : 'the rows overlap');
      expect(await page.locator('svg title', { hasText: /Histogram/ }).count()).toBe(1);
      await chapter.locator('.table-scroll').first().focus();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('table-scroll'))).toBe(true);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll'))
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className} ${e.textContent?.slice(0, 40)}`),
      );
      expect(wide).toEqual([]);
      await expectNoHorizontalScroll(page, `report with cross-tabs at 320 px (${lang})`);
      await expectAccessible(page, `report with cross-tabs at 320 px (${lang})`);
      await context.close();
    });
});
