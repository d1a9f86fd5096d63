import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const ADMIN = 'beheerder@demo.kruisbestuiving.org';
const DEMO_PASSWORD = 'demo-kruisbestuiving';
const NEW_PASSWORD = 'mijn fiets staat bij de bakker';

/** Signs in on the login page (any language) and waits until the app has left it. */
async function signInAnyLanguage(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

run('passwords, sessions and my data in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let orgId: string;

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    orgId = (await server.app.services.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a person changes their password in Settings with the keyboard at 320 px; a breached one is refused; the other device is signed out', async () => {
    const user = await makeUser(server.app.services, { organisationId: orgId, name: 'Sam Settings' });
    const other = await newTestContext(browser);
    const otherPage = await other.newPage();
    await signIn(otherPage, server.url, user.email, TEST_PASSWORD);

    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, user.email, TEST_PASSWORD, '/settings');
    await page.getByRole('heading', { level: 2, name: 'Wachtwoord' }).waitFor();
    await page.getByText('Chrome op Linux').first().waitFor();
    await expectAccessible(page, 'settings');
    await expectNoHorizontalScroll(page, 'settings');

    const current = page.getByLabel('Je huidige wachtwoord');
    const fresh = page.getByLabel('Nieuw wachtwoord');
    await current.focus();
    await page.keyboard.type(TEST_PASSWORD);
    await fresh.focus();
    await page.keyboard.type('Wachtwoord2024!');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.field-error').first().textContent())
      .toBe(
        '!Fout: Dit wachtwoord is te bekend: het staat op een lijst van veelgebruikte of gelekte wachtwoorden. Kies iets anders, bijvoorbeeld een zin van een paar woorden.',
      );
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('newPassword');
    await expectAccessible(page, 'settings with a refused password');

    await fresh.fill('');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('Je wachtwoord is gewijzigd. Je bent afgemeld op 1 ander apparaat.').waitFor();
    await expect.poll(() => page.locator('.session-item').count()).toBe(1);
    await page.getByText('dit apparaat').waitFor();

    await otherPage.reload();
    await otherPage.waitForURL((url) => url.pathname.startsWith('/login'));
    await context.close();
    await other.close();
  });

  it('a person ends a session on another device with the keyboard, and asks to be erased', async () => {
    const user = await makeUser(server.app.services, { organisationId: orgId, name: 'Sessie Sanne' });
    const other = await newTestContext(browser);
    await signIn(await other.newPage(), server.url, user.email, TEST_PASSWORD);
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, user.email, TEST_PASSWORD, '/settings');
    const end = page.getByRole('button', { name: /^Afmelden: Chrome op Linux, laatst gebruikt op \d+ \S+ \d{4}$/ });
    await end.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Chrome op Linux is afgemeld.').waitFor();
    await expect.poll(() => page.locator('.session-item').count()).toBe(1);

    await page.getByRole('heading', { level: 2, name: 'Mijn gegevens' }).waitFor();
    await page.getByRole('link', { name: 'Mijn gegevens downloaden (zip)' }).waitFor();
    await page.getByRole('button', { name: 'Vragen om gewist te worden' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Vragen om gewist te worden?' });
    await dialog.waitFor();
    await expectAccessible(page, 'erasure request dialog');
    // "Annuleren" has the focus (the safe choice); Tab to the confirming button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/^Je vraag is vastgelegd bij .+\. Een beheerder wist je gegevens\.$/).waitFor();
    await context.close();
    await other.close();
  });

  it('Settings in English, and "forgot password" without e-mail says to ask an admin', async () => {
    const user = await makeUser(server.app.services, { organisationId: orgId, language: 'en' });
    const context = await newTestContext(browser, { width: 320, locale: 'en-GB' });
    const page = await context.newPage();
    await signInAnyLanguage(page, server.url, user.email, TEST_PASSWORD);
    await page.goto(`${server.url}/settings`);
    await page.getByRole('heading', { level: 2, name: 'Where you are signed in' }).waitFor();
    await page.getByText('Chrome on Linux').waitFor();
    await page.getByRole('heading', { level: 2, name: 'My data' }).waitFor();
    await expectAccessible(page, 'settings in English');
    await expectNoHorizontalScroll(page, 'settings in English');
    await context.close();

    const visitor = await newTestContext(browser, { width: 320 });
    const login = await visitor.newPage();
    await login.goto(`${server.url}/login`);
    await login.getByRole('link', { name: 'Wachtwoord vergeten?' }).focus();
    await login.keyboard.press('Enter');
    await login.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await login.getByText('Deze server verstuurt geen e-mail. Vraag de beheerder van je organisatie om een link om een nieuw wachtwoord te kiezen.').waitFor();
    await expectAccessible(login, 'forgot password without e-mail');
    await expectNoHorizontalScroll(login, 'forgot password without e-mail');
    await visitor.close();
  });

  it('an admin gives a reset link from Mensen en teams (never a password); it sets a new password once; then signs a member out everywhere', async () => {
    const member = await makeUser(server.app.services, { organisationId: orgId, name: 'Herstel Hanna' });
    const memberContext = await newTestContext(browser);
    const memberPage = await memberContext.newPage();
    await signIn(memberPage, server.url, member.email, TEST_PASSWORD);

    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, ADMIN, DEMO_PASSWORD, `/o/${orgId}/people`);
    await page.getByRole('button', { name: 'Wachtwoord herstellen: Herstel Hanna' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Wachtwoord van Herstel Hanna herstellen?' });
    await dialog.getByText(/Deze server verstuurt geen e-mail\..*Jij ziet het wachtwoord nooit\./).waitFor();
    await expectAccessible(page, 'reset dialog');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Link voor Herstel Hanna' }).waitFor();
    await expectAccessible(page, 'reset link shown');
    await expectNoHorizontalScroll(page, 'reset link shown');
    const link = await page.getByLabel('Link om een nieuw wachtwoord te kiezen').inputValue();
    expect(link).toMatch(/\/reset-password#[A-Za-z0-9_-]{43}$/);

    const visitor = await newTestContext(browser, { width: 320 });
    const reset = await visitor.newPage();
    await reset.goto(link);
    await reset.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await expectAccessible(reset, 'reset password page');
    await expectNoHorizontalScroll(reset, 'reset password page');
    await reset.getByLabel('Nieuw wachtwoord').fill('welkom01welkom01');
    await reset.getByLabel('Nieuw wachtwoord').press('Enter');
    await expect.poll(() => reset.locator('.field-error').first().textContent()).toMatch(/^!Fout: Dit wachtwoord is te bekend/);
    await reset.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
    await reset.getByLabel('Nieuw wachtwoord').press('Enter');
    await reset.getByText('Je nieuwe wachtwoord is ingesteld. Meld je aan met je nieuwe wachtwoord.').waitFor();
    // Every session of the member ended with the old password.
    await memberPage.reload();
    await memberPage.waitForURL((url) => url.pathname.startsWith('/login'));
    await signIn(reset, server.url, member.email, NEW_PASSWORD);

    // The same link a second time is refused.
    const again = await (await newTestContext(browser)).newPage();
    await again.goto(link);
    await again.getByLabel('Nieuw wachtwoord').fill('nog een heel ander wachtwoord');
    await again.getByLabel('Nieuw wachtwoord').press('Enter');
    await again.getByText('Deze link werkt niet meer: hij is al gebruikt of ouder dan een uur. Vraag een nieuwe link aan.').waitFor();
    await again.getByRole('link', { name: 'Vraag een nieuwe link aan' }).waitFor();

    await page.getByRole('button', { name: 'Overal afmelden: Herstel Hanna' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Herstel Hanna overal afmelden?' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Herstel Hanna is afgemeld op 1 apparaat.').waitFor();
    await reset.reload();
    await reset.waitForURL((url) => url.pathname.startsWith('/login'));
    await context.close();
    await visitor.close();
    await memberContext.close();
    await again.context().close();
  });
});
