/**
 * Foundation benchmarks, each against a baseline measured in the same run (ratios, not absolute
 * times): start-up and idle memory against a bare Node HTTP server; authenticated API requests
 * against the /healthz route of the same server (so the ratio is the cost of session, database and
 * serialisation). Run with `npm run bench`. Traffic stays on 127.0.0.1 and every loop is bounded.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const ROOT = path.resolve(import.meta.dirname, '..');
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);

type Started = { pid: number; ms: number; stop: () => void };

async function waitFor(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not answer`);
}

async function startProcess(args: string[], env: Record<string, string>, readyUrl: string): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: 'ignore' });
  await waitFor(readyUrl, Date.now() + 30_000);
  return { pid: child.pid ?? 0, ms: performance.now() - t0, stop: () => child.kill('SIGTERM') };
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 10, duration: DURATION_S, headers });
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-'));
  const baseline = await startProcess(['-e', "require('http').createServer((q,s)=>s.end('ok')).listen(3391,'127.0.0.1')"], {}, 'http://127.0.0.1:3391/');
  await new Promise((r) => setTimeout(r, 1000));
  const baselineRss = rssMiB(baseline.pid);
  baseline.stop();

  const app = await startProcess(['bin/kruisbestuiving.js', 'start', '--demo-if-empty'], { PORT: '3392', DATA_DIR: dataDir }, 'http://127.0.0.1:3392/readyz');
  await new Promise((r) => setTimeout(r, 1000));
  const appRss = rssMiB(app.pid);
  const warmStart = await (async () => {
    app.stop();
    await new Promise((r) => setTimeout(r, 500));
    return startProcess(['bin/kruisbestuiving.js', 'start'], { PORT: '3392', DATA_DIR: dataDir }, 'http://127.0.0.1:3392/readyz');
  })();

  const base = 'http://127.0.0.1:3392';
  const csrfResponse = await fetch(`${base}/api/csrf`);
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { token } = (await csrfResponse.json()) as { token: string };
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
    body: JSON.stringify({ email: 'beheerder@demo.kruisbestuiving.org', password: 'demo-kruisbestuiving' }),
  });
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const health = await load(`${base}/healthz`);
  const me = await load(`${base}/api/me`, { cookie: session });
  warmStart.stop();

  const rows = [
    [
      'start-up to /readyz, empty database (migrate + demo)',
      `${app.ms.toFixed(0)} ms`,
      `${(app.ms / baseline.ms).toFixed(1)}× bare Node (${baseline.ms.toFixed(0)} ms)`,
    ],
    ['start-up to /readyz, existing database', `${warmStart.ms.toFixed(0)} ms`, `${(warmStart.ms / baseline.ms).toFixed(1)}× bare Node`],
    ['idle memory (RSS) after start', `${appRss.toFixed(0)} MiB`, `${(appRss / baselineRss).toFixed(1)}× bare Node (${baselineRss.toFixed(0)} MiB)`],
    ['GET /healthz (no session, no database)', `${health.rps.toFixed(0)} req/s, p99 ${health.p99} ms`, 'baseline'],
    ['GET /api/me (session lookup + 3 queries)', `${me.rps.toFixed(0)} req/s, p99 ${me.p99} ms`, `${(me.rps / health.rps).toFixed(2)}× /healthz`],
  ];
  console.log(`\n| measure | result | ratio to baseline |\n|---|---|---|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
