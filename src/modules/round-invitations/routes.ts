import type { FastifyInstance } from 'fastify';
import { notFound } from '../../core/errors.ts';
import { okView } from '../../core/schemas.ts';
import { requirePublicOrigin } from '../../http/public-origin.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import { takeUploadAllowance } from '../uploads/service.ts';
import { getLogo, LOGO_CONTENT_TYPE, LOGO_MAX_BYTES, publicLogoBytes, removeLogo, setLogo } from './logo.ts';
import {
  brandingInput,
  brandingParams,
  brandingView,
  invitationSummary,
  inviteInput,
  inviteResult,
  logoView,
  remindersInput,
  roundParams,
  targetsInput,
} from './model.ts';
import { getBranding, inviteToRound, setBranding, setReminders, setTargets, invitationSummary as summaryOf } from './service.ts';

export function roundInvitationRoutes(app: FastifyInstance, storage: PhotoStorage, uploadsPerHour: number): AnyRoute[] {
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
      handler: async ({ actor, params, body, req }) =>
        inviteToRound(ctx, actor, { organisationId: params.orgId, roundId: params.roundId, input: body, origin: requirePublicOrigin(ctx.config, req) }),
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
      response: okView,
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
      response: okView,
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
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/branding/logo',
      summary:
        "Add or replace the organisation's logo on its respondent form: the raw image bytes as the body (image/jpeg, image/png, image/webp, at most 2 MB). Checked by content, re-encoded, fitted inside 400 × 160 and stripped of all metadata",
      tags: ['organisations'],
      auth: 'user',
      policy: 'organisation.manage',
      bodyLimit: LOGO_MAX_BYTES,
      params: brandingParams,
      response: logoView,
      handler: async ({ actor, params, req }) => {
        await takeUploadAllowance(ctx, actor.userId, 'photo', uploadsPerHour);
        return setLogo(ctx, storage, actor, params.orgId, Buffer.isBuffer(req.body) ? req.body : undefined);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/branding/logo',
      summary: "The organisation's logo (the same image the respondent form shows)",
      tags: ['organisations'],
      auth: 'user',
      policy: 'organisation.view',
      params: brandingParams,
      response: { contentType: LOGO_CONTENT_TYPE },
      handler: async ({ actor, params, reply }) => {
        if (!(await getLogo(ctx, actor, params.orgId))) throw notFound();
        const bytes = await publicLogoBytes(ctx.db, storage, params.orgId);
        if (!bytes) throw notFound();
        return reply.type(LOGO_CONTENT_TYPE).header('Cache-Control', 'private, no-store').send(bytes);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/branding/logo',
      summary: "Remove the organisation's logo",
      tags: ['organisations'],
      auth: 'user',
      policy: 'organisation.manage',
      params: brandingParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await removeLogo(ctx, storage, actor, params.orgId);
        return { ok: true as const };
      },
    }),
  ];
}
