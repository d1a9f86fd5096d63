import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { envFor, runCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/databases.ts';

it('`export` writes a round for SPSS and the tables for Dutch Excel, with a progress bar, audited without a person', { timeout: 180_000 }, async () => {
  const testDb = await createTestDatabase('sqlite', { migrated: true });
  try {
    const env = envFor(testDb.database);
    expect((await runCli(['demo'], env)).code).toBe(0);
    const dir = path.dirname(testDb.database.kind === 'sqlite' ? testDb.database.file : '');
    const sav = path.join(dir, 'gegevens.sav');
    const [responses, tables, unknown, missing] = await Promise.all([
      runCli(['export', 'demo-ervaringswerkers', '--format', 'sav', '--out', sav, '--lang', 'en'], env),
      runCli(['export', 'demo-ervaringswerkers', '--format', 'r', '--out', path.join(dir, 'tabellen.zip'), '--tables-only', '--dutch-excel'], env),
      runCli(['export', 'demo-ervaringswerkers', '--format', 'spss', '--out', path.join(dir, 'x')], env),
      runCli(['export', 'bestaat-niet', '--format', 'csv', '--out', path.join(dir, 'y')], env),
    ]);
    expect(responses.code, responses.stderr).toBe(0);
    expect(responses.stderr).toMatch(/Export \[.*\] 100% \| 89\/89 rows/);
    expect(responses.stderr).toMatch(/Written to .*gegevens\.sav \(89 responses, \d+ bytes\)/);
    const bytes = fs.readFileSync(sav);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('$FL2');
    expect(bytes.includes(Buffer.from('In which sector do you mainly work?'))).toBe(true);
    expect(tables.code, tables.stderr).toBe(0);
    const files = unzipSync(fs.readFileSync(path.join(dir, 'tabellen.zip')));
    expect(Object.keys(files).sort()).toEqual(['lees-tabellen.R', 'tabellen.csv']);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['tabellen.csv']).startsWith('\uFEFFtabel;vraag;')).toBe(true);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown format "spss": use sav, xlsx, csv, json, r/);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No round with key "bestaat-niet"/);
    expect(fs.existsSync(path.join(dir, 'y'))).toBe(false);
    const handle = openDatabase(testDb.database);
    const events = await handle.db.selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', 'export.downloaded').execute();
    await handle.close();
    expect(events).toHaveLength(2);
    for (const e of events) expect([e.actor_user_id, JSON.parse(e.details).source]).toEqual([null, 'cli']);
  } finally {
    await testDb.dispose();
  }
});
