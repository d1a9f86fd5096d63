import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { requirePublicOrigin } from '../../http/public-origin.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import {
  brandingInput,
  brandingParams,
  brandingView,
  invitationSummary,
  inviteInput,
  inviteResult,
  remindersInput,
  roundParams,
  targetsInput,
} from './model.ts';
import { getBranding, inviteToRound, setBranding, setReminders, setTargets, invitationSummary as summaryOf } from './service.ts';

const done = z.object({ ok: z.literal(true) });

export function roundInvitationRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/rounds/:roundId/invitations',
      summary: "A round's personal invitations: how many, how many used (small counts hidden), reminder days, targets per link",
      tags: ['rounds'],
      auth: 'user',
      policy: 'rounds.view',
      params: roundParams,
      response: invitationSummary,
      handler: async ({ actor, params }) => summaryOf(ctx, actor, params.orgId, params.roundId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/rounds/:roundId/invitations',
      summary: 'Invite a pasted list or CSV text of e-mail addresses: each gets a personal one-time link to the anonymous form (needs SMTP)',
      tags: ['rounds'],
      auth: 'user',
      policy: 'rounds.invite',
      params: roundParams,
      body: inviteInput,
      response: inviteResult,
      handler: async ({ actor, params, body, req }) => inviteToRound(ctx, actor, params.orgId, params.roundId, body, requirePublicOrigin(ctx.config, req)),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/rounds/:roundId/reminders',
      summary: 'The days a reminder goes to invited people who have not used their link',
      tags: ['rounds'],
      auth: 'user',
      policy: 'rounds.invite',
      params: roundParams,
      body: remindersInput,
      response: done,
      handler: async ({ actor, params, body }) => {
        await setReminders(ctx, actor, params.orgId, params.roundId, body.dates);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/rounds/:roundId/targets',
      summary: 'A target number of complete responses per link (team) of a round',
      tags: ['rounds'],
      auth: 'user',
      policy: 'rounds.invite',
      params: roundParams,
      body: targetsInput,
      response: done,
      handler: async ({ actor, params, body }) => {
        await setTargets(ctx, actor, params.orgId, params.roundId, body.targets);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/branding',
      summary: "The organisation's colour on its respondent form and e-mails",
      tags: ['organisations'],
      auth: 'user',
      policy: 'organisation.view',
      params: brandingParams,
      response: brandingView,
      handler: async ({ actor, params }) => getBranding(ctx, actor, params.orgId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/branding',
      summary: "Set the organisation's colour (refused when white text on it has less than 4.5 : 1 contrast)",
      tags: ['organisations'],
      auth: 'user',
      policy: 'organisation.manage',
      params: brandingParams,
      body: brandingInput,
      response: brandingView,
      handler: async ({ actor, params, body }) => setBranding(ctx, actor, params.orgId, body.colour),
    }),
  ];
}
