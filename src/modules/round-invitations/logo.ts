import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { processPhoto } from '../stories/photo-processing.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import * as store from './store.ts';

/** A logo is small: at most this many bytes uploaded, and shown at most 400 × 160 pixels. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_MAX_WIDTH = 400;
export const LOGO_MAX_HEIGHT = 160;
export const LOGO_CONTENT_TYPE = 'image/jpeg';

export type LogoView = { width: number; height: number; updatedAt: string } | null;

const view = (row: { width: number; height: number; updated_at: string } | undefined): LogoView =>
  row ? { width: row.width, height: row.height, updatedAt: row.updated_at } : null;

/**
 * Checked and re-encoded like a story photo (signature, full decode, upright, sRGB, no metadata at
 * all), then fitted inside 400 × 160. The second pass writes no metadata either: sharp keeps none unless asked.
 */
async function processLogo(bytes: Buffer): Promise<{ bytes: Buffer; width: number; height: number }> {
  const photo = await processPhoto(bytes, LOGO_MAX_WIDTH);
  if (photo.height <= LOGO_MAX_HEIGHT) return photo;
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(photo.bytes)
    .resize({ width: LOGO_MAX_WIDTH, height: LOGO_MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}

export async function getLogo(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<LogoView> {
  authorize(actor, 'organisation.view', organisationId);
  return view(await store.logoOf(ctx.db, organisationId));
}

/** Adds or replaces the organisation's logo; the old image is deleted once the new one is recorded. */
export async function setLogo(ctx: ServiceContext, storage: PhotoStorage, actor: Actor, organisationId: string, bytes: Buffer | undefined): Promise<LogoView> {
  authorize(actor, 'organisation.manage', organisationId);
  const refused = (code: 'round-invitations.logo_not_an_image' | 'round-invitations.logo_too_many_pixels') =>
    new AppError('validation_failed', { issues: [{ path: 'logo', code }] });
  if (!bytes || bytes.length === 0) throw refused('round-invitations.logo_not_an_image');
  if (bytes.length > LOGO_MAX_BYTES) throw new AppError('payload_too_large');
  const logo = await processLogo(bytes).catch((error: unknown) => {
    if (!(error instanceof AppError && error.id === 'validation_failed')) throw error;
    const tooManyPixels = error.issues.some((i) => 'message' in i && i.message === 'too_many_pixels');
    throw refused(tooManyPixels ? 'round-invitations.logo_too_many_pixels' : 'round-invitations.logo_not_an_image');
  });
  const key = `${organisationId}/${newId()}.jpg`;
  await storage.put(key, logo.bytes, LOGO_CONTENT_TYPE);
  let oldKey: string | undefined;
  try {
    const now = ctx.clock.now();
    await inTransaction(ctx.db, async (trx) => {
      oldKey = (await store.logoOf(trx, organisationId))?.storage_key;
      await store.setLogo(trx, organisationId, { storageKey: key, width: logo.width, height: logo.height }, now.toISOString());
      await recordAudit(trx, now, {
        organisationId,
        actorUserId: actor.userId,
        action: 'organisation.logo_set',
        subjectType: 'organisation',
        subjectId: organisationId,
        details: { width: logo.width, height: logo.height, bytes: logo.bytes.length, replaced: oldKey !== undefined },
      });
    });
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
  if (oldKey) await storage.delete(oldKey);
  return view(await store.logoOf(ctx.db, organisationId));
}

export async function removeLogo(ctx: ServiceContext, storage: PhotoStorage, actor: Actor, organisationId: string): Promise<void> {
  authorize(actor, 'organisation.manage', organisationId);
  const now = ctx.clock.now();
  const oldKey = await inTransaction(ctx.db, async (trx) => {
    const row = await store.logoOf(trx, organisationId);
    if (!row) throw notFound();
    await store.removeLogo(trx, organisationId);
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'organisation.logo_removed',
      subjectType: 'organisation',
      subjectId: organisationId,
    });
    return row.storage_key;
  });
  await storage.delete(oldKey);
}

/** For public pages (the respondent form), without an actor: the logo's size and version, if any. */
export const publicLogo = async (db: Db, organisationId: string): Promise<LogoView> => view(await store.logoOf(db, organisationId));

/** The logo's bytes for public pages, or undefined. */
export async function publicLogoBytes(db: Db, storage: PhotoStorage, organisationId: string): Promise<Buffer | undefined> {
  const row = await store.logoOf(db, organisationId);
  return row ? storage.get(row.storage_key) : undefined;
}
