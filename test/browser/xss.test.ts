import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/accounts.ts';
import { xssPayloads } from '../fixtures/xss-payloads.ts';
import { Client } from '../helpers/app.ts';
import { type LiveServer, launchBrowser, newTestContext, signIn, startLiveServer } from '../helpers/browser.ts';

const run = inject('chromiumPath') ? describe : describe.skip;
const pdfinfoPath = inject('pdfinfoPath');
const ADMIN = 'beheerder@demo.kruisbestuiving.org';
const RESEARCHER = 'onderzoeker@demo.kruisbestuiving.org';
const COORDINATOR = 'coordinator@demo.kruisbestuiving.org';
const MEMBER = 'lid@demo.kruisbestuiving.org';

/** Every request that reaches the beacon: a payload that made something fetch from outside. */
function startBeacon(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        hits,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

/**
 * The stored-XSS corpus, seeded at once through the API into every text field people type, then
 * each view that shows those fields visited once in Chromium under the app's real CSP (not
 * bypassed): no payload runs, the CSP reports no violation, nothing is fetched from outside; the
 * PDFs show the payloads as text without a request, and the Markdown exports carry no raw HTML.
 */
run('stored payloads in every view, PDF and Markdown export', () => {
  let server: LiveServer;
  let browser: Browser;
  let beacon: Awaited<ReturnType<typeof startBeacon>>;
  let payloads: string[];
  let org: string;
  const ids = { story: '', researchStory: '', signal: '', trajectory: '', session: '', team: '', round: '', teamLink: '', code: '', project: '' };
  const executions: string[] = [];
  const violations: string[] = [];
  const outside: string[] = [];

  const client = async (email: string) => {
    const c = new Client(server.app);
    expect((await c.login(email, DEMO_PASSWORD)).statusCode).toBe(200);
    return c;
  };
  const ok = async (response: Promise<{ statusCode: number; body: string }>, what: string) => {
    const r = await response;
    expect(r.statusCode, `${what}: ${r.body.slice(0, 300)}`).toBe(200);
    return JSON.parse(r.body || '{}') as { id?: string; version?: number };
  };

  /** A signed-in browser context that reports every payload that runs and every CSP violation. */
  async function watched(email: string): Promise<BrowserContext> {
    const context = await newTestContext(browser, { bypassCSP: false });
    await context.exposeBinding('__xss', ({ page }, n: unknown) => executions.push(`${page.url()}: payload ${String(n)}`));
    await context.exposeBinding('__csp', ({ page }, what: unknown) => violations.push(`${page.url()}: ${String(what)}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: (s: string) => void }).__csp(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    context.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    context.on('page', (page) => page.on('dialog', (dialog) => executions.push(`dialog: ${dialog.message()}`)));
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      executions.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.setDefaultTimeout(15_000);
    await signIn(page, server.url, email, DEMO_PASSWORD);
    return context;
  }

  /** Opens each view once (a path relative to the organisation's pages, or from the root when it starts with `/`) and waits until it shows at least one payload as text. */
  async function visit(email: string, views: string[]) {
    const context = await watched(email);
    const page = context.pages()[0];
    if (!page) throw new Error('no page');
    for (const view of views) {
      await page.goto(view.startsWith('/') ? `${server.url}${view}` : `${server.url}/o/${org}/${view}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const shown = await page
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, not a <script>'s source, proves a payload is shown as text
        .waitForFunction(() => document.body.innerText.includes('__xss('), undefined, { timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
      expect(shown, `${view} shows a payload as text`).toBe(true);
      // Give handlers (onerror, onload, autofocus) a moment to fire if a payload had become markup.
      await page.waitForTimeout(150);
    }
    await context.close();
  }

  beforeAll(async () => {
    beacon = await startBeacon();
    payloads = xssPayloads(beacon.url);
    server = await startLiveServer('sqlite');
    browser = await launchBrowser();
    const db = server.app.services.db;
    org = (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    ids.team = (await db.selectFrom('teams').select('id').where('name', '=', 'Team Herstel').executeTakeFirstOrThrow()).id;
    const versionId = (await db.selectFrom('rounds').select('instrument_version_id').executeTakeFirstOrThrow()).instrument_version_id;
    const all = payloads.join('\n');
    const base = `/api/orgs/${org}`;

    // Seed everything at once: each payload in each short field (one record per payload), all of them in each long one.
    const [member, coordinator, researcher, admin] = await Promise.all([MEMBER, COORDINATOR, RESEARCHER, ADMIN].map(client));
    if (!member || !coordinator || !researcher || !admin) throw new Error('sign-in failed');
    await ok(member.patch('/api/me', { displayName: payloads[0] }), 'display name');
    await ok(admin.patch(`${base}/teams/${ids.team}`, { name: payloads[1] }), 'team name');
    for (const [i, title] of payloads.entries()) {
      // The last one is shared for research, so it appears in coding.
      const scope = i === payloads.length - 1 ? 'research' : 'organisation';
      const story = await ok(member.post(`${base}/stories`, { title, text: all, pseudonym: payloads[i % 10], scope }), 'story');
      if (i === 0) ids.story = story.id ?? '';
      if (scope === 'research') ids.researchStory = story.id ?? '';
      const signal = await ok(
        member.post(`${base}/signals`, { title, observation: all, barrierFor: title, logic: 'burgerschap', level: 'local', teamId: ids.team }),
        'signal',
      );
      if (i === 0) ids.signal = signal.id ?? '';
    }
    await ok(coordinator.post(`${base}/stories/${ids.story}/reflections`, { text: all }), 'reflection');
    ids.trajectory = (await ok(coordinator.post(`${base}/trajectories`, { teamId: ids.team, title: payloads[2] }), 'trajectory')).id ?? '';
    const trajectory = `${base}/trajectories/${ids.trajectory}`;
    await ok(coordinator.post(`${trajectory}/agreements`, { topic: 'visie', text: all }), 'agreement');
    await ok(
      coordinator.post(`${trajectory}/agreements`, {
        topic: 'keuze',
        title: payloads[3],
        text: all,
        options: payloads.slice(4, 14),
        reason: payloads.slice(0, 20).join('\n'),
      }),
      'choice',
    );
    await ok(coordinator.post(`${trajectory}/charter/versions`, {}), 'charter version');
    await ok(coordinator.post(`${trajectory}/charter/versions/1/comments`, { sectionKey: 'visie', text: all }), 'charter comment');
    // Mid-length fields (up to 2,000 characters) get the first twenty payloads together.
    const some = payloads.slice(0, 20).join('\n');
    const userId = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const [memberId, coordinatorId] = [await userId(MEMBER), await userId(COORDINATOR)];
    await ok(coordinator.put(`${trajectory}/mandates/${memberId}`, { statuses: ['vrijwilliger'], mayDecide: some, maySign: some }), 'mandate');
    await ok(coordinator.post(`${trajectory}/support`, { kind: 'intervisie', frequency: payloads[8], byWhom: payloads[9], forWhom: payloads[10] }), 'support');
    await ok(coordinator.put(`${trajectory}/equal-position/verloning_functie_diploma/view`, { view: all }), 'equal-position view');
    await ok(coordinator.put(`${trajectory}/equal-position/verloning_functie_diploma/position`, { position: all, reason: all }), 'equal-position position');
    const session = {
      method: 'incident',
      plannedOn: '2999-01-01',
      facilitatorUserId: coordinatorId,
      presenterUserId: memberId,
      participantUserIds: [coordinatorId, memberId],
    };
    ids.session = (await ok(coordinator.post(`${trajectory}/intervision`, session), 'intervision')).id ?? '';
    await ok(coordinator.post(`${trajectory}/intervision/${ids.session}/themes`, { theme: payloads[11] }), 'intervision theme');
    await ok(coordinator.put(`${trajectory}/intervision/${ids.session}/notes/0`, { text: all }), 'intervision notes');
    await ok(coordinator.post(`${base}/signals/${ids.signal}/steps`, { to: 'discussed', note: all }), 'signal step');
    ids.code = (await ok(researcher.post(`${base}/coding/codes`, { name: payloads[12], description: some }), 'code')).id ?? '';
    ids.round =
      (await ok(researcher.post(`${base}/rounds`, { instrumentVersionId: versionId, name: payloads[4], closesOn: '2999-12-31', teamIds: [ids.team] }), 'round'))
        .id ?? '';
    const links = (await researcher.get(`${base}/rounds/${ids.round}`)).json<{ links: { url: string; teamName: string | null }[] }>().links;
    ids.teamLink = new URL(links.find((l) => l.teamName !== null)?.url ?? '').pathname;
    await ok(researcher.post(`${base}/coding/memos`, { targetKind: 'project', title: payloads[5], body: all }), 'memo');
    ids.project = (await ok(admin.post(`${base}/photovoice`, { title: payloads[6], theme: payloads[7] }), 'photovoice')).id ?? '';
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await beacon?.close();
  });

  it('has at least 50 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50);
  });

  it('runs none of them in any view, with no CSP violation and no request outside', { timeout: 240_000 }, async () => {
    await visit(MEMBER, [
      'kruisbestuiving',
      `kruisbestuiving/verhalen/${ids.story}`,
      'kruisbestuiving/signalen',
      `kruisbestuiving/signalen/${ids.signal}`,
      `teams/${ids.team}`,
    ]);
    await visit(COORDINATOR, [
      'trajecten',
      `trajecten/${ids.trajectory}`,
      `trajecten/${ids.trajectory}/kader`,
      `trajecten/${ids.trajectory}/vertaling`,
      `trajecten/${ids.trajectory}/omkadering`,
      `trajecten/${ids.trajectory}/intervisie/${ids.session}`,
      'kruisbestuiving/signalen/overzicht',
      'people',
    ]);
    // The respondent's welcome page of the team's link names the team.
    await visit(RESEARCHER, [
      ids.teamLink,
      'in-beeld',
      `in-beeld/rounds/${ids.round}`,
      'kruisbestuiving/codering',
      `kruisbestuiving/codering/verhalen/${ids.researchStory}`,
      `kruisbestuiving/codering/codes/${ids.code}`,
    ]);
    await visit(ADMIN, [`kruisbestuiving/photovoice/${ids.project}`, 'audit']);
    expect(executions).toEqual([]);
    expect(violations).toEqual([]);
    expect(outside).toEqual([]);
    expect(beacon.hits).toEqual([]);
  });

  it('prints them in the PDFs as text, with no request out of the renderer', { timeout: 120_000 }, async () => {
    const coordinator = await client(COORDINATOR);
    const researcher = await client(RESEARCHER);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-xss-'));
    const pdfs = {
      charter: await coordinator.get(`/api/orgs/${org}/trajectories/${ids.trajectory}/charter/versions/1/charter.pdf`),
      report: await researcher.get(`/api/orgs/${org}/rounds/${ids.round}/report.pdf`),
    };
    for (const [name, response] of Object.entries(pdfs)) {
      expect(response.statusCode, `${name}: ${response.body.slice(0, 200)}`).toBe(200);
      expect(response.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
      if (pdfinfoPath) {
        const file = path.join(dir, `${name}.pdf`);
        fs.writeFileSync(file, response.rawPayload);
        const text = execFileSync(path.join(path.dirname(pdfinfoPath), 'pdftotext'), [file, '-'], { encoding: 'utf8' });
        // The team's text and the round's name, markup and all, as plain text on the page.
        expect(text, name).toContain('onerror=__xss(');
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    expect(beacon.hits).toEqual([]);
  });

  it('writes them into the Markdown exports as text, never as HTML or a link that acts', async () => {
    const coordinator = await client(COORDINATOR);
    const member = await client(MEMBER);
    const exports = {
      charter: (await coordinator.get(`/api/orgs/${org}/trajectories/${ids.trajectory}/charter/versions/1/charter.md`)).body,
      signal: (await member.get(`/api/orgs/${org}/signals/${ids.signal}/export.md`)).body,
    };
    for (const [name, text] of Object.entries(exports)) {
      // Markdown escapes the underscores of `__xss(`.
      expect(text, name).toContain('xss(');
      // An unescaped tag, or a Markdown link or image whose target runs script or leaves the document.
      expect(text.match(/(?<!\\)<[a-zA-Z!/?]/g) ?? [], `${name}: raw HTML`).toEqual([]);
      expect(text.match(/(?<!\\)\]\((javascript|data|https?):/gi) ?? [], `${name}: active links`).toEqual([]);
    }
  });
});
