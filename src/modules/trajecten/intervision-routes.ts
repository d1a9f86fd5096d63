import type { FastifyInstance } from 'fastify';
import { okView } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import * as intervision from './intervision-service.ts';
import {
  createdView,
  notesInput,
  planSessionInput,
  sessionDetailView,
  sessionParams,
  sessionStepParams,
  themeInput,
  trajectoryParams,
  updateSessionInput,
} from './model.ts';

export function intervisionRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  const base = { tags: ['trajecten'], auth: 'user' as const, policy: 'trajecten.use' as const };
  return [
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/intervision',
      summary: 'Plan an intervision session: method (incident or five-step), date, facilitator, presenter and participants from the team',
      params: trajectoryParams,
      body: planSessionInput,
      response: createdView,
      handler: async ({ actor, params, body }) => intervision.planSession(ctx, actor, params.orgId, params.trajectoryId, body),
    }),
    defineRoute({
      ...base,
      method: 'GET',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/intervision/:sessionId',
      summary: "A session with its notes: for the session's participants only",
      params: sessionParams,
      response: sessionDetailView,
      handler: async ({ actor, params }) => intervision.getSession(ctx, actor, params.orgId, params.trajectoryId, params.sessionId),
    }),
    defineRoute({
      ...base,
      method: 'PATCH',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/intervision/:sessionId',
      summary: 'Move the session to another step, or start or close it (participants)',
      params: sessionParams,
      body: updateSessionInput,
      response: sessionDetailView,
      handler: async ({ actor, params, body }) =>
        intervision.updateSession(ctx, actor, { organisationId: params.orgId, trajectoryId: params.trajectoryId, sessionId: params.sessionId, input: body }),
    }),
    defineRoute({
      ...base,
      method: 'PUT',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/intervision/:sessionId/notes/:step',
      summary: "The participants' notes for one step (never shown to anyone else)",
      params: sessionStepParams,
      body: notesInput,
      response: okView,
      handler: async ({ actor, params, body }) => {
        await intervision.saveNotes(ctx, actor, {
          organisationId: params.orgId,
          trajectoryId: params.trajectoryId,
          sessionId: params.sessionId,
          step: params.step,
          text: body.text,
        });
        return { ok: true as const };
      },
    }),
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/intervision/:sessionId/themes',
      summary: 'Share a theme from the session with the whole team (participants choose what to share)',
      params: sessionParams,
      body: themeInput,
      response: createdView,
      handler: async ({ actor, params, body }) =>
        intervision.shareTheme(ctx, actor, { organisationId: params.orgId, trajectoryId: params.trajectoryId, sessionId: params.sessionId, theme: body.theme }),
    }),
  ];
}
