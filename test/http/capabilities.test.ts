import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';

type Role = 'admin' | 'researcher' | 'coordinator' | 'member';

// What the web app may show each role, written out: it must agree with the policy table in src/core/policy.ts.
const expected: Record<Role, Record<string, boolean>> = {
  admin: {
    viewMembers: true,
    manageMembers: true,
    manageInvitations: true,
    manageTeams: true,
    viewAudit: true,
    managePrivacy: true,
    manageOrganisation: true,
    viewInstruments: true,
    manageInstruments: true,
    viewRounds: true,
    manageRounds: true,
    inviteRounds: true,
    workCoding: true,
    viewCodingFrequencies: true,
    exportResponses: true,
    handleSignals: true,
    viewSignalReport: true,
  },
  researcher: {
    viewMembers: false,
    manageMembers: false,
    manageInvitations: false,
    manageTeams: false,
    viewAudit: false,
    managePrivacy: false,
    manageOrganisation: false,
    viewInstruments: true,
    manageInstruments: true,
    viewRounds: true,
    manageRounds: true,
    inviteRounds: true,
    workCoding: true,
    viewCodingFrequencies: true,
    exportResponses: true,
    handleSignals: false,
    viewSignalReport: true,
  },
  coordinator: {
    viewMembers: true,
    manageMembers: false,
    manageInvitations: false,
    manageTeams: true,
    viewAudit: false,
    managePrivacy: false,
    manageOrganisation: false,
    viewInstruments: true,
    manageInstruments: false,
    viewRounds: true,
    manageRounds: false,
    inviteRounds: true,
    workCoding: false,
    viewCodingFrequencies: true,
    exportResponses: false,
    handleSignals: true,
    viewSignalReport: true,
  },
  member: {
    viewMembers: false,
    manageMembers: false,
    manageInvitations: false,
    manageTeams: false,
    viewAudit: false,
    managePrivacy: false,
    manageOrganisation: false,
    viewInstruments: false,
    manageInstruments: false,
    viewRounds: false,
    manageRounds: false,
    inviteRounds: false,
    workCoding: false,
    viewCodingFrequencies: false,
    exportResponses: false,
    handleSignals: false,
    viewSignalReport: false,
  },
};

// Pages the web app opens on a flag; the server must answer them exactly when the flag is set.
const readsByFlag = [
  ['viewMembers', 'members'],
  ['viewAudit', 'audit'],
  ['viewInstruments', 'instruments'],
  ['viewRounds', 'rounds'],
] as const;

describeEachDatabase('capability flags in the /me view', (dialect) => {
  let t: TestApp;
  let org: string;
  let otherOrg: string;
  const clients = new Map<Role, Client>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    otherOrg = await makeOrganisation(t.ctx);
    for (const role of Object.keys(expected) as Role[]) {
      const user = await makeUser(t.ctx, { organisationId: org, role });
      const client = new Client(t.app);
      await client.login(user.email, TEST_PASSWORD);
      clients.set(role, client);
    }
  });
  afterAll(() => t.close());

  it.each(Object.keys(expected) as Role[])('gives a %s the flags of their role', async (role) => {
    const me = (await clients.get(role)?.get('/api/me'))?.json();
    expect(me.organisations).toHaveLength(1);
    expect(me.organisations[0].can).toEqual(expected[role]);
  });

  it.each(Object.keys(expected) as Role[])('lets a %s read exactly the pages its flags open', async (role) => {
    const client = clients.get(role) as Client;
    for (const [flag, path] of readsByFlag) {
      const response = await client.get(`/api/orgs/${org}/${path}`);
      expect({ flag, status: response.statusCode }).toEqual({ flag, status: expected[role][flag] ? 200 : 403 });
    }
  });

  it('works the flags out per organisation', async () => {
    const user = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    await t.ctx.db
      .insertInto('memberships')
      .values({ organisation_id: otherOrg, user_id: user.id, role: 'admin', created_at: new Date().toISOString() })
      .execute();
    const client = new Client(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const organisations: { id: string; can: Record<string, boolean> }[] = (await client.get('/api/me')).json().organisations;
    expect(organisations.find((o) => o.id === org)?.can).toEqual(expected.member);
    expect(organisations.find((o) => o.id === otherOrg)?.can).toEqual(expected.admin);
  });

  it('documents the flags in the OpenAPI schema of /api/me', async () => {
    const doc = (await clients.get('admin')?.get('/api/docs/json'))?.json();
    const organisation = doc.paths['/api/me'].get.responses['200'].content['application/json'].schema.properties.organisations.items;
    expect(Object.keys(organisation.properties.can.properties)).toEqual(Object.keys(expected.admin));
    expect(organisation.properties.can.properties.viewMembers).toMatchObject({ type: 'boolean', description: 'The role passes the policy members.view.' });
  });
});
