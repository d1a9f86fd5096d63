import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Config } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.ts';

export type Dialect = 'sqlite' | 'postgres';

/** A fresh database of the given kind: a new SQLite file, or a new PostgreSQL database. */
export type TestDatabase = { dialect: Dialect; database: Config['database']; dispose: () => Promise<void> };

/**
 * A new database, empty, or (`migrated`) a copy of the template the global setup migrated once per
 * run (test/helpers/global-setup.ts): copying is much cheaper than running every migration again.
 * Not `durable`: a PostgreSQL commit does not wait for its WAL to reach the disk (synchronous_commit off), for
 * in-process app tests that no power loss can reach; commits are as visible and as atomic as before.
 */
export async function createTestDatabase(
  dialect: Dialect,
  { migrated = false, from, durable = true }: { migrated?: boolean; from?: TestDatabase; durable?: boolean } = {},
): Promise<TestDatabase> {
  // Named after the run's template, so the global teardown finds (and drops) every database of this run.
  const name = `${inject('testDatabasePrefix')}${Math.random().toString(36).slice(2, 10)}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-test-'));
    const template = from?.database.kind === 'sqlite' ? from.database.file : migrated ? inject('sqliteTemplate') : null;
    if (template) fs.copyFileSync(template, path.join(dir, 'kruisbestuiving.sqlite'));
    return {
      dialect,
      database: { kind: 'sqlite', file: path.join(dir, 'kruisbestuiving.sqlite') },
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const template = from?.database.kind === 'postgres' ? new URL(from.database.url).pathname.slice(1) : migrated ? inject('postgresTemplate') : null;
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  if (!durable) await admin.query(`alter database ${name} set synchronous_commit = off`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    database: { kind: 'postgres', url: url.toString() },
    // Dropped by the global teardown, all at once: every DROP DATABASE waits for a checkpoint, which
    // PostgreSQL shares between drops that run together but makes each lone drop take seconds.
    dispose: async () => {},
  };
}

export type OpenedTestDatabase = { handle: DatabaseHandle; testDb: TestDatabase; close: () => Promise<void> };

/**
 * Opens a test database; `close` closes it and removes it. Not `durable`: SQLite commits do not wait for the disk
 * (synchronous=NORMAL in WAL mode: safe against a crash of the process, not against a power loss); the app opens its
 * files with synchronous=FULL, which test/storage/database.test.ts checks.
 */
function opened(testDb: TestDatabase, durable = true): OpenedTestDatabase {
  const handle = openDatabase(testDb.database);
  if (!durable) handle.sqlite?.pragma('synchronous = NORMAL');
  return {
    handle,
    testDb,
    close: async () => {
      await handle.close();
      await testDb.dispose();
    },
  };
}

/** Opens a fresh database migrated up to and including `migration` (a test of a later data migration). */
export async function openTestDatabaseAt(dialect: Dialect, migration: string): Promise<OpenedTestDatabase> {
  const database = opened(await createTestDatabase(dialect));
  await migrateUpTo(database.handle.db, migration);
  return database;
}

/** Opens a fresh migrated database (a copy of the run's template; migrating finds nothing left to do). */
export async function openTestDatabase(dialect: Dialect, { durable = true } = {}): Promise<OpenedTestDatabase> {
  const database = opened(await createTestDatabase(dialect, { migrated: true, durable }), durable);
  await migrateToLatest(database.handle.db);
  return database;
}

/**
 * Per worker, dialect and with or without photos, the demo organisation is loaded once (about a second of CPU each
 * time) into a copy of the migrated template, its photos in a folder of their own; `openDemoDatabase` copies both.
 */
const demoTemplates = new Map<string, Promise<{ testDb: TestDatabase; dataDir: string }>>();

async function makeDemoTemplate(dialect: Dialect, photos: boolean): Promise<{ testDb: TestDatabase; dataDir: string }> {
  const [{ loadConfig }, { systemClock }, { loadDemo }, { createPhotoStorage }] = await Promise.all([
    import('../../src/config.ts'),
    import('../../src/core/clock.ts'),
    import('../../src/modules/demo/service.ts'),
    import('../../src/modules/stories/photo-storage.ts'),
  ]);
  const testDb = await createTestDatabase(dialect, { migrated: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-demo-'));
  process.once('exit', () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (testDb.database.kind === 'sqlite') fs.rmSync(path.dirname(testDb.database.file), { recursive: true, force: true });
  });
  const config = { ...loadConfig({}), dataDir, database: testDb.database };
  const handle = openDatabase(testDb.database);
  try {
    await loadDemo({ db: handle.db, dialect: handle.dialect, clock: systemClock, config }, photos ? { photoStorage: await createPhotoStorage(config) } : {});
  } finally {
    await handle.close();
  }
  return { testDb, dataDir };
}

/**
 * A fresh migrated database with the demo organisation loaded as `loadDemo` leaves it: with its photos (a photo
 * storage in `dataDir`, where they are copied to) or, like `loadDemo(ctx)`, without. A copy of a template.
 */
export async function openDemoDatabase(
  dialect: Dialect,
  { dataDir, photos, durable = true }: { dataDir: string; photos: boolean; durable?: boolean },
): Promise<OpenedTestDatabase> {
  const demo = await demoTemplate(dialect, photos);
  fs.cpSync(demo.dataDir, dataDir, { recursive: true });
  return opened(await createTestDatabase(dialect, { from: demo.testDb, durable }), durable);
}

function demoTemplate(dialect: Dialect, photos: boolean): Promise<{ testDb: TestDatabase; dataDir: string }> {
  let template = demoTemplates.get(`${dialect} ${photos}`);
  if (!template) {
    template = makeDemoTemplate(dialect, photos);
    demoTemplates.set(`${dialect} ${photos}`, template);
  }
  return template;
}

/**
 * A new database (durable, not opened) with the demo organisation as `loadDemo` leaves it without photos: a copy of the
 * worker's demo template, for a server process or the command line (`setupRound(config, { demoLoaded: true })`).
 */
export async function createDemoTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  return createTestDatabase(dialect, { from: (await demoTemplate(dialect, false)).testDb });
}

/** Runs a suite once on SQLite and once on PostgreSQL (skipped, and said so, only outside CI when PostgreSQL is absent). */
export function describeEachDatabase(name: string, suite: (dialect: Dialect) => void): void {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  const run = inject('postgresUrl') ? describe : describe.skip;
  run(`${name} [postgres]`, () => suite('postgres'));
}
