import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const PASSWORD = 'demo-kruisbestuiving';
const EXPERIENCE_ROUND = 'Cocreatie in beeld — ervaringswerkers (demo)';
const SLOW = { timeout: 120_000 };

run('Exporteren in Chromium (demo round demo-ervaringswerkers)', () => {
  let server: LiveServer;
  let browser: Browser;
  /** The round's page, found by the researcher; members reach its dashboard by its address (they have no list of rounds). */
  let roundPath = '';

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a researcher downloads the responses as SPSS from the round’s page, with progress said in words, at 320 px', SLOW, async () => {
    const context = await newTestContext(browser, { width: 320, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.url, 'onderzoeker@demo.kruisbestuiving.org', PASSWORD);
    await page.getByRole('link', { name: 'In beeld', exact: true }).first().click();
    await page.getByRole('link', { name: EXPERIENCE_ROUND, exact: true }).click();
    const section = page.getByRole('region', { name: 'Exporteren' });
    await section.waitFor();
    roundPath = new URL(page.url()).pathname;
    await section.getByRole('radio', { name: /De antwoorden/ }).check();
    await section.getByLabel('Bestandstype').selectOption('sav');
    await expect(section.getByText('Opent in SPSS en PSPP')).toBeVisible();
    await expectNoHorizontalScroll(page, 'round page with the export section at 320 px');
    await expectAccessible(page, 'round page with the export section');
    // Styled like every other form: a filled main button, choices as large as a finger.
    const look = await section.evaluate((panel) => {
      const button = panel.querySelector('button[type=submit]') as HTMLElement;
      const choice = panel.querySelector('input[type=radio]')?.closest('label') as HTMLElement;
      return { button: getComputedStyle(button).backgroundColor, choiceHeight: choice.getBoundingClientRect().height };
    });
    expect(look.button).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.choiceHeight).toBeGreaterThanOrEqual(44);
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Downloaden' }).click()]);
    expect(download.suggestedFilename()).toBe('demo-ervaringswerkers-gegevens.sav');
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 4).toString('latin1')).toBe('$FL2');
    await expect(section.getByRole('status')).toContainText('Klaar: demo-ervaringswerkers-gegevens.sav');
    await context.close();
  });

  it('a member finds only the tables on the dashboard and gets them with small counts hidden', SLOW, async () => {
    const context = await newTestContext(browser, { width: 320, acceptDownloads: true });
    const page = await context.newPage();
    expect(roundPath).toMatch(/\/in-beeld\/rounds\/[^/]+$/);
    await signIn(page, server.url, 'lid@demo.kruisbestuiving.org', PASSWORD, `${roundPath}/dashboard`);
    const section = page.getByRole('region', { name: 'Exporteren' });
    await section.waitFor();
    expect(await section.getByRole('radio').count()).toBe(0);
    await expect(section.getByText('Kleine aantallen blijven verborgen')).toBeVisible();
    await section.getByLabel('Bestandstype').selectOption('csv');
    await section.getByLabel(/Excel in het Nederlands/).check();
    await section.getByRole('button', { name: 'Downloaden' }).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('demo-ervaringswerkers-tabellen.csv');
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFFtabel;vraag;')).toBe(true);
    const rows = text
      .slice(1)
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    const hidden = (rows[0] ?? []).indexOf('verborgen');
    // "Geen specifieke rol" (2 people in Tabel 4) is one of the hidden counts.
    expect(rows.some((row) => row[hidden] === '1' && row.includes('geen_specifieke_rol'))).toBe(true);
    await expect(section.getByRole('status')).toContainText('Klaar');
    await expectNoHorizontalScroll(page, 'dashboard export section at 320 px');
    await context.close();
  });
});
