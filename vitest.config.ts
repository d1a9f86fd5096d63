import { defineConfig } from 'vitest/config';

/**
 * Four tiers, so a developer can run one (`npm test -- --project pure`, see docs/testing.md):
 * pure (no database, no server), database (storage, services and the command line on SQLite and
 * PostgreSQL), http (the app in-process, called over HTTP) and browser (the built web app in Chromium).
 */
const database = ['test/storage/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/*/cli.test.ts', 'test/analysis/tallies.test.ts', 'test/stories/stories.test.ts'];
const pure = ['src/**/*.test.ts', 'test/web/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/coding/refi-qda.test.ts'];
const browser = ['test/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    // Generous: the browser suites run two at a time on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files in one worker share the loaded modules instead of importing the whole app again for
    // each file (no test mocks modules or globals; each builds its own app and database).
    isolate: false,
    // Two files at once even on two cores: most suites wait on Chromium, PostgreSQL or a child
    // process, so this took the whole run from 514 s to 390 s here (Vitest's default is cores − 1).
    maxWorkers: 2,
    // Outbound network is forbidden in tests: everything runs on loopback (see test/helpers/no-network.ts).
    setupFiles: ['test/helpers/no-network.ts'],
    projects: [
      { extends: true, test: { name: 'pure', include: pure } },
      { extends: true, test: { name: 'database', include: database } },
      { extends: true, test: { name: 'http', include: ['test/**/*.test.ts'], exclude: [...database, ...pure, ...browser] } },
      { extends: true, test: { name: 'browser', include: browser } },
    ],
  },
});
