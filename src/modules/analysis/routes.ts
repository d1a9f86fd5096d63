import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../core/context.ts';
import type { Language } from '../../core/language.ts';
import { PdfUnavailableError } from '../../core/pdf-printer.ts';
import { organisationParams } from '../../core/schemas.ts';
import { textOf } from '../../http/messages.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { compareRoundsReport } from './compare-service.ts';
import { crossTabsFor, getCrossTab } from './crosstab-service.ts';
import {
  compareQuery,
  comparisonView,
  crossTabQuery,
  crossTabView,
  reportFileQuery,
  reportParams,
  reportQuery,
  reportWithCrossTabsView,
  subgroupQuery,
  subgroupView,
  trendQuery,
  trendView,
} from './model.ts';
import { reportDocumentFor } from './report-files.ts';
import { footerTexts, renderReportHtml } from './report-html.tsx';
import { getReport } from './service.ts';
import { getSubgroup } from './subgroup-service.ts';
import { getTrend } from './trend-service.ts';

const fileName = (key: string, extension: string) => `rapport-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}.${extension}`;

export function analysisRoutes(app: FastifyInstance, source: InstrumentSource): AnyRoute[] {
  const ctx = app.services;
  const printer = app.pdfPrinter;
  /** The report of a round as the HTML and PDF downloads make it, with the same rights and hiding as the JSON report. */
  const reportFile = (
    actor: Actor,
    params: z.infer<typeof reportParams>,
    query: z.infer<typeof reportFileQuery> & { lang: Language },
    format: 'html' | 'pdf',
  ) =>
    reportDocumentFor(ctx, source, actor, {
      organisationId: params.orgId,
      roundId: params.roundId,
      options: { lang: query.lang, compare: query.compare, crossTabs: query.crosstab, format },
    });
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
      response: reportWithCrossTabsView,
      handler: async ({ actor, params, query }) => {
        const { crosstab, ...rest } = query;
        const report = await getReport(ctx, source, actor, { organisationId: params.orgId, roundId: params.roundId, query: rest });
        if (!crosstab?.length) return report;
        return {
          ...report,
          crossTabs: await crossTabsFor(ctx, source, actor, {
            organisationId: params.orgId,
            roundId: params.roundId,
            pairs: crosstab,
            options: { team: rest.team, lang: rest.lang },
          }),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/rounds/:roundId/crosstab',
      summary:
        'Two questions of a round cross-tabulated (counts, row and column percentages, chi-square or Fisher, Cramér’s V). Each row is the report filtered on that answer, with the same hiding of small counts; researchers and admins see all (recorded in the audit log)',
      tags: ['analysis'],
      auth: 'user',
      policy: 'reports.view',
      params: reportParams,
      query: crossTabQuery,
      response: crossTabView,
      handler: async ({ actor, params, query }) => getCrossTab(ctx, source, actor, { organisationId: params.orgId, roundId: params.roundId, query }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/rounds/:roundId/subgroup',
      summary:
        'A subgroup (a team, or an answer such as sector:ggz) against the whole round on one question: the difference in percentage points with its 95% interval, shown only where both reports show the count',
      tags: ['analysis'],
      auth: 'user',
      policy: 'reports.view',
      params: reportParams,
      query: subgroupQuery,
      response: subgroupView,
      handler: async ({ actor, params, query }) => getSubgroup(ctx, source, actor, { organisationId: params.orgId, roundId: params.roundId, query }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/rounds/:roundId/trend',
      summary: 'One question over every round of the same questionnaire, oldest first, each round with its own hiding of small counts',
      tags: ['analysis'],
      auth: 'user',
      policy: 'reports.view',
      params: reportParams,
      query: trendQuery,
      response: trendView,
      handler: async ({ actor, params, query }) => getTrend(ctx, source, actor, { organisationId: params.orgId, roundId: params.roundId, query }),
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
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/rounds/:roundId/report.html',
      summary:
        'The printable report of a round as one HTML file (download), with the same hiding of small counts as the JSON report; optionally compared with a second round. The download is audited',
      tags: ['analysis'],
      auth: 'user',
      policy: 'reports.view',
      params: reportParams,
      query: reportFileQuery,
      response: { contentType: 'text/html' },
      handler: async ({ actor, params, query, reply }) => {
        const lang = query.lang ?? actor.language;
        const doc = await reportFile(actor, params, { ...query, lang }, 'html');
        return reply
          .type('text/html; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${fileName(doc.report.round.key, 'html')}"`)
          .send(renderReportHtml(doc));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/rounds/:roundId/report.pdf',
      summary:
        'The printable report of a round as a tagged A4 PDF (made with Chromium; 503 when it is not installed), with the same hiding of small counts as the JSON report. The download is audited',
      tags: ['analysis'],
      auth: 'user',
      policy: 'reports.view',
      params: reportParams,
      query: reportFileQuery,
      response: { contentType: 'application/pdf' },
      handler: async ({ actor, params, query, reply }) => {
        const lang = query.lang ?? actor.language;
        const unavailable = () => reply.code(503).type('text/plain; charset=utf-8').send(textOf('analysis.pdf_unavailable', lang));
        if (!printer.available()) {
          // Still check the person's rights first: an outsider learns nothing, not even this.
          await getReport(ctx, source, actor, { organisationId: params.orgId, roundId: params.roundId, query: { lang } });
          return unavailable();
        }
        const doc = await reportFile(actor, params, { ...query, lang }, 'pdf');
        try {
          const pdf = await printer.print(renderReportHtml(doc), footerTexts(lang));
          return reply
            .type('application/pdf')
            .header('Content-Disposition', `attachment; filename="${fileName(doc.report.round.key, 'pdf')}"`)
            .send(pdf);
        } catch (error) {
          if (error instanceof PdfUnavailableError) return unavailable();
          throw error;
        }
      },
    }),
  ];
}
