import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId, newSecretToken } from '../../src/core/ids.ts';
import type { AnswerTable, ResponseTable } from '../../src/db/tables/rounds.ts';
import { exportForActor } from '../../src/modules/exports/service.ts';
import * as exportStore from '../../src/modules/exports/store.ts';
import { getBuiltinFramework } from '../../src/modules/frameworks/builtin.shared.ts';
import { validateAnswers } from '../../src/modules/instruments/answers.ts';
import { cocreatieErvaringswerkers } from '../../src/modules/instruments/builtin/cocreatie-in-beeld.ts';
import { resolveInstrument } from '../../src/modules/instruments/resolve.ts';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { insertAnswers } from '../../src/modules/rounds/store.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';
import { parseCsvRecords } from './helpers.ts';

const resolved = resolveInstrument(cocreatieErvaringswerkers, (key, version) => getBuiltinFramework(key, version));
if (!resolved.ok) throw new Error('the built-in form does not resolve');
const instrument = resolved.instrument;

/** Hostile texts a respondent could type: spreadsheets must show them, not run them. */
const HOSTILE = ['=HYPERLINK("http://kwaad.example","klik")', '+1+1', '-2+3', '@SUM(A1:A9)', '\tverborgen', '\rterug'];
const RESPONSES = 60;
/** A day no export may carry: the day these responses were "submitted". */
const SUBMITTED = '2027-01-15';

type TablesJson = {
  kind: string;
  columns: { name: string }[];
  rows: (string | number | null)[][];
  tables: { question: string; items: { code: string; count: number | null; suppressed: boolean }[] }[];
};

describeEachDatabase('exports over HTTP: who gets what, and nothing that the platform would hide', (dialect) => {
  let t: TestApp;
  let org: string;
  let roundId: string;
  let token: string;
  const clients = new Map<string, Client>();
  const responseIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Exportorganisatie');
    const other = await makeOrganisation(t.ctx, 'Andere organisatie');
    for (const role of ['admin', 'researcher', 'coordinator', 'member'] as const) {
      const user = await makeUser(t.ctx, { organisationId: org, role });
      const client = new Client(t.app);
      await client.login(user.email, TEST_PASSWORD);
      clients.set(role, client);
    }
    const outsider = await makeUser(t.ctx, { organisationId: other, role: 'admin' });
    const outsiderClient = new Client(t.app);
    await outsiderClient.login(outsider.email, TEST_PASSWORD);
    clients.set('outsider', outsiderClient);

    const admin = (
      await t.ctx.db.selectFrom('memberships').select('user_id').where('organisation_id', '=', org).where('role', '=', 'admin').executeTakeFirstOrThrow()
    ).user_id;
    const versionId = await makePublishedVersion(t.ctx, org);
    ({ roundId, token } = await makeRound(t.ctx, org, versionId, admin));
    await t.ctx.db.updateTable('rounds').set({ open_text_export: 1, key: 'export-proef' }).where('id', '=', roundId).execute();
    const link = await t.ctx.db.selectFrom('round_links').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow();
    // Time-ordered ids (UUID version 7 style), handed in in this order.
    const responses: ResponseTable[] = [];
    const answers: AnswerTable[] = [];
    for (let i = 0; i < RESPONSES; i++) {
      const id = `01930000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
      responseIds.push(id);
      const raw = sampleAnswers(instrument, seededPick(100 + i));
      raw.opmerkingen = `antwoord ${i}`;
      // Two people in youth care: a count the report hides from members.
      raw.sector = i < 2 ? 'jeugdhulp' : 'ggz';
      delete raw.sector_anders;
      const result = validateAnswers(instrument, raw, 'nl');
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      // Stored as typed (an import or an older form may keep a leading tab); the form itself trims.
      if (i < HOSTILE.length) for (const r of result.rows) if (r.question === 'opmerkingen') r.text = HOSTILE[i] as string;
      responses.push({
        id,
        round_id: roundId,
        link_id: link.id,
        team_id: null,
        instrument_version_id: versionId,
        language: 'nl',
        consent_version: 'proef',
        status: 'complete',
        started_on: SUBMITTED,
        submitted_on: SUBMITTED,
        resume_code_hash: null,
      });
      for (const r of result.rows)
        answers.push({ response_id: id, question: r.question, item: r.item, option: r.option, number_value: r.number, text_value: r.text });
    }
    // A draft with a resume code: never exported, and its code hash nowhere.
    responses.push({ ...(responses[0] as ResponseTable), id: newId(), status: 'draft', submitted_on: null, resume_code_hash: newSecretToken() });
    for (let i = 0; i < responses.length; i += 100)
      await t.ctx.db
        .insertInto('responses')
        .values(responses.slice(i, i + 100))
        .execute();
    await insertAnswers(t.ctx.db, answers);
  });
  afterAll(() => t.close());

  const url = (query: string, tables = false) => `/api/orgs/${org}/rounds/${roundId}/export${tables ? '/tables' : ''}?${query}`;
  const as = (who: string) => clients.get(who) ?? expect.unreachable(who);

  it('refuses response-level exports to members and coordinators (403), to outsiders (404) and to anonymous visitors (401)', async () => {
    for (const role of ['member', 'coordinator']) expect((await as(role).get(url('format=csv'))).statusCode, role).toBe(403);
    expect((await as('outsider').get(url('format=csv'))).statusCode).toBe(404);
    expect((await as('outsider').get(url('format=csv', true))).statusCode).toBe(404);
    expect((await new Client(t.app).get(url('format=csv'))).statusCode).toBe(401);
    expect((await as('researcher').get(url('format=spss'))).statusCode).toBe(400);
  });

  it('reads the cases page by page (keyset) with every response exactly once, in the same order as one big page', async () => {
    const read = async (size: number) => {
      const id = newId();
      expect(await exportStore.prepareOrder(t.ctx.db, id, roundId, new Date().toISOString())).toBe(RESPONSES);
      const texts: string[] = [];
      for await (const page of exportStore.responsePages(t.ctx.db, id, size)) {
        expect(page.length).toBeLessThanOrEqual(size);
        for (const response of page) texts.push(String(response.answers.find((a) => a.question === 'opmerkingen')?.text_value));
      }
      await exportStore.dropOrder(t.ctx.db, id);
      return texts;
    };
    const paged = await read(7);
    expect(paged).toHaveLength(RESPONSES);
    expect(new Set(paged).size).toBe(RESPONSES);
    expect(paged).toEqual(await read(1000));
  });

  it('streams every case once, in an order that is not the order of answering', async () => {
    const response = await as('researcher').get(url('format=json&lang=nl'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-total-rows']).toBe(String(RESPONSES));
    const json = response.json<{ responses: Record<string, unknown>[] }>();
    expect(json.responses).toHaveLength(RESPONSES);
    const order = json.responses.map((r) => {
      const text = String(r.opmerkingen);
      return text.startsWith('antwoord ') ? Number(text.slice(9)) : (HOSTILE as readonly string[]).indexOf(text);
    });
    expect(new Set(order).size).toBe(RESPONSES);
    expect(order.every((i) => i >= 0)).toBe(true);
    // Not in the order of answering, nor in reverse, and not merely shifted.
    const ascending = order.slice(1).filter((v, i) => v > (order[i] as number)).length;
    expect(ascending).toBeGreaterThan(RESPONSES * 0.3);
    expect(ascending).toBeLessThan(RESPONSES * 0.7);
    // The same order every time (a keyed hash, not chance).
    const again = (await as('researcher').get(url('format=json&lang=nl'))).json<{ responses: Record<string, unknown>[] }>();
    expect(again.responses.map((r) => r.opmerkingen)).toEqual(json.responses.map((r) => r.opmerkingen));
    // Nothing of the export's own bookkeeping is left behind.
    expect(await t.ctx.db.selectFrom('export_orders').selectAll().execute()).toEqual([]);
  });

  it('cleans up when the reader stops half-way (a closed browser tab), in every format', async () => {
    const researcher = await t.ctx.db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', org)
      .where('role', '=', 'researcher')
      .executeTakeFirstOrThrow();
    const actor = { userId: researcher.user_id, language: 'nl' as const, roles: new Map([[org, 'researcher']]) };
    for (const format of ['sav', 'xlsx', 'csv', 'json', 'r'] as const) {
      const file = await exportForActor(t.ctx, publishedInstruments, actor, {
        organisationId: org,
        roundId,
        request: { format, lang: 'nl', tablesOnly: false, dutchExcel: false },
      });
      expect(file.totalRows).toBe(RESPONSES);
      for await (const _chunk of file.body) break; // one chunk, then the reader goes away
      for (let i = 0; i < 100 && (await t.ctx.db.selectFrom('export_orders').select('export_id').execute()).length > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await t.ctx.db.selectFrom('export_orders').select('export_id').execute(), format).toEqual([]);
    }
  });

  it('neutralises hostile respondent text in CSV and XLSX, and keeps it as written in JSON', async () => {
    const files = unzipSync((await as('researcher').get(url('format=csv'))).rawPayload);
    const records = parseCsvRecords(new TextDecoder().decode(files['gegevens.csv']));
    const column = (records[0] ?? []).indexOf('opmerkingen');
    const texts = records.slice(1).map((r) => r[column] ?? '');
    for (const hostile of HOSTILE) expect(texts).toContain(`'${hostile}`);
    expect(texts.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual([]);
    // Numbers stay numbers, even negative ones: nothing but text is touched.
    const sheets = await readXlsxFile((await as('researcher').get(url('format=xlsx'))).rawPayload);
    const data = sheets[0]?.data ?? [];
    const xlsxColumn = (data[0] ?? []).indexOf('opmerkingen');
    const cells = data.slice(1).map((row) => String(row[xlsxColumn] ?? ''));
    for (const hostile of HOSTILE) expect(cells).toContain(`'${hostile}`);
    expect(cells.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual([]);
    const json = (await as('researcher').get(url('format=json'))).json<{ responses: { opmerkingen: string }[] }>();
    for (const hostile of HOSTILE) expect(json.responses.map((r) => r.opmerkingen)).toContain(hostile);
  });

  it('carries no tokens, resume codes, response ids or days of answering in any format', async () => {
    const forbidden = [token, ...responseIds.slice(0, 50), SUBMITTED, '20270115'];
    const codes = await t.ctx.db.selectFrom('responses').select('resume_code_hash').where('resume_code_hash', 'is not', null).execute();
    forbidden.push(...codes.map((c) => c.resume_code_hash as string));
    for (const format of ['sav', 'xlsx', 'csv', 'json', 'r']) {
      for (const tables of [false, true]) {
        const body = (await as('admin').get(url(`format=${format}`, tables))).rawPayload;
        const zipped = body[0] === 0x50 && body[1] === 0x4b;
        const contents = zipped ? Object.values(unzipSync(body)).map((b) => Buffer.from(b).toString('latin1')) : [body.toString('latin1')];
        for (const content of contents)
          for (const secret of forbidden) expect(content.includes(secret), `${format}${tables ? ' tables' : ''}: ${secret}`).toBe(false);
        // No clock time anywhere but midnight (a file's own date, to the day).
        for (const content of contents) expect(content.match(/\d{2}:\d{2}:\d{2}/g)?.filter((time) => time !== '00:00:00') ?? [], format).toEqual([]);
      }
    }
  });

  it('gives a member the report’s tables with small counts hidden exactly as the report hides them', async () => {
    const report = (await as('member').get(`/api/orgs/${org}/rounds/${roundId}/report`)).json<{
      tables: { question: string; items: { code: string; count: number | null; suppressed: boolean }[] }[];
    }>();
    const hiddenInReport = report.tables.flatMap((table) => table.items.filter((i) => i.suppressed).map((i) => `${table.question}:${i.code}`));
    expect(hiddenInReport.length).toBeGreaterThan(0);
    const json = (await as('member').get(url('format=json&lang=nl', true))).json<TablesJson>();
    expect(json.kind).toBe('tables');
    const col = (name: string) => json.columns.findIndex((c) => c.name === name);
    const hiddenInExport = json.rows.filter((r) => r[col('verborgen')] === 1 && r[col('code')] !== '').map((r) => `${r[col('vraag')]}:${r[col('code')]}`);
    expect(hiddenInExport).toEqual(hiddenInReport);
    for (const row of json.rows.filter((r) => r[col('verborgen')] === 1)) expect([row[col('aantal')], row[col('procent')]]).toEqual([null, null]);
    // The same in the CSV a spreadsheet opens, and no raw counts sneak in elsewhere.
    const csv = parseCsvRecords((await as('member').get(url('format=csv', true))).body);
    const header = csv[0] ?? [];
    const hiddenRows = csv.slice(1).filter((r) => r[header.indexOf('verborgen')] === '1');
    expect(hiddenRows.length).toBe(json.rows.filter((r) => r[col('verborgen')] === 1).length);
    for (const row of hiddenRows) expect(row[header.indexOf('aantal')]).toBe('');
    // A researcher sees every count in the same export.
    const full = (await as('researcher').get(url('format=json', true))).json<TablesJson>();
    expect(full.rows.filter((r) => r[col('verborgen')] === 1)).toEqual([]);
    // The XLSX tables say "verborgen" where a count is hidden.
    const sheets = await readXlsxFile((await as('member').get(url('format=xlsx&lang=nl', true))).rawPayload);
    expect(sheets.some((s) => s.data.some((row) => row.includes('verborgen')))).toBe(true);
  });

  it('records every export in the audit log with format and round, and nothing about people', async () => {
    await as('member').get(url('format=sav', true));
    const events = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('organisation_id', '=', org)
      .where('action', '=', 'export.downloaded')
      .orderBy('seq', 'desc')
      .execute();
    expect(events.length).toBeGreaterThan(10);
    const last = JSON.parse(events[0]?.details ?? '{}');
    expect(last).toMatchObject({ round: roundId, format: 'sav', tablesOnly: true, suppressed: true, source: 'web' });
    const all = events.map((e) => e.details).join('\n');
    for (const secret of [token, ...HOSTILE.slice(0, 2), 'antwoord']) expect(all.includes(secret)).toBe(false);
  });

  it('lets researchers switch open-text export off, and on only while nobody has answered', async () => {
    const path = `/api/orgs/${org}/rounds/${roundId}`;
    expect((await as('coordinator').patch(path, { openTextExport: false })).statusCode).toBe(403);
    const off = await as('researcher').patch(path, { openTextExport: false });
    expect(off.statusCode).toBe(200);
    expect(off.json<{ openTextExport: boolean }>().openTextExport).toBe(false);
    const json = (await as('researcher').get(url('format=json'))).json<{ round: { withheld: string[] }; responses: Record<string, unknown>[] }>();
    expect(json.round.withheld).toContain('opmerkingen');
    expect(JSON.stringify(json.responses)).not.toContain('antwoord 1');
    const on = await as('researcher').patch(path, { openTextExport: true });
    expect(on.statusCode).toBe(400);
    expect(on.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe('openTextExport');
    const details = await t.ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'round.updated')
      .where('subject_id', '=', roundId)
      .execute();
    expect(details.map((d) => JSON.parse(d.details))).toContainEqual({ openTextExport: false });
  });
});
