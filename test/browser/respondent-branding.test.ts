import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { createInstrument, publishVersion } from '../../src/modules/instruments/service.ts';
import { setLogo } from '../../src/modules/round-invitations/logo.ts';
import { setBranding } from '../../src/modules/round-invitations/service.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { createRound, getRound } from '../../src/modules/rounds/service.ts';
import { DiskPhotoStorage } from '../../src/modules/stories/photo-storage.ts';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, startLiveServer } from '../helpers/browser.ts';
import { makeJpeg } from '../stories/images.ts';

const run = inject('chromiumPath') ? describe : describe.skip;

run("the respondent form in the organisation's colour and with its logo, in Chromium", () => {
  let server: LiveServer;
  let browser: Browser;
  let token: string;
  let organisationName: string;

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    const ctx = server.app.services;
    const org = await ctx.db.selectFrom('organisations').select(['id', 'name']).executeTakeFirstOrThrow();
    organisationName = org.name;
    const admin = await ctx.db.selectFrom('memberships').select('user_id').where('role', '=', 'admin').executeTakeFirstOrThrow();
    const actor: Actor = { userId: admin.user_id, language: 'nl', roles: new Map([[org.id, 'admin']]) };
    const created = await createInstrument(ctx, actor, org.id, { copyOf: 'cocreatie-ervaringswerkers', key: 'merk-test' });
    const version = await publishVersion(ctx, actor, org.id, created.id, 1);
    const round = await createRound(ctx, publishedInstruments, actor, org.id, {
      instrumentVersionId: version.id,
      name: 'Merktest',
      closesOn: '2999-12-31',
      teamIds: [],
      organisationLink: true,
      openTextExport: false,
    });
    const detail = await getRound(ctx, publishedInstruments, actor, { organisationId: org.id, roundId: round.id, baseUrl: server.url });
    token = new URL(detail.links[0]?.url ?? '').pathname.split('/')[2] ?? '';
    await setBranding(ctx, actor, org.id, '#7a1f5c');
    await setLogo(ctx, new DiskPhotoStorage(path.join(ctx.config.dataDir, 'photos')), actor, org.id, await makeJpeg(800, 200));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [javaScriptEnabled, lang] of [
    [false, 'nl'],
    [true, 'en'],
  ] as const) {
    it(`shows the logo and colour under the strict CSP, passes axe, fits 320 px (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${lang})`, async () => {
      // Under the page's own CSP: the colour must come from the external stylesheet, not an inline style.
      const context = await browser.newContext({ javaScriptEnabled, locale: lang === 'nl' ? 'nl-BE' : 'en-GB', viewport: { width: 320, height: 700 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/r/${token}?lang=${lang}`);
      const logo = page.getByRole('img', { name: organisationName });
      await expect(logo).toBeVisible();
      expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400);
      const start = page.getByRole('button', { name: lang === 'nl' ? 'Begin' : 'Start' });
      expect(await start.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(122, 31, 92)');
      expect(await page.locator('.top').evaluate((b) => getComputedStyle(b).borderBottomColor)).toBe('rgb(122, 31, 92)');
      await expectNoHorizontalScroll(page, 'welcome with logo');
      await context.close();
      // axe is injected as a script, which the strict CSP refuses: the scan runs in a context that lets it in.
      const scanned = await browser.newContext({ javaScriptEnabled, bypassCSP: true, viewport: { width: 320, height: 700 } });
      const scan = await scanned.newPage();
      await scan.goto(`${server.url}/r/${token}?lang=${lang}`);
      await expectAccessible(scan, 'welcome with logo and colour', { javaScript: javaScriptEnabled });
      await scanned.close();
    });
  }
});
