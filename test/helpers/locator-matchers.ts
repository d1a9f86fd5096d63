import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Playwright-style web-first assertions for vitest: each waits (up to 5 s) for the page to reach
 * the expected state instead of checking once, as pages update asynchronously.
 */
const TIMEOUT = 5000;

async function poll(check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    try {
      if (await check()) return true;
    } catch {}
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function result(pass: boolean, isNot: boolean, what: string, actual: () => Promise<string>) {
  return actual().then((seen) => ({ pass, message: () => `expected the element ${isNot ? 'not ' : ''}${what}; it was: ${seen}` }));
}

const text = async (locator: Locator) =>
  (
    (await locator
      .first()
      .textContent({ timeout: 500 })
      .catch(() => null)) ?? ''
  ).trim();

// vitest 4 leaves `(this.isNot === true)` undefined (not false) for a positive assertion: compare with true.
expect.extend({
  async toBeVisible(locator: Locator) {
    const ok = await poll(async () => (await locator.first().isVisible()) !== (this.isNot === true));
    return result(ok !== (this.isNot === true), this.isNot === true, 'to be visible', async () => String(await locator.first().isVisible()));
  },
  async toHaveText(locator: Locator, expected: string) {
    const ok = await poll(async () => ((await text(locator)) === expected) !== (this.isNot === true));
    return result(ok !== (this.isNot === true), this.isNot === true, `to have the text "${expected}"`, () => text(locator));
  },
  async toContainText(locator: Locator, expected: string) {
    const ok = await poll(async () => (await text(locator)).includes(expected) !== (this.isNot === true));
    return result(ok !== (this.isNot === true), this.isNot === true, `to contain "${expected}"`, () => text(locator));
  },
  async toHaveAttribute(locator: Locator, name: string, expected: string) {
    const ok = await poll(async () => ((await locator.first().getAttribute(name)) === expected) !== (this.isNot === true));
    return result(ok !== (this.isNot === true), this.isNot === true, `to have ${name}="${expected}"`, async () =>
      String(await locator.first().getAttribute(name)),
    );
  },
  async toBeChecked(locator: Locator) {
    const ok = await poll(async () => (await locator.first().isChecked()) !== (this.isNot === true));
    return result(ok !== (this.isNot === true), this.isNot === true, 'to be checked', async () => String(await locator.first().isChecked()));
  },
});

declare module 'vitest' {
  interface Assertion {
    toBeVisible(): Promise<void>;
    toHaveText(expected: string): Promise<void>;
    toContainText(expected: string): Promise<void>;
    toHaveAttribute(name: string, expected: string): Promise<void>;
    toBeChecked(): Promise<void>;
  }
}
