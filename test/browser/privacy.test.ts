import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makeUser } from '../helpers/factories.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const ADMIN = 'beheerder@demo.kruisbestuiving.org';
const PASSWORD = 'demo-kruisbestuiving';

run('privacy in Chromium: own data, erasure, retention and register', () => {
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a person downloads their data as a zip from the settings page', async () => {
    const context = await newTestContext(browser, { width: 320, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.url, ADMIN, PASSWORD, '/settings');
    await page.getByRole('heading', { level: 2, name: 'Mijn gegevens' }).waitFor();
    await expectAccessible(page, 'settings');
    await expectNoHorizontalScroll(page, 'settings');
    const link = page.getByRole('link', { name: 'Mijn gegevens downloaden (zip)' });
    await link.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('mijn-gegevens.zip');
    await context.close();
  });

  it('an admin sets retention periods with the keyboard, sees the register change, and a wrong value is explained', async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, ADMIN, PASSWORD);
    const orgPath = new URL(page.url()).pathname.replace(/\/$/, '');
    await page.goto(`${server.url}${orgPath}/audit`);
    await page.getByRole('button', { name: 'Controleer de audittrail' }).click();
    await page.getByText(/^De audittrail klopt: \d+ regels nagekeken, niets veranderd, weggehaald of toegevoegd\.$/).waitFor();
    await page.getByRole('link', { name: 'Bewaartermijnen en register van verwerkingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await expectAccessible(page, 'privacy');
    await expectNoHorizontalScroll(page, 'privacy');
    const audit = page.getByLabel('Audittrail (dagen)');
    await audit.fill('10');
    await audit.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('auditDays');
    await expect.poll(() => page.locator('.field-error').first().textContent()).toBe('!Fout: Tussen 180 en 3650 dagen.');
    await audit.fill('400');
    await audit.press('Enter');
    await page.getByText('De bewaartermijnen zijn bewaard.').waitFor();
    await page.getByText('400 dagen.', { exact: true }).waitFor();
    await context.close();
  });

  it('an admin erases a member after confirming; the member is gone from the list', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, ADMIN, PASSWORD);
    const orgPath = new URL(page.url()).pathname.replace(/\/$/, '');
    const orgId = orgPath.split('/')[2] as string;
    await makeUser(server.app.services, { organisationId: orgId, name: 'Wis Mij' });
    await page.goto(`${server.url}${orgPath}/people`);
    await page.getByRole('button', { name: 'Wissen: Wis Mij' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wis Mij wissen?' });
    await dialog.waitFor();
    await expectAccessible(page, 'erase dialog');
    await dialog.getByRole('button', { name: 'Ja, voorgoed wissen' }).click();
    await page.getByText('Wis Mij is gewist.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Wissen: Wis Mij' }).count()).toBe(0);
    await context.close();
  });
});
