import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { requirePublicOrigin } from '../../http/public-origin.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { beginSession } from '../../http/session.ts';
import { meView } from '../accounts/model.ts';
import { me, recordSessionEvent } from '../accounts/service.ts';
import { checkAuthenticatorCode, confirmAuthenticatorApp, removeAuthenticatorApp, startAuthenticatorApp, wrongCode } from './authenticator-app.ts';
import {
  codeInput,
  factorsView,
  orgParams,
  passkeyAssertionInput,
  passkeyCreationOptionsView,
  passkeyParams,
  passkeyRegistrationInput,
  passkeyRequestOptionsView,
  recoveryCodesView,
  totpSetupView,
  twoFactorRuleInput,
  twoFactorRuleView,
} from './model.ts';
import { assertionOptions, finishRegistration, ownerOfPasskey, registrationOptions, relyingPartyOf, removePasskey, verifyAssertion } from './passkeys.ts';
import { endPending, pendingAttemptFailed, pendingUserOf } from './pending-cookie.ts';
import { renewRecoveryCodes, spendRecoveryCode } from './recovery-codes.ts';
import { factorsOf, setTwoFactorRule, twoFactorRule } from './service.ts';

export function factorRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  const rpOf = (req: FastifyRequest) => relyingPartyOf(requirePublicOrigin(ctx.config, req));

  /** The person of the half-signed-in state, or 401: the password must be given again. */
  const pendingPerson = async (req: FastifyRequest) => {
    const userId = await pendingUserOf(app, req);
    if (!userId) throw new AppError('unauthenticated', { code: 'factors.sign_in_again' });
    return { userId, email: (await me(ctx, userId)).user.email };
  };

  /** A second step answered: the half-signed-in state becomes a session, once. */
  const complete = async (req: FastifyRequest, reply: FastifyReply, person: { userId: string; email: string }) => {
    if (!(await endPending(app, req, reply))) throw new AppError('unauthenticated', { code: 'factors.sign_in_again' });
    await app.signInThrottle.succeeded(person.email);
    await beginSession(app, req, reply, person.userId);
    await recordSessionEvent(ctx, person.userId, 'user.login');
    return me(ctx, person.userId);
  };

  /** A wrong second step counts against the account like a wrong password, and against this pending sign-in. */
  const secondStep = async (req: FastifyRequest, reply: FastifyReply, check: (userId: string) => Promise<boolean>, refused: () => AppError) => {
    const person = await pendingPerson(req);
    await app.signInThrottle.check(person.email);
    if (!(await check(person.userId))) {
      await app.signInThrottle.failed(person.email);
      await pendingAttemptFailed(app, req);
      throw refused();
    }
    return complete(req, reply, person);
  };

  return [
    defineRoute({
      method: 'POST',
      url: '/api/auth/second-factor/authenticator-app',
      summary: 'Second step of signing in: the code from the authenticator app',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      body: codeInput,
      response: meView,
      handler: async ({ body, req, reply }) => secondStep(req, reply, (userId) => checkAuthenticatorCode(ctx, userId, body.code), wrongCode),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/second-factor/recovery-code',
      summary: 'Second step of signing in: one of the recovery codes (each works once)',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      body: codeInput,
      response: meView,
      handler: async ({ body, req, reply }) =>
        secondStep(
          req,
          reply,
          (userId) => spendRecoveryCode(ctx, userId, body.code),
          () => new AppError('invalid_credentials', { code: 'factors.wrong_recovery_code' }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/second-factor/passkey/options',
      summary: 'Second step of signing in: a challenge for one of your passkeys',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      response: passkeyRequestOptionsView,
      handler: async ({ req }) => assertionOptions(ctx, rpOf(req), (await pendingPerson(req)).userId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/second-factor/passkey',
      summary: 'Second step of signing in: the passkey’s answer to the challenge',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      body: passkeyAssertionInput,
      response: meView,
      handler: async ({ body, req, reply }) =>
        secondStep(
          req,
          reply,
          async (userId) => (await verifyAssertion(ctx, rpOf(req), body.response as AuthenticationResponseJSON, userId)) === userId,
          () => new AppError('invalid_credentials', { code: 'factors.passkey_refused' }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/passkey/options',
      summary: 'Sign in with a passkey alone: a challenge for any passkey of this site',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      response: passkeyRequestOptionsView,
      handler: async ({ req }) => assertionOptions(ctx, rpOf(req), null),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/passkey',
      summary: 'Sign in with a passkey alone (unlocked with fingerprint, face or PIN)',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      body: passkeyAssertionInput,
      response: meView,
      handler: async ({ body, req, reply }) => {
        const refused = () => new AppError('invalid_credentials', { code: 'factors.passkey_refused' });
        const response = body.response as AuthenticationResponseJSON;
        const owner = await ownerOfPasskey(ctx, response.id);
        if (!owner) {
          // An unknown key is no one's: counted as a guess for the whole site, never an account's.
          await app.limiter.guarded('passkey', undefined, async () => undefined);
          throw refused();
        }
        const email = (await me(ctx, owner)).user.email;
        await app.signInThrottle.check(email);
        const userId = await verifyAssertion(ctx, rpOf(req), response, null);
        if (!userId) {
          await app.signInThrottle.failed(email);
          throw refused();
        }
        await app.signInThrottle.succeeded(email);
        await beginSession(app, req, reply, userId);
        await recordSessionEvent(ctx, userId, 'user.login');
        return me(ctx, userId);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me/factors',
      summary: 'Your second steps: authenticator app, passkeys, recovery codes left',
      tags: ['two factors'],
      auth: 'user',
      response: factorsView,
      handler: async ({ actor }) => factorsOf(ctx, actor),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/factors/authenticator-app',
      summary: 'Start setting up an authenticator app: a new secret as QR code and as text',
      tags: ['two factors'],
      auth: 'user',
      response: totpSetupView,
      handler: async ({ actor }) => startAuthenticatorApp(ctx, actor, (await me(ctx, actor.userId)).user.email),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/factors/authenticator-app/confirm',
      summary: 'Finish setting up the app with a first code; returns the recovery codes once',
      tags: ['two factors'],
      auth: 'user',
      body: codeInput,
      response: recoveryCodesView,
      handler: async ({ actor, body }) => confirmAuthenticatorApp(ctx, actor, body.code),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/me/factors/authenticator-app',
      summary: 'Remove the authenticator app',
      tags: ['two factors'],
      auth: 'user',
      response: factorsView,
      handler: async ({ actor }) => {
        await removeAuthenticatorApp(ctx, actor);
        return factorsOf(ctx, actor);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/factors/recovery-codes',
      summary: 'New recovery codes (the old ones stop working); shown once',
      tags: ['two factors'],
      auth: 'user',
      response: recoveryCodesView,
      handler: async ({ actor }) => ({ recoveryCodes: await renewRecoveryCodes(ctx, actor.userId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/factors/passkeys/options',
      summary: 'Start adding a passkey: the options for the browser',
      tags: ['two factors'],
      auth: 'user',
      response: passkeyCreationOptionsView,
      handler: async ({ actor, req }) => {
        const person = await me(ctx, actor.userId);
        return registrationOptions(ctx, actor, rpOf(req), { email: person.user.email, displayName: person.user.displayName });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/factors/passkeys',
      summary: 'Add a passkey: the browser’s answer and a name for it',
      tags: ['two factors'],
      auth: 'user',
      body: passkeyRegistrationInput,
      response: recoveryCodesView,
      handler: async ({ actor, body, req }) =>
        finishRegistration(ctx, actor, rpOf(req), { name: body.name, response: body.response as RegistrationResponseJSON }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/me/factors/passkeys/:passkeyId',
      summary: 'Remove one of your passkeys',
      tags: ['two factors'],
      auth: 'user',
      params: passkeyParams,
      response: factorsView,
      handler: async ({ actor, params }) => {
        await removePasskey(ctx, actor, params.passkeyId);
        return factorsOf(ctx, actor);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/two-factor-rule',
      summary: 'Whether admins and researchers must sign in with two steps',
      tags: ['organisations'],
      auth: 'user',
      policy: 'organisation.manage',
      params: orgParams,
      response: twoFactorRuleView,
      handler: async ({ actor, params }) => twoFactorRule(ctx, actor, params.orgId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/two-factor-rule',
      summary: 'Ask (or stop asking) two steps of admins and researchers',
      tags: ['organisations'],
      auth: 'user',
      policy: 'organisation.manage',
      params: orgParams,
      body: twoFactorRuleInput,
      response: twoFactorRuleView,
      handler: async ({ actor, params, body }) => setTwoFactorRule(ctx, actor, params.orgId, body.requiredForDataRoles),
    }),
  ];
}
