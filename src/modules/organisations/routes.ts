import type { FastifyInstance, FastifyRequest } from 'fastify';
import { memberParams, okView, organisationParams } from '../../core/schemas.ts';
import { requirePublicOrigin } from '../../http/public-origin.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { createInvitation, listInvitations, revokeInvitation } from './invitations.ts';
import {
  changeRoleInput,
  createdInvitationView,
  createInvitationInput,
  invitationListView,
  invitationParams,
  memberListView,
  memberView,
  organisationSettingsInput,
  organisationSettingsView,
  teamInput,
  teamListView,
  teamMemberInput,
  teamMemberListView,
  teamMemberParams,
  teamMemberView,
  teamParams,
  teamView,
} from './model.ts';
import * as service from './service.ts';
import { setDisclosureThreshold } from './settings.ts';

export function organisationRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  const baseUrl = (req: FastifyRequest) => requirePublicOrigin(ctx.config, req);
  const ok = { ok: true } as const;
  return [
    defineRoute({
      method: 'PATCH',
      url: '/api/orgs/:orgId/settings',
      summary: "Set the organisation's disclosure threshold: counts below it are hidden from everyone who may not see small counts (at least 5; audited)",
      tags: ['members'],
      auth: 'user',
      policy: 'organisation.manage',
      params: organisationParams,
      body: organisationSettingsInput,
      response: organisationSettingsView,
      handler: async ({ actor, params, body }) => setDisclosureThreshold(ctx, actor, params.orgId, body.disclosureThreshold),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/members',
      summary: 'Members of the organisation with their role',
      tags: ['members'],
      auth: 'user',
      policy: 'members.view',
      params: organisationParams,
      response: memberListView,
      handler: async ({ actor, params }) => ({ members: await service.listMembers(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/orgs/:orgId/members/:userId',
      summary: "Change a member's role",
      tags: ['members'],
      auth: 'user',
      policy: 'members.manage',
      params: memberParams,
      body: changeRoleInput,
      response: memberView,
      handler: async ({ actor, params, body }) => service.changeRole(ctx, actor, params.orgId, params.userId, body.role),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/members/:userId',
      summary: 'Remove a member from the organisation (and its teams)',
      tags: ['members'],
      auth: 'user',
      policy: 'members.manage',
      params: memberParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await service.removeMember(ctx, actor, params.orgId, params.userId);
        return ok;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/invitations',
      summary: 'Invitations of the organisation and their status',
      tags: ['invitations'],
      auth: 'user',
      policy: 'invitations.manage',
      params: organisationParams,
      response: invitationListView,
      handler: async ({ actor, params }) => ({ invitations: await listInvitations(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/invitations',
      summary: 'Invite someone by a one-time link with a role (and optionally a team and position)',
      tags: ['invitations'],
      auth: 'user',
      policy: 'invitations.manage',
      params: organisationParams,
      body: createInvitationInput,
      response: createdInvitationView,
      handler: async ({ actor, params, body, req }) => createInvitation(ctx, actor, params.orgId, body, baseUrl(req)),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/invitations/:invitationId',
      summary: 'Revoke an open invitation',
      tags: ['invitations'],
      auth: 'user',
      policy: 'invitations.manage',
      params: invitationParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await revokeInvitation(ctx, actor, params.orgId, params.invitationId);
        return ok;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/teams',
      summary: 'Teams of the organisation',
      tags: ['teams'],
      auth: 'user',
      policy: 'teams.view',
      params: organisationParams,
      response: teamListView,
      handler: async ({ actor, params }) => ({ teams: await service.listTeams(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/teams',
      summary: 'Create a team',
      tags: ['teams'],
      auth: 'user',
      policy: 'teams.manage',
      params: organisationParams,
      body: teamInput,
      response: teamView,
      handler: async ({ actor, params, body }) => service.createTeam(ctx, actor, params.orgId, body.name),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/orgs/:orgId/teams/:teamId',
      summary: 'Rename a team',
      tags: ['teams'],
      auth: 'user',
      policy: 'teams.manage',
      params: teamParams,
      body: teamInput,
      response: teamView,
      handler: async ({ actor, params, body }) => service.renameTeam(ctx, actor, params.orgId, params.teamId, body.name),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/teams/:teamId',
      summary: 'Delete a team',
      tags: ['teams'],
      auth: 'user',
      policy: 'teams.manage',
      params: teamParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await service.deleteTeam(ctx, actor, params.orgId, params.teamId);
        return ok;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/teams/:teamId/members',
      summary: 'The members of a team with their position',
      tags: ['teams'],
      auth: 'user',
      policy: 'teams.view',
      params: teamParams,
      response: teamMemberListView,
      handler: async ({ actor, params }) => service.listTeamMembers(ctx, actor, params.orgId, params.teamId),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/orgs/:orgId/teams/:teamId/members/:userId',
      summary: 'Add a member of the organisation to a team, or change their position',
      tags: ['teams'],
      auth: 'user',
      policy: 'teams.manage',
      params: teamMemberParams,
      body: teamMemberInput,
      response: teamMemberView,
      handler: async ({ actor, params, body }) =>
        service.setTeamMember(ctx, actor, { organisationId: params.orgId, teamId: params.teamId, userId: params.userId, position: body.position }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/teams/:teamId/members/:userId',
      summary: 'Take someone out of a team',
      tags: ['teams'],
      auth: 'user',
      policy: 'teams.manage',
      params: teamMemberParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await service.removeTeamMember(ctx, actor, params.orgId, params.teamId, params.userId);
        return ok;
      },
    }),
  ];
}
