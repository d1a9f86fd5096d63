import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Outbound network is forbidden in tests: everything runs on loopback (see test/helpers/no-network.ts).
    setupFiles: ['test/helpers/no-network.ts'],
  },
});
