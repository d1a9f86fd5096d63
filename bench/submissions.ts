/**
 * Durable survey submissions over HTTP on loopback: the full Cocreatie in beeld response handed in
 * as JSON by many simulated respondents at once, on SQLite and on PostgreSQL, measured beside a bare
 * node:http + SQLite (synchronous=FULL) server and a bare node:http + pg server in the same run, each
 * platform run against its own baseline, and beside a second bare server per database that writes the
 * same rows into the platform's own tables (baseline 2, see IN_TABLES); PostgreSQL with WORKERS=1 and WORKERS=2. Every run is bounded in count and
 * time. Afterwards the database must hold exactly as many responses as were acknowledged.
 * Run: npm run bench:submissions   (BENCH_SUBMISSIONS, BENCH_CONNECTIONS to change the load; BENCH_SKIP_PG=1 for SQLite only, BENCH_SKIP_SQLITE=1 for PostgreSQL only, BENCH_BARE=plain|tables for one baseline, BENCH_ROUNDS, BENCH_WARMUP,
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
import { buildServerBundle, cpuMs, cpuOfProcesses, deployedApp, freePort, isEntry, peakRssMiB, processTree, startProcess } from './lib/processes.ts';
import { setupRound } from './lib/setup-round.ts';

const TOTAL = Number(process.env.BENCH_SUBMISSIONS ?? 3000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Rounds of each baseline and the platform, alternating; uncounted submissions before each run. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);
const PG_ADMIN = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Complete responses of the benchmark's round only (the demo data has rounds of its own). */
const COUNT_ROUND = "select count(*) as n from responses r join round_links l on l.id = r.link_id where l.token = $1 and r.status = 'complete'";

/**
 * cpuMs: CPU time (user + system) of the server's processes during the load (with WORKERS > 1 the
 * primary and its workers; before 2026-12-07 the primary alone); dbCpuMs: of PostgreSQL's backends serving it. Over ROUNDS runs: the medians (CPU per
 * submission × TOTAL), `rates` each run's rate, `ratio` the median of the ratios within a round.
 */
export type Result = {
  label: string;
  baseline?: string | undefined;
  rate: number;
  rates?: number[];
  ratio?: number;
  /** The median ratio of the rounds to each baseline of the run, by its label (the second: the platform's own tables). */
  ratios?: Record<string, number>;
  dbCpuMs?: number | undefined;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  peakMiB: number;
  stored: number;
  cpuMs: number;
};

async function load(url: string, headers: Record<string, string>, bodies: () => string, amount: number) {
  // Timed here, from the start to the last response: autocannon's own duration is counted in whole
  // seconds, and its promise settles only on its next one-second tick after the last response, so
  // timing until the promise settles made every rate 2,000 / a whole number of seconds (995, 665,
  // 499, 398/s …) and the ratio of two such runs 2/3 or 1/1.
  const started = performance.now();
  let last = started;
  const instance = autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    amount,
    duration: 120,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies() }) }],
  });
  // Without a callback autocannon gives its tracker (an event emitter) made thenable; the types know only the promise.
  (instance as unknown as NodeJS.EventEmitter).on('response', () => {
    last = performance.now();
  });
  const result = await instance;
  const seconds = (last - started) / 1000;
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

/** A server under test: started, loaded, stopped; `stored()` counts its complete responses (of the round) in the database. */
type Side = {
  label: string;
  baseline?: string;
  start: () => Promise<{ pid: number; url: string; headers: Record<string, string>; stop: () => Promise<void> }>;
  body: (answers: Record<string, unknown>) => Record<string, unknown>;
  stored: () => Promise<number>;
  /** PostgreSQL's backends serving the side's database, read before and after the load. */
  backends?: () => Promise<number[]>;
};

/** Every backend's CPU so far (a backend opened during the load counts from zero). */
const backendCpu = (pids: number[]) =>
  new Map(
    pids.flatMap((pid) => {
      try {
        return [[pid, cpuMs(pid)] as const];
      } catch {
        return [];
      }
    }),
  );

/** One measured run of a side: warm-up (uncounted), then TOTAL submissions; CPU of the server (and its database backends) over the counted part. */
async function runSide(side: Side, payloads: Record<string, unknown>[]): Promise<Result> {
  const server = await side.start();
  try {
    let i = 0;
    const next = () => JSON.stringify(side.body(payloads[i++ % payloads.length] ?? {}));
    if (WARMUP > 0) await load(server.url, server.headers, next, WARMUP);
    const before = await side.stored();
    const pg0 = side.backends ? backendCpu(await side.backends()) : undefined;
    // The primary and, with WORKERS above 1, its workers (the processes that serve).
    const servers = processTree(server.pid);
    const cpu0 = cpuOfProcesses(servers);
    const result = await load(server.url, server.headers, next, TOTAL);
    const cpu = cpuOfProcesses(servers) - cpu0;
    let dbCpuMs: number | undefined;
    if (side.backends && pg0) {
      dbCpuMs = 0;
      for (const [pid, ms] of backendCpu(await side.backends())) dbCpuMs += ms - (pg0.get(pid) ?? 0);
    }
    const peakMiB = peakRssMiB(server.pid);
    await server.stop();
    return { label: side.label, baseline: side.baseline, ...result, peakMiB, cpuMs: cpu, dbCpuMs, stored: (await side.stored()) - before };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * ROUNDS rounds of the baselines and the sides measured against them, alternating which go first, so
 * a machine that gets busier or quieter during the run weighs on both alike. Each side's result is the
 * median of its rounds; `ratio` is the median of the ratios to its own baseline measured next to each
 * other in a round, `ratios` the same to each baseline.
 */
async function alternate(bases: Side[], sides: Side[], payloads: Record<string, unknown>[]): Promise<Result[]> {
  const runs = new Map<string, Result[]>();
  const ratios = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [...bases, ...sides] : [...sides, ...[...bases].reverse()];
    const got = new Map<string, Result>();
    for (const side of order) {
      const result = await runSide(side, payloads);
      got.set(side.label, result);
      runs.set(side.label, [...(runs.get(side.label) ?? []), result]);
      console.error(
        `  round ${round + 1}: ${side.label}: ${result.rate.toFixed(0)}/s, ${(result.cpuMs / Math.max(1, result.ok)).toFixed(2)} ms CPU each; load ${os.loadavg()[0]?.toFixed(1)}`,
      );
    }
    for (const bare of bases)
      for (const side of sides) {
        const [base, r, key] = [got.get(bare.label), got.get(side.label), `${side.label}\u0000${bare.label}`];
        if (base && r) ratios.set(key, [...(ratios.get(key) ?? []), r.rate / base.rate]);
      }
  }
  const ratioOf = (side: Side, base: string) => median(ratios.get(`${side.label}\u0000${base}`) ?? []);
  return [...bases, ...sides].map((side) => {
    const all = runs.get(side.label) ?? [];
    const pick = (f: (r: Result) => number) => median(all.map(f));
    const dbCpu = all.every((r) => r.dbCpuMs !== undefined);
    return {
      label: side.label,
      baseline: side.baseline,
      rate: pick((r) => r.rate),
      rates: all.map((r) => r.rate),
      ratio: side.baseline ? ratioOf(side, bases.some((b) => b.label === side.baseline) ? side.baseline : (bases[0]?.label ?? '')) : 1,
      ratios: Object.fromEntries(side.baseline ? bases.map((b) => [b.label, ratioOf(side, b.label)]) : []),
      p50: pick((r) => r.p50),
      p99: pick((r) => r.p99),
      ok: all.reduce((n, r) => n + r.ok, 0),
      errors: all.reduce((n, r) => n + r.errors, 0),
      stored: all.reduce((n, r) => n + r.stored, 0),
      peakMiB: Math.max(...all.map((r) => r.peakMiB)),
      // As totals over every acknowledged submission, so cpuMs / ok is the median per submission.
      cpuMs: pick((r) => r.cpuMs / Math.max(1, r.ok)) * all.reduce((n, r) => n + r.ok, 0),
      dbCpuMs: dbCpu ? pick((r) => (r.dbCpuMs ?? 0) / Math.max(1, r.ok)) * all.reduce((n, r) => n + r.ok, 0) : undefined,
    };
  });
}

/** The platform as a side: `npm start`'s process on the database of `env`, one round of the experience workers' form. */
function platformSide(label: string, env: Record<string, string>, token: string, count: (token: string) => Promise<number>) {
  let consent = '';
  const side: Side = {
    label,
    start: async () => {
      const port = await freePort();
      const server = await startProcess(
        deployedApp(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(os.tmpdir(), 'kb-profiles')}`] : []),
        { ...env, NODE_ENV: 'production', PORT: String(port), RESPONDENT_RATE_LIMIT: '100000000' },
        `http://127.0.0.1:${port}/readyz`,
      );
      const base = `http://127.0.0.1:${port}`;
      consent ||= await consentVersion(base, token);
      return { pid: server.pid, url: `${base}/api/r/${token}/responses`, headers: await csrfHeaders(base), stop: server.stop };
    },
    body: (answers) => ({ responseId: randomUUID(), language: 'nl', consentVersion: consent, answers }),
    stored: () => count(token),
  };
  return side;
}

/** A bare baseline server (bench/lib/bare-*.ts) as a side: the same body as the platform gets; with a token, into the platform's tables. */
function bareSide(label: string, script: string, target: string, stored: () => Promise<number>, token?: string): Side {
  return {
    label,
    start: async () => {
      const port = await freePort();
      const server = await startProcess(['--import', 'tsx', script, target, String(port), ...(token ? [token] : [])], {}, `http://127.0.0.1:${port}/`);
      return { pid: server.pid, url: `http://127.0.0.1:${port}/`, headers: {}, stop: server.stop };
    },
    body: (answers) => ({ responseId: randomUUID(), language: 'nl', consentVersion: 'bench', answers }),
    stored,
  };
}

const pgCount = async (url: string, query: string, parameters: unknown[] = []) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(query, parameters)).rows[0].n);
  } finally {
    await client.end();
  }
};

const pgBackends = (url: string) => async () => {
  const database = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
};

/** Complete responses of the round of `token` in a SQLite file the platform set up. */
const countIn = async (file: string, token: string) => {
  const db = new Database(file, { readonly: true });
  const n = (db.prepare(COUNT_ROUND.replace('$1', '?')).get(token) as { n: number }).n;
  db.close();
  return n;
};

/**
 * The second baseline stores the same rows into the platform's own tables (their indexes and foreign
 * keys, which the platform's reports need), one transaction per submission: the same writes as the
 * platform's minus the tallies, so the ratio to it weighs the platform's HTTP layer, checks and group
 * commit, not its schema. BENCH_BARE=plain or =tables runs only one of the two baselines.
 */
const IN_TABLES = "the platform's tables (baseline 2)";
const baselines = (plain: Side, tables: Side) =>
  process.env.BENCH_BARE === 'plain' ? [plain] : process.env.BENCH_BARE === 'tables' ? [tables] : [plain, tables];

/** Every run of this benchmark, in order: SQLite against its bare baseline, then PostgreSQL (WORKERS=1, 2) against its own. */
export async function runSubmissions(): Promise<Result[]> {
  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-sqlite-'));
  const bareDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bare-'));
  const sqliteConfig = loadConfig({ DATA_DIR: sqliteDir });
  const countSqlite = (token: string) => countIn(path.join(sqliteDir, 'kruisbestuiving.sqlite'), token);
  const bareFile = path.join(bareDir, 'bare.sqlite');
  const countBare = async () => {
    if (!fs.existsSync(bareFile)) return 0;
    const db = new Database(bareFile, { readonly: true });
    const n = (db.prepare('select count(*) as n from responses').get() as { n: number }).n;
    db.close();
    return n;
  };
  const bare = bareSide('bare node:http + SQLite FULL (baseline)', 'bench/lib/bare-server.ts', bareFile, countBare);
  const sqlite = platformSide('Kruisbestuiving on SQLite (FULL, group commit)', { DATA_DIR: sqliteDir }, (await setupRound(sqliteConfig)).token, countSqlite);
  sqlite.baseline = bare.label;
  // A second database the platform set up: the bare server's run into the platform's own tables.
  const tablesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-x-'));
  const { instrument, token: tablesToken } = await setupRound(loadConfig({ DATA_DIR: tablesDir }));
  const tablesFile = path.join(tablesDir, 'kruisbestuiving.sqlite');
  const bareTables = bareSide(
    `bare node:http + SQLite FULL, ${IN_TABLES}`,
    'bench/lib/bare-server.ts',
    tablesFile,
    () => countIn(tablesFile, tablesToken),
    tablesToken,
  );
  const pick = seededPick(1);
  const payloads = Array.from({ length: 200 }, () => sampleAnswers(instrument, pick));
  const results = process.env.BENCH_SKIP_SQLITE ? [] : await alternate(baselines(bare, bareTables), [sqlite], payloads);
  for (const dir of [sqliteDir, bareDir, tablesDir]) fs.rmSync(dir, { recursive: true, force: true });
  if (process.env.BENCH_SKIP_PG) return results;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  const name = `kb_bench_${process.pid}`;
  const databases = [name, `${name}_bare`, `${name}_tables`];
  try {
    await admin.connect();
    const urlOf = (database: string) => {
      const url = new URL(PG_ADMIN);
      url.pathname = `/${database}`;
      return url.toString();
    };
    for (const database of databases) {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.query(`create database ${database}`);
    }
    const url = urlOf(name);
    const bareUrl = urlOf(`${name}_bare`);
    const barePg: Side = {
      ...bareSide('bare node:http + pg (baseline)', 'bench/lib/bare-pg-server.ts', bareUrl, async () =>
        (await pgCount(bareUrl, "select count(*) as n from pg_tables where tablename = 'responses'"))
          ? pgCount(bareUrl, 'select count(*) as n from responses')
          : 0,
      ),
      backends: pgBackends(bareUrl),
    };
    const tablesUrl = urlOf(`${name}_tables`);
    const { token: pgTablesToken } = await setupRound(loadConfig({ DATABASE_URL: tablesUrl }));
    const barePgTables: Side = {
      ...bareSide(
        `bare node:http + pg, ${IN_TABLES}`,
        'bench/lib/bare-pg-server.ts',
        tablesUrl,
        () => pgCount(tablesUrl, COUNT_ROUND, [pgTablesToken]),
        pgTablesToken,
      ),
      backends: pgBackends(tablesUrl),
    };
    // One round for every PostgreSQL side: setting up another would load the demo again over it.
    const { token } = await setupRound(loadConfig({ DATABASE_URL: url }));
    const sides: Side[] = [];
    for (const workers of (process.env.BENCH_WORKERS ?? '1,2').split(',')) {
      const side = platformSide(`Kruisbestuiving on PostgreSQL (group commit, WORKERS=${workers})`, { DATABASE_URL: url, WORKERS: workers }, token, (t) =>
        pgCount(url, COUNT_ROUND, [t]),
      );
      sides.push({ ...side, baseline: barePg.label, backends: pgBackends(url) });
    }
    results.push(...(await alternate(baselines(barePg, barePgTables), sides, payloads)));
  } catch (error) {
    console.error(`PostgreSQL run skipped: ${(error as Error).message}`);
  } finally {
    for (const database of databases) await admin.query(`drop database if exists ${database} with (force)`).catch(() => {});
    await admin.end().catch(() => {});
  }
  return results;
}

async function main() {
  buildServerBundle();
  const results = await runSubmissions();
  console.log(
    `\n${ROUNDS} rounds (baseline and platform alternating) of ${TOTAL} submissions of the full form after ${WARMUP} uncounted, ${CONNECTIONS} respondents at once, loopback; ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}\n`,
  );
  console.log(
    '| server | submissions/s (median; each run) | ratio to each baseline of its database (median of rounds) | p50 ms | p99 ms | acknowledged | stored | errors | peak RSS MiB (primary) | CPU ms per submission: server (all its processes) | PostgreSQL backends |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const perOk = (ms: number | undefined) => (ms === undefined ? '–' : (ms / Math.max(1, r.ok)).toFixed(2));
    const ratios = Object.entries(r.ratios ?? {}).map(([base, x]) => `${x.toFixed(2)}× ${base.includes(IN_TABLES) ? 'baseline 2' : 'baseline'}`);
    console.log(
      `| ${r.label} | ${r.rate.toFixed(0)} (${(r.rates ?? []).map((x) => x.toFixed(0)).join(', ')}) | ${ratios.join(', ') || '–'} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.stored} | ${r.errors} | ${r.peakMiB.toFixed(0)} | ${perOk(r.cpuMs)} | ${perOk(r.dbCpuMs)} |`,
    );
  }
  const lost = results.filter((r) => r.stored < r.ok);
  if (lost.length) {
    console.error(`LOST acknowledged submissions in: ${lost.map((r) => r.label).join(', ')}`);
    process.exitCode = 1;
  }
}

if (isEntry(import.meta.url)) await main();
