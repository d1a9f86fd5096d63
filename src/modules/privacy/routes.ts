import type { FastifyInstance } from 'fastify';
import { memberParams, organisationParams } from '../../core/schemas.ts';
import { publicOrigin } from '../../http/public-origin.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import { erasePersonAsAdmin } from './erase.ts';
import { requestErasure } from './erasure-request.ts';
import { exportPersonZip } from './export.ts';
import { erasureRequestView, erasureView, registerQuery, registerView } from './model.ts';
import { registerMarkdown } from './register.ts';
import { registerOf } from './register-service.ts';
import { getRetention, updateRetention } from './retention.ts';
import { retentionInput, retentionView } from './retention-model.ts';

export function privacyRoutes(app: FastifyInstance, storage: PhotoStorage): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/me/export.zip',
      summary: 'Everything the platform holds about the signed-in person: a ZIP of JSON files and their photos (audited)',
      tags: ['privacy'],
      auth: 'user',
      response: { contentType: 'application/zip' },
      handler: async ({ actor, reply }) => {
        const zip = await exportPersonZip(ctx, storage, actor);
        return reply
          .type('application/zip')
          .header('Content-Disposition', 'attachment; filename="mijn-gegevens.zip"')
          .header('Cache-Control', 'no-store')
          .send(Buffer.from(zip));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/me/erasure-request',
      summary: 'Ask to be erased: recorded in the audit trail of each of your organisations, whose admins decide and erase',
      tags: ['privacy'],
      auth: 'user',
      response: erasureRequestView,
      handler: async ({ actor, req }) => requestErasure(ctx, actor, publicOrigin(ctx.config, req)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/members/:userId/erase',
      summary: 'Erase a person from every module: their own data is deleted, what others rely on keeps an anonymous former member',
      tags: ['privacy'],
      auth: 'user',
      policy: 'members.manage',
      params: memberParams,
      response: erasureView,
      handler: async ({ actor, params }) => ({ erased: true as const, ...(await erasePersonAsAdmin(ctx, storage, actor, params.orgId, params.userId)) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/retention',
      summary: 'How many days the organisation keeps raw answers of closed rounds, stories of people who left, sessions, logs and audit entries',
      tags: ['privacy'],
      auth: 'user',
      policy: 'privacy.manage',
      params: organisationParams,
      response: retentionView,
      handler: async ({ actor, params }) => getRetention(ctx, actor, params.orgId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/retention',
      summary: 'Set the retention periods (in days); the daily retention job applies them',
      tags: ['privacy'],
      auth: 'user',
      policy: 'privacy.manage',
      params: organisationParams,
      body: retentionInput,
      response: retentionView,
      handler: async ({ actor, params, body }) => updateRetention(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/register',
      summary: 'The register of processing (what is kept, why, how long, who sees it), made from the current settings; lang nl or en',
      tags: ['privacy'],
      auth: 'user',
      policy: 'privacy.manage',
      params: organisationParams,
      query: registerQuery,
      response: registerView,
      handler: async ({ actor, params, query }) => registerOf(ctx, actor, params.orgId, query.lang ?? actor.language),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/register.md',
      summary: 'The register of processing as a Markdown file to download',
      tags: ['privacy'],
      auth: 'user',
      policy: 'privacy.manage',
      params: organisationParams,
      query: registerQuery,
      response: { contentType: 'text/markdown' },
      handler: async ({ actor, params, query, reply }) => {
        const language = query.lang ?? actor.language;
        const register = await registerOf(ctx, actor, params.orgId, language);
        const name = language === 'nl' ? 'register-van-verwerkingen' : 'register-of-processing';
        return reply
          .type('text/markdown; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${name}.md"`)
          .send(registerMarkdown(register, language));
      },
    }),
  ];
}
