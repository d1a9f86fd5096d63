import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { envFor, runCli } from '../helpers/cli.ts';
import { createTestDatabase, describeEachDatabase } from '../helpers/databases.ts';

describeEachDatabase('command line: removing the second factors of someone who lost them all', (dialect) => {
  it('removes app, passkeys and recovery codes of that account only, and records it', { timeout: 120_000 }, async () => {
    const testDb = await createTestDatabase(dialect, { migrated: true });
    const env = envFor(testDb.database);
    for (const email of ['kwijt@example.org', 'ander@example.org']) {
      const added = await runCli(['user', 'add', '--email', email, '--name', 'Iemand'], env);
      expect(added.code, added.stderr).toBe(0);
    }
    const handle = openDatabase(testDb.database);
    try {
      const users = await handle.db.selectFrom('users').select(['id', 'email']).execute();
      const now = new Date().toISOString();
      for (const user of users) {
        await handle.db.insertInto('totp_factors').values({ user_id: user.id, secret: 'JBSWY3DPEHPK3PXP', confirmed_at: now, created_at: now }).execute();
        await handle.db
          .insertInto('recovery_codes')
          .values({ code_hash: `hash-${user.id}`, user_id: user.id, created_at: now, used_at: null })
          .execute();
        await handle.db
          .insertInto('passkeys')
          .values({
            id: `key-${user.id}`,
            user_id: user.id,
            public_key: 'AAAA',
            counter: 0,
            transports: '',
            name: 'Sleutel',
            created_at: now,
            last_used_at: null,
          })
          .execute();
      }
      const reset = await runCli(['user', 'reset-two-factors', 'kwijt@example.org'], env);
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.stdout).toMatch(/Removed the authenticator app, passkeys and recovery codes of kwijt@example\.org/);
      const owners = async (table: 'totp_factors' | 'recovery_codes' | 'passkeys') =>
        (await handle.db.selectFrom(table).innerJoin('users', 'users.id', `${table}.user_id`).select('users.email').execute()).map((r) => r.email);
      for (const table of ['totp_factors', 'recovery_codes', 'passkeys'] as const) expect(await owners(table), table).toEqual(['ander@example.org']);
      const audit = await handle.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'user.factor_removed').execute();
      expect(audit).toEqual([{ action: 'user.factor_removed', details: '{"kind":"all","source":"cli"}' }]);
      expect((await runCli(['user', 'reset-two-factors', 'niemand@example.org'], env)).stderr).toMatch(/No account/);
    } finally {
      await handle.close();
      await testDb.dispose();
    }
  });
});
