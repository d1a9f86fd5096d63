import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { PdfUnavailableError } from '../../core/pdf-printer.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { charterHtml } from './charter/html.ts';
import { charterMarkdown } from './charter/markdown.ts';
import * as charter from './charter-service.ts';
import { charterVersionNumberView, charterVersionView, commentInput, createVersionInput, trajectoryParams, versionParams } from './model.ts';

const fileName = (title: string, version: number, extension: string) =>
  `samenwerkingskader-${title
    .normalize('NFD')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .toLowerCase()}-v${version}.${extension}`;

export function charterRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  const printer = app.pdfPrinter;
  const base = { tags: ['trajecten'], auth: 'user' as const, policy: 'trajecten.use' as const };
  return [
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/charter/versions',
      summary: 'Generate a new version of the collaboration charter from what the team agreed now (refused when nothing changed)',
      params: trajectoryParams,
      body: createVersionInput,
      response: charterVersionNumberView,
      handler: async ({ actor, params, body }) => charter.createVersion(ctx, actor, params.orgId, params.trajectoryId, body.language),
    }),
    defineRoute({
      ...base,
      method: 'GET',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/charter/versions/:version',
      summary: 'One version of the charter: sections, differences from the previous version, signatures, comments',
      params: versionParams,
      response: charterVersionView,
      handler: async ({ actor, params }) => charter.getVersion(ctx, actor, params.orgId, params.trajectoryId, params.version),
    }),
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/charter/versions/:version/signatures',
      summary: 'Sign the newest version (team members; established when everyone signed)',
      params: versionParams,
      response: charterVersionView,
      handler: async ({ actor, params }) => charter.signVersion(ctx, actor, params.orgId, params.trajectoryId, params.version),
    }),
    defineRoute({
      ...base,
      method: 'POST',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/charter/versions/:version/comments',
      summary: 'Comment on a section of a version',
      params: versionParams,
      body: commentInput,
      response: charterVersionView,
      handler: async ({ actor, params, body }) =>
        charter.commentOnVersion(ctx, actor, { organisationId: params.orgId, trajectoryId: params.trajectoryId, version: params.version, input: body }),
    }),
    defineRoute({
      ...base,
      method: 'GET',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/charter/versions/:version/charter.md',
      summary: 'The version as a Markdown file (download, audited)',
      params: versionParams,
      response: { contentType: 'text/markdown' },
      handler: async ({ actor, params, reply }) => {
        const doc = await charter.charterDocument(ctx, actor, {
          organisationId: params.orgId,
          trajectoryId: params.trajectoryId,
          version: params.version,
          format: 'md',
        });
        return reply
          .header('content-type', 'text/markdown; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName(doc.title, doc.version, 'md')}"`)
          .send(charterMarkdown(doc));
      },
    }),
    defineRoute({
      ...base,
      method: 'GET',
      url: '/api/orgs/:orgId/trajectories/:trajectoryId/charter/versions/:version/charter.pdf',
      summary: 'The version as a tagged PDF (Chromium; download, audited)',
      params: versionParams,
      response: { contentType: 'application/pdf' },
      handler: async ({ actor, params, reply }) => {
        if (!printer.available()) throw new AppError('conflict', { code: 'trajecten.charter_pdf_unavailable' });
        const doc = await charter.charterDocument(ctx, actor, {
          organisationId: params.orgId,
          trajectoryId: params.trajectoryId,
          version: params.version,
          format: 'pdf',
        });
        const footer = actor.language === 'nl' ? { page: 'Pagina', of: 'van' } : { page: 'Page', of: 'of' };
        try {
          const pdf = await printer.print(charterHtml(doc), footer);
          return reply
            .header('content-type', 'application/pdf')
            .header('content-disposition', `attachment; filename="${fileName(doc.title, doc.version, 'pdf')}"`)
            .send(pdf);
        } catch (error) {
          if (error instanceof PdfUnavailableError) throw new AppError('conflict', { code: 'trajecten.charter_pdf_unavailable' });
          throw error;
        }
      },
    }),
  ];
}
