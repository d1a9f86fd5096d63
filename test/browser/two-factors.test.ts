import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { codeAt } from '../../src/modules/factors/totp-code.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const PASSWORD = 'demo-kruisbestuiving';

/** Chromium's own virtual passkey authenticator (Chrome DevTools Protocol), unlocked like a fingerprint. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function passwordStep(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
}

run('two factors in Chromium: authenticator app, passkeys with a virtual authenticator, recovery codes, the organisation’s rule', () => {
  let server: LiveServer;
  let browser: Browser;
  /** WebAuthn needs a host name, not an address: the same server as localhost. */
  let base: string;

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    base = server.url.replace('127.0.0.1', 'localhost');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a researcher sets up an app and a passkey with the keyboard at 320 px, then signs in with the passkey alone, as second step, and with a recovery code once', async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await addVirtualAuthenticator(page);
    const email = 'onderzoeker@demo.kruisbestuiving.org';
    await passwordStep(page, base, email);
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();

    await page.goto(`${base}/settings`);
    await page.getByRole('heading', { level: 2, name: 'Aanmelden in twee stappen' }).waitFor();
    await expectAccessible(page, 'settings with two factors');
    await expectNoHorizontalScroll(page, 'settings with two factors');

    // The app: QR code and the key as text, confirmed with a first code.
    await page.getByRole('button', { name: 'App instellen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('img', { name: 'QR-code om Kruisbestuiving toe te voegen aan je app' })).toBeVisible();
    const secret = ((await page.locator('.totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await expectAccessible(page, 'app setup');
    await expectNoHorizontalScroll(page, 'app setup');
    const field = page.getByLabel('Code uit de app');
    await field.focus();
    await page.keyboard.type(codeAt(secret, new Date()));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bewaar je herstelcodes' }).waitFor();
    const codes = await page.locator('.recovery-codes code').allInnerTexts();
    expect(codes).toHaveLength(10);
    await expectAccessible(page, 'recovery codes');
    await page.getByRole('button', { name: 'Ik heb ze bewaard' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('De app is ingesteld. Bij het aanmelden vragen we de code uit de app.')).toBeVisible();

    // A passkey, made by Chromium's virtual authenticator.
    await page.getByLabel('Naam van de nieuwe sleutel').focus();
    await page.keyboard.type('Laptop');
    await page.keyboard.press('Enter');
    await expect(page.getByText('De sleutel is toegevoegd.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verwijder Laptop' })).toBeVisible();

    // Signed out: the passkey alone signs in, without e-mail address or password.
    await context.clearCookies();
    await page.goto(`${base}/login`);
    await page.getByRole('button', { name: 'Sleutel gebruiken' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();

    // The password opens the second step only; the passkey finishes it.
    await context.clearCookies();
    await passwordStep(page, base, email);
    await page.getByRole('heading', { level: 2, name: 'Tweede stap' }).waitFor();
    await expectAccessible(page, 'second step');
    await expectNoHorizontalScroll(page, 'second step');
    expect((await page.request.get(`${base}/api/me`)).status()).toBe(401);
    await page.getByRole('button', { name: 'Gebruik je sleutel' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();

    // A recovery code works once.
    for (const expected of ['welcome', 'refused'] as const) {
      await context.clearCookies();
      await passwordStep(page, base, email);
      await page.getByRole('button', { name: 'Telefoon niet bij de hand? Gebruik een herstelcode' }).focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('Herstelcode').focus();
      await page.keyboard.type(codes[0] ?? '');
      await page.keyboard.press('Enter');
      if (expected === 'welcome') await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
      else await expect(page.getByText('Die herstelcode klopt niet of is al gebruikt.').first()).toBeVisible();
    }
    await context.close();
  });

  it('in English: with the organisation’s rule on, an admin without a second step is sent to Settings before anything else, and cannot turn the rule on before having one', async () => {
    const org = await server.app.services.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    await server.app.services.db
      .insertInto('two_factor_rules')
      .values({ organisation_id: org.id, required_for_data_roles: 1, updated_at: new Date().toISOString() })
      .execute();
    // The admin reads the app in English (the account's language wins after signing in).
    await server.app.services.db.updateTable('users').set({ language: 'en' }).where('email', '=', 'beheerder@demo.kruisbestuiving.org').execute();
    const context = await newTestContext(browser, { locale: 'en-GB', width: 320 });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('E-mail address').fill('beheerder@demo.kruisbestuiving.org');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Signing in with two steps' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings');
    await expect(page.getByText(/Your organisation asks for a second step/)).toBeVisible();
    await expectAccessible(page, 'settings, second step required');
    expect((await page.request.get(`${base}/api/orgs/${org.id}/members`)).status()).toBe(403);
    await page.goto(`${base}/o/${org.id}/organisatie`);
    await page.getByRole('heading', { level: 2, name: 'Signing in with two steps' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings');

    // The rule is the organisation's: once off, the admin reaches its settings page again.
    await server.app.services.db.deleteFrom('two_factor_rules').where('organisation_id', '=', org.id).execute();
    await page.goto(`${base}/o/${org.id}/organisatie`);
    await page.getByRole('heading', { level: 2, name: 'Signing in with two steps' }).waitFor();
    await expectAccessible(page, 'organisation settings with the rule');
    await expectNoHorizontalScroll(page, 'organisation settings with the rule');
    const box = page.getByLabel('Admins and researchers must sign in with two steps');
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
    await page.locator('#two-factor-rule-heading ~ form button[type=submit]').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/First set up a second step for yourself/).first()).toBeVisible();
    await context.close();
  });
});
