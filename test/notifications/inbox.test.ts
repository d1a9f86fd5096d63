import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notify } from '../../src/modules/notifications/notify-service.ts';
import { deleteOldNotifications } from '../../src/modules/privacy/retention-store.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

type Inbox = {
  waiting: { kind: string; text: string; link: string; due: string | null }[];
  notifications: { id: string; kind: string; text: string; link: string; read: boolean }[];
  unread: number;
  count: number;
};

describeEachDatabase('what waits for me: start page items, notifications, read and unread, e-mail preference', (dialect) => {
  let t: TestApp;
  const clock = { current: new Date('2027-03-01T09:00:00.000Z'), now: () => new Date(clock.current) };
  let org: string;
  let team: string;
  const people: Record<'maker' | 'signer' | 'coordinator' | 'outsider' | 'admin', { id: string; client: Client }> = {} as never;

  const signIn = async (options: Parameters<typeof makeUser>[1]) => {
    const user = await makeUser(t.ctx, options);
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return { id: user.id, client };
  };
  const inboxOf = async (who: keyof typeof people) => {
    const response = await people[who].client.get(`/api/orgs/${org}/inbox`);
    expect(response.statusCode).toBe(200);
    return response.json<Inbox>();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, clock);
    org = await makeOrganisation(t.ctx);
    team = await makeTeam(t.ctx, org, 'Herstel');
    people.maker = await signIn({ organisationId: org, role: 'member' });
    people.signer = await signIn({ organisationId: org, role: 'member' });
    people.coordinator = await signIn({ organisationId: org, role: 'coordinator' });
    people.admin = await signIn({ organisationId: org, role: 'admin' });
    people.outsider = await signIn({ organisationId: await makeOrganisation(t.ctx), role: 'admin' });
    await addToTeam(t.ctx, team, people.maker.id, 'practitioner');
    await addToTeam(t.ctx, team, people.signer.id, 'experience_worker');
  });
  afterAll(() => t?.close());

  it('a new charter version waits for each team member to sign, as an item on the start page and a notification', async () => {
    const trajectory = (await people.maker.client.post(`/api/orgs/${org}/trajectories`, { teamId: team, title: 'Samen herstellen' })).json<{ id: string }>();
    expect((await people.maker.client.post(`/api/orgs/${org}/trajectories/${trajectory.id}/charter/versions`, {})).statusCode).toBe(200);

    const inbox = await inboxOf('signer');
    expect(inbox.waiting).toEqual([
      {
        kind: 'charter_to_sign',
        text: 'Onderteken versie 1 van het samenwerkingskader van ‘Samen herstellen’.',
        link: `/o/${org}/trajecten/${trajectory.id}/kader/1`,
        due: null,
      },
    ]);
    expect(inbox.notifications).toMatchObject([
      {
        kind: 'charter_to_sign',
        text: 'Er is een nieuwe versie (versie 1) van jullie samenwerkingskader. Lees en onderteken hem.',
        link: `/o/${org}/trajecten/${trajectory.id}/kader/1`,
        read: false,
      },
    ]);
    expect(inbox.count).toBe(2);
    expect((await people.signer.client.get(`/api/orgs/${org}/inbox/count`)).json()).toEqual({ count: 2 });

    // The maker made it: nothing to be told, but they still sign (the item), like every team member.
    const maker = await inboxOf('maker');
    expect(maker.notifications).toEqual([]);
    expect(maker.waiting.map((w) => w.kind)).toEqual(['charter_to_sign']);
    // Not in the team: neither.
    expect(await inboxOf('coordinator')).toMatchObject({ waiting: [], notifications: [], count: 0 });

    // Signing takes the item away; the notification stays until read, then stays in the history as read.
    expect((await people.signer.client.post(`/api/orgs/${org}/trajectories/${trajectory.id}/charter/versions/1/signatures`, {})).statusCode).toBe(200);
    const signed = await inboxOf('signer');
    expect(signed.waiting).toEqual([]);
    expect(signed.count).toBe(1);
    const id = signed.notifications[0]?.id as string;
    // Someone else cannot mark it read.
    expect((await people.maker.client.post(`/api/orgs/${org}/inbox/read`, { ids: [id] })).json()).toEqual({ marked: 0 });
    expect((await people.signer.client.post(`/api/orgs/${org}/inbox/read`, { ids: [id] })).json()).toEqual({ marked: 1 });
    const read = await inboxOf('signer');
    expect(read).toMatchObject({ count: 0, unread: 0, notifications: [{ id, read: true }] });
    expect(await auditActions(t.ctx, org)).toContain('notification.read');
  });

  it('a signal notification says what changed at that step, not where the signal is now', async () => {
    const signal = (
      await people.signer.client.post(`/api/orgs/${org}/signals`, {
        title: 'Wachtlijst',
        observation: 'Lang wachten.',
        barrierFor: 'Jongeren',
        logic: 'toegankelijke_hulpverlening',
        theme: null,
        level: 'team',
        teamId: team,
        storyIds: [],
        memberCheck: false,
        sourceCodeId: null,
      })
    ).json<{ id: string }>();
    const step = (to: string, note = '') => people.coordinator.client.post(`/api/orgs/${org}/signals/${signal.id}/steps`, { to, note });
    expect((await step('discussed')).statusCode).toBe(200);
    clock.current = new Date('2027-03-01T09:01:00.000Z');
    expect((await step('passed_on')).statusCode).toBe(200);
    clock.current = new Date('2027-03-01T09:02:00.000Z');
    expect((await step('taken_up')).statusCode).toBe(200);
    clock.current = new Date('2027-03-01T09:03:00.000Z');
    expect((await step('feedback_given', 'Er komt een extra spreekuur.')).statusCode).toBe(200);
    const texts = (await inboxOf('signer')).notifications.filter((n) => n.kind === 'signal_step').map((n) => n.text);
    expect(texts).toEqual([
      'Je signaal is beantwoord door beleid: er is terugkoppeling.',
      'Beleid heeft je signaal opgepakt.',
      'Je signaal is doorgegeven aan beleid.',
      'Je signaal is besproken in het team.',
    ]);
    // The signals page's own list names the status of each step too, not the signal's state now.
    const onSignalsPage = (await people.signer.client.get(`/api/orgs/${org}/signals/notifications`)).json<{
      notifications: { kind: string; status: string }[];
    }>();
    expect(onSignalsPage.notifications.filter((n) => n.kind === 'step' || n.kind === 'feedback').map((n) => n.status)).toEqual([
      'feedback_given',
      'taken_up',
      'passed_on',
      'discussed',
    ]);
    const english = new Client(t.app, 'en');
    await english.login((await t.ctx.db.selectFrom('users').select('email').where('id', '=', people.signer.id).executeTakeFirstOrThrow()).email, TEST_PASSWORD);
    await english.patch('/api/me', { language: 'en' });
    const inEnglish = (await english.get(`/api/orgs/${org}/inbox`)).json<Inbox>();
    expect(inEnglish.notifications.find((n) => n.kind === 'signal_step')?.text).toBe('Your signal was answered by policy: there is feedback.');
    await english.patch('/api/me', { language: 'nl' });
  });

  it('another organisation learns nothing; a bad body changes nothing', async () => {
    expect((await people.outsider.client.get(`/api/orgs/${org}/inbox`)).statusCode).toBe(404);
    expect((await people.outsider.client.get(`/api/orgs/${org}/inbox/count`)).statusCode).toBe(404);
    expect((await people.outsider.client.post(`/api/orgs/${org}/inbox/read`, {})).statusCode).toBe(404);
    expect((await people.signer.client.post(`/api/orgs/${org}/inbox/read`, { ids: ['not-an-id'] })).statusCode).toBe(400);
  });

  it('each person chooses how e-mail tells them: right away, daily, weekly or never (daily when not chosen)', async () => {
    const client = people.signer.client;
    expect((await client.get('/api/me/notification-preferences')).json()).toMatchObject({ email: 'daily' });
    expect((await client.put('/api/me/notification-preferences', { email: 'weekly' })).json()).toMatchObject({ email: 'weekly' });
    expect((await client.get('/api/me/notification-preferences')).json()).toMatchObject({ email: 'weekly' });
    expect((await people.maker.client.get('/api/me/notification-preferences')).json()).toMatchObject({ email: 'daily' });
    const bad = await client.put('/api/me/notification-preferences', { email: 'hourly' });
    expect(bad.statusCode).toBe(400);
    expect((await client.get('/api/me/notification-preferences')).json()).toMatchObject({ email: 'weekly' });
    expect(await auditActions(t.ctx, null)).toContain('notification.preferences_changed');
  });

  it('notifications are personal data: in the person’s export, gone with their erasure', async () => {
    const exported = await people.signer.client.get('/api/me/export.zip');
    expect(exported.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(exported.rawPayload));
    const section = JSON.parse(strFromU8(files['meldingen.json'] as Uint8Array)) as Record<string, { kind?: string; email?: string }[]>;
    expect(section.notifications?.map((n) => n.kind)).toContain('charter_to_sign');
    expect(section.notification_preferences?.[0]?.email).toBe('weekly');

    expect((await people.admin.client.post(`/api/orgs/${org}/members/${people.signer.id}/erase`)).statusCode).toBe(200);
    expect(await t.ctx.db.selectFrom('notifications').select('id').where('user_id', '=', people.signer.id).execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('notification_preferences').select('user_id').where('user_id', '=', people.signer.id).execute()).toEqual([]);
  });

  it('retention removes them with the other notifications once they are older than the organisation keeps logs', async () => {
    const count = async () => (await t.ctx.db.selectFrom('notifications').select('id').where('organisation_id', '=', org).execute()).length;
    await notify(t.ctx, { organisationId: org, userIds: [people.maker.id], kind: 'signal_member_checked', subjectId: org, params: {}, link: `/o/${org}` });
    expect(await count()).toBe(1);
    await deleteOldNotifications(t.ctx.db, org, '2027-03-01T08:00:00.000Z');
    expect(await count()).toBe(1);
    await deleteOldNotifications(t.ctx.db, org, '2027-03-02T00:00:00.000Z');
    expect(await count()).toBe(0);
  });
});
