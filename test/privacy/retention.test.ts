import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { recordAudit } from '../../src/modules/audit/service.ts';
import { verifyAuditTrail } from '../../src/modules/audit/verify.ts';
import { removeMember } from '../../src/modules/organisations/service.ts';
import { runRetention, updateRetention } from '../../src/modules/privacy/retention.ts';
import { scheduleRetention } from '../../src/modules/privacy/retention-schedule.ts';
import { DiskPhotoStorage } from '../../src/modules/stories/photo-storage.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { envFor, runCli } from '../helpers/cli.ts';
import { describeEachDatabase, openTestDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';
import { actorOf, contextFor } from '../stories/helpers.ts';

const T0 = new Date('2027-06-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(T0.getTime() - days * 86_400_000);

describeEachDatabase('retention', (dialect) => {
  let now = T0;
  let t: TestApp;
  let storage: DiskPhotoStorage;
  let orgA: string;
  let orgB: string;
  const ids: Record<string, string> = {};

  async function roundWithResponses(org: string, admin: string, closesOn: string, responses: number) {
    const version = await makePublishedVersion(t.ctx, org);
    const { roundId } = await makeRound(t.ctx, org, version, admin);
    await t.ctx.db.updateTable('rounds').set({ closes_on: closesOn, status: 'closed' }).where('id', '=', roundId).execute();
    const link = await t.ctx.db.selectFrom('round_links').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow();
    for (let i = 0; i < responses; i++) {
      const id = newId();
      await t.ctx.db
        .insertInto('responses')
        .values({
          id,
          round_id: roundId,
          link_id: link.id,
          team_id: null,
          instrument_version_id: version,
          language: 'nl',
          consent_version: '1',
          status: 'complete',
          started_on: '2027-03-01',
          submitted_on: '2027-03-01',
          resume_code_hash: null,
        })
        .execute();
      await t.ctx.db
        .insertInto('answers')
        .values({ response_id: id, question: 'sector', item: null, option: 'ggz', number_value: null, text_value: null })
        .execute();
    }
    return roundId;
  }
  const story = async (org: string, author: string, photoKey: string | null = null) => {
    const id = newId();
    await t.ctx.db
      .insertInto('stories')
      .values({
        id,
        organisation_id: org,
        team_id: null,
        author_user_id: author,
        author_position: null,
        title: 'Verhaal',
        body: 'Tekst',
        caption: null,
        pseudonym: null,
        scope: 'organisation',
        scope_changed_at: daysAgo(400).toISOString(),
        media_checklist: null,
        media_checklist_at: null,
        withdrawn_at: null,
        photo_key: photoKey,
        photo_width: photoKey ? 10 : null,
        photo_height: photoKey ? 10 : null,
        photo_bytes: photoKey ? 3 : null,
        photo_alt: null,
        photo_people: null,
        created_on: '2026-01-01',
        created_at: daysAgo(400).toISOString(),
        updated_at: daysAgo(400).toISOString(),
      })
      .execute();
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { now: () => now });
    storage = new DiskPhotoStorage(path.join(t.config.dataDir, 'photos'));
    orgA = await makeOrganisation(t.ctx);
    orgB = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, { organisationId: orgA, role: 'admin' });
    const adminB = await makeUser(t.ctx, { organisationId: orgB, role: 'admin' });
    ids.admin = admin.id;
    ids.adminEmail = admin.email;
    const member = await makeUser(t.ctx, { organisationId: orgA });
    const leftLongAgo = await makeUser(t.ctx, { organisationId: orgA });
    const leftRecently = await makeUser(t.ctx, { organisationId: orgA });
    const adminActor = actorOf(admin.id, { [orgA]: 'admin' });

    // The audit chain of A, oldest first: three entries 200 days ago, the two departures, the new settings.
    now = daysAgo(200);
    for (const subjectId of ['a', 'b', 'c'])
      await recordAudit(t.ctx.db, now, { organisationId: orgA, actorUserId: null, action: 'team.created', subjectType: 'team', subjectId });
    now = daysAgo(90);
    await removeMember(t.ctx, adminActor, orgA, leftLongAgo.id);
    now = daysAgo(10);
    await removeMember(t.ctx, adminActor, orgA, leftRecently.id);
    now = T0;
    await updateRetention(t.ctx, adminActor, orgA, { rawAnswersDays: 30, leaverStoriesDays: 60, sessionsDays: 1, logsDays: 7, auditDays: 180 });

    ids.oldRound = await roundWithResponses(orgA, admin.id, '2027-04-01', 2);
    ids.recentRound = await roundWithResponses(orgA, admin.id, '2027-05-20', 1);
    ids.oldRoundB = await roundWithResponses(orgB, adminB.id, '2027-04-01', 1);
    ids.photoKey = `${orgA}/${newId()}.jpg`;
    await storage.put(ids.photoKey, Buffer.from('jpg'), 'image/jpeg');
    ids.leaverStory = await story(orgA, leftLongAgo.id, ids.photoKey);
    ids.recentLeaverStory = await story(orgA, leftRecently.id);
    ids.memberStory = await story(orgA, member.id);
    for (const [idHash, seen] of [
      ['idle', daysAgo(2)],
      ['active', new Date(T0.getTime() - 3_600_000)],
    ] as const) {
      await t.ctx.db
        .insertInto('sessions')
        .values({
          id_hash: idHash,
          user_id: member.id,
          created_at: daysAgo(3).toISOString(),
          last_seen_at: seen.toISOString(),
          expires_at: '2999-01-01T00:00:00.000Z',
        })
        .execute();
    }
    const signalId = newId();
    await t.ctx.db
      .insertInto('signals')
      .values({
        id: signalId,
        organisation_id: orgA,
        team_id: null,
        raised_by: member.id,
        title: 's',
        observation: 'o',
        barrier_for: 'b',
        logic: 'l',
        theme: null,
        level: 'team',
        status: 'raised',
        source_code_id: null,
        created_at: daysAgo(20).toISOString(),
        last_step_at: daysAgo(20).toISOString(),
      })
      .execute();
    for (const [id, at] of [
      ['old-note', daysAgo(8)],
      ['new-note', daysAgo(1)],
    ] as const) {
      await t.ctx.db
        .insertInto('signal_notifications')
        .values({ id, organisation_id: orgA, user_id: member.id, signal_id: signalId, kind: 'step', at: at.toISOString(), read_at: null })
        .execute();
    }
  });
  afterAll(() => t.close());

  it('deletes what is past its time per organisation, keeps the rest, and says what it did', async () => {
    const run = await runRetention(t.ctx, storage);
    expect(run.organisations.find((o) => o.organisationId === orgA)).toEqual({
      organisationId: orgA,
      responsesDeleted: 2,
      storiesDeleted: 1,
      notificationsDeleted: 1,
      auditEntriesDeleted: 3,
    });
    expect(run.organisations.find((o) => o.organisationId === orgB)).toEqual({
      organisationId: orgB,
      responsesDeleted: 0,
      storiesDeleted: 0,
      notificationsDeleted: 0,
      auditEntriesDeleted: 0,
    });
    expect(run.sessionsDeleted).toBe(1);
    const db = t.ctx.db;
    const responsesOf = async (roundId: string) => (await db.selectFrom('responses').select('id').where('round_id', '=', roundId).execute()).length;
    expect([await responsesOf(ids.oldRound as string), await responsesOf(ids.recentRound as string), await responsesOf(ids.oldRoundB as string)]).toEqual([
      0, 1, 1,
    ]);
    expect(await db.selectFrom('answers').select('response_id').execute()).toHaveLength(2);
    const stories = (await db.selectFrom('stories').select('id').where('organisation_id', '=', orgA).execute()).map((s) => s.id).sort();
    expect(stories).toEqual([ids.recentLeaverStory, ids.memberStory].sort());
    expect(fs.existsSync(path.join(t.config.dataDir, 'photos', ids.photoKey as string))).toBe(false);
    expect((await db.selectFrom('sessions').select('id_hash').execute()).map((s) => s.id_hash)).toEqual(['active']);
    expect((await db.selectFrom('signal_notifications').select('id').execute()).map((s) => s.id)).toEqual(['new-note']);
    const chain = await db.selectFrom('audit_events').select(['action', 'chain_index']).where('organisation_id', '=', orgA).orderBy('chain_index').execute();
    expect(chain.map((e) => e.action)).toEqual(['membership.removed', 'membership.removed', 'retention.updated', 'retention.applied']);
    expect(chain[0]?.chain_index).toBe(4);
    const applied = await db.selectFrom('audit_events').select('details').where('action', '=', 'retention.applied').executeTakeFirstOrThrow();
    expect(JSON.parse(applied.details)).toEqual({ responsesDeleted: 2, storiesDeleted: 1, notificationsDeleted: 1, auditEntriesDeleted: 3 });
  });

  it('keeps the shortened audit chain verifiable from its anchor, and still finds tampering after it', async () => {
    expect((await verifyAuditTrail(t.ctx.db)).issues).toEqual([]);
    const first = await t.ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('organisation_id', '=', orgA)
      .where('chain_index', '=', 4)
      .executeTakeFirstOrThrow();
    await t.ctx.db.deleteFrom('audit_events').where('id', '=', first.id).execute();
    expect((await verifyAuditTrail(t.ctx.db)).issues.map(({ kind, fromIndex, toIndex }) => ({ kind, fromIndex, toIndex }))).toEqual([
      { kind: 'removed', fromIndex: 4, toIndex: 4 },
    ]);
  });

  it('a second run finds nothing more to do and records nothing', async () => {
    const before = (await t.ctx.db.selectFrom('audit_events').select('id').execute()).length;
    const run = await runRetention(t.ctx, storage);
    expect(run.organisations.every((o) => o.responsesDeleted + o.storiesDeleted + o.notificationsDeleted + o.auditEntriesDeleted === 0)).toBe(true);
    expect(run.sessionsDeleted).toBe(0);
    expect((await t.ctx.db.selectFrom('audit_events').select('id').execute()).length).toBe(before);
  });

  it('an admin reads and sets the periods through the API; out of range is a 400 in Dutch that changes nothing', async () => {
    const client = new Client(t.app);
    await client.login(ids.adminEmail as string, TEST_PASSWORD);
    expect((await client.get(`/api/orgs/${orgB}/retention`)).statusCode).toBe(404);
    expect((await client.get(`/api/orgs/${orgA}/retention`)).json()).toEqual({
      rawAnswersDays: 30,
      leaverStoriesDays: 60,
      sessionsDays: 1,
      logsDays: 7,
      auditDays: 180,
      isDefault: false,
    });
    const bad = await client.put(`/api/orgs/${orgA}/retention`, { rawAnswersDays: 30, leaverStoriesDays: 60, sessionsDays: 1, logsDays: 7, auditDays: 10 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['auditDays']);
    expect((await client.get(`/api/orgs/${orgA}/retention`)).json().auditDays).toBe(180);
    const good = await client.put(`/api/orgs/${orgA}/retention`, {
      rawAnswersDays: 365,
      leaverStoriesDays: 90,
      sessionsDays: 14,
      logsDays: 30,
      auditDays: 365,
    });
    expect(good.json()).toEqual({ rawAnswersDays: 365, leaverStoriesDays: 90, sessionsDays: 14, logsDays: 30, auditDays: 365, isDefault: false });
  });

  it('the app schedules the job: it runs after the given delay and logs only counts', async () => {
    const lines: { obj: unknown; msg: string }[] = [];
    const log = { info: (obj: unknown, msg: string) => lines.push({ obj, msg }), error: (obj: unknown, msg: string) => lines.push({ obj, msg }) };
    const stop = scheduleRetention(t.ctx, storage, log as unknown as FastifyBaseLogger, 5);
    try {
      await expect.poll(() => lines.length, { timeout: 10_000 }).toBe(1);
    } finally {
      stop();
    }
    expect(lines[0]?.msg).toBe('retention job done');
    expect(lines[0]?.obj).toEqual({
      retention: { organisations: 2, responsesDeleted: 0, storiesDeleted: 0, notificationsDeleted: 0, auditEntriesDeleted: 0, sessionsDeleted: 0 },
    });
  });

  describe('retention run (command line)', () => {
    it('applies the periods and says what it deleted', async () => {
      const fresh = await openTestDatabase(dialect);
      try {
        const ctx = contextFor(fresh.handle);
        const loner = await makeUser(ctx);
        await ctx.db
          .insertInto('sessions')
          .values({
            id_hash: 'old',
            user_id: loner.id,
            created_at: '2020-01-01T00:00:00.000Z',
            last_seen_at: '2020-01-01T00:00:00.000Z',
            expires_at: '2999-01-01T00:00:00.000Z',
          })
          .execute();
        const result = await runCli(['retention', 'run'], envFor(fresh.testDb.database));
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe('Retention applied to 0 organisation(s).\n  1 idle session(s) and 0 audit entry(ies) outside organisations deleted.\n');
        expect(await ctx.db.selectFrom('sessions').select('id_hash').execute()).toEqual([]);
      } finally {
        await fresh.close();
      }
    });
  });
});
