import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { type Config, loadConfig } from '../../src/config.ts';
import { CHROMIUM_FLAGS } from '../../src/core/chromium.ts';
import { type App, buildApp } from '../../src/http/app.ts';
import { loadDemo } from '../../src/modules/demo/service.ts';
import { createPhotoStorage } from '../../src/modules/stories/photo-storage.ts';
import { leaseOf } from './browser-lease.ts';
import { type Dialect, openDemoDatabase, openTestDatabase } from './databases.ts';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WEB_DIR = path.resolve(import.meta.dirname, '../../dist/web');

export type LiveServer = { url: string; app: App; close: () => Promise<void> };

/** The real server on a random loopback port, with the built web app and the demo data; `env` as the environment would set it (SMTP_URL …), `overrides` on top. */
export async function startLiveServer(dialect: Dialect = 'sqlite', overrides: Partial<Config> = {}, env: Record<string, string> = {}): Promise<LiveServer> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('dist/web is missing: run `npm run build` (npm test does it).');
  // Photos and other files beside the database go to a temporary folder, removed on close.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-live-'));
  const config = {
    ...loadConfig(env),
    dataDir,
    webDir: WEB_DIR,
    logLevel: 'warn' as const,
    rateLimits: { loginPerMinute: 1000, invitePerMinute: 1000, respondentPerMinute: 100_000 },
    ...overrides,
  };
  // The demo is a copy of one loaded once per worker; with photos in an object store it is loaded here.
  const { handle, close } = config.photos.objectStore ? await openTestDatabase(dialect) : await openDemoDatabase(dialect, { dataDir, photos: true });
  const app = await buildApp({ config, database: handle, logger: false });
  if (config.photos.objectStore) await loadDemo(app.services, { photoStorage: await createPhotoStorage(config) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    close: async () => {
      // Browser contexts are kept for the next file (browser-lease.ts), and with them their kept-alive
      // connections to this server: close those too, or the server would wait for them to time out.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestContextOptions = { width?: number; height?: number; locale?: string; bypassCSP?: boolean; acceptDownloads?: boolean };

/**
 * A browser context as a Dutch-speaking (nl-BE) person on a laptop sees the app: 1280 x 900 unless told.
 * bypassCSP is on unless told, only so axe-core can be injected; production pages run under the strict policy.
 */
export function newTestContext(browser: Browser, options: TestContextOptions = {}): Promise<BrowserContext> {
  const { width = 1280, height = 900, locale = 'nl-BE', bypassCSP = true, ...rest } = options;
  return browser.newContext({ locale, viewport: { width, height }, bypassCSP, ...rest });
}

/**
 * Signs in as the login page does, through the API with the page's own cookies, and opens the welcome page,
 * or `open` (a path or a URL of the app) instead when the test goes there straight away: one load of the app less; the caller
 * then waits for that page itself. The login page itself, by keyboard, is tested in shell.test.ts and
 * account.test.ts; here it would only cost every test a page load and a form.
 */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, open = '/'): Promise<void> {
  const { token } = (await (await page.request.get(`${baseUrl}/api/csrf`)).json()) as { token: string };
  const login = await page.request.post(`${baseUrl}/api/auth/login`, { data: { email, password }, headers: { 'x-csrf-token': token } });
  if (!login.ok()) throw new Error(`signing in as ${email} failed: ${login.status()} ${await login.text()}`);
  await page.goto(new URL(open, baseUrl).href);
  if (open === '/') await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
}

/**
 * Picks a language in the header as a signed-in person does, and waits until the account has saved it
 * (the page switches at once, the PATCH follows): a page opened next then comes in that language.
 */
export async function chooseLanguage(page: Page, label: 'Taal' | 'Language', language: 'English' | 'Nederlands'): Promise<void> {
  const saved = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/me' && response.request().method() === 'PATCH');
  await page.getByLabel(label, { exact: true }).first().selectOption({ label: language });
  expect((await saved).ok()).toBe(true);
}

let sharedBrowser: Promise<Browser> | undefined;

/**
 * Tests only: V8 without its optimising compilers (TurboFan, Maglev). A test page lives seconds,
 * too short for optimised code to pay back its compiling; the whole browser tier took 374 s of CPU
 * with this against 388 s without, both run at once on the same machine (docs/testing.md).
 */
const TEST_FLAGS = ['--js-flags=--no-opt --no-maglev'];

/**
 * Chromium for one test file. The test files of a worker share one Chromium process (starting one
 * costs about a second of CPU); contexts are fresh or cleaned for reuse (see browser-lease.ts).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = inject('chromiumPath');
  if (!executablePath) throw new Error('Chromium is not available');
  let browser = sharedBrowser ? await sharedBrowser.catch(() => undefined) : undefined;
  if (!browser?.isConnected()) {
    sharedBrowser = chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS, ...TEST_FLAGS] });
    browser = await sharedBrowser;
  }
  return leaseOf(browser);
}

/**
 * A scripted page of the same origin and size as `page`, where the HTML of a page without JavaScript
 * is scanned. One per browser, origin and size, kept open: it holds nothing of a test but the HTML.
 */
const scratchPages = new WeakMap<Browser, Map<string, Promise<Page>>>();
function scratchPage(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const origin = new URL(page.url()).origin;
  const key = `${origin} ${JSON.stringify(page.viewportSize())}`;
  const pages = scratchPages.get(browser) ?? new Map<string, Promise<Page>>();
  scratchPages.set(browser, pages);
  let scratch = pages.get(key);
  if (!scratch) {
    scratch = (async () => {
      const context = await browser.newContext({ viewport: page.viewportSize(), bypassCSP: true });
      const copy = await context.newPage();
      await copy.goto(`${origin}/healthz`);
      return copy;
    })();
    pages.set(key, scratch);
  }
  return scratch;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core against WCAG 2.0–2.2 A and AA; the test fails with the list of violations. */
export async function expectAccessible(page: Page, label: string, options: { javaScript?: boolean } = {}): Promise<void> {
  // With JavaScript switched off (as some respondents have it) axe cannot run in the page itself:
  // scan the same HTML in a scripted page of the same origin, so styles and contrast are the same.
  if (options.javaScript === false) {
    const copy = await scratchPage(page);
    await copy.setContent(await page.content(), { waitUntil: 'load' });
    await copy.evaluate(() => {
      for (const script of document.querySelectorAll('script')) script.remove();
    });
    await expectAccessible(copy, label);
    return;
  }
  // Injected once per document: a scan after a navigation inside the app finds axe-core there already.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    // Every rule of these tags runs on every element as before; only the passes, incomplete and
    // inapplicable results are not collected in full (axe then skips their CSS selectors).
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
  expect(violations, `accessibility violations on ${label}`).toEqual([]);
}

/** Nothing may stick out sideways on a small phone. */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${label}`).toBeLessThanOrEqual(0);
}
