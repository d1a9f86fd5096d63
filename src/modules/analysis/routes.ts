import type { FastifyInstance } from 'fastify';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { organisationParams } from '../organisations/model.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { compareQuery, comparisonView, reportParams, reportQuery, reportView } from './model.ts';
import { compareRoundsReport, getReport } from './service.ts';

export function analysisRoutes(app: FastifyInstance, source: InstrumentSource): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/rounds/:roundId/report',
      summary:
        'The report of a round: a table per question. Members and coordinators see small counts hidden; researchers and admins see all (recorded in the audit log)',
      tags: ['analysis'],
      auth: 'user',
      policy: 'reports.view',
      params: reportParams,
      query: reportQuery,
      response: reportView,
      handler: async ({ actor, params, query }) => getReport(ctx, source, actor, params.orgId, params.roundId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/reports/compare',
      summary: 'Two rounds side by side on the questions they share (gap a − b in percentage points, with the largest gaps)',
      tags: ['analysis'],
      auth: 'user',
      policy: 'reports.view',
      params: organisationParams,
      query: compareQuery,
      response: comparisonView,
      handler: async ({ actor, params, query }) => compareRoundsReport(ctx, source, actor, params.orgId, query),
    }),
  ];
}
