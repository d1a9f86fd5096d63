import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Generous: the browser suites run two at a time on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at once even on two cores: most suites wait on Chromium, PostgreSQL or a child
    // process, so this took the whole run from 514 s to 390 s here (Vitest's default is cores − 1).
    maxWorkers: 2,
    // Outbound network is forbidden in tests: everything runs on loopback (see test/helpers/no-network.ts).
    setupFiles: ['test/helpers/no-network.ts'],
  },
});
