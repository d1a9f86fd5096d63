import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setupRound } from '../../bench/lib/setup-round.ts';
import { loadConfig } from '../../src/config.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { programEntry } from '../helpers/cli.ts';
import { createDemoTestDatabase, type TestDatabase } from '../helpers/databases.ts';

const root = path.resolve(import.meta.dirname, '../..');
const port = 20_000 + (process.pid % 10_000);
const base = `http://127.0.0.1:${port}`;

type Answer = { status: number; body: string; cookies: string[]; serverPid: number };

/**
 * One request on its own keep-alive connection, and the process that holds the server end of that
 * connection, read from the socket list (ss) while the connection is still open.
 */
function request(method: string, url: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${url}`, { method, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const clientPort = req.socket?.localPort;
        const sockets = execFileSync('ss', ['-tnpH', 'state', 'established', `( sport = :${port} and dport = :${clientPort} )`]).toString();
        const serverPid = Number(/pid=(\d+)/.exec(sockets)?.[1] ?? 0);
        agent.destroy();
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? ''),
          serverPid,
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.runIf(inject('postgresUrl'))('WORKERS=2 on PostgreSQL', () => {
  let testDb: TestDatabase;
  let primary: ChildProcess;
  let output = '';
  let dataDir: string;
  let token: string;
  let instrument: Awaited<ReturnType<typeof setupRound>>['instrument'];

  beforeAll(async () => {
    testDb = await createDemoTestDatabase('postgres');
    if (testDb.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-workers-'));
    const env = { DATABASE_URL: testDb.database.url, DATA_DIR: dataDir };
    ({ token, instrument } = await setupRound(loadConfig(env), { demoLoaded: true }));
    primary = spawn(process.execPath, [programEntry(), 'start'], {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(port), WORKERS: '2', LOG_LEVEL: 'warn', RESPONDENT_RATE_LIMIT: '10000', LOGIN_RATE_LIMIT: '1000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    primary.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const deadline = Date.now() + 90_000;
    while (!output.includes('Stop with Ctrl+C')) {
      if (Date.now() > deadline || primary.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 150_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) {
      const exited = new Promise((r) => primary.once('exit', r));
      primary.kill('SIGTERM');
      await exited;
    }
    await testDb?.dispose();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('two worker processes of the primary serve; sign-in, CSRF and a respondent answer work whichever answers', async () => {
    const workers = [...output.matchAll(/worker \d \(process (\d+)\) is serving requests/g)].map((m) => Number(m[1]));
    expect(new Set(workers).size).toBe(2);
    for (const pid of workers) {
      const parent = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      expect(parent).toBe(primary.pid);
    }
    expect(output).toContain('processes serving requests: 2');

    const served = new Set<number>();
    const crossings: string[] = [];
    const note = (_step: string, a: Answer) => {
      served.add(a.serverPid);
      return a;
    };
    // Sign in on one connection, use the session and the CSRF token on the next ones: connections are
    // handed to the workers in turn, so consecutive steps land on different processes.
    const csrf = note('csrf', await request('GET', '/api/csrf', {}));
    const csrfToken = (JSON.parse(csrf.body) as { token: string }).token;
    let cookies = csrf.cookies;
    const login = note(
      'login',
      await request(
        'POST',
        '/api/auth/login',
        { cookie: cookies.join('; '), 'x-csrf-token': csrfToken },
        JSON.stringify({ email: 'beheerder@demo.kruisbestuiving.org', password: 'demo-kruisbestuiving' }),
      ),
    );
    expect(login.status).toBe(200);
    if (login.serverPid !== csrf.serverPid) crossings.push('login');
    cookies = [...cookies.filter((c) => !login.cookies.some((n) => n.split('=')[0] === c.split('=')[0])), ...login.cookies];
    let previous = login.serverPid;
    for (let i = 0; i < 3; i++) {
      const me = note('me', await request('GET', '/api/me', { cookie: cookies.join('; ') }));
      expect(me.status).toBe(200);
      if (me.serverPid !== previous) crossings.push('session');
      previous = me.serverPid;
    }

    // Anonymous respondents: the CSRF token of one process is accepted by the other.
    const form = note('form', await request('GET', `/r/${token}`, {}));
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(form.body)?.[1] ?? '';
    const respondentCsrf = note('csrf', await request('GET', '/api/csrf', {}));
    const respondentToken = (JSON.parse(respondentCsrf.body) as { token: string }).token;
    const pick = seededPick(7);
    for (let i = 0; i < 4; i++) {
      const submitted = note(
        'submit',
        await request(
          'POST',
          `/api/r/${token}/responses`,
          { cookie: respondentCsrf.cookies.join('; '), 'x-csrf-token': respondentToken },
          JSON.stringify({ responseId: randomUUID(), language: 'nl', consentVersion, answers: sampleAnswers(instrument, pick) }),
        ),
      );
      expect(submitted.status, submitted.body).toBeLessThan(300);
      if (submitted.serverPid !== respondentCsrf.serverPid) crossings.push('respondent');
    }

    expect([...served].sort()).toEqual([...workers].sort());
    expect(crossings).toContain('session');
    expect(crossings).toContain('respondent');
  }, 120_000);
});

describe('how many processes serve', () => {
  it('SQLite always has one; PostgreSQL takes WORKERS, else one', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/x', WORKERS: '4' }).workers).toBe(1);
    expect(loadConfig({ DATA_DIR: '/tmp/x', WORKERS: '4', DATABASE_URL: 'postgres://h/db' }).workers).toBe(4);
    expect(loadConfig({ DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://h/db' }).workers).toBe(1);
    expect(() => loadConfig({ DATA_DIR: '/tmp/x', WORKERS: '0' })).toThrow(/WORKERS/);
  });
});
