import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { AppError } from '../../core/errors.ts';
import { organisationParams } from '../../core/schemas.ts';
import { requirePublicOrigin } from '../../http/public-origin.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import type { InstrumentSource } from './instrument-source.ts';
import {
  createRoundInput,
  roundDetailView,
  roundListView,
  roundParams,
  roundTokenSchema,
  roundView,
  sharedResultListView,
  submissionAck,
  submissionInput,
  updateRoundInput,
} from './model.ts';
import { openLink, submitWhole } from './respondent.ts';
import { listResults } from './results-service.ts';
import { createRound, getRound, listRounds, updateRound } from './service.ts';

export function roundRoutes(app: FastifyInstance, source: InstrumentSource): AnyRoute[] {
  const ctx = app.services;
  const baseUrl = (req: FastifyRequest) => requirePublicOrigin(ctx.config, req);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/rounds',
      summary: 'Collection rounds of the organisation with their response counts',
      tags: ['rounds'],
      auth: 'user',
      policy: 'rounds.view',
      params: organisationParams,
      response: roundListView,
      handler: async ({ actor, params }) => ({ rounds: await listRounds(ctx, source, actor, params.orgId) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/results',
      summary:
        "Rounds whose results I may read: for a member, the organisation's and their teams' rounds that share their results; for those who run rounds, every round",
      tags: ['rounds'],
      auth: 'user',
      policy: 'reports.view',
      params: organisationParams,
      response: sharedResultListView,
      handler: async ({ actor, params }) => ({ results: await listResults(ctx, source, actor, params.orgId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/rounds',
      summary: 'Open a round of a published instrument, with one link for the organisation and/or one per team',
      tags: ['rounds'],
      auth: 'user',
      policy: 'rounds.manage',
      params: organisationParams,
      body: createRoundInput,
      response: roundView,
      handler: async ({ actor, params, body }) => createRound(ctx, source, actor, params.orgId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/rounds/:roundId',
      summary: 'A round with its links, QR codes and response counts',
      tags: ['rounds'],
      auth: 'user',
      policy: 'rounds.view',
      params: roundParams,
      response: roundDetailView,
      handler: async ({ actor, params, req }) => getRound(ctx, source, actor, { organisationId: params.orgId, roundId: params.roundId, baseUrl: baseUrl(req) }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/orgs/:orgId/rounds/:roundId',
      summary: 'Change the closing date, or close or reopen a round',
      tags: ['rounds'],
      auth: 'user',
      policy: 'rounds.manage',
      params: roundParams,
      body: updateRoundInput,
      response: roundView,
      handler: async ({ actor, params, body }) => updateRound(ctx, source, actor, { organisationId: params.orgId, roundId: params.roundId, changes: body }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/r/:token/responses',
      summary:
        'Hand in a whole response at once (anonymous; idempotent on responseId, an existing id stores nothing and is answered the same; answered only after the commit)',
      tags: ['respondents'],
      auth: 'public',
      rateLimit: 'respondent',
      params: z.strictObject({ token: roundTokenSchema }),
      body: submissionInput,
      response: submissionAck,
      handler: async ({ params, body }) => {
        const link = await openLink(ctx, source, params.token);
        if (!link) throw new AppError('not_found');
        await submitWhole(ctx, link, body);
        return { responseId: body.responseId, status: 'complete' as const };
      },
    }),
  ];
}
