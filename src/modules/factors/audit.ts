import type { ServiceContext } from '../../core/context.ts';
import type { Db } from '../../db/database.ts';
import type { AuditAction } from '../audit/model.ts';
import { recordAudit } from '../audit/service.ts';

/** A person's own factors are their own business: audited in the chain without organisation. */
export const auditFactor = (
  ctx: ServiceContext,
  db: Db,
  userId: string,
  action: Extract<AuditAction, `user.${string}`>,
  details: Record<string, string | number>,
) => recordAudit(db, ctx.clock.now(), { organisationId: null, actorUserId: userId, action, subjectType: 'user', subjectId: userId, details });
