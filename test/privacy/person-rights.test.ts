import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/modules/audit/verify.ts';
import { personColumns } from '../../src/modules/privacy/person-columns.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { envFor, runCli } from '../helpers/cli.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { makeTrajectoryFixture } from '../helpers/trajecten.ts';
import { contextFor } from '../stories/helpers.ts';
import { sendBytes } from '../stories/http.ts';
import { makeJpeg } from '../stories/images.ts';

const signal = {
  title: 'Wachtlijst jongeren',
  observation: 'Jongeren wachten maanden.',
  barrierFor: 'Jongeren zonder netwerk',
  logic: 'toegankelijke_hulpverlening',
  theme: null,
  level: 'regional',
  teamId: null,
  storyIds: [],
  memberCheck: false,
  sourceCodeId: null,
};

/** How many rows of each listed column still name the person. */
async function rowsNaming(t: TestApp, userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const c of personColumns) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(c.table)} where ${sql.ref(c.column)} = ${userId}`.execute(t.ctx.db);
    counts[`${c.table}.${c.column}`] = Number(rows[0]?.n);
  }
  return counts;
}

describeEachDatabase("a person's export and erasure", (dialect) => {
  let t: TestApp;
  let org: string;
  let otherOrg: string;
  let trajectory: string;
  const person = { id: '', email: '', client: undefined as unknown as Client };
  const colleague = { id: '', email: '', client: undefined as unknown as Client };
  const admin = { id: '', client: undefined as unknown as Client };
  let storyId: string;
  let colleagueStoryId: string;
  let reflectionId: string;
  let signalId: string;
  const codeId = crypto.randomUUID();
  let photo: Buffer;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    otherOrg = await makeOrganisation(t.ctx);
    const team = await makeTeam(t.ctx, org, 'Team Herstel');
    Object.assign(person, await makeUser(t.ctx, { organisationId: org, role: 'member', name: 'Sam Ervaring' }));
    Object.assign(colleague, await makeUser(t.ctx, { organisationId: org, role: 'member', name: 'Pieter Praktijk' }));
    const adminUser = await makeUser(t.ctx, { organisationId: org, role: 'admin', name: 'Ada Beheer' });
    admin.id = adminUser.id;
    await addToTeam(t.ctx, team, person.id, 'experience_worker');
    await addToTeam(t.ctx, team, colleague.id, 'practitioner');
    ({ trajectory } = await makeTrajectoryFixture(t.ctx, org, team, [colleague.id, person.id]));
    for (const [who, email] of [
      [person, person.email],
      [colleague, colleague.email],
      [admin, adminUser.email],
    ] as const) {
      who.client = new Client(t.app);
      expect((await who.client.login(email, TEST_PASSWORD)).statusCode).toBe(200);
    }
    const base = `/api/orgs/${org}`;
    const ok = async (response: Promise<import('fastify').LightMyRequestResponse>) => {
      const r = await response;
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    storyId = (await ok(person.client.post(`${base}/stories`, { title: 'Mijn weg terug', text: 'Wat mij hielp was de groep.', scope: 'team' }))).id;
    await ok(sendBytes(t.app, person.client, `${base}/stories/${storyId}/photo`, await makeJpeg(320, 240)));
    photo = (await person.client.get(`${base}/stories/${storyId}/photo`)).rawPayload;
    colleagueStoryId = (await ok(colleague.client.post(`${base}/stories`, { title: 'Een dienst', text: 'Het was druk.', scope: 'team' }))).id;
    const reflection = await ok(person.client.post(`${base}/stories/${colleagueStoryId}/reflections`, { text: 'Dat herken ik van vroeger.' }));
    reflectionId = reflection.id ?? reflection.reflections?.at(-1)?.id;
    signalId = (await ok(person.client.post(`${base}/signals`, signal))).id;
    // A researcher coded the person's reflection (it sits on the colleague's story, which stays).
    const now = new Date().toISOString();
    await t.ctx.db
      .insertInto('coding_codes')
      .values({
        id: codeId,
        organisation_id: org,
        parent_id: null,
        name: 'Herkenning',
        description: '',
        colour: '#336699',
        framework_key: null,
        framework_code: null,
        created_by: admin.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.ctx.db
      .insertInto('coding_segments')
      .values({
        id: crypto.randomUUID(),
        organisation_id: org,
        code_id: codeId,
        source_kind: 'reflection',
        source_id: reflectionId,
        story_id: colleagueStoryId,
        start_offset: 0,
        end_offset: 3,
        quote: 'Dat',
        created_by: admin.id,
        created_at: now,
      })
      .execute();
    await ok(person.client.post(`${base}/trajectories/${trajectory}/charter/versions/1/signatures`));
    await ok(colleague.client.post(`${base}/trajectories/${trajectory}/charter/versions/1/signatures`));
    await ok(person.client.post(`${base}/trajectories/${trajectory}/charter/versions/1/comments`, { sectionKey: 'visie', text: 'Goed zo.' }));
  });
  afterAll(() => t.close());

  it('exports everything about the person as one ZIP of JSON and their photo, and nothing secret or of others', async () => {
    const response = await person.client.get('/api/me/export.zip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'account.json',
      'audit.json',
      `photos/${storyId}.jpg`,
      'signalen.json',
      'trajecten.json',
      'verhalen.json',
    ]);
    const json = (name: string) => JSON.parse(strFromU8(files[name] as Uint8Array));
    const account = json('account.json');
    expect(account.users[0]).toMatchObject({ id: person.id, email: person.email, display_name: 'Sam Ervaring' });
    expect(account.memberships).toEqual([expect.objectContaining({ organisation_id: org, role: 'member' })]);
    expect(account.team_members).toEqual([expect.objectContaining({ position: 'experience_worker' })]);
    const stories = json('verhalen.json');
    expect(stories.stories.map((s: { title: string }) => s.title)).toEqual(['Mijn weg terug']);
    expect(stories.story_reflections.map((r: { body: string }) => r.body)).toEqual(['Dat herken ik van vroeger.']);
    expect(json('signalen.json').signals.map((s: { title: string }) => s.title)).toEqual(['Wachtlijst jongeren']);
    const trajecten = json('trajecten.json');
    expect(trajecten.charter_signatures).toHaveLength(1);
    expect(trajecten.charter_comments.map((c: { text: string }) => c.text)).toEqual(['Goed zo.']);
    expect(trajecten.trajectory_agreements.map((a: { owner_user_id: string }) => a.owner_user_id)).toEqual([person.id]);
    const actions = json('audit.json').map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.login',
        'story.created',
        'story.photo_added',
        'reflection.created',
        'signal.raised',
        'charter.signed',
        'charter.commented',
      ]),
    );
    expect(Buffer.from(files[`photos/${storyId}.jpg`] as Uint8Array).equals(photo)).toBe(true);
    const everything = Object.values(files)
      .map((f) => Buffer.from(f).toString('latin1'))
      .join('\n');
    for (const absent of ['password_hash', 'id_hash', 'token_hash', 'Een dienst', 'Het was druk.', 'Pieter Praktijk']) expect(everything).not.toContain(absent);
    expect(await t.ctx.db.selectFrom('audit_events').select('subject_id').where('action', '=', 'person.exported').execute()).toEqual([
      { subject_id: person.id },
    ]);
  });

  it('refuses erasure to non-admins, of oneself, of someone also in an organisation the admin does not run, and of nobody', async () => {
    const url = (userId: string) => `/api/orgs/${org}/members/${userId}/erase`;
    expect((await colleague.client.post(url(person.id))).statusCode).toBe(403);
    const self = await admin.client.post(url(admin.id));
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toBe('Je kunt jezelf niet wissen. Vraag het aan een andere beheerder.');
    const both = await makeUser(t.ctx, { organisationId: org });
    await t.ctx.db
      .insertInto('memberships')
      .values({ organisation_id: otherOrg, user_id: both.id, role: 'member', created_at: new Date().toISOString() })
      .execute();
    const elsewhere = await admin.client.post(url(both.id));
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.message).toBe(
      'Deze persoon is ook lid van een organisatie waar jij geen beheerder bent. Een beheerder van die organisatie moet dit doen.',
    );
    expect((await admin.client.post(url('not-an-id'))).statusCode).toBe(400);
    expect((await admin.client.post(url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect(await t.ctx.db.selectFrom('audit_events').select('id').where('action', '=', 'person.erased').execute()).toEqual([]);
  });

  it('erases the person from every table; what others rely on keeps an anonymous former member', async () => {
    const before = await rowsNaming(t, person.id);
    expect(before['stories.author_user_id']).toBe(1);
    expect(before['charter_signatures.user_id']).toBe(1);
    const photoKey = (await t.ctx.db.selectFrom('stories').select('photo_key').where('id', '=', storyId).executeTakeFirstOrThrow()).photo_key as string;
    const photoFile = path.join(t.config.dataDir, 'photos', photoKey);
    expect(fs.existsSync(photoFile)).toBe(true);

    const response = await admin.client.post(`/api/orgs/${org}/members/${person.id}/erase`);
    expect(response.statusCode, response.body).toBe(200);
    const former = response.json().formerMemberId as string;
    expect(response.json()).toMatchObject({ erased: true, photosDeleted: 1 });

    expect(Object.entries(await rowsNaming(t, person.id)).filter(([, n]) => n > 0)).toEqual([]);
    expect(fs.existsSync(photoFile)).toBe(false);
    const db = t.ctx.db;
    expect(await db.selectFrom('stories').select('id').where('id', 'in', [storyId, colleagueStoryId]).execute()).toEqual([{ id: colleagueStoryId }]);
    expect(await db.selectFrom('story_reflections').select('id').where('id', '=', reflectionId).execute()).toEqual([]);
    expect(await db.selectFrom('coding_segments').select('id').where('code_id', '=', codeId).execute()).toEqual([]);
    expect(await db.selectFrom('users').select(['display_name', 'disabled_at']).where('id', '=', former).executeTakeFirstOrThrow()).toMatchObject({
      display_name: 'Voormalig lid · Former member',
    });
    expect(await db.selectFrom('memberships').select('user_id').where('user_id', '=', former).execute()).toEqual([]);
    const signatures = await db.selectFrom('charter_signatures').select(['user_id', 'signer_name']).orderBy('signer_name').execute();
    expect(signatures).toEqual(
      [
        { user_id: colleague.id, signer_name: 'Pieter Praktijk' },
        { user_id: former, signer_name: 'Voormalig lid · Former member' },
      ].sort((a, b) => a.signer_name.localeCompare(b.signer_name)),
    );
    expect((await db.selectFrom('signals').select('raised_by').where('id', '=', signalId).executeTakeFirstOrThrow()).raised_by).toBe(former);
    expect(await db.selectFrom('charter_comments').select(['author_user_id', 'text']).executeTakeFirstOrThrow()).toEqual({
      author_user_id: former,
      text: 'Goed zo.',
    });
    const sections = (await db.selectFrom('charter_versions').select('sections').where('trajectory_id', '=', trajectory).executeTakeFirstOrThrow()).sections;
    expect(sections).not.toContain('Sam Ervaring');
    expect(sections).toContain('Voormalig lid');
    expect(sections).toContain('Pieter Praktijk');
    const participants = (await db.selectFrom('intervision_sessions').select('participants').where('trajectory_id', '=', trajectory).executeTakeFirstOrThrow())
      .participants;
    expect(JSON.parse(participants)).toEqual([colleague.id, former]);
    const erased = await db
      .selectFrom('audit_events')
      .select(['organisation_id', 'actor_user_id', 'subject_id', 'details'])
      .where('action', '=', 'person.erased')
      .execute();
    expect(erased).toEqual([{ organisation_id: org, actor_user_id: admin.id, subject_id: person.id, details: '{"source":"web"}' }]);
    expect((await verifyAuditTrail(db)).issues).toEqual([]);
    expect((await new Client(t.app).login(person.email, TEST_PASSWORD)).statusCode).toBe(401);
    // The colleague's view of the signed charter still loads and names a former member.
    const charter = await colleague.client.get(`/api/orgs/${org}/trajectories/${trajectory}/charter/versions/1`);
    expect(charter.statusCode).toBe(200);
    expect(charter.body).not.toContain('Sam Ervaring');
  });

  describe('person erase (command line)', () => {
    it('erases by e-mail only with --yes, and says what it did', async () => {
      const fresh = await openTestDatabase(dialect);
      try {
        const ctx = contextFor(fresh.handle);
        const cliOrg = await makeOrganisation(ctx);
        const someone = await makeUser(ctx, { organisationId: cliOrg, name: 'Kim Weg' });
        const env = envFor(fresh.testDb.database);
        const refused = await runCli(['person', 'erase', someone.email], env);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('--yes');
        expect(await ctx.db.selectFrom('users').select('id').where('id', '=', someone.id).execute()).toHaveLength(1);
        const done = await runCli(['person', 'erase', someone.email, '--yes'], env);
        expect(done.stderr).toBe('');
        expect(done.stdout).toContain(`Erased ${someone.email}.`);
        expect(await ctx.db.selectFrom('users').select('id').where('id', '=', someone.id).execute()).toEqual([]);
        expect(await ctx.db.selectFrom('memberships').select('user_id').where('user_id', '=', someone.id).execute()).toEqual([]);
        expect(await ctx.db.selectFrom('audit_events').select(['actor_user_id', 'details']).where('subject_id', '=', someone.id).execute()).toEqual([
          { actor_user_id: null, details: '{"source":"cli"}' },
        ]);
      } finally {
        await fresh.close();
      }
    });
  });
});
