import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { envFor, runCli } from '../helpers/cli.ts';
import { createTestDatabase, describeEachDatabase } from '../helpers/databases.ts';

describeEachDatabase('passwords on the command line', (dialect) => {
  it('refuses a breached password for a new account or a reset, and prints a one-time reset link', { timeout: 120_000 }, async () => {
    const testDb = await createTestDatabase(dialect, { migrated: true });
    const env = { ...envFor(testDb.database), PUBLIC_URL: 'https://kb.example.org' };

    const breached = await runCli(['user', 'add', '--email', 'lid@example.org', '--name', 'Lid', '--password-stdin'], env, 'password1234\n');
    expect(breached.code).toBe(1);
    expect(breached.stderr).toMatch(/^Password: This password is too well known: it is on a list of common or leaked passwords\./);
    const added = await runCli(['user', 'add', '--email', 'lid@example.org', '--name', 'Lid', '--password-stdin'], env, 'een lang genoeg wachtwoord\n');
    expect(added.code, added.stderr).toBe(0);

    const own = await runCli(['user', 'reset-password', 'lid@example.org', '--password-stdin'], env, 'lid@example.org!!\n');
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/^Password: This password looks like your name, your e-mail address or the name Kruisbestuiving\./);

    const link = await runCli(['user', 'reset-link', 'lid@example.org'], env);
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toMatch(
      /^Reset link for lid@example\.org \(works once, until \d{4}-\d\d-\d\dT[\d:.]+Z\):\nhttps:\/\/kb\.example\.org\/reset-password#[A-Za-z0-9_-]{43}\n$/,
    );
    expect((await runCli(['user', 'reset-link', 'niemand@example.org'], env)).stderr).toMatch(/No active account/);
    expect((await runCli(['user', 'reset-link', 'lid@example.org'], envFor(testDb.database))).stderr).toMatch(/Set PUBLIC_URL/);

    const handle = openDatabase(testDb.database);
    const audit = await handle.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'user.password_reset_requested').execute();
    expect(audit).toEqual([{ action: 'user.password_reset_requested', details: JSON.stringify({ by: 'cli', delivery: 'link' }) }]);
    await handle.close();
    await testDb.dispose();
  });
});
