import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/modules/demo/service.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, auditActions, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';

type Person = { id: string; client: Client };

describeEachDatabase('co-creative trajectories', (dialect) => {
  let t: TestApp;
  let org: string;
  let team: string;
  let otherTeam: string;
  const people: Record<'practitioner' | 'coordinator' | 'policy' | 'experience' | 'outsideTeam' | 'orgCoordinator' | 'otherOrg', Person> = {} as never;
  let base: string;

  async function person(organisationId: string, role: 'admin' | 'member' | 'coordinator' | 'researcher'): Promise<Person> {
    const user = await makeUser(t.ctx, { organisationId, role });
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return { id: user.id, client };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx, 'Zorg Noord');
    const otherOrg = await makeOrganisation(t.ctx, 'Elders');
    team = await makeTeam(t.ctx, org, 'Team Noord');
    otherTeam = await makeTeam(t.ctx, org, 'Team Zuid');
    people.practitioner = await person(org, 'member');
    people.coordinator = await person(org, 'member');
    people.policy = await person(org, 'researcher');
    people.experience = await person(org, 'member');
    people.outsideTeam = await person(org, 'member');
    people.orgCoordinator = await person(org, 'coordinator');
    people.otherOrg = await person(otherOrg, 'admin');
    await addToTeam(t.ctx, team, people.practitioner.id, 'practitioner');
    await addToTeam(t.ctx, team, people.coordinator.id, 'coordinator');
    await addToTeam(t.ctx, team, people.policy.id, 'policy_officer');
    await addToTeam(t.ctx, team, people.experience.id, 'experience_worker');
    await addToTeam(t.ctx, otherTeam, people.outsideTeam.id, 'practitioner');
    const started = await people.experience.client.post(`/api/orgs/${org}/trajectories`, { teamId: team, title: 'Samen sterker' });
    expect(started.statusCode, started.body).toBe(200);
    base = `/api/orgs/${org}/trajectories/${started.json().id}`;
  });
  afterAll(() => t.close());

  it('shows a trajectory to its team and to coordinators, and to nobody else', async () => {
    expect((await people.practitioner.client.get(base)).statusCode).toBe(200);
    expect((await people.orgCoordinator.client.get(base)).statusCode).toBe(200);
    expect((await people.outsideTeam.client.get(base)).statusCode).toBe(404);
    expect((await people.otherOrg.client.get(base)).statusCode).toBe(404);
    expect((await people.otherOrg.client.get(base.replace(org, (await people.otherOrg.client.get('/api/me')).json().organisations[0].id))).statusCode).toBe(
      404,
    );
    const listed = (client: Client) => client.get(`/api/orgs/${org}/trajectories`).then((r) => r.json().trajectories.map((x: { title: string }) => x.title));
    expect(await listed(people.coordinator.client)).toEqual(['Samen sterker']);
    expect(await listed(people.orgCoordinator.client)).toEqual(['Samen sterker']);
    expect(await listed(people.outsideTeam.client)).toEqual([]);
    // Someone outside a team cannot start a trajectory for it.
    expect((await people.outsideTeam.client.post(`/api/orgs/${org}/trajectories`, { teamId: team, title: 'X' })).statusCode).toBe(404);
    // Nor write in one.
    expect((await people.outsideTeam.client.post(`${base}/agreements`, { topic: 'visie', text: 'x' })).statusCode).toBe(404);
  });

  it('moves through the phases, forwards and back, and keeps the context', async () => {
    const { client } = people.policy;
    let detail = (await client.patch(base, { phase: 'vertaling', contextWho: 'Jongeren', contextSector: 'jeugdhulp', logics: ['burgerschap'] })).json();
    expect(detail).toMatchObject({ phase: 'vertaling', context: { who: 'Jongeren', sector: 'jeugdhulp', logics: ['burgerschap'] } });
    detail = (await client.patch(base, { phase: 'visie' })).json();
    expect(detail.phase).toBe('visie');
    const bad = await client.patch(base, { logics: ['geen_logica'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('logics.0');
    expect((await client.get(base)).json().context.logics).toEqual(['burgerschap']);
  });

  it('records what each member brings and shows the gaps', async () => {
    await people.experience.client.put(`${base}/contribution`, { experiential: true, positions: ['aandoening', 'biografisch'], professional: false });
    await people.practitioner.client.put(`${base}/contribution`, { experiential: false, professional: true, professionalNote: 'Maatschappelijk werker' });
    // A coordinator of the organisation outside the team does not fill in a contribution for the team.
    expect((await people.orgCoordinator.client.put(`${base}/contribution`, { experiential: false, professional: true })).statusCode).toBe(403);
    const { matrix } = (await people.coordinator.client.get(base)).json();
    expect(matrix.gaps).toEqual(['maatschappelijk', 'ander']);
    expect(matrix.rows.filter((r: { answered: boolean }) => r.answered)).toHaveLength(2);
  });

  it('keeps choices with options and reason, mandates for experience workers, roles from the framework', async () => {
    const { client } = people.experience;
    const choice = await client.post(`${base}/agreements`, {
      topic: 'keuze',
      title: 'Verlonen we volgens functie?',
      text: 'Ja, volgens functie.',
      options: ['Volgens functie', 'Volgens diploma'],
      reason: 'Ervaring is ook deskundigheid.',
      ownerUserId: people.coordinator.id,
      reviewOn: '2020-01-01',
    });
    expect(choice.statusCode, choice.body).toBe(200);
    expect((await client.post(`${base}/agreements`, { topic: 'keuze', text: 'zonder vraag' })).statusCode).toBe(400);
    expect((await client.post(`${base}/agreements`, { topic: 'visie', text: 'x', ownerUserId: people.outsideTeam.id })).statusCode).toBe(400);
    expect(
      (
        await client.put(`${base}/mandates/${people.experience.id}`, {
          statuses: ['betaalde_werknemer'],
          mayDecide: 'eigen agenda',
          maySign: 'verslagen',
          informal: 'spreekt namens de groep op het overleg',
        })
      ).statusCode,
    ).toBe(200);
    // Formal (may decide, may sign) and informal mandate are kept side by side on the team's roles.
    expect((await client.get(base)).json().mandates).toEqual([
      {
        userId: people.experience.id,
        statuses: ['betaalde_werknemer'],
        mayDecide: 'eigen agenda',
        maySign: 'verslagen',
        informal: 'spreekt namens de groep op het overleg',
      },
    ]);
    expect((await client.put(`${base}/mandates/${people.practitioner.id}`, { statuses: ['vrijwilliger'] })).statusCode).toBe(400);
    expect((await client.put(`${base}/roles`, { assignments: [{ roleKey: 'geen_rol', userId: people.experience.id }] })).statusCode).toBe(400);
    expect(
      (
        await client.put(`${base}/roles`, {
          assignments: [
            { roleKey: 'kritische_stem', userId: people.practitioner.id, hoursPerWeek: 2 },
            { roleKey: 'brugfiguur', userId: people.experience.id },
          ],
        })
      ).statusCode,
    ).toBe(200);
    const detail = (await client.get(base)).json();
    expect(detail.agreements.find((a: { topic: string }) => a.topic === 'keuze')).toMatchObject({
      options: ['Volgens functie', 'Volgens diploma'],
      reason: 'Ervaring is ook deskundigheid.',
      reviewDue: true,
    });
    expect(detail.roles).toHaveLength(2);
    // The overview shows the agreement due for review, with its owner.
    const overview = (await people.coordinator.client.get(`/api/orgs/${org}/trajectories`)).json();
    expect(overview.reviewsDue[0]).toMatchObject({ label: 'Verlonen we volgens functie?', owner: { userId: people.coordinator.id } });
  });

  it('reviews an agreement with evidence: a round of the organisation is checked, stories and signals are references', async () => {
    const agreement = (await people.coordinator.client.get(base)).json().agreements.find((a: { topic: string }) => a.topic === 'keuze');
    const admin = (await makeUser(t.ctx, { organisationId: org, role: 'admin' })).id;
    const { roundId } = await makeRound(t.ctx, org, await makePublishedVersion(t.ctx, org), admin);
    const review = (evidence: unknown) =>
      people.coordinator.client.post(`${base}/agreements/${agreement.id}/reviews`, { note: 'Nog goed.', nextReviewOn: '2999-01-01', evidence });
    expect((await review([{ kind: 'round', id: crypto.randomUUID() }])).statusCode).toBe(400);
    expect((await review([{ kind: 'webpage', id: crypto.randomUUID() }])).statusCode).toBe(400);
    const ok = await review([
      { kind: 'round', id: roundId },
      { kind: 'story', id: crypto.randomUUID() },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await people.coordinator.client.get(base)).json().agreements.find((a: { id: string }) => a.id === agreement.id);
    expect(after).toMatchObject({ reviewOn: '2999-01-01', reviewDue: false });
    expect(after.reviews[0].evidence).toHaveLength(2);
  });

  it('keeps every view on an equal-position question side by side, and the team position', async () => {
    const q = `${base}/equal-position/verloning_functie_diploma`;
    await people.practitioner.client.put(`${q}/view`, { view: 'Diploma telt.' });
    await people.experience.client.put(`${q}/view`, { view: 'Functie telt.' });
    await people.experience.client.put(`${q}/view`, { view: 'Functie telt, niet het diploma.' });
    await people.coordinator.client.put(`${q}/position`, { position: 'Volgens functie.', reason: 'Gelijk werk.' });
    expect((await people.coordinator.client.put(`${base}/equal-position/onbekend/view`, { view: 'x' })).statusCode).toBe(400);
    const entry = (await people.policy.client.get(base)).json().equalPosition.find((e: { key: string }) => e.key === 'verloning_functie_diploma');
    expect(entry.views.map((v: { view: string }) => v.view).sort()).toEqual(['Diploma telt.', 'Functie telt, niet het diploma.']);
    expect(entry.position).toMatchObject({ position: 'Volgens functie.', reason: 'Gelijk werk.' });
    // The open points of the dialogue are counted on their own, not in a phase.
    const open = (await people.policy.client.get(base)).json().openPoints.filter((p: { phase: string }) => p.phase === 'evenwaardige_positie');
    // Eleven equal-position questions and the three central discussions of the seed.
    expect(open).toHaveLength(14);
    expect(open.map((p: { key: string }) => p.key)).not.toContain('position:verloning_functie_diploma');
    expect(open.map((p: { key: string }) => p.key)).toContain('position:centraal_evenwaardig_inbedden');
    // The central discussions are dialogue questions too, worded as in the framework.
    const central = `${base}/equal-position/centraal_waarderen_en_erkennen`;
    expect((await people.experience.client.put(`${central}/view`, { view: 'Door ervaring mee te laten tellen.' })).statusCode).toBe(200);
    const discussion = (await people.policy.client.get(base)).json().equalPosition.find((e: { key: string }) => e.key === 'centraal_waarderen_en_erkennen');
    expect(discussion.views.map((v: { view: string }) => v.view)).toEqual(['Door ervaring mee te laten tellen.']);
  });

  it('keeps intervision notes with the participants; only shared themes reach the team', async () => {
    const planned = await people.coordinator.client.post(`${base}/intervision`, {
      method: 'incident',
      plannedOn: '2027-02-01',
      facilitatorUserId: people.coordinator.id,
      presenterUserId: people.experience.id,
      participantUserIds: [people.coordinator.id, people.experience.id],
    });
    expect(planned.statusCode, planned.body).toBe(200);
    const session = `${base}/intervision/${planned.json().id}`;
    expect((await people.experience.client.put(`${session}/notes/3`, { text: 'Vertrouwelijk' })).statusCode).toBe(200);
    expect((await people.experience.client.put(`${session}/notes/9`, { text: 'x' })).statusCode).toBe(404);
    expect((await people.coordinator.client.patch(session, { currentStep: 3, status: 'running' })).json()).toMatchObject({ currentStep: 3, status: 'running' });
    expect((await people.coordinator.client.get(session)).json().notes).toEqual([expect.objectContaining({ step: 3, text: 'Vertrouwelijk' })]);
    expect((await people.practitioner.client.get(session)).statusCode).toBe(403);
    expect((await people.orgCoordinator.client.get(session)).statusCode).toBe(403);
    expect((await people.practitioner.client.post(`${session}/themes`, { theme: 'x' })).statusCode).toBe(403);
    await people.experience.client.post(`${session}/themes`, { theme: 'Nabijheid en afstand' });
    const seen = (await people.practitioner.client.get(base)).json().intervision[0];
    expect(seen.themes.map((x: { theme: string }) => x.theme)).toEqual(['Nabijheid en afstand']);
    expect(seen).not.toHaveProperty('notes');
    const audit = await t.ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'intervision.notes_saved').execute();
    expect(audit.map((a) => a.details).join()).not.toContain('Vertrouwelijk');
  });

  it('versions the charter, and it is established only when every team member signed the newest version', async () => {
    const first = await people.practitioner.client.post(`${base}/charter/versions`, {});
    expect(first.json()).toEqual({ version: 1 });
    expect((await people.practitioner.client.post(`${base}/charter/versions`, {})).statusCode).toBe(409);
    const v1 = `${base}/charter/versions/1`;
    expect((await people.orgCoordinator.client.post(`${v1}/signatures`)).statusCode).toBe(403);
    for (const who of ['practitioner', 'coordinator', 'policy'] as const) expect((await people[who].client.post(`${v1}/signatures`)).statusCode).toBe(200);
    let view = (await people.experience.client.get(v1)).json();
    expect(view).toMatchObject({ established: false, canSign: true, missing: [{ userId: people.experience.id }] });
    // Signing twice changes nothing.
    expect((await people.practitioner.client.post(`${v1}/signatures`)).json().signatures).toHaveLength(3);
    view = (await people.experience.client.post(`${v1}/signatures`)).json();
    expect(view.established).toBe(true);
    expect((await people.coordinator.client.get(`/api/orgs/${org}/trajectories`)).json().trajectories[0].charter).toMatchObject({
      latestVersion: 1,
      established: true,
      outdated: false,
    });

    // A change: version 1 is outdated and cannot be signed any more; version 2 needs everyone again.
    await people.experience.client.post(`${base}/agreements`, { topic: 'visie', text: 'Ervaringskennis stuurt mee.' });
    expect((await people.coordinator.client.get(base)).json().charter).toMatchObject({ latestVersion: 1, established: true, outdated: true });
    expect((await people.coordinator.client.post(`${base}/charter/versions`, { language: 'en' })).json()).toEqual({ version: 2 });
    const v2 = (await people.coordinator.client.get(`${base}/charter/versions/2`)).json();
    expect(v2).toMatchObject({ language: 'en', established: false, signatures: [], latest: true });
    expect(v2.diff.some((d: { change: string }) => d.change === 'changed')).toBe(true);
    expect((await people.coordinator.client.post(`${v1}/signatures`)).statusCode).toBe(409);
    expect((await people.coordinator.client.get(v1)).json()).toMatchObject({ established: true, latest: false, canSign: false });
    // Comments per section, on a version.
    expect((await people.policy.client.post(`${base}/charter/versions/2/comments`, { sectionKey: 'visie', text: 'Mooi.' })).json().comments).toHaveLength(1);
    expect((await people.policy.client.post(`${base}/charter/versions/2/comments`, { sectionKey: 'nergens', text: 'x' })).statusCode).toBe(400);
    const md = await people.experience.client.get(`${base}/charter/versions/2/charter.md`);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toContain('# Collaboration charter: Samen sterker');
    expect(md.body).toContain('**Still open:**');
    const actions = await auditActions(t.ctx, org);
    expect(actions.filter((a) => a === 'charter.signed')).toHaveLength(4);
    expect(actions).toEqual(
      expect.arrayContaining(['trajectory.created', 'charter.version_created', 'charter.commented', 'charter.exported', 'trajectory.agreement_reviewed']),
    );
    const signed = await t.ctx.db.selectFrom('audit_events').select(['actor_user_id', 'at', 'details']).where('action', '=', 'charter.signed').execute();
    expect(new Set(signed.map((s) => s.actor_user_id))).toEqual(
      new Set([people.practitioner.id, people.coordinator.id, people.policy.id, people.experience.id]),
    );
  });

  it('opens the team check at the start and the end, and compares them within the disclosure rules', async () => {
    expect((await people.experience.client.post(`${base}/checks`, { moment: 'start', closesOn: '2999-12-31' })).statusCode).toBe(200);
    expect((await people.experience.client.post(`${base}/checks`, { moment: 'start', closesOn: '2999-12-31' })).statusCode).toBe(409);
    expect((await people.practitioner.client.post(`${base}/checks`, { moment: 'end', closesOn: '2999-12-31' })).statusCode).toBe(200);
    const detail = (await people.practitioner.client.get(base)).json();
    expect(detail.checks.map((c: { moment: string }) => c.moment).sort()).toEqual(['end', 'start']);
    // Team members get the team's own link to answer; a coordinator outside the team does not.
    expect(detail.checks[0].url).toMatch(/\/r\/[A-Za-z0-9_-]+$/);
    expect((await people.orgCoordinator.client.get(base)).json().checks[0].url).toBeNull();
    // A member sees small numbers hidden: nobody answered yet.
    const comparison = (await people.practitioner.client.get(`${base}/checks/comparison`)).json();
    expect(comparison.comparison.disclosure.suppressed).toBe(true);
    expect(comparison.comparison.items.every((i: { suppressed: boolean }) => i.suppressed)).toBe(true);
    // The rounds are the team's: one link, for this team.
    const links = await t.ctx.db.selectFrom('round_links').select('team_id').where('round_id', '=', detail.checks[0].roundId).execute();
    expect(links).toEqual([{ team_id: team }]);
  });

  it('the demo has a trajectory partly done, with a first charter version the coordinator signed', async () => {
    const { organisationId } = await loadDemo(t.ctx);
    const coordinator = new Client(t.app);
    await coordinator.login('coordinator@demo.kruisbestuiving.org', 'demo-kruisbestuiving');
    const list = (await coordinator.get(`/api/orgs/${organisationId}/trajectories`)).json();
    expect(list.trajectories).toHaveLength(1);
    expect(list.trajectories[0]).toMatchObject({
      title: 'Herstel samen vormgeven',
      phase: 'vertaling',
      charter: { latestVersion: 1, signed: 1, needed: 4, established: false, outdated: false },
    });
    expect(list.trajectories[0].openPoints).toBeGreaterThan(5);
  });
});
