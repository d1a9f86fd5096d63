import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/app.ts';
import '../helpers/locator-matchers.ts';
import { expectAccessible, expectNoHorizontalScroll, type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

/** A participant over plain HTTP (no browser) who asks the room a question. */
async function askOverHttp(app: App, code: string, question: string) {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const joined = await app.inject({ method: 'POST', url: `/m/${code}/join`, payload: 'position=practitioner', headers: form });
  const cookie = `kb_m=${(joined.cookies as { name: string; value: string }[]).find((c) => c.name === 'kb_m')?.value}`;
  const page = await app.inject({ method: 'GET', url: `/m/${code}`, headers: { cookie } });
  const field = (name: string) => page.body.match(new RegExp(`name="${name}" value="([^"]+)"`))?.[1] ?? '';
  const asked = await app.inject({
    method: 'POST',
    url: `/m/${code}/ask`,
    payload: new URLSearchParams({ promptId: field('promptId'), clientId: field('clientId'), question }).toString(),
    headers: { ...form, cookie },
  });
  expect(asked.statusCode).toBe(200);
}

describe('facilitator panel in Chromium at 320 px: co-facilitator, pacing, pinning and answering questions', () => {
  let server: LiveServer;
  let browser: Browser;
  let email: string;
  let coId: string;
  let orgId: string;

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    const org = await makeOrganisation(server.app.services, 'Huis van vragen');
    orgId = org;
    email = (await makeUser(server.app.services, { organisationId: org, role: 'coordinator', name: 'Fien Facilitator' })).email;
    coId = (await makeUser(server.app.services, { organisationId: org, role: 'member', name: 'Yasmina Ervaring' })).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a co-facilitator with the keyboard, switches pacing, pins a question and marks it answered', async () => {
    const db = server.app.services.db;
    const page = await (await newTestContext(browser, { width: 320 })).newPage();
    await signIn(page, server.url, email, TEST_PASSWORD, `/o/${orgId}/ontmoetingen`);
    await page.getByRole('heading', { level: 1, name: 'Ontmoetingen' }).waitFor();
    await page.getByLabel('Naam van de ontmoeting').fill('Vragenuur');
    await page.getByRole('radio', { name: /Zelf kiezen/ }).check();
    await page.getByRole('checkbox', { name: /Welke vraag wil je stellen/ }).check();
    await page.getByRole('button', { name: 'Maak de ontmoeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vragenuur' }).waitFor();
    const code = (await page.locator('.meeting-code-inline').first().textContent()) ?? '';
    const meetingId = page.url().split('/').pop() ?? '';
    await page.getByRole('button', { name: 'Start de ontmoeting' }).click();
    await page.getByRole('button', { name: 'Volgende vraag' }).waitFor();

    // Co-facilitator: only the keyboard. The facilitator is not offered (they already run it).
    const select = page.getByLabel('Wie modereert mee?');
    expect(await select.locator('option').allTextContents()).toEqual(['Kies een persoon', 'Yasmina Ervaring']);
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await select.inputValue()).toBe(coId);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Voeg toe als co-facilitator');
    await page.keyboard.press('Enter');
    await page.getByText('Yasmina Ervaring mag nu mee modereren.').waitFor();
    await expect(page.getByRole('heading', { level: 3, name: 'Modereren mee' })).toBeVisible();
    expect(await page.locator('.meeting-co-list li').allTextContents()).toEqual(['Yasmina Ervaring Haal Yasmina Ervaring weg als co-facilitator']);
    const roles = await db
      .selectFrom('meeting_facilitators')
      .select(['user_id', 'role'])
      .where('meeting_id', '=', meetingId)
      .where('user_id', '=', coId)
      .execute();
    expect(roles).toEqual([{ user_id: coId, role: 'moderator' }]);
    // After a reload the panel still lists who moderates (read from the API, not from this page's memory).
    await page.reload();
    await expect(page.getByRole('heading', { level: 3, name: 'Modereren mee' })).toBeVisible();
    expect(await page.locator('.meeting-co-list li').allTextContents()).toEqual(['Yasmina Ervaring Haal Yasmina Ervaring weg als co-facilitator']);

    // Pacing: presenter-paced by default; one button switches, and back.
    await page.getByText('Tempo: jij bepaalt wanneer de volgende vraag komt.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Laat deelnemers zelf door de vragen gaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Tempo: deelnemers gaan zelf door de vragen, op hun eigen tempo.').waitFor();
    expect((await db.selectFrom('meetings').select('pacing').where('id', '=', meetingId).executeTakeFirstOrThrow()).pacing).toBe('participant');
    await page.getByRole('button', { name: 'Bepaal zelf het tempo' }).click();
    await page.getByRole('button', { name: 'Laat deelnemers zelf door de vragen gaan' }).waitFor();
    expect((await db.selectFrom('meetings').select('pacing').where('id', '=', meetingId).executeTakeFirstOrThrow()).pacing).toBe('presenter');

    // Two questions from the room; the moderator lets both through.
    await askOverHttp(server.app, code, 'Hoe lang duurt een traject?');
    await askOverHttp(server.app, code, 'Wie betaalt de ervaringswerker?');
    await page.getByRole('heading', { level: 2, name: 'Wacht op nakijken (2)' }).waitFor();
    await page.getByRole('button', { name: 'Toon', exact: true }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Wacht op nakijken (1)' }).waitFor();
    await page.getByRole('button', { name: 'Toon', exact: true }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Vragen uit de zaal (2)' }).waitFor();
    const questions = page.locator('section[aria-labelledby="panel-questions"] li');

    // Pin the second question with the keyboard: it moves to the top.
    const second = questions.filter({ hasText: 'Wie betaalt de ervaringswerker?' });
    await second.getByRole('button', { name: 'Zet vast bovenaan' }).focus();
    await page.keyboard.press('Enter');
    await expect(questions.first()).toContainText('Wie betaalt de ervaringswerker?');
    await expect(questions.first()).toContainText('Vastgezet bovenaan · Nog niet beantwoord');
    await expect(questions.first().getByRole('button', { name: 'Maak los' })).toBeVisible();

    // Mark it answered: the button goes, the state says so.
    await questions.first().getByRole('button', { name: 'Markeer als beantwoord' }).focus();
    await page.keyboard.press('Enter');
    await expect(questions.first()).toContainText('Vastgezet bovenaan · Beantwoord');
    expect(await questions.first().getByRole('button', { name: 'Markeer als beantwoord' }).count()).toBe(0);
    const stored = await db
      .selectFrom('meeting_questions')
      .select(['text', 'pinned', 'answered'])
      .where('text', '=', 'Wie betaalt de ervaringswerker?')
      .executeTakeFirstOrThrow();
    expect({ ...stored, pinned: Number(stored.pinned), answered: Number(stored.answered) }).toEqual({
      text: 'Wie betaalt de ervaringswerker?',
      pinned: 1,
      answered: 1,
    });
    await expect(questions.nth(1)).toContainText('Hoe lang duurt een traject? (+0)');
    await expect(questions.nth(1)).toContainText('Nog niet beantwoord');

    await expectAccessible(page, 'facilitator panel with questions and co-facilitator');
    await expectNoHorizontalScroll(page, 'facilitator panel');

    // Removing the co-facilitator, with the keyboard: gone from the list and from the database.
    await page.getByRole('button', { name: 'Haal Yasmina Ervaring weg als co-facilitator' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Yasmina Ervaring modereert niet meer mee.').waitFor();
    expect(await page.locator('.meeting-co-list li').count()).toBe(0);
    expect(await db.selectFrom('meeting_facilitators').select('user_id').where('meeting_id', '=', meetingId).where('user_id', '=', coId).execute()).toEqual([]);
  });
});
