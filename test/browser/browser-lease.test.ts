import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newTestContext } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;

/** A page that adds `#late` a moment after it loads: found with the default timeout, not with 1 ms. */
const LATE_PAGE =
  '<!doctype html><title>late</title><script>setTimeout(() => document.body.append(Object.assign(document.createElement("p"), { id: "late", textContent: "late" })), 300)</script>';

run('a browser context parked for reuse (test/helpers/browser-lease.ts)', () => {
  let browser: Browser;
  let server: http.Server;
  let origin = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(LATE_PAGE));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('comes back with the default timeouts, its own viewport and no permissions after a test changed them', async () => {
    const first = await newTestContext(browser, { width: 333, height: 444 });
    const page = await first.newPage();
    const frame = page.mainFrame();
    await page.goto(origin);
    page.setDefaultTimeout(1);
    first.setDefaultNavigationTimeout(1);
    await page.setViewportSize({ width: 500, height: 500 });
    await first.grantPermissions(['geolocation'], { origin });
    expect(await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state)).toBe('granted');
    await first.close();

    const second = await newTestContext(browser, { width: 333, height: 444 });
    const again = await second.newPage();
    // The same page, parked and handed out again (not a new one, which would prove nothing).
    expect(again.mainFrame()).toBe(frame);
    expect(again.url()).toBe('about:blank');
    expect(again.viewportSize()).toEqual({ width: 333, height: 444 });
    await again.goto(origin);
    await again.locator('#late').waitFor();
    expect(await again.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state)).toBe('prompt');
    await second.close();
  });
});
