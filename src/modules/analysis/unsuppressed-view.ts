import type { Actor, ServiceContext } from '../../core/context.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';

/** Audits that someone with raw rights saw an organisation-wide report without small-cell suppression. */
export async function auditUnsuppressedOrganisationReport(ctx: ServiceContext, actor: Actor, organisationId: string, report: string): Promise<void> {
  await inTransaction(ctx.db, (trx) =>
    recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'report.viewed_unsuppressed',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { report },
    }),
  );
}
