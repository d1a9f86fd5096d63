import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { exemptPersonColumns, personColumns } from '../../src/modules/privacy/person-columns.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';

/** Columns whose name says they hold a person's id (…user_id, …_by) or the users table's own id. */
const looksLikePerson = (table: string, column: string) => /user_id$|_by$/.test(column) || (table === 'users' && column === 'id');

describeEachDatabase('every column that names a person is covered by export and erasure', (dialect) => {
  let handle: DatabaseHandle;
  let close: () => Promise<void>;
  beforeAll(async () => ({ handle, close } = await openTestDatabase(dialect)));
  afterAll(() => close());

  it('lists each such column of the real schema once, and nothing that is not there', async () => {
    const columns =
      dialect === 'sqlite'
        ? (
            await sql<{
              t: string;
              c: string;
            }>`select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table'`.execute(handle.db)
          ).rows
        : (
            await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = 'public'`.execute(
              handle.db,
            )
          ).rows;
    const inSchema = columns.filter((r) => looksLikePerson(r.t, r.c)).map((r) => `${r.t}.${r.c}`);
    const listed = [...personColumns, ...exemptPersonColumns].map((c) => `${c.table}.${c.column}`);
    expect([...listed].sort()).toEqual([...new Set(inSchema)].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('survey responses and answers hold no column that could name a person', async () => {
    const tables = ['responses', 'answers', 'round_links'];
    const columns = (
      await Promise.all(tables.map((t) => handle.db.introspection.getTables().then((all) => all.find((x) => x.name === t)?.columns ?? [])))
    ).flat();
    expect(columns.length).toBeGreaterThan(10);
    expect(columns.map((c) => c.name).filter((c) => /user|_by$|email|name/.test(c))).toEqual([]);
  });
});
