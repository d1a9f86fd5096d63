/**
 * Chromium as the platform runs it (PDF printing), and as the tests and benchmarks drive it: Debian's
 * browser, headless, no sandbox (containers), and no calls home.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
