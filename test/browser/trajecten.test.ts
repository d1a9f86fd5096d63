import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const run = inject('chromiumPath') ? describe : describe.skip;

type Member = { key: 'pieter' | 'cora' | 'bo' | 'eva'; name: string; email: string; context?: BrowserContext; page?: Page };

/**
 * A team of four, each signed in as themselves in their own browser: a practitioner, a coordinator,
 * a policy officer and an experience worker run a trajectory to a charter that all four sign; one
 * changes an agreement and the charter must be signed again.
 */
run('trajectories in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let orgPath: string;
  const team: Record<Member['key'], Member> = {
    pieter: { key: 'pieter', name: 'Pieter Praktijk', email: 'pieter@traject.example.org' },
    cora: { key: 'cora', name: 'Cora Coördinator', email: 'cora@traject.example.org' },
    bo: { key: 'bo', name: 'Bo Beleid', email: 'bo@traject.example.org' },
    eva: { key: 'eva', name: 'Eva Ervaring', email: 'eva@traject.example.org' },
  };
  let trajectoryPath = '';

  beforeAll(async () => {
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    const ctx = server.app.services;
    const org = await makeOrganisation(ctx, 'Zorg Oost', 'ggz');
    const teamId = await makeTeam(ctx, org, 'Team Oost');
    const roles = { pieter: 'member', cora: 'coordinator', bo: 'researcher', eva: 'member' } as const;
    const positions = { pieter: 'practitioner', cora: 'coordinator', bo: 'policy_officer', eva: 'experience_worker' } as const;
    for (const member of Object.values(team)) {
      const user = await makeUser(ctx, { organisationId: org, role: roles[member.key], email: member.email, name: member.name });
      await addToTeam(ctx, teamId, user.id, positions[member.key]);
      member.context = await newTestContext(browser);
      member.context.setDefaultTimeout(8000);
      member.page = await member.context.newPage();
      await signIn(member.page, server.url, member.email, TEST_PASSWORD);
    }
    orgPath = `/o/${org}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageOf = (key: Member['key']) => team[key].page as Page;
  const open = async (key: Member['key'], path: string) => {
    const page = pageOf(key);
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return page;
  };
  /** A dialogue question is a disclosure: open it unless it already is. */
  async function openQuestion(page: Page, question: string) {
    const details = page.locator('details.trajectory-question', { has: page.locator('summary', { hasText: question }) });
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  }
  const status = (page: Page, text: string | RegExp) => expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();

  it('the experience worker starts a trajectory with the keyboard, and the team fills in the phases', async () => {
    const eva = await open('eva', `${orgPath}/trajecten`);
    await expectAccessible(eva, 'trajecten overview (empty)');
    await eva.getByLabel('Naam van het traject').focus();
    await eva.keyboard.type('Samen sterker');
    await eva.keyboard.press('Enter');
    await eva.getByRole('heading', { level: 1, name: 'Samen sterker' }).waitFor();
    trajectoryPath = new URL(eva.url()).pathname;

    // Phase 1: context and vision.
    await eva.getByLabel('Voor wie werken jullie?').fill('Volwassenen met een psychische kwetsbaarheid in de buurt');
    await eva.getByLabel('Sector').selectOption({ label: 'GGZ (geestelijke gezondheidszorg)' });
    await eva.getByLabel('Toegankelijke en rechtvaardige hulp-, zorg- en dienstverlening').check();
    await eva.getByRole('button', { name: 'Context opslaan' }).click();
    await status(eva, 'De context is opgeslagen.');
    await eva.getByLabel('Wat jullie afspreken: Onze visie').fill('Ervaringskennis stuurt mee hoe we hulp toegankelijk maken.');
    await eva.getByLabel('Eigenaar').first().selectOption({ label: 'Eva Ervaring' });
    await eva.getByRole('button', { name: 'Afspraak opslaan: Onze visie' }).click();
    await status(eva, 'De afspraak ‘Onze visie’ is opgeslagen.');
    await expectAccessible(eva, 'phase 1');

    // Phase 2: everyone says what they bring; the matrix shows it.
    const pieter = await open('pieter', `${trajectoryPath}/complementariteit`);
    await pieter.getByLabel('Ik breng professionele kennis mee').check();
    await pieter.getByLabel('Over je professionele kennis (mag leeg)').fill('Maatschappelijk werk');
    await pieter.getByRole('button', { name: 'Opslaan wat ik meebreng' }).click();
    await status(pieter, 'Wat je meebrengt is opgeslagen.');
    const evaPhase2 = await open('eva', `${trajectoryPath}/complementariteit`);
    await evaPhase2.getByLabel('Ik breng ervaringskennis mee').check();
    await evaPhase2.getByLabel('Wat het betekent in mijn leven').check();
    await evaPhase2.getByRole('button', { name: 'Opslaan wat ik meebreng' }).click();
    await status(evaPhase2, 'Wat je meebrengt is opgeslagen.');
    await expect(evaPhase2.getByRole('table', { name: 'Teamleden en soorten kennis' }).getByRole('row', { name: /Eva Ervaring/ })).toBeVisible();
    await expectAccessible(evaPhase2, 'phase 2');

    // Phase 3: the coordinator writes the experience worker's mandate and a choice with its reason.
    const cora = await open('cora', `${trajectoryPath}/vertaling`);
    await cora.getByRole('group', { name: 'Statuut' }).getByLabel('Betaalde werknemer').check();
    await cora.getByLabel('Wat mag Eva Ervaring zelf beslissen?').fill('Haar eigen agenda en de inhoud van lotgenotengroepen.');
    await cora.getByRole('button', { name: 'Opslaan voor Eva Ervaring' }).click();
    await status(cora, 'Statuut en mandaat van Eva Ervaring zijn opgeslagen.');
    await cora.getByLabel('Welke vraag beantwoorden jullie?').fill('Verlonen we volgens functie of diploma?');
    await cora.getByLabel('Welke mogelijkheden bekeken jullie?').fill('Volgens functie\nVolgens diploma');
    await cora.getByLabel('Wat kozen jullie?').fill('Volgens functie.');
    await cora.getByLabel('Waarom?').fill('Ervaringsdeskundigheid is deskundigheid.');
    await cora.getByRole('button', { name: 'Keuze toevoegen' }).click();
    await status(cora, 'De keuze ‘Verlonen we volgens functie of diploma?’ is opgeslagen.');
    await expect(cora.getByText('Bekeken: Volgens functie; Volgens diploma')).toBeVisible();
    await expectAccessible(cora, 'phase 3');
  });

  it('keeps every view on the equal position visible, next to the team position', async () => {
    const question = 'Verlonen we op basis van functie of van diploma?';
    const bo = await open('bo', `${trajectoryPath}/evenwaardige-positie`);
    await openQuestion(bo, question);
    await bo.getByLabel(`Mijn kijk: ${question}`).fill('Een diploma zegt ook iets.');
    await bo.getByRole('button', { name: 'Mijn kijk opslaan' }).first().click();
    await status(bo, 'Je kijk is opgeslagen.');
    const eva = await open('eva', `${trajectoryPath}/evenwaardige-positie`);
    await openQuestion(eva, question);
    await eva.getByLabel(`Mijn kijk: ${question}`).fill('De functie telt, niet het diploma.');
    await eva.getByRole('button', { name: 'Mijn kijk opslaan' }).first().click();
    await status(eva, 'Je kijk is opgeslagen.');
    await eva.getByLabel(`Standpunt van het team: ${question}`).fill('We verlonen volgens functie.');
    await eva.getByLabel('Waarom kiest het team dit standpunt?').first().fill('Gelijk werk, gelijk loon.');
    await eva.getByRole('button', { name: 'Standpunt opslaan' }).first().click();
    await status(eva, 'Het standpunt is opgeslagen.');
    await eva.reload();
    await openQuestion(eva, question);
    await expect(eva.getByText('Een diploma zegt ook iets.')).toBeVisible();
    await expect(eva.getByText('De functie telt, niet het diploma.')).toBeVisible();
    await expectAccessible(eva, 'equal position');
  });

  it('plans and runs an intervision session whose notes stay with its participants', async () => {
    const cora = await open('cora', `${trajectoryPath}/omkadering`);
    await cora.getByLabel('Datum').fill('2027-03-01');
    await cora.getByLabel('Begeleider').selectOption({ label: 'Cora Coördinator' });
    await cora.getByLabel('Inbrenger').selectOption({ label: 'Eva Ervaring' });
    await cora.getByRole('group', { name: 'Deelnemers' }).getByLabel('Pieter Praktijk').uncheck();
    await cora.getByRole('group', { name: 'Deelnemers' }).getByLabel('Bo Beleid').uncheck();
    await cora.getByRole('button', { name: 'Intervisie plannen' }).click();
    await status(cora, 'De intervisie is gepland.');
    await expectAccessible(cora, 'phase 4');
    await cora.getByRole('link', { name: /Incidentmethode op 1 maart 2027/ }).click();
    await cora.getByRole('heading', { level: 2, name: /Stap 1 van 7/ }).waitFor();
    await cora.getByLabel('Notities bij: Start').fill('Vertrouwelijk: wat er vorige keer gebeurde.');
    await cora.getByRole('button', { name: 'Notities opslaan' }).click();
    await status(cora, 'De notities zijn opgeslagen.');
    await cora.getByRole('button', { name: 'Volgende stap' }).click();
    await cora.getByRole('heading', { level: 2, name: /Stap 2 van 7/ }).waitFor();
    await cora.getByLabel('Thema', { exact: true }).fill('Nabijheid en afstand');
    await cora.getByRole('button', { name: 'Thema delen met het team' }).click();
    await status(cora, 'Het thema is gedeeld met het team.');
    await expectAccessible(cora, 'intervision session');
    // Pieter is not a participant: he sees the shared theme, not the session.
    const pieter = await open('pieter', `${trajectoryPath}/omkadering`);
    await expect(pieter.getByText('Gedeelde thema’s: Nabijheid en afstand')).toBeVisible();
    await expect(pieter.getByRole('link', { name: /Incidentmethode/ })).not.toBeVisible();
  });

  it('all four sign the charter; after a change it needs signing again', async () => {
    const eva = await open('eva', `${trajectoryPath}/kader`);
    await eva.getByRole('button', { name: 'Eerste versie maken' }).click();
    await eva.getByRole('heading', { level: 2, name: 'Versie 1' }).waitFor();
    await expect(eva.getByRole('heading', { level: 2, name: '1. Een gedragen visie' })).toBeVisible();
    await expect(eva.getByText('We werken voor volwassenen met een psychische kwetsbaarheid in de buurt.')).toBeVisible();
    await expectAccessible(eva, 'charter');
    for (const key of ['pieter', 'cora', 'bo', 'eva'] as const) {
      const page = await open(key, `${trajectoryPath}/kader`);
      const sign = page.getByRole('button', { name: 'Versie 1 ondertekenen' });
      // Signing with the keyboard.
      await sign.focus();
      await page.keyboard.press('Enter');
      await status(page, 'Je ondertekende versie 1.');
    }
    const cora = pageOf('cora');
    await cora.reload();
    await expect(cora.getByText('Vastgesteld: iedereen in het team heeft ondertekend.')).toBeVisible();

    // Pieter changes the vision: version 1 stays established, but a new version is needed.
    const pieter = await open('pieter', `${trajectoryPath}/visie`);
    await pieter.getByLabel('Wat jullie afspreken: Onze visie').fill('Ervaringskennis stuurt mee hoe we hulp toegankelijk en rechtvaardig maken.');
    await pieter.getByRole('button', { name: 'Afspraak opslaan: Onze visie' }).click();
    await status(pieter, 'De afspraak ‘Onze visie’ is opgeslagen.');
    const again = await open('pieter', `${trajectoryPath}/kader`);
    await expect(again.getByText('Er is iets veranderd sinds versie 1.', { exact: false })).toBeVisible();
    await expect(again.getByRole('button', { name: 'Versie 1 ondertekenen' })).not.toBeVisible();
    await again.getByRole('button', { name: 'Versie 2 maken' }).click();
    await again.getByRole('heading', { level: 2, name: 'Versie 2' }).waitFor();
    await expect(again.getByText('Nog niet vastgesteld: nog niet iedereen heeft ondertekend.')).toBeVisible();
    await expect(again.getByText('Eva Ervaring ondertekende nog niet')).toBeVisible();
    await again.getByLabel('Toon wat veranderde sinds versie 1').check();
    await expect(again.locator('.charter-diff ins').filter({ hasText: 'rechtvaardig' })).toBeVisible();
    await again.getByLabel('Opmerking bij 1. Een gedragen visie').fill('Goed dat rechtvaardig erbij staat.');
    await again.getByRole('button', { name: 'Opmerking plaatsen bij 1. Een gedragen visie' }).click();
    await status(again, 'Je opmerking is geplaatst.');
    await expectAccessible(again, 'charter version 2 with differences');
    // Export as Markdown works from the page's own session.
    const md = await again.request.get(
      `${server.url}/api${trajectoryPath.replace(/^\/o\//, '/orgs/').replace('/trajecten/', '/trajectories/')}/charter/versions/2/charter.md`,
    );
    expect(md.status()).toBe(200);
    expect(await md.text()).toContain('rechtvaardig maken');
    const pdf = await again.request.get(md.url().replace('charter.md', 'charter.pdf'));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The overview shows the phase and the charter's state.
    const overview = await open('cora', `${orgPath}/trajecten`);
    await expect(overview.getByRole('row', { name: /Samen sterker/ })).toBeVisible();
    await expect(overview.getByText('Versie 2: 0 van 4 ondertekend')).toBeVisible();
    await expectAccessible(overview, 'trajecten overview');
  });

  it('every trajectory page fits a 320 px screen without sideways scrolling', async () => {
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    const sessionLink = await (async () => {
      await signIn(page, server.url, team.eva.email, TEST_PASSWORD, `${trajectoryPath}/omkadering`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      return page.getByRole('link', { name: /Incidentmethode/ }).getAttribute('href');
    })();
    const paths = [
      `${orgPath}/trajecten`,
      ...['visie', 'complementariteit', 'vertaling', 'omkadering', 'ervaringsdelen', 'evaluatie', 'evenwaardige-positie', 'kader', 'kader/1'].map(
        (p) => `${trajectoryPath}/${p}`,
      ),
      sessionLink ?? '',
    ];
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectNoHorizontalScroll(page, path);
    }
    // The phases not scanned above, on a small screen.
    for (const path of ['ervaringsdelen', 'evaluatie'].map((p) => `${trajectoryPath}/${p}`)) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectAccessible(page, path);
    }
    await context.close();
  });
});
