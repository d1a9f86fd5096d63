/**
 * Synthetic rounds for the analysis benchmark: N complete responses to Cocreatie in beeld (the
 * experience workers' form), made with a seeded generator (the same seed gives the same data), spread
 * over the demo organisation's teams and over the form's sectors and answers, written straight into the
 * database in big transactions of multi-row inserts. The same rows go to two CSV files for DuckDB.
 *
 * Speed: on SQLite the bulk-load connection (this one only, never the server's) runs with
 * `synchronous = OFF`: a crash during generation loses synthetic data, nothing else. On PostgreSQL the
 * rows go in as multi-row INSERTs of up to 5,000 rows per statement (pg-copy-streams is not installed).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../../src/config.ts';
import { validateAnswers } from '../../src/modules/instruments/answers.ts';
import type { ResolvedInstrument } from '../../src/modules/instruments/resolve.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { setupRound } from './setup-round.ts';

export type GeneratedRound = {
  organisationId: string;
  roundId: string;
  responses: number;
  answerRows: number;
  /** CSV with a header: response_id,question,item,option,number_value,text_value */
  answersCsv: string;
  /** CSV with a header: id,round_id,team_id,status */
  responsesCsv: string;
  seconds: number;
};

type Row = [string, string, string | null, string | null, number | null, string | null];
type ResponseRow = [string, string, string, string | null, string, string, string, string, string, string | null];

export const RESPONSE_COLUMNS = [
  'id',
  'round_id',
  'link_id',
  'team_id',
  'instrument_version_id',
  'language',
  'consent_version',
  'status',
  'started_on',
  'submitted_on',
] as const;
export const ANSWER_COLUMNS = ['response_id', 'question', 'item', 'option', 'number_value', 'text_value'] as const;
/** Responses per transaction. */
const BATCH = 2000;

/** A writer of multi-row inserts for one database; every call is one transaction. */
type Sink = { write: (responses: ResponseRow[], answers: Row[]) => Promise<void>; close: () => Promise<void> };

function sqliteSink(file: string): Sink {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Only for this bulk-load connection: synthetic data, rebuilt on a crash.
  db.pragma('synchronous = OFF');
  const statements = new Map<string, Database.Statement>();
  const insert = (table: string, columns: readonly string[], rows: unknown[][], per: number) => {
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const key = `${table}:${chunk.length}`;
      let statement = statements.get(key);
      if (!statement) {
        const values = Array.from({ length: chunk.length }, () => `(${columns.map(() => '?').join(',')})`).join(',');
        statement = db.prepare(`insert into ${table} (${columns.join(',')}) values ${values}`);
        statements.set(key, statement);
      }
      statement.run(chunk.flat());
    }
  };
  const transaction = db.transaction((responses: ResponseRow[], answers: Row[]) => {
    insert('responses', RESPONSE_COLUMNS, responses, 500);
    insert('answers', ANSWER_COLUMNS, answers, 1000);
  });
  return {
    write: async (responses, answers) => transaction(responses, answers),
    close: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const insert = async (table: string, columns: readonly string[], rows: unknown[][], per: number) => {
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      let n = 0;
      const values = chunk.map(() => `(${columns.map(() => `$${++n}`).join(',')})`).join(',');
      await client.query(`insert into ${table} (${columns.join(',')}) values ${values}`, chunk.flat());
    }
  };
  return {
    write: async (responses, answers) => {
      await client.query('begin');
      try {
        await insert('responses', RESPONSE_COLUMNS, responses, 5000);
        await insert('answers', ANSWER_COLUMNS, answers, 5000);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    },
    close: async () => {
      // What autovacuum does soon after rows are written, so reports are measured as on a database in
      // use: statistics, and the visibility map that lets PostgreSQL answer from an index alone.
      await client.query('vacuum analyze responses');
      await client.query('vacuum analyze answers');
      await client.end();
    },
  };
}

/** The round setupRound made, its organisation-wide link, and the organisation's teams. */
async function roundFacts(config: Config, organisationId: string) {
  const sql = {
    round: "select id, instrument_version_id from rounds where organisation_id = $1 and name = 'Benchmark'",
    link: 'select id from round_links where round_id = $1 and team_id is null',
    teams: 'select id from teams where organisation_id = $1 order by name',
  };
  if (config.database.kind === 'sqlite') {
    const db = new Database(config.database.file, { readonly: true });
    const q = (text: string) => text.replace(/\$\d/g, '?');
    const round = db.prepare(q(sql.round)).get(organisationId) as { id: string; instrument_version_id: string };
    const link = db.prepare(q(sql.link)).get(round.id) as { id: string };
    const teams = (db.prepare(q(sql.teams)).all(organisationId) as { id: string }[]).map((t) => t.id);
    db.close();
    return { round, linkId: link.id, teams };
  }
  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  try {
    const round = (await client.query(sql.round, [organisationId])).rows[0] as { id: string; instrument_version_id: string };
    const link = (await client.query(sql.link, [round.id])).rows[0] as { id: string };
    const teams = (await client.query(sql.teams, [organisationId])).rows.map((t: { id: string }) => t.id);
    return { round, linkId: link.id, teams };
  } finally {
    await client.end();
  }
}

const csvField = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`);
const csvLine = (values: (string | number | null)[]) => `${values.map(csvField).join(',')}\n`;

/** Response id i as a UUID-shaped text, the same in every run. */
const responseId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** A day in spring 2027, seeded. */
const dayOf = (pick: (n: number) => number) => `2027-${String(3 + pick(3)).padStart(2, '0')}-${String(1 + pick(28)).padStart(2, '0')}`;

/**
 * Creates the demo organisation and a published round (setupRound), then N complete responses to it.
 * The CSV files are written into csvDir.
 */
export async function generateRound(
  config: Config,
  options: { responses: number; seed?: number; csvDir: string; onProgress?: (done: number, total: number) => void },
): Promise<GeneratedRound> {
  const started = performance.now();
  const { instrument, organisationId } = await setupRound(config);
  const { round, linkId, teams } = await roundFacts(config, organisationId);
  const sink = config.database.kind === 'sqlite' ? sqliteSink(config.database.file) : await postgresSink(config.database.url);
  fs.mkdirSync(options.csvDir, { recursive: true });
  const answersCsv = path.join(options.csvDir, 'answers.csv');
  const responsesCsv = path.join(options.csvDir, 'responses.csv');
  const answersOut = fs.openSync(answersCsv, 'w');
  const responsesOut = fs.openSync(responsesCsv, 'w');
  fs.writeSync(answersOut, `${ANSWER_COLUMNS.join(',')}\n`);
  fs.writeSync(responsesOut, 'id,round_id,team_id,status\n');
  const pick = seededPick(options.seed ?? 20271);
  let answerRows = 0;
  try {
    for (let start = 0; start < options.responses; start += BATCH) {
      const end = Math.min(start + BATCH, options.responses);
      const responses: ResponseRow[] = [];
      const answers: Row[] = [];
      for (let i = start; i < end; i++) {
        const id = responseId(i);
        // One in eight answers through the organisation-wide link without a team.
        const team = pick(8) === 0 ? null : (teams[pick(teams.length)] ?? null);
        const day = dayOf(pick);
        responses.push([id, round.id, linkId, team, round.instrument_version_id, pick(10) === 0 ? 'en' : 'nl', 'bench', 'complete', day, day]);
        for (const r of rowsOf(instrument, pick)) answers.push([id, r.question, r.item, r.option, r.number, r.text]);
      }
      await sink.write(responses, answers);
      fs.writeSync(responsesOut, responses.map((r) => csvLine([r[0], r[1], r[3], r[7]])).join(''));
      fs.writeSync(answersOut, answers.map((r) => csvLine(r)).join(''));
      answerRows += answers.length;
      options.onProgress?.(end, options.responses);
    }
  } finally {
    fs.closeSync(answersOut);
    fs.closeSync(responsesOut);
    await sink.close();
  }
  return {
    organisationId,
    roundId: round.id,
    responses: options.responses,
    answerRows,
    answersCsv,
    responsesCsv,
    seconds: (performance.now() - started) / 1000,
  };
}

/** One valid response as long rows, exactly as the platform stores it (sampleAnswers → validateAnswers). */
function rowsOf(instrument: ResolvedInstrument, pick: (n: number) => number) {
  const result = validateAnswers(instrument, sampleAnswers(instrument, pick), 'nl');
  if (!result.ok) throw new Error(`Generated an invalid response: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.rows;
}
