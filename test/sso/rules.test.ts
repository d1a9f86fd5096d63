import { describe, expect, it } from 'vitest';
import { issuerAllowed, safeNext, verifiedEmailOf } from '../../src/modules/sso/rules.ts';

describe('single sign-on rules', () => {
  const domains = ['zorg.example'];

  it('only a verified address of the organisation’s domains counts', () => {
    expect(verifiedEmailOf({ email: 'Anna@Zorg.example', email_verified: true }, domains)).toEqual({ email: 'anna@zorg.example' });
    expect(verifiedEmailOf({ email: 'anna@zorg.example', email_verified: false }, domains)).toEqual({ failure: 'unverified' });
    expect(verifiedEmailOf({ email: 'anna@zorg.example', email_verified: 'true' }, domains)).toEqual({ failure: 'unverified' });
    expect(verifiedEmailOf({ email: 'anna@zorg.example' }, domains)).toEqual({ failure: 'unverified' });
    expect(verifiedEmailOf({ email_verified: true }, domains)).toEqual({ failure: 'unverified' });
    expect(verifiedEmailOf({ email: 'anna@elders.example', email_verified: true }, domains)).toEqual({ failure: 'wrong_domain' });
    expect(verifiedEmailOf({ email: 'anna@sub.zorg.example', email_verified: true }, domains)).toEqual({ failure: 'wrong_domain' });
  });

  it('Microsoft Entra ID: xms_edov (domain owner verified) counts as verified', () => {
    expect(verifiedEmailOf({ email: 'anna@zorg.example', xms_edov: true }, domains)).toEqual({ email: 'anna@zorg.example' });
    expect(verifiedEmailOf({ email: 'anna@zorg.example', xms_edov: false }, domains)).toEqual({ failure: 'unverified' });
  });

  it('Google: only a Workspace account of the organisation’s domains (hd), not a personal Google account with that address', () => {
    const google = 'https://accounts.google.com';
    expect(verifiedEmailOf({ email: 'anna@zorg.example', email_verified: true, hd: 'zorg.example' }, domains, google)).toEqual({ email: 'anna@zorg.example' });
    expect(verifiedEmailOf({ email: 'anna@zorg.example', email_verified: true }, domains, google)).toEqual({ failure: 'wrong_domain' });
    expect(verifiedEmailOf({ email: 'anna@zorg.example', email_verified: true, hd: 'elders.example' }, domains, google)).toEqual({ failure: 'wrong_domain' });
  });

  it('a provider is reached over HTTPS, plain HTTP only on this machine', () => {
    expect(issuerAllowed('https://login.microsoftonline.com/abc/v2.0')).toBe(true);
    expect(issuerAllowed('http://127.0.0.1:8080')).toBe(true);
    expect(issuerAllowed('http://localhost:8080/realms/zorg')).toBe(true);
    expect(issuerAllowed('http://keycloak.zorg.example/realms/zorg')).toBe(false);
    expect(issuerAllowed('https://user:pw@idp.example')).toBe(false);
    expect(issuerAllowed('ftp://idp.example')).toBe(false);
  });

  it('after signing in only a path inside the app is followed', () => {
    expect(safeNext('/verhalen')).toBe('/verhalen');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });
});
