import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { type App, buildApp } from '../../src/http/app.ts';
import { control, createMeeting } from '../../src/modules/meetings/service.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser } from '../helpers/factories.ts';
import { midMinute } from '../helpers/rate-windows.ts';
import { actorOf, openPrompt } from './helpers.ts';

const quiet = { stream: new Writable({ write: (_c, _e, done) => done() }) };

const postCode = (app: App, code: string, i: number) =>
  app.inject({
    method: 'POST',
    url: '/m',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'nl', 'x-forwarded-for': `203.0.113.${i}` },
    payload: new URLSearchParams({ code }).toString(),
  });

describeEachDatabase('guesses of a meeting join code', (dialect) => {
  it('count across two app processes on one database, whatever address they come from', async () => {
    const { handle, testDb, close } = await openTestDatabase(dialect);
    const second = openDatabase(testDb.database);
    const config = {
      ...loadConfig({}),
      guesses: { perScope: 5, global: 6, windowMinutes: 10 },
      rateLimits: { loginPerMinute: 1000, invitePerMinute: 1000, respondentPerMinute: 100_000 },
      database: testDb.database,
    };
    const a = await buildApp({ config, database: handle, logger: quiet, clock: midMinute });
    const b = await buildApp({ config, database: second, logger: quiet, clock: midMinute });
    try {
      const org = await makeOrganisation(a.services, 'Ontmoeting');
      const admin = await makeUser(a.services, { organisationId: org, role: 'admin' });
      const actor = actorOf(admin.id, org, 'admin');
      const meeting = await createMeeting(a.services, actor, org, { title: 'Ontmoeting', prompts: [openPrompt] });
      await control(a.services, actor, org, meeting.id, { action: 'start' });

      // The right code while nothing was guessed: straight to the meeting.
      expect((await postCode(b, meeting.joinCode, 0)).statusCode).toBe(303);
      const wrong = meeting.joinCode.startsWith('A') ? 'CCCCCC' : 'AAAAAA';
      const statuses: number[] = [];
      for (let i = 1; i <= 8; i++) statuses.push((await postCode(i % 2 === 0 ? a : b, wrong, i)).statusCode);
      expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 429, 429]);
      // Once the limit is reached even the right code waits, on either process, with a page in Dutch.
      const refused = await postCode(a, meeting.joinCode, 20);
      expect(refused.statusCode).toBe(429);
      expect(refused.body).toContain('lang="nl"');
      expect((await b.inject({ method: 'GET', url: `/m/${meeting.joinCode}`, headers: { 'x-forwarded-for': '198.51.100.7' } })).statusCode).toBe(429);
    } finally {
      await a.close();
      await b.close();
      await second.close();
      await close();
    }
  });
});
