import type { FastifyInstance } from 'fastify';
import { organisationParams } from '../../core/schemas.ts';
import { requirePublicOrigin } from '../../http/public-origin.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { beginSession } from '../../http/session.ts';
import { ssoCallbackQuery, ssoSettingsInput, ssoSettingsView, ssoStartInput, ssoStartView } from './model.ts';
import { CALLBACK_PATH, saveSsoSettings, ssoSettings } from './settings-service.ts';
import { finishSsoSignIn, startSsoSignIn } from './sign-in-service.ts';

/** Binds the provider's answer to the browser that started the sign-in (against login CSRF). */
export const SSO_COOKIE = 'kb_sso';
const cookieOptions = { path: '/api/auth/sso', httpOnly: true, sameSite: 'lax', secure: 'auto' } as const;

export function ssoRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/sso',
      summary: "The organisation's single sign-on (OpenID Connect) settings; the client secret is never returned",
      tags: ['single sign-on'],
      auth: 'user',
      policy: 'organisation.manage',
      params: organisationParams,
      response: ssoSettingsView,
      handler: async ({ actor, params, req }) => ssoSettings(ctx, actor, params.orgId, requirePublicOrigin(ctx.config, req)),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/sso',
      summary: 'Set the single sign-on provider, client, e-mail domains and how accounts are linked (the secret is stored sealed; audited)',
      tags: ['single sign-on'],
      auth: 'user',
      policy: 'organisation.manage',
      params: organisationParams,
      body: ssoSettingsInput,
      response: ssoSettingsView,
      handler: async ({ actor, params, body, req }) => saveSsoSettings(ctx, actor, params.orgId, body, requirePublicOrigin(ctx.config, req)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/sso/start',
      summary: "Start signing in through the provider of the e-mail address's organisation: answers the address to go to",
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      body: ssoStartInput,
      response: ssoStartView,
      handler: async ({ body, req, reply }) => {
        const redirectUri = `${requirePublicOrigin(ctx.config, req)}${CALLBACK_PATH}`;
        const started = await startSsoSignIn(ctx, { email: body.email, next: body.next, redirectUri, language: req.lang });
        reply.setCookie(SSO_COOKIE, started.browserSecret, { ...cookieOptions, maxAge: 600 });
        return { redirectUrl: started.redirectUrl };
      },
    }),
    defineRoute({
      method: 'GET',
      url: CALLBACK_PATH,
      summary: 'Where the provider sends the browser back: signs in and goes on, or goes to the login page with the reason',
      tags: ['session'],
      auth: 'public',
      rateLimit: 'login',
      query: ssoCallbackQuery,
      response: { contentType: 'text/html' },
      handler: async ({ query, req, reply }) => {
        const origin = requirePublicOrigin(ctx.config, req);
        const outcome = await finishSsoSignIn(ctx, {
          callbackUrl: new URL(req.url, origin),
          state: query.state,
          providerError: query.error,
          browserSecret: req.cookies[SSO_COOKIE],
          language: req.lang,
        });
        reply.clearCookie(SSO_COOKIE, cookieOptions);
        reply.header('Cache-Control', 'no-store');
        if (!outcome.ok) return reply.redirect(`/login?sso=${outcome.failure}`, 303);
        await beginSession(app, req, reply, outcome.userId);
        return reply.redirect(outcome.next, 303);
      },
    }),
  ];
}
