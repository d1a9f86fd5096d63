import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type PdfPrinter, PdfUnavailableError } from '../../src/core/pdf-printer.ts';
import { buildApp } from '../../src/http/app.ts';
import { type OpenedTestDatabase, openTestDatabase } from '../helpers/databases.ts';

/**
 * The app closes the PDF printer it made (and with it Chromium) when it closes; a printer it was given (the tests share
 * one per worker) stays its owner's. Nothing is printed here: a closed printer refuses at once, without Chromium.
 */
describe('who closes the PDF printer', () => {
  let database: OpenedTestDatabase;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-printer-'));
  const config = { ...loadConfig({}), dataDir };
  const footer = { page: 'Pagina', of: 'van' };

  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('an app closes its own printer when it closes', async () => {
    const app = await buildApp({ config, database: database.handle, logger: false });
    await app.ready();
    const printer = app.pdfPrinter;
    await app.close();
    await expect(printer.print('<p>x</p>', footer)).rejects.toThrow(PdfUnavailableError);
  });

  it('an app leaves a printer it was given open', async () => {
    const closed: string[] = [];
    const given: PdfPrinter = { available: () => true, print: async () => Buffer.from('%PDF'), close: async () => void closed.push('closed') };
    const app = await buildApp({ config, database: database.handle, logger: false, pdfPrinter: given });
    await app.ready();
    expect(app.pdfPrinter).toBe(given);
    await app.close();
    expect(closed).toEqual([]);
  });
});
