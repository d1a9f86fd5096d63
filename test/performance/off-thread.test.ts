import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { offThreadJobs } from '../../src/core/off-thread.ts';
import { workerStarts } from '../../src/core/worker-pool.ts';
import { exportForActor } from '../../src/modules/exports/service.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { insertSampleResponses, makePublishedVersion, makeRound } from '../helpers/respondent.ts';

/**
 * CPU-heavy work leaves the request thread: a response-level export is written in a worker thread and
 * streamed back with backpressure, an uploaded file is parsed in one. Checked by the thread the job ran
 * on (a number, not a time) and by the server answering other requests while an export is half-way.
 */
/** Three pages of cases (pages are 500): the export is read in several chunks. */
const RESPONSES = 1200;
/** The job that ran last (read anew each time: set by the worker's answer). */
const lastJob = () => offThreadJobs.last;

describeEachDatabase('CPU-heavy work off the request thread', (dialect) => {
  let t: TestApp;
  let org: string;
  let roundId: string;
  let researcher: { userId: string; language: 'nl'; roles: Map<string, string> };
  let client: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Werkdraad');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    researcher = { userId: user.id, language: 'nl', roles: new Map([[org, 'researcher']]) };
    const versionId = await makePublishedVersion(t.ctx, org);
    ({ roundId } = await makeRound(t.ctx, org, versionId, user.id));
    await insertSampleResponses(t.ctx, { roundId, versionId, count: RESPONSES });
  });
  afterAll(() => t.close());

  it('writes an export in another thread, and answers other requests while it is half-way', async () => {
    offThreadJobs.last = null;
    const file = await exportForActor(t.ctx, publishedInstruments, researcher, {
      organisationId: org,
      roundId,
      request: { format: 'json', lang: 'nl', tablesOnly: false, dutchExcel: false },
    });
    let ended = false;
    file.body.on('end', () => {
      ended = true;
    });
    const chunks: Buffer[] = [];
    const reader = file.body[Symbol.asyncIterator]();
    // The first chunk, then the reader waits: the worker stops within a few chunks (backpressure).
    const first = await reader.next();
    chunks.push(first.value as Buffer);
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(ended).toBe(false);
    for (let next = await reader.next(); !next.done; next = await reader.next()) chunks.push(next.value as Buffer);
    expect(ended).toBe(true);
    expect(chunks.length).toBeGreaterThan(2);
    const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { responses: unknown[] };
    expect(json.responses).toHaveLength(1200);
    // The job ran in a worker thread, not on this (the request) thread.
    expect(lastJob()?.task).toBe('export');
    expect(typeof lastJob()?.threadId).toBe('number');
    expect(lastJob()?.threadId).not.toBe(threadId);
    // Nothing of the export's bookkeeping is left once the worker stopped.
    expect(await t.ctx.db.selectFrom('export_orders').select('export_id').execute()).toEqual([]);
  });

  it('parses an uploaded file in another thread', async () => {
    offThreadJobs.last = null;
    const content = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/imports', 'ervaringswerkers-excel.csv'));
    const preview = await client.post(`/api/orgs/${org}/rounds/${roundId}/imports/preview`, {
      fileName: 'ervaringswerkers.csv',
      contentBase64: content.toString('base64'),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ format: 'csv', counts: { rows: 4 } });
    expect(lastJob()?.task).toBe('import');
    expect(lastJob()?.threadId).not.toBe(threadId);
  });
  it('uses the worker of a finished export again for the next one, on a channel of its own', async () => {
    const exportJson = async () => {
      const file = await exportForActor(t.ctx, publishedInstruments, researcher, {
        organisationId: org,
        roundId,
        request: { format: 'json', lang: 'nl', tablesOnly: false, dutchExcel: false },
      });
      const chunks: Buffer[] = [];
      for await (const chunk of file.body) chunks.push(chunk as Buffer);
      return (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { responses: unknown[] }).responses.length;
    };
    expect(await exportJson()).toBe(1200);
    const threadOfFirst = lastJob()?.threadId;
    const startsBefore = workerStarts.count;
    expect(await exportJson()).toBe(1200);
    expect(await exportJson()).toBe(1200);
    expect(workerStarts.count - startsBefore).toBe(0);
    expect(lastJob()?.threadId).toBe(threadOfFirst);
    // A reader that goes away half-way (a closed tab) gives the worker back too.
    const dropped = await exportForActor(t.ctx, publishedInstruments, researcher, {
      organisationId: org,
      roundId,
      request: { format: 'csv', lang: 'nl', tablesOnly: false, dutchExcel: false },
    });
    for await (const _chunk of dropped.body) break;
    expect(await exportJson()).toBe(1200);
    expect(workerStarts.count - startsBefore).toBe(0);
  });
});
