import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { forgetProviderConfigurations } from '../../src/modules/sso/oidc-client.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { CLIENT_ID, CLIENT_SECRET, startTestProvider, type TestProvider } from '../helpers/oidc-provider.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const PASSWORD = 'demo-kruisbestuiving';

/** The provider's development pages ask for web fonts elsewhere: nothing leaves this machine. */
const onlyThisMachine = (context: BrowserContext) => context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());

run('single sign-on in Chromium, through a real OpenID provider', () => {
  let server: LiveServer;
  let provider: TestProvider;
  let browser: Browser;

  beforeAll(async () => {
    forgetProviderConfigurations();
    server = await startLiveServer('sqlite');
    provider = await startTestProvider(`${server.url}/api/auth/sso/callback`);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    await server?.close();
  });

  it('an admin connects the provider with the keyboard at 320 px; the secret is not shown again', async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, 'beheerder@demo.kruisbestuiving.org', PASSWORD);
    const org = (await (await page.request.get(`${server.url}/api/me`)).json()).organisations[0].id as string;
    await page.goto(`${server.url}/o/${org}/organisatie`);
    await page.getByRole('heading', { level: 2, name: 'Aanmelden via jullie eigen systeem (single sign-on)' }).waitFor();
    await expect(page.getByText(`${server.url}/api/auth/sso/callback`)).toBeVisible();
    await expectAccessible(page, 'single sign-on settings');
    await expectNoHorizontalScroll(page, 'single sign-on settings');

    await page.getByLabel('Adres van de aanmeldserver (issuer)').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Vul het adres van de aanmeldserver in.').first()).toBeVisible();
    await page.keyboard.type(provider.issuer);
    await page.keyboard.press('Tab');
    await page.keyboard.type(CLIENT_ID);
    await page.keyboard.press('Tab');
    await page.keyboard.type(CLIENT_SECRET);
    await page.keyboard.press('Tab');
    await page.keyboard.type('zorg.example');
    await page.keyboard.press('Tab');
    // The radio group: the first choice ("only members") has the focus; the arrow picks the second.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Iedereen met een bevestigd e-mailadres van deze domeinen: wie nog geen account heeft, wordt lid')).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Aanmelden via de organisatie staat aan')).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Bewaard. Aanmelden via de organisatie staat aan.')).toBeVisible();
    expect(await page.getByLabel('Clientgeheim').inputValue()).toBe('');
    await expect(page.getByText('Er is een geheim opgeslagen. Laat dit leeg om het te houden, of vul een nieuw in.')).toBeVisible();
    expect(await page.content()).not.toContain(CLIENT_SECRET);
    await context.close();
  });

  it('someone new signs in through the provider in English at 320 px, with the keyboard, and becomes a member', async () => {
    const context = await newTestContext(browser, { width: 320, locale: 'en-GB' });
    await onlyThisMachine(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { level: 2, name: 'Through your organisation' }).waitFor();
    await expectAccessible(page, 'login page with single sign-on');
    await expectNoHorizontalScroll(page, 'login page with single sign-on');
    await page.getByLabel('Your work e-mail').focus();
    await page.keyboard.type('noor@zorg.example');
    await page.keyboard.press('Enter');
    // The provider's own login page, with the address already filled in.
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.locator('input[name="password"]').focus();
    await page.keyboard.type('any password');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
    const me = await (await page.request.get(`${server.url}/api/me`)).json();
    expect(me.user.email).toBe('noor@zorg.example');
    expect(me.organisations.map((o: { role: string }) => o.role)).toEqual(['member']);
    await context.close();
  });

  it('a sign-in cancelled at the provider comes back to the login page with a clear Dutch message', async () => {
    const context = await newTestContext(browser, { width: 320 });
    await onlyThisMachine(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Je e-mail op het werk').fill('piet@zorg.example');
    await page.getByRole('button', { name: 'Verder via je organisatie' }).click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await page.waitForURL(`${server.url}/login?sso=denied`);
    await expect(
      page.getByText(
        'Aanmelden via je organisatie is niet gelukt: het werd afgebroken of niet toegestaan. Probeer het opnieuw, of meld je aan met je wachtwoord.',
      ),
    ).toBeVisible();
    await expectAccessible(page, 'login page after a refused sign-in');
    expect((await page.request.get(`${server.url}/api/me`)).status()).toBe(401);
    await context.close();
  });

  it('an address without single sign-on gets a plain answer on the login page', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Je e-mail op het werk').fill('iemand@nergens.example');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Voor dit e-mailadres is aanmelden via je organisatie niet ingesteld. Meld je aan met je wachtwoord.')).toBeVisible();
    await context.close();
  });
});
