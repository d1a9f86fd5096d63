import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { systemClock } from '../../src/core/clock.ts';
import type { ServiceContext } from '../../src/core/context.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { envFor, runCli } from '../helpers/cli.ts';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';

/** Each run starts Node and tsx (a few seconds on a busy machine). */
const CLI_TIMEOUT = 90_000;
const fixtures = path.resolve(import.meta.dirname, '../fixtures/imports');

it(
  'the import command explains itself with --help',
  async () => {
    const help = await runCli(['import', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: kruisbestuiving import \[options\] <roundId> <file>/);
    expect(help.stdout).toMatch(/--mapping <file>/);
    expect(help.stdout).toMatch(/--dry-run/);
    expect(help.stdout).toMatch(/--sheet <name>/);
    expect(help.stdout).toMatch(/row 12, column "rollen"/);
  },
  CLI_TIMEOUT,
);

describeEachDatabase('importing from the command line', (dialect) => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  let roundId: string;

  const responses = () => handle.db.selectFrom('responses').select(['id', 'consent_version', 'status']).where('round_id', '=', roundId).execute();

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect, { migrated: true });
    env = envFor(testDb.database);
    handle = openDatabase(testDb.database);
    await migrateToLatest(handle.db);
    const ctx: ServiceContext = { db: handle.db, dialect: handle.dialect, clock: systemClock, config: loadConfig({}) };
    const org = await makeOrganisation(ctx, 'Het Anker');
    const admin = await makeUser(ctx, { organisationId: org, role: 'admin' });
    const versionId = await makePublishedVersion(ctx, org);
    roundId = (await makeRound(ctx, org, versionId, admin.id)).roundId;
  });
  afterAll(async () => {
    await handle.close();
    await testDb.dispose();
  });

  it(
    'reports every problem as row and column, exits with 1, and stores nothing',
    async () => {
      const file = path.join(fixtures, 'ervaringswerkers-fouten.csv');
      const [result, dutch] = await Promise.all([runCli(['import', roundId, file], env), runCli(['import', roundId, file, '--lang', 'nl'], env)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('row 2, column "Rollen": ‘Toverfee’ is not an answer to this question.');
      expect(result.stderr).toContain('row 3, column "Uren per week": Enter a number between 0 and 80.');
      expect(result.stderr).toContain('row 4, column "Rollen": ‘No specific role’ cannot be combined with other answers.');
      expect(result.stderr).toContain('row 5, column "Opleiding": Choose at least one answer.');
      expect(result.stderr).toMatch(/Nothing was imported: 4 problems\./);
      expect(await responses()).toEqual([]);

      expect(dutch.stderr).toContain('row 3, column "Uren per week": Vul een getal in tussen 0 en 80.');
    },
    CLI_TIMEOUT,
  );

  it(
    'a dry run checks every row and stores nothing',
    async () => {
      const result = await runCli(['import', roundId, path.join(fixtures, 'ervaringswerkers-excel.csv'), '--dry-run'], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Dry run: all 4 rows can be imported; nothing was stored\./);
      expect(result.stdout).toMatch(/Columns not imported: "Respondent"/);
      expect(await responses()).toEqual([]);
    },
    CLI_TIMEOUT,
  );

  it(
    'imports with a mapping file and a progress bar, recorded in the audit trail as the command line',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-import-'));
      const mappingFile = path.join(dir, 'mapping.json');
      const mapping = {
        columns: {
          Sector: 'sector',
          Organisatietype: 'organisatietype',
          Statuut: 'statuut',
          Betaald: 'betaald',
          Opleiding: 'opleiding',
          Rollen: 'rollen',
          Omkadering: 'omkadering',
          Opmerkingen: 'opmerkingen',
          Respondent: null,
        },
        values: { Sector: { GGZ: 'ggz' } },
        language: 'nl',
      };
      fs.writeFileSync(mappingFile, JSON.stringify(mapping));
      const result = await runCli(['import', roundId, path.join(fixtures, 'ervaringswerkers-cp1252.csv'), '--mapping', mappingFile], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Imported 1 response \(\d+ answers\) into round/);
      expect(result.stdout + result.stderr).toMatch(/Validated \[.*\] 100% \| 1\/1 rows/);
      expect(result.stdout + result.stderr).toMatch(/Stored +\[.*\] 100% \| 1\/1 rows/);
      expect(await responses()).toEqual([{ id: expect.any(String), consent_version: 'import', status: 'complete' }]);
      const event = await handle.db.selectFrom('audit_events').selectAll().where('action', '=', 'round.imported').executeTakeFirstOrThrow();
      expect(event.actor_user_id).toBeNull();
      expect(JSON.parse(event.details)).toMatchObject({ rows: 1, fileName: 'ervaringswerkers-cp1252.csv', source: 'cli' });

      fs.writeFileSync(mappingFile, JSON.stringify({ columns: { Sector: 42 } }));
      const badMapping = await runCli(['import', roundId, path.join(fixtures, 'ervaringswerkers-cp1252.csv'), '--mapping', mappingFile], env);
      expect(badMapping.code).toBe(1);
      expect(badMapping.stderr).toMatch(/The mapping .*mapping\.json is not valid:\n {2}columns\.Sector:/);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    CLI_TIMEOUT,
  );

  it(
    'says so when the round or the file does not exist',
    async () => {
      const [missingRound, missingFile, notAnId] = await Promise.all([
        runCli(['import', crypto.randomUUID(), path.join(fixtures, 'ervaringswerkers-excel.csv')], env),
        runCli(['import', roundId, path.join(fixtures, 'bestaat-niet.csv')], env),
        runCli(['import', 'ronde-1', 'x.csv'], env),
      ]);
      expect(missingRound.code).toBe(1);
      expect(missingRound.stderr).toMatch(/No round with id/);
      expect(missingFile.stderr).toMatch(/does not exist/);
      expect(notAnId.stderr).toMatch(/is not a round id/);
    },
    CLI_TIMEOUT,
  );
});
