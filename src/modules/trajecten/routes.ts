import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { okView, organisationParams } from '../../core/schemas.ts';
import { requirePublicOrigin } from '../../http/public-origin.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import * as agreements from './agreements-service.ts';
import * as checks from './checks-service.ts';
import * as dialogue from './dialogue-service.ts';
import {
  agreementParams,
  comparisonCheckView,
  contributionInput,
  createdView,
  createTrajectoryInput,
  mandateInput,
  memberParams,
  openCheckInput,
  positionInput,
  questionParams,
  reviewInput,
  rolesInput,
  saveAgreementInput,
  supportInput,
  supportParams,
  trajectoryDetailView,
  trajectoryListView,
  trajectoryParams,
  updateTrajectoryInput,
  viewInput,
} from './model.ts';
import * as service from './service.ts';
import * as team from './team-service.ts';

/** The trajectory itself and what the team writes in it. Intervision and the charter have their own files. */
export function trajectoryRoutes(app: FastifyInstance, source: InstrumentSource): AnyRoute[] {
  const ctx = app.services;
  // Where the team's check links point: the configured address, or the one this request came to.
  const baseUrl = (req: FastifyRequest) => requirePublicOrigin(ctx.config, req);
  const base = { tags: ['trajecten'], auth: 'user' as const, policy: 'trajecten.use' as const };
  return [
    defineRoute({
      ...base,
      method: 'GET',
      url: '/api/orgs/:orgId/trajectories',
      summary: "The trajectories the person may see (their teams'; all for coordinators and admins), with phase, open points, reviews due and charter state",
      params: organisationParams,
      response: trajectoryListView,
      handler: async ({ actor, params }) => service.listTrajectories(ctx, actor, params.orgId),
    }),
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories',
      summary: 'Start a trajectory for a team (a member of the team, or a coordinator or admin)',
      params: organisationParams,
      body: createTrajectoryInput,
      response: trajectoryDetailView,
      handler: async ({ actor, params, body }) => service.createTrajectory(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      ...base,
      method: 'GET',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId',
      summary: 'Everything in a trajectory: phases, agreements, knowledge matrix, roles, dialogue, support, checks, open points, charter state',
      params: trajectoryParams,
      response: trajectoryDetailView,
      handler: async ({ actor, params, req }) => service.getTrajectory(ctx, actor, params.orgId, params.trajectoryId, baseUrl(req)),
    }),
    defineRoute({
      ...base,
      method: 'PATCH',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId',
      summary: 'Change the title, the phase (forward or back) or the context (who, sector, logics)',
      params: trajectoryParams,
      body: updateTrajectoryInput,
      response: trajectoryDetailView,
      handler: async ({ actor, params, body }) => service.updateTrajectory(ctx, actor, params.orgId, params.trajectoryId, body),
    }),
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/agreements',
      summary: "Save a topic's agreement (written over when it exists) or add an explicit choice, with owner and review date",
      params: trajectoryParams,
      body: saveAgreementInput,
      response: createdView,
      handler: async ({ actor, params, body }) =>
        agreements.saveAgreement(ctx, actor, { organisationId: params.orgId, trajectoryId: params.trajectoryId, input: body }),
    }),
    defineRoute({
      ...base,
      method: 'PUT',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/agreements/:agreementId',
      summary: 'Change an agreement or a choice',
      params: agreementParams,
      body: saveAgreementInput,
      response: createdView,
      handler: async ({ actor, params, body }) =>
        agreements.saveAgreement(ctx, actor, { organisationId: params.orgId, trajectoryId: params.trajectoryId, input: body, agreementId: params.agreementId }),
    }),
    defineRoute({
      ...base,
      method: 'DELETE',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/agreements/:agreementId',
      summary: 'Remove an agreement or a choice',
      params: agreementParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await agreements.deleteAgreement(ctx, actor, params.orgId, params.trajectoryId, params.agreementId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/agreements/:agreementId/reviews',
      summary: 'Review an agreement, with evidence (a team-check round; stories and signals as references) and the next review date',
      params: agreementParams,
      body: reviewInput,
      response: createdView,
      handler: async ({ actor, params, body }) =>
        agreements.reviewAgreement(ctx, actor, {
          organisationId: params.orgId,
          trajectoryId: params.trajectoryId,
          agreementId: params.agreementId,
          input: body,
        }),
    }),
    defineRoute({
      ...base,
      method: 'PUT',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/contribution',
      summary: 'What the signed-in team member brings: experiential knowledge (and from which positions), professional knowledge, other',
      params: trajectoryParams,
      body: contributionInput,
      response: okView,
      handler: async ({ actor, params, body }) => {
        await team.saveContribution(ctx, actor, params.orgId, params.trajectoryId, body);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...base,
      method: 'PUT',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/roles',
      summary: 'Who takes which of the nine roles, with how many hours a week (the whole list)',
      params: trajectoryParams,
      body: rolesInput,
      response: okView,
      handler: async ({ actor, params, body }) => {
        await team.saveRoles(ctx, actor, params.orgId, params.trajectoryId, body);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...base,
      method: 'PUT',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/mandates/:userId',
      summary: 'Status and mandate of an experience worker in the team: what they may decide and sign',
      params: memberParams,
      body: mandateInput,
      response: okView,
      handler: async ({ actor, params, body }) => {
        await team.saveMandate(ctx, actor, { organisationId: params.orgId, trajectoryId: params.trajectoryId, userId: params.userId, input: body });
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/support',
      summary: 'Add a support arrangement (coaching, intervision, supervision, training): how often, by whom, for whom',
      params: trajectoryParams,
      body: supportInput,
      response: createdView,
      handler: async ({ actor, params, body }) => team.addSupport(ctx, actor, params.orgId, params.trajectoryId, body),
    }),
    defineRoute({
      ...base,
      method: 'DELETE',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/support/:supportId',
      summary: 'Remove a support arrangement',
      params: supportParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await team.deleteSupport(ctx, actor, params.orgId, params.trajectoryId, params.supportId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...base,
      method: 'PUT',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/equal-position/:questionKey/view',
      summary: "The signed-in member's own view on an equal-position question (views stay side by side)",
      params: questionParams,
      body: viewInput,
      response: okView,
      handler: async ({ actor, params, body }) => {
        await dialogue.saveView(ctx, actor, {
          organisationId: params.orgId,
          trajectoryId: params.trajectoryId,
          questionKey: params.questionKey,
          view: body.view,
        });
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...base,
      method: 'PUT',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/equal-position/:questionKey/position',
      summary: "The team's position on an equal-position question, with the reason",
      params: questionParams,
      body: positionInput,
      response: okView,
      handler: async ({ actor, params, body }) => {
        await dialogue.savePosition(ctx, actor, {
          organisationId: params.orgId,
          trajectoryId: params.trajectoryId,
          questionKey: params.questionKey,
          input: body,
        });
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/checks',
      summary: 'Open the team check (start or end): the built-in instrument is published once and a round opened for the team',
      params: trajectoryParams,
      body: openCheckInput,
      response: z.object({ roundId: z.string() }),
      handler: async ({ actor, params, body }) =>
        checks.openCheck(ctx, source, actor, { organisationId: params.orgId, trajectoryId: params.trajectoryId, input: body }),
    }),
    defineRoute({
      ...base,
      method: 'GET',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/checks/comparison',
      summary: 'The team check at the start and at the end side by side, with the analysis rules for small numbers',
      params: trajectoryParams,
      response: comparisonCheckView,
      handler: async ({ actor, params }) => checks.compareChecks(ctx, source, actor, params.orgId, params.trajectoryId),
    }),
  ];
}
