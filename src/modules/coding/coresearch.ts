import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { authorize, can } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { type Position, positions } from '../organisations/model.ts';
import type { CoResearchersView, MyCodingView } from './model.ts';
import * as store from './store.ts';

/**
 * Experience workers as co-researchers: an admin or researcher invites a member to code stories
 * with the researchers. While invited, the member reads the research material exactly as a
 * researcher does — only what authors shared for research, through the stories access API, with
 * the same anonymisation (pseudonyms, no names) — and codes it in the same codebook. Managing the
 * codebook, the export and unsuppressed counts stay with researchers and admins.
 */

export type CodingAccess = {
  /** Whom the stories access API reads for: the person, or for a co-researcher the same person read as a researcher. */
  reader: Actor;
  coResearcher: boolean;
};

/** The co-researcher is read as a researcher of this organisation only, and only to read research material. */
const asResearchReader = (actor: Actor, organisationId: string): Actor => ({
  ...actor,
  roles: new Map([...actor.roles, [organisationId, 'researcher']]),
});

const isActive = (row: { ended_at: string | null } | undefined): boolean => row !== undefined && row.ended_at === null;

/** Who may code: researchers and admins, and members invited as co-researchers. Outsiders 404, others 403. */
export async function codingAccess(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<CodingAccess> {
  if (can(actor, 'coding.work', organisationId)) return { reader: actor, coResearcher: false };
  if (actor.roles.get(organisationId) === 'member' && isActive(await store.findCoResearcher(ctx.db, organisationId, actor.userId)))
    return { reader: asResearchReader(actor, organisationId), coResearcher: true };
  authorize(actor, 'coding.work', organisationId);
  throw new AppError('forbidden');
}

/** The column a coder's segments are counted under: 'researcher', or a co-researcher's team position. */
export const coderColumns = ['researcher', ...positions, 'unknown'] as const;
export type CoderColumn = (typeof coderColumns)[number];

/** A co-researcher with several positions counts under experience worker if that is one of them. */
function preferredPosition(held: string[]): Position | null {
  if (held.includes('experience_worker')) return 'experience_worker';
  return positions.find((p) => held.includes(p)) ?? null;
}

export async function coderColumnsOf(ctx: ServiceContext, organisationId: string, userIds: string[]): Promise<Map<string, CoderColumn>> {
  const invited = new Set((await store.listCoResearchers(ctx.db, organisationId)).map((r) => r.user_id));
  const coResearchers = userIds.filter((id) => invited.has(id));
  const held = new Map<string, string[]>();
  for (const row of await store.teamPositionsOf(ctx.db, organisationId, coResearchers)) held.set(row.user_id, [...(held.get(row.user_id) ?? []), row.position]);
  return new Map(userIds.map((id) => [id, invited.has(id) ? (preferredPosition(held.get(id) ?? []) ?? 'unknown') : 'researcher']));
}

export async function listCoResearchers(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<CoResearchersView> {
  authorize(actor, 'coding.work', organisationId);
  const [rows, members] = await Promise.all([store.listCoResearchers(ctx.db, organisationId), store.membersWithRole(ctx.db, organisationId, 'member')]);
  const all = [...new Set([...rows.map((r) => r.user_id), ...members.map((m) => m.user_id)])];
  const held = new Map<string, string[]>();
  for (const row of await store.teamPositionsOf(ctx.db, organisationId, all)) held.set(row.user_id, [...(held.get(row.user_id) ?? []), row.position]);
  const active = new Set(rows.filter(isActive).map((r) => r.user_id));
  return {
    coResearchers: rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      position: preferredPosition(held.get(r.user_id) ?? []),
      active: r.ended_at === null,
      invitedAt: r.invited_at,
      endedAt: r.ended_at,
    })),
    candidates: members
      .filter((m) => !active.has(m.user_id))
      .map((m) => ({ userId: m.user_id, displayName: m.display_name, position: preferredPosition(held.get(m.user_id) ?? []) })),
  };
}

export async function inviteCoResearcher(ctx: ServiceContext, actor: Actor, organisationId: string, userId: string): Promise<void> {
  authorize(actor, 'coding.work', organisationId);
  const role = await store.roleInOrganisation(ctx.db, organisationId, userId);
  if (role === undefined) throw notFound();
  if (role !== 'member')
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'userId',
          message:
            actor.language === 'nl'
              ? 'Je nodigt alleen leden uit. Onderzoekers en beheerders coderen al.'
              : 'You can only invite members. Researchers and admins already code.',
        },
      ],
    });
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.saveCoResearcher(trx, { organisation_id: organisationId, user_id: userId, invited_by: actor.userId, invited_at: now.toISOString() });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.coresearcher_invited',
      subjectType: 'user',
      subjectId: userId,
    });
  });
}

/** Ends an invitation: by an admin or researcher, or by the co-researcher themself. Their segments stay. */
export async function endCoResearch(ctx: ServiceContext, actor: Actor, organisationId: string, userId: string): Promise<void> {
  if (!actor.roles.has(organisationId)) throw notFound();
  if (actor.userId !== userId) authorize(actor, 'coding.work', organisationId);
  if (!isActive(await store.findCoResearcher(ctx.db, organisationId, userId))) throw notFound();
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.endCoResearcher(trx, organisationId, userId, now.toISOString());
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.coresearcher_ended',
      subjectType: 'user',
      subjectId: userId,
      details: { self: actor.userId === userId },
    });
  });
}

/** What this person may do in coding, for the web app's menu and the co-researcher's notice. */
export async function myCoding(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<MyCodingView> {
  if (!actor.roles.has(organisationId)) throw notFound();
  const manages = can(actor, 'coding.work', organisationId);
  const coResearcher = !manages && actor.roles.get(organisationId) === 'member' && isActive(await store.findCoResearcher(ctx.db, organisationId, actor.userId));
  return { canCode: manages || coResearcher, coResearcher, manages };
}
