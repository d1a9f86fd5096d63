import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/accounts.ts';
import { DEMO_ROUND_KEYS } from '../../src/modules/demo/rounds.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { parseCsvRecords } from './helpers.ts';

type Variable = { name: string; label: string; role: string; target: string | null; type: string; values: { value: number; label: string; key: string }[] };
type JsonExport = {
  format: string;
  version: number;
  kind: string;
  round: { key: string; responses: number; openText: boolean; withheld: string[] };
  codebook: { variables: Variable[]; multipleResponseSets: { name: string; variables: string[] }[] };
  responses: Record<string, number | string | null>[];
};
type Item = { code: string; count: number | null; validN: number; percent: number | null };
type Report = { round: { n: number }; tables: { question: string; item: string | null; view: string; n: number; validN: number; items: Item[] }[] };

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describeEachDatabase('exports that other tools read as they are', (dialect) => {
  let t: TestApp;
  let researcher: Client;
  let org: string;
  const round: Record<string, { id: string; versionId: string }> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, undefined, { demo: true });
    researcher = new Client(t.app);
    await researcher.login('onderzoeker@demo.kruisbestuiving.org', DEMO_PASSWORD);
    org = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'De Brug GGZ (demo)').executeTakeFirstOrThrow()).id;
    for (const key of Object.values(DEMO_ROUND_KEYS)) {
      const row = await t.ctx.db.selectFrom('rounds').select(['id', 'instrument_version_id']).where('key', '=', key).executeTakeFirstOrThrow();
      round[key] = { id: row.id, versionId: row.instrument_version_id };
    }
  });
  afterAll(() => t.close());

  const exportOf = async (key: string, query: string) => {
    const response = await researcher.get(`/api/orgs/${org}/rounds/${round[key]?.id}/export?${query}`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response;
  };

  it('JSON: the documented shape, one record per response with every codebook variable', async () => {
    const json = (await exportOf(DEMO_ROUND_KEYS.experienceWorkers, 'format=json&lang=en')).json<JsonExport>();
    expect([json.format, json.version, json.kind]).toEqual(['kruisbestuiving-export', 1, 'responses']);
    expect(json.round).toMatchObject({ key: DEMO_ROUND_KEYS.experienceWorkers, responses: 89, openText: false });
    expect(json.round.withheld).toContain('opmerkingen');
    expect(json.responses).toHaveLength(89);
    const names = json.codebook.variables.map((v) => v.name);
    for (const record of json.responses) expect(Object.keys(record)).toEqual(names);
    expect(json.responses.map((r) => r.volgnummer)).toEqual(Array.from({ length: 89 }, (_, i) => i + 1));
    expect(json.codebook.multipleResponseSets.find((s) => s.name === '$rollen')?.variables).toContain('rollen_brugfiguur');
    expect(json.codebook.variables.find((v) => v.name === 'sector')?.label).toBe('In which sector do you mainly work?');
  });

  it('XLSX: read back with a second library (read-excel-file), the data equal the JSON export and the labels the codebook', async () => {
    const [xlsx, json] = await Promise.all([
      exportOf(DEMO_ROUND_KEYS.experienceWorkers, 'format=xlsx&lang=nl'),
      exportOf(DEMO_ROUND_KEYS.experienceWorkers, 'format=json&lang=nl'),
    ]);
    const expected = json.json<JsonExport>();
    const sheets = await readXlsxFile(xlsx.rawPayload);
    const byName = new Map(sheets.map((s) => [s.sheet, s.data]));
    expect([...byName.keys()].slice(0, 4)).toEqual(['Gegevens', 'Codeboek', 'Waardelabels', 'Tabellen']);
    const data = byName.get('Gegevens') ?? expect.unreachable('Gegevens');
    const names = expected.codebook.variables.map((v) => v.name);
    expect(data[0]).toEqual(names);
    expect(data).toHaveLength(90);
    data.slice(1).forEach((row, i) => {
      expect(row.map((cell) => (cell === undefined ? null : cell))).toEqual(names.map((n) => expected.responses[i]?.[n] ?? null));
    });
    const codebook = byName.get('Codeboek') ?? expect.unreachable('Codeboek');
    expect(codebook.slice(1).map((r) => [r[0], r[1]])).toEqual(expected.codebook.variables.map((v) => [v.name, v.label]));
    const labels = byName.get('Waardelabels') ?? expect.unreachable('Waardelabels');
    expect(labels.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(expected.codebook.variables.flatMap((v) => v.values.map((l) => [v.name, l.value, l.label])));
    // A sheet per table of the report.
    expect(sheets.filter((s) => /^\d+ /.test(s.sheet)).length).toBeGreaterThan(10);
  });

  it('R: a zip with the CSV, the codebook and an R script that labels every variable', async () => {
    const files = unzipSync((await exportOf(DEMO_ROUND_KEYS.experienceWorkers, 'format=r&lang=nl')).rawPayload);
    expect(Object.keys(files).sort()).toEqual(['codeboek.csv', 'gegevens.csv', 'lees-gegevens.R']);
    const script = text(files['lees-gegevens.R'] ?? new Uint8Array());
    const header = parseCsvRecords(text(files['gegevens.csv'] ?? new Uint8Array()))[0] ?? [];
    for (const name of header) expect(script).toContain(`attr(d[["${name}"]], "label") <-`);
    expect(script).toContain('read.csv(path, sep = ",", dec = "."');
  });

  it('CSV for Dutch Excel: a byte order mark, semicolons, CRLF, and the codebook as a second CSV', async () => {
    const files = unzipSync((await exportOf(DEMO_ROUND_KEYS.experienceWorkers, 'format=csv&lang=nl&dutchExcel=1')).rawPayload);
    const data = files['gegevens.csv'] ?? new Uint8Array();
    expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the byte order mark.
    const lines = text(data).split('\r\n');
    expect(lines[0]?.startsWith('volgnummer;team;taal;sector;')).toBe(true);
    expect(lines).toHaveLength(89 + 2);
    const codebook = parseCsvRecords(text(files['codeboek.csv'] ?? new Uint8Array()), ';');
    expect(codebook[0]?.slice(0, 3)).toEqual(['variabele', 'label', 'rol']);
  });

  /** The export's CSV and the import mapping its codebook gives (which column is which question, what each code stands for). */
  async function csvWithMapping(key: string) {
    const files = unzipSync((await exportOf(key, 'format=csv&lang=nl')).rawPayload);
    const csv = files['gegevens.csv'] ?? new Uint8Array();
    const codebook = parseCsvRecords(text(files['codeboek.csv'] ?? new Uint8Array()));
    const head = codebook[0] ?? [];
    const col = (name: string) => head.indexOf(name);
    const columns: Record<string, string | null> = {};
    const values: Record<string, Record<string, string>> = {};
    for (const row of codebook.slice(1)) {
      const [variable = '', target = '', role = '', value = '', valueKey = ''] = [
        row[col('variabele')],
        row[col('importdoel')],
        row[col('rol')],
        row[col('waarde')],
        row[col('sleutel')],
      ];
      const answer = target !== '' && !target.startsWith('_');
      columns[variable] = answer ? target : null;
      if (answer && value !== '' && (role === 'choice' || role === 'scale')) values[variable] = { ...values[variable], [value]: valueKey };
    }
    return { csv, mapping: { columns, values } };
  }

  /** A new round of the same form, with this CSV imported into it. */
  async function importIntoNewRound(
    key: string,
    csv: Uint8Array,
    mapping: { columns: Record<string, string | null>; values: Record<string, Record<string, string>> },
  ) {
    const created = await researcher.post(`/api/orgs/${org}/rounds`, {
      instrumentVersionId: round[key]?.versionId,
      name: 'Teruggelezen',
      closesOn: '2999-12-31',
      teamIds: [],
    });
    expect(created.statusCode, created.body).toBe(200);
    const copy = created.json<{ id: string }>().id;
    const imported = await researcher.post(`/api/orgs/${org}/rounds/${copy}/imports`, {
      fileName: 'gegevens.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      mapping,
    });
    expect(imported.statusCode, imported.body.slice(0, 1000)).toBe(200);
    return { copy, imported: imported.json<{ imported: number }>().imported };
  }

  it('CSV round-trips through the platform’s own import into a new round and gives the same report', async () => {
    const key = DEMO_ROUND_KEYS.professionals;
    const { csv, mapping } = await csvWithMapping(key);
    const { copy, imported } = await importIntoNewRound(key, csv, mapping);
    expect(imported).toBe(76);
    const figures = (report: Report) =>
      report.tables.map((table) => ({
        question: table.question,
        item: table.item,
        n: table.n,
        validN: table.validN,
        items: table.items.map((i) => [i.code, i.count, i.validN, i.percent]),
      }));
    const original = (await researcher.get(`/api/orgs/${org}/rounds/${round[key]?.id}/report`)).json<Report>();
    const again = (await researcher.get(`/api/orgs/${org}/rounds/${copy}/report`)).json<Report>();
    expect(again.round.n).toBe(76);
    expect(figures(again)).toEqual(figures(original));
  });

  it('an empty 0/1 cell of an answered question comes back as missing for that option, not as "not chosen"', async () => {
    // The experience workers who left two roles blank (the seed's valid n of 84), among those who answered every required question.
    const key = DEMO_ROUND_KEYS.experienceWorkers;
    const { csv, mapping } = await csvWithMapping(key);
    const [header = [], ...rows] = parseCsvRecords(text(csv));
    const columnsOf = (prefix: string) => header.flatMap((name, i) => (name.startsWith(prefix) ? [i] : []));
    const [roleColumns, statusColumns] = [columnsOf('rollen_'), columnsOf('statuut_')];
    const leftBlank = rows.filter(
      (row) => roleColumns.some((i) => row[i] === '') && roleColumns.some((i) => row[i] === '1') && statusColumns.some((i) => row[i] === '1'),
    );
    expect(leftBlank.length).toBeGreaterThanOrEqual(3);
    const file = [header, ...leftBlank]
      .map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(','))
      .join('\r\n');
    const { copy, imported } = await importIntoNewRound(key, new TextEncoder().encode(file), mapping);
    expect(imported).toBe(leftBlank.length);
    const report = (await researcher.get(`/api/orgs/${org}/rounds/${copy}/report`)).json<Report>();
    const roles = report.tables.find((table) => table.question === 'rollen') ?? expect.unreachable('rollen');
    const blank = roles.items.filter((i) => i.validN === 0);
    expect(blank).toHaveLength(2);
    for (const item of roles.items.filter((i) => i.validN !== 0)) expect(item.validN).toBe(leftBlank.length);
  });
});
