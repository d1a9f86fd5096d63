import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/accounts.ts';
import { DEMO_ROUND_KEYS } from '../../src/modules/demo/rounds.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

type Item = { code: string; label: string; count: number | null; validN: number };
type Report = { round: { n: number }; tables: { question: string; view: string; text: string; items: Item[] }[] };

const rscript = inject('rscriptPath');
if (!rscript) process.stdout.write('\nSKIPPING test/exports/r.test.ts: R is not installed here (CI installs it and requires it).\n');

/**
 * What R itself makes of the export: the script is sourced as a researcher would, and the data
 * frame's labels and counts are printed one per line as `key<TAB>value`.
 */
const CHECK = `
Sys.setlocale("LC_ALL", "C.UTF-8")
source("lees-gegevens.R")
d <- gegevens
out <- function(...) writeLines(enc2utf8(paste(..., sep = "\\t")))
out("rows", nrow(d))
out("class sector", class(d[["sector"]]))
out("label sector", attr(d[["sector"]], "label"))
counts <- table(d[["sector"]])
for (level in names(counts)) out("sector", level, counts[[level]])
for (name in attr(d, "mrsets")[["rollen"]][["variables"]]) {
  out("role", name, sum(d[[name]] == 1, na.rm = TRUE), sum(!is.na(d[[name]])), attr(d[[name]], "label"))
}
`;

const run = rscript ? describeEachDatabase : (name: string, suite: (dialect: 'sqlite') => void) => it.skip(name, () => suite('sqlite'));

run('the R export sourced by R gives a labelled data frame with the report’s figures (demo round)', (dialect) => {
  let t: TestApp;
  let dir: string;
  let report: Report;
  let lines: string[][];

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, undefined, { demo: true });
    const researcher = new Client(t.app);
    await researcher.login('onderzoeker@demo.kruisbestuiving.org', DEMO_PASSWORD);
    const org = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'De Brug GGZ (demo)').executeTakeFirstOrThrow()).id;
    const round = await t.ctx.db.selectFrom('rounds').select('id').where('key', '=', DEMO_ROUND_KEYS.experienceWorkers).executeTakeFirstOrThrow();
    report = (await researcher.get(`/api/orgs/${org}/rounds/${round.id}/report?lang=nl`)).json<Report>();
    const response = await researcher.get(`/api/orgs/${org}/rounds/${round.id}/export?format=r&lang=nl`);
    expect(response.statusCode).toBe(200);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-r-export-'));
    for (const [name, bytes] of Object.entries(unzipSync(response.rawPayload))) fs.writeFileSync(path.join(dir, name), bytes);
    fs.writeFileSync(path.join(dir, 'check.R'), CHECK);
    const { stdout } = await promisify(execFile)(rscript ?? 'Rscript', ['--vanilla', 'check.R'], {
      cwd: dir,
      env: { ...process.env, LANG: 'C.UTF-8' },
      timeout: 60_000,
    });
    lines = stdout
      .split('\n')
      .filter((l) => l.includes('\t'))
      .map((l) => l.split('\t'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const valuesOf = (key: string) => lines.filter((l) => l[0] === key).map((l) => l.slice(1));
  const tableOf = (question: string) => report.tables.find((table) => table.question === question) ?? expect.unreachable(question);

  it('has every response, and the sector as a factor with the question as its label and the report’s counts', () => {
    expect(valuesOf('rows')).toEqual([[String(report.round.n)]]);
    expect(report.round.n).toBe(89);
    expect(valuesOf('class sector')).toEqual([['factor']]);
    const sector = tableOf('sector');
    expect(valuesOf('label sector')).toEqual([[sector.text]]);
    const counts = new Map(valuesOf('sector').map(([label, count]) => [label, Number(count)]));
    for (const item of sector.items) expect(counts.get(item.label), item.label).toBe(item.count ?? 0);
  });

  it('has the roles of Tabel 4 as the multiple-response set, each 0/1 variable with the report’s count and valid n', () => {
    const roles = tableOf('rollen');
    const fromR = new Map(valuesOf('role').map(([name, chosen, valid, label]) => [name, { chosen: Number(chosen), valid: Number(valid), label }]));
    expect(fromR.size).toBe(roles.items.length);
    for (const item of roles.items) {
      const variable = fromR.get(`rollen_${item.code}`) ?? expect.unreachable(`rollen_${item.code}`);
      expect(variable.chosen, item.code).toBe(item.count);
      expect(variable.valid, item.code).toBe(item.validN);
      expect(variable.label).toContain(item.label);
    }
    // The two roles five people left blank (valid n 84, as printed in the seed).
    expect(roles.items.filter((i) => i.validN === 84)).toHaveLength(2);
  });
});
