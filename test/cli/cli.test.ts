import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { demoPeople } from '../../src/modules/demo/accounts.ts';
import { demoStoryColleagues } from '../../src/modules/demo/stories.ts';
import { envFor, runCli, runCliProcess } from '../helpers/cli.ts';
import { createTestDatabase, describeEachDatabase } from '../helpers/databases.ts';

it('every command explains itself with --help', { timeout: 120_000 }, async () => {
  const commands = [
    [],
    ['start'],
    ['migrate'],
    ['demo'],
    ['user'],
    ['user', 'add'],
    ['user', 'reset-password'],
    ['user', 'reset-two-factors'],
    ['user', 'reset-link'],
    ['backup'],
    ['restore'],
    ['person', 'erase'],
    ['retention', 'run'],
    ['audit', 'verify'],
  ];
  // The program's own help from a real process of the entry file (bin/kruisbestuiving.js through tsx); the others in-process.
  const results = await Promise.all(
    commands.map((args, i) => (i === 0 ? runCliProcess([...args, '--help'], {}, undefined, { bin: true }) : runCli([...args, '--help'], {}))),
  );
  for (const [i, result] of results.entries()) {
    expect(result.code, commands[i]?.join(' ')).toBe(0);
    expect(result.stdout).toMatch(/Usage: kruisbestuiving/);
  }
  expect(results[0]?.stdout).toMatch(/backup <file>/);
});

it('a bad setting is a readable error, not a stack trace', { timeout: 60_000 }, async () => {
  // A real process: the exit code the shell sees.
  const result = await runCliProcess(['migrate'], { PORT: 'many' });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/Invalid configuration:\n {2}PORT/);
  expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
});

describeEachDatabase('command line', (dialect) => {
  it('adds a user to a new organisation, resets the password, and loads the demo twice', { timeout: 180_000 }, async () => {
    const testDb = await createTestDatabase(dialect);
    const env = envFor(testDb.database);
    const added = await runCli(
      ['user', 'add', '--email', 'Eerste@Example.org', '--name', 'Eerste Beheerder', '--org', 'Zorg Oost', '--role', 'admin', '--sector', 'jeugdhulp'],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Created organisation "Zorg Oost" \(jeugdhulp\)/);
    expect(added.stdout).toMatch(/Password \(shown once\): \S{20,}/);

    const duplicate = await runCli(['user', 'add', '--email', 'eerste@example.org', '--name', 'Dubbel'], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exist/);

    const badRole = await runCli(['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'king'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/^Role:/);

    // A real process: the password comes through the process's standard input.
    const reset = await runCliProcess(['user', 'reset-password', 'eerste@example.org', '--password-stdin'], env, 'een nieuw lang wachtwoord\n');
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/all their sessions were ended/);
    expect(reset.stdout).not.toMatch(/shown once/);
    expect((await runCli(['user', 'reset-password', 'niemand@example.org'], env)).stderr).toMatch(/No account/);

    for (let i = 0; i < 2; i++) {
      const demo = await runCli(['demo'], env);
      expect(demo.code, demo.stderr).toBe(0);
      expect(demo.stdout).toMatch(/beheerder@demo\.kruisbestuiving\.org/);
      expect(demo.stdout).toMatch(/praktijkwerker@demo\.kruisbestuiving\.org/);
    }
    const handle = openDatabase(testDb.database);
    const organisations = await handle.db.selectFrom('organisations').select('name').orderBy('name').execute();
    expect(organisations.map((o) => o.name)).toEqual(['De Brug GGZ (demo)', 'Zorg Oost']);
    const demoMembers = await handle.db
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .select('memberships.role')
      .where('organisations.name', '=', 'De Brug GGZ (demo)')
      .execute();
    // Each demo person once (the stories demo adds two colleagues as members), however often it is loaded.
    const expected = [...demoPeople.map((p) => p.role), ...demoStoryColleagues.map(() => 'member')].sort();
    expect(demoMembers.map((m) => m.role).sort()).toEqual(expected);
    await handle.close();
    await testDb.dispose();
  });

  if (dialect === 'sqlite') {
    it('backs up and restores the SQLite database', { timeout: 120_000 }, async () => {
      const testDb = await createTestDatabase('sqlite');
      const env = envFor(testDb.database);
      await runCli(['demo'], env);
      const backupFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-backup-')), 'backup.sqlite');
      const backup = await runCli(['backup', backupFile], env);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout + backup.stderr).toMatch(/100% \| (\d+)\/\1 pages/);
      expect((await runCli(['backup', backupFile], env)).stderr).toMatch(/already exists/);

      await runCli(['user', 'add', '--email', 'na-backup@example.org', '--name', 'Later'], env);
      const restored = await runCli(['restore', backupFile], env);
      expect(restored.code, restored.stderr).toBe(0);
      const handle = openDatabase(testDb.database);
      const emails = (await handle.db.selectFrom('users').select('email').execute()).map((u) => u.email);
      expect(emails).toContain('beheerder@demo.kruisbestuiving.org');
      expect(emails).not.toContain('na-backup@example.org');
      await handle.close();

      const notABackup = path.join(path.dirname(backupFile), 'junk.sqlite');
      fs.writeFileSync(notABackup, 'not a database');
      const refused = await runCli(['restore', notABackup], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/not a readable Kruisbestuiving backup; nothing was changed/);
      await testDb.dispose();
    });
  } else {
    it('on PostgreSQL, backup and restore say how to use pg_dump and pg_restore', { timeout: 60_000 }, async () => {
      const env = { DATABASE_URL: 'postgres://kb:geheim@127.0.0.1:5432/kb' };
      const backup = await runCli(['backup', 'kb.dump'], env);
      expect(backup.code).toBe(1);
      expect(backup.stderr).toMatch(/pg_dump --format=custom --file "kb.dump"/);
      expect(backup.stderr).not.toContain('geheim');
      expect((await runCli(['restore', 'kb.dump'], env)).stderr).toMatch(/pg_restore/);
    });
  }
});
