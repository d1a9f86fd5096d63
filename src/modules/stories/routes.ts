import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { okView, organisationParams } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { auditRead } from '../privacy/read-audit.ts';
import { takeUploadAllowance } from '../uploads/service.ts';
import { asReader, readableReflections, readableStories, readableStory } from './access.ts';
import {
  anonymityCheckInput,
  anonymityView,
  changeScopeInput,
  createStoryInput,
  readableReflectionSchema,
  readableStorySchema,
  reflectionInput,
  reflectionListView,
  reflectionParams,
  storyLinkParams,
  storyListView,
  storyParams,
  tagFrameworks,
  updateStoryInput,
} from './model.ts';
import type { PhotoStorage } from './photo-storage.ts';
import { PHOTO_CONTENT_TYPE, putPhoto, readablePhoto, removePhoto } from './photos.ts';
import { addReflection, deleteReflection } from './reflections.ts';
import { filterStories } from './search.ts';
import * as service from './service.ts';

const listQuery = z.strictObject({
  purpose: z.enum(['view', 'research']).default('view'),
  q: z.string().trim().max(200).optional(),
  tag: z
    .string()
    .regex(/^[a-z_]+:[a-z][a-z0-9_]*$/)
    .optional(),
  withPhoto: z.enum(['true', 'false']).optional(),
});

const photoQuery = z.strictObject({ purpose: z.enum(['view', 'research']).default('view') });

/** Image bodies arrive as raw bytes (no multipart); the route's body limit is the photo size limit. */
export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

export function storyRoutes(app: FastifyInstance, config: Pick<Config, 'photos' | 'uploadsPerHour'>, storage: PhotoStorage): AnyRoute[] {
  const ctx = app.services;
  const settings = { maxBytes: config.photos.maxBytes, maxDimension: config.photos.maxDimension };
  app.addContentTypeParser(photoContentTypes, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const ok = { ok: true } as const;
  const tags = ['stories'];
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/stories',
      summary:
        "Stories the person may read: purpose 'view' (own, team, organisation) or 'research' (anonymised, research consent; admin and researcher). Optional search (q), tag (framework:code) and withPhoto filters.",
      tags,
      auth: 'user',
      policy: 'stories.share',
      params: organisationParams,
      query: listQuery,
      response: storyListView,
      handler: async ({ actor, params, query }) => {
        authorize(actor, 'stories.share', params.orgId);
        const stories = await readableStories(asReader(ctx, actor), params.orgId, query.purpose);
        const [framework, code] = query.tag ? query.tag.split(':') : [];
        if (framework && !(tagFrameworks as readonly string[]).includes(framework)) {
          throw new AppError('validation_failed', { issues: [{ path: 'tag', message: 'unknown_framework' }] });
        }
        const tag = framework && code ? { framework: framework as (typeof tagFrameworks)[number], code } : undefined;
        return {
          stories: filterStories(stories, { q: query.q, tag, withPhoto: query.withPhoto === 'true' }),
          limits: { photoMaxBytes: settings.maxBytes, photoMaxDimension: settings.maxDimension },
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/stories',
      summary: "Share a story (text, and a photo added afterwards). Scope 'public' needs the second step (PUT …/scope with the media checklist).",
      tags,
      auth: 'user',
      policy: 'stories.share',
      params: organisationParams,
      body: createStoryInput,
      response: readableStorySchema,
      handler: ({ actor, params, body }) => service.createStory(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/stories/anonymity-check',
      summary:
        "Find details in a text that could identify someone (names, places, e-mail, phone, dates, addresses, the organisation's members). Stores nothing.",
      tags,
      auth: 'user',
      policy: 'stories.share',
      params: organisationParams,
      body: anonymityCheckInput,
      response: anonymityView,
      handler: ({ actor, params, body }) => service.checkAnonymity(ctx, actor, params.orgId, body.text),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/stories/:storyId',
      summary: 'One story, if the person may read it (404 otherwise)',
      tags,
      auth: 'user',
      policy: 'stories.share',
      params: storyParams,
      query: photoQuery,
      response: readableStorySchema,
      handler: async ({ actor, params, query }) => {
        authorize(actor, 'stories.share', params.orgId);
        const story = await readableStory(asReader(ctx, actor), params.orgId, params.storyId, query.purpose);
        if (!story.isOwn)
          await auditRead(ctx, actor, params.orgId, { action: 'story.read', subjectType: 'story', subjectId: params.storyId, purpose: query.purpose });
        return story;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/orgs/:orgId/stories/:storyId',
      summary: 'Change your own story: title, text, caption, pseudonym, tags, photo description and the consent of people shown (author only)',
      tags,
      auth: 'user',
      params: storyParams,
      body: updateStoryInput,
      response: readableStorySchema,
      handler: ({ actor, params, body }) => service.updateStory(ctx, actor, params.orgId, params.storyId, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/stories/:storyId',
      summary: 'Delete your own story for good, with its photo, reflections and links (author only)',
      tags,
      auth: 'user',
      params: storyParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await service.deleteStory(ctx, storage, actor, params.orgId, params.storyId);
        return ok;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/stories/:storyId/scope',
      summary: "Widen or narrow who may read your story; 'public' needs the media checklist (author only)",
      tags,
      auth: 'user',
      params: storyParams,
      body: changeScopeInput,
      response: readableStorySchema,
      handler: ({ actor, params, body }) => service.changeScope(ctx, actor, params.orgId, params.storyId, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/stories/:storyId/withdraw',
      summary: 'Withdraw consent: the story disappears from every view, search, export and exhibition at once (author only)',
      tags,
      auth: 'user',
      params: storyParams,
      response: readableStorySchema,
      handler: ({ actor, params }) => service.withdrawStory(ctx, actor, params.orgId, params.storyId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/stories/:storyId/photo',
      summary:
        'Add or replace the photo of your own story: the raw image bytes as the body (image/jpeg, image/png, image/webp). Checked by content, re-encoded, resized and stripped of all metadata (author only).',
      tags,
      auth: 'user',
      bodyLimit: settings.maxBytes,
      params: storyParams,
      response: readableStorySchema,
      handler: async ({ actor, params, req }) => {
        await takeUploadAllowance(ctx, actor.userId, 'photo', config.uploadsPerHour);
        return putPhoto(ctx, storage, settings, actor, {
          organisationId: params.orgId,
          storyId: params.storyId,
          bytes: Buffer.isBuffer(req.body) ? req.body : undefined,
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/stories/:storyId/photo',
      summary: 'The photo of a story the person may read (same consent check as the story)',
      tags,
      auth: 'user',
      policy: 'stories.share',
      params: storyParams,
      query: photoQuery,
      response: { contentType: PHOTO_CONTENT_TYPE },
      handler: async ({ actor, params, query, reply }) => {
        authorize(actor, 'stories.share', params.orgId);
        const bytes = await readablePhoto(asReader(ctx, actor), storage, params.orgId, params.storyId, query.purpose);
        return reply.type(PHOTO_CONTENT_TYPE).header('Cache-Control', 'private, no-store').header('Content-Disposition', 'inline').send(bytes);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/stories/:storyId/photo',
      summary: 'Remove the photo of your own story (author only)',
      tags,
      auth: 'user',
      params: storyParams,
      response: readableStorySchema,
      handler: ({ actor, params }) => removePhoto(ctx, storage, actor, params.orgId, params.storyId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/stories/:storyId/links/:otherId',
      summary: 'Link two stories you may read, at least one of them your own',
      tags,
      auth: 'user',
      params: storyLinkParams,
      response: readableStorySchema,
      handler: ({ actor, params }) => service.linkStories(ctx, actor, params.orgId, params.storyId, params.otherId),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/stories/:storyId/links/:otherId',
      summary: 'Remove a link (the author of either story, or who made the link)',
      tags,
      auth: 'user',
      params: storyLinkParams,
      response: readableStorySchema,
      handler: ({ actor, params }) => service.unlinkStories(ctx, actor, params.orgId, params.storyId, params.otherId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/stories/:storyId/reflections',
      summary: 'Reflections on a story the person may read, with the position of each writer',
      tags,
      auth: 'user',
      policy: 'stories.share',
      params: storyParams,
      query: photoQuery,
      response: reflectionListView,
      handler: async ({ actor, params, query }) => {
        authorize(actor, 'stories.share', params.orgId);
        return { reflections: await readableReflections(asReader(ctx, actor), params.orgId, params.storyId, query.purpose) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/stories/:storyId/reflections',
      summary: 'Reflect on a story you may read, optionally along the SHOWeD questions',
      tags,
      auth: 'user',
      policy: 'stories.share',
      params: storyParams,
      body: reflectionInput,
      response: readableReflectionSchema,
      handler: ({ actor, params, body }) => addReflection(ctx, actor, params.orgId, params.storyId, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/stories/:storyId/reflections/:reflectionId',
      summary: 'Remove your own reflection',
      tags,
      auth: 'user',
      params: reflectionParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await deleteReflection(ctx, actor, params.orgId, params.storyId, params.reflectionId);
        return ok;
      },
    }),
  ];
}
