import type { Actor, ServiceContext } from '../../core/context.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import * as store from './store.ts';

/**
 * A person asks to be erased (GDPR art. 17). Nobody erases themselves here: what others rely on
 * (signatures, a signal's history) is theirs to weigh, so an admin of each organisation decides and
 * erases (erase.ts). The request is recorded in every organisation's audit trail, where its admins
 * read it; the answer names those organisations.
 */
export async function requestErasure(ctx: ServiceContext, actor: Actor): Promise<{ organisations: { id: string; name: string }[] }> {
  const organisations = await store.organisationsOf(ctx.db, actor.userId);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    // Sorted: chains are locked in one order (as in erase.ts), so two requests cannot deadlock.
    for (const organisationId of organisations.length ? organisations.map((o) => o.id).sort() : [null]) {
      await recordAudit(trx, now, {
        organisationId,
        actorUserId: actor.userId,
        action: 'person.erasure_requested',
        subjectType: 'user',
        subjectId: actor.userId,
      });
    }
  });
  return { organisations: organisations.map((o) => ({ id: o.id, name: o.name })) };
}
