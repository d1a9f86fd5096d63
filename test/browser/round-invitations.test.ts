import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../helpers/locator-matchers.ts';
import { getPublishedVersion } from '../../src/modules/instruments/service.ts';
import { runInvitationWork } from '../../src/modules/round-invitations/service.ts';
import { Client } from '../helpers/app.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { completeAnswers, openRound } from '../helpers/respondent.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const COORDINATOR = 'coordinator@demo.kruisbestuiving.org';
const PASSWORD = 'demo-kruisbestuiving';

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

run('personal invitations and reminders in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startLiveServer('sqlite', { mail: { smtpUrl: smtp.url, from: 'noreply@kruisbestuiving.test', pollMs: 50, firstRetryMs: 1000 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('a coordinator invites three addresses; one answers through the link; the reminder reaches only the two others; nothing links the invitation to the answer', async () => {
    const db = server.app.services.db;
    const org = (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const researcher = new Client(server.app);
    await researcher.login(RESEARCHER, PASSWORD);
    const opened = await openRound(researcher, org, { closesOn: '2999-12-31' });

    const context = await newTestContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, COORDINATOR, PASSWORD, `/o/${org}/in-beeld/rounds/${opened.round.id}`);
    await page.getByRole('heading', { level: 2, name: 'Persoonlijke uitnodigingen' }).waitFor();
    await expect(page.getByRole('main')).toContainText('0 mensen uitgenodigd');
    await expectAccessible(page, 'round page with invitations');

    // By keyboard: type the addresses, then Tab to the send button and press Enter.
    await page.getByLabel('E-mailadressen', { exact: true }).focus();
    await page.keyboard.type('ans@example.org\nbo@example.org, cas@example.org');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Of kies een CSV-bestand met e-mailadressen'))).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('button', { name: 'Uitnodigingen versturen' }))).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '3 uitnodigingen verstuurd.' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('3 mensen uitgenodigd, minder dan 5 hebben hun link gebruikt.');
    await expectAccessible(page, 'after inviting');

    const invitations = await smtp.waitFor(3);
    const ans = invitations.find((m) => m.to[0] === 'ans@example.org');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]+)/.exec(ans?.text ?? '')?.[1] ?? '';
    expect(link).not.toBe('');

    // Ans opens her link: the anonymous form says what the invitation list keeps.
    const respondent = await (await newTestContext(browser, { width: 320 })).newPage();
    await respondent.goto(link);
    await expect(respondent.getByRole('main')).toContainText('Op de lijst met uitnodigingen staat alleen óf je link gebruikt is');
    await expectAccessible(respondent, 'invited welcome page');
    await expectNoHorizontalScroll(respondent, 'invited welcome page at 320 px');
    const consentVersion = (await respondent.locator('input[name="consentVersion"]').getAttribute('value')) ?? '';
    const instrument = (await getPublishedVersion(server.app.services, opened.versionId)).instrument;
    const responseId = crypto.randomUUID();
    const token = new URL(link).pathname.split('/')[2] ?? '';
    const answered = await new Client(server.app).post(`/api/r/${token}/responses`, {
      responseId,
      language: 'nl',
      consentVersion,
      answers: completeAnswers(instrument),
    });
    expect(answered.statusCode, answered.body).toBe(200);
    await respondent.goto(link);
    await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('Deze link is al gebruikt');

    // The coordinator plans a reminder for today; the daily work sends it to Bo and Cas only.
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Herinnering op').fill(today);
    await page.getByRole('button', { name: 'Herinnering toevoegen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De herinneringen zijn bewaard.' })).toBeVisible();
    await runInvitationWork(server.app.services);
    const all = await smtp.waitFor(5);
    expect(
      all
        .slice(3)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['bo@example.org', 'cas@example.org']);

    // The tables: the response names its round link only; the invitations hold only "used".
    const response = await db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirstOrThrow();
    expect(response.link_id).toBe(opened.round.links[0].id);
    const invitationColumns = ((await db.introspection.getTables()).find((x) => x.name === 'round_invitations')?.columns ?? []).map((c) => c.name).sort();
    expect(invitationColumns).toEqual(['created_at', 'email', 'id', 'language', 'link_id', 'round_id', 'used']);
    const rows = await db.selectFrom('round_invitations').select(['email', 'used']).orderBy('email').execute();
    expect(rows).toEqual([
      { email: 'ans@example.org', used: 1 },
      { email: 'bo@example.org', used: 0 },
      { email: 'cas@example.org', used: 0 },
    ]);
    expect(JSON.stringify(await db.selectFrom('round_invitations').selectAll().execute())).not.toContain(responseId);

    // 320 px and English.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Persoonlijke uitnodigingen' }).waitFor();
    await expectNoHorizontalScroll(page, 'round page at 320 px');
    await expectAccessible(page, 'round page at 320 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('Taal', { exact: true }).selectOption({ label: 'English' });
    const enPage = page;
    await enPage.getByRole('heading', { level: 2, name: 'Personal invitations' }).waitFor();
    await expect(enPage.getByRole('main')).toContainText('3 people invited, fewer than 5 used their link.');
    await expectAccessible(enPage, 'round page in English');
    await context.close();
  });

  it('an admin sets the colour of the organisation; one on which white text fails AA is refused with a darker suggestion', async () => {
    const db = server.app.services.db;
    const org = (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const context = await newTestContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page, server.url, 'beheerder@demo.kruisbestuiving.org', PASSWORD, `/o/${org}/organisatie`);
    await page.getByRole('heading', { level: 2, name: 'Kleur van de organisatie' }).waitFor();
    const field = page.getByLabel('Kleur (bijvoorbeeld #1d4f91)');
    await field.fill('#f5c400');
    await field.press('Enter');
    await expect(page.getByRole('main')).toContainText('Witte tekst is slecht te lezen op deze kleur');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'colour refused');
    await field.fill('#1d4f91');
    await field.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'De kleur #1d4f91 is bewaard.' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'organisation settings with colour at 320 px');
    await expectAccessible(page, 'colour saved');
    await context.close();
  });
});
