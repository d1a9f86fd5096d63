import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { envFor, runCli, runCliProcess } from '../helpers/cli.ts';
import { createDemoTestDatabase, createTestDatabase, describeEachDatabase, type TestDatabase } from '../helpers/databases.ts';
import { respondentOf, startServer } from '../helpers/server-process.ts';
import { type Planned, reportTally, roundWithPlan, tallyByHand } from '../helpers/submissions.ts';

const run = promisify(execFile);
const pgDump = inject('pgDumpPath');
const pgRestore = inject('pgRestorePath');

/** The way an operator backs up each database: the CLI's online backup (SQLite), pg_dump (PostgreSQL). */
async function backUp(testDb: TestDatabase, env: Record<string, string>, file: string): Promise<void> {
  if (testDb.database.kind === 'sqlite') {
    // A process of its own, as an operator runs it: in this process the backup would hold up the
    // respondents sending answers meanwhile, and none would be acknowledged during it.
    const result = await runCliProcess(['backup', file], env);
    expect(result.code, result.stderr).toBe(0);
  } else {
    await run(pgDump ?? 'pg_dump', ['--format=custom', '--file', file, testDb.database.url]);
  }
}

/** Restores into a new, empty database and returns it. */
async function restore(testDb: TestDatabase, file: string): Promise<TestDatabase> {
  const target = await createTestDatabase(testDb.dialect);
  if (target.database.kind === 'sqlite') {
    const result = await runCli(['restore', file], envFor(target.database));
    expect(result.code, result.stderr).toBe(0);
  } else {
    await run(pgRestore ?? 'pg_restore', ['--no-owner', '--dbname', target.database.url, file]);
    const migrated = await runCli(['migrate'], envFor(target.database));
    expect(migrated.code, migrated.stderr).toBe(0);
  }
  return target;
}

describeEachDatabase('a backup made while answers arrive', (dialect) => {
  it.skipIf(dialect === 'postgres' && (!pgDump || !pgRestore))(
    'restores to a database whose report equals the answers acknowledged before it, each response whole',
    async () => {
      const testDb = await createDemoTestDatabase(dialect);
      const { env, token, plan } = await roundWithPlan(testDb, 120, 23);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-backup-'));
      const file = path.join(dir, dialect === 'sqlite' ? 'backup.sqlite' : 'backup.dump');
      // A long read (an export, say) runs meanwhile: on SQLite it keeps new commits in the WAL file,
      // out of the main file, so a backup that copied only the main file would miss them.
      const reader = testDb.database.kind === 'sqlite' ? new SqliteDatabase(testDb.database.file) : undefined;
      reader?.exec('begin');
      reader?.prepare('select count(*) from responses').get();
      const server = await startServer(env);
      const submit = await respondentOf(server.base, token);
      const acknowledged: Planned[] = [];
      const refused: string[] = [];
      const queue = [...plan];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const outcome = await submit(next.id, next.answers);
          if (outcome !== 'no answer' && outcome.status === 200) acknowledged.push(next);
          else refused.push(`${next.id}: ${outcome === 'no answer' ? outcome : outcome.status}`);
        }
      };
      const workers = Array.from({ length: 8 }, worker);
      // Back up once a quarter of the answers are in, while the other workers keep sending.
      while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 20));
      const beforeBackup = new Set(acknowledged.map((p) => p.id));
      await backUp(testDb, env, file);
      const acknowledgedDuringBackup = acknowledged.length - beforeBackup.size;
      reader?.exec('commit');
      reader?.close();
      await Promise.all(workers);
      await server.kill9();
      expect(refused).toEqual([]);
      expect(acknowledged).toHaveLength(plan.length);
      // The backup really was made while answers kept arriving.
      expect(acknowledgedDuringBackup).toBeGreaterThan(0);

      const restored = await restore(testDb, file);
      const handle = openDatabase(restored.database);
      const inBackup = new Set(
        (await handle.db.selectFrom('responses').select('id').where('status', '=', 'complete').execute())
          .map((r) => r.id)
          .filter((id) => plan.some((p) => p.id === id)),
      );
      await handle.close();
      for (const id of beforeBackup) expect(inBackup, `acknowledged before the backup: ${id}`).toContain(id);
      const kept = plan.filter((p) => inBackup.has(p.id));
      const report = await reportTally(envFor(restored.database));
      expect(report.n).toBe(kept.length);
      expect(report.tally).toEqual(tallyByHand(kept));

      // And the live database reports every acknowledged answer.
      const live = await reportTally(env);
      expect(live.n).toBe(plan.length);
      expect(live.tally).toEqual(tallyByHand(acknowledged));
      await restored.dispose();
      await testDb.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    300_000,
  );
});
