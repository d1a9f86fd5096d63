import { createSign, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ProviderContext } from 'oidc-provider';

export const CLIENT_ID = 'kruisbestuiving';
export const CLIENT_SECRET = 'test-client-secret-for-the-platform-0123456789';
export const OTHER_CLIENT_ID = 'another-application';

/** What a test may make the provider do wrong, for one sign-in. */
export type Tampering = { idTokenAudience?: string };

export type TestProvider = {
  issuer: string;
  tamper: Tampering;
  close: () => Promise<void>;
};

/**
 * Claims of an account at the provider, from the login typed on its login page: the login is the
 * e-mail address; one that starts with "unverified" is not verified.
 */
function claimsOf(id: string) {
  const email = id.includes('@') ? id.toLowerCase() : `${id.toLowerCase()}@zorg.example`;
  return { sub: `sub-${email}`, email, email_verified: !email.startsWith('unverified'), name: `Persoon ${email.split('@')[0]}` };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * A real OpenID provider (oidc-provider, in this process) on a random loopback port, with its
 * development login page, a client for the platform and one for another application. Consent is
 * granted by itself, as for a first-party application.
 */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = (client_id: string, client_secret: string) => ({
    client_id,
    client_secret,
    redirect_uris: [redirectUri],
    token_endpoint_auth_method: 'client_secret_post',
    grant_types: ['authorization_code'],
    response_types: ['code'],
  });
  const provider = new Provider(issuer, {
    clients: [client(CLIENT_ID, CLIENT_SECRET), client(OTHER_CLIENT_ID, 'another-secret-0123456789012345678901234')],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => claimsOf(id) }),
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    loadExistingGrant: async (ctx: ProviderContext) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const tamper: Tampering = {};
  // A token answer with an ID token for another client, validly signed by this provider's own key.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path !== '/token' || !tamper.idTokenAudience || typeof body?.id_token !== 'string') return;
    const [header, payload = ''] = body.id_token.split('.');
    const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), aud: tamper.idTokenAudience, azp: tamper.idTokenAudience };
    const signed = `${header}.${base64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(signed).sign(privateKey);
    ctx.body = { ...body, id_token: `${signed}.${base64url(signature)}` };
  });
  server.on('request', provider.callback());
  return {
    issuer,
    tamper,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A person's browser at the provider, without JavaScript: follows redirects by hand with a cookie
 * jar, fills in the development login page, and stops at the first redirect back to the platform.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, options: { cancel?: boolean } = {}): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  const origin = url.origin;
  let method: 'GET' | 'POST' = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.origin !== origin) return url;
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    if (options.cancel) {
      const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
      if (!abort) throw new Error(`no cancel link at ${url}`);
      url = new URL(abort.replaceAll('&amp;', '&'), url);
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at ${url}: ${response.status} ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt });
  }
  throw new Error('too many steps at the provider');
}
