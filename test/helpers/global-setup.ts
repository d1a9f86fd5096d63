import fs from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** GNU PSPP reads the exported .sav files back (test/exports). */
export const PSPP = process.env.PSPP_PATH ?? '/usr/bin/pspp';
/** R sources the exported R script (test/exports/r.test.ts). */
export const RSCRIPT = process.env.RSCRIPT_PATH ?? '/usr/bin/Rscript';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    chromiumPath: string | null;
    psppPath: string | null;
    rscriptPath: string | null;
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Finds the real PostgreSQL, Chromium, GNU PSPP and R. In CI (CI=true) all are required: a missing one fails
 * the run instead of silently skipping suites. Elsewhere the skipped suites are named plainly.
 */
export default async function setup(project: TestProject): Promise<void> {
  const ci = process.env.CI === 'true';
  const postgres = await postgresReachable();
  const chromium = fs.existsSync(CHROMIUM);
  const pspp = fs.existsSync(PSPP);
  const rscript = fs.existsSync(RSCRIPT);
  const missing = [
    !postgres && `PostgreSQL at ${POSTGRES_ADMIN_URL}`,
    !chromium && `Chromium at ${CHROMIUM}`,
    !pspp && `GNU PSPP at ${PSPP}`,
    !rscript && `R (Rscript) at ${RSCRIPT}`,
  ].filter(Boolean);
  if (missing.length && ci) throw new Error(`CI=true but these are missing: ${missing.join(', ')}. They must run in CI.`);
  for (const what of missing) process.stdout.write(`\nSKIPPING the suites that need ${what} (not found on this machine).\n`);
  project.provide('postgresUrl', postgres ? POSTGRES_ADMIN_URL : null);
  project.provide('chromiumPath', chromium ? CHROMIUM : null);
  project.provide('psppPath', pspp ? PSPP : null);
  project.provide('rscriptPath', rscript ? RSCRIPT : null);
}
