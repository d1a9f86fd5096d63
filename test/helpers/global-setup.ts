import fs from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** GNU PSPP reads the exported .sav files back (test/exports). */
export const PSPP = process.env.PSPP_PATH ?? '/usr/bin/pspp';
/** R sources the exported R script (test/exports/r.test.ts). */
export const RSCRIPT = process.env.RSCRIPT_PATH ?? '/usr/bin/Rscript';
/** poppler's pdfinfo says whether a PDF is tagged (test/analysis/report-files.test.ts). */
export const PDFINFO = process.env.PDFINFO_PATH ?? '/usr/bin/pdfinfo';
/** pg_dump and pg_restore back up and restore PostgreSQL while answers arrive (test/storage/backup.test.ts). */
export const PG_DUMP = process.env.PG_DUMP_PATH ?? '/usr/bin/pg_dump';
export const PG_RESTORE = process.env.PG_RESTORE_PATH ?? '/usr/bin/pg_restore';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    chromiumPath: string | null;
    psppPath: string | null;
    rscriptPath: string | null;
    pdfinfoPath: string | null;
    pgDumpPath: string | null;
    pgRestorePath: string | null;
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
 * Finds the real PostgreSQL (and its pg_dump/pg_restore), Chromium, GNU PSPP, R and poppler's pdfinfo. In CI (CI=true) all are required: a missing one fails
 * the run instead of silently skipping suites. Elsewhere the skipped suites are named plainly.
 */
export default async function setup(project: TestProject): Promise<void> {
  const ci = process.env.CI === 'true';
  const postgres = await postgresReachable();
  const chromium = fs.existsSync(CHROMIUM);
  const pspp = fs.existsSync(PSPP);
  const rscript = fs.existsSync(RSCRIPT);
  const pdfinfo = fs.existsSync(PDFINFO);
  const pgTools = fs.existsSync(PG_DUMP) && fs.existsSync(PG_RESTORE);
  const missing = [
    !postgres && `PostgreSQL at ${POSTGRES_ADMIN_URL}`,
    !chromium && `Chromium at ${CHROMIUM}`,
    !pspp && `GNU PSPP at ${PSPP}`,
    !rscript && `R (Rscript) at ${RSCRIPT}`,
    !pdfinfo && `pdfinfo (poppler-utils) at ${PDFINFO}`,
    !pgTools && `pg_dump and pg_restore (postgresql-client) at ${PG_DUMP}, ${PG_RESTORE}`,
  ].filter(Boolean);
  if (missing.length && ci) throw new Error(`CI=true but these are missing: ${missing.join(', ')}. They must run in CI.`);
  for (const what of missing) process.stdout.write(`\nSKIPPING the suites that need ${what} (not found on this machine).\n`);
  project.provide('postgresUrl', postgres ? POSTGRES_ADMIN_URL : null);
  project.provide('chromiumPath', chromium ? CHROMIUM : null);
  project.provide('psppPath', pspp ? PSPP : null);
  project.provide('rscriptPath', rscript ? RSCRIPT : null);
  project.provide('pdfinfoPath', pdfinfo ? PDFINFO : null);
  project.provide('pgDumpPath', pgTools ? PG_DUMP : null);
  project.provide('pgRestorePath', pgTools ? PG_RESTORE : null);
}
