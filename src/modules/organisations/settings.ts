import type { Actor, ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import type { OrganisationSettings } from './model.ts';
import * as store from './store.ts';

/**
 * The organisation's disclosure threshold k: no count below it is shown to anyone who may not see
 * small counts, in any view, export, chart, live count or report (they all read it through
 * analysis/core disclosureThreshold). Never below 5; a change is audited with the old and new value.
 */
export async function setDisclosureThreshold(
  ctx: ServiceContext,
  actor: Actor | null,
  organisationId: string,
  threshold: number,
): Promise<OrganisationSettings> {
  if (actor) authorize(actor, 'organisation.manage', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    const organisation = await store.findOrganisation(trx, organisationId);
    if (!organisation) throw notFound();
    if (organisation.disclosure_threshold === threshold) return;
    await store.updateDisclosureThreshold(trx, organisationId, threshold);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor?.userId ?? null,
      action: 'organisation.threshold_changed',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { from: organisation.disclosure_threshold, to: threshold, source: actor ? 'web' : 'cli' },
    });
  });
  return { disclosureThreshold: threshold };
}
