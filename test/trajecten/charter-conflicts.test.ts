import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

/**
 * Every conflict of the collaboration charter reaches the person as the charter's own sentence, in
 * their language (the code thrown by the service, translated at the edge), not as the general
 * "this conflicts" message.
 */
describeEachDatabase('the charter conflicts, in Dutch and English', (dialect) => {
  let t: TestApp;
  let org: string;

  /** A member of a new team with a trajectory; its API base. */
  async function trajectory(): Promise<{ member: Client; base: string }> {
    const team = await makeTeam(t.ctx, org);
    const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    await addToTeam(t.ctx, team, user.id, 'experience_worker');
    const member = new Client(t.app);
    await member.login(user.email, TEST_PASSWORD);
    const started = await member.post(`/api/orgs/${org}/trajectories`, { teamId: team, title: 'Samen' });
    expect(started.statusCode, started.body).toBe(200);
    return { member, base: `/api/orgs/${org}/trajectories/${started.json().id}` };
  }

  /** The conflict's message as a Dutch reader, then as an English one (the same request twice). */
  async function inBothLanguages(member: Client, send: () => Promise<{ statusCode: number; json: () => { error: { id: string; message: string } } }>) {
    const messages: string[] = [];
    for (const language of ['nl', 'en']) {
      expect((await member.patch('/api/me', { language })).statusCode).toBe(200);
      const refused = await send();
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.id).toBe('conflict');
      messages.push(refused.json().error.message);
    }
    return messages;
  }

  beforeAll(async () => {
    // No Chromium here, so the PDF of a charter cannot be made.
    t = await createTestApp(dialect, { chromiumPath: '/nonexistent/chromium' });
    org = await makeOrganisation(t.ctx, 'Zorg Oost');
  });
  afterAll(() => t.close());

  it('a new version that would say the same as the newest', async () => {
    const { member, base } = await trajectory();
    expect((await member.post(`${base}/charter/versions`, {})).json()).toEqual({ version: 1 });
    expect(await inBothLanguages(member, () => member.post(`${base}/charter/versions`, {}))).toEqual([
      'Er is niets veranderd sinds de laatste versie. Een nieuwe versie is niet nodig.',
      'Nothing has changed since the latest version. A new version is not needed.',
    ]);
  });

  it('signing a version that is not the newest', async () => {
    const { member, base } = await trajectory();
    expect((await member.post(`${base}/charter/versions`, { language: 'nl' })).json()).toEqual({ version: 1 });
    expect((await member.post(`${base}/charter/versions`, { language: 'en' })).json()).toEqual({ version: 2 });
    expect(await inBothLanguages(member, () => member.post(`${base}/charter/versions/1/signatures`))).toEqual([
      'Je kan alleen de nieuwste versie ondertekenen.',
      'You can only sign the newest version.',
    ]);
  });

  it('signing the newest version after something changed since it was made', async () => {
    const { member, base } = await trajectory();
    expect((await member.post(`${base}/charter/versions`, {})).json()).toEqual({ version: 1 });
    expect((await member.post(`${base}/agreements`, { topic: 'visie', text: 'Ervaringskennis stuurt mee.' })).statusCode).toBe(200);
    expect(await inBothLanguages(member, () => member.post(`${base}/charter/versions/1/signatures`))).toEqual([
      'Er is iets veranderd sinds deze versie. Maak eerst een nieuwe versie en onderteken die.',
      'Something has changed since this version. First make a new version, then sign that one.',
    ]);
  });

  it('a PDF of a version while the server has no Chromium', async () => {
    const { member, base } = await trajectory();
    expect((await member.post(`${base}/charter/versions`, {})).json()).toEqual({ version: 1 });
    expect(await inBothLanguages(member, () => member.get(`${base}/charter/versions/1/charter.pdf`))).toEqual([
      'Een PDF maken lukt nu niet: Chromium is niet geïnstalleerd op de server. Download het kader als Markdown, of druk de pagina af vanuit je browser.',
      'A PDF cannot be made right now: Chromium is not installed on the server. Download the charter as Markdown, or print the page from your browser.',
    ]);
  });

  // Two people making a version at the same moment. On SQLite writes take turns, so the second one
  // reads the first one's version and gets "nothing changed" above; only PostgreSQL lets both read
  // before either writes. Here another transaction holds version 1 until the request waits on it.
  if (dialect === 'postgres')
    it('a new version someone else made at the same moment', async () => {
      const { member, base } = await trajectory();
      const trajectoryId = base.split('/').at(-1) as string;
      const messages: string[] = [];
      for (const [language, version] of [
        ['nl', 1],
        ['en', 2],
      ] as const) {
        expect((await member.patch('/api/me', { language })).statusCode).toBe(200);
        let made: Promise<{ statusCode: number; json: () => { error: { message: string } } }> | undefined;
        await t.ctx.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('charter_versions')
            .values({
              id: `meanwhile-${version}`,
              trajectory_id: trajectoryId,
              version,
              language,
              sections: '[]',
              created_by: 'someone',
              created_at: '2026-12-06T00:00:00.000Z',
            })
            .execute();
          made = member.post(`${base}/charter/versions`, {});
          // Commit only once the request waits for this transaction's version number.
          for (;;) {
            const waiting = await sql<{
              n: number;
            }>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into "charter_versions"%'`.execute(
              t.ctx.db,
            );
            if ((waiting.rows[0]?.n ?? 0) > 0) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        });
        const refused = await (made as NonNullable<typeof made>);
        expect(refused.statusCode).toBe(409);
        messages.push(refused.json().error.message);
      }
      expect(messages).toEqual([
        'Iemand anders maakte net een nieuwe versie. Vernieuw de pagina.',
        'Someone else has just made a new version. Refresh the page.',
      ]);
    });
});
