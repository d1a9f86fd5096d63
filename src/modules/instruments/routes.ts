import type { FastifyInstance } from 'fastify';
import { organisationParams } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import {
  builtinInstrumentListView,
  createInstrumentInput,
  instrumentDetailView,
  instrumentListView,
  instrumentParams,
  instrumentVersionParams,
  saveDraftInput,
  versionView,
} from './model.ts';
import * as service from './service.ts';

export function instrumentRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/instruments/builtin',
      summary: 'The built-in instruments (the two forms of "Cocreatie in beeld"), with their framework options written out',
      tags: ['instruments'],
      auth: 'user',
      response: builtinInstrumentListView,
      handler: async () => ({ instruments: service.listBuiltinInstruments() }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/instruments',
      summary: "The built-in instruments and the organisation's own, with their latest published version and draft",
      tags: ['instruments'],
      auth: 'user',
      policy: 'instruments.view',
      params: organisationParams,
      response: instrumentListView,
      handler: async ({ actor, params }) => ({ instruments: await service.listInstruments(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/instruments',
      summary: 'Create an instrument, empty or as a copy of a built-in form; it starts as draft version 1',
      tags: ['instruments'],
      auth: 'user',
      policy: 'instruments.manage',
      params: organisationParams,
      body: createInstrumentInput,
      response: instrumentDetailView,
      handler: async ({ actor, params, body }) => service.createInstrument(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/instruments/:instrumentId',
      summary: 'An instrument and its versions',
      tags: ['instruments'],
      auth: 'user',
      policy: 'instruments.view',
      params: instrumentParams,
      response: instrumentDetailView,
      handler: async ({ actor, params }) => service.getInstrument(ctx, actor, params.orgId, params.instrumentId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/instruments/:instrumentId/draft',
      summary: 'Start editing: the draft, or a new draft (next version) from the latest published version',
      tags: ['instruments'],
      auth: 'user',
      policy: 'instruments.manage',
      params: instrumentParams,
      response: versionView,
      handler: async ({ actor, params }) => service.startDraft(ctx, actor, params.orgId, params.instrumentId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/instruments/:instrumentId/versions/:version',
      summary: 'One version of an instrument with its definition',
      tags: ['instruments'],
      auth: 'user',
      policy: 'instruments.view',
      params: instrumentVersionParams,
      response: versionView,
      handler: async ({ actor, params }) => service.getVersion(ctx, actor, params.orgId, params.instrumentId, params.version),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/instruments/:instrumentId/versions/:version',
      summary: 'Save the definition of a draft (400 with a message per field when it is not valid; 409 when the version is published)',
      tags: ['instruments'],
      auth: 'user',
      policy: 'instruments.manage',
      params: instrumentVersionParams,
      body: saveDraftInput,
      response: versionView,
      handler: async ({ actor, params, body }) =>
        service.saveDraft(ctx, actor, {
          organisationId: params.orgId,
          instrumentId: params.instrumentId,
          version: params.version,
          rawDefinition: body.definition,
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/instruments/:instrumentId/versions/:version/publish',
      summary: 'Publish a draft; from then on it never changes',
      tags: ['instruments'],
      auth: 'user',
      policy: 'instruments.manage',
      params: instrumentVersionParams,
      response: versionView,
      handler: async ({ actor, params }) => service.publishVersion(ctx, actor, params.orgId, params.instrumentId, params.version),
    }),
  ];
}
