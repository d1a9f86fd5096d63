import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { memberParams, okView } from '../../core/schemas.ts';
import { requirePublicOrigin } from '../../http/public-origin.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { changePassword } from './password-change.ts';
import { invalidLink, type ResetMailer, requestResetByEmail, resetWithLink, startResetAsAdmin } from './password-reset.ts';
import {
  adminResetView,
  changePasswordInput,
  endedSessionsView,
  forgotPasswordInput,
  passwordResetOptionsView,
  resetPasswordInput,
  sessionListView,
  sessionParams,
} from './self-service-model.ts';
import { endOtherOwnSessions, endOwnSession, endSessionsAsAdmin, listOwnSessions } from './sessions-list.ts';

/** Reset mails one address can get in an hour; more requests get the same answer and no mail. */
const RESET_MAILS_PER_HOUR = 3;

/** "Forgot password" work still running after its answer was sent, per app: closing the app waits for it. */
const pendingRequests = new WeakMap<FastifyInstance, Set<Promise<unknown>>>();

/** Resolves when every "forgot password" request made so far has been handled (tests wait for it). */
export const resetRequestsSettled = (app: FastifyInstance) => Promise.allSettled([...(pendingRequests.get(app) ?? [])]);

/**
 * Passwords and sessions a person manages themselves (Settings, "forgot password"), and what an
 * admin may do for a member (send a reset, end their sessions). `mailer` is undefined when the
 * server sends no e-mail.
 */
export function selfServiceRoutes(app: FastifyInstance, mailer: ResetMailer | undefined): AnyRoute[] {
  const ctx = app.services;
  const pending = new Set<Promise<unknown>>();
  pendingRequests.set(app, pending);
  app.addHook('onClose', async () => {
    await Promise.allSettled([...pending]);
  });

  /** Looks the address up only after the answer is on its way: known and unknown addresses take the same time. */
  const handleForgotLater = (email: string, origin: string, send: ResetMailer) => {
    const work = (async () => {
      const key = await app.limiter.clientKey(`reset-mail:${email}`);
      if ((await app.limiter.hit(key, 60 * 60_000)).count > RESET_MAILS_PER_HOUR) return;
      await requestResetByEmail(ctx, email, origin, send);
    })().catch((error: unknown) => {
      // No address, no message text (it could quote one): only what kind of failure it was.
      app.log.error({ errorName: error instanceof Error ? error.name : typeof error }, 'password reset request failed');
    });
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  return [
    defineRoute({
      method: 'GET',
      url: '/api/auth/password-reset',
      summary: 'Whether "forgot password" works by e-mail on this server (else an admin gives a reset link)',
      tags: ['session'],
      auth: 'public',
      response: passwordResetOptionsView,
      handler: async () => ({ byMail: mailer !== undefined }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/forgot-password',
      summary: 'Ask for a one-time link (an hour) to choose a new password; the answer is the same whether the address is known or not',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      body: forgotPasswordInput,
      response: okView,
      handler: async ({ body, req }) => {
        if (!mailer) throw new AppError('conflict', { code: 'accounts.no_mail' });
        handleForgotLater(body.email, requirePublicOrigin(ctx.config, req), mailer);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/reset-password',
      summary: 'Choose a new password with a reset link: works once, for an hour; ends every session of the person',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      body: resetPasswordInput,
      response: okView,
      handler: async ({ body }) => {
        // An unknown or used link counts as a guess (like an invitation token).
        const userId = await app.limiter.guarded('password-reset', undefined, () => resetWithLink(ctx, body.token, body.newPassword));
        if (!userId) throw invalidLink();
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/password',
      summary: 'Change your password: the current one is asked; every other session of yours ends',
      tags: ['session'],
      auth: 'user',
      body: changePasswordInput,
      response: endedSessionsView,
      handler: async ({ actor, body, req }) => ({ ended: await changePassword(ctx, actor, req.sessionToken ?? '', body, app.signInThrottle) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me/sessions',
      summary: 'Your sessions that still work: browser and system, first and last day of use, which one is this one',
      tags: ['session'],
      auth: 'user',
      response: sessionListView,
      handler: async ({ actor, req }) => ({ sessions: await listOwnSessions(ctx, actor, req.sessionToken) }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/me/sessions/:sessionId',
      summary: 'End one of your sessions (signs that device out)',
      tags: ['session'],
      auth: 'user',
      params: sessionParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await endOwnSession(ctx, actor, params.sessionId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/sessions/end-others',
      summary: 'End every session of yours except this one',
      tags: ['session'],
      auth: 'user',
      response: endedSessionsView,
      handler: async ({ actor, req }) => ({ ended: await endOtherOwnSessions(ctx, actor, req.sessionToken ?? '') }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/members/:userId/password-reset',
      summary: 'Send a member a link to choose a new password; without e-mail the admin gets the link to hand over, once (never the password)',
      tags: ['members'],
      auth: 'user',
      policy: 'members.manage',
      params: memberParams,
      response: adminResetView,
      handler: async ({ actor, params, req }) =>
        startResetAsAdmin(ctx, actor, { organisationId: params.orgId, userId: params.userId, origin: requirePublicOrigin(ctx.config, req), mailer }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/members/:userId/sessions',
      summary: "End all of a member's sessions: they are signed out everywhere",
      tags: ['members'],
      auth: 'user',
      policy: 'members.manage',
      params: memberParams,
      response: endedSessionsView,
      handler: async ({ actor, params }) => ({ ended: await endSessionsAsAdmin(ctx, actor, params.orgId, params.userId) }),
    }),
  ];
}
