import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import type { Role } from '../../src/modules/organisations/model.ts';
import { listNotifications, markNotificationsRead } from '../../src/modules/signals/notifications.ts';
import { overview, signalReport } from '../../src/modules/signals/reporting.ts';
import { addMemberCheck, exportSignal, getSignal, listSignals, raiseSignal, stepSignal } from '../../src/modules/signals/service.ts';
import { createStory, withdrawStory } from '../../src/modules/stories/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

const actorOf = (userId: string, org: string, role: Role, language: 'nl' | 'en' = 'nl'): Actor => ({ userId, language, roles: new Map([[org, role]]) });

const signalInput = (over: Record<string, unknown> = {}) => ({
  title: 'Wachtlijst jongeren',
  observation: 'Jongeren wachten maanden op een eerste gesprek.',
  barrierFor: 'Jongeren zonder netwerk',
  logic: 'toegankelijke_hulpverlening',
  theme: 'toegankelijkheid' as string | null,
  level: 'regional' as const,
  teamId: null as string | null,
  storyIds: [] as string[],
  memberCheck: false,
  sourceCodeId: null,
  ...over,
});

describeEachDatabase('signals to policy: workflow, member checking, permissions, report', (dialect) => {
  let t: TestApp;
  const clock = { current: new Date('2026-11-01T09:00:00.000Z'), now: () => new Date(clock.current) };
  let org: string;
  let team: string;
  let otherTeam: string;
  let worker: Actor;
  let colleague: Actor;
  let outsiderInOtherTeam: Actor;
  let teamCoordinator: Actor;
  let policyOfficer: Actor;
  let coordinator: Actor;
  let researcher: Actor;
  let admin: Actor;

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, clock);
    org = await makeOrganisation(t.ctx);
    team = await makeTeam(t.ctx, org, 'Team Noord');
    otherTeam = await makeTeam(t.ctx, org, 'Team Zuid');
    const user = async (role: Role, teamId?: string, position?: 'practitioner' | 'coordinator' | 'policy_officer' | 'experience_worker') => {
      const u = await makeUser(t.ctx, { organisationId: org, role });
      if (teamId && position) await addToTeam(t.ctx, teamId, u.id, position);
      return actorOf(u.id, org, role);
    };
    worker = await user('member', team, 'experience_worker');
    colleague = await user('member', team, 'practitioner');
    outsiderInOtherTeam = await user('member', otherTeam, 'experience_worker');
    teamCoordinator = await user('member', team, 'coordinator');
    policyOfficer = await user('member', otherTeam, 'policy_officer');
    coordinator = await user('coordinator');
    researcher = await user('researcher');
    admin = await user('admin');
  });
  afterAll(() => t.close());

  it('walks a signal from raised to feedback; the raiser sees every step and gets the feedback', async () => {
    const raised = await raiseSignal(t.ctx, worker, org, signalInput({ teamId: team }));
    expect(raised).toMatchObject({ status: 'raised', raisedByMe: true, canHandle: false, nextStatuses: [] });
    expect(raised.steps).toHaveLength(1);

    const steps: [string, string][] = [
      ['discussed', 'Besproken in het teamoverleg.'],
      ['passed_on', 'Doorgegeven aan de directie.'],
      ['taken_up', ''],
      ['feedback_given', 'Er komt een inloopmoment op woensdag.'],
    ];
    let view = raised;
    for (const [to, note] of steps) {
      clock.current = new Date(clock.current.getTime() + 86_400_000);
      view = await stepSignal(t.ctx, teamCoordinator, org, raised.id, { to: to as 'discussed', note });
    }
    expect(view.status).toBe('feedback_given');
    expect(view.steps.map((s) => [s.from, s.to, s.by?.id])).toEqual([
      [null, 'raised', worker.userId],
      ['raised', 'discussed', teamCoordinator.userId],
      ['discussed', 'passed_on', teamCoordinator.userId],
      ['passed_on', 'taken_up', teamCoordinator.userId],
      ['taken_up', 'feedback_given', teamCoordinator.userId],
    ]);
    const mine = await getSignal(t.ctx, worker, org, raised.id);
    expect(mine.feedback).toMatchObject({ note: 'Er komt een inloopmoment op woensdag.', by: { id: teamCoordinator.userId } });
    const { notifications, unread } = await listNotifications(t.ctx, worker, org);
    expect(notifications.map((n) => n.kind)).toEqual(['feedback', 'step', 'step', 'step']);
    expect(unread).toBe(4);
    expect(await markNotificationsRead(t.ctx, worker, org)).toEqual({ marked: 4 });
    expect((await listNotifications(t.ctx, worker, org)).unread).toBe(0);
    expect((await listSignals(t.ctx, worker, org, { mine: true })).map((s) => s.id)).toContain(raised.id);
    const audit = await auditActions(t.ctx, org);
    expect(audit.filter((a) => a === 'signal.step')).toHaveLength(4);
    expect(audit).toContain('signal.raised');
    expect(audit).toContain('signal.notifications_read');
  });

  it('refuses a skipped step with a clear message and changes nothing', async () => {
    const raised = await raiseSignal(t.ctx, worker, org, signalInput({ teamId: team }));
    await expect(stepSignal(t.ctx, admin, org, raised.id, { to: 'taken_up', note: '' })).rejects.toMatchObject({
      id: 'validation_failed',
      issues: [{ path: 'to', message: 'Een signaal dat gemeld is, kan niet naar ‘opgenomen’. De volgende stap is: besproken.' }],
    });
    await stepSignal(t.ctx, admin, org, raised.id, { to: 'discussed', note: '' });
    await stepSignal(t.ctx, admin, org, raised.id, { to: 'passed_on', note: '' });
    await expect(stepSignal(t.ctx, admin, org, raised.id, { to: 'not_taken_up', note: ' ' })).rejects.toMatchObject({ issues: [{ path: 'note' }] });
    expect((await getSignal(t.ctx, admin, org, raised.id)).status).toBe('passed_on');
    // Two people answering at once: one wins, the other hears that the signal moved on.
    const results = await Promise.allSettled([
      stepSignal(t.ctx, admin, org, raised.id, { to: 'taken_up', note: '' }),
      stepSignal(t.ctx, coordinator, org, raised.id, { to: 'not_taken_up', note: 'Geen budget.' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && (refused.reason as { id: string }).id).toMatch(/conflict|validation_failed/);
    const steps = (await getSignal(t.ctx, admin, org, raised.id)).steps.filter((s) => s.from === 'passed_on');
    expect(steps).toHaveLength(1);
  });

  it('keeps a team signal inside the team: others get 404, non-handlers 403', async () => {
    const raised = await raiseSignal(t.ctx, colleague, org, signalInput({ teamId: team }));
    await expect(getSignal(t.ctx, outsiderInOtherTeam, org, raised.id)).rejects.toMatchObject({ id: 'not_found' });
    await expect(getSignal(t.ctx, researcher, org, raised.id)).rejects.toMatchObject({ id: 'not_found' });
    expect((await listSignals(t.ctx, outsiderInOtherTeam, org, {})).map((s) => s.id)).not.toContain(raised.id);
    await expect(stepSignal(t.ctx, worker, org, raised.id, { to: 'discussed', note: '' })).rejects.toMatchObject({ id: 'forbidden' });
    await expect(stepSignal(t.ctx, colleague, org, raised.id, { to: 'discussed', note: '' })).rejects.toMatchObject({ id: 'forbidden' });
    expect((await getSignal(t.ctx, policyOfficer, org, raised.id)).canHandle).toBe(true);
    const stranger = actorOf(worker.userId, await makeOrganisation(t.ctx), 'admin');
    await expect(getSignal(t.ctx, stranger, org, raised.id)).rejects.toMatchObject({ id: 'not_found' });
  });

  it('refuses unknown framework codes and teams of another organisation', async () => {
    await expect(raiseSignal(t.ctx, worker, org, signalInput({ logic: 'geen_logica', theme: 'geen_thema' }))).rejects.toMatchObject({
      id: 'validation_failed',
      issues: [{ path: 'logic' }, { path: 'theme' }],
    });
    await expect(raiseSignal(t.ctx, worker, org, signalInput({ sourceCodeId: crypto.randomUUID() }))).rejects.toMatchObject({
      issues: [{ path: 'sourceCodeId' }],
    });
    const foreignTeam = await makeTeam(t.ctx, await makeOrganisation(t.ctx));
    await expect(raiseSignal(t.ctx, worker, org, signalInput({ teamId: foreignTeam }))).rejects.toMatchObject({ issues: [{ path: 'teamId' }] });
  });

  it('member checking: the team’s experience workers confirm, nuance or contest; it travels with the signal and its export', async () => {
    const draft = await raiseSignal(t.ctx, researcher, org, signalInput({ teamId: team, memberCheck: true, title: 'Thema: stigma bij de huisarts' }));
    expect(draft.status).toBe('member_check');
    expect((await listNotifications(t.ctx, worker, org)).notifications.find((n) => n.signalId === draft.id)).toMatchObject({ kind: 'member_check_requested' });
    expect((await getSignal(t.ctx, worker, org, draft.id)).canCheck).toBe(true);
    await expect(addMemberCheck(t.ctx, colleague, org, draft.id, { stance: 'confirm', comment: '' })).rejects.toMatchObject({ id: 'forbidden' });
    await expect(addMemberCheck(t.ctx, worker, org, draft.id, { stance: 'contest', comment: '' })).rejects.toMatchObject({ issues: [{ path: 'comment' }] });
    const checked = await addMemberCheck(t.ctx, worker, org, draft.id, { stance: 'nuance', comment: 'Het gaat ook over de apotheek.' });
    expect(checked.memberChecks).toMatchObject([{ stance: 'nuance', comment: 'Het gaat ook over de apotheek.', by: { id: worker.userId } }]);
    const raised = await stepSignal(t.ctx, coordinator, org, draft.id, { to: 'raised', note: 'Getoetst bij het team.' });
    expect(raised.memberChecks).toHaveLength(1);
    await expect(addMemberCheck(t.ctx, worker, org, draft.id, { stance: 'confirm', comment: '' })).rejects.toMatchObject({ id: 'validation_failed' });
    const exported = await exportSignal(t.ctx, coordinator, org, draft.id);
    expect(exported.text).toContain('nuanceert');
    expect(exported.text).toContain('Het gaat ook over de apotheek.');
    expect(await auditActions(t.ctx, org)).toContain('signal.member_checked');
  });

  it('links only stories the raiser may read, shows each viewer only what they may read, and drops a withdrawn story at once', async () => {
    const teamStory = await createStory(t.ctx, worker, org, { title: 'Mijn wachttijd', text: 'Ik wachtte lang.', teamId: team, scope: 'team' });
    const privateStory = await createStory(t.ctx, colleague, org, { title: 'Privé', text: 'Alleen voor mij.', scope: 'private' });
    await expect(raiseSignal(t.ctx, worker, org, signalInput({ storyIds: [privateStory.id] }))).rejects.toMatchObject({
      id: 'validation_failed',
      issues: [{ path: 'storyIds' }],
    });
    const draft = await raiseSignal(t.ctx, colleague, org, signalInput({ storyIds: [teamStory.id], memberCheck: true, teamId: null }));
    expect(draft.stories).toEqual([{ id: teamStory.id, title: 'Mijn wachttijd' }]);
    // The author is asked to check; someone outside the story's team may see the signal but not the story.
    expect((await listNotifications(t.ctx, worker, org)).notifications.find((n) => n.signalId === draft.id)?.kind).toBe('member_check_requested');
    expect((await getSignal(t.ctx, worker, org, draft.id)).canCheck).toBe(true);
    expect((await getSignal(t.ctx, researcher, org, draft.id)).stories).toEqual([]);
    await addMemberCheck(t.ctx, worker, org, draft.id, { stance: 'confirm', comment: '' });

    await withdrawStory(t.ctx, worker, org, teamStory.id);
    expect((await getSignal(t.ctx, colleague, org, draft.id)).stories).toEqual([]);
    expect((await exportSignal(t.ctx, colleague, org, draft.id)).text).not.toContain('Mijn wachttijd');
    // What the author said in member checking stays with the signal.
    expect((await getSignal(t.ctx, colleague, org, draft.id)).memberChecks).toHaveLength(1);
  });

  it('lets the author of a linked story see and check a team signal outside their own team', async () => {
    const story = await createStory(t.ctx, outsiderInOtherTeam, org, { title: 'Bij de huisarts', text: 'Hij keek weg.', scope: 'organisation' });
    const draft = await raiseSignal(t.ctx, colleague, org, signalInput({ teamId: team, storyIds: [story.id], memberCheck: true }));
    expect((await listSignals(t.ctx, outsiderInOtherTeam, org, {})).map((s) => s.id)).toContain(draft.id);
    expect((await listNotifications(t.ctx, outsiderInOtherTeam, org)).notifications.map((n) => n.signalId)).toContain(draft.id);
    expect((await getSignal(t.ctx, outsiderInOtherTeam, org, draft.id)).canCheck).toBe(true);
    await addMemberCheck(t.ctx, outsiderInOtherTeam, org, draft.id, { stance: 'contest', comment: 'Zo was het niet.' });
    // Someone else outside the team still gets 404.
    const other = actorOf((await makeUser(t.ctx, { organisationId: org })).id, org, 'member');
    await expect(getSignal(t.ctx, other, org, draft.id)).rejects.toMatchObject({ id: 'not_found' });
  });

  it('asks the authors to check a theme a researcher drew from their stories, although the researcher never sees who they are', async () => {
    const story = await createStory(t.ctx, outsiderInOtherTeam, org, { title: 'Onderzoeksverhaal', text: 'Iets wat ik meemaakte.', scope: 'research' });
    const draft = await raiseSignal(
      t.ctx,
      researcher,
      org,
      signalInput({ teamId: team, storyIds: [story.id], memberCheck: true, title: 'Thema uit codering' }),
    );
    expect(draft.stories).toEqual([{ id: story.id, title: 'Onderzoeksverhaal' }]);
    const request = () => listNotifications(t.ctx, outsiderInOtherTeam, org).then((r) => r.notifications.find((n) => n.signalId === draft.id));
    expect(await request()).toMatchObject({ kind: 'member_check_requested', read: false });
    await addMemberCheck(t.ctx, outsiderInOtherTeam, org, draft.id, { stance: 'confirm', comment: '' });
    expect(await request()).toMatchObject({ kind: 'member_check_requested', read: true });
    // The researcher sees what was said, not who said it; the team sees both.
    expect((await getSignal(t.ctx, researcher, org, draft.id)).memberChecks).toMatchObject([{ stance: 'confirm', by: null }]);
    expect((await getSignal(t.ctx, admin, org, draft.id)).memberChecks).toMatchObject([{ stance: 'confirm', by: { id: outsiderInOtherTeam.userId } }]);
    // Once the theme is a signal, the request is gone.
    await stepSignal(t.ctx, admin, org, draft.id, { to: 'raised', note: '' });
    expect(await request()).toBeUndefined();
  });

  it('shows handlers the signals waiting longer than the chosen number of days', async () => {
    const old = await raiseSignal(t.ctx, colleague, org, signalInput({ teamId: team, title: 'Oud signaal' }));
    clock.current = new Date(clock.current.getTime() + 40 * 86_400_000);
    const fresh = await raiseSignal(t.ctx, colleague, org, signalInput({ teamId: team, title: 'Nieuw signaal' }));
    const result = await overview(t.ctx, teamCoordinator, org, 30);
    const ids = result.waiting.map((s) => s.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(fresh.id);
    expect(result.waiting.find((s) => s.id === old.id)?.daysWaiting).toBe(40);
    expect((await overview(t.ctx, teamCoordinator, org, 41)).waiting.map((s) => s.id)).not.toContain(old.id);
    await expect(overview(t.ctx, worker, org, 30)).rejects.toMatchObject({ id: 'forbidden' });
  });

  it('reports signals per theme and level, exactly to who may open each signal counted', async () => {
    const reportOrg = await makeOrganisation(t.ctx);
    const raiser = actorOf((await makeUser(t.ctx, { organisationId: reportOrg })).id, reportOrg, 'member');
    for (let i = 0; i < 6; i++) await raiseSignal(t.ctx, raiser, reportOrg, signalInput({ theme: 'stigma', level: 'organisation' }));
    await raiseSignal(t.ctx, raiser, reportOrg, signalInput({ theme: 'stigma', level: 'national' }));
    await raiseSignal(t.ctx, raiser, reportOrg, signalInput({ theme: 'armoede', level: 'organisation' }));
    const rawReader = actorOf((await makeUser(t.ctx, { organisationId: reportOrg, role: 'researcher' })).id, reportOrg, 'researcher');
    const raw = await signalReport(t.ctx, rawReader, reportOrg);
    expect(raw.disclosure.suppressed).toBe(false);
    expect(raw.themes.map((th) => th.key)).toEqual(['stigma', 'armoede']);
    expect(raw.cells[0]?.map((c) => c.count)).toEqual([0, 6, 0, 0, 1]);
    expect(raw.total.count).toBe(8);

    const coordinatorActor = actorOf((await makeUser(t.ctx, { organisationId: reportOrg, role: 'coordinator' })).id, reportOrg, 'coordinator');
    // A coordinator opens every signal one by one (the list gives each), so the report gives the counts too.
    const coordinators = await signalReport(t.ctx, coordinatorActor, reportOrg);
    expect(coordinators.disclosure.suppressed).toBe(false);
    expect(coordinators.cells[0]?.map((c) => c.count)).toEqual([0, 6, 0, 0, 1]);
    await expect(signalReport(t.ctx, raiser, reportOrg)).rejects.toMatchObject({ id: 'forbidden' });
    expect(await auditActions(t.ctx, reportOrg)).toContain('report.viewed_unsuppressed');
  });

  it('over HTTP: an outsider gets 404, bad input 400 in plain words, and the export downloads', async () => {
    const u = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    const client = new Client(t.app, 'en');
    await client.login(u.email, TEST_PASSWORD);
    const bad = await client.post(`/api/orgs/${org}/signals`, { ...signalInput(), title: '' });
    expect(bad.statusCode).toBe(400);
    const created = await client.post(`/api/orgs/${org}/signals`, signalInput());
    expect(created.statusCode).toBe(200);
    const id = created.json<{ id: string }>().id;
    const file = await client.get(`/api/orgs/${org}/signals/${id}/export.md`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('.md');
    expect(file.body).toContain('# Signaal: Wachtlijst jongeren');
    const other = await makeOrganisation(t.ctx);
    const stranger = await makeUser(t.ctx, { organisationId: other, role: 'admin' });
    const strangerClient = new Client(t.app);
    await strangerClient.login(stranger.email, TEST_PASSWORD);
    expect((await strangerClient.get(`/api/orgs/${org}/signals/${id}`)).statusCode).toBe(404);
    expect((await strangerClient.get(`/api/orgs/${other}/signals/${id}`)).statusCode).toBe(404);
  });
});
