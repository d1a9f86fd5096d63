import type { FastifyInstance } from 'fastify';
import { organisationParams } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { mailEnabled } from '../mail/service.ts';
import { inboxCountView, inboxView, markedReadView, markReadInput, preferencesInput, preferencesView } from './model.ts';
import { emailPreferenceOf, inbox, inboxCount, markRead, setEmailPreference } from './service.ts';

export function notificationRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  const mailAvailable = () => mailEnabled(ctx.config);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/inbox',
      summary: 'What waits for me (worked out from now: a charter to sign, a theme to check, an open round …) and my notifications with their history',
      tags: ['notifications'],
      auth: 'user',
      policy: 'organisation.view',
      params: organisationParams,
      response: inboxView,
      handler: async ({ actor, params }) => inbox(ctx, actor, params.orgId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/inbox/count',
      summary: "The header's badge: how many things wait for me plus my unread notifications",
      tags: ['notifications'],
      auth: 'user',
      policy: 'organisation.view',
      params: organisationParams,
      response: inboxCountView,
      handler: async ({ actor, params }) => inboxCount(ctx, actor, params.orgId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/inbox/read',
      summary: 'Mark some of my notifications as read (ids), or all of them',
      tags: ['notifications'],
      auth: 'user',
      policy: 'organisation.view',
      params: organisationParams,
      body: markReadInput,
      response: markedReadView,
      handler: async ({ actor, params, body }) => markRead(ctx, actor, params.orgId, body.ids),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/me/notification-preferences',
      summary: 'How I want to hear by e-mail what waits for me: right away, a daily or weekly digest, or never',
      tags: ['notifications'],
      auth: 'user',
      response: preferencesView,
      handler: async ({ actor }) => ({ email: await emailPreferenceOf(ctx, actor.userId), mailAvailable: mailAvailable() }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      summary: 'Choose how I hear by e-mail what waits for me',
      tags: ['notifications'],
      auth: 'user',
      body: preferencesInput,
      response: preferencesView,
      handler: async ({ actor, body }) => ({ email: await setEmailPreference(ctx, actor, body.email), mailAvailable: mailAvailable() }),
    }),
  ];
}
