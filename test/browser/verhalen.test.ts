import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makeJpeg, withGpsExif } from '../stories/images.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const PASSWORD = 'demo-kruisbestuiving';
const EXPERIENCE_WORKER = 'lid@demo.kruisbestuiving.org';
const PRACTITIONER = 'praktijkwerker@demo.kruisbestuiving.org';
const COORDINATOR = 'coordinator@demo.kruisbestuiving.org';
const TITLE = 'De bank aan de rivier';

/**
 * An experience worker shares a photo story, a colleague reflects on it, the author consents to
 * public use with the media checklist, the facilitator selects it for the exhibition, a visitor
 * sees it there without signing in, and after withdrawal it is gone. Every page gets an axe scan;
 * the main pages are checked at 320 px.
 */
run('stories and photovoice in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  /** The experience worker's page is signed in once and reused (signing in costs a password hash). */
  let authorPage: Page | undefined;
  const author = async () => {
    authorPage ??= await as(EXPERIENCE_WORKER);
    await authorPage.setViewportSize({ width: 1280, height: 900 });
    return authorPage;
  };

  /** A person (or nobody) on the welcome page, or on `open` when the test goes there first. */
  async function as(email: string | null, width = 1280, open = '/'): Promise<Page> {
    const context = await newTestContext(browser, { width });
    contexts.push(context);
    const page = await context.newPage();
    if (email) await signIn(page, server.url, email, PASSWORD, open);
    return page;
  }

  const orgId = async (page: Page) => new URL(page.url()).pathname.split('/')[2] as string;
  // Waits until the browser has finished with the image (the page may be shown before the photo
  // arrives), then says whether it decoded.
  const imageLoaded = async (page: Page, selector: string) => {
    const img = page.locator(selector).first();
    await img.waitFor();
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLImageElement | null)?.complete === true, selector);
    return img.evaluate((el: HTMLImageElement) => el.naturalWidth > 0);
  };

  let storyUrl = '';
  let exhibitionUrl = '';

  it('an experience worker shares a photo story; the anonymity check highlights a name first', async () => {
    const page = await author();
    const org = await orgId(page);
    await page.locator('.main-nav').getByRole('link', { name: 'Kruisbestuiving' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kruisbestuiving' }).waitFor();
    await expectAccessible(page, 'kruisbestuiving');
    await page.getByRole('link', { name: 'Deel een verhaal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deel een verhaal' }).waitFor();
    await expectAccessible(page, 'new story');

    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Je verhaal').fill('Elke ochtend zat ik daar met Kevin. De rivier bleef stromen, wat er ook gebeurde.');
    await page.getByLabel('Kies een foto').setInputFiles({ name: 'rivier.jpg', mimeType: 'image/jpeg', buffer: withGpsExif(await makeJpeg(900, 600)) });
    // The photo is shown on this device before anything is sent.
    const preview = page.locator('.photo-preview');
    await expect(preview.getByText('Zo ziet je foto eruit.')).toBeVisible();
    expect(await imageLoaded(page, '.photo-preview img')).toBe(true);
    await page.getByLabel('Wat is er te zien op de foto?').fill('Een houten bank aan het water.');
    await expect(preview.getByRole('img', { name: 'Een houten bank aan het water.' })).toBeVisible();
    await page.getByLabel('Niemand is herkenbaar').check();
    await page.getByLabel('Onderschrift').fill('Hier vond ik rust.');
    await page.getByLabel('Mijn organisatie').check();
    await page.getByRole('button', { name: 'Verhaal delen' }).click();

    const review = page.getByRole('region', { name: 'Kan iemand herkend worden?' });
    await expect(review.locator('mark', { hasText: 'Kevin' })).toBeVisible();
    await expectAccessible(page, 'anonymity review');
    await review.getByRole('button', { name: 'Toch zo delen' }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Je verhaal is bewaard.' })).toBeVisible();
    expect(await imageLoaded(page, '.story-photo img')).toBe(true);
    storyUrl = page.url();
    expect(storyUrl).toContain(`/o/${org}/kruisbestuiving/verhalen/`);
    await expectAccessible(page, 'story (author)');
  });

  it('a colleague reflects on it along the SHOWeD questions, shown in the practitioners column', async () => {
    const page = await as(PRACTITIONER, 1280, storyUrl);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByLabel('Wat zie je hier?').fill('Een lege bank, veel ruimte.');
    await page.getByLabel('Wat betekent dit verhaal voor jou?').fill('Rust vinden buiten de hulpverlening: dat vergeten we te vaak.');
    await page.getByRole('button', { name: 'Reflectie delen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Je reflectie is gedeeld.' })).toBeVisible();
    const column = page.getByRole('region', { name: 'Praktijkwerkers' });
    await expect(column.getByText('Rust vinden buiten de hulpverlening')).toBeVisible();
    await expect(column.getByText('Een lege bank, veel ruimte.')).toBeVisible();
    await expectAccessible(page, 'story (reader)');
  });

  it('public use needs the media checklist; then it goes into the photovoice exhibition', { timeout: 60_000 }, async () => {
    const page = await author();
    await page.goto(storyUrl);
    await page.getByLabel('Publiek (tentoonstelling)').check();
    await page.getByRole('button', { name: 'Keuze bewaren' }).click();
    await expect(page.getByText('Vink dit aan om publiek te delen.').first()).toBeVisible();
    await expectAccessible(page, 'media checklist with errors');
    for (const label of [/polarisatie/, /later voor mij/, /individualiseren/, /lotgenotencontact/]) await page.getByLabel(label).check();
    await page.getByRole('button', { name: 'Keuze bewaren' }).click();
    // Going public is wider again: the name in the text is pointed out once more; the author decides.
    const review = page.getByRole('region', { name: 'Kan iemand herkend worden?' });
    await expect(review.locator('mark', { hasText: 'Kevin' })).toBeVisible();
    await review.getByRole('button', { name: 'Toch zo delen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Bewaard. Wie het mag lezen: Publiek.' })).toBeVisible();

    // The author adds it to the project…
    await page.getByRole('link', { name: 'Terug naar Kruisbestuiving' }).click();
    await page.getByRole('link', { name: 'Wat helpt jou?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wat helpt jou?' }).waitFor();
    await page.getByLabel('Voeg een foto-verhaal van jou toe').selectOption({ label: TITLE });
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Je foto is toegevoegd.' })).toBeVisible();
    await expectAccessible(page, 'photovoice (member)');

    // …and the facilitator records the group's choice.
    const facilitator = await as(COORDINATOR, 1280, page.url());
    await facilitator.getByLabel(`‘${TITLE}’ kiezen voor de tentoonstelling`).check();
    const card = facilitator.locator('.story-card', { hasText: TITLE });
    await card.getByLabel('Onderschrift van de groep').fill('Rust aan het water.');
    await card.getByRole('button', { name: `Keuze voor ‘${TITLE}’ bewaren` }).click();
    await expect(facilitator.getByRole('status').filter({ hasText: `De keuze voor ‘${TITLE}’ is bewaard.` })).toBeVisible();
    await expectAccessible(facilitator, 'photovoice (facilitator)');
    exhibitionUrl = (await facilitator.getByRole('link', { name: 'Open de tentoonstelling' }).getAttribute('href')) ?? '';
    expect(exhibitionUrl).toMatch(/^\/tentoonstelling\//);

    const visitor = await as(null);
    await visitor.goto(`${server.url}${exhibitionUrl}`);
    await visitor.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await expect(visitor.getByText('Rust aan het water.')).toBeVisible();
    expect(await imageLoaded(visitor, `img[alt="Een houten bank aan het water."]`)).toBe(true);
    expect(await visitor.content()).not.toContain('Mo El Amrani');
    await expectAccessible(visitor, 'exhibition');
  });

  it('withdrawing (with the keyboard) removes it from the exhibition at once', async () => {
    const page = await author();
    await page.goto(storyUrl);
    const withdraw = page.getByRole('button', { name: 'Verhaal intrekken' });
    await withdraw.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Dit verhaal intrekken?' });
    await dialog.waitFor();
    // The safe choice has the focus; Tab moves to the confirming button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Je verhaal is ingetrokken.' })).toBeVisible();

    const visitor = await as(null);
    const response = await visitor.goto(`${server.url}${exhibitionUrl}`);
    expect(response?.status()).toBe(200);
    await visitor.getByRole('heading', { level: 1, name: 'Wat helpt jou?' }).waitFor();
    expect(await visitor.getByRole('heading', { level: 2, name: TITLE }).count()).toBe(0);
    const storyId = storyUrl.split('/').at(-1);
    expect((await visitor.request.get(`${server.url}${exhibitionUrl}/foto/${storyId}`)).status()).toBe(404);
    const colleague = await as(PRACTITIONER);
    const gone = await colleague.request.get(`${server.url}/api/orgs/${storyUrl.split('/')[4]}/stories/${storyId}`);
    expect(gone.status()).toBe(404);
  });

  it('works at 320 px wide: no sideways scrolling on the stories pages and the exhibition', async () => {
    const page = await author();
    await page.setViewportSize({ width: 320, height: 800 });
    const org = storyUrl.split('/')[4] as string;
    for (const [path, heading] of [
      [`/o/${org}/kruisbestuiving`, 'Kruisbestuiving'],
      [`/o/${org}/kruisbestuiving/verhalen/nieuw`, 'Deel een verhaal'],
      [new URL(storyUrl).pathname, TITLE],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectNoHorizontalScroll(page, path);
    }
    const first = page.getByRole('link', { name: 'Wachten op nummer 47' }).first();
    await page.goto(`${server.url}/o/${org}/kruisbestuiving`);
    await first.click();
    await page.getByRole('heading', { level: 1, name: 'Wachten op nummer 47' }).waitFor();
    await expectNoHorizontalScroll(page, 'demo story');
    await expectAccessible(page, 'demo story with reflections from every position');
    await page.goto(`${server.url}/o/${org}/kruisbestuiving`);
    await page.getByRole('link', { name: 'Wat helpt jou?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wat helpt jou?' }).waitFor();
    await expectNoHorizontalScroll(page, 'photovoice');
    const visitor = await as(null, 320);
    await visitor.goto(`${server.url}${exhibitionUrl}`);
    await visitor.getByRole('heading', { level: 1 }).waitFor();
    await expectNoHorizontalScroll(visitor, 'exhibition');
    const missing = await visitor.goto(`${server.url}/tentoonstelling/${'x'.repeat(22)}`);
    expect(missing?.status()).toBe(404);
    await expectAccessible(visitor, 'exhibition not found');
  });
});
