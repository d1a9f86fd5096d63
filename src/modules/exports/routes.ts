import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServiceContext } from '../../core/context.ts';
import type { PolicyName } from '../../core/policy.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { reportParams } from '../analysis/model.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { exportQuery } from './model.ts';
import { type ExportFile, exportForActor } from './service.ts';

/** Streams the file: the reply reads the body as fast as the client takes it (backpressure). */
function send(reply: FastifyReply, file: ExportFile) {
  return reply
    .type(file.contentType)
    .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
    .header('X-Total-Rows', String(file.totalRows))
    .header('Access-Control-Expose-Headers', 'X-Total-Rows, Content-Disposition')
    .header('Cache-Control', 'no-store')
    .send(file.body);
}

/** One export route: the full data or the report's tables alone, in any of the export formats. */
function exportRoute(ctx: ServiceContext, source: InstrumentSource, spec: { url: string; summary: string; policy: PolicyName; tablesOnly: boolean }) {
  return defineRoute({
    method: 'GET',
    url: spec.url,
    summary: spec.summary,
    tags: ['exports'],
    auth: 'user',
    policy: spec.policy,
    params: reportParams.pick({ orgId: true, roundId: true }),
    query: exportQuery,
    response: { contentType: 'application/octet-stream' },
    handler: async ({ actor, params, query, reply }) =>
      send(
        reply,
        await exportForActor(ctx, source, actor, {
          organisationId: params.orgId,
          roundId: params.roundId,
          request: {
            format: query.format,
            lang: query.lang ?? actor.language,
            tablesOnly: spec.tablesOnly,
            dutchExcel: query.dutchExcel,
            crossTabs: query.crosstab ?? [],
          },
        }),
      ),
  });
}

export function exportRoutes(app: FastifyInstance, source: InstrumentSource): AnyRoute[] {
  const ctx = app.services;
  return [
    exportRoute(ctx, source, {
      url: '/api/orgs/:orgId/rounds/:roundId/export',
      summary:
        'The responses of a round, one case per response, with names, labels and codes, as SPSS (.sav), Excel, CSV + codebook (zip), JSON or CSV + R script (zip). Only with raw-data rights; no tokens, codes or times; random order; open text only when the round allows it. Streamed; X-Total-Rows says how many cases. Audited',
      policy: 'reports.raw',
      tablesOnly: false,
    }),
    exportRoute(ctx, source, {
      url: '/api/orgs/:orgId/rounds/:roundId/export/tables',
      summary:
        "The report's tables alone (counts and percentages, no responses) in the same formats, with small counts hidden exactly as the report hides them for this person. Audited",
      policy: 'reports.view',
      tablesOnly: true,
    }),
  ];
}
