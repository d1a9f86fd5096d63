import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { AppError } from '../../core/errors.ts';
import { type Language, languageFromHeader, languageSchema } from '../../core/language.ts';
import { publicPageCss, registerPublicAsset, sendPublicPage } from '../../http/public-page.tsx';
import { ExhibitionMissingPage, ExhibitionPage } from './exhibition/ExhibitionPage.tsx';
import type { PhotoStorage } from './photo-storage.ts';
import { PHOTO_CONTENT_TYPE } from './photos.ts';
import { exhibitionBySlug, exhibitionPhoto } from './photovoice.ts';

const css = publicPageCss(path.join(import.meta.dirname, 'exhibition', 'exhibition.css'));

const slugSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const pageParams = z.object({ slug: slugSchema });
const photoParams = z.object({ slug: slugSchema, storyId: z.uuid() });

function languageOf(req: FastifyRequest): Language {
  const fromQuery = languageSchema.safeParse((req.query as Record<string, unknown> | undefined)?.lang);
  return fromQuery.success ? fromQuery.data : languageFromHeader(req.headers['accept-language']);
}

/**
 * The public exhibition of a photovoice project: server-rendered HTML without script, no sign-in.
 * Every request reads through the access API, so only stories consented for public use appear and
 * a withdrawn one is gone on the next load.
 */
export function registerExhibitionPages(app: FastifyInstance, storage: PhotoStorage, rateLimit: number): void {
  const ctx = app.services;
  const config = { rateLimit: { max: rateLimit, timeWindow: '1 minute' } };

  registerPublicAsset(app, '/t-assets/exhibition.css', 'text/css; charset=utf-8', css);

  app.get('/tentoonstelling/:slug', { schema: { hide: true }, config }, async (req, reply) => {
    const lang = languageOf(req);
    const params = pageParams.safeParse(req.params);
    const exhibition = params.success ? await exhibitionBySlug(ctx, params.data.slug) : undefined;
    if (!exhibition) return sendPublicPage(reply, <ExhibitionMissingPage lang={lang} />, 404);
    return sendPublicPage(reply, <ExhibitionPage exhibition={exhibition} lang={lang} />);
  });

  app.get('/tentoonstelling/:slug/foto/:storyId', { schema: { hide: true }, config }, async (req, reply) => {
    const params = photoParams.safeParse(req.params);
    if (!params.success) throw new AppError('not_found');
    const bytes = await exhibitionPhoto(ctx, storage, params.data.slug, params.data.storyId);
    return reply.type(PHOTO_CONTENT_TYPE).header('Cache-Control', 'no-store').send(bytes);
  });
}
