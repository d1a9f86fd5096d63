import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const COORDINATOR = 'coordinator@demo.kruisbestuiving.org';
const PASSWORD = 'demo-kruisbestuiving';
const EXPERIENCE_ROUND = 'Cocreatie in beeld — ervaringswerkers (demo)';
const PROFESSIONALS_ROUND = 'Cocreatie in beeld — professionals (demo)';
const LONG_STATEMENT = 'Ervaringswerkers moeten betaald worden volgens hun functie, niet volgens hun diploma.';

run('the In beeld dashboard in Chromium (demo round demo-ervaringswerkers)', () => {
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

  /** bypassCSP only where axe-core must be injected; the CSP test below runs under the real policy. */
  const newContext = (width = 1280, bypassCSP = true) => newTestContext(browser, { width, bypassCSP, acceptDownloads: true });

  const rolesSection = (page: Page) => page.locator('section.question-result', { has: page.locator('#q-rollen') });

  /** Scrolls to the end so every lazily drawn chart is drawn. */
  async function drawAllCharts(page: Page): Promise<void> {
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await page.waitForFunction(() => document.querySelectorAll('.chart-canvas[data-state="waiting"]').length === 0);
  }

  // Generous: axe scans a page with dozens of charts and tables on a shared machine.
  const SLOW = { timeout: 120_000 };

  it('a researcher opens the dashboard from the overview and reads the roles table (Tabel 4)', SLOW, async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD);
    await page.getByRole('link', { name: 'In beeld', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'In beeld' }).waitFor();
    await page.getByRole('link', { name: `Dashboard van ${EXPERIENCE_ROUND}` }).click();
    await page.getByRole('heading', { level: 1, name: `Dashboard: ${EXPERIENCE_ROUND}` }).waitFor();
    dashboardPath = new URL(page.url()).pathname;
    expect(dashboardPath).toMatch(/\/in-beeld\/rounds\/[^/]+\/dashboard$/);

    // The rules in plain words at the top.
    await expect(page.getByText('Afgerond op 1 decimaal; een 5 wordt naar boven afgerond.')).toBeVisible();

    // Tabel 4: 48,8 for "Kritische stem" with its own valid n of 84, and n = 89 under the chart.
    const roles = rolesSection(page);
    await expect(roles.getByRole('row', { name: /Kritische stem/ })).toContainText('48,8');
    await expect(roles.getByRole('row', { name: /Kritische stem/ })).toContainText('84');
    await expect(roles.getByRole('row', { name: /Ondersteuning/ })).toContainText('61,8');
    await expect(roles.getByRole('row', { name: /Geen specifieke rol/ })).toContainText('2,4');
    await expect(roles.locator('caption')).toContainText('n = 89 · geldige n = ');
    // On a wide screen too, no table runs off the page.
    await drawAllCharts(page);
    await expectNoHorizontalScroll(page, 'dashboard at 1280 px');
    await expect(roles.locator('caption')).toContainText('ontbrekend = ');

    // The chart: an SVG with a text alternative, without Plot's inline <style>.
    // Charts are drawn when they come near the screen.
    await roles.locator('.chart').scrollIntoViewIfNeeded();
    const chart = roles.locator('svg[role="img"]');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('Grafiek:');
    expect(await chart.getAttribute('aria-description')).toContain('Kritische stem: 48,8 %');
    expect(await roles.locator('svg style').count()).toBe(0);
    await expect(roles.locator('svg text').filter({ hasText: '48,8' })).toBeVisible();

    // Downloads named after the question key.
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), roles.getByRole('button', { name: /Download SVG/ }).click()]);
    expect(svgDownload.suggestedFilename()).toBe('rollen.svg');
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), roles.getByRole('button', { name: /Download PNG/ }).click()]);
    expect(pngDownload.suggestedFilename()).toBe('rollen.png');

    await drawAllCharts(page);
    await expectAccessible(page, 'dashboard');
    await context.close();
  });

  it('draws every chart under the strict Content-Security-Policy without a violation', SLOW, async () => {
    const context = await newContext(1280, false);
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD);
    // Counted from here: the sign-in page's own 401 (nobody signed in yet) is expected.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}${dashboardPath}`);
    await page.getByRole('heading', { level: 1, name: `Dashboard: ${EXPERIENCE_ROUND}` }).waitFor();
    await drawAllCharts(page);
    expect(await page.locator('.chart-canvas svg').count()).toBeGreaterThan(3);
    expect(await page.locator('.chart-canvas style').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters by sector and by an answer with the keyboard; the address keeps the filter', SLOW, async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD, dashboardPath);
    await page.getByRole('heading', { level: 1, name: `Dashboard: ${EXPERIENCE_ROUND}` }).waitFor();

    await page.getByLabel('Sector', { exact: true }).selectOption('ggz');
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await page.waitForURL(/sector=ggz/);
    await expect(page.getByText(/Met deze filters: \d+ van de 89 antwoorden\./)).toBeVisible();

    // Keyboard only: choose a question and an answer, then apply with Enter.
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.waitForURL((url) => !url.search.includes('sector='));
    await page.getByLabel('Antwoordfilter: vraag').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Antwoordfilter: vraag').inputValue()).not.toBe('');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await page.getByLabel('Antwoordfilter: antwoord').getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Filters toepassen' })).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Filters toepassen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/filter=[a-z_]+%3A[a-z0-9_]+|filter=[a-z_]+:[a-z0-9_]+/);
    await expect(page.getByText(/Met deze filters: \d+ van de 89 antwoorden\./)).toBeVisible();
    await expectAccessible(page, 'dashboard with a filter');
    await context.close();
  });

  it('for a coordinator, a filter with too few answers shows "te weinig antwoorden" instead of figures', SLOW, async () => {
    const context = await newContext();
    const page = await context.newPage();
    // Nobody in the demo round works in "another sector": a selection under 5 people is never shown.
    await signIn(page, server.url, COORDINATOR, PASSWORD, `${dashboardPath}?sector=other`);
    await page.getByRole('heading', { level: 1, name: `Dashboard: ${EXPERIENCE_ROUND}` }).waitFor();
    await expect(page.locator('.too-few')).toContainText('Te weinig antwoorden');
    expect(await page.locator('section.question-result').count()).toBe(0);
    await expectAccessible(page, 'dashboard, too few');
    await context.close();
  });

  it('De ontmoeting: experience workers and professionals side by side, largest gaps first', SLOW, async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD, dashboardPath);
    const meet = page.locator('section.compare-section').first();
    const select = meet.getByLabel('Vergelijk met de ronde');
    await select.waitFor();
    // Each round once by its own name, and the selector does not stretch across the page.
    expect(await select.locator('option').allTextContents()).toContain(PROFESSIONALS_ROUND);
    for (const option of await select.locator('option').allTextContents()) expect(option).not.toContain('(Cocreatie in beeld:');
    expect((await select.boundingBox())?.width ?? 0).toBeLessThanOrEqual(480);
    await select.selectOption({ label: PROFESSIONALS_ROUND });
    await meet.getByRole('button', { name: 'Toon de ontmoeting' }).click();
    await page.waitForURL(/meet=/);
    await expect(meet.getByRole('heading', { name: 'Waar de perspectieven het meest verschillen' })).toBeVisible();
    const first = meet.locator('ol.gap-list').first().locator('li').first();
    await expect(first).toContainText('procentpunten');
    await expect(meet.getByRole('heading', { name: 'Waar de perspectieven overeenkomen' })).toBeVisible();
    await drawAllCharts(page);
    expect(await meet.locator('.chart-canvas svg').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'de ontmoeting');
    await context.close();
  });

  /** Every statement above its bar: the whole text, inside the screen, no two labels over each other. */
  async function statementLabels(page: Page): Promise<{ text: string; left: number; right: number; top: number; bottom: number; chart: number }[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll('.chart-canvas svg')].flatMap((svg, chart) =>
        [...svg.querySelectorAll('g.kb-statement text')].map((text) => {
          const box = text.getBoundingClientRect();
          const lines = [...text.querySelectorAll('tspan')].map((line) => line.textContent ?? '');
          return {
            text: (lines.length > 0 ? lines : [text.textContent ?? '']).join(' '),
            left: box.left,
            right: box.right,
            top: box.top + window.scrollY,
            bottom: box.bottom + window.scrollY,
            chart,
          };
        }),
      ),
    );
  }

  for (const width of [360, 1280]) {
    it(`writes every agree/disagree statement in full, inside the screen and apart, at ${width} px`, SLOW, async () => {
      const context = await newContext(width);
      const page = await context.newPage();
      await signIn(page, server.url, RESEARCHER, PASSWORD, dashboardPath);
      await page.getByRole('heading', { level: 1, name: `Dashboard: ${EXPERIENCE_ROUND}` }).waitFor();
      await drawAllCharts(page);
      const labels = await statementLabels(page);
      const texts = labels.map((label) => label.text);
      expect(texts).toContain(LONG_STATEMENT);
      // A matrix's statements are its table's rows; a single scale question's bar carries the question.
      const statements = [
        ...(await page.locator('table.data-table tbody th[scope="row"]').allTextContents()),
        ...(await page.locator('section.question-result h3').allTextContents()),
      ];
      for (const text of texts) expect(statements).toContain(text);
      const viewport = await page.evaluate(() => document.documentElement.clientWidth);
      for (const label of labels) {
        expect(label.left, label.text).toBeGreaterThanOrEqual(0);
        expect(label.right, label.text).toBeLessThanOrEqual(viewport);
      }
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `${a.text} / ${b.text}`).toBe(false);
        }
      }
      await context.close();
    });
  }

  it('fits a 320 px wide phone without sideways scrolling', SLOW, async () => {
    const context = await newContext(320);
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD, dashboardPath);
    await page.getByRole('heading', { level: 1, name: `Dashboard: ${EXPERIENCE_ROUND}` }).waitFor();
    // On a phone the tables are long cards: bring the chart itself near the screen.
    await rolesSection(page).locator('.chart').scrollIntoViewIfNeeded();
    await rolesSection(page).locator('svg[role="img"]').waitFor();
    await drawAllCharts(page);
    await expectNoHorizontalScroll(page, 'dashboard at 320 px');
    await expectAccessible(page, 'dashboard at 320 px');
    await context.close();
  });
});
