/**
 * The measurements of `bench/scale.ts` on a generated network: the database's sizes, reports over
 * HTTP (with the n each must give), a CSV export counted record by record, and the statements one
 * filtered report runs, captured in this process and explained with EXPLAIN (ANALYZE, BUFFERS).
 */
import { Unzip, UnzipInflate } from 'fflate';
import type pg from 'pg';
import { openRuntime } from '../../src/bootstrap.ts';
import type { Config } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { parsePresentation } from '../../src/modules/analysis/report.ts';
import { aggregate } from '../../src/modules/analysis/service.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import type { NetworkRound } from './scale-network.ts';

export const FILTER = { question: 'sector', option: 'ggz' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export type Sizes = { database: number; relations: { name: string; kind: 'table' | 'index'; table: string; bytes: number }[] };

export async function sizes(client: pg.Client): Promise<Sizes> {
  const db = await client.query<{ n: string }>('select pg_database_size(current_database()) as n');
  const rel = await client.query<{ name: string; kind: string; table: string; bytes: string }>(
    `select c.relname as name, c.relkind as kind, coalesce(t.relname, c.relname) as table, pg_relation_size(c.oid) as bytes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       left join pg_index i on i.indexrelid = c.oid left join pg_class t on t.oid = i.indrelid
      where n.nspname = current_schema() and c.relkind in ('r', 'i') and pg_relation_size(c.oid) > 1048576
      order by pg_relation_size(c.oid) desc`,
  );
  return {
    database: Number(db.rows[0]?.n),
    relations: rel.rows.map((r) => ({ name: r.name, kind: r.kind === 'i' ? 'index' : 'table', table: r.table, bytes: Number(r.bytes) })),
  };
}

/** Times a report `runs` times after one warm-up and checks its n against what the generator wrote. */
export async function timeReport(
  base: string,
  cookie: string,
  round: NetworkRound,
  options: { filtered: boolean; runs: number },
): Promise<{ medianMs: number; runsMs: number[]; bytes: number }> {
  const url = `${base}/api/orgs/${round.organisationId}/rounds/${round.roundId}/report${options.filtered ? `?filter=${FILTER.question}:${FILTER.option}` : ''}`;
  const expected = options.filtered ? round.ggz : round.responses;
  const runsMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= options.runs; i++) {
    const t0 = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = await response.text();
    const ms = performance.now() - t0;
    if (!response.ok) throw new Error(`Report failed: ${response.status} ${body.slice(0, 300)}`);
    const report = JSON.parse(body) as { round: { n: number }; filters: { n: number | null; applied: unknown[] } };
    const n = options.filtered ? report.filters.n : report.round.n;
    if (options.filtered && report.filters.applied.length !== 1) throw new Error('The filter was not applied');
    if (n !== expected)
      throw new Error(`The report of round ${round.roundId}${options.filtered ? ' (filtered)' : ''} gave n = ${n}; the generator wrote ${expected}`);
    bytes = body.length;
    if (i > 0 || options.runs === 0) runsMs.push(ms);
  }
  return { medianMs: median(runsMs), runsMs, bytes };
}

/**
 * Downloads the round's CSV export (a zip of the data and the codebook), streaming, unzips it as it
 * comes and counts the data file's records (quoted line ends are not record ends).
 */
export async function timeCsvExport(base: string, cookie: string, round: NetworkRound): Promise<{ seconds: number; bytes: number; records: number }> {
  const t0 = performance.now();
  const response = await fetch(`${base}/api/orgs/${round.organisationId}/rounds/${round.roundId}/export?format=csv`, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`Export failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
  const records = new Map<string, number>();
  const unzip = new Unzip((file) => {
    let quoted = false;
    let count = 0;
    file.ondata = (error, data, final) => {
      if (error) throw error;
      for (const byte of data) {
        if (byte === 0x22) quoted = !quoted;
        else if (byte === 0x0a && !quoted) count++;
      }
      if (final) records.set(file.name, count);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  let bytes = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    unzip.push(chunk);
  }
  unzip.push(new Uint8Array(0), true);
  return { seconds: (performance.now() - t0) / 1000, bytes, records: [...records.values()][0] ?? 0 };
}

export type Statement = { text: string; values: unknown[]; ms: number };

/**
 * The statements one filtered report of the round runs (the analysis service's aggregate, in this
 * process, on its own pool), each timed; the slowest are explained with EXPLAIN (ANALYZE, BUFFERS).
 */
export async function explainFilteredReport(
  config: Config,
  round: NetworkRound,
  explainSlowest: number,
): Promise<{ statements: Statement[]; plans: { statement: Statement; plan: string }[] }> {
  const runtime = await openRuntime(config);
  const handle = openDatabase(config.database);
  let capture: Statement[] | undefined;
  // Every query of this pool's clients is timed while `capture` is set.
  handle.pgPool?.on('connect', (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const t0 = performance.now();
      const result = original(...args);
      const [text, values] = args;
      if (capture && typeof text === 'string' && result instanceof Promise) {
        const list = capture;
        result.then(() => list.push({ text, values: (values as unknown[]) ?? [], ms: performance.now() - t0 })).catch(() => {});
      }
      return result;
    };
  });
  try {
    const ctx = { ...runtime.ctx, db: handle.db };
    const published = await publishedInstruments(ctx, round.versionId);
    if (!published) throw new Error('The round has no published instrument');
    const scope = { organisationId: round.organisationId, roundIds: [round.roundId], answers: [FILTER] };
    await aggregate(ctx, published.instrument, scope, parsePresentation(null));
    const statements: Statement[] = [];
    capture = statements;
    const agg = await aggregate(ctx, published.instrument, scope, parsePresentation(null));
    capture = undefined;
    if (agg.n !== round.ggz) throw new Error(`The filtered aggregate gave n = ${agg.n}; the generator wrote ${round.ggz}`);
    statements.sort((a, b) => b.ms - a.ms);
    const plans: { statement: Statement; plan: string }[] = [];
    for (const statement of statements.slice(0, explainSlowest)) {
      const result = await handle.pgPool?.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement.text}`, statement.values);
      plans.push({ statement, plan: (result?.rows ?? []).map((r) => r['QUERY PLAN']).join('\n') });
    }
    return { statements, plans };
  } finally {
    await handle.close();
    await runtime.database.close();
  }
}
