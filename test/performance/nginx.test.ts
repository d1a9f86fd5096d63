import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sampleAnswers, seededPick } from '../../src/modules/instruments/sample-answers.ts';
import { hasNginx, type NginxPair, startNginxPair } from '../helpers/nginx-pair.ts';

if (!hasNginx) console.warn('nginx is not installed (apt-get install -y nginx-light): the load balancer test is skipped');

/** Connections nginx keeps open to an app port (upstream keepalive): > 0 once that process has answered. */
const connectionsTo = (port: number) =>
  execFileSync('ss', ['-tnH', 'state', 'established', `( dport = :${port} )`])
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean).length;

describe.runIf(hasNginx && inject('postgresUrl'))('deploy/nginx.conf in front of two app processes on PostgreSQL', () => {
  let pair: NginxPair;

  beforeAll(async () => {
    pair = await startNginxPair({ portSlot: 0 });
  }, 180_000);

  afterAll(async () => {
    await pair?.stop();
  }, 60_000);

  it('plain HTTP is sent to HTTPS', async () => {
    const res = await fetch(`http://127.0.0.1:${pair.httpPort}/`, { redirect: 'manual', headers: { host: 'kruisbestuiving.example.org' } });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('https://kruisbestuiving.example.org/');
  });

  it('sign-in, CSRF, the session and respondent answers work whichever process answers', async () => {
    const { request } = pair;
    const { token, instrument } = pair.round;
    const csrf = await request('GET', '/api/csrf', {});
    const csrfToken = (JSON.parse(csrf.body) as { token: string }).token;
    const login = await request(
      'POST',
      '/api/auth/login',
      { cookie: csrf.cookies.join('; '), 'x-csrf-token': csrfToken },
      JSON.stringify({ email: 'beheerder@demo.kruisbestuiving.org', password: 'demo-kruisbestuiving' }),
    );
    expect(login.status).toBe(200);
    const names = new Set(login.cookies.map((c) => c.split('=')[0]));
    const cookies = [...csrf.cookies.filter((c) => !names.has(c.split('=')[0])), ...login.cookies];
    for (let i = 0; i < 4; i++) expect((await request('GET', '/api/me', { cookie: cookies.join('; ') })).status).toBe(200);

    const form = await request('GET', `/r/${token}`, {});
    const consentVersion = /name="consentVersion" value="([0-9a-f]+)"/.exec(form.body)?.[1] ?? '';
    const respondentCsrf = await request('GET', '/api/csrf', {});
    const respondentToken = (JSON.parse(respondentCsrf.body) as { token: string }).token;
    const pick = seededPick(3);
    for (let i = 0; i < 4; i++) {
      const submitted = await request(
        'POST',
        `/api/r/${token}/responses`,
        { cookie: respondentCsrf.cookies.join('; '), 'x-csrf-token': respondentToken },
        JSON.stringify({ responseId: randomUUID(), language: 'nl', consentVersion, answers: sampleAnswers(instrument, pick) }),
      );
      expect(submitted.status, submitted.body).toBeLessThan(300);
    }
    // nginx spread the requests over both app processes (round robin), keeping a connection to each.
    for (const port of pair.appPorts) expect(connectionsTo(port)).toBeGreaterThan(0);
  }, 120_000);
});
