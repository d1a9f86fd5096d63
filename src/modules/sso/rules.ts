import type { SsoFailure } from './model.ts';

/** The part after the last @, lower case; undefined when there is none. */
export function domainOf(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return undefined;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A provider is reached over HTTPS; plain HTTP only on this machine itself (a provider a test or a
 * developer runs locally), never across a network where the code and tokens could be read.
 */
export function issuerAllowed(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

export type ProviderClaims = Record<string, unknown>;

export const GOOGLE_ISSUER = 'https://accounts.google.com';

/**
 * The verified e-mail address in a provider's claims, lower case, or a reason why there is none.
 * Only `email_verified: true` counts (Google, Keycloak); Microsoft Entra ID sends no email_verified,
 * but `xms_edov: true` (the optional claim "email domain owner verified") says the same.
 * The address must be in one of the organisation's domains: a provider speaks only for its own.
 */
export function verifiedEmailOf(claims: ProviderClaims, domains: readonly string[], issuer = ''): { email: string } | { failure: SsoFailure } {
  // Google also vouches for personal Google accounts made with any address: only a Workspace
  // account of the organisation's own domains (the hd claim) counts there.
  if (issuer === GOOGLE_ISSUER && !(typeof claims.hd === 'string' && domains.includes(claims.hd.toLowerCase()))) return { failure: 'wrong_domain' };
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined;
  if (!email || email.length > 254 || !domainOf(email)) return { failure: 'unverified' };
  if (claims.email_verified !== true && claims.xms_edov !== true) return { failure: 'unverified' };
  const domain = domainOf(email);
  if (!domain || !domains.includes(domain)) return { failure: 'wrong_domain' };
  return { email };
}

/** A path inside the app to go to after signing in; anything else (another site, //host) becomes /. */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return '/';
  return next;
}

/** A display name for a new account: the provider's name, else the part of the address before the @. */
export function displayNameFrom(claims: ProviderClaims, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  const fallback = email.slice(0, email.indexOf('@'));
  return (name || fallback).slice(0, 100);
}
