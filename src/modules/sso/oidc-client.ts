import type * as client from 'openid-client';
import { issuerAllowed } from './rules.ts';

/** Provider metadata is fetched again after this long, so a key rotation or a moved endpoint is picked up. */
const DISCOVERY_TTL_MS = 10 * 60_000;
const TIMEOUT_SECONDS = 10;

/** openid-client (and its JOSE code) loads at the first single sign-on, not at start. */
const openid = () => import('openid-client');

type Cached = { at: number; config: Promise<client.Configuration> };
const cache = new Map<string, Cached>();

export type ProviderSettings = { issuer: string; clientId: string; clientSecret: string };

/**
 * The provider's configuration (its discovery document), cached per issuer, client and secret.
 * Plain HTTP is allowed only for a provider on this machine (see issuerAllowed).
 */
export function providerConfiguration(settings: ProviderSettings, now: number): Promise<client.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
  const hit = cache.get(key);
  if (hit && now - hit.at < DISCOVERY_TTL_MS) return hit.config;
  if (!issuerAllowed(settings.issuer)) return Promise.reject(new Error('issuer not allowed'));
  const insecure = new URL(settings.issuer).protocol === 'http:';
  const config = openid().then((client) =>
    client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, client.ClientSecretPost(settings.clientSecret), {
      timeout: TIMEOUT_SECONDS,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    }),
  );
  config.catch(() => cache.delete(key));
  cache.set(key, { at: now, config });
  return config;
}

/** The new random values of one sign-in: state, nonce and PKCE verifier (S256). */
export async function newAuthorization(config: client.Configuration, redirectUri: string, loginHint: string) {
  const client = await openid();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    login_hint: loginHint,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

/**
 * Exchanges the code and checks everything openid-client checks: the state, the PKCE verifier, the
 * ID token's signature, issuer, audience (this client), expiry and nonce. Returns the ID token's
 * claims, completed from the UserInfo endpoint when the ID token does not carry the e-mail address
 * (a provider may put it only there).
 */
export async function finishAuthorization(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown> & { sub: string }> {
  const client = await openid();
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  if (typeof claims.email === 'string') return { ...claims };
  const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  // The ID token's own claims win; UserInfo only adds what it lacks.
  return { ...userInfo, ...claims };
}

/** Tests start providers on new ports with the same names; they begin from an empty cache. */
export const forgetProviderConfigurations = () => cache.clear();
