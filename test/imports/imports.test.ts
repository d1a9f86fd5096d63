import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { openRound } from '../helpers/respondent.ts';

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/imports', name));
const body = (fileName: string, content: Uint8Array, extra: Record<string, unknown> = {}) => ({
  fileName,
  contentBase64: Buffer.from(content).toString('base64'),
  ...extra,
});

describeEachDatabase('importing earlier answers into a round', (dialect) => {
  let t: TestApp;
  let org: string;
  let researcher: Client;

  const newRound = async () => (await openRound(researcher, org)).round.id as string;
  const url = (roundId: string, preview = false) => `/api/orgs/${org}/rounds/${roundId}/imports${preview ? '/preview' : ''}`;
  const responsesOf = (roundId: string) => t.ctx.db.selectFrom('responses').selectAll().where('round_id', '=', roundId).orderBy('started_on').execute();
  const answersOf = (responseId: string) =>
    t.ctx.db.selectFrom('answers').select(['question', 'item', 'option', 'number_value', 'text_value']).where('response_id', '=', responseId).execute();

  /** Preview, then commit with the mapping the preview proposed, as the web app does. */
  async function importFile(roundId: string, fileName: string, content: Uint8Array) {
    const preview = await researcher.post(url(roundId, true), body(fileName, content));
    expect(preview.statusCode, preview.body).toBe(200);
    return researcher.post(url(roundId), body(fileName, content, { mapping: preview.json().mapping }));
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'De Overkant');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'researcher' });
    researcher = new Client(t.app);
    await researcher.login(user.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('the preview proposes a mapping from the headers and shows the first rows as they would be stored', async () => {
    const roundId = await newRound();
    const response = await researcher.post(url(roundId, true), body('ervaringswerkers.csv', fixture('ervaringswerkers-excel.csv')));
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', counts: { rows: 4, valid: 4, invalid: 0, problems: 0 }, problems: [] });
    expect(preview.mapping.columns).toMatchObject({
      Respondent: null,
      Datum: '_submitted_on',
      Sector: 'sector',
      'Uren per week': 'uren_per_week',
      Rollen: 'rollen',
      'evenwaardige_positie.betaald_worden': 'evenwaardige_positie.betaald_worden',
    });
    expect(preview.columns[0]).toEqual({ header: 'Respondent', target: null, proposed: null });
    expect(preview.rows).toHaveLength(4);
    const first = preview.rows[0];
    expect(first).toMatchObject({ row: 2, valid: true, language: 'nl', submittedOn: '2023-03-14', startedOn: '2023-03-14' });
    expect(first.answers).toEqual(
      expect.arrayContaining([
        { question: 'rollen', item: null, option: 'kritische_stem', number: null, text: null },
        { question: 'rollen', item: null, option: 'brugfiguur', number: null, text: null },
        { question: 'uren_per_week', item: null, option: null, number: 12, text: null },
        { question: 'evenwaardige_positie', item: 'betaald_worden', option: null, number: 4, text: null },
      ]),
    );
    expect(preview.targets.find((x: { target: string }) => x.target === 'rollen.brugfiguur')).toBeDefined();
    expect(await responsesOf(roundId)).toEqual([]);
  });

  it('imports a CSV in Dutch Excel style: every row becomes a complete response, in one go, with one audit event', async () => {
    const roundId = await newRound();
    const response = await importFile(roundId, 'C:\\Users\\onderzoek\\ervaringswerkers 2023.csv', fixture('ervaringswerkers-excel.csv'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ roundId, imported: 4 });

    const stored = await responsesOf(roundId);
    expect(stored).toHaveLength(4);
    const today = new Date().toISOString().slice(0, 10);
    for (const r of stored) {
      expect(r).toMatchObject({ status: 'complete', consent_version: 'import', language: 'nl', team_id: null, resume_code_hash: null });
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(stored.map((r) => r.submitted_on).sort()).toEqual(['2023-03-14', today, today, today]);
    const all = (await Promise.all(stored.map((r) => answersOf(r.id)))).flat();
    const comment = all.find((a) => a.question === 'opmerkingen' && a.text_value?.startsWith('Ik werk'));
    expect(comment?.text_value).toBe('Ik werk graag samen.\nMaar "evenwaardig" is het nog niet; echt niet.');
    expect(all.filter((a) => a.question === 'rollen').map((a) => a.option)).toEqual(
      expect.arrayContaining(['kritische_stem', 'brugfiguur', 'signaalfunctie', 'geen_specifieke_rol']),
    );
    expect(all.filter((a) => a.question === 'uren_per_week').map((a) => Number(a.number_value))).toEqual(expect.arrayContaining([12, 20, 8, 36]));
    expect(all.find((a) => a.item === 'betaald_worden' && a.option === '_no_opinion')).toBeDefined();

    const counts = (await researcher.get(`/api/orgs/${org}/rounds/${roundId}`)).json().responses;
    expect(counts).toEqual({ complete: 4, started: 4, fewerThan: null });
    const events = await t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'round.imported').where('subject_id', '=', roundId).execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.details ?? '{}')).toEqual({
      rows: 4,
      answers: all.length,
      fileName: 'ervaringswerkers 2023.csv',
      format: 'csv',
      source: 'api',
    });
    expect(events[0]?.actor_user_id).not.toBeNull();
  });

  it('reads a Windows-1252 file with accents right', async () => {
    const roundId = await newRound();
    const response = await importFile(roundId, 'oud.csv', fixture('ervaringswerkers-cp1252.csv'));
    expect(response.statusCode, response.body).toBe(200);
    const [stored] = await responsesOf(roundId);
    const answers = await answersOf(stored?.id ?? '');
    expect(answers.find((a) => a.question === 'opmerkingen')?.text_value).toBe('Het café was één keer dicht – jammer.');
    expect(answers.find((a) => a.question === 'rollen')?.option).toBe('beleidsbeinvloeding');
  });

  it('a file with bad cells stores nothing and names the row and column of every problem', async () => {
    const roundId = await newRound();
    const before = await auditActions(t.ctx, org);
    const response = await importFile(roundId, 'fouten.csv', fixture('ervaringswerkers-fouten.csv'));
    expect(response.statusCode).toBe(400);
    const result = response.json();
    expect(result.error.id).toBe('validation_failed');
    expect(result.problemCount).toBe(4);
    expect(result.problems).toEqual([
      { row: 2, column: 'Rollen', message: '‘Toverfee’ is geen antwoord bij deze vraag. Gebruik de code of de tekst van een antwoord.' },
      { row: 3, column: 'Uren per week', message: 'Vul een getal in tussen 0 en 80.' },
      { row: 4, column: 'Rollen', message: '‘Geen specifieke rol’ kan je niet combineren met andere antwoorden.' },
      { row: 5, column: 'Opleiding', message: 'Kies minstens één antwoord.' },
    ]);
    expect(result.error.issues[1]).toEqual({ path: 'row 3, Uren per week', message: 'Vul een getal in tussen 0 en 80.' });
    expect(await responsesOf(roundId)).toEqual([]);
    expect(await auditActions(t.ctx, org)).toEqual(before);

    // The preview shows the same problems, and which rows are fine.
    const preview = (await researcher.post(url(roundId, true), body('fouten.csv', fixture('ervaringswerkers-fouten.csv')))).json();
    expect(preview.counts).toEqual({ rows: 5, valid: 1, invalid: 4, problems: 4 });
    expect(preview.rows.map((r: { valid: boolean }) => r.valid)).toEqual([false, false, false, false, true]);
  });

  it('speaks English to an English-speaking researcher', async () => {
    const roundId = await newRound();
    const english = new Client(t.app, 'en');
    const user = await makeUser(t.ctx, { organisationId: org, role: 'admin', language: 'en' });
    await english.login(user.email, TEST_PASSWORD);
    const preview = (await english.post(url(roundId, true), body('fouten.csv', fixture('ervaringswerkers-fouten.csv')))).json();
    expect(preview.problems[1]).toEqual({ row: 3, column: 'Uren per week', message: 'Enter a number between 0 and 80.' });
  });

  it('imports an Excel file (numbers, dates, a language column), read from the first sheet', async () => {
    const roundId = await newRound();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ervaringswerkers 2022');
    ws.addRow(['sector', 'organisatietype', 'statuut', 'betaald', 'opleiding', 'uren_per_week', 'rollen', 'omkadering', 'Ingevuld op', 'Taal']);
    ws.addRow(['ggz', 'ambulant', 'Volunteer', 'No', 'No training', 16, 'Critical voice; Bridge figure', 'Coaching', new Date(Date.UTC(2022, 10, 3)), 'en']);
    ws.addRow(['jeugdhulp', 'welzijn', 'Vrijwilliger', 'Nee', 'Geen opleiding', { formula: '4*2', result: 8 }, 'Leefwereld', 'Vorming', '2022-11-04', 'nl']);
    wb.addWorksheet('Notities').addRow(['niet importeren']);
    const content = new Uint8Array(await wb.xlsx.writeBuffer());
    const response = await importFile(roundId, 'ronde-2022.xlsx', content);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().imported).toBe(2);
    const stored = await responsesOf(roundId);
    expect(stored.map((r) => [r.language, r.started_on, r.submitted_on])).toEqual([
      ['en', '2022-11-03', '2022-11-03'],
      ['nl', '2022-11-04', '2022-11-04'],
    ]);
    const answers = await answersOf(stored[1]?.id ?? '');
    expect(answers.find((a) => a.question === 'uren_per_week')?.number_value).toBe(8);
  });

  it("imports into a team's link: one team for the whole file, or a team column per row", async () => {
    const team = await makeTeam(t.ctx, org, 'Team Oost');
    const { round } = await openRound(researcher, org, { teamIds: [team] });
    const csv = (extra: string, cells: string[]) =>
      Buffer.from(
        [
          `sector;organisatietype;statuut;betaald;opleiding;rollen;omkadering${extra}`,
          ...cells.map((c) => `ggz;ambulant;vrijwilliger;nee;geen_opleiding;brugfiguur;coaching${c}`),
        ].join('\n'),
      );
    const whole = await researcher.post(url(round.id), body('oost.csv', csv('', ['']), { mapping: { columns: {}, teamId: team } }));
    // An empty mapping links nothing: every required question is missing, said once per question.
    expect(whole.statusCode).toBe(400);
    expect(whole.json().problems.map((p: { row: number }) => p.row)).toEqual(Array(7).fill(1));

    const preview = (await researcher.post(url(round.id, true), body('oost.csv', csv(';Team', [';team oost', ';'])))).json();
    expect(preview.mapping.columns.Team).toBe('_team');
    expect(preview.rows.map((r: { teamId: string | null }) => r.teamId)).toEqual([team, null]);
    const response = await researcher.post(url(round.id), body('oost.csv', csv(';Team', [';team oost', ';', ';Team West']), { mapping: preview.mapping }));
    expect(response.json().problems).toEqual([{ row: 4, column: 'Team', message: 'Deze ronde heeft geen link voor het team ‘Team West’.' }]);
    const ok = await researcher.post(
      url(round.id),
      body('oost.csv', csv('', ['', '']), { mapping: { columns: { ...preview.mapping.columns, Team: null }, teamId: team } }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await responsesOf(round.id)).map((r) => r.team_id)).toEqual([team, team]);
  });

  it('a file larger than the usual request limit goes through (a few thousand rows)', async () => {
    const roundId = await newRound();
    const header = 'sector;organisatietype;statuut;betaald;opleiding;uren_per_week;rollen;omkadering;opmerkingen\r\n';
    const line = (i: number) =>
      `ggz;ambulant;vrijwilliger;nee;geen_opleiding;${i % 40};"Kritische stem; Brugfiguur";intervisie;"Respondent ${i}: ${'x'.repeat(40)}"\r\n`;
    const content = Buffer.from(header + Array.from({ length: 3000 }, (_, i) => line(i)).join(''), 'utf8');
    expect(content.length).toBeGreaterThan(256 * 1024);
    const response = await importFile(roundId, 'groot.csv', content);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().imported).toBe(3000);
    expect((await researcher.get(`/api/orgs/${org}/rounds/${roundId}`)).json().responses.complete).toBe(3000);
  });

  it('refuses a file beyond the import limit (413) and a file it cannot read (400, with the line)', async () => {
    const roundId = await newRound();
    const huge = await researcher.post(url(roundId, true), { fileName: 'x.csv', contentBase64: 'A'.repeat(13 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    const broken = await researcher.post(url(roundId, true), body('kapot.csv', Buffer.from('sector;opmerkingen\r\nggz;"nooit gesloten\r\n')));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().problems).toEqual([{ row: 2, column: '', message: expect.stringMatching(/aanhalingsteken/) }]);
    const xls = await researcher.post(url(roundId, true), body('oud.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])));
    expect(xls.json().problems[0].message).toMatch(/\.xls/);
  });

  it('only a researcher or admin of the organisation may import: a member gets 403, another organisation 404', async () => {
    const roundId = await newRound();
    const content = body('e.csv', fixture('ervaringswerkers-excel.csv'));
    for (const role of ['member', 'coordinator'] as const) {
      const user = await makeUser(t.ctx, { organisationId: org, role });
      const client = new Client(t.app);
      await client.login(user.email, TEST_PASSWORD);
      expect((await client.post(url(roundId, true), content)).statusCode).toBe(403);
      expect((await client.post(url(roundId), { ...content, mapping: { columns: {} } })).statusCode).toBe(403);
    }
    const otherOrg = await makeOrganisation(t.ctx, 'Elders');
    const outsider = await makeUser(t.ctx, { organisationId: otherOrg, role: 'admin' });
    const client = new Client(t.app);
    await client.login(outsider.email, TEST_PASSWORD);
    expect((await client.post(url(roundId, true), content)).statusCode).toBe(404);
    // Their own organisation in the URL, with this organisation's round.
    expect((await client.post(`/api/orgs/${otherOrg}/rounds/${roundId}/imports`, { ...content, mapping: { columns: {} } })).statusCode).toBe(404);
    expect(await responsesOf(roundId)).toEqual([]);
  });
});
