import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setupRound } from '../../bench/lib/setup-round.ts';
import { loadConfig } from '../../src/config.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

const root = path.resolve(import.meta.dirname, '../..');
const NGINX = '/usr/sbin/nginx';
const hasNginx = fs.existsSync(NGINX);
if (!hasNginx) console.warn('nginx is not installed (apt-get install -y nginx-light): the load balancer test is skipped');
const basePort = 30_000 + (process.pid % 5_000) * 4;
const appPorts = [basePort, basePort + 1];
const httpsPort = basePort + 2;
const httpPort = basePort + 3;

/** deploy/nginx.conf as shipped, with only the lines marked `# test:` pointed at this test's ports and files. */
function adaptedSite(dir: string): string {
  const site = fs.readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
  const replaced = site
    .split('\n')
    .map((line) => {
      const marker = /# test: (\w+)$/.exec(line)?.[1];
      if (marker === 'upstream') return appPorts.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join('\n');
      if (marker === 'http') return `    listen 127.0.0.1:${httpPort};`;
      if (marker === 'https') return `    listen 127.0.0.1:${httpsPort} ssl http2;`;
      if (marker === 'certificate') return `    ssl_certificate ${dir}/cert.pem;`;
      if (marker === 'key') return `    ssl_certificate_key ${dir}/key.pem;`;
      return line;
    })
    .join('\n');
  expect(replaced.match(/127\.0\.0\.1:/g)?.length).toBe(4);
  return replaced;
}

function startApp(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['bin/kruisbestuiving.js', 'start'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), WORKERS: '1', LOG_LEVEL: 'warn', TRUST_PROXY: '1', RESPONDENT_RATE_LIMIT: '10000' },
    stdio: 'ignore',
  });
}

async function waitUntil(url: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

type Answer = { status: number; body: string; cookies: string[]; location?: string };

function request(method: string, url: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `https://127.0.0.1:${httpsPort}${url}`,
      {
        method,
        rejectUnauthorized: false,
        agent: false,
        headers: { host: 'kruisbestuiving.example.org', ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? ''),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Connections nginx keeps open to an app port (upstream keepalive): > 0 once that process has answered. */
const connectionsTo = (port: number) =>
  execFileSync('ss', ['-tnH', 'state', 'established', `( dport = :${port} )`])
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean).length;

describe.runIf(hasNginx && inject('postgresUrl'))('deploy/nginx.conf in front of two app processes on PostgreSQL', () => {
  let testDb: TestDatabase;
  let dir: string;
  let apps: ChildProcess[] = [];
  let nginx: ChildProcess | undefined;
  let token: string;
  let instrument: Awaited<ReturnType<typeof setupRound>>['instrument'];

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres', { migrated: true });
    if (testDb.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-nginx-'));
    fs.chmodSync(dir, 0o755);
    const env = { DATABASE_URL: testDb.database.url, DATA_DIR: dir, PUBLIC_URL: 'https://kruisbestuiving.example.org' };
    ({ token, instrument } = await setupRound(loadConfig(env)));
    apps = appPorts.map((port) => startApp(env, port));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=kruisbestuiving.example.org',
        '-keyout',
        `${dir}/key.pem`,
        '-out',
        `${dir}/cert.pem`,
      ],
      {
        stdio: 'ignore',
      },
    );
    fs.writeFileSync(
      `${dir}/nginx.conf`,
      `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents {}\nhttp {\n` +
        `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;\n` +
        `${adaptedSite(dir)}\n}\n`,
    );
    await Promise.all(appPorts.map((port) => waitUntil(`http://127.0.0.1:${port}/readyz`)));
    nginx = spawn(NGINX, ['-c', `${dir}/nginx.conf`, '-p', dir], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        if ((await request('GET', '/healthz', {})).status === 200) break;
      } catch {}
      if (Date.now() > deadline)
        throw new Error(`nginx did not start: ${fs.existsSync(`${dir}/error.log`) ? fs.readFileSync(`${dir}/error.log`, 'utf8') : ''}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 180_000);

  afterAll(async () => {
    for (const child of [nginx, ...apps]) {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await testDb?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('plain HTTP is sent to HTTPS', async () => {
    const res = await fetch(`http://127.0.0.1:${httpPort}/`, { redirect: 'manual', headers: { host: 'kruisbestuiving.example.org' } });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('https://kruisbestuiving.example.org/');
  });

  it('sign-in, CSRF, the session and respondent answers work whichever process answers', async () => {
    const csrf = await request('GET', '/api/csrf', {});
    const csrfToken = (JSON.parse(csrf.body) as { token: string }).token;
    const login = await request(
      'POST',
      '/api/auth/login',
      { cookie: csrf.cookies.join('; '), 'x-csrf-token': csrfToken },
      JSON.stringify({ email: 'beheerder@demo.kruisbestuiving.org', password: 'demo-kruisbestuiving' }),
    );
    expect(login.status).toBe(200);
    const names = new Set(login.cookies.map((c) => c.split('=')[0]));
    const cookies = [...csrf.cookies.filter((c) => !names.has(c.split('=')[0])), ...login.cookies];
    for (let i = 0; i < 4; i++) expect((await request('GET', '/api/me', { cookie: cookies.join('; ') })).status).toBe(200);

    const form = await request('GET', `/r/${token}`, {});
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(form.body)?.[1] ?? '';
    const respondentCsrf = await request('GET', '/api/csrf', {});
    const respondentToken = (JSON.parse(respondentCsrf.body) as { token: string }).token;
    const pick = seededPick(3);
    for (let i = 0; i < 4; i++) {
      const submitted = await request(
        'POST',
        `/api/r/${token}/responses`,
        { cookie: respondentCsrf.cookies.join('; '), 'x-csrf-token': respondentToken },
        JSON.stringify({ responseId: randomUUID(), language: 'nl', consentVersion, answers: sampleAnswers(instrument, pick) }),
      );
      expect(submitted.status, submitted.body).toBeLessThan(300);
    }
    // nginx spread the requests over both app processes (round robin), keeping a connection to each.
    for (const port of appPorts) expect(connectionsTo(port)).toBeGreaterThan(0);
  }, 120_000);
});
