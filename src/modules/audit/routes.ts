import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { organisationParams } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { auditListQuery, auditListView, auditVerifyView } from './model.ts';
import { exportAuditCsv, listAudit, verifyAudit } from './service.ts';

export function auditRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/audit',
      summary: 'The audit trail of the organisation, newest first',
      tags: ['audit'],
      auth: 'user',
      policy: 'audit.view',
      params: organisationParams,
      query: auditListQuery,
      response: auditListView,
      handler: async ({ actor, params, query }) => listAudit(ctx, actor, params.orgId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/audit.csv',
      summary: 'The whole audit trail as CSV (the export itself is audited)',
      tags: ['audit'],
      auth: 'user',
      policy: 'audit.view',
      params: organisationParams,
      response: { contentType: 'text/csv' },
      handler: async ({ actor, params, reply }) => {
        const rows = exportAuditCsv(ctx, actor, params.orgId);
        // Pull the first chunk here so a refused request still becomes a normal JSON error.
        const first = await rows.next();
        async function* all() {
          if (!first.done) yield first.value;
          yield* rows;
        }
        return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="auditlog.csv"').send(Readable.from(all()));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/audit/verify',
      summary: "Check that no entry of the organisation's audit trail was changed, removed or inserted (the hash chain)",
      tags: ['audit'],
      auth: 'user',
      policy: 'audit.view',
      params: organisationParams,
      response: auditVerifyView,
      handler: async ({ actor, params }) => verifyAudit(ctx, actor, params.orgId),
    }),
  ];
}
