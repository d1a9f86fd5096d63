import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

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
    /** A migrated SQLite file that test/helpers/databases.ts copies for every test database. */
    sqliteTemplate: string | null;
    /** A migrated PostgreSQL database (name) that test databases are created from. */
    postgresTemplate: string | null;
    /** The start of the name of every PostgreSQL test database of this run; the teardown drops them all. */
    testDatabasePrefix: string;
    /**
     * The server bundled from the sources once per run (scripts/build-server.js, as `npm run build` makes it): the
     * `cli.js` that test/helpers/server-process.ts starts as its own process. Null in the pure and browser tiers (`programEntry` then runs bin/kruisbestuiving.js).
     */
    serverBundle: string | null;
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

type Prepared = {
  provided: Omit<Record<keyof ProvidedContext, string | null>, 'testDatabasePrefix' | 'serverBundle'> & { testDatabasePrefix: string };
  users: number;
  cleanUp: () => Promise<void>;
};
const shared = globalThis as { kbTestSetup?: Promise<Prepared>; kbServerBundle?: Promise<string> };
const root = path.resolve(import.meta.dirname, '../..');

/**
 * Bundles the server into a folder of its own inside dist/ (Node finds node_modules from there; a build of
 * dist/server at the same time is left alone). A server process started from the bundle costs about 0.9 s of CPU
 * against 2 s through tsx, which loads and checks every source module at each start.
 */
async function buildServerBundle(): Promise<string> {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  const outdir = fs.mkdtempSync(path.join(root, 'dist', 'server-test-'));
  await promisify(execFile)(process.execPath, ['scripts/build-server.js', outdir], { cwd: root });
  return path.join(outdir, 'cli.js');
}

/**
 * Finds the real PostgreSQL (and its pg_dump/pg_restore), Chromium, GNU PSPP, R and poppler's pdfinfo. In CI (CI=true) all are required: a missing one fails
 * the run instead of silently skipping suites. Elsewhere the skipped suites are named plainly.
 * Vitest calls this for the root and again for each test project (tier) in the run; the work is done once.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.kbTestSetup ??= prepare();
  // The tiers that start server processes share one bundle per run (the root project, pure and browser start none).
  const startsServers = ['database', 'http'].includes(project.name);
  if (startsServers) shared.kbServerBundle ??= buildServerBundle();
  const [prepared, serverBundle] = await Promise.all([shared.kbTestSetup, startsServers ? shared.kbServerBundle : null]);
  prepared.users += 1;
  for (const [key, value] of Object.entries(prepared.provided)) project.provide(key as keyof ProvidedContext, value);
  project.provide('serverBundle', serverBundle ?? null);
  return async () => {
    prepared.users -= 1;
    if (prepared.users === 0) {
      const bundle = shared.kbServerBundle;
      shared.kbTestSetup = undefined;
      shared.kbServerBundle = undefined;
      await prepared.cleanUp();
      if (bundle) fs.rmSync(path.dirname(await bundle), { recursive: true, force: true });
    }
  };
}

async function prepare(): Promise<Prepared> {
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

  // One migrated template per run and dialect. The name is unique per run: other runs may share the server.
  const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-template-'));
  const sqliteTemplate = path.join(templateDir, 'template.sqlite');
  await migrated({ kind: 'sqlite', file: sqliteTemplate });
  const run = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const postgresTemplate = postgres ? `kb_template_${run}` : null;
  const testDatabasePrefix = `kb_test_${run}_`;
  if (postgresTemplate) {
    await admin((client) => client.query(`create database ${postgresTemplate}`));
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${postgresTemplate}`;
    await migrated({ kind: 'postgres', url: url.toString() });
  }
  return {
    provided: {
      postgresUrl: postgres ? POSTGRES_ADMIN_URL : null,
      chromiumPath: chromium ? CHROMIUM : null,
      psppPath: pspp ? PSPP : null,
      rscriptPath: rscript ? RSCRIPT : null,
      pdfinfoPath: pdfinfo ? PDFINFO : null,
      pgDumpPath: pgTools ? PG_DUMP : null,
      pgRestorePath: pgTools ? PG_RESTORE : null,
      sqliteTemplate,
      postgresTemplate,
      testDatabasePrefix,
    },
    users: 0,
    cleanUp: async () => {
      fs.rmSync(templateDir, { recursive: true, force: true });
      if (postgresTemplate) await dropDatabases(testDatabasePrefix, postgresTemplate);
    },
  };
}

async function migrated(database: Parameters<typeof openDatabase>[0]): Promise<void> {
  const handle = openDatabase(database);
  await migrateToLatest(handle.db);
  await handle.close();
}

/**
 * Drops this run's test databases (test/helpers/databases.ts leaves them), then the template. Several
 * at a time: each DROP DATABASE waits for a checkpoint, and drops that run together share one.
 */
async function dropDatabases(prefix: string, template: string): Promise<void> {
  const names: string[] = [];
  await admin(async (client) => {
    const rows = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]);
    names.push(...rows.rows.map((row) => row.datname));
  });
  const dropAll = async (): Promise<void> => {
    for (let name = names.pop(); name !== undefined; name = names.pop()) {
      await admin((client) => client.query(`drop database if exists ${name} with (force)`));
    }
  };
  await Promise.all(Array.from({ length: 8 }, dropAll));
  await admin((client) => client.query(`drop database if exists ${template} with (force)`));
}

async function admin(run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
