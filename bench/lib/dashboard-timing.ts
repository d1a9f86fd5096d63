import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../src/core/chromium.ts';

/**
 * Times the In beeld dashboard in real Chromium: from navigation until the charts of the first screen
 * are drawn, and until every chart of the page is drawn (scrolled through, since charts below the fold
 * are drawn when they come into view). Median of `runs` after one warm-up, each in a fresh page.
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type DashboardTiming = { label: string; firstScreenMs: number; allChartsMs: number; charts: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export const chromiumAvailable = () => fs.existsSync(CHROMIUM_PATH);

export async function timeDashboards(
  base: string,
  credentials: { email: string; password: string },
  pages: { label: string; path: string }[],
  runs = 3,
): Promise<DashboardTiming[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 1280, height: 900 } });
    const login = await context.newPage();
    await login.goto(`${base}/login`);
    await login.getByLabel('E-mailadres').fill(credentials.email);
    await login.getByLabel('Wachtwoord', { exact: true }).fill(credentials.password);
    await login.getByRole('button', { name: 'Aanmelden' }).click();
    await login.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    await login.close();

    const results: DashboardTiming[] = [];
    for (const target of pages) {
      const first: number[] = [];
      const all: number[] = [];
      let charts = 0;
      for (let i = 0; i <= runs; i++) {
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(`${base}${target.path}`);
        await page.locator('.chart-canvas svg').first().waitFor({ timeout: 120_000 });
        const firstMs = performance.now() - t0;
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 900) {
            window.scrollTo(0, y);
            await new Promise((r) => requestAnimationFrame(() => r(undefined)));
          }
        });
        await page.waitForFunction(() => document.querySelectorAll('.chart-canvas[data-state="waiting"]').length === 0, undefined, { timeout: 120_000 });
        const allMs = performance.now() - t0;
        charts = await page.locator('.chart-canvas').count();
        await page.close();
        if (i > 0) {
          first.push(firstMs);
          all.push(allMs);
        }
      }
      results.push({ label: target.label, firstScreenMs: median(first), allChartsMs: median(all), charts });
    }
    return results;
  } finally {
    await browser.close();
  }
}
