import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { EACH_ROW } from '../../src/db/database.ts';
import { openTestDatabase } from '../helpers/databases.ts';

/** SQLite: a one-row statement marked EACH_ROW runs once per row of the parameters given (db/database.ts). */
describe('a statement run for each row [sqlite]', () => {
  it('stores every row once, in order, and refuses parameters that do not fill whole rows', async () => {
    const { handle, close } = await openTestDatabase('sqlite');
    await sql`create table pairs (a text, b integer)`.execute(handle.db);
    const insert = `${EACH_ROW}insert into pairs (a, b) values (?, ?)`;
    const result = await handle.db.executeQuery(CompiledQuery.raw(insert, ['x', 1, 'y', 2, 'z', null]));
    expect(result.numAffectedRows).toBe(3n);
    const rows = await sql<{ a: string; b: number | null }>`select a, b from pairs order by rowid`.execute(handle.db);
    expect(rows.rows).toEqual([
      { a: 'x', b: 1 },
      { a: 'y', b: 2 },
      { a: 'z', b: null },
    ]);
    await expect(handle.db.executeQuery(CompiledQuery.raw(insert, ['w', 3, 'v']))).rejects.toThrow('3 parameters for rows of 2');
    await close();
  });
});
