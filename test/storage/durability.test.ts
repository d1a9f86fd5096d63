import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { expect, it } from 'vitest';
import { setupRound } from '../../bench/lib/setup-round.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { BIN, envFor } from '../helpers/cli.ts';
import { createTestDatabase, describeEachDatabase } from '../helpers/databases.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

describeEachDatabase('an acknowledged answer is on disk', (dialect) => {
  it('survives the server being killed (SIGKILL) right after the acknowledgements', async () => {
    const testDb = await createTestDatabase(dialect);
    const env = envFor(testDb.database);
    const config = loadConfig(env);
    const { token, instrument } = await setupRound(config);
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', PORT: String(port), ...env },
      stdio: 'ignore',
      cwd: path.resolve(import.meta.dirname, '../..'),
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${base}/readyz`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 50));
    }
    const csrf = await fetch(`${base}/api/csrf`);
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { token: csrfToken } = (await csrf.json()) as { token: string };
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(await (await fetch(`${base}/r/${token}`)).text())?.[1] ?? '';
    const pick = seededPick(3);
    const acknowledged: string[] = [];
    await Promise.all(
      Array.from({ length: 60 }, async () => {
        const responseId = crypto.randomUUID();
        const response = await fetch(`${base}/api/r/${token}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
          body: JSON.stringify({ responseId, language: 'nl', consentVersion, answers: sampleAnswers(instrument, pick) }),
        });
        if (response.ok) acknowledged.push(responseId);
      }),
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(acknowledged).toHaveLength(60);

    const handle = openDatabase(testDb.database);
    const stored = await handle.db.selectFrom('responses').select('id').where('status', '=', 'complete').where('id', 'in', acknowledged).execute();
    expect(stored).toHaveLength(acknowledged.length);
    const answerRows = await handle.db.selectFrom('answers').select('response_id').where('response_id', 'in', acknowledged).execute();
    expect(new Set(answerRows.map((r) => r.response_id)).size).toBe(acknowledged.length);
    await handle.close();
    await testDb.dispose();
  }, 60_000);
});
