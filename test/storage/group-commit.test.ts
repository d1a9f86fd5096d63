import { expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { GroupCommitter } from '../../src/db/group-commit.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';

describeEachDatabase('group commit', (dialect) => {
  it('commits many concurrent writes in few transactions, each acknowledged after its commit', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    const committer = new GroupCommitter(handle.db, 50);
    const ids = Array.from({ length: 120 }, (_, i) => `team-${i}`);
    await handle.db.insertInto('organisations').values({ id: 'org', name: 'O', sector: 'ggz', disclosure_threshold: 5, created_at: '' }).execute();
    const acknowledged = await Promise.all(
      ids.map((id) =>
        committer.run(async (trx) => {
          await trx.insertInto('teams').values({ id, organisation_id: 'org', name: id, created_at: '' }).execute();
          return id;
        }),
      ),
    );
    expect(acknowledged).toEqual(ids);
    const stored = await handle.db.selectFrom('teams').select('id').execute();
    expect(stored).toHaveLength(120);
    await close();
  });

  it('a failing write is refused alone; the others in its batch are kept', async () => {
    const { handle, close } = await openTestDatabase(dialect);
    const committer = new GroupCommitter(handle.db);
    await handle.db.insertInto('organisations').values({ id: 'org', name: 'O', sector: 'ggz', disclosure_threshold: 5, created_at: '' }).execute();
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'bad', 'c'].map((id) =>
        committer.run(async (trx) => {
          if (id === 'bad') throw new AppError('validation_failed');
          await trx.insertInto('teams').values({ id, organisation_id: 'org', name: id, created_at: '' }).execute();
          return id;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await handle.db.selectFrom('teams').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    await close();
  });
});
