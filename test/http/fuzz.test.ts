import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { makeInstrument } from '../helpers/instruments.ts';
import { makePublishedVersion, makeRound } from '../helpers/respondent.ts';
import { makeTrajectoryFixture } from '../helpers/trajecten.ts';
import { makeStoryFixture } from '../stories/fixtures.ts';

/**
 * Every operation in the OpenAPI document, called by an admin with ids that exist, with bodies
 * generated from its schema (and from nothing): wrong types, huge strings, deep nesting, empty and
 * malformed bodies, wrong content types, odd query strings. Whatever comes in, no 500 goes out.
 */

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  nullable?: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
};
type Operation = { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: { in: string; name: string; schema?: JsonSchema }[] };

const SEED = 20261205;
const GENERATED_PER_ROUTE = 12;
const huge = 'ä'.repeat(100_000);

/** Values near and around what the schema asks for: right types at the edges, and wrong types. */
function nearSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, '', huge, -1, 1e308, [], {}, true));
  if (!schema || depth > 4) return wrong;
  const choices: fc.Arbitrary<unknown>[] = [];
  const types = [schema.type ?? []].flat();
  if (schema.enum) choices.push(fc.constantFrom(...schema.enum, 'geen_van_deze'));
  for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) choices.push(nearSchema(option, depth + 1));
  if (types.includes('string')) {
    const formatted =
      schema.format === 'uuid'
        ? fc.uuid()
        : schema.format === 'date' || schema.format === 'date-time'
          ? fc.constantFrom('2026-02-30', '2999-12-31', '0000-00-00', '2026-12-05T10:00:00Z')
          : fc.string({ maxLength: 30 });
    choices.push(formatted, fc.constantFrom('', ' ', huge, '\u0000', '💥'.repeat(50), "'; drop table users;--", '<script>alert(1)</script>'));
  }
  if (types.includes('integer') || types.includes('number'))
    choices.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 2 ** 53, 1e308, 0.5));
  if (types.includes('boolean')) choices.push(fc.boolean());
  if (types.includes('array'))
    choices.push(fc.array(nearSchema(schema.items, depth + 1), { maxLength: 4 }), fc.constant(Array.from({ length: 2000 }, () => 'x')));
  if (types.includes('object') || schema.properties) {
    const props = schema.properties ?? {};
    choices.push(fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, nearSchema(v, depth + 1)])), { requiredKeys: [] }));
  }
  if (schema.nullable) choices.push(fc.constant(null));
  choices.push(wrong);
  return fc.oneof(...choices);
}

let nested: unknown = 'bodem';
for (let i = 0; i < 3000; i++) nested = [nested];

/** Bodies every route gets, whatever its schema. */
const fixedBodies: { body: string | undefined; contentType?: string }[] = [
  { body: '{}' },
  { body: undefined },
  { body: '' },
  { body: 'null' },
  { body: '[]' },
  { body: '"tekst"' },
  { body: '42' },
  { body: '{"a":' },
  { body: JSON.stringify({ diep: nested }) },
  { body: JSON.stringify({ ['x'.repeat(1000)]: huge }) },
  { body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { body: 'naam=x&rol=admin', contentType: 'application/x-www-form-urlencoded' },
  { body: 'gewoon tekst', contentType: 'text/plain' },
  { body: '<a>xml</a>', contentType: 'application/xml' },
  { body: '--grens\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--grens--\r\n', contentType: 'multipart/form-data; boundary=grens' },
  { body: '{"a":1}', contentType: 'application/json; charset=utf-16' },
  { body: '\u0000\u0001\u0002', contentType: 'application/octet-stream' },
];

const badParams = ['-1', '99999999999999999999', crypto.randomUUID(), 'ä'.repeat(150), "1' or '1'='1"];

const queries = ['?', '?a=1&a=2', `?q=${encodeURIComponent(huge.slice(0, 2000))}`, '?format=bestaat_niet&lang=xx&purpose=x&page=-1', '?%zz=%zz'];

describeEachDatabase('no request an admin can send gets a 500', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let params: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const org = await makeOrganisation(t.ctx, 'Fuzz');
    const adminUser = await makeUser(t.ctx, { organisationId: org, role: 'admin' });
    const member = (await makeUser(t.ctx, { organisationId: org, role: 'member' })).id;
    const team = await makeTeam(t.ctx, org);
    await addToTeam(t.ctx, team, member);
    admin = new Client(t.app);
    await admin.login(adminUser.email, TEST_PASSWORD);
    const instrument = await makeInstrument(t.ctx, org, adminUser.id);
    const publishedVersion = await makePublishedVersion(t.ctx, org);
    const { roundId, token } = await makeRound(t.ctx, org, publishedVersion, adminUser.id);
    const trajectory = await makeTrajectoryFixture(t.ctx, org, team, [adminUser.id, member]);
    const stories = await makeStoryFixture(t, org, { member, admin: adminUser.id });
    const made = async (url: string, body: unknown) => {
      const response = await admin.post(url, body);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json<{ id: string }>().id;
    };
    const base = `/api/orgs/${org}`;
    const invitation = (await admin.post(`${base}/invitations`, { email: 'fuzz@example.org', role: 'member' })).json().invitation?.id;
    const signal = await made(`${base}/signals`, { title: 'Signaal', observation: 'Gezien', barrierFor: 'Iedereen', logic: 'burgerschap', level: 'local' });
    const codingStory = await made(`${base}/stories`, { title: 'Onderzoek', text: 'Een verhaal om te coderen.', scope: 'research' });
    const code = await made(`${base}/coding/codes`, { name: 'Code' });
    const segment = (await admin.post(`${base}/coding/segments`, { sourceKind: 'story', storyId: codingStory, start: 0, end: 3, codeId: code })).json();
    const memo = await made(`${base}/coding/memos`, { targetKind: 'project', title: 'Memo', body: 'Tekst' });
    params = {
      orgId: org,
      teamId: team,
      userId: member,
      invitationId: invitation ?? crypto.randomUUID(),
      instrumentId: instrument,
      version: '1',
      roundId,
      token,
      trajectoryId: trajectory.trajectory,
      agreementId: trajectory.agreement,
      supportId: trajectory.support,
      sessionId: trajectory.session,
      step: '0',
      questionKey: 'verloning_functie_diploma',
      signalId: signal,
      codeId: code,
      segmentId: segment?.segments?.[0]?.id ?? segment?.id ?? crypto.randomUUID(),
      memoId: memo,
      storyId: stories.story,
      otherId: stories.otherStory,
      reflectionId: stories.reflection,
      projectId: stories.project,
      key: 'roles',
    };
  });
  afterAll(() => t.close());

  it('an empty update is a 400 that names the fields it could change, on a project and on an entry', async () => {
    const project = `/api/orgs/${params.orgId}/photovoice/${params.projectId}`;
    const before = await t.ctx.db.selectFrom('audit_events').select('id').execute();
    const empty = await admin.patch(project, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['title', 'theme', 'themeCode', 'description', 'status', 'exhibitionIntro']);
    expect(empty.json().error.issues[0].message).toBe('Er is niets om te wijzigen: vul minstens één veld in.');
    const entry = await admin.patch(`${project}/entries/${params.storyId}`, {});
    expect(entry.statusCode).toBe(400);
    expect(entry.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['selected', 'groupCaption', 'sortOrder']);
    // Nothing was changed or audited.
    expect(await t.ctx.db.selectFrom('audit_events').select('id').execute()).toHaveLength(before.length);
    // A field that is there still works.
    expect((await admin.patch(project, { title: 'Andere titel' })).statusCode).toBe(200);
  });

  it('a missing or null body names the fields that are required', async () => {
    for (const body of [undefined, 'null']) {
      const response = await admin.request('POST', `/api/orgs/${params.orgId}/signals`, body, body ? { 'content-type': 'application/json' } : {});
      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['title', 'observation', 'barrierFor', 'logic', 'level']);
    }
  });

  it('answers every generated request with less than 500', { timeout: 150_000 }, async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );
    // Every API route is in the document (the document also has the health checks).
    expect(operations.length).toBeGreaterThanOrEqual(t.app.apiRoutes.length);
    // Signing out would end the session for the rest; a DELETE goes last, so the others still find what they need.
    const ordered = operations
      .filter((o) => !o.path.startsWith('/api/docs') && o.path !== '/api/auth/logout')
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    const failures: string[] = [];
    let requests = 0;
    for (const { path, method, operation } of ordered) {
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? crypto.randomUUID());
      const send = async (body: string | undefined, contentType: string | undefined, query = '') => {
        requests++;
        const response = await admin.request(method as 'GET', `${url}${query}`, body, contentType ? { 'content-type': contentType } : {});
        if (response.statusCode >= 500)
          failures.push(
            `${method} ${path}${query} ${contentType ?? ''} ${String(body).slice(0, 150)} -> ${response.statusCode} ${response.body.slice(0, 150)}`,
          );
        // Re-sign-in if a request ended the session (a changed password or role would be a finding of its own).
        if (response.statusCode === 401 && path !== '/api/auth/login') {
          // The sign-in routes (second factor, passkey) refuse with 401 by nature: what matters is that the session lives on.
          const signedOut = !path.startsWith('/api/auth/') || (await admin.get('/api/me')).statusCode === 401;
          if (signedOut) failures.push(`${method} ${path}: the admin was signed out`);
        }
      };
      // Ids and keys that are not what the route expects, one path parameter at a time.
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)) {
        for (const bad of badParams) {
          const odd = path.replace(/\{(\w+)\}/g, (_m, n: string) => (n === name ? encodeURIComponent(bad) : (params[n] ?? crypto.randomUUID())));
          requests++;
          const response = await admin.request(method as 'GET', odd, method === 'GET' || method === 'DELETE' ? undefined : '{}');
          if (response.statusCode >= 500) failures.push(`${method} ${odd} -> ${response.statusCode} ${response.body.slice(0, 150)}`);
        }
      }
      if (method === 'GET') {
        for (const query of queries) await send(undefined, undefined, query);
        continue;
      }
      for (const fixed of fixedBodies) await send(fixed.body, fixed.contentType ?? (fixed.body === undefined ? undefined : 'application/json'));
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      const bodies = fc.sample(nearSchema(schema), { numRuns: GENERATED_PER_ROUTE, seed: SEED });
      for (const body of bodies) await send(JSON.stringify(body), 'application/json');
    }
    expect(failures).toEqual([]);
    // About 3,800 requests: ~20 s on SQLite, ~50 s on PostgreSQL on two busy cores.
    expect(requests).toBeGreaterThan(3000);
  });
});
