/**
 * Main-thread CPU per request of the app's fixed path (Fastify, node:http-free `inject`, the global
 * hooks): /healthz, a JSON API answer (/api/csrf) and the respondent form's first page, each fired
 * BENCH_REQUESTS times after a warm-up, read with process.cpuUsage(). To compare with an earlier
 * commit, run this file in turns from both checkouts (one process each: tsx compiles the pages of
 * another tree without this project's JSX settings).
 * Run: node --import tsx bench/http-overhead.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { openRuntime } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { App, AppOptions } from '../src/http/app.ts';
import { ROOT } from './lib/processes.ts';
import { setupRound } from './lib/setup-round.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

async function appOf(dir: string): Promise<{ app: App; token: string }> {
  const config = { ...loadConfig({ DATA_DIR: dir }), rateLimits: { loginPerMinute: 1e9, invitePerMinute: 1e9, respondentPerMinute: 1e9 } };
  const { token } = await setupRound(config);
  const runtime = await openRuntime(config);
  const { buildApp } = (await import(pathToFileURL(path.join(ROOT, 'src/http/app.ts')).href)) as { buildApp: (o: AppOptions) => Promise<App> };
  const stream = new Writable({
    write: (c, _e, done) => {
      if (process.env.BENCH_DEBUG) process.stderr.write(c);
      done();
    },
  });
  const app = await buildApp({ config, database: runtime.database, logger: { stream } });
  await app.ready();
  return { app, token };
}

/** µs of CPU (user + system) per request. */
async function measure(app: App, url: string, n: number): Promise<number> {
  const headers = { 'accept-language': 'nl', 'user-agent': 'Mozilla/5.0 bench', 'accept-encoding': 'br, gzip' };
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const dirs: string[] = [];
const apps: { label: string; app: App; token: string }[] = [];
try {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-hooks-'));
  dirs.push(dir);
  apps.push({ label: path.basename(ROOT), ...(await appOf(dir)) });
  const urls = (token: string) => ({ healthz: '/healthz', 'api/csrf': '/api/csrf', 'form page': `/r/${token}` });
  console.error(`load average at start: ${load()}`);
  const totals = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const { label, app, token } of apps) {
      for (const [name, url] of Object.entries(urls(token))) {
        if (round === 0) await measure(app, url, 2000);
        const us = await measure(app, url, REQUESTS);
        totals.set(`${name}|${label}`, [...(totals.get(`${name}|${label}`) ?? []), us]);
      }
    }
  }
  console.log(
    `\n${REQUESTS} requests × ${ROUNDS} rounds (the kinds of request in turn), µs CPU per request (lowest batch, then median); load average at the end ${load()}\n`,
  );
  console.log(`| request | ${apps.map((a) => a.label).join(' | ')} |`);
  console.log(`|---|${apps.map(() => '---|').join('')}`);
  for (const name of Object.keys(urls(''))) {
    const cells = apps.map(({ label }) => {
      const all = [...(totals.get(`${name}|${label}`) ?? [])].sort((a, b) => a - b);
      return `${(all[0] ?? 0).toFixed(0)}, ${(all[Math.floor(all.length / 2)] ?? 0).toFixed(0)}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
} finally {
  // Closing flushes the count of unexpected errors on anonymous paths (BENCH_DEBUG=1 shows it).
  for (const { app } of apps) await app.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
