import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { Client } from '../helpers/app.ts';
import { expectAccessible, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const MEMBER = 'lid@demo.kruisbestuiving.org';
const COORDINATOR = 'coordinator@demo.kruisbestuiving.org';
const PASSWORD = 'demo-kruisbestuiving';
const PUBLIC_URL = 'https://kruisbestuiving.test';

run('A signature request on the start page and in the mail, in Chromium with a real SMTP server', () => {
  let server: LiveServer;
  let browser: Browser;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startLiveServer('sqlite', {}, { SMTP_URL: smtp.url, MAIL_FROM: 'noreply@kruisbestuiving.test', MAIL_POLL_SECONDS: '1', PUBLIC_URL });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('a member who wants e-mail right away sees a new charter to sign on the start page and gets a mail with the link to it', async () => {
    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, MEMBER, PASSWORD);

    // Mo chooses e-mail right away, in Settings.
    await page.goto(`${server.url}/settings`);
    await page.getByRole('radio', { name: 'Meteen, bij elke melding' }).check();
    await page.getByRole('button', { name: 'Opslaan' }).last().click();
    await expect(page.getByRole('status').filter({ hasText: 'Je keuze is opgeslagen.' })).toBeVisible();

    // The team's coordinator starts a trajectory and makes its first charter version.
    const cora = new Client(server.app);
    await cora.login(COORDINATOR, PASSWORD);
    const me = (await cora.get('/api/me')).json<{ organisations: { id: string }[]; teams: { id: string; name: string }[] }>();
    const org = me.organisations[0]?.id as string;
    const team = (await server.app.services.db.selectFrom('teams').select('id').where('name', '=', 'Team Herstel').executeTakeFirstOrThrow()).id;
    const trajectory = (await cora.post(`/api/orgs/${org}/trajectories`, { teamId: team, title: 'Samen naar werk' })).json<{ id: string }>();
    expect((await cora.post(`/api/orgs/${org}/trajectories/${trajectory.id}/charter/versions`, {})).statusCode).toBe(200);

    // On the start page: the item and the notification.
    await page.goto(`${server.url}/o/${org}`);
    const waiting = page.getByRole('region', { name: 'Wat wacht op jou' });
    await expect(waiting.getByRole('link', { name: 'Onderteken versie 1 van het samenwerkingskader van ‘Samen naar werk’.' })).toBeVisible();
    await expect(
      waiting.getByRole('link', { name: 'Er is een nieuwe versie (versie 1) van jullie samenwerkingskader. Lees en onderteken hem.' }).first(),
    ).toBeVisible();
    await expectAccessible(page, 'start page with a charter to sign');

    // In the mail: the same words, the link, and not the trajectory's title.
    const link = `${PUBLIC_URL}/o/${org}/trajecten/${trajectory.id}/kader/1`;
    const mails = await smtp.waitFor(1, 20_000);
    const mail = mails.find((m) => m.to.includes(MEMBER));
    expect(mail?.subject).toBe('Er wacht iets op je in Kruisbestuiving');
    expect(mail?.text).toContain('Er is een nieuwe versie (versie 1) van jullie samenwerkingskader. Lees en onderteken hem.');
    expect(mail?.text).toContain(link);
    expect(mail?.text).not.toContain('Samen naar werk');
    expect(mails.filter((m) => m.to.includes(MEMBER))).toHaveLength(1);

    // Following the mail's link (on this server) opens the charter; signing takes the item away.
    await page.goto(`${server.url}${new URL(link).pathname}`);
    await page.getByRole('button', { name: 'Versie 1 ondertekenen' }).click();
    await expect(page.getByText('Je ondertekende versie 1.').first()).toBeVisible();
    await page.goto(`${server.url}/o/${org}`);
    await page.getByRole('heading', { level: 2, name: 'Wat wacht op jou' }).waitFor();
    await expect(page.getByRole('link', { name: /‘Samen naar werk’/ })).not.toBeVisible();
    await context.close();
  }, 120_000);
});
