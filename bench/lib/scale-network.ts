/**
 * A network for `bench/scale.ts`: N organisations in one fresh PostgreSQL database, each with the
 * experience workers' form published and one round, and R complete responses spread over the rounds:
 * the first organisation's round holds a large share (the "large round"), the others share the rest.
 *
 * How: the first organisation (the demo organisation) and BENCH template responses are made by the
 * platform itself (bench/lib/generate-rounds.ts: sampled answers, validated like a respondent's). The
 * organisation with its membership, instrument, published version, round and link is copied N − 1 times
 * inside PostgreSQL; every other response is a copy of a template response under a new id, streamed
 * with COPY (bench/lib/copy-load.ts, a bench-only path). The generator knows, per round, how many
 * responses and answer rows it wrote and how many chose sector "ggz" (the filtered report's n).
 * Finally the rounds module counts each round's tallies (rebuildTallies), as an import does.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { type AnswerTable, rebuildTallies } from '../../src/modules/rounds/bulk-load.ts';
import { MISSING_MARKER } from '../../src/modules/rounds/missing-marker.ts';
import { copyField, copyInto, copyLine, withoutIndexes } from './copy-load.ts';
import { ANSWER_COLUMNS, generateRound, RESPONSE_COLUMNS } from './generate-rounds.ts';

export type NetworkRound = { organisationId: string; roundId: string; linkId: string; versionId: string; responses: number; ggz: number; answerRows: number };
export type Network = {
  rounds: NetworkRound[];
  responses: number;
  answerRows: number;
  phases: [string, number][];
  indexBuilds: { name: string; seconds: number }[];
};
export type Plan = { responses: number; orgs: number; largeShare: number; template: number; csvDir: string };

/** Throws once the run has used its seconds; `remainingMs` bounds single long statements. */
export class Budget {
  readonly #end: number;
  constructor(seconds: number) {
    this.#end = performance.now() + seconds * 1000;
  }
  remainingMs = () => Math.max(0, Math.floor(this.#end - performance.now()));
  check(phase: string) {
    if (this.remainingMs() === 0) throw new Error(`--total-seconds used up during ${phase}`);
  }
}

const responseId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const secondsSince = (t0: number) => (performance.now() - t0) / 1000;

/** Responses per round: the large share to the first, the rest as evenly as can be. */
export function roundSizes(total: number, orgs: number, largeShare: number): number[] {
  const large = orgs === 1 ? total : Math.round(total * largeShare);
  const rest = total - large;
  return [large, ...Array.from({ length: orgs - 1 }, (_, k) => Math.floor(rest / (orgs - 1)) + (k < rest % (orgs - 1) ? 1 : 0))];
}

/** A progress line every few seconds: done of total, the rate and what is left. */
function progress(label: string, total: number, log: (line: string) => void) {
  const t0 = performance.now();
  let last = t0;
  return (done: number) => {
    const now = performance.now();
    if (done !== total && now - last < 5000) return;
    last = now;
    const rate = done / ((now - t0) / 1000);
    const eta = rate > 0 ? (total - done) / rate : 0;
    log(`  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')}/s, ${eta.toFixed(0)} s left)`);
  };
}

/** The template's answer rows per response, as COPY fields after the response id, and whether it chose sector ggz. */
async function readTemplate(client: pg.Client, roundId: string) {
  const responses = await client.query<{ id: string; team_id: string | null }>('select id, team_id from responses where round_id = $1 order by id', [roundId]);
  const answers = await client.query<AnswerTable>(
    'select a.response_id, a.question, a.item, a.option, a.number_value, a.text_value from answers a join responses r on r.id = a.response_id where r.round_id = $1',
    [roundId],
  );
  const byId = new Map(responses.rows.map((r, i) => [r.id, i]));
  const tails = responses.rows.map(() => [] as string[]);
  const ggz = responses.rows.map(() => false);
  for (const a of answers.rows) {
    const i = byId.get(a.response_id) ?? -1;
    tails[i]?.push(`\t${[a.question, a.item, a.option, a.number_value, a.text_value].map(copyField).join('\t')}\n`);
    if (a.question === 'sector' && a.option === 'ggz' && a.text_value !== MISSING_MARKER) ggz[i] = true;
  }
  return { teams: responses.rows.map((r) => r.team_id), tails, ggz };
}

/** The first organisation copied: membership, instrument, published version, round and link under new ids. */
async function copyOrganisation(client: pg.Client, first: NetworkRound, k: number): Promise<NetworkRound> {
  const ids = { organisationId: randomUUID(), instrumentId: randomUUID(), versionId: randomUUID(), roundId: randomUUID(), linkId: randomUUID() };
  const copy = (table: string, where: string, value: string, changes: Record<string, string | null>) =>
    client.query(`insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(t) || $2::jsonb)).* from ${table} t where ${where} = $1`, [
      value,
      JSON.stringify(changes),
    ]);
  const instrument = (await client.query<{ instrument_id: string }>('select instrument_id from instrument_versions where id = $1', [first.versionId])).rows[0];
  await copy('organisations', 'id', first.organisationId, { id: ids.organisationId, name: `Organisatie ${k}` });
  await copy('memberships', 'organisation_id', first.organisationId, { organisation_id: ids.organisationId });
  await copy('instruments', 'id', instrument?.instrument_id ?? '', { id: ids.instrumentId, organisation_id: ids.organisationId });
  await copy('instrument_versions', 'id', first.versionId, { id: ids.versionId, instrument_id: ids.instrumentId });
  await copy('rounds', 'id', first.roundId, {
    id: ids.roundId,
    organisation_id: ids.organisationId,
    instrument_version_id: ids.versionId,
    results_token: null,
  });
  await copy('round_links', 'id', first.linkId, { id: ids.linkId, round_id: ids.roundId, team_id: null, token: randomBytes(32).toString('base64url') });
  return { ...first, ...ids, responses: 0, ggz: 0, answerRows: 0 };
}

export async function buildNetwork(config: Config, plan: Plan, budget: Budget, log: (line: string) => void): Promise<Network> {
  if (config.database.kind !== 'postgres') throw new Error('The scale benchmark runs on PostgreSQL only.');
  const phases: [string, number][] = [];
  const sizes = roundSizes(plan.responses, plan.orgs, plan.largeShare);
  const template = Math.min(plan.template, sizes[0] ?? 0);
  let t0 = performance.now();
  const generated = await generateRound(config, { responses: template, csvDir: plan.csvDir });
  phases.push([`template: ${template.toLocaleString('en')} responses made and validated by the platform, inserted`, secondsSince(t0)]);
  log(`template of ${template} responses: ${secondsSince(t0).toFixed(1)} s`);
  budget.check('the template');

  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  try {
    const one = async <T>(text: string, values: unknown[]) => (await client.query(text, values)).rows[0] as T;
    const round = await one<{ instrument_version_id: string }>('select instrument_version_id from rounds where id = $1', [generated.roundId]);
    const link = await one<{ id: string }>('select id from round_links where round_id = $1 and team_id is null', [generated.roundId]);
    const first: NetworkRound = {
      organisationId: generated.organisationId,
      roundId: generated.roundId,
      linkId: link.id,
      versionId: round.instrument_version_id,
      responses: 0,
      ggz: 0,
      answerRows: 0,
    };
    const { teams, tails, ggz } = await readTemplate(client, generated.roundId);
    first.responses = template;
    first.ggz = ggz.filter(Boolean).length;
    first.answerRows = generated.answerRows;

    t0 = performance.now();
    const rounds = [first];
    await client.query('begin');
    for (let k = 2; k <= plan.orgs; k++) rounds.push(await copyOrganisation(client, first, k));
    await client.query('commit');
    phases.push([`${plan.orgs - 1} organisations copied (membership, instrument, round, link)`, secondsSince(t0)]);
    log(`${plan.orgs - 1} organisations copied: ${secondsSince(t0).toFixed(1)} s`);

    // Which template response each new response copies: response n copies template n mod T.
    const start = template;
    const plannedResponses = sizes.reduce((a, b) => a + b, 0) - template;
    let plannedRows = 0;
    for (let next = start; next < start + plannedResponses; next++) plannedRows += (tails[next % template] ?? []).length;
    // One pass over the plan; `each` is called for every new response in id order.
    const walk = function* (each: (id: string, target: NetworkRound, copyOf: number, index: number) => string) {
      let next = start;
      let chunk = '';
      for (const [index, target] of rounds.entries()) {
        for (let i = index === 0 ? template : 0; i < (sizes[index] ?? 0); i++) {
          chunk += each(responseId(next), target, next % template, index);
          next++;
          if (chunk.length > 1 << 20) {
            yield chunk;
            chunk = '';
          }
        }
      }
      if (chunk) yield chunk;
    };

    await client.query('set session_replication_role = replica');
    t0 = performance.now();
    let done = 0;
    const responsesProgress = progress('responses', plannedResponses, log);
    await copyInto(
      client,
      'responses',
      RESPONSE_COLUMNS,
      walk((id, target, copyOf, index) => {
        budget.check('COPY responses');
        responsesProgress(++done);
        target.responses++;
        target.ggz += ggz[copyOf] ? 1 : 0;
        const team = index === 0 ? (teams[copyOf] ?? null) : null;
        return copyLine([id, target.roundId, target.linkId, team, target.versionId, 'nl', 'bench', 'complete', '2027-04-01', '2027-04-01']);
      }),
    );
    phases.push([`COPY responses: ${plannedResponses.toLocaleString('en')} rows`, secondsSince(t0)]);

    t0 = performance.now();
    let rowsDone = 0;
    const answersProgress = progress('answer rows', plannedRows, log);
    const answerChunks = walk((id, target, copyOf) => {
      budget.check('COPY answers');
      const rows = tails[copyOf] ?? [];
      target.answerRows += rows.length;
      rowsDone += rows.length;
      answersProgress(rowsDone);
      let out = '';
      for (const tail of rows) out += id + tail;
      return out;
    });
    const indexBuilds = await withoutIndexes(client, 'answers', async () => {
      await copyInto(client, 'answers', ANSWER_COLUMNS, answerChunks);
      phases.push([`COPY answers: ${plannedRows.toLocaleString('en')} rows, without their two indexes`, secondsSince(t0)]);
      log(`  building the answers indexes again (${budget.remainingMs() / 1000} s left)`);
      await client.query(`set maintenance_work_mem = '512MB'`);
      await client.query(`set statement_timeout = ${budget.remainingMs()}`);
    });
    for (const b of indexBuilds) phases.push([`index ${b.name} built`, b.seconds]);
    await client.query('set session_replication_role = origin');
    await client.query('set statement_timeout = 0');

    t0 = performance.now();
    // As autovacuum would soon after: statistics, and the visibility map for index-only scans.
    await client.query('vacuum analyze');
    phases.push(['VACUUM ANALYZE', secondsSince(t0)]);

    t0 = performance.now();
    const handle = openDatabase(config.database);
    try {
      const talliesProgress = progress('rounds counted into tallies', rounds.length, log);
      for (const [i, r] of rounds.entries()) {
        budget.check('the tallies');
        await rebuildTallies(handle.db, [r.roundId]);
        talliesProgress(i + 1);
      }
    } finally {
      await handle.close();
    }
    phases.push([`tallies counted per round (rebuildTallies, ${rounds.length} rounds)`, secondsSince(t0)]);
    await client.query('analyze answer_value_tallies');
    // The rebuild wrote each response's tally hashes (the services write them with the response).
    await client.query('vacuum analyze responses');

    return {
      rounds,
      responses: rounds.reduce((s, r) => s + r.responses, 0),
      answerRows: rounds.reduce((s, r) => s + r.answerRows, 0),
      phases,
      indexBuilds,
    };
  } finally {
    await client.end().catch(() => {});
  }
}
