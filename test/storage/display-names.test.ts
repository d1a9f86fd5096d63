import { expect, it } from 'vitest';
import { displayNames } from '../../src/db/display-names.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';

describeEachDatabase('display names by id', (dialect) => {
  it('gives each known id its name once, leaves unknown ids out, and reads nothing for no ids', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    const person = (id: string, name: string) => ({
      id,
      email: `${id}@example.org`,
      display_name: name,
      password_hash: 'x',
      language: 'nl',
      created_at: '2026-12-07T00:00:00.000Z',
      disabled_at: null,
    });
    await handle.db
      .insertInto('users')
      .values([person('u1', 'Anna de Vries'), person('u2', 'Bram Jansen'), person('u3', 'Chris')])
      .execute();
    const names = await displayNames(handle.db, ['u2', 'u1', 'u2', 'nobody']);
    expect([...names].sort()).toEqual([
      ['u1', 'Anna de Vries'],
      ['u2', 'Bram Jansen'],
    ]);
    expect((await displayNames(handle.db, [])).size).toBe(0);
    await close();
  });
});
