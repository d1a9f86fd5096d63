import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const MEMBER = 'lid@demo.kruisbestuiving.org';
const PASSWORD = 'demo-kruisbestuiving';

run('In beeld for researchers in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  /** Made by the first test, visited again by the later ones. */
  const made = { orgPath: '', instrumentPath: '', roundPath: '' };

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const questionHeadings = (page: Page) => page.locator('.question-head h4').allTextContents();

  it('a researcher builds a questionnaire, previews and publishes it, opens a round, and sees an answer arrive', async () => {
    const context = await newTestContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD);
    made.orgPath = new URL(page.url()).pathname.replace(/\/$/, '');

    // The overview: the demo's questionnaires and rounds, and the way to start a new one.
    await page.getByRole('link', { name: 'In beeld', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'In beeld' }).waitFor();
    await expect(page.getByRole('main')).toContainText('demo');
    await expectAccessible(page, 'in-beeld overview');

    await page.getByRole('button', { name: 'Nieuwe vragenlijst' }).click();
    await expect(page.getByLabel('Een lege vragenlijst')).toBeChecked();
    await page.getByLabel('Titel (Nederlands)', { exact: true }).fill('Korte peiling');
    await expect(page.getByLabel('Korte naam voor exports')).toHaveAttribute('value', 'korte-peiling');
    await expectAccessible(page, 'new questionnaire form');
    await page.getByRole('button', { name: 'Vragenlijst maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Korte peiling' }).waitFor();
    made.instrumentPath = new URL(page.url()).pathname;
    await expectAccessible(page, 'editor, empty');

    // One section with a choice question and a required short text.
    await page.getByRole('button', { name: 'Deel toevoegen' }).click();
    await page.getByLabel('Titel van het deel (Nederlands)').fill('Over je werk');
    await page.getByLabel('Soort nieuwe vraag in deel 1').selectOption('single');
    await page.getByRole('button', { name: 'Vraag toevoegen aan deel 1' }).click();
    await page.getByLabel('Vraag (Nederlands)', { exact: true }).fill('Hoe vaak werk je samen met een ervaringswerker?');
    await page.getByLabel('Verplicht: de deelnemer moet deze vraag beantwoorden').check();
    await page.getByLabel('Antwoord (Nederlands)', { exact: true }).first().fill('Vaak');

    // Saving with the second answer still empty: the server's problem shows in the list and at the field.
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect(page.getByRole('heading', { name: 'Kijk dit punt na' })).toBeVisible();
    await expect(page.locator('.issue-summary')).toContainText('Deel 1 › vraag 1 › antwoord 2 › woorden (Nederlands)');
    await page.locator('.issue-summary a').first().click();
    const secondAnswer = page.getByLabel('Antwoord (Nederlands)', { exact: true }).nth(1);
    await expect(secondAnswer).toHaveAttribute('aria-invalid', 'true');
    expect(await secondAnswer.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'editor with a problem');
    await secondAnswer.fill('Soms');

    await page.getByLabel('Soort nieuwe vraag in deel 1').selectOption('short_text');
    await page.getByRole('button', { name: 'Vraag toevoegen aan deel 1' }).click();
    await page.getByLabel('Vraag (Nederlands)', { exact: true }).nth(1).fill('Wat wil je nog kwijt?');
    await page.getByLabel('Verplicht: de deelnemer moet deze vraag beantwoorden').nth(1).check();
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen om' })).toBeVisible();
    await expect(page.locator('.issue-summary')).not.toBeVisible();
    await expectAccessible(page, 'editor with questions');

    // Reordering with the keyboard alone: the focus stays on the moved question's button.
    expect(await questionHeadings(page)).toEqual(['Vraag 1 · Eén antwoord kiezen', 'Vraag 2 · Korte tekst']);
    await page.getByRole('button', { name: 'Omlaag: vraag 1' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.question-head h4').first()).toHaveText('Vraag 1 · Korte tekst');
    await expect(page.getByRole('status').filter({ hasText: 'Vraag 1 staat nu op plaats 2.' })).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Omlaag: vraag 2');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Omhoog: vraag 2');
    await page.keyboard.press('Enter');
    await expect(page.locator('.question-head h4').first()).toHaveText('Vraag 1 · Eén antwoord kiezen');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Omhoog: vraag 1');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect(page.getByText('Je hebt wijzigingen die nog niet zijn opgeslagen.')).not.toBeVisible();

    // The preview: the respondent's page, in a new tab, that cannot be sent.
    const [preview] = await Promise.all([
      context.waitForEvent('page'),
      page
        .getByRole('link', { name: /^Voorbeeld/ })
        .first()
        .click(),
    ]);
    await preview.waitForLoadState();
    await preview.getByRole('heading', { level: 1, name: 'Over je werk' }).waitFor();
    await expect(preview.getByText('Deel 1 van 1')).toBeVisible();
    await expect(preview.getByRole('radio', { name: 'Vaak' })).toBeVisible();
    await expect(preview.getByLabel(/Wat wil je nog kwijt\?/)).toBeVisible();
    await expect(preview.getByText(/Voorbeeld van versie 1 \(concept\)/)).toBeVisible();
    await expectAccessible(preview, 'preview');
    await preview.close();

    // Publishing asks first; afterwards the version is read-only and a round can be opened with it.
    await page.getByRole('button', { name: 'Publiceren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Versie 1 publiceren?' });
    await expect(dialog).toContainText('kan niet meer veranderen');
    await dialog.getByRole('button', { name: 'Ja, publiceren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Versie 1 is gepubliceerd.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Opslaan' })).not.toBeVisible();
    await expectAccessible(page, 'published version');

    await page.getByRole('link', { name: 'Nieuwe ronde met deze versie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe ronde' }).waitFor();
    await expect(page.getByLabel(/Eén link voor heel/)).toBeChecked();
    await expectAccessible(page, 'new round');
    await page.getByLabel('Naam van de ronde').fill('Najaar 2027');
    await page.getByRole('button', { name: 'Ronde openen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Najaar 2027' }).waitFor();
    made.roundPath = new URL(page.url()).pathname;
    await expect(page.getByRole('img', { name: /^QR-code: Link voor heel De Brug GGZ \(demo\)/ })).toBeVisible();
    const qrSource = (await page.getByRole('img', { name: /^QR-code/ }).getAttribute('src')) ?? '';
    expect(qrSource.startsWith('data:image/svg+xml')).toBe(true);
    await expect(page.getByRole('link', { name: /Download QR \(SVG\)/ })).toHaveAttribute('download', 'qr-najaar-2027-organisatie.svg');
    const link = await page.getByRole('textbox', { name: /^Link om te delen.*Link voor heel De Brug GGZ \(demo\)/ }).inputValue();
    expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: /^Kopieer link/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De link is gekopieerd.' })).toBeVisible();
    await expect(page.locator('.stats dd').first()).toHaveText('0');
    await expectAccessible(page, 'round');

    // A respondent, without an account, answers through the link.
    const respondent = await browser.newContext({ locale: 'nl-BE', viewport: { width: 390, height: 800 } });
    const form = await respondent.newPage();
    await form.goto(link);
    await form.getByLabel('Ik heb dit gelezen en ik doe mee.').check();
    await form.getByRole('button', { name: 'Begin' }).click();
    await form.getByRole('heading', { level: 1, name: 'Over je werk' }).waitFor();
    await form.getByRole('radio', { name: 'Vaak' }).check();
    await form.getByLabel(/Wat wil je nog kwijt\?/).fill('Dat het goed loopt.');
    await form.getByRole('button', { name: 'Versturen' }).click();
    await form.getByRole('heading', { level: 1, name: 'Bedankt!' }).waitFor();
    await respondent.close();

    // The round page counts it by itself within ten seconds, and says so politely.
    await page.locator('.stats dd').first().filter({ hasText: '1' }).waitFor({ timeout: 15_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Nieuwe stand: 1 helemaal ingevuld, 1 begonnen.' })).toBeVisible();
    await expect(page.getByText('1 persoon vulde alles in via deze link.')).toBeVisible();

    // Moving the closing date, closing (after a question) and opening again.
    await page.getByLabel('Laatste dag om te antwoorden').fill('2999-12-31');
    await page.getByRole('button', { name: 'Datum opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Mensen kunnen nu antwoorden tot en met 31 december 2999.' })).toBeVisible();
    await page.getByRole('button', { name: 'Ronde sluiten' }).click();
    await page.getByRole('dialog', { name: 'De ronde ‘Najaar 2027’ sluiten?' }).getByRole('button', { name: 'Ja, sluiten' }).click();
    await expect(page.getByText('Gesloten: niemand kan nog antwoorden.')).toBeVisible();
    await page.getByRole('button', { name: 'Ronde weer openen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De ronde is weer open.' })).toBeVisible();
    await expect(page.getByText('Open: mensen kunnen antwoorden tot en met 31 december 2999.')).toBeVisible();
    await context.close();
  }, 90_000);

  it('the new pages pass an axe-core scan and fit a 320 px phone screen', async () => {
    expect(made.roundPath, 'the first test made a round').not.toBe('');
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, RESEARCHER, PASSWORD);
    for (const path of [`${made.orgPath}/in-beeld`, made.instrumentPath, `${made.orgPath}/in-beeld/rounds/new`, made.roundPath, '/begrippen']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectAccessible(page, `${path} at 320 px`);
      await expectNoHorizontalScroll(page, `${path} at 320 px`);
    }
    // The editor of a new draft at 320 px, with a question of every kind opened.
    await page.goto(`${server.url}${made.instrumentPath}`);
    await page.getByRole('button', { name: 'Nieuwe versie maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Korte peiling' }).waitFor();
    await expect(page.getByText(/Je ziet versie 2: een concept/)).toBeVisible();
    for (const kind of ['multiple', 'likert', 'number', 'long_text', 'matrix']) {
      await page.getByLabel('Soort nieuwe vraag in deel 1').selectOption(kind);
      await page.getByRole('button', { name: 'Vraag toevoegen aan deel 1' }).click();
    }
    await page.getByRole('button', { name: 'Bewerken: vraag 1' }).click();
    await page.getByLabel('Deze vraag alleen tonen na een bepaald antwoord op een eerdere vraag').last().check();
    await expectAccessible(page, 'editor with every kind of question at 320 px');
    await expectNoHorizontalScroll(page, 'editor at 320 px');
    await context.close();
  }, 90_000);

  it('the glossary is in the footer for everyone signed in; a member reads what In beeld is', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, MEMBER, PASSWORD);
    await page.getByRole('link', { name: 'Begrippen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Begrippen' }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: 'Op deze pagina' })).toBeVisible();
    await expectAccessible(page, 'glossary');
    await page.getByRole('link', { name: 'In beeld', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'In beeld' }).waitFor();
    await expect(page.getByText(/De onderzoeker van je organisatie maakt de vragenlijsten/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nieuwe vragenlijst' })).not.toBeVisible();
    await expectAccessible(page, 'in-beeld for a member');
    await context.close();
  });
});
