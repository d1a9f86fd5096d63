import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makeUser } from '../helpers/factories.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const NEW_PASSWORD = 'de zon schijnt op het dak';

run('"forgot password" by e-mail in Chromium', () => {
  let smtp: TestSmtp;
  let server: LiveServer;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startLiveServer('sqlite', { mail: { smtpUrl: smtp.url, from: 'noreply@kruisbestuiving.test', pollMs: 50, firstRetryMs: 100 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('a person asks for a link with the keyboard at 320 px, gets it by mail, chooses a new password and signs in with it', async () => {
    const organisationId = (await server.app.services.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const user = await makeUser(server.app.services, { organisationId, name: 'Vergeten Vera' });
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await page.getByLabel('E-mailadres').waitFor();
    await expectAccessible(page, 'forgot password');
    await expectNoHorizontalScroll(page, 'forgot password');
    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.field-error').first().textContent()).toBe('!Fout: Vul je e-mailadres in.');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Enter');
    await page.getByText(/^Als dit e-mailadres bij ons bekend is, krijg je binnen enkele minuten een e-mail met een link\./).waitFor();
    await expectAccessible(page, 'forgot password sent');

    await expect.poll(() => smtp.received.filter((m) => m.to.includes(user.email)).length, { timeout: 10_000 }).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes(user.email));
    const link = /https?:\/\/\S+\/reset-password#[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0] ?? '';
    expect(link.startsWith(server.url)).toBe(true);

    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await page.getByLabel('Nieuw wachtwoord').focus();
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('Je nieuwe wachtwoord is ingesteld. Meld je aan met je nieuwe wachtwoord.').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await expectAccessible(page, 'login after reset');
    await signIn(page, server.url, user.email, NEW_PASSWORD);
    await context.close();
  });

  it('in English, the same page asks for the address; an unknown one gets the same message', async () => {
    const context = await newTestContext(browser, { width: 320, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/forgot-password`);
    await page.getByRole('heading', { level: 1, name: 'Forgot password' }).waitFor();
    await page.getByLabel('E-mail address').fill('nobody-known@example.org');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText(/^If we know this e-mail address, you will get an e-mail with a link within a few minutes\./).waitFor();
    await expectAccessible(page, 'forgot password in English');
    await expectNoHorizontalScroll(page, 'forgot password in English');
    await context.close();
  });
});
