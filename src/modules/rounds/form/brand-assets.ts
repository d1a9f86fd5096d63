import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { ServiceContext } from '../../../core/context.ts';
import type { Db } from '../../../db/database.ts';
import { brandCss } from '../../round-invitations/brand-css.ts';
import { LOGO_CONTENT_TYPE, publicLogo, publicLogoBytes } from '../../round-invitations/logo.ts';
import { brandColour } from '../../round-invitations/service.ts';
import type { PhotoStorage } from '../../stories/photo-storage.ts';
import type { InstrumentSource } from '../instrument-source.ts';
import { roundTokenSchema } from '../model.ts';
import { type LinkContext, openLink } from '../respondent.ts';
import type { FormBrand } from './Layout.tsx';

const tokenParams = z.object({ token: roundTokenSchema });
const version = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);
/** Versioned addresses (`?v=`), so the browser may keep them a day; private, as the path holds the link's token. */
const CACHE = 'private, max-age=86400';

/** What the form's pages need to show the organisation: its name, its logo's size and the versions of both files. */
export async function formBrand(db: Db, link: LinkContext): Promise<FormBrand> {
  const [colour, logo] = await Promise.all([brandColour(db, link.organisationId), publicLogo(db, link.organisationId)]);
  return {
    token: link.token,
    organisationName: link.organisationName,
    styleVersion: version(colour ?? 'none'),
    logo: logo ? { width: logo.width, height: logo.height, version: version(logo.updatedAt) } : null,
  };
}

/**
 * The organisation's stylesheet and logo under the link's own path (`/r/<token>/…`): anonymous like
 * the form (no request log), rate limited like it, and only for a link that exists.
 */
export function registerBrandAssets(
  scope: FastifyInstance,
  ctx: ServiceContext,
  source: InstrumentSource,
  storage: PhotoStorage,
  config: { csrf: boolean; rateLimit: { max: number; timeWindow: string } },
): void {
  const linkOf = async (params: unknown) => {
    const parsed = tokenParams.safeParse(params);
    return parsed.success ? openLink(ctx, source, parsed.data.token) : undefined;
  };

  scope.get('/r/:token/brand.css', { config, schema: { hide: true } }, async (req, reply) => {
    const link = await linkOf(req.params);
    if (!link) return reply.status(404).type('text/css; charset=utf-8').header('Cache-Control', 'no-store').send('');
    const css = brandCss(await brandColour(ctx.db, link.organisationId));
    return reply.type('text/css; charset=utf-8').header('Cache-Control', CACHE).send(css);
  });

  scope.get('/r/:token/logo', { config, schema: { hide: true } }, async (req, reply) => {
    const link = await linkOf(req.params);
    const bytes = link ? await publicLogoBytes(ctx.db, storage, link.organisationId) : undefined;
    if (!bytes) return reply.status(404).type('text/plain; charset=utf-8').header('Cache-Control', 'no-store').send('');
    return reply.type(LOGO_CONTENT_TYPE).header('Cache-Control', CACHE).header('X-Content-Type-Options', 'nosniff').send(bytes);
  });
}
