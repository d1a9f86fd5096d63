import { addMinutes } from '../../core/clock.ts';
import type { ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { hashToken, newSecretToken } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { open, secretsKey } from '../../core/secret-box.ts';
import { inTransaction } from '../../db/database.ts';
import { accountByEmail, accountById, createAccountForSso } from '../accounts/sso-accounts.ts';
import { recordAudit } from '../audit/service.ts';
import { hasOpenInvitationFor, redeemInvitationForAddress } from '../organisations/invitation-by-address.ts';
import { addMembership, organisationsOf } from '../organisations/service.ts';
import type { SsoFailure } from './model.ts';
import { finishAuthorization, newAuthorization, providerConfiguration } from './oidc-client.ts';
import { displayNameFrom, domainOf, safeNext, verifiedEmailOf } from './rules.ts';
import * as store from './store.ts';

/** How long a person has at their provider before the sign-in must start again. */
const LOGIN_MINUTES = 10;

type Connection = NonNullable<Awaited<ReturnType<typeof store.findConnection>>>;

const settingsOf = (ctx: ServiceContext, row: Connection) => ({
  issuer: row.issuer,
  clientId: row.client_id,
  clientSecret: open(secretsKey(ctx.config), row.client_secret_sealed),
});

/**
 * Starts a sign-in through the organisation that owns the address's domain. Returns the provider's
 * address to send the browser to, and a secret for a cookie that binds the answer to this browser.
 */
export async function startSsoSignIn(
  ctx: ServiceContext,
  input: { email: string; next?: string | undefined; redirectUri: string; language: Language },
): Promise<{ redirectUrl: string; browserSecret: string }> {
  const domain = domainOf(input.email.trim().toLowerCase());
  const connection = domain ? await store.enabledConnectionForDomain(ctx.db, domain) : undefined;
  if (!connection) throw new AppError('not_found', { code: 'sso.no_sso_for_domain' });
  const config = await providerConfiguration(settingsOf(ctx, connection), ctx.clock.now().getTime()).catch((cause: unknown) => {
    throw new AppError('internal', { code: 'sso.provider_unreachable', cause });
  });
  const authorization = await newAuthorization(config, input.redirectUri, input.email.trim());
  const browserSecret = newSecretToken();
  const now = ctx.clock.now();
  await store.deleteExpiredLogins(ctx.db, now.toISOString());
  await store.insertLogin(ctx.db, {
    state_hash: hashToken(authorization.state),
    browser_hash: hashToken(browserSecret),
    organisation_id: connection.organisation_id,
    nonce: authorization.nonce,
    code_verifier: authorization.codeVerifier,
    next_path: safeNext(input.next),
    expires_at: addMinutes(now, LOGIN_MINUTES).toISOString(),
  });
  return { redirectUrl: authorization.url, browserSecret };
}

export type SsoOutcome = { ok: true; userId: string; next: string } | { ok: false; failure: SsoFailure };

const refuse = async (ctx: ServiceContext, organisationId: string | null, failure: SsoFailure, reason?: string): Promise<SsoOutcome> => {
  // Who it was is not known for certain (nothing verified, or refused): the trail keeps only why.
  await recordAudit(ctx.db, ctx.clock.now(), {
    organisationId,
    actorUserId: null,
    action: 'sso.refused',
    subjectType: 'organisation',
    subjectId: organisationId ?? '-',
    details: { failure, ...(reason ? { reason } : {}) },
  });
  return { ok: false, failure };
};

/**
 * Finishes a sign-in when the provider sends the browser back. The state must be one this app
 * handed out, to this browser (its cookie), not used before and not expired; openid-client then
 * checks the code, PKCE, ID token signature, issuer, audience and nonce. The account is the one
 * linked to the provider's subject before, or else the one with the verified e-mail address.
 * Roles never come from the provider: a new member is a member.
 */
export async function finishSsoSignIn(
  ctx: ServiceContext,
  input: { callbackUrl: URL; state: string | undefined; providerError: string | undefined; browserSecret: string | undefined; language: Language },
): Promise<SsoOutcome> {
  const login = input.state ? await store.takeLogin(ctx.db, hashToken(input.state)) : undefined;
  if (!login) return refuse(ctx, null, 'expired', 'unknown_state');
  const organisationId = login.organisation_id;
  if (!input.browserSecret || hashToken(input.browserSecret) !== login.browser_hash) return refuse(ctx, organisationId, 'expired', 'other_browser');
  if (new Date(login.expires_at) <= ctx.clock.now()) return refuse(ctx, organisationId, 'expired', 'too_late');
  if (input.providerError) return refuse(ctx, organisationId, input.providerError === 'access_denied' ? 'denied' : 'failed', input.providerError.slice(0, 50));
  const connection = await store.findConnection(ctx.db, organisationId);
  if (connection?.enabled !== 1) return refuse(ctx, organisationId, 'failed', 'connection_off');

  let claims: Awaited<ReturnType<typeof finishAuthorization>>;
  try {
    const config = await providerConfiguration(settingsOf(ctx, connection), ctx.clock.now().getTime());
    claims = await finishAuthorization(config, input.callbackUrl, { state: input.state ?? '', nonce: login.nonce, codeVerifier: login.code_verifier });
  } catch (error) {
    return refuse(ctx, organisationId, 'failed', checkThatFailed(error));
  }

  const linked = await store.findIdentity(ctx.db, organisationId, claims.sub);
  if (linked) {
    const account = await accountById(ctx, linked.user_id);
    if (!account) return refuse(ctx, organisationId, 'failed', 'account_gone');
    if (account.disabled) return refuse(ctx, organisationId, 'disabled');
    return signedIn(ctx, account.id, login.next_path);
  }

  const verified = verifiedEmailOf(claims, await store.domainsOf(ctx.db, organisationId), connection.issuer);
  if ('failure' in verified) return refuse(ctx, organisationId, verified.failure);
  const existing = await accountByEmail(ctx, verified.email);
  if (existing?.disabled) return refuse(ctx, organisationId, 'disabled');
  const isMember = existing ? (await organisationsOf(ctx, existing.id)).some((o) => o.id === organisationId) : false;
  const invited = !isMember && (await hasOpenInvitationFor(ctx, organisationId, verified.email));
  if (!isMember && !invited && connection.link_mode !== 'first_sign_in') return refuse(ctx, organisationId, 'not_invited');

  let userId: string;
  try {
    userId = await inTransaction(ctx.db, async (trx) => {
      const tctx = { ...ctx, db: trx };
      const id =
        existing?.id ??
        (await createAccountForSso(tctx, { email: verified.email, displayName: displayNameFrom(claims, verified.email), language: input.language }));
      // An open invitation gives its own role and team; else "first sign-in" makes a member.
      const redeemed = !isMember && invited && (await redeemInvitationForAddress(tctx, organisationId, verified.email, id));
      if (!isMember && !redeemed) {
        if (connection.link_mode !== 'first_sign_in') throw new AppError('invitation_invalid');
        await addMembership(tctx, { organisationId, userId: id, role: 'member', actorUserId: id });
      }
      await store.insertIdentity(trx, { organisation_id: organisationId, subject: claims.sub, user_id: id, created_at: ctx.clock.now().toISOString() });
      await recordAudit(trx, ctx.clock.now(), {
        organisationId,
        actorUserId: id,
        action: 'sso.linked',
        subjectType: 'user',
        subjectId: id,
        details: { accountCreated: existing === undefined, membershipCreated: !isMember, invitation: redeemed },
      });
      return id;
    });
  } catch (error) {
    // The invitation was used or revoked in the meantime: nothing was kept.
    if (error instanceof AppError && error.id === 'invitation_invalid') return refuse(ctx, organisationId, 'not_invited', 'invitation_gone');
    throw error;
  }
  return signedIn(ctx, userId, login.next_path);
}

/** openid-client's error code and, for a claim that did not match, its name (aud, nonce, iss...): never a value. */
function checkThatFailed(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  let claim = '';
  // openid-client wraps oauth4webapi's error, whose cause names the claim.
  for (let link = error as { cause?: unknown; claim?: unknown } | undefined, depth = 0; link && depth < 3; link = link.cause as typeof link, depth++) {
    if (typeof link.claim === 'string') claim = `:${link.claim}`;
  }
  return typeof code === 'string' ? `${code}${claim}`.slice(0, 80) : 'token_check';
}

async function signedIn(ctx: ServiceContext, userId: string, next: string): Promise<SsoOutcome> {
  await recordAudit(ctx.db, ctx.clock.now(), {
    organisationId: null,
    actorUserId: userId,
    action: 'user.login',
    subjectType: 'user',
    subjectId: userId,
    details: { method: 'sso' },
  });
  return { ok: true, userId, next };
}
