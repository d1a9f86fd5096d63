/**
 * Durable survey submissions over HTTP on loopback: the full Cocreatie in beeld response handed in
 * as JSON by many simulated respondents at once, on SQLite and on PostgreSQL, measured beside a bare
 * node:http + SQLite (synchronous=FULL) server and a bare node:http + pg server in the same run, each
 * platform run against its own baseline; PostgreSQL with WORKERS=1 and WORKERS=2. Every run is bounded in count and
 * time. Afterwards the database must hold exactly as many responses as were acknowledged.
 * Run: npm run bench:submissions   (BENCH_SUBMISSIONS, BENCH_CONNECTIONS to change the load; BENCH_SKIP_PG=1 for SQLite only,
 * BENCH_WORKERS=1 for PostgreSQL with one process only; BENCH_PROFILE=1 writes CPU profiles of the platform to the temporary folder's kb-profiles)
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { sampleAnswers, seededPick } from '../src/modules/instruments/sample-answers.ts';
import { cpuMs, freePort, isEntry, peakRssMiB, startProcess } from './lib/processes.ts';
import { setupRound } from './lib/setup-round.ts';

const TOTAL = Number(process.env.BENCH_SUBMISSIONS ?? 3000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PG_ADMIN = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Complete responses of the benchmark's round only (the demo data has rounds of its own). */
const COUNT_ROUND = "select count(*) as n from responses r join round_links l on l.id = r.link_id where l.token = $1 and r.status = 'complete'";

/** cpuMs: CPU time (user + system) of the server process during the load (the primary only when WORKERS > 1). */
export type Result = {
  label: string;
  baseline?: string;
  rate: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  peakMiB: number;
  stored: number;
  cpuMs: number;
};

async function load(url: string, headers: Record<string, string>, bodies: () => string) {
  // Timed here: autocannon's own `duration` is counted in whole seconds when it runs to an amount,
  // which at a few seconds per run moved the rate by up to a third.
  const started = performance.now();
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    amount: TOTAL,
    duration: 120,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies() }) }],
  });
  const seconds = (performance.now() - started) / 1000;
  return { rate: result['2xx'] / seconds, p50: result.latency.p50, p99: result.latency.p99, ok: result['2xx'], errors: result.non2xx + result.errors };
}

export async function csrfHeaders(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/csrf`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { token } = (await response.json()) as { token: string };
  return { cookie, 'x-csrf-token': token };
}

export async function consentVersion(base: string, token: string): Promise<string> {
  const html = await (await fetch(`${base}/r/${token}`)).text();
  return /name="consentVersion" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
}

async function runPlatform(
  label: string,
  env: Record<string, string>,
  config: ReturnType<typeof loadConfig>,
  count: (token: string) => Promise<number>,
): Promise<Result> {
  const { token, instrument } = await setupRound(config);
  const port = await freePort();
  const server = await startProcess(
    [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(os.tmpdir(), 'kb-profiles')}`] : []), 'bin/kruisbestuiving.js', 'start'],
    { ...env, NODE_ENV: 'production', PORT: String(port), RESPONDENT_RATE_LIMIT: '100000000' },
    `http://127.0.0.1:${port}/readyz`,
  );
  const base = `http://127.0.0.1:${port}`;
  const headers = await csrfHeaders(base);
  const consent = await consentVersion(base, token);
  const pick = seededPick(1);
  const payloads = Array.from({ length: 200 }, () => sampleAnswers(instrument, pick));
  let i = 0;
  const cpu0 = cpuMs(server.pid);
  const result = await load(`${base}/api/r/${token}/responses`, headers, () =>
    JSON.stringify({ responseId: randomUUID(), language: 'nl', consentVersion: consent, answers: payloads[i++ % payloads.length] }),
  );
  const peakMiB = peakRssMiB(server.pid);
  const cpu = cpuMs(server.pid) - cpu0;
  await server.stop();
  return { label, ...result, peakMiB, cpuMs: cpu, stored: await count(token) };
}

async function runBare(instrumentAnswers: () => Record<string, unknown>): Promise<Result> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bare-'));
  const file = path.join(dir, 'bare.sqlite');
  const port = await freePort();
  const server = await startProcess(['--import', 'tsx', 'bench/lib/bare-server.ts', file, String(port)], {}, `http://127.0.0.1:${port}/`);
  const cpu0 = cpuMs(server.pid);
  const result = await load(`http://127.0.0.1:${port}/`, {}, () => JSON.stringify({ responseId: randomUUID(), answers: instrumentAnswers() }));
  const peakMiB = peakRssMiB(server.pid);
  const cpu = cpuMs(server.pid) - cpu0;
  await server.stop();
  const db = new Database(file, { readonly: true });
  const stored = (db.prepare('select count(*) as n from responses').get() as { n: number }).n;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { label: 'bare node:http + SQLite FULL (baseline)', ...result, peakMiB, cpuMs: cpu, stored };
}

async function runBarePg(url: string, instrumentAnswers: () => Record<string, unknown>): Promise<Result> {
  const port = await freePort();
  const server = await startProcess(['--import', 'tsx', 'bench/lib/bare-pg-server.ts', url, String(port)], {}, `http://127.0.0.1:${port}/`);
  const cpu0 = cpuMs(server.pid);
  const result = await load(`http://127.0.0.1:${port}/`, {}, () => JSON.stringify({ responseId: randomUUID(), answers: instrumentAnswers() }));
  const peakMiB = peakRssMiB(server.pid);
  const cpu = cpuMs(server.pid) - cpu0;
  await server.stop();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const stored = Number((await client.query('select count(*) as n from responses')).rows[0].n);
  await client.end();
  return { label: 'bare node:http + pg (baseline)', ...result, peakMiB, cpuMs: cpu, stored };
}

/** Every run of this benchmark, in order: the two bare baselines and the platform on SQLite and PostgreSQL (WORKERS=1, 2). */
export async function runSubmissions(): Promise<Result[]> {
  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-sqlite-'));
  const sqliteConfig = loadConfig({ DATA_DIR: sqliteDir });
  const countSqlite = async (token: string) => {
    const db = new Database(path.join(sqliteDir, 'kruisbestuiving.sqlite'), { readonly: true });
    const n = (db.prepare(COUNT_ROUND.replace('$1', '?')).get(token) as { n: number }).n;
    db.close();
    return n;
  };
  const sqlite = await runPlatform('Kruisbestuiving on SQLite (FULL, group commit)', { DATA_DIR: sqliteDir }, sqliteConfig, countSqlite);

  const { instrument } = await setupRound(loadConfig({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-x-')) }));
  const pick = seededPick(2);
  const payloads = Array.from({ length: 200 }, () => sampleAnswers(instrument, pick));
  let j = 0;
  const bare = await runBare(() => payloads[j++ % payloads.length] ?? {});

  const results: Result[] = [bare, { ...sqlite, baseline: bare.label }];
  if (process.env.BENCH_SKIP_PG) return results;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
    const name = `kb_bench_${process.pid}`;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    const pgConfig = loadConfig({ DATABASE_URL: url.toString() });
    const countPg = async (token: string) => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const n = Number((await client.query(COUNT_ROUND, [token])).rows[0].n);
      await client.end();
      return n;
    };
    const barePgName = `${name}_bare`;
    await admin.query(`drop database if exists ${barePgName} with (force)`);
    await admin.query(`create database ${barePgName}`);
    const bareUrl = new URL(PG_ADMIN);
    bareUrl.pathname = `/${barePgName}`;
    let k = 0;
    const barePg = await runBarePg(bareUrl.toString(), () => payloads[k++ % payloads.length] ?? {});
    results.push(barePg);
    await admin.query(`drop database if exists ${barePgName} with (force)`);
    for (const workers of (process.env.BENCH_WORKERS ?? '1,2').split(',')) {
      const result = await runPlatform(
        `Kruisbestuiving on PostgreSQL (group commit, WORKERS=${workers})`,
        { DATABASE_URL: url.toString(), WORKERS: workers },
        pgConfig,
        countPg,
      );
      results.push({ ...result, baseline: barePg.label });
    }
    await admin.query(`drop database if exists ${name} with (force)`);
  } catch (error) {
    console.error(`PostgreSQL run skipped: ${(error as Error).message}`);
  } finally {
    await admin.end().catch(() => {});
  }
  fs.rmSync(sqliteDir, { recursive: true, force: true });
  return results;
}

async function main() {
  const results = await runSubmissions();
  console.log(
    `\n${TOTAL} submissions of the full form, ${CONNECTIONS} respondents at once, loopback, 2 cores; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}\n`,
  );
  console.log(
    '| server | submissions/s | ratio to its own baseline | p50 ms | p99 ms | acknowledged | stored | errors | peak RSS MiB (primary) | CPU ms per submission (primary) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const base = results.find((b) => b.label === r.baseline) ?? r;
    console.log(
      `| ${r.label} | ${r.rate.toFixed(0)} | ${(r.rate / base.rate).toFixed(2)}× | ${r.p50} | ${r.p99} | ${r.ok} | ${r.stored} | ${r.errors} | ${r.peakMiB.toFixed(0)} | ${(r.cpuMs / r.ok).toFixed(2)} |`,
    );
  }
  const lost = results.filter((r) => r.stored < r.ok);
  if (lost.length) {
    console.error(`LOST acknowledged submissions in: ${lost.map((r) => r.label).join(', ')}`);
    process.exitCode = 1;
  }
}

if (isEntry(import.meta.url)) await main();
