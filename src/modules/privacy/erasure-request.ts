import type { Actor, ServiceContext } from '../../core/context.ts';
import type { Language } from '../../core/language.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { queueMail } from '../mail/service.ts';
import * as store from './store.ts';

/**
 * A person asks to be erased (GDPR art. 17). Nobody erases themselves here: what others rely on
 * (signatures, a signal's history) is theirs to weigh, so an admin of each organisation decides and
 * erases (erase.ts). The request is recorded in every organisation's audit trail, and its admins get
 * an e-mail (when the server sends mail) that names neither the person nor anything of theirs.
 */
export async function requestErasure(
  ctx: ServiceContext,
  actor: Actor,
  origin: string | undefined,
): Promise<{ organisations: { id: string; name: string }[] }> {
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
    for (const organisation of organisations) {
      for (const admin of await store.adminsOf(trx, organisation.id)) {
        if (admin.id === actor.userId) continue;
        await queueMail(
          { ...ctx, db: trx },
          {
            to: admin.email,
            language: admin.language === 'en' ? 'en' : ('nl' satisfies Language),
            kind: 'erasure_request',
            subject: { nl: 'Iemand vraagt om gewist te worden', en: 'Someone asks to be erased' },
            paragraphs: {
              nl: [
                `Een lid van ${organisation.name} vraagt om alles over hen te wissen uit Kruisbestuiving.`,
                'Je ziet wie het is in het auditlog van je organisatie (“vraagt om gewist te worden”). Wissen doe je bij Mensen en teams.',
              ],
              en: [
                `A member of ${organisation.name} asks for everything about them to be erased from Kruisbestuiving.`,
                'You see who it is in the audit log of your organisation (“asks to be erased”). You erase at People and teams.',
              ],
            },
            ...(origin ? { link: { url: `${origin}/o/${organisation.id}/audit`, label: { nl: 'Naar het auditlog', en: 'To the audit log' } } } : {}),
          },
        );
      }
    }
  });
  return { organisations: organisations.map((o) => ({ id: o.id, name: o.name })) };
}
