import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makeJpeg } from '../stories/images.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const PASSWORD = 'demo-kruisbestuiving';

run('the organisation’s threshold for small counts in Chromium', () => {
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

  it('an admin sets it with the keyboard, a value below 5 is refused in plain words, and a coordinator then reads "minder dan 10" on a link', async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, 'beheerder@demo.kruisbestuiving.org', PASSWORD);
    const org = (await (await page.request.get(`${server.url}/api/me`)).json()).organisations[0].id as string;
    await page.goto(`${server.url}/o/${org}/organisatie`);
    await page.getByRole('heading', { level: 1, name: 'Instellingen van de organisatie' }).waitFor();
    await expectAccessible(page, 'organisation settings');
    await expectNoHorizontalScroll(page, 'organisation settings');
    const field = page.getByLabel('Drempel voor kleine aantallen');
    await field.focus();
    await field.fill('4');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Vul een heel getal in van 5 tot en met 50.').first()).toBeVisible();
    await field.fill('10');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Opgeslagen. De drempel is nu 10.')).toBeVisible();
    await context.close();

    const coordinatorContext = await newTestContext(browser);
    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, server.url, 'coordinator@demo.kruisbestuiving.org', PASSWORD);
    const rounds = (await (await coordinator.request.get(`${server.url}/api/orgs/${org}/rounds`)).json()).rounds as { id: string }[];
    const detail = await (await coordinator.request.get(`${server.url}/api/orgs/${org}/rounds/${rounds[0]?.id}`)).json();
    expect(detail.responses.fewerThan).toBe(10);
    await coordinator.goto(`${server.url}/o/${org}/in-beeld/rounds/${rounds[0]?.id}`);
    await coordinator.getByRole('heading', { level: 1 }).waitFor();
    // Every link reads a number of 10 or more, "minder dan 10", or that it is hidden to protect another.
    const lines = await coordinator.locator('.link-card .meta').allInnerTexts();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^(\d{2,} mensen vulden alles in|Minder dan 10 mensen|Het aantal antwoorden via deze link tonen we niet)/);
    await expectAccessible(coordinator, 'round as coordinator');
    await coordinatorContext.close();
  });

  it('an admin uploads the logo at 320 px, sees it with the organisation name as its text, and removes it', async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, 'beheerder@demo.kruisbestuiving.org', PASSWORD);
    const me = (await (await page.request.get(`${server.url}/api/me`)).json()).organisations[0] as { id: string; name: string };
    await page.goto(`${server.url}/o/${me.id}/organisatie`);
    await page.getByRole('heading', { level: 2, name: 'Logo van de organisatie' }).waitFor();
    await page.getByRole('button', { name: 'Logo bewaren' }).click();
    await expect(page.getByText('Kies eerst een bestand.').first()).toBeVisible();
    await page.getByLabel('Kies een logo').setInputFiles({ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(800, 200) });
    await page.getByRole('button', { name: 'Logo bewaren' }).click();
    await expect(page.getByText('Het logo is bewaard.')).toBeVisible();
    const logo = page.getByRole('img', { name: me.name });
    await expect(logo).toBeVisible();
    // Shown as soon as the page has it; the image itself may still be on its way.
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400);
    await expectAccessible(page, 'organisation settings with a logo');
    await expectNoHorizontalScroll(page, 'organisation settings with a logo');
    await page.getByRole('button', { name: 'Logo weghalen' }).click();
    await expect(page.getByText('Het logo is weggehaald. De vragenlijst toont nu de naam van de organisatie.')).toBeVisible();
    expect(await page.getByRole('img', { name: me.name }).count()).toBe(0);
    await context.close();
  });

  it('a colour typed before the stored one has arrived is kept and checked, not overwritten', async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, 'beheerder@demo.kruisbestuiving.org', PASSWORD);
    const org = (await (await page.request.get(`${server.url}/api/me`)).json()).organisations[0].id as string;
    // A slow connection: the stored branding comes only after the person has typed.
    let typed: () => void = () => {};
    const typedNow = new Promise<void>((resolve) => {
      typed = resolve;
    });
    await page.route(`${server.url}/api/orgs/${org}/branding`, async (route) => {
      if (route.request().method() === 'GET') await typedNow;
      await route.continue();
    });
    const branding = page.waitForResponse((response) => response.url().endsWith(`/api/orgs/${org}/branding`) && response.request().method() === 'GET');
    await page.goto(`${server.url}/o/${org}/organisatie`);
    const field = page.getByLabel('Kleur (bijvoorbeeld #1d4f91)');
    await field.fill('#f5c400');
    typed();
    await branding;
    // The form is busy until the stored colour is in; then the typed one must still be there.
    const form = page.locator('form', { has: field });
    await expect.poll(() => form.getAttribute('aria-busy')).toBeNull();
    expect(await field.inputValue()).toBe('#f5c400');
    await field.press('Enter');
    await expect(page.getByRole('main')).toContainText('Witte tekst is slecht te lezen op deze kleur');
    expect(await field.inputValue()).toBe('#f5c400');
    await context.close();
  });
});
