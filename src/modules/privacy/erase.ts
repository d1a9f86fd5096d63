import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { forgetRecipient } from '../mail/service.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import { replaceIdInJsonList, replaceNameInJson } from './former-member.ts';
import { FORMER_MEMBER_NAME, personColumns } from './person-columns.ts';
import * as store from './store.ts';

export type ErasureResult = { formerMemberId: string; photosDeleted: number };

/**
 * An admin erases a person of their organisation (GDPR art. 17). Refused for oneself, and for someone
 * who is also in an organisation where the actor is not an admin: that organisation's admin decides there.
 */
export async function erasePersonAsAdmin(
  ctx: ServiceContext,
  storage: PhotoStorage,
  actor: Actor,
  organisationId: string,
  userId: string,
): Promise<ErasureResult> {
  authorize(actor, 'members.manage', organisationId);
  const organisations = await store.organisationsOf(ctx.db, userId);
  if (!organisations.some((o) => o.id === organisationId)) throw notFound();
  if (userId === actor.userId) throw new AppError('conflict', { code: 'privacy.erase_self' });
  if (organisations.some((o) => actor.roles.get(o.id) !== 'admin')) throw new AppError('conflict', { code: 'privacy.erase_other_organisation' });
  return erasePerson(ctx, storage, userId, { actorUserId: actor.userId, source: 'web' });
}

/**
 * Removes the person from every module in one transaction. Rows that are theirs alone are deleted;
 * rows others rely on (signatures, a signal's history, agreements, codes) move to a new anonymous
 * "former member" account; their name in charter texts becomes that label. Survey answers were never
 * linked to anyone and are not touched. The audit trail records that the erasure happened, nothing more.
 */
export async function erasePerson(
  ctx: ServiceContext,
  storage: PhotoStorage,
  userId: string,
  by: { actorUserId: string | null; source: 'web' | 'cli' },
): Promise<ErasureResult> {
  const now = ctx.clock.now();
  const formerMemberId = newId();
  const photoKeys = await inTransaction(ctx.db, async (trx) => {
    const user = await store.findUser(trx, userId);
    if (!user || (user.disabled_at !== null && user.password_hash === '!')) throw notFound();
    const organisations = await store.organisationsOf(trx, userId);
    const photos = await store.photosOf(trx, userId);
    await store.insertFormerMember(trx, { id: formerMemberId, display_name: FORMER_MEMBER_NAME, at: now.toISOString() });
    await rewriteTexts(
      trx,
      userId,
      user.display_name,
      formerMemberId,
      organisations.map((o) => o.id),
    );
    await store.deleteReflectionCodings(trx, await store.reflectionIdsOf(trx, userId));
    for (const column of personColumns) if (column.onErase === 'former') await store.reassignColumn(trx, column, userId, formerMemberId);
    // The account row last: deleting it cascades to whatever a module forgot, never before the rest moved.
    for (const column of [...personColumns].reverse()) if (column.onErase === 'delete') await store.deleteNaming(trx, column, userId);
    await store.deleteInvitationsTo(trx, user.email);
    await forgetRecipient(trx, user.email);
    // Sorted: chains are locked in one order, so two erasures at once cannot deadlock on PostgreSQL.
    for (const organisationId of organisations.length ? organisations.map((o) => o.id).sort() : [null]) {
      await recordAudit(trx, now, {
        organisationId,
        actorUserId: by.actorUserId,
        action: 'person.erased',
        subjectType: 'user',
        subjectId: userId,
        details: { source: by.source },
      });
    }
    return photos.map((p) => p.photo_key).filter((k): k is string => k !== null);
  });
  // After the commit: a failed erasure must not have lost the photos of stories that still exist.
  for (const key of photoKeys) await storage.delete(key);
  return { formerMemberId, photosDeleted: photoKeys.length };
}

async function rewriteTexts(trx: Db, userId: string, displayName: string, formerMemberId: string, organisationIds: string[]) {
  for (const session of await store.intervisionSessionsWith(trx, userId)) {
    await store.setIntervisionParticipants(trx, session.id, replaceIdInJsonList(session.participants, userId, formerMemberId));
  }
  for (const version of await store.charterVersionsIn(trx, organisationIds)) {
    const rewritten = replaceNameInJson(version.sections, displayName, FORMER_MEMBER_NAME);
    if (rewritten !== version.sections) await store.setCharterSections(trx, version.id, rewritten);
  }
  await store.renameSigner(trx, userId, FORMER_MEMBER_NAME);
}
