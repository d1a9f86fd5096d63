import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Config } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export type Dialect = 'sqlite' | 'postgres';

/** A fresh database of the given kind: a new SQLite file, or a new PostgreSQL database. */
export type TestDatabase = { dialect: Dialect; database: Config['database']; dispose: () => Promise<void> };

/**
 * A new database, empty, or (`migrated`) a copy of the template the global setup migrated once per
 * run (test/helpers/global-setup.ts): copying is much cheaper than running every migration again.
 */
export async function createTestDatabase(dialect: Dialect, { migrated = false } = {}): Promise<TestDatabase> {
  // Named after the run's template, so the global teardown finds (and drops) every database of this run.
  const name = `${inject('testDatabasePrefix')}${Math.random().toString(36).slice(2, 10)}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-test-'));
    const template = migrated ? inject('sqliteTemplate') : null;
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
  const template = migrated ? inject('postgresTemplate') : null;
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
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

/** Opens a fresh migrated database (a copy of the run's template; migrating finds nothing left to do). */
export async function openTestDatabase(dialect: Dialect): Promise<{ handle: DatabaseHandle; testDb: TestDatabase; close: () => Promise<void> }> {
  const testDb = await createTestDatabase(dialect, { migrated: true });
  const handle = openDatabase(testDb.database);
  await migrateToLatest(handle.db);
  return {
    handle,
    testDb,
    close: async () => {
      await handle.close();
      await testDb.dispose();
    },
  };
}

/** Runs a suite once on SQLite and once on PostgreSQL (skipped, and said so, only outside CI when PostgreSQL is absent). */
export function describeEachDatabase(name: string, suite: (dialect: Dialect) => void): void {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  const run = inject('postgresUrl') ? describe : describe.skip;
  run(`${name} [postgres]`, () => suite('postgres'));
}
