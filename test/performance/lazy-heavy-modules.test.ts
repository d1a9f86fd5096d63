import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts the server's import graph (src/cli/start.ts, which imports src/http/app.ts), builds the app on a
 * new SQLite database and prints every module URL the ESM loader resolved on the way.
 */
const script = `
const { loadConfig } = await import(${JSON.stringify(path.join(root, 'src/config.ts'))});
await import(${JSON.stringify(path.join(root, 'src/cli/start.ts'))});
const { buildApp } = await import(${JSON.stringify(path.join(root, 'src/http/app.ts'))});
const { openRuntime } = await import(${JSON.stringify(path.join(root, 'src/bootstrap.ts'))});
const config = loadConfig({ DATA_DIR: process.env.PROBE_DATA_DIR });
const { database } = await openRuntime(config);
const app = await buildApp({ config, database, logger: false });
await app.ready();
await app.inject({ method: 'GET', url: '/healthz' });
await globalThis.resolvedModulesSettled();
await app.close();
await database.close();
process.stdout.write(JSON.stringify([...globalThis.resolvedModules]));
`;

async function modulesResolvedAtStart(): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-lazy-'));
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', path.join(root, 'test/helpers/record-resolved.mjs'), '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: root, env: { ...process.env, PROBE_DATA_DIR: dataDir, NODE_ENV: 'production' }, maxBuffer: 64 << 20 },
    );
    return JSON.parse(stdout) as string[];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const packageOf = (url: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];

describe('heavy libraries load at first use, not at start', () => {
  it('starting the server resolves none of them, while the recorder does see what start needs', async () => {
    const packages = new Set((await modulesResolvedAtStart()).map(packageOf).filter(Boolean));
    // The recorder works: packages every start needs are seen.
    expect(packages.has('fastify')).toBe(true);
    expect(packages.has('kysely')).toBe(true);
    const heavyOnes = ['sharp', 'exceljs', '@aws-sdk/client-s3', 'playwright-core', '@simplewebauthn/server', 'nodemailer', 'qrcode', 'openid-client'];
    // Smaller ones, loaded at first use by src/core/lazy-require.ts (argon2 by an await import()).
    const light = ['jstat', 'diff', 'fflate', 'bowser', 'otpauth', '@node-rs/argon2', 'react-dom'];
    for (const heavy of [...heavyOnes, ...light]) {
      expect(packages.has(heavy), `${heavy} was loaded at start`).toBe(false);
    }
  }, 120_000);
});
