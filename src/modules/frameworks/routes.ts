import type { FastifyInstance } from 'fastify';
import { organisationParams } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { frameworkListView, frameworkVersionParams, frameworkView, saveFrameworkInput } from './model.ts';
import * as service from './service.ts';

export function frameworkRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/frameworks',
      summary: 'The built-in frameworks (code lists with Dutch and English labels), every version',
      tags: ['frameworks'],
      auth: 'public',
      response: frameworkListView,
      handler: async () => ({ frameworks: service.listBuiltinFrameworks() }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/frameworks',
      summary: "The built-in frameworks and the organisation's own, latest version of each",
      tags: ['frameworks'],
      auth: 'user',
      policy: 'organisation.view',
      params: organisationParams,
      response: frameworkListView,
      handler: async ({ actor, params }) => ({ frameworks: await service.listFrameworks(ctx, actor, params.orgId) }),
    }),
    // Listed before the version route: the route-matrix test reads the version its POST sample made.
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/frameworks',
      summary: 'Save a new version of an organisation framework, or extend a built-in one with own codes',
      tags: ['frameworks'],
      auth: 'user',
      policy: 'frameworks.manage',
      params: organisationParams,
      body: saveFrameworkInput,
      response: frameworkView,
      handler: async ({ actor, params, body }) => service.saveFramework(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/frameworks/:key/versions/:version',
      summary: "One version of a framework: the organisation's own under this key, otherwise the built-in one",
      tags: ['frameworks'],
      auth: 'user',
      policy: 'organisation.view',
      params: frameworkVersionParams,
      response: frameworkView,
      handler: async ({ actor, params }) => service.getFramework(ctx, actor, params.orgId, params.key, params.version),
    }),
  ];
}
