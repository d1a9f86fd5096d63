import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { okView } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { beginSession, finishSession } from '../../http/session.ts';
import { setPendingCookie } from '../factors/pending-cookie.ts';
import { secondFactorsOf } from '../factors/service.ts';
import { acceptInvitation, lookupInvitation } from '../organisations/invitations.ts';
import { acceptInvitationInput, invitationLookupInput, invitationPreview } from '../organisations/model.ts';
import { csrfView, loginInput, meView, signInView, updateMeInput } from './model.ts';
import { checkCredentials, me, recordSessionEvent, updateMe } from './service.ts';

export function accountRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  /** An unknown invitation token counts as a guess (globally: a token names no organisation). */
  const guardInvitationGuess = async <T>(attempt: () => Promise<T>): Promise<T> => {
    let refused: unknown;
    const result = await app.limiter.guarded('invitation', undefined, () =>
      attempt().catch((error: unknown) => {
        if (!(error instanceof AppError && error.id === 'invitation_invalid')) throw error;
        refused = error;
        return undefined;
      }),
    );
    if (result === undefined) throw refused;
    return result;
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/csrf',
      summary: 'Get a CSRF token to send as x-csrf-token with every POST, PUT, PATCH and DELETE',
      tags: ['session'],
      auth: 'public',
      response: csrfView,
      handler: async ({ reply }) => ({ token: reply.generateCsrf() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/login',
      summary: 'Sign in with e-mail and password; with a second factor, the answer asks for it',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      body: loginInput,
      response: signInView,
      handler: async ({ body, req, reply }) => {
        await app.signInThrottle.check(body.email);
        const userId = await checkCredentials(ctx, body.email, body.password).catch(async (error: unknown) => {
          if (error instanceof AppError && error.id === 'invalid_credentials') await app.signInThrottle.failed(body.email);
          throw error;
        });
        // With a second factor the password only opens the second step (factors/routes.ts); the
        // throttle is cleared only when that step is done, so it also counts wrong codes.
        const secondFactor = await secondFactorsOf(ctx, userId);
        if (secondFactor) {
          await setPendingCookie(app, reply, userId);
          return secondFactor;
        }
        await app.signInThrottle.succeeded(body.email);
        await beginSession(app, req, reply, userId);
        await recordSessionEvent(ctx, userId, 'user.login');
        return me(ctx, userId);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/logout',
      summary: 'Sign out: the session ends on the server',
      tags: ['session'],
      auth: 'public',
      response: okView,
      handler: async ({ actor, req, reply }) => {
        if (actor) await recordSessionEvent(ctx, actor.userId, 'user.logout');
        await finishSession(app, req, reply);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me',
      summary: 'The signed-in person, their organisations (with role) and teams (with position)',
      tags: ['session'],
      auth: 'user',
      response: meView,
      handler: async ({ actor }) => me(ctx, actor.userId),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/me',
      summary: 'Change your own language or display name',
      tags: ['session'],
      auth: 'user',
      body: updateMeInput,
      response: meView,
      handler: async ({ actor, body }) => updateMe(ctx, actor, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/invitations/lookup',
      summary: 'What an invitation link is for, before accepting it',
      tags: ['invitations'],
      auth: 'public',
      rateLimit: 'invite',
      body: invitationLookupInput,
      response: invitationPreview,
      handler: async ({ body }) => guardInvitationGuess(() => lookupInvitation(ctx, body.token)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/invitations/accept',
      summary: 'Accept an invitation: a new person chooses a name and password, an existing one gives their password',
      tags: ['invitations'],
      auth: 'public',
      rateLimit: 'invite',
      body: acceptInvitationInput,
      response: signInView,
      handler: async ({ body, req, reply }) => {
        // A new account starts in the language the person used to accept the invitation.
        const userId = await guardInvitationGuess(() => acceptInvitation(ctx, body, req.lang));
        // An existing account with a second factor gets the second step, as at sign-in.
        const secondFactor = await secondFactorsOf(ctx, userId);
        if (secondFactor) {
          await setPendingCookie(app, reply, userId);
          return secondFactor;
        }
        await beginSession(app, req, reply, userId);
        return me(ctx, userId);
      },
    }),
  ];
}
