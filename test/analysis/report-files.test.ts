import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/accounts.ts';
import { DEMO_ROUND_KEYS } from '../../src/modules/demo/rounds.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { envFor, runCli } from '../helpers/cli.ts';
import { createDemoTestDatabase, describeEachDatabase, type TestDatabase } from '../helpers/databases.ts';
import { auditActions } from '../helpers/factories.ts';

const CLI_TIMEOUT = 120_000;
const chromiumPath = inject('chromiumPath');
const noChromium = chromiumPath === null;
const pdfinfoPath = inject('pdfinfoPath');
if (noChromium) process.stdout.write('\nSKIPPING the PDF report tests: Chromium was not found on this machine.\n');

type Table = { question: string; text: string; n: number; validN: number; missing: number; items: { code: string; label: string }[] };

async function signIn(t: TestApp, email: string): Promise<Client> {
  const client = new Client(t.app);
  const response = await client.login(email, DEMO_PASSWORD);
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.body}`);
  return client;
}

async function demoRounds(t: TestApp, client: Client) {
  const org = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'De Brug GGZ (demo)').executeTakeFirstOrThrow()).id;
  const rounds = (await client.get(`/api/orgs/${org}/rounds`)).json<{ rounds: { id: string; key: string }[] }>().rounds;
  const byKey = (key: string) => rounds.find((r) => r.key === key) ?? expect.unreachable(`round ${key}`);
  return { org, ew: byKey(DEMO_ROUND_KEYS.experienceWorkers), pro: byKey(DEMO_ROUND_KEYS.professionals) };
}

/** The part of the HTML report about one question: from its heading to the next question. */
function sectionOf(html: string, heading: string): string {
  const escaped = heading.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const start = html.indexOf(`>${escaped}</h3>`);
  expect(start, `heading ${heading}`).toBeGreaterThan(0);
  const end = html.indexOf('<section', start);
  return html.slice(start, end === -1 ? undefined : end);
}

/** A tagged PDF has a structure tree and says it is marked (what `pdfinfo` shows as "Tagged: yes"). */
function expectTaggedPdf(pdf: Buffer) {
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  const text = pdf.toString('latin1');
  expect(text).toMatch(/\/StructTreeRoot/);
  expect(text).toMatch(/\/Marked\s+true/);
}

describeEachDatabase('the printable report (HTML)', (dialect) => {
  let t: TestApp;
  let researcher: Client;
  let rounds: Awaited<ReturnType<typeof demoRounds>>;
  let roles: Table;

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, undefined, { demo: true });
    researcher = await signIn(t, 'onderzoeker@demo.kruisbestuiving.org');
    rounds = await demoRounds(t, researcher);
    const report = (await researcher.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report`)).json<{ tables: Table[] }>();
    roles = report.tables.find((table) => table.question === 'rollen') ?? expect.unreachable('roles table');
  });
  afterAll(() => t.close());

  it('is a self-contained download with the title page, the method and the roles table with 48,8 and its n', async () => {
    const response = await researcher.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report.html?lang=nl`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="rapport-demo-ervaringswerkers.html"');
    const html = response.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link /);
    expect(html).toContain('De Brug GGZ (demo)');
    expect(html).toContain('Werkwijze');
    expect(html).toContain('Begonnen (ook niet afgewerkt)');
    expect(html).toContain('Alle aantallen zijn zichtbaar');
    const section = sectionOf(html, roles.text);
    expect(section).toContain('48,8');
    expect(section).toContain(`n = ${roles.n} · geldige n = ${roles.validN} · ontbrekend = ${roles.missing}`);
    expect(section).toMatch(/<svg[^>]*role="img"/);
    expect(section).toContain('48,8 %</text>');
    // Statistics of scales are written with the question's decimals (1 by default): "2,9", never "2,90".
    const means = [...html.matchAll(/Gemiddelde: ([\d,]+) · Standaardafwijking: ([\d,]+) · Mediaan: ([\d,]+)/g)];
    expect(means.length).toBeGreaterThan(0);
    for (const [, mean, sd, median] of means) for (const value of [mean, sd, median]) expect(value).toMatch(/^\d+,\d$/);
    expect(await auditActions(t.ctx, rounds.org)).toContain('report.downloaded');
  });

  it('in English, with English numbers', async () => {
    const response = await researcher.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report.html?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain('Results per question');
    expect(response.body).toContain('48.8');
  });

  it('hides small counts for a member, with a footnote', async () => {
    const member = await signIn(t, 'lid@demo.kruisbestuiving.org');
    const response = await member.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report.html`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('Kleine aantallen zijn verborgen');
    const section = sectionOf(html, roles.text);
    const label = roles.items.find((i) => i.code === 'geen_specifieke_rol')?.label ?? expect.unreachable('geen_specifieke_rol');
    const row = section.slice(section.indexOf(`<th scope="row">${label}</th>`));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('>–</abbr>');
    expect(section).not.toContain('>2,4<');
    expect(section).toContain('– = verborgen');
    expect(section).toContain('48,8');
  });

  it('compares the perspectives when a second round is given', async () => {
    const response = await researcher.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report.html?compare=${rounds.pro.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Perspectieven naast elkaar');
    expect(response.body).toContain('De grootste verschillen');
  });
});

describe.skipIf(noChromium)('the printable report (PDF, SQLite)', () => {
  let t: TestApp;
  let researcher: Client;
  let rounds: Awaited<ReturnType<typeof demoRounds>>;

  beforeAll(async () => {
    t = await createTestApp('sqlite', {}, undefined, { demo: true });
    researcher = await signIn(t, 'onderzoeker@demo.kruisbestuiving.org');
    rounds = await demoRounds(t, researcher);
  });
  afterAll(() => t.close());

  it('is a tagged A4 PDF', async () => {
    const response = await researcher.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report.pdf?lang=nl`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="rapport-demo-ervaringswerkers.pdf"');
    expectTaggedPdf(response.rawPayload);
  }, 60_000);
});

describe('the PDF without Chromium', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { chromiumPath: '/nonexistent/chromium' }, undefined, { demo: true });
  });
  afterAll(() => t.close());

  it('answers 503 with a plain message in the person’s language', async () => {
    const researcher = await signIn(t, 'onderzoeker@demo.kruisbestuiving.org');
    const rounds = await demoRounds(t, researcher);
    const response = await researcher.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report.pdf?lang=nl`);
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(/^Een PDF maken lukt nu niet/);
    const english = await researcher.get(`/api/orgs/${rounds.org}/rounds/${rounds.ew.id}/report.pdf?lang=en`);
    expect(english.body).toMatch(/^A PDF cannot be made right now/);
  });
});

describe('the report files from the command line (SQLite)', () => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    // The demo organisation as loadDemo(ctx) leaves it, copied from the worker's template.
    testDb = await createDemoTestDatabase('sqlite');
    env = { ...envFor(testDb.database), ...(chromiumPath ? { CHROMIUM_PATH: chromiumPath } : {}) };
    handle = openDatabase(testDb.database);
    await migrateToLatest(handle.db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-report-'));
  });
  afterAll(async () => {
    await handle.close();
    await testDb.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'writes an HTML report, compared with the professionals',
    async () => {
      const out = path.join(dir, 'rapport.html');
      const result = await runCli(
        ['report', DEMO_ROUND_KEYS.experienceWorkers, '--format', 'html', '--lang', 'nl', '--out', out, '--compare', DEMO_ROUND_KEYS.professionals],
        env,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/Report \[/);
      expect(result.stderr).toMatch(/Written to .*rapport\.html \(HTML/);
      const html = fs.readFileSync(out, 'utf8');
      expect(html).toContain('48,8');
      expect(html).toContain('Perspectieven naast elkaar');
      expect(html).toContain('Alle aantallen zijn zichtbaar');
    },
    CLI_TIMEOUT,
  );

  it(
    'adds cross-tabs to the JSON report with --crosstab, with the chi-square test',
    async () => {
      const out = path.join(dir, 'rapport-kruistabel.json');
      const result = await runCli(['report', DEMO_ROUND_KEYS.experienceWorkers, '--crosstab', 'sector:betaald', '--out', out], env);
      expect(result.code, result.stderr).toBe(0);
      const json = JSON.parse(fs.readFileSync(out, 'utf8')) as {
        crossTabs: { lines: { code: string; cells: { count: number }[] }[]; test: { chiSquare: { statistic: number; df: number } } }[];
      };
      expect(json.crossTabs[0]?.lines[0]).toMatchObject({ code: 'ggz', cells: [{ count: 14 }, { count: 7 }, { count: 19 }] });
      expect(json.crossTabs[0]?.test.chiSquare).toMatchObject({ statistic: 6.97, df: 4 });
      const bad = await runCli(['report', DEMO_ROUND_KEYS.experienceWorkers, '--crosstab', 'sector'], env);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('use rows:cols');
    },
    CLI_TIMEOUT,
  );

  it.skipIf(noChromium)(
    'writes a tagged PDF report',
    async () => {
      const out = path.join(dir, 'rapport.pdf');
      const result = await runCli(['report', DEMO_ROUND_KEYS.experienceWorkers, '--format', 'pdf', '--lang', 'en', '--out', out], env);
      expect(result.code, result.stderr).toBe(0);
      const pdf = fs.readFileSync(out);
      expectTaggedPdf(pdf);
      // Outside CI without poppler the structure check above stands in (global-setup names the skip); CI requires pdfinfo.
      if (pdfinfoPath !== null) expect(execFileSync(pdfinfoPath, [out], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    },
    CLI_TIMEOUT,
  );
});
