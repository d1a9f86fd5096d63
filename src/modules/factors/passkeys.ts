import type { AuthenticationResponseJSON, AuthenticatorTransportFuture, RegistrationResponseJSON } from '@simplewebauthn/server';
import { addMinutes } from '../../core/clock.ts';
import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { hashToken } from '../../core/ids.ts';
import { inTransaction } from '../../db/database.ts';
import { auditFactor } from './audit.ts';
import { issueFirstRecoveryCodes } from './recovery-codes.ts';
import * as store from './store.ts';

/** The WebAuthn library (and its certificate parsers) loads at the first passkey, not at start. */
const webauthn = () => import('@simplewebauthn/server');

/** Where the passkey belongs: the configured public address (its host name is the RP id). */
export type RelyingParty = { id: string; origin: string };
export const relyingPartyOf = (origin: string): RelyingParty => ({ id: new URL(origin).hostname, origin });

type Purpose = 'register' | 'sign-in' | 'second-factor';
const CHALLENGE_MINUTES = 5;
const RP_NAME = 'Kruisbestuiving';

const toBase64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromBase64url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
const transportsOf = (row: { transports: string }) => (row.transports ? row.transports.split(',') : []) as AuthenticatorTransportFuture[];

async function keepChallenge(ctx: ServiceContext, challenge: string, purpose: Purpose, userId: string | null): Promise<void> {
  const now = ctx.clock.now();
  await store.deleteExpiredChallenges(ctx.db, now.toISOString());
  await store.insertChallenge(ctx.db, {
    challenge_hash: hashToken(challenge),
    purpose,
    user_id: userId,
    expires_at: addMinutes(now, CHALLENGE_MINUTES).toISOString(),
  });
}

/**
 * The challenge the browser answered, taken out of storage (so it is answered once), if it was made
 * for this purpose and person and is still fresh; undefined otherwise.
 */
async function takeChallenge(ctx: ServiceContext, clientDataJSON: string, purpose: Purpose, userId: string | null): Promise<string | undefined> {
  let challenge: unknown;
  try {
    challenge = (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown }).challenge;
  } catch {
    return undefined;
  }
  if (typeof challenge !== 'string' || challenge.length > 200) return undefined;
  const row = await store.takeChallenge(ctx.db, hashToken(challenge));
  if (!row || row.purpose !== purpose || row.user_id !== userId || new Date(row.expires_at) <= ctx.clock.now()) return undefined;
  return challenge;
}

export async function registrationOptions(ctx: ServiceContext, actor: Actor, rp: RelyingParty, user: { email: string; displayName: string }) {
  const existing = await store.passkeysOf(ctx.db, actor.userId);
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    // The user handle is the account id: a discoverable passkey names its person at sign-in.
    userID: new TextEncoder().encode(actor.userId),
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.id, transports: transportsOf(row) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await keepChallenge(ctx, options.challenge, 'register', actor.userId);
  return options;
}

export async function finishRegistration(
  ctx: ServiceContext,
  actor: Actor,
  rp: RelyingParty,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<{ recoveryCodes: string[] | null }> {
  const refused = () => new AppError('validation_failed', { code: 'factors.passkey_not_added' });
  const challenge = await takeChallenge(ctx, input.response.response.clientDataJSON, 'register', actor.userId);
  if (!challenge) throw refused();
  const result = await (await webauthn())
    .verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    })
    .catch(() => undefined);
  if (!result?.verified) throw refused();
  const { credential } = result.registrationInfo;
  if (await store.findPasskey(ctx.db, credential.id)) throw refused();
  return inTransaction(ctx.db, async (trx) => {
    await store.insertPasskey(trx, {
      id: credential.id,
      user_id: actor.userId,
      public_key: toBase64url(credential.publicKey),
      counter: credential.counter,
      transports: (credential.transports ?? []).join(','),
      name: input.name,
      created_at: ctx.clock.now().toISOString(),
      last_used_at: null,
    });
    await auditFactor(ctx, trx, actor.userId, 'user.factor_added', { kind: 'passkey' });
    return { recoveryCodes: await issueFirstRecoveryCodes(ctx, trx, actor.userId) };
  });
}

/**
 * Options to sign in with a passkey. Without a person (first factor) the browser offers the
 * passkeys it holds for this site; with one (second factor) only that person's.
 */
export async function assertionOptions(ctx: ServiceContext, rp: RelyingParty, userId: string | null) {
  const allowCredentials = userId ? (await store.passkeysOf(ctx.db, userId)).map((row) => ({ id: row.id, transports: transportsOf(row) })) : undefined;
  const options = await (await webauthn()).generateAuthenticationOptions({
    rpID: rp.id,
    ...(allowCredentials ? { allowCredentials } : {}),
    // Alone, a passkey must be unlocked (fingerprint, PIN): that is what makes it two factors in one.
    userVerification: userId ? 'preferred' : 'required',
  });
  await keepChallenge(ctx, options.challenge, userId ? 'second-factor' : 'sign-in', userId);
  return options;
}

/**
 * The person whose passkey signed the challenge, or undefined for anything else (unknown key,
 * wrong signature, used or foreign challenge, a counter that went back).
 */
export async function verifyAssertion(
  ctx: ServiceContext,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  expectedUserId: string | null,
): Promise<string | undefined> {
  const challenge = await takeChallenge(ctx, response.response.clientDataJSON, expectedUserId ? 'second-factor' : 'sign-in', expectedUserId);
  const passkey = await store.findPasskey(ctx.db, response.id);
  if (!challenge || !passkey) return undefined;
  if (expectedUserId && passkey.user_id !== expectedUserId) return undefined;
  if (response.response.userHandle && Buffer.from(response.response.userHandle, 'base64url').toString('utf8') !== passkey.user_id) return undefined;
  const result = await (await webauthn())
    .verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.id, publicKey: fromBase64url(passkey.public_key), counter: Number(passkey.counter), transports: transportsOf(passkey) },
      requireUserVerification: expectedUserId === null,
    })
    .catch(() => undefined);
  if (!result?.verified) return undefined;
  await store.passkeyUsed(ctx.db, passkey.id, result.authenticationInfo.newCounter, ctx.clock.now().toISOString());
  return passkey.user_id;
}

/** Whose passkey this is (to count a failed try against that account), without verifying anything. */
export const ownerOfPasskey = async (ctx: ServiceContext, credentialId: string): Promise<string | undefined> =>
  (await store.findPasskey(ctx.db, credentialId))?.user_id;

export async function removePasskey(ctx: ServiceContext, actor: Actor, passkeyId: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    if (!(await store.deletePasskey(trx, actor.userId, passkeyId))) throw new AppError('not_found');
    await auditFactor(ctx, trx, actor.userId, 'user.factor_removed', { kind: 'passkey' });
    if (!(await store.hasFactor(trx, actor.userId))) await store.deleteRecoveryCodes(trx, actor.userId);
  });
}
