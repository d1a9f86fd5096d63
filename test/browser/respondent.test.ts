import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { createInstrument, getPublishedVersion, publishVersion } from '../../src/modules/instruments/service.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { createRound, getRound } from '../../src/modules/rounds/service.ts';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;

/** Fills one page of the respondent form the way a person would: the first sensible choice everywhere. */
async function fillPage(page: Page): Promise<void> {
  // Twice: with JavaScript, a first answer can reveal a follow-up question.
  for (let pass = 0; pass < 2; pass++) await fillVisible(page);
}

async function fillVisible(page: Page): Promise<void> {
  for (const fieldset of await page.locator('fieldset.question:visible').all()) {
    const items = fieldset.locator('fieldset.item');
    if ((await items.count()) > 0) {
      for (const item of await items.all()) await item.locator('input[type=radio]').first().check();
      continue;
    }
    const radio = fieldset.locator('input[type=radio]');
    if ((await radio.count()) > 0) {
      await radio.first().check();
      continue;
    }
    const boxes = fieldset.locator('input[type=checkbox]:not([data-exclusive])');
    if ((await boxes.count()) > 0) await boxes.first().check();
  }
  for (const input of await page.locator('div.question input[type=text]:visible').all()) await input.fill('3');
  for (const area of await page.locator('div.question textarea:visible').all()) await area.fill('Een open antwoord.');
}

run('the respondent form in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let token: string;
  let instrument: ResolvedInstrument;

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    const ctx = server.app.services;
    const org = await ctx.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    const admin = await ctx.db.selectFrom('memberships').select('user_id').where('role', '=', 'admin').executeTakeFirstOrThrow();
    const actor: Actor = { userId: admin.user_id, language: 'nl', roles: new Map([[org.id, 'admin']]) };
    const created = await createInstrument(ctx, actor, org.id, { copyOf: 'cocreatie-ervaringswerkers', key: 'browser-test' });
    const version = await publishVersion(ctx, actor, org.id, created.id, 1);
    instrument = (await getPublishedVersion(ctx, version.id)).instrument;
    const round = await createRound(ctx, publishedInstruments, actor, org.id, {
      instrumentVersionId: version.id,
      name: 'Browsertest',
      closesOn: '2999-12-31',
      teamIds: [],
      organisationLink: true,
      openTextExport: false,
    });
    const detail = await getRound(ctx, publishedInstruments, actor, { organisationId: org.id, roundId: round.id, baseUrl: server.url });
    token = new URL(detail.links[0]?.url ?? '').pathname.split('/')[2] ?? '';
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const completeCount = async () =>
    Number(
      (
        await server.app.services.db
          .selectFrom('responses')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'complete')
          .executeTakeFirstOrThrow()
      ).n,
    );

  for (const [javaScriptEnabled, lang] of [
    [false, 'nl'],
    [true, 'en'],
  ] as const) {
    it(`a respondent fills in the whole form with JavaScript ${javaScriptEnabled ? 'on' : 'off'}, in ${lang === 'nl' ? 'Dutch' : 'English'}, on a phone`, async () => {
      const context = await browser.newContext({
        javaScriptEnabled,
        locale: lang === 'nl' ? 'nl-BE' : 'en-GB',
        viewport: { width: 320, height: 700 },
        bypassCSP: true,
      });
      const page = await context.newPage();
      const before = await completeCount();
      await page.goto(`${server.url}/r/${token}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectAccessible(page, 'welcome', { javaScript: javaScriptEnabled });
      await expectNoHorizontalScroll(page, 'welcome');
      await page.getByRole('button', { name: lang === 'nl' ? 'Begin' : 'Start' }).click();
      // Without ticking the box: a clear message, and still on the first page.
      await expect(page.getByRole('alert')).toContainText(lang === 'nl' ? 'Vink aan' : 'Tick the box');
      await page.getByLabel(lang === 'nl' ? 'Ik heb dit gelezen en ik doe mee.' : 'I have read this and I take part.').check();
      await page.getByRole('button', { name: lang === 'nl' ? 'Begin' : 'Start' }).click();

      const total = instrument.sections.length;
      let followUpSteps = 0;
      for (let n = 1; n <= total; n++) {
        await expect(page.locator('.progress-text')).toHaveText(lang === 'nl' ? `Deel ${n} van ${total}` : `Part ${n} of ${total}`);
        await expectAccessible(page, `page ${n}`, { javaScript: javaScriptEnabled });
        await expectNoHorizontalScroll(page, `page ${n}`);
        if (n === 1) {
          // Sending an empty first page shows what is missing, next to the fields.
          await page.getByRole('button', { name: lang === 'nl' ? 'Volgende' : 'Next' }).click();
          await expect(page.getByRole('alert')).toBeVisible();
          await expectAccessible(page, 'page 1 with errors', { javaScript: javaScriptEnabled });
        }
        await fillPage(page);
        const send = () =>
          page.getByRole('button', { name: n === total ? (lang === 'nl' ? 'Versturen' : 'Send') : lang === 'nl' ? 'Volgende' : 'Next' }).click();
        await send();
        // Without JavaScript, a follow-up the answers just called for ("Hoe word je betaald?") is asked on a short extra step.
        if ((await page.locator('form[data-step="follow-ups"]').count()) > 0) {
          followUpSteps++;
          await expect(page.locator('.follow-up-intro')).toHaveText(
            lang === 'nl' ? 'Nog een vraag bij wat je net antwoordde.' : 'One more question about what you just answered.',
          );
          await expectAccessible(page, `page ${n}, follow-up step`, { javaScript: javaScriptEnabled });
          await fillPage(page);
          await send();
        }
      }
      // With JavaScript the follow-ups appear on the page itself; without, on the extra step.
      expect(followUpSteps > 0).toBe(!javaScriptEnabled);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'nl' ? 'Bedankt!' : 'Thank you!');
      await expectAccessible(page, 'thanks', { javaScript: javaScriptEnabled });
      expect(await completeCount()).toBe(before + 1);
      await context.close();
    }, 180_000);
  }

  it('with JavaScript, an exclusive choice clears the others', async () => {
    const context = await browser.newContext({ locale: 'nl-BE', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${token}`);
    await page.getByLabel('Ik heb dit gelezen en ik doe mee.').check();
    await page.getByRole('button', { name: 'Begin' }).click();
    const roles = instrument.sections.findIndex((s) => s.questions.some((q) => q.key === 'rollen'));
    for (let n = 1; n <= roles; n++) {
      await fillPage(page);
      await page.getByRole('button', { name: 'Volgende' }).click();
    }
    const group = page.locator('fieldset#q-rollen');
    await group.getByLabel('Kritische stem').check();
    await group.locator('input[data-exclusive]').check();
    await expect(group.getByLabel('Kritische stem')).not.toBeChecked();
    await context.close();
  }, 60_000);

  it('reads a question aloud with the browser speech, in the page language; without JavaScript there is no button', async () => {
    const context = await browser.newContext({ locale: 'en-GB', bypassCSP: true, viewport: { width: 320, height: 700 } });
    // Record what would be spoken instead of speaking it.
    await context.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, lang: u.lang });
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${token}?lang=en`);
    await page.getByLabel('I have read this and I take part.').check();
    await page.getByRole('button', { name: 'Start' }).click();
    const buttons = page.getByRole('button', { name: 'Read aloud' });
    expect(await buttons.count()).toBeGreaterThan(0);
    await buttons.first().focus();
    await page.keyboard.press('Enter');
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]?.lang).toBe('en-GB');
    expect(spoken[0]?.text).toContain(instrument.sections[0]?.questions[0]?.text.en ?? 'missing');
    await expectAccessible(page, 'read aloud');
    await context.close();

    const withoutScript = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE', bypassCSP: true });
    const plain = await withoutScript.newPage();
    await plain.goto(`${server.url}/r/${token}`);
    await plain.getByLabel('Ik heb dit gelezen en ik doe mee.').check();
    await plain.getByRole('button', { name: 'Begin' }).click();
    await expect(plain.locator('.progress-text')).toHaveText(`Deel 1 van ${instrument.sections.length}`);
    expect(await plain.getByRole('button', { name: 'Lees voor' }).count()).toBe(0);
    await withoutScript.close();
  });

  it('saves and resumes with a code on another device', async () => {
    const first = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE', bypassCSP: true });
    const page = await first.newPage();
    await page.goto(`${server.url}/r/${token}`);
    await page.getByLabel('Ik heb dit gelezen en ik doe mee.').check();
    await page.getByRole('button', { name: 'Begin' }).click();
    await fillPage(page);
    await page.getByRole('button', { name: 'Volgende' }).click();
    await expect(page.locator('.progress-text')).toHaveText(`Deel 2 van ${instrument.sections.length}`);
    await fillPage(page);
    await page.getByRole('button', { name: 'Bewaar en ga later verder' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je antwoorden zijn bewaard');
    await expectAccessible(page, 'saved', { javaScript: false });
    const code = (await page.locator('.code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await first.close();

    const second = await browser.newContext({ locale: 'nl-BE', bypassCSP: true });
    const other = await second.newPage();
    await other.goto(`${server.url}/r/${token}/resume`);
    await expectAccessible(other, 'resume');
    await other.getByLabel(/Je code/).fill(code.toLowerCase());
    await other.getByRole('button', { name: 'Ga verder' }).click();
    // Back on the page where the person saved, not on the first.
    await expect(other.getByText(`Deel 2 van ${instrument.sections.length}`)).toBeVisible();
    // What was answered before is still there.
    expect(await other.locator('fieldset.question input:checked').count()).toBeGreaterThan(0);
    await second.close();
  });

  it('the address of a started form, opened in another browser, shows a clear page and not the answers', async () => {
    const first = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE', bypassCSP: true });
    const page = await first.newPage();
    await page.goto(`${server.url}/r/${token}`);
    await page.getByLabel('Ik heb dit gelezen en ik doe mee.').check();
    await page.getByRole('button', { name: 'Begin' }).click();
    await fillPage(page);
    await page.getByRole('button', { name: 'Volgende' }).click();
    const address = page.url().replace(/\/2(\?.*)?$/, '/1');
    await first.close();

    const second = await browser.newContext({ locale: 'en-GB', bypassCSP: true });
    const other = await second.newPage();
    const response = await other.goto(address);
    expect(response?.status()).toBe(403);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('These answers belong to another browser');
    expect(await other.locator('input:checked').count()).toBe(0);
    await expectAccessible(other, 'foreign draft');
    await other.getByRole('link', { name: 'Continue with your code' }).click();
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Continue with your code');
    await second.close();
  });

  it('an unknown link shows a friendly page', async () => {
    const context = await browser.newContext({ locale: 'nl-BE', bypassCSP: true });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/r/${'x'.repeat(43)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We vinden deze vragenlijst niet');
    await expectAccessible(page, 'unknown link');
    await context.close();
  });
});
