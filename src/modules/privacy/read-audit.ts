import type { Actor, ServiceContext } from '../../core/context.ts';
import { inTransaction } from '../../db/database.ts';
import type { AuditAction } from '../audit/model.ts';
import { recordAudit } from '../audit/service.ts';

/**
 * Records that someone read a person's data (a story opened by someone other than its author, a story
 * opened for coding). Called by the route after the read succeeded, so a refused read leaves no entry.
 */
export async function auditRead(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  read: { action: Extract<AuditAction, 'story.read'>; subjectType: string; subjectId: string; purpose: string },
): Promise<void> {
  await inTransaction(ctx.db, (trx) =>
    recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: read.action,
      subjectType: read.subjectType,
      subjectId: read.subjectId,
      details: { purpose: read.purpose },
    }),
  );
}
