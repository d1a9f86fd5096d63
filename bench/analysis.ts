/**
 * The report of a large round: N synthetic complete responses to Cocreatie in beeld (default
 * 100,000), on SQLite and on PostgreSQL. The real server runs as a separate process; the demo
 * researcher signs in and asks for the full, unsuppressed report over HTTP on loopback (1 warm-up,
 * 5 timed runs, median), and the server's peak memory (VmHWM) is read afterwards. Baseline in the
 * same run: DuckDB computing the same GROUP BY counts over the same rows (loaded from CSV).
 *
 * Run: npm run bench:analysis
 *   BENCH_RESPONSES=5000   fewer responses
 *   BENCH_REUSE=1          keep the generated data in /tmp/kb-bench-analysis and the PostgreSQL
 *                          database kb_bench_analysis, and reuse them next time (same N)
 *   TEST_POSTGRES_URL      the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 *
 * Also timed: the same report with one answer filter (sector), and on SQLite the dashboard in
 * Chromium (first screen and every chart drawn) against the same page for the 89-response demo round.
 *
 * How the full report got under 2 s on SQLite (measured 2026-11-29): grouping three million answer
 * rows took 9.8 s on SQLite and 3.5 s on PostgreSQL, nearly all of it joining answers to responses and
 * sorting. Reports without answer filters now read per-round tallies kept in the transaction that
 * completes a response (src/modules/rounds/tally-store.ts); counting a generated round's tallies from
 * scratch (the migration does this for existing data; since 2026-12-07 with each response's tally
 * hashes) is timed and printed too. Reports with answer filters add up the tally hashes of the matching
 * responses and read their keys from the round's tallies (src/modules/rounds/answers.ts,
 * answerRowCounts; docs/performance.md, "Filtered reports from each response's tally hashes").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'kysely';
import pg from 'pg';
import { type Config, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { cocreatieErvaringswerkers } from '../src/modules/instruments/builtin/cocreatie-in-beeld.ts';
import { rebuildTallies } from '../src/modules/rounds/tally-store.ts';
import { chromiumAvailable, type DashboardTiming, timeDashboards } from './lib/dashboard-timing.ts';
import { type GeneratedRound, generateRound } from './lib/generate-rounds.ts';
import { buildServerBundle, deployedApp, freePort, isEntry, peakRssMiB, startProcess } from './lib/processes.ts';

const N = Number(process.env.BENCH_RESPONSES ?? 100_000);
const REUSE = process.env.BENCH_REUSE === '1';
const RUNS = 5;
const PG_ADMIN = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RESEARCHER = { email: 'onderzoeker@demo.kruisbestuiving.org', password: 'demo-kruisbestuiving' };
const REUSE_DIR = path.join(os.tmpdir(), 'kb-bench-analysis');
/** The multiple-choice questions of the experience workers' form (answered counts need DISTINCT there). */
const MULTIPLE = cocreatieErvaringswerkers.sections.flatMap((s) => s.questions).flatMap((q) => (q.type === 'multiple' ? [q.key] : []));

export type Result = {
  store: string;
  responses: number;
  answerRows: number;
  medianMs: number;
  runsMs: number[];
  /** The same report with one answer filter (sector), which counts the answer rows themselves. */
  filteredMs: number | null;
  peakMiB: number | null;
  bytes: number;
};

/** Seconds to count a generated round's tallies from scratch, per store (only when generated in this run). */
const tallySeconds = new Map<string, number>();
const FILTER = 'filter=sector:ggz';
const dashboardTimings: DashboardTiming[] = [];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

function progress(label: string) {
  let last = 0;
  return (done: number, total: number) => {
    if (done === total || performance.now() - last > 2000) {
      last = performance.now();
      console.error(`  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} responses`);
    }
  };
}

/** Generates the round, or reads what an earlier BENCH_REUSE run left for the same N. */
export async function prepare(label: string, config: Config, dir: string, fresh: () => Promise<void>): Promise<GeneratedRound> {
  const meta = path.join(dir, 'meta.json');
  if (REUSE && fs.existsSync(meta)) {
    const saved = JSON.parse(fs.readFileSync(meta, 'utf8')) as GeneratedRound;
    if (saved.responses === N) {
      console.error(`${label}: reusing ${N.toLocaleString('en')} responses from ${dir}`);
      return saved;
    }
  }
  await fresh();
  console.error(`${label}: generating ${N.toLocaleString('en')} responses`);
  const generated = await generateRound(config, { responses: N, csvDir: dir, onProgress: progress(label) });
  console.error(`${label}: ${generated.answerRows.toLocaleString('en')} answer rows in ${generated.seconds.toFixed(1)} s`);
  // The generator writes straight into the tables; the services would have kept the tallies as each response came in.
  const handle = openDatabase(config.database);
  const t0 = performance.now();
  await rebuildTallies(handle.db, [generated.roundId]);
  tallySeconds.set(label, (performance.now() - t0) / 1000);
  // The rebuild wrote every response's tally hashes (the services write them with the response); on
  // PostgreSQL that left a dead version of each row, which autovacuum would clear soon after.
  if (config.database.kind === 'postgres') await sql`vacuum analyze responses`.execute(handle.db);
  await handle.close();
  console.error(`${label}: tallies counted from scratch in ${tallySeconds.get(label)?.toFixed(1)} s`);
  fs.writeFileSync(meta, JSON.stringify(generated));
  return generated;
}

export async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/csrf`);
  const cookies = new Map(csrf.headers.getSetCookie().map((c) => (c.split(';')[0] ?? '').split('=') as [string, string]));
  const { token } = (await csrf.json()) as { token: string };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieHeader(), 'x-csrf-token': token },
    body: JSON.stringify(RESEARCHER),
  });
  if (!login.ok) throw new Error(`Sign-in failed: ${login.status} ${await login.text()}`);
  for (const c of login.headers.getSetCookie()) {
    const [k = '', v = ''] = (c.split(';')[0] ?? '').split('=');
    cookies.set(k, v);
  }
  return cookieHeader();
}

/** Starts the real server on this database and times the full report over HTTP. */
export async function timeServer(store: string, env: Record<string, string>, round: GeneratedRound, port: number, withDashboard = false): Promise<Result> {
  const server = await startProcess(deployedApp(), { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/readyz`);
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base);
    const url = `${base}/api/orgs/${round.organisationId}/rounds/${round.roundId}/report`;
    const runsMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      const body = await response.text();
      const ms = performance.now() - t0;
      if (!response.ok) throw new Error(`Report failed: ${response.status} ${body.slice(0, 300)}`);
      const report = JSON.parse(body) as { round: { n: number }; disclosure: { suppressed: boolean } };
      if (report.round.n !== round.responses || report.disclosure.suppressed) throw new Error(`Unexpected report: n=${report.round.n}`);
      bytes = body.length;
      if (i > 0) runsMs.push(ms);
      console.error(`  ${store}: ${i === 0 ? 'warm-up' : `run ${i}`} ${ms.toFixed(0)} ms`);
    }
    const filteredMs: number[] = [];
    for (let i = 0; i <= 3; i++) {
      const t0 = performance.now();
      const response = await fetch(`${url}?${FILTER}`, { headers: { cookie } });
      const body = await response.text();
      if (!response.ok) throw new Error(`Filtered report failed: ${response.status} ${body.slice(0, 300)}`);
      if (i > 0) filteredMs.push(performance.now() - t0);
    }
    console.error(`  ${store}: filtered (${FILTER}) ${filteredMs.map((m) => m.toFixed(0)).join(', ')} ms`);
    if (withDashboard) await timeDashboardPages(base, cookie, round);
    return {
      store,
      responses: round.responses,
      answerRows: round.answerRows,
      medianMs: median(runsMs),
      runsMs,
      filteredMs: median(filteredMs),
      peakMiB: peakRssMiB(server.pid),
      bytes,
    };
  } finally {
    await server.stop();
  }
}

/** The dashboard of the big round in Chromium, against the same page for the 89-response demo round. */
async function timeDashboardPages(base: string, cookie: string, round: GeneratedRound): Promise<void> {
  if (!chromiumAvailable()) {
    console.error('  Chromium not found: the dashboard is not timed.');
    return;
  }
  if (!fs.existsSync('dist/web/index.html')) {
    console.error('  No built web app (run `npm run build`): the dashboard is not timed.');
    return;
  }
  const { rounds } = (await (await fetch(`${base}/api/orgs/${round.organisationId}/rounds`, { headers: { cookie } })).json()) as {
    rounds: { id: string; key: string }[];
  };
  const demo = rounds.find((r) => r.key === 'demo-ervaringswerkers');
  const path = (id: string) => `/o/${round.organisationId}/in-beeld/rounds/${id}/dashboard`;
  const pages = [
    ...(demo ? [{ label: 'demo round, 89 responses (baseline)', path: path(demo.id) }] : []),
    { label: `${round.responses.toLocaleString('en')} responses`, path: path(round.roundId) },
  ];
  dashboardTimings.push(...(await timeDashboards(base, RESEARCHER, pages)));
}

/** The same aggregates in DuckDB (in memory) over the same rows, loaded from the CSV files (loading not timed). */
export async function timeDuckDb(round: GeneratedRound): Promise<Result> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const csv = (file: string, columns: string) => `read_csv('${file}', header = true, columns = {${columns}})`;
  await db.run(
    `create table responses as select * from ${csv(round.responsesCsv, "'id': 'VARCHAR', 'round_id': 'VARCHAR', 'team_id': 'VARCHAR', 'status': 'VARCHAR'")}`,
  );
  await db.run(
    `create table answers as select * from ${csv(round.answersCsv, "'response_id': 'VARCHAR', 'question': 'VARCHAR', 'item': 'VARCHAR', 'option': 'VARCHAR', 'number_value': 'DOUBLE', 'text_value': 'VARCHAR'")}`,
  );
  const scope = `r.status = 'complete' and r.round_id = '${round.roundId}'`;
  const marker = `case when a.text_value = '_missing' and a.option is not null and a.option <> '_other' then 1 else 0 end`;
  const queries = [
    `select count(*) from responses r where ${scope}`,
    // The same statements the platform runs (src/modules/analysis/store.ts): count(*) per value,
    // and count(distinct) only for the multiple-choice questions.
    `select a.question, a.item, a.option, a.number_value, ${marker} as marker, count(*) as n
       from answers a join responses r on r.id = a.response_id where ${scope}
       group by a.question, a.item, a.option, a.number_value, ${marker}`,
    `select a.question, a.item, count(distinct a.response_id) as n
       from answers a join responses r on r.id = a.response_id where ${scope} and a.question in (${MULTIPLE.map((q) => `'${q}'`).join(', ')})
       group by a.question, a.item`,
  ];
  const runsMs: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    for (const q of queries) await db.runAndReadAll(q);
    if (i > 0) runsMs.push(performance.now() - t0);
  }
  // The report's answer filter (sector = ggz): the same statements over the matching responses only.
  const filter = `r.id in (select response_id from answers where question = 'sector' and option = 'ggz')`;
  const filteredMs: number[] = [];
  for (let i = 0; i <= 3; i++) {
    const t0 = performance.now();
    for (const q of queries) await db.runAndReadAll(q.replaceAll(scope, `${scope} and ${filter}`));
    if (i > 0) filteredMs.push(performance.now() - t0);
  }
  const matching = Number((await db.runAndReadAll(`select count(*) from responses r where ${scope} and ${filter}`)).getRows()[0]?.[0]);
  if (!(matching > 0 && matching < round.responses)) throw new Error(`The DuckDB filter matched ${matching} of ${round.responses} responses`);
  const n = Number((await db.runAndReadAll(queries[0] ?? '')).getRows()[0]?.[0]);
  if (n !== round.responses) throw new Error(`DuckDB counted ${n} responses, expected ${round.responses}`);
  db.closeSync();
  instance.closeSync();
  return {
    store: 'DuckDB in memory, same GROUP BYs (baseline)',
    responses: round.responses,
    answerRows: round.answerRows,
    medianMs: median(runsMs),
    runsMs,
    filteredMs: median(filteredMs),
    peakMiB: null,
    bytes: 0,
  };
}

async function main() {
  buildServerBundle();
  const results: Result[] = [];
  let baselineRound: GeneratedRound | undefined;

  // SQLite
  const sqliteDir = REUSE ? path.join(REUSE_DIR, 'sqlite') : fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-analysis-sqlite-'));
  fs.mkdirSync(sqliteDir, { recursive: true });
  try {
    const config = loadConfig({ DATA_DIR: sqliteDir });
    const round = await prepare('SQLite', config, sqliteDir, async () => {
      for (const f of fs.readdirSync(sqliteDir)) fs.rmSync(path.join(sqliteDir, f), { recursive: true, force: true });
    });
    baselineRound = round;
    results.push(await timeDuckDb(round));
    results.push(await timeServer('Kruisbestuiving on SQLite', { DATA_DIR: sqliteDir }, round, await freePort(), true));
  } finally {
    if (!REUSE) fs.rmSync(sqliteDir, { recursive: true, force: true });
  }

  // PostgreSQL
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  const name = REUSE ? 'kb_bench_analysis' : `kb_bench_analysis_${process.pid}`;
  const pgDir = REUSE ? path.join(REUSE_DIR, 'postgres') : fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-analysis-pg-'));
  fs.mkdirSync(pgDir, { recursive: true });
  try {
    await admin.connect();
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!exists) fs.rmSync(path.join(pgDir, 'meta.json'), { force: true });
    const round = await prepare('PostgreSQL', loadConfig({ DATABASE_URL: url.toString() }), pgDir, async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    });
    results.push(await timeServer('Kruisbestuiving on PostgreSQL', { DATABASE_URL: url.toString() }, round, await freePort()));
  } catch (error) {
    console.error(`PostgreSQL run skipped: ${(error as Error).message}`);
  } finally {
    if (!REUSE) {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      fs.rmSync(pgDir, { recursive: true, force: true });
    }
    await admin.end().catch(() => {});
  }

  const baseline = results.find((r) => r.peakMiB === null)?.medianMs ?? Number.NaN;
  console.log(
    `\nFull unsuppressed report of one round of Cocreatie in beeld (${baselineRound?.answerRows.toLocaleString('en')} answer rows on SQLite), over HTTP on loopback, ${RUNS} runs after 1 warm-up, 2 cores\n`,
  );
  console.log(
    '| store | responses | answer rows | report time (median ms) | ratio to DuckDB | with one answer filter (median ms) | peak RSS of the server (MiB) | runs (ms) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.store} | ${r.responses.toLocaleString('en')} | ${r.answerRows.toLocaleString('en')} | ${r.medianMs.toFixed(0)} | ${(r.medianMs / baseline).toFixed(2)}× | ${r.filteredMs === null ? '–' : r.filteredMs.toFixed(0)} | ${r.peakMiB === null ? '–' : r.peakMiB.toFixed(0)} | ${r.runsMs.map((m) => m.toFixed(0)).join(', ')} |`,
    );
  }
  if (dashboardTimings.length) {
    const [baseline, ...rest] = dashboardTimings;
    console.log('\nThe dashboard in Chromium (SQLite server, 1280 × 900, median of 3 after a warm-up)\n');
    console.log('| round | charts | first screen drawn (ms) | every chart drawn (ms) | ratio to the demo round |');
    console.log('|---|---|---|---|---|');
    for (const d of [baseline, ...rest].filter((x) => x !== undefined))
      console.log(
        `| ${d.label} | ${d.charts} | ${d.firstScreenMs.toFixed(0)} | ${d.allChartsMs.toFixed(0)} | ${baseline ? (d.allChartsMs / baseline.allChartsMs).toFixed(2) : '–'}× |`,
      );
  }
  for (const [label, seconds] of tallySeconds) console.log(`${label}: counting the generated round's tallies from scratch took ${seconds.toFixed(1)} s.`);
}

if (isEntry(import.meta.url)) await main();
