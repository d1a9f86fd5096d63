import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { asReader, type ReaderContext, readableStory, readableStoryRow } from './access.ts';
import type { PhotoPeople, ReadableStory, ReadPurpose } from './model.ts';
import { processPhoto } from './photo-processing.ts';
import type { PhotoStorage } from './photo-storage.ts';
import { ownStory } from './service.ts';
import * as store from './store.ts';

export type PhotoSettings = { maxBytes: number; maxDimension: number };

export const PHOTO_CONTENT_TYPE = 'image/jpeg';

/**
 * Adds or replaces the photo of the author's own story. Nothing is stored unless the bytes are a
 * real image within the size limit; what is stored is a new JPEG without any metadata.
 */
export async function putPhoto(
  ctx: ServiceContext,
  storage: PhotoStorage,
  settings: PhotoSettings,
  actor: Actor,
  {
    organisationId,
    storyId,
    bytes,
    details = {},
  }: { organisationId: string; storyId: string; bytes: Buffer | undefined; details?: { people?: PhotoPeople | undefined; alt?: string | undefined } },
): Promise<ReadableStory> {
  await ownStory(ctx, actor, organisationId, storyId);
  if (!bytes || bytes.length === 0) throw new AppError('validation_failed', { issues: [{ path: 'photo', message: 'not_an_image' }] });
  if (bytes.length > settings.maxBytes) throw new AppError('payload_too_large');
  const photo = await processPhoto(bytes, settings.maxDimension);
  const key = `${organisationId}/${newId()}.jpg`;
  await storage.put(key, photo.bytes, PHOTO_CONTENT_TYPE);
  let oldKey: string | null = null;
  try {
    const now = ctx.clock.now();
    await inTransaction(ctx.db, async (trx) => {
      const row = await ownStory(ctx, actor, organisationId, storyId, trx);
      oldKey = row.photo_key;
      await store.updateStory(trx, storyId, {
        photo_key: key,
        photo_width: photo.width,
        photo_height: photo.height,
        photo_bytes: photo.bytes.length,
        ...(details.alt !== undefined ? { photo_alt: details.alt || null } : {}),
        ...(details.people !== undefined ? { photo_people: details.people } : {}),
        updated_at: now.toISOString(),
      });
      await recordAudit(trx, now, {
        organisationId,
        actorUserId: actor.userId,
        action: 'story.photo_added',
        subjectType: 'story',
        subjectId: storyId,
        details: { width: photo.width, height: photo.height, bytes: photo.bytes.length, replaced: row.photo_key !== null },
      });
    });
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
  if (oldKey) await storage.delete(oldKey);
  return readableStory(asReader(ctx, actor), organisationId, storyId, 'view');
}

export async function removePhoto(ctx: ServiceContext, storage: PhotoStorage, actor: Actor, organisationId: string, storyId: string): Promise<ReadableStory> {
  const now = ctx.clock.now();
  const oldKey = await inTransaction(ctx.db, async (trx) => {
    const row = await ownStory(ctx, actor, organisationId, storyId, trx);
    if (!row.photo_key) throw notFound();
    await store.updateStory(trx, storyId, {
      ...store.NO_PHOTO,
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, now, { organisationId, actorUserId: actor.userId, action: 'story.photo_removed', subjectType: 'story', subjectId: storyId });
    return row.photo_key;
  });
  await storage.delete(oldKey);
  return readableStory(asReader(ctx, actor), organisationId, storyId, 'view');
}

/** The photo's bytes, after the same consent check as the story itself (not_found otherwise). */
export async function readablePhoto(ctx: ReaderContext, storage: PhotoStorage, organisationId: string, storyId: string, purpose: ReadPurpose): Promise<Buffer> {
  const row = await readableStoryRow(ctx, organisationId, storyId, purpose);
  if (!row.photo_key) throw notFound();
  const bytes = await storage.get(row.photo_key);
  if (!bytes) throw notFound();
  return bytes;
}
