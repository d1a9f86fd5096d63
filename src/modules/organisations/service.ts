import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize, capabilitiesOf } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { DEFAULT_DISCLOSURE_THRESHOLD } from '../analysis/core/disclosure.ts';
import { recordAudit } from '../audit/service.ts';
import type { MemberView, OrganisationView, Position, Role, Sector, TeamMemberView, TeamView } from './model.ts';
import * as store from './store.ts';

/** Used by the command line and the demo loader: there is no actor yet when the first organisation is made. */
export async function createOrganisation(ctx: ServiceContext, input: { name: string; sector: Sector; actorUserId?: string }): Promise<string> {
  const id = newId();
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.insertOrganisation(trx, {
      id,
      name: input.name,
      sector: input.sector,
      disclosure_threshold: DEFAULT_DISCLOSURE_THRESHOLD,
      created_at: now.toISOString(),
    });
    await recordAudit(trx, now, {
      organisationId: id,
      actorUserId: input.actorUserId ?? null,
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: id,
      details: { sector: input.sector },
    });
  });
  return id;
}

/** Adds a person with a role; used by invitations, the command line and the demo loader. */
export async function addMembership(
  ctx: ServiceContext,
  input: { organisationId: string; userId: string; role: Role; actorUserId: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  await store.insertMembership(ctx.db, { organisation_id: input.organisationId, user_id: input.userId, role: input.role, created_at: now.toISOString() });
  await recordAudit(ctx.db, now, {
    organisationId: input.organisationId,
    actorUserId: input.actorUserId,
    action: 'membership.created',
    subjectType: 'user',
    subjectId: input.userId,
    details: { role: input.role },
  });
}

export async function organisationsOf(ctx: ServiceContext, userId: string): Promise<OrganisationView[]> {
  const rows = await store.organisationsOfUser(ctx.db, userId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sector: r.sector as Sector,
    disclosureThreshold: r.disclosure_threshold,
    role: r.role as Role,
    can: capabilitiesOf(r.role as Role),
  }));
}

export async function teamsOf(ctx: ServiceContext, userId: string) {
  const rows = await store.teamsOfUser(ctx.db, userId);
  return rows.map((r) => ({ id: r.id, name: r.name, organisationId: r.organisation_id, position: r.position as Position }));
}

export async function listMembers(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<MemberView[]> {
  authorize(actor, 'members.view', organisationId);
  const rows = await store.listMembers(ctx.db, organisationId);
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email, role: r.role as Role, since: r.created_at }));
}

export async function changeRole(ctx: ServiceContext, actor: Actor, organisationId: string, userId: string, role: Role): Promise<MemberView> {
  authorize(actor, 'members.manage', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    const membership = await store.findMembership(trx, organisationId, userId);
    if (!membership) throw notFound();
    if (membership.role === role) return;
    if (membership.role === 'admin' && (await store.countAdmins(trx, organisationId)) <= 1) {
      throw new AppError('conflict', { code: 'organisations.last_admin' });
    }
    await store.updateMembershipRole(trx, organisationId, userId, role);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'membership.role_changed',
      subjectType: 'user',
      subjectId: userId,
      details: { from: membership.role, to: role },
    });
  });
  const member = (await store.listMembers(ctx.db, organisationId)).find((m) => m.id === userId);
  if (!member) throw notFound();
  return { userId: member.id, displayName: member.display_name, email: member.email, role: member.role as Role, since: member.created_at };
}

export async function removeMember(ctx: ServiceContext, actor: Actor, organisationId: string, userId: string): Promise<void> {
  authorize(actor, 'members.manage', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    const membership = await store.findMembership(trx, organisationId, userId);
    if (!membership) throw notFound();
    if (membership.role === 'admin' && (await store.countAdmins(trx, organisationId)) <= 1) {
      throw new AppError('conflict', { code: 'organisations.last_admin' });
    }
    await store.deleteTeamMembershipsInOrganisation(trx, organisationId, userId);
    await store.deleteMembership(trx, organisationId, userId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'membership.removed',
      subjectType: 'user',
      subjectId: userId,
      details: { role: membership.role },
    });
  });
}

export async function listTeams(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<TeamView[]> {
  authorize(actor, 'teams.view', organisationId);
  const rows = await store.listTeams(ctx.db, organisationId);
  return rows.map((r) => ({ id: r.id, name: r.name, memberCount: Number(r.member_count) }));
}

export async function createTeam(ctx: ServiceContext, actor: Actor | null, organisationId: string, name: string): Promise<TeamView> {
  if (actor) authorize(actor, 'teams.manage', organisationId);
  const id = newId();
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.insertTeam(trx, { id, organisation_id: organisationId, name, created_at: now.toISOString() });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor?.userId ?? null,
      action: 'team.created',
      subjectType: 'team',
      subjectId: id,
    });
  });
  return { id, name, memberCount: 0 };
}

export async function renameTeam(ctx: ServiceContext, actor: Actor, organisationId: string, teamId: string, name: string): Promise<TeamView> {
  authorize(actor, 'teams.manage', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    if (!(await store.findTeam(trx, organisationId, teamId))) throw notFound();
    await store.renameTeam(trx, teamId, name);
    await recordAudit(trx, ctx.clock.now(), { organisationId, actorUserId: actor.userId, action: 'team.renamed', subjectType: 'team', subjectId: teamId });
  });
  const team = (await listTeams(ctx, actor, organisationId)).find((t) => t.id === teamId);
  if (!team) throw notFound();
  return team;
}

export async function deleteTeam(ctx: ServiceContext, actor: Actor, organisationId: string, teamId: string): Promise<void> {
  authorize(actor, 'teams.manage', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    if (!(await store.findTeam(trx, organisationId, teamId))) throw notFound();
    await store.deleteTeam(trx, teamId);
    await recordAudit(trx, ctx.clock.now(), { organisationId, actorUserId: actor.userId, action: 'team.deleted', subjectType: 'team', subjectId: teamId });
  });
}

export async function listTeamMembers(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  teamId: string,
): Promise<{ team: TeamView; members: TeamMemberView[] }> {
  authorize(actor, 'teams.view', organisationId);
  const team = (await store.listTeams(ctx.db, organisationId)).find((t) => t.id === teamId);
  if (!team) throw notFound();
  const rows = await store.listTeamMembers(ctx.db, teamId);
  return {
    team: { id: team.id, name: team.name, memberCount: Number(team.member_count) },
    members: rows.map(memberViewOf),
  };
}

const memberViewOf = (r: { id: string; display_name: string; position: string; added_by?: string | null | undefined }): TeamMemberView => ({
  userId: r.id,
  displayName: r.display_name,
  position: r.position as Position,
  selfJoined: r.added_by === r.id,
});

/**
 * Adds a member of the organisation to a team, or changes their position there. Who did it is
 * kept: adding yourself (a self-join) does not open the team's team-only stories; when someone
 * else sets the membership afterwards, it counts as made by them.
 */
export async function setTeamMember(
  ctx: ServiceContext,
  actor: Actor | null,
  { organisationId, teamId, userId, position }: { organisationId: string; teamId: string; userId: string; position: Position },
): Promise<TeamMemberView> {
  if (actor) authorize(actor, 'teams.manage', organisationId);
  const now = ctx.clock.now();
  const run = async (db: Db) => {
    if (!(await store.findTeam(db, organisationId, teamId))) throw notFound();
    if (!(await store.findMembership(db, organisationId, userId))) throw notFound();
    const existing = await store.findTeamMember(db, teamId, userId);
    const addedBy = actor?.userId ?? null;
    const selfJoin = addedBy === userId;
    const confirms = existing !== undefined && existing.added_by === userId && !selfJoin;
    if (existing?.position === position && !confirms) return;
    if (existing) await store.updateTeamMember(db, teamId, userId, { position, ...(confirms ? { added_by: addedBy } : {}) });
    else await store.insertTeamMember(db, { team_id: teamId, user_id: userId, position, created_at: now.toISOString(), added_by: addedBy });
    await recordAudit(db, now, {
      organisationId,
      actorUserId: addedBy,
      // Someone else confirming a self-join adds the person for real, so it is recorded as an addition.
      action: existing && !confirms ? 'team_member.position_changed' : 'team_member.added',
      subjectType: 'user',
      subjectId: userId,
      details: {
        teamId,
        position,
        ...(existing ? { from: existing.position } : {}),
        ...(selfJoin && !existing ? { selfJoin: true } : {}),
        ...(confirms ? { confirmsSelfJoin: true } : {}),
      },
    });
  };
  await inTransaction(ctx.db, run);
  const member = (await store.listTeamMembers(ctx.db, teamId)).find((m) => m.id === userId);
  if (!member) throw notFound();
  return memberViewOf(member);
}

export async function removeTeamMember(ctx: ServiceContext, actor: Actor, organisationId: string, teamId: string, userId: string): Promise<void> {
  authorize(actor, 'teams.manage', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    if (!(await store.findTeam(trx, organisationId, teamId))) throw notFound();
    const existing = await store.findTeamMember(trx, teamId, userId);
    if (!existing) throw notFound();
    await store.deleteTeamMember(trx, teamId, userId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'team_member.removed',
      subjectType: 'user',
      subjectId: userId,
      details: { teamId },
    });
  });
}
