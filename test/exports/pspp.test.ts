import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/accounts.ts';
import { DEMO_ROUND_KEYS } from '../../src/modules/demo/rounds.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { type PsppTable, runPspp } from './helpers.ts';

type Item = { code: string; label: string; count: number | null; validN: number; percent: number | null };
type Table = { question: string; view: string; text: string; validN: number; items: Item[] };
type Report = { round: { n: number }; tables: Table[] };

const psppMissing = !inject('psppPath');
if (psppMissing) process.stdout.write('\nSKIPPING test/exports/pspp.test.ts: GNU PSPP is not installed here (CI installs it and requires it).\n');

/** A frequency table of PSPP: the label of each valid value → its frequency, and the valid percent. */
function frequencies(tables: PsppTable[], title: string): Map<string, { count: number; validPercent: number }> {
  const table = tables.find((t) => t.title === title) ?? expect.unreachable(`PSPP printed no table “${title}”`);
  const out = new Map<string, { count: number; validPercent: number }>();
  let section = '';
  for (const row of table.rows.slice(1)) {
    section = row[0] || section;
    if (section !== 'Valid' || !row[1]) continue;
    out.set(row[1], { count: Number(row[2]), validPercent: Number.parseFloat(row[4] ?? '') });
  }
  return out;
}

const describeWithPspp = psppMissing ? (name: string, suite: () => void) => it.skip(name, suite) : describeEachDatabase;

describeWithPspp('the .sav export read back by GNU PSPP equals the platform’s report (demo round)', (dialect?: unknown) => {
  let t: TestApp;
  let report: Report;
  let sav: Buffer;
  let org: string;

  beforeAll(async () => {
    t = await createTestApp(dialect as 'sqlite' | 'postgres', {}, undefined, { demo: true });
    const researcher = new Client(t.app);
    await researcher.login('onderzoeker@demo.kruisbestuiving.org', DEMO_PASSWORD);
    org = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'De Brug GGZ (demo)').executeTakeFirstOrThrow()).id;
    const round = await t.ctx.db.selectFrom('rounds').select('id').where('key', '=', DEMO_ROUND_KEYS.experienceWorkers).executeTakeFirstOrThrow();
    report = (await researcher.get(`/api/orgs/${org}/rounds/${round.id}/report?lang=nl`)).json<Report>();
    const response = await researcher.get(`/api/orgs/${org}/rounds/${round.id}/export?format=sav&lang=nl`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-spss-sav');
    expect(response.headers['x-total-rows']).toBe('89');
    sav = response.rawPayload;
  });
  afterAll(() => t.close());

  const tableOf = (question: string) => report.tables.find((table) => table.question === question) ?? expect.unreachable(question);

  it('has the roles of Tabel 4 as a multiple dichotomy set whose frequencies, valid n and labels are the report’s', async () => {
    const roles = tableOf('rollen');
    expect(roles.view).toBe('options');
    const names = roles.items.map((i) => `rollen_${i.code}`);
    const tables = await runPspp(
      sav,
      (file) => `GET FILE='${file}'.\nDISPLAY DICTIONARY.\nMRSETS /DISPLAY NAME=ALL.\nFREQUENCIES VARIABLES=${names.join(' ')}.\n`,
    );
    // 89 cases, every variable labelled with the question and the option.
    const variables = tables.find((x) => x.title === 'Variables') ?? expect.unreachable('Variables');
    const labelOf = new Map(variables.rows.slice(1).map((r) => [r[0], r[2]]));
    const set = tables.find((x) => x.title === 'Multiple Response Sets') ?? expect.unreachable('Multiple Response Sets');
    const rolesSet = set.rows.find((r) => r[0] === '$rollen') ?? expect.unreachable('$rollen');
    expect(rolesSet[1]).toBe(roles.text);
    expect(rolesSet[2]).toBe('Dichotomies');
    expect(rolesSet[3]).toBe('1');
    expect(rolesSet[4]?.split('\n')).toEqual(names);
    for (const item of roles.items) {
      const name = `rollen_${item.code}`;
      const label = `${roles.text}: ${item.label}`;
      expect(labelOf.get(name)).toBe(label);
      const freq = frequencies(tables, label);
      expect([...freq.keys()].sort()).toEqual(['Gekozen', 'Niet gekozen']);
      const chosen = freq.get('Gekozen')?.count ?? 0;
      const valid = chosen + (freq.get('Niet gekozen')?.count ?? 0);
      expect({ name, count: chosen, validN: valid }).toEqual({ name, count: item.count, validN: item.validN });
      expect(freq.get('Gekozen')?.validPercent).toBeCloseTo(item.percent ?? Number.NaN, 1);
    }
    // The seed's two roles with five people missing: valid n 84.
    expect(roles.items.filter((i) => i.validN === 84).map((i) => i.code)).toEqual(['kritische_stem', 'geen_specifieke_rol']);
  });

  it('gives status and training combinations (computed in PSPP from the 0/1 variables) equal to the report’s', async () => {
    for (const question of ['statuut', 'opleiding']) {
      const table = tableOf(question);
      expect(table.view).toBe('combinations');
      const options = [...new Set(table.items.flatMap((i) => i.code.split('+')))].filter((c) => c !== '_more');
      const all = options.map((o) => `${question}_${o}`);
      const flags = table.items.map((item, i) => {
        const chosen = item.code.split('+');
        const condition = [...chosen.map((c) => `${question}_${c} = 1`), `SUM(${all.join(', ')}) = ${chosen.length}`].join(' AND ');
        return { item, name: `c${i}`, syntax: `COMPUTE c${i} = ${condition}.` };
      });
      const tables = await runPspp(
        sav,
        (file) =>
          `GET FILE='${file}'.\n${flags.map((f) => f.syntax).join('\n')}\nCOMPUTE answered = SUM(${all.join(', ')}) >= 1.\nVALUE LABELS ${[...flags.map((f) => f.name), 'answered'].join(' ')} 1 'ja' 0 'nee'.\nVARIABLE LABELS ${flags.map((f) => `${f.name} '${f.name}'`).join(' /')} /answered 'answered'.\nFREQUENCIES VARIABLES=${flags.map((f) => f.name).join(' ')} answered.\n`,
      );
      expect(frequencies(tables, 'answered').get('ja')?.count, question).toBe(table.validN);
      for (const flag of flags)
        expect({ question, code: flag.item.code, count: frequencies(tables, flag.name).get('ja')?.count ?? 0 }).toEqual({
          question,
          code: flag.item.code,
          count: flag.item.count,
        });
    }
  });

  it('reads open answers over 255 bytes (very long strings, UTF-8) when the round allows open text', async () => {
    const round = await t.ctx.db.selectFrom('rounds').select('id').where('key', '=', DEMO_ROUND_KEYS.experienceWorkers).executeTakeFirstOrThrow();
    const response = await t.ctx.db.selectFrom('responses').select('id').where('round_id', '=', round.id).orderBy('id').executeTakeFirstOrThrow();
    const long = `Één lang antwoord: ${'ëï'.repeat(150)} — einde`;
    await t.ctx.db.deleteFrom('answers').where('response_id', '=', response.id).where('question', '=', 'opmerkingen').execute();
    await t.ctx.db
      .insertInto('answers')
      .values({ response_id: response.id, question: 'opmerkingen', item: null, option: null, number_value: null, text_value: long })
      .execute();
    await t.ctx.db.updateTable('rounds').set({ open_text_export: 1 }).where('id', '=', round.id).execute();
    try {
      const researcher = new Client(t.app);
      await researcher.login('onderzoeker@demo.kruisbestuiving.org', DEMO_PASSWORD);
      const withText = (await researcher.get(`/api/orgs/${org}/rounds/${round.id}/export?format=sav&lang=nl`)).rawPayload;
      const tables = await runPspp(
        withText,
        (file) => `GET FILE='${file}'.\nDISPLAY DICTIONARY VARIABLES=opmerkingen.\nSELECT IF LENGTH(RTRIM(opmerkingen)) > 255.\nLIST VARIABLES=opmerkingen.\n`,
      );
      const variables = tables.find((x) => x.title === 'Variables') ?? expect.unreachable('Variables');
      const row = variables.rows.find((r) => r[0] === 'opmerkingen') ?? expect.unreachable('opmerkingen');
      expect(row[7]).toBe(`A${Buffer.byteLength(long)}`);
      const listed = tables.find((x) => x.title === 'Data List') ?? expect.unreachable('Data List');
      expect(listed.rows.slice(1).map((r) => r[0])).toEqual([long]);
    } finally {
      await t.ctx.db.updateTable('rounds').set({ open_text_export: 0 }).where('id', '=', round.id).execute();
    }
  });

  it('labels values and measurement levels as the codebook says', async () => {
    const tables = await runPspp(sav, (file) => `GET FILE='${file}'.\nDISPLAY DICTIONARY.\n`);
    const variables = tables.find((x) => x.title === 'Variables') ?? expect.unreachable('Variables');
    const row = (name: string) => variables.rows.find((r) => r[0] === name) ?? expect.unreachable(name);
    expect(row('sector')[3]).toBe('Nominal');
    expect(row('evenwaardige_positie_betaald_worden')[3]).toBe('Ordinal');
    expect(row('evenwaardige_positie_betaald_worden')[9]).toBe('999');
    expect(row('uren_per_week')[3]).toBe('Scale');
    expect(variables.rows.length - 1).toBeGreaterThan(50);
    const values = tables.find((x) => x.title === 'Value Labels') ?? expect.unreachable('Value Labels');
    const sectorText = tableOf('sector').text;
    const start = values.rows.findIndex((r) => r[0] === sectorText);
    const sectorLabels = values.rows.slice(start, start + tableOf('sector').items.length).map((r) => r[2]);
    expect(sectorLabels.slice(0, 3)).toEqual(
      tableOf('sector')
        .items.slice(0, 3)
        .map((i) => i.label),
    );
  });
});
