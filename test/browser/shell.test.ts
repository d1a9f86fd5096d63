import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
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

const run = inject('chromiumPath') ? describe : describe.skip;
const ADMIN = 'beheerder@demo.kruisbestuiving.org';
const PASSWORD = 'demo-kruisbestuiving';

run('web app shell in Chromium', () => {
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

  /** Sets a signed-in page's account language through the API, as the language menu saves it. */
  async function setAccountLanguage(page: Page, language: 'nl' | 'en'): Promise<void> {
    const { token } = (await (await page.request.get(`${server.url}/api/csrf`)).json()) as { token: string };
    expect((await page.request.patch(`${server.url}/api/me`, { data: { language }, headers: { 'x-csrf-token': token } })).ok()).toBe(true);
  }

  /** Answers the page's question for the current page with one that names newer files. */
  const namesNewerFiles = async (route: Route): Promise<void> => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/\/assets\/index-[^"]+\.js/, '/assets/index-newer.js') });
  };

  /**
   * As after an upgrade: the file `gone` is no longer on the server until the page asks for its document anew,
   * and the page's question for the current page gets `answer`. `reloaded` says whether it loaded anew since
   * (a request for the document, not a step of the app's own router, which 'framenavigated' reports too).
   */
  async function asAfterAnUpgrade(page: Page, gone: RegExp, answer: (route: Route) => Promise<void> = namesNewerFiles) {
    const state = { reloaded: false, refused: 0 };
    page.on('request', (request) => {
      if (request.isNavigationRequest()) state.reloaded = true;
    });
    await page.context().route(gone, (route) => {
      if (state.reloaded) return route.continue();
      state.refused++;
      return route.fulfill({ status: 404, body: '' });
    });
    await page.context().route(`${server.url}/`, (route) => (route.request().resourceType() === 'fetch' && !state.reloaded ? answer(route) : route.continue()));
    return state;
  }

  it('signs in with the keyboard alone and signs out', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await expectAccessible(page, 'login');
    // Tab from the top of the page: skip link, logo, language, e-mail, password…
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10; i++) {
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('autocomplete') ?? document.activeElement?.tagName);
      if (focused === 'email' || focused === 'username') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type(ADMIN);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Welkom, Anna Peeters' }).waitFor();
    await expectAccessible(page, 'home');
    // On a wide screen the sign-out button is in the header.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect((await page.request.get(`${server.url}/api/me`)).status()).toBe(401);
    await context.close();
  });

  it('shows a clear message for a wrong password', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('E-mailadres').fill(ADMIN);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('helemaal fout');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Het e-mailadres of het wachtwoord klopt niet.' }).first()).toBeVisible();
    await context.close();
  });

  it('switches language, and keeps the choice for the next visit', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, ADMIN, PASSWORD);
    await chooseLanguage(page, 'Taal', 'English');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Anna Peeters' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();

    const later = await newTestContext(browser, { locale: 'nl-BE' });
    const again = await later.newPage();
    await again.goto(`${server.url}/login`);
    await again.getByLabel('E-mailadres').fill(ADMIN);
    await again.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await again.getByRole('button', { name: 'Aanmelden' }).click();
    await again.getByRole('heading', { level: 1, name: 'Welcome, Anna Peeters' }).waitFor();
    await chooseLanguage(again, 'Language', 'Nederlands');
    await again.getByRole('heading', { level: 1, name: 'Welkom, Anna Peeters' }).waitFor();
    await later.close();
  });

  it('loads the English texts only for someone who needs them, and never shows a page first in the other language', async () => {
    /** Every level-1 heading the page ever shows, from its first paint on, and whether the English texts were fetched. */
    const watchedPage = async (context: BrowserContext) => {
      await context.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { headings: string[] }).headings = seen;
        new MutationObserver(() => {
          for (const heading of document.querySelectorAll('h1')) if (heading.textContent && seen.at(-1) !== heading.textContent) seen.push(heading.textContent);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      // A slow phone: the English file takes a while, so a page drawn before it came would show Dutch first.
      await context.route(/\/assets\/en-[^/]+\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      const page = await context.newPage();
      const english: string[] = [];
      page.on('request', (request) => {
        if (/\/assets\/en-[^/]+\.js$/.test(new URL(request.url()).pathname)) english.push(request.url());
      });
      return { page, english, headings: () => page.evaluate(() => (window as unknown as { headings: string[] }).headings) };
    };

    // A Dutch browser: the sign-in page in Dutch, without the English file.
    const dutch = await newTestContext(browser, { locale: 'nl-BE' });
    const nl = await watchedPage(dutch);
    await nl.page.goto(`${server.url}/login`);
    await nl.page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(await nl.headings()).toEqual(['Aanmelden']);
    expect(nl.english).toEqual([]);
    await dutch.close();

    // An English browser: English from the first paint.
    const englishBrowser = await newTestContext(browser, { locale: 'en-GB' });
    const en = await watchedPage(englishBrowser);
    await en.page.goto(`${server.url}/login`);
    await en.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await en.headings()).toEqual(['Sign in']);
    expect(en.english).toHaveLength(1);
    await englishBrowser.close();

    // Someone whose account says English, in a Dutch browser: the welcome page comes in English at once.
    const member = await newTestContext(browser, { locale: 'nl-BE' });
    const signedIn = await watchedPage(member);
    await signIn(signedIn.page, server.url, 'lid@demo.kruisbestuiving.org', PASSWORD, '/login');
    await setAccountLanguage(signedIn.page, 'en');
    try {
      await signedIn.page.goto(`${server.url}/`);
      await signedIn.page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      const headings = await signedIn.headings();
      expect(headings.length).toBeGreaterThan(0);
      for (const heading of headings) expect(heading).not.toMatch(/Welkom|Aanmelden/);
      expect(await signedIn.page.getAttribute('html', 'lang')).toBe('en');
    } finally {
      await setAccountLanguage(signedIn.page, 'nl');
    }
    await member.close();
  });

  it('a page opened before the app was updated still switches to English: it loads the new version', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'lid@demo.kruisbestuiving.org', PASSWORD);
    // The English file this page knows is gone from the server; the server's current page names newer files.
    const upgrade = await asAfterAnUpgrade(page, /\/assets\/en-[^/]+\.js$/);
    // Saving the choice is slow: a reload that did not wait for it would cut it off and come back in Dutch.
    await context.route(`${server.url}/api/me`, async (route) => {
      if (route.request().method() === 'PATCH') await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    const saved = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/me' && response.request().method() === 'PATCH');
    try {
      await page.getByLabel('Taal').selectOption({ label: 'English' });
      expect((await saved).ok()).toBe(true);
      await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      expect(upgrade.reloaded).toBe(true);
      expect(upgrade.refused).toBeGreaterThan(0);
    } finally {
      await setAccountLanguage(page, 'nl');
    }
    await context.close();
  });

  it('a page opened before the app was updated loads the new version when it needs a part it did not have yet', async () => {
    /** A signed-in page whose settings page file is gone from the server; its question for the current page gets `answer`. */
    const outdatedPage = async (answer?: (route: Route) => Promise<void>) => {
      const context = await newTestContext(browser);
      const page = await context.newPage();
      await signIn(page, server.url, ADMIN, PASSWORD);
      const state = await asAfterAnUpgrade(page, /\/assets\/SettingsPage-[^/]+\.js$/, answer);
      await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
      return { context, page, state };
    };

    // The server's page names another main script: a newer version is out, so the page loads anew.
    const updated = await outdatedPage();
    await updated.page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    expect(updated.state.reloaded).toBe(true);
    await updated.context.close();

    // No connection to ask over: the page says something went wrong and stays (no reload into a browser error).
    const offline = await outdatedPage((route) => route.abort());
    await offline.page.getByRole('heading', { level: 1, name: 'Er ging iets mis' }).waitFor();
    await offline.page.waitForTimeout(300);
    expect(offline.state.reloaded).toBe(false);
    await offline.context.close();
  });

  it('an admin invites a member, the new person accepts the link, and the audit log shows it', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, ADMIN, PASSWORD);
    await page.getByRole('link', { name: 'Mensen en teams' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mensen en teams' }).waitFor();
    await expectAccessible(page, 'people');
    await page.getByLabel('E-mailadres', { exact: true }).last().fill('nieuw.lid@example.org');
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    const linkField = page.getByLabel('Uitnodigingslink');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/invite#[A-Za-z0-9_-]{43}$/);

    const invitee = await newTestContext(browser);
    const invitePage = await invitee.newPage();
    await invitePage.goto(link);
    await invitePage.getByLabel('Je naam').fill('Nieuw Lid');
    await invitePage.getByLabel('Kies een wachtwoord', { exact: true }).fill('een lang genoeg wachtwoord');
    await expectAccessible(invitePage, 'invite');
    await invitePage.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await invitePage.getByRole('heading', { level: 1, name: 'Welkom, Nieuw Lid' }).waitFor();
    await invitee.close();

    // The admin gives the new member another role, from the members table.
    await page.getByRole('link', { name: 'Mensen en teams' }).first().click();
    await page.getByLabel('rol van Nieuw Lid', { exact: true }).selectOption({ label: 'onderzoeker' });
    await page.getByRole('button', { name: 'Opslaan: rol van Nieuw Lid' }).click();
    await expect(page.getByText('De rol van Nieuw Lid is nu: onderzoeker.')).toBeVisible();

    await page.getByRole('link', { name: 'Auditlog' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    await expect(page.getByRole('table').or(page.getByRole('list')).first()).toBeVisible();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toMatch(/uitnodiging/i);
    expect(text).toMatch(/Nieuw Lid/);
    await expectAccessible(page, 'audit');
    await context.close();
  });

  it('every page passes an axe-core scan and fits a 320 px phone screen', async () => {
    const context: BrowserContext = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, ADMIN, PASSWORD);
    const orgPath = new URL(page.url()).pathname.replace(/\/$/, '');
    const teams = await (await page.request.get(`${server.url}/api/orgs/${orgPath.split('/')[2]}/teams`)).json();
    const paths = [
      orgPath,
      `${orgPath}/in-beeld`,
      `${orgPath}/trajecten`,
      `${orgPath}/kruisbestuiving`,
      `${orgPath}/people`,
      `${orgPath}/teams/${teams.teams[0].id}`,
      `${orgPath}/audit`,
      '/settings',
      '/does-not-exist',
    ];
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectAccessible(page, path);
      await expectNoHorizontalScroll(page, path);
    }
    await context.close();
  });
});
