import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { setupRound } from '../../bench/lib/setup-round.ts';
import { loadConfig } from '../../src/config.ts';
import { programEntry } from './cli.ts';
import { createDemoTestDatabase, type TestDatabase } from './databases.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const NGINX = '/usr/sbin/nginx';
export const hasNginx = fs.existsSync(NGINX);

export type Answer = { status: number; body: string; cookies: string[]; headers: Record<string, string | string[] | undefined>; upstream: number | undefined };

export type NginxPair = {
  appPorts: [number, number];
  httpsPort: number;
  httpPort: number;
  apps: ChildProcess[];
  testDb: TestDatabase;
  round: Awaited<ReturnType<typeof setupRound>>;
  /** A request through nginx over HTTPS; `upstream` is the app port that answered; `from` a local address to send from (127.0.0.2: another client). */
  request: (method: string, url: string, headers: Record<string, string>, body?: string, from?: string) => Promise<Answer>;
  /** nginx hands requests to the two processes in turn: after this, the next request goes to `port`. */
  nextOn: (port: number) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * deploy/nginx.conf as shipped, with only the lines marked `# test:` pointed at the test's ports and
 * files. With `showUpstream`, each answer also names the app port that gave it (X-Upstream), so a test
 * can tell which process answered; nothing else changes.
 */
function adaptedSite(dir: string, ports: { app: number[]; http: number; https: number }, showUpstream: boolean): string {
  const site = fs.readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
  const replaced = site
    .split('\n')
    .map((line) => {
      const marker = /# test: (\w+)$/.exec(line)?.[1];
      if (marker === 'upstream') return ports.app.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join('\n');
      if (marker === 'http') return `    listen 127.0.0.1:${ports.http};`;
      if (marker === 'https') return `    listen 127.0.0.1:${ports.https} ssl http2;`;
      if (marker === 'certificate') return `    ssl_certificate ${dir}/cert.pem;`;
      if (marker === 'key') return `    ssl_certificate_key ${dir}/key.pem;`;
      if (showUpstream && line.trim() === 'proxy_pass http://kruisbestuiving;') return `${line}\n        add_header X-Upstream $upstream_addr always;`;
      return line;
    })
    .join('\n');
  expect(replaced.match(/127\.0\.0\.1:/g)?.length).toBe(4);
  return replaced;
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

/** Whether nothing listens on the port at this moment (on 127.0.0.1). */
const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/**
 * Four ports in a row that are free, from `start` on. Below Linux's ephemeral range (32768 and up),
 * where the machine's outgoing connections take their local ports (one once took nginx's), and
 * checked, since other services listen there too.
 */
async function freeBlock(start: number): Promise<number> {
  for (let base = start; base < start + 400; base += 4) {
    const free = await Promise.all([0, 1, 2, 3].map((i) => isFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no four free ports from ${start}`);
}

/**
 * A new PostgreSQL database with the demo organisation and an open round, two app processes
 * (`kruisbestuiving start`, WORKERS=1 each) on it, and nginx with deploy/nginx.conf in front.
 */
export async function startNginxPair(options: { portSlot: number; appEnv?: Record<string, string>; showUpstream?: boolean }): Promise<NginxPair> {
  const basePort = await freeBlock(20_000 + ((process.pid * 2 + options.portSlot) % 3_000) * 4);
  const appPorts: [number, number] = [basePort, basePort + 1];
  const httpsPort = basePort + 2;
  const httpPort = basePort + 3;
  const testDb = await createDemoTestDatabase('postgres');
  if (testDb.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-nginx-'));
  fs.chmodSync(dir, 0o755);
  const env = { DATABASE_URL: testDb.database.url, DATA_DIR: dir, PUBLIC_URL: 'https://kruisbestuiving.example.org' };
  const round = await setupRound(loadConfig(env), { demoLoaded: true });
  const apps = appPorts.map((port) =>
    spawn(process.execPath, [programEntry(), 'start'], {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        WORKERS: '1',
        LOG_LEVEL: 'warn',
        TRUST_PROXY: '1',
        RESPONDENT_RATE_LIMIT: '10000',
        ...options.appEnv,
      },
      stdio: 'ignore',
    }),
  );
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
    { stdio: 'ignore' },
  );
  fs.writeFileSync(
    `${dir}/nginx.conf`,
    `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents {}\nhttp {\n` +
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;\n` +
      `${adaptedSite(dir, { app: appPorts, http: httpPort, https: httpsPort }, options.showUpstream ?? false)}\n}\n`,
  );
  await Promise.all(appPorts.map((port) => waitUntil(`http://127.0.0.1:${port}/readyz`)));
  const nginx = spawn(NGINX, ['-c', `${dir}/nginx.conf`, '-p', dir], { stdio: 'ignore' });

  const request = (method: string, url: string, headers: Record<string, string>, body?: string, from?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = https.request(
        `https://127.0.0.1:${httpsPort}${url}`,
        {
          method,
          rejectUnauthorized: false,
          agent: false,
          ...(from ? { localAddress: from } : {}),
          headers: { host: 'kruisbestuiving.example.org', ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const upstream = /:(\d+)$/.exec(String(res.headers['x-upstream'] ?? ''))?.[1];
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString(),
              cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? ''),
              headers: res.headers,
              upstream: upstream ? Number(upstream) : undefined,
            });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await request('GET', '/healthz', {})).status === 200) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`nginx did not start: ${fs.existsSync(`${dir}/error.log`) ? fs.readFileSync(`${dir}/error.log`, 'utf8') : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  const nextOn = async (port: number) => {
    for (let i = 0; i < 4; i++) if ((await request('GET', '/healthz', {})).upstream !== port) return;
    throw new Error(`nginx sent every request to ${port}`);
  };

  const stop = async () => {
    for (const child of [nginx, ...apps]) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await testDb.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { appPorts, httpsPort, httpPort, apps, testDb, round, request, nextOn, stop };
}
