import { CompiledQuery, sql } from 'kysely';
import { expect, it } from 'vitest';
import { arrayRowTexts, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest, migrationNames } from '../../src/db/migrate.ts';
import { envFor, runCliProcess } from '../helpers/cli.ts';
import { createTestDatabase, describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';

describeEachDatabase('database and migrations', (dialect) => {
  it('migrates an empty database, and a second run changes nothing', async () => {
    const testDb = await createTestDatabase(dialect);
    const handle = openDatabase(testDb.database);
    const close = async () => {
      await handle.close();
      await testDb.dispose();
    };
    expect(await migrateToLatest(handle.db)).toEqual(migrationNames());
    expect(await migrateToLatest(handle.db)).toEqual([]);
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['organisations', 'users', 'memberships', 'teams', 'team_members', 'invitations', 'sessions', 'audit_events']),
    );
    await close();
  });

  it('two processes started at once migrate once', { timeout: 120_000 }, async () => {
    const testDb = await createTestDatabase(dialect);
    const env = envFor(testDb.database);
    const [first, second] = await Promise.all([runCliProcess(['migrate'], env), runCliProcess(['migrate'], env)]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const applied = [first.stdout, second.stdout].filter((out) => out.startsWith('Applied:'));
    expect(applied).toHaveLength(1);
    const handle = openDatabase(testDb.database);
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
    expect(rows.rows.map((r) => r.name)).toEqual(migrationNames());
    await handle.close();
    await testDb.dispose();
  });

  it('enforces foreign keys', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    await expect(
      handle.db.insertInto('memberships').values({ organisation_id: 'no-such-org', user_id: 'no-such-user', role: 'member', created_at: '' }).execute(),
    ).rejects.toThrow();
    await close();
  });

  it('answers the rows of a text in arrayRowTexts as arrays', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    const text = "select 1 as one, 'two' as two union all select 3, 'four'";
    const plain = `${text} union all select 5, 'six'`;
    arrayRowTexts.add(text);
    const rows = (await handle.db.executeQuery(CompiledQuery.raw(text))).rows;
    expect(rows).toEqual([
      [1, 'two'],
      [3, 'four'],
    ]);
    // Every other text keeps its objects.
    expect((await handle.db.executeQuery(CompiledQuery.raw(plain))).rows).toHaveLength(3);
    expect((await handle.db.executeQuery(CompiledQuery.raw(plain))).rows[2]).toEqual({ one: 5, two: 'six' });
    await close();
  });

  if (dialect === 'sqlite') {
    it('runs SQLite in WAL mode with synchronous=FULL and foreign keys on', async () => {
      const { handle, close } = await openTestDatabase('sqlite');
      expect(handle.sqlite?.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(handle.sqlite?.pragma('synchronous', { simple: true })).toBe(2);
      expect(handle.sqlite?.pragma('foreign_keys', { simple: true })).toBe(1);
      await close();
    });
  }
});
