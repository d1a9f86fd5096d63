/**
 * A network on PostgreSQL: BENCH_ORGS organisations (default 100) sharing BENCH_RESPONSES complete
 * responses (default 1,000,000, about 31 answer rows each), one round per organisation. One real round
 * of BENCH_TEMPLATE responses is made through the generator of bench/analysis.ts (valid answers); the
 * organisation and its round are copied inside PostgreSQL (`insert … select`), and every other response
 * is a copy of a template response under a new id, written as CSV and loaded with COPY from a file the
 * database server reads. Then the tallies are counted once per round and, on the first organisation's
 * round, the full report, the report with one answer filter (against DuckDB over the same rows) and a
 * CSV export over HTTP are timed.
 *
 * Run: npm run bench:scale
 *      BENCH_RESPONSES=100000 BENCH_ORGS=100 npm run bench:scale   (a tenth of the size first)
 * Needs the database server on this machine (COPY reads the file itself) and a superuser connection.
 */

import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { rebuildTallies } from '../src/modules/rounds/bulk-load.ts';
import { ANSWER_COLUMNS, generateRound, RESPONSE_COLUMNS } from './lib/generate-rounds.ts';
import { freePort, startProcess } from './lib/processes.ts';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 100);
const TEMPLATE = Number(process.env.BENCH_TEMPLATE ?? 1000);
const PG_ADMIN = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.BENCH_RESPONSES = String(Math.ceil(RESPONSES / ORGS));
const { signIn, timeDuckDb, timeServer } = await import('./analysis.ts');

const responseId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const csvField = (v: string) => (v === '' ? '' : `"${v.replaceAll('"', '""')}"`);
const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** The template's answer rows, per response, as CSV fields after the response id. */
function templateRows(answersCsv: string): string[][] {
  const byResponse = new Map<string, string[]>();
  const lines = fs.readFileSync(answersCsv, 'utf8').split('\n').slice(1).filter(Boolean);
  for (const line of lines) {
    const at = line.indexOf(',');
    const id = line.slice(0, at);
    const list = byResponse.get(id) ?? [];
    list.push(line.slice(at));
    byResponse.set(id, list);
  }
  return [...byResponse.values()];
}

async function main() {
  const perOrg = Math.ceil(RESPONSES / ORGS);
  const template = Math.min(TEMPLATE, perOrg);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-scale-'));
  fs.chmodSync(dir, 0o755);
  const name = `kb_bench_scale_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await admin.query(`create database ${name}`);
    const config = loadConfig({ DATABASE_URL: url.toString() });
    const t0 = performance.now();
    const first = await generateRound(config, { responses: template, csvDir: dir });
    console.error(`template: ${template} responses in ${seconds(t0).toFixed(1)} s`);
    await client.connect();
    const one = async (text: string, values: unknown[] = []) => (await client.query(text, values)).rows[0] as Record<string, string>;
    const round = await one('select id, instrument_version_id from rounds where id = $1', [first.roundId]);
    const link = await one('select id from round_links where round_id = $1 and team_id is null', [first.roundId]);
    const rounds = [{ roundId: first.roundId, linkId: link.id ?? '' }];

    // The other organisations: the first one, its round and the round's link copied under new ids.
    const t1 = performance.now();
    for (let k = 2; k <= ORGS; k++) {
      const org = randomUUID();
      const roundId = randomUUID();
      const linkId = randomUUID();
      const copy = (table: string, from: string, changes: Record<string, string | null>) =>
        client.query(`insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(t) || $2::jsonb)).* from ${table} t where id = $1`, [
          from,
          JSON.stringify(changes),
        ]);
      await copy('organisations', first.organisationId, { id: org, name: `Organisatie ${k}` });
      await copy('rounds', first.roundId, { id: roundId, organisation_id: org });
      await copy('round_links', link.id ?? '', { id: linkId, round_id: roundId, team_id: null, token: randomBytes(32).toString('base64url') });
      rounds.push({ roundId, linkId });
    }
    console.error(`${ORGS - 1} organisations copied in ${seconds(t1).toFixed(1)} s`);

    // Every other response: a template response's rows under a new id, as CSV for COPY.
    const rows = templateRows(first.answersCsv);
    const responsesFile = path.join(dir, 'responses-copy.csv');
    const answersFile = path.join(dir, 'answers-copy.csv');
    const responsesOut = fs.openSync(responsesFile, 'w');
    const answersOut = fs.openSync(answersFile, 'w');
    // The first organisation's round for DuckDB: the template's rows and its copies.
    const duckResponses = path.join(dir, 'duck-responses.csv');
    const duckAnswers = path.join(dir, 'duck-answers.csv');
    fs.copyFileSync(first.responsesCsv, duckResponses);
    fs.copyFileSync(first.answersCsv, duckAnswers);
    const t2 = performance.now();
    let next = template;
    let firstRoundRows = first.answerRows;
    for (const [index, target] of rounds.entries()) {
      const count = index === 0 ? perOrg - template : perOrg;
      for (let start = 0; start < count; start += 1000) {
        const responses: string[] = [];
        const answers: string[] = [];
        for (let i = start; i < Math.min(start + 1000, count); i++) {
          const id = responseId(next++);
          const fields: (string | null)[] = [
            id,
            target.roundId,
            target.linkId,
            null,
            round.instrument_version_id ?? '',
            'nl',
            'bench',
            'complete',
            '2027-04-01',
            '2027-04-01',
          ];
          responses.push(`${fields.map((f) => (f === null ? '' : csvField(f))).join(',')}\n`);
          for (const rest of rows[i % rows.length] ?? []) answers.push(`${id}${rest}\n`);
        }
        fs.writeSync(responsesOut, responses.join(''));
        const chunk = answers.join('');
        fs.writeSync(answersOut, chunk);
        if (index === 0) {
          firstRoundRows += answers.length;
          fs.appendFileSync(
            duckResponses,
            responses
              .map((l) => {
                const f = l.split(',');
                return `${[f[0], f[1], f[3], f[7]].join(',')}\n`;
              })
              .join(''),
          );
          fs.appendFileSync(duckAnswers, chunk);
        }
      }
    }
    fs.closeSync(responsesOut);
    fs.closeSync(answersOut);
    console.error(`CSV of ${(next - template).toLocaleString('en')} responses written in ${seconds(t2).toFixed(1)} s`);
    const t3 = performance.now();
    await client.query(`copy responses (${RESPONSE_COLUMNS.join(',')}) from '${responsesFile}' with (format csv)`);
    await client.query(`copy answers (${ANSWER_COLUMNS.join(',')}) from '${answersFile}' with (format csv)`);
    const copySeconds = seconds(t3);
    console.error(`COPY: ${copySeconds.toFixed(1)} s`);
    const t4 = performance.now();
    const handle = openDatabase(config.database);
    await rebuildTallies(
      handle.db,
      rounds.map((r) => r.roundId),
    );
    await handle.close();
    const tallySeconds = seconds(t4);
    await client.query('analyze');
    console.error(`tallies of ${rounds.length} rounds: ${tallySeconds.toFixed(1)} s`);
    const sizes = await one(
      "select pg_size_pretty(pg_database_size(current_database())) as db, pg_size_pretty(pg_total_relation_size('answers')) as answers, (select count(*) from answers) as rows",
    );

    const ours = {
      ...first,
      responses: perOrg,
      answerRows: firstRoundRows,
      responsesCsv: duckResponses,
      answersCsv: duckAnswers,
    };
    const duck = await timeDuckDb(ours);
    const port = await freePort();
    const report = await timeServer('PostgreSQL', { DATABASE_URL: url.toString() }, ours, port);
    const server = await startProcess(
      ['bin/kruisbestuiving.js', 'start'],
      { DATABASE_URL: url.toString(), PORT: String(port) },
      `http://127.0.0.1:${port}/readyz`,
    );
    let exportSeconds = Number.NaN;
    let exportRows = '';
    try {
      const base = `http://127.0.0.1:${port}`;
      const cookie = await signIn(base);
      const t5 = performance.now();
      const response = await fetch(`${base}/api/orgs/${first.organisationId}/rounds/${first.roundId}/export?format=csv`, { headers: { cookie } });
      for await (const _ of response.body ?? []) {
      }
      exportSeconds = seconds(t5);
      exportRows = response.headers.get('x-total-rows') ?? '';
    } finally {
      await server.stop();
    }
    console.log(
      `\n${ORGS} organisations, ${(perOrg * ORGS).toLocaleString('en')} responses (${perOrg.toLocaleString('en')} per round), ${Number(sizes.rows).toLocaleString('en')} answer rows on PostgreSQL`,
    );
    console.log(`database ${sizes.db}, answers with indexes ${sizes.answers}; COPY ${copySeconds.toFixed(1)} s, tallies ${tallySeconds.toFixed(1)} s`);
    console.log(
      `load average: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}\n`,
    );
    console.log("| the first organisation's round | measured | DuckDB, same rows | ratio |");
    console.log('| --- | --- | --- | --- |');
    console.log(`| full report | ${report.medianMs.toFixed(0)} ms | ${duck.medianMs.toFixed(0)} ms | ${(report.medianMs / duck.medianMs).toFixed(2)}× |`);
    console.log(
      `| report, one answer filter | ${report.filteredMs?.toFixed(0)} ms | ${duck.filteredMs?.toFixed(0)} ms | ${((report.filteredMs ?? 0) / (duck.filteredMs ?? 1)).toFixed(2)}× |`,
    );
    console.log(`| CSV export (${exportRows} cases) | ${exportSeconds.toFixed(1)} s | – | – |`);
  } finally {
    await client.end().catch(() => {});
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
