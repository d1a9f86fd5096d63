import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { organisationParams } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import {
  memberCheckInput,
  notificationListView,
  overviewQuery,
  overviewView,
  raiseSignalInput,
  signalListQuery,
  signalListView,
  signalParams,
  signalReportView,
  signalView,
  stepInput,
} from './model.ts';
import { listNotifications, markNotificationsRead } from './notifications.ts';
import { overview, signalReport } from './reporting.ts';
import * as service from './service.ts';

export function signalRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/signals',
      summary: 'The signals this person may see (?mine=1: the ones they raised)',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.view',
      params: organisationParams,
      query: signalListQuery,
      response: signalListView,
      handler: async ({ actor, params, query }) => ({
        signals: await service.listSignals(ctx, actor, params.orgId, { mine: query.mine === '1', status: query.status }),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/signals',
      summary: 'Raise a signal (or propose a theme from coded stories for member checking)',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.raise',
      params: organisationParams,
      body: raiseSignalInput,
      response: signalView,
      handler: async ({ actor, params, body }) => service.raiseSignal(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/signals/overview',
      summary: 'For those who handle signals: counts per status and the signals waiting too long (?days=)',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.handle',
      params: organisationParams,
      query: overviewQuery,
      response: overviewView,
      handler: async ({ actor, params, query }) => overview(ctx, actor, params.orgId, query.days),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/signals/report',
      summary: 'Signals per theme and level for policy, small cells suppressed for those without raw rights',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.report',
      params: organisationParams,
      response: signalReportView,
      handler: async ({ actor, params }) => signalReport(ctx, actor, params.orgId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/signals/notifications',
      summary: 'What happened with my signals and the themes I was asked to check',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.view',
      params: organisationParams,
      response: notificationListView,
      handler: async ({ actor, params }) => listNotifications(ctx, actor, params.orgId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/signals/notifications/read',
      summary: 'Mark all my notifications as read',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.view',
      params: organisationParams,
      response: z.object({ marked: z.number().int() }),
      handler: async ({ actor, params }) => markNotificationsRead(ctx, actor, params.orgId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/signals/:signalId',
      summary: 'One signal with its steps, member checking and the linked stories this person may read',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.view',
      params: signalParams,
      response: signalView,
      handler: async ({ actor, params }) => service.getSignal(ctx, actor, params.orgId, params.signalId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/signals/:signalId/steps',
      summary: 'Move a signal one step on (discussed, passed on, taken up or not, feedback given)',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.handle',
      params: signalParams,
      body: stepInput,
      response: signalView,
      handler: async ({ actor, params, body }) => service.stepSignal(ctx, actor, params.orgId, params.signalId, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/signals/:signalId/member-checks',
      summary: 'Confirm, nuance or contest a theme before it becomes a signal (story authors and experience workers)',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.view',
      params: signalParams,
      body: memberCheckInput,
      response: signalView,
      handler: async ({ actor, params, body }) => service.addMemberCheck(ctx, actor, params.orgId, params.signalId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/signals/:signalId/export.md',
      summary: 'The signal as a Markdown document, with member checking and every step (audited)',
      tags: ['signals'],
      auth: 'user',
      policy: 'signals.view',
      params: signalParams,
      response: { contentType: 'text/markdown' },
      handler: async ({ actor, params, reply }) => {
        const { fileName, text } = await service.exportSignal(ctx, actor, params.orgId, params.signalId);
        return reply.type('text/markdown; charset=utf-8').header('Content-Disposition', `attachment; filename="${fileName}"`).send(text);
      },
    }),
  ];
}
