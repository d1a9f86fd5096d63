import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstrument, publishVersion } from '../../src/modules/instruments/service.ts';
import { Client } from '../helpers/app.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { openPrompt } from '../meetings/helpers.ts';

const ANSWER = 'Ervaringswerkers zitten niet mee aan tafel bij het overleg.';

describe('consent for the questionnaire and an open answer raised as a signal, on a phone without JavaScript, in Chromium', () => {
  let server: LiveServer;
  let browser: Browser;
  let member: { id: string; email: string };
  let staff: Client;
  let org: string;
  let meeting: { id: string; joinCode: string };

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    const ctx = server.app.services;
    org = await makeOrganisation(ctx, 'Zorg Noord');
    const admin = await makeUser(ctx, { organisationId: org, role: 'admin' });
    member = await makeUser(ctx, { organisationId: org, role: 'member' });
    const actor = { userId: admin.id, language: 'nl' as const, roles: new Map([[org, 'admin' as const]]) };
    const instrument = await createInstrument(ctx, actor, org, { copyOf: 'cocreatie-ervaringswerkers' });
    await publishVersion(ctx, actor, org, instrument.id, 1);
    staff = new Client(server.app);
    await staff.login(admin.email, TEST_PASSWORD);
    meeting = (await staff.post(`/api/orgs/${org}/meetings`, { title: 'Ontmoeting Noord', library: ['roles'], prompts: [openPrompt] })).json();
    expect((await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'start' })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks once, with the keyboard; then the open answer becomes a signal in member checking', async () => {
    const signedIn = await newTestContext(browser);
    await signIn(await signedIn.newPage(), server.url, member.email, TEST_PASSWORD);
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE', viewport: { width: 320, height: 700 }, bypassCSP: true });
    await context.addCookies((await signedIn.cookies()).filter((c) => c.name === 'kb_session'));
    const phone = await context.newPage();
    await phone.goto(`${server.url}/m/${meeting.joinCode}`);
    await phone.getByRole('radio', { name: 'Ervaringswerker' }).check();
    await phone.getByRole('button', { name: 'Doe mee' }).click();
    await phone.getByRole('link', { name: 'Naar de vraag' }).click();

    await phone.getByRole('heading', { level: 2, name: 'Ook meetellen in de vragenlijst?' }).waitFor();
    await phone.getByText('Vraag 1 komt ook uit de vragenlijst', { exact: false }).waitFor();
    await expectAccessible(phone, 'prompt with the questionnaire consent', { javaScript: false });
    await expectNoHorizontalScroll(phone, 'prompt with the questionnaire consent');
    await phone.getByRole('button', { name: 'Ja, dat mag' }).focus();
    await phone.keyboard.press('Enter');
    await phone.getByText('Je antwoorden op die vragen tellen ook mee in de vragenlijst.').waitFor();
    expect(await phone.getByRole('heading', { name: 'Ook meetellen in de vragenlijst?' }).count()).toBe(0);
    const consent = await server.app.services.db.selectFrom('meeting_participants').select('round_consent').where('meeting_id', '=', meeting.id).execute();
    expect(consent).toEqual([{ round_consent: 'given' }]);

    // The facilitator moves on to the open prompt; the phone answers it and raises a signal.
    await staff.post(`/api/orgs/${org}/meetings/${meeting.id}/control`, { action: 'next' });
    await phone.goto(`${server.url}/m/${meeting.joinCode}`);
    await phone.getByLabel('Je antwoord:').fill(ANSWER);
    await phone.getByRole('button', { name: 'Verstuur' }).focus();
    await phone.keyboard.press('Enter');
    await phone.getByRole('heading', { level: 2, name: 'Of wil je er een signaal van maken?' }).waitFor();
    await expectAccessible(phone, 'open answer with the signal offer', { javaScript: false });
    await expectNoHorizontalScroll(phone, 'open answer with the signal offer');
    await phone.getByLabel('Korte titel').fill('Niet aan tafel');
    await phone.getByLabel('Voor wie is dit een drempel?').fill('Ervaringswerkers');
    await phone.getByRole('radio', { name: 'Toegankelijke en rechtvaardige hulp-, zorg- en dienstverlening' }).focus();
    await phone.keyboard.press('Space');
    await phone.getByRole('button', { name: 'Meld als signaal' }).focus();
    await phone.keyboard.press('Enter');
    await phone.getByText('Je signaal is gemeld.', { exact: false }).waitFor();
    const signals = await server.app.services.db
      .selectFrom('signals')
      .select(['status', 'observation', 'raised_by'])
      .where('organisation_id', '=', org)
      .execute();
    expect(signals).toEqual([{ status: 'member_check', observation: ANSWER, raised_by: member.id }]);
  });
});
