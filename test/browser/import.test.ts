import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, FileChooser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { createInstrument, publishVersion } from '../../src/modules/instruments/service.ts';
import { publishedInstruments } from '../../src/modules/rounds/instrument-source.ts';
import { createRound } from '../../src/modules/rounds/service.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const PASSWORD = 'demo-kruisbestuiving';

/**
 * A file as Dutch Excel saves it: a byte order mark, `;` between the cells, CRLF, a decimal comma
 * and a quoted cell over two lines. The third person's roles hold one made-up answer.
 */
const csv = (roles: string) =>
  `\uFEFF${[
    'Respondent;Datum;Sector;Organisatietype;Statuut;Betaald;betaling_hoe;Opleiding;Uren per week;Rollen;evenwaardige_positie.betaald_worden;Omkadering;omkadering_voldoende;Opmerkingen',
    '1;14-03-2023;GGZ (geestelijke gezondheidszorg);Een dienst waar mensen naartoe gaan of die bij mensen thuis komt;Vrijwilliger;Nee;;Geen opleiding;12,0;"Kritische stem; Brugfiguur";Akkoord;Intervisie;4;',
    '2;;Verslavingszorg;ambulant;"Vrijwilliger; Betaalde werknemer";Ja;Een loon, met een arbeidscontract;Opleiding ervaringswerk;20;Signaalfunctie;Helemaal akkoord;"Coaching; Intervisie";Akkoord;"Ik werk graag samen.',
    'Maar ""evenwaardig"" is het nog niet; echt niet."',
    `3;;Jeugdhulp;welzijn;Zelfstandige;Soms;Een factuur, als zelfstandige;"Opleiding ervaringswerk; Professionele opleiding";8;${roles};Weet ik niet;Geen ondersteuning;;`,
    '4;;ggz;residentieel;betaalde_werknemer;ja;loon;professionele_opleiding;36;"Kritische stem | Brugfiguur";5;supervisie;5;Geen opmerkingen',
  ].join('\r\n')}\r\n`;

run('importing earlier answers in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let dir: string;
  let roundPath: string;
  const files = { bad: '', good: '' };

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    const ctx = server.app.services;
    const org = await ctx.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    const admin = await ctx.db.selectFrom('memberships').select('user_id').where('role', '=', 'admin').executeTakeFirstOrThrow();
    const actor: Actor = { userId: admin.user_id, language: 'nl', roles: new Map([[org.id, 'admin']]) };
    const created = await createInstrument(ctx, actor, org.id, { copyOf: 'cocreatie-ervaringswerkers', key: 'import-test' });
    const version = await publishVersion(ctx, actor, org.id, created.id, 1);
    const round = await createRound(ctx, publishedInstruments, actor, org.id, {
      instrumentVersionId: version.id,
      name: 'Voorjaar 2023',
      closesOn: '2999-12-31',
      teamIds: [],
      organisationLink: true,
      openTextExport: false,
    });
    roundPath = `/o/${org.id}/in-beeld/rounds/${round.id}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-import-'));
    files.bad = path.join(dir, 'ervaringswerkers 2023.csv');
    files.good = path.join(dir, 'ervaringswerkers 2023 verbeterd.csv');
    fs.writeFileSync(files.bad, csv('"Kritische stem; Toverfee"'));
    fs.writeFileSync(files.good, csv('Geen specifieke rol'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  // bypassCSP only so axe-core can be injected; the pages themselves run under the strict policy in production.

  /*
   * Waiting assertions built on vitest's expect.poll and Playwright's waitFor. (The shared
   * locator-matchers read `this.isNot`, which vitest 4 leaves undefined for a positive assertion,
   * so there `toBeVisible()` passes without looking.)
   */
  const shown = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 10_000 });
  const gone = (locator: Locator) => locator.first().waitFor({ state: 'hidden', timeout: 10_000 });
  const textOf = (locator: Locator) => expect.poll(async () => ((await locator.first().textContent()) ?? '').trim(), { timeout: 10_000 });
  const attributeOf = (locator: Locator, name: string) => expect.poll(() => locator.first().getAttribute(name), { timeout: 10_000 });
  const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

  const importButton = (page: Page) => page.getByRole('button', { name: 'Importeren', exact: true });
  const completeCount = (page: Page) => page.locator('.stats dd').first();

  it('checks a Dutch Excel CSV, names the bad cell by row and column, refuses it, then imports the corrected file', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD, roundPath);
    await page.getByRole('heading', { level: 1, name: 'Voorjaar 2023' }).waitFor();
    await textOf(completeCount(page)).toBe('0');
    await page.getByRole('link', { name: 'Bestaande gegevens importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bestaande gegevens importeren' }).waitFor();
    await shown(page.getByText('CSV-bestand zoals Excel het bewaart (met ; tussen de kolommen)'));
    await expectAccessible(page, 'import, no file yet');

    // Checking without a file: the problem is said at the field, and the focus goes there.
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await textOf(page.locator('.field-error')).toContain('Kies eerst een bestand.');
    const fileInput = page.getByLabel('Bestand met antwoorden');
    await attributeOf(fileInput, 'aria-invalid').toBe('true');
    expect(await isFocused(fileInput)).toBe(true);

    // With the keyboard alone: the file chooser is reached with Tab and opened with the space bar.
    await page.getByRole('heading', { level: 1 }).focus();
    for (let i = 0; i < 10 && !(await isFocused(fileInput)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(fileInput)).toBe(true);
    // On a busy machine Chromium now and then drops the first key press on a file input: try up to three times.
    let chooser: FileChooser | undefined;
    for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
      [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => undefined), page.keyboard.press('Space')]);
    }
    if (!chooser) throw new Error('The space bar did not open the file chooser');
    await chooser.setFiles(files.bad);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // The preview: the one bad cell by row and column, and no way to import yet.
    await page.getByRole('heading', { level: 2, name: '2. Kijk na wat er geïmporteerd wordt' }).waitFor();
    await shown(page.getByRole('status').filter({ hasText: 'Het bestand is gecontroleerd: 4 rijen en 1 probleem.' }));
    const problems = page.locator('.import-problems');
    await textOf(problems.locator('h4')).toBe('Kolom ‘Rollen’: 1 probleem');
    await textOf(problems.locator('li')).toContain('Rij 5, kolom ‘Rollen’:');
    await textOf(problems.locator('li')).toContain('‘Toverfee’ is geen antwoord bij deze vraag.');
    await shown(page.getByText('CSV met ‘;’ tussen de kolommen, tekenset utf-8'));
    await attributeOf(importButton(page), 'aria-disabled').toBe('true');
    await shown(page.getByText('Importeren kan pas als er geen problemen meer zijn. Er is er nog 1.'));
    await importButton(page).click({ force: true });
    await gone(page.getByRole('dialog'));
    // The proposed mapping is preselected, with a note on how the cells of a choice column are read.
    const roles = page.getByLabel('Kolom ‘Rollen’ wordt');
    expect(await roles.inputValue()).toBe('rollen');
    await shown(page.getByText('Meer antwoorden in één cel: scheid ze met ; of |.'));
    expect(await page.getByLabel('Kolom ‘Respondent’ wordt').inputValue()).toBe('');
    await expectAccessible(page, 'import, a problem');

    // A changed mapping must be checked again before importing.
    await page.getByLabel('Kolom ‘Opmerkingen’ wordt').selectOption('');
    await shown(page.getByText('Je veranderde de koppeling. Druk eerst op ‘Opnieuw controleren’.'));
    await page.getByLabel('Kolom ‘Opmerkingen’ wordt').selectOption('opmerkingen');
    await gone(page.getByText('Je veranderde de koppeling. Druk eerst op ‘Opnieuw controleren’.'));
    await page.getByRole('button', { name: 'Opnieuw controleren' }).click();
    await gone(page.locator('form[aria-busy="true"]'));
    await shown(page.getByRole('status').filter({ hasText: 'Het bestand is gecontroleerd' }));
    await textOf(problems.locator('li')).toContain('Rij 5, kolom ‘Rollen’:');

    // The corrected file: checked, no problems, and the first rows as they will be stored.
    await fileInput.setInputFiles(files.good);
    await shown(page.getByText('Je koos een ander bestand. Druk eerst op ‘Bestand controleren’.'));
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await shown(page.getByText('Geen problemen gevonden: alle 4 rijen kunnen geïmporteerd worden.'));
    await shown(page.getByText('Alles klopt: 4 rijen kunnen geïmporteerd worden.'));
    expect(await importButton(page).getAttribute('aria-disabled')).toBeNull();
    const firstRow = page.locator('.import-rows details').first();
    await firstRow.locator('summary').click();
    // "12,0" in the file is stored as the number 12.
    await textOf(firstRow).toContain('Hoeveel uur per week werk je ongeveer als ervaringswerker?12');
    await textOf(firstRow).toContain('2023-03-14');
    const secondRow = page.locator('.import-rows details').nth(1);
    await secondRow.locator('summary').click();
    await textOf(secondRow).toContain('Maar "evenwaardig" is het nog niet; echt niet.');
    await expectAccessible(page, 'import, ready');

    // Importing asks first, with the number of rows.
    await importButton(page).click();
    const dialog = page.getByRole('dialog', { name: '4 rijen importeren?' });
    await shown(dialog);
    await textOf(dialog).toContain('Elk van de 4 rijen wordt een volledig ingevuld antwoord in de ronde ‘Voorjaar 2023’.');
    await expectAccessible(page, 'import, confirm');
    await dialog.getByRole('button', { name: 'Ja, importeren' }).click();
    await page.getByRole('heading', { level: 2, name: '4 antwoorden geïmporteerd' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('4 antwoorden geïmporteerd');
    await expectAccessible(page, 'import, done');

    // Back on the round page, the count includes them.
    await page.getByRole('link', { name: 'Naar de ronde ‘Voorjaar 2023’' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voorjaar 2023' }).waitFor();
    await textOf(completeCount(page)).toBe('4');
    await context.close();
  }, 120_000);

  it('shows progress while the file goes up and is checked, and fits a 320 px screen in every state', async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD, `${roundPath}/import`);
    await page.getByRole('heading', { level: 1, name: 'Bestaande gegevens importeren' }).waitFor();
    await expectNoHorizontalScroll(page, 'import at 320 px, no file yet');
    await expectAccessible(page, 'import at 320 px, no file yet');

    // Held back a moment on its way, so the busy state can be seen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/imports/preview', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('Bestand met antwoorden').setInputFiles(files.bad);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    const progress = page.locator('.import-progress');
    await shown(progress);
    await textOf(progress.locator('label')).toMatch(/Het bestand wordt verstuurd|De server controleert elke rij/);
    await shown(page.locator('form[aria-busy="true"]'));
    await expectNoHorizontalScroll(page, 'import at 320 px, busy');
    release();
    await page.getByRole('heading', { level: 2, name: '2. Kijk na wat er geïmporteerd wordt' }).waitFor();
    await gone(progress);
    await textOf(page.locator('.import-problems li')).toContain('Rij 5, kolom ‘Rollen’:');
    await page.locator('.import-rows summary').first().click();
    await expectNoHorizontalScroll(page, 'import at 320 px, a problem');
    await expectAccessible(page, 'import at 320 px, a problem');

    // A file that is no Excel file at all: said in an alert, and the earlier preview is gone.
    await page.unroute('**/imports/preview');
    await page
      .getByLabel('Bestand met antwoorden')
      .setInputFiles({ name: 'kapot.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 geen zip') });
    await shown(page.getByLabel('Naam van het werkblad (mag leeg)'));
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Dit bestand kunnen we zo niet lezen.' });
    await shown(alert);
    await textOf(alert).toContain('Het bestand:');
    await gone(page.getByRole('heading', { level: 2, name: '2. Kijk na wat er geïmporteerd wordt' }));
    await expectNoHorizontalScroll(page, 'import at 320 px, unreadable file');
    await expectAccessible(page, 'import at 320 px, unreadable file');
    await context.close();
  });
});
