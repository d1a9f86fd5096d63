import type { FastifyInstance } from 'fastify';
import { okView, organisationParams } from '../../core/schemas.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import * as photovoice from './photovoice.ts';
import {
  addEntryInput,
  createProjectInput,
  entryParams,
  projectListView,
  projectParams,
  projectView,
  updateEntryInput,
  updateProjectInput,
} from './photovoice-model.ts';

export function photovoiceRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  const tags = ['photovoice'];
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/photovoice',
      summary: "Photovoice projects the person can see (the organisation's, and their teams')",
      tags,
      auth: 'user',
      policy: 'stories.share',
      params: organisationParams,
      response: projectListView,
      handler: async ({ actor, params }) => ({ projects: await photovoice.listProjects(ctx, actor, params.orgId) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/photovoice',
      summary: 'Start a photovoice project with a theme; the person who starts it facilitates it',
      tags,
      auth: 'user',
      policy: 'photovoice.facilitate',
      params: organisationParams,
      body: createProjectInput,
      response: projectView,
      handler: ({ actor, params, body }) => photovoice.createProject(ctx, actor, params.orgId, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/photovoice/:projectId',
      summary: 'A photovoice project with the photos this person may see, the selection and the captions',
      tags,
      auth: 'user',
      policy: 'stories.share',
      params: projectParams,
      response: projectView,
      handler: ({ actor, params }) => photovoice.getProject(ctx, actor, params.orgId, params.projectId),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/orgs/:orgId/photovoice/:projectId',
      summary: 'Change the title, theme, phase or exhibition introduction (facilitator or admin)',
      tags,
      auth: 'user',
      params: projectParams,
      body: updateProjectInput,
      response: projectView,
      handler: ({ actor, params, body }) => photovoice.updateProject(ctx, actor, params.orgId, params.projectId, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/photovoice/:projectId',
      summary: 'Delete the project and its exhibition; the stories stay with their authors (facilitator or admin)',
      tags,
      auth: 'user',
      params: projectParams,
      response: okView,
      handler: async ({ actor, params }) => {
        await photovoice.deleteProject(ctx, actor, params.orgId, params.projectId);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/photovoice/:projectId/entries',
      summary: 'Add one of your own photo stories to the project',
      tags,
      auth: 'user',
      params: projectParams,
      body: addEntryInput,
      response: projectView,
      handler: ({ actor, params, body }) => photovoice.addEntry(ctx, actor, params.orgId, params.projectId, body.storyId),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/orgs/:orgId/photovoice/:projectId/entries/:storyId',
      summary: "Record the group's choice: selected for the exhibition, the group's caption, the order (facilitator or admin)",
      tags,
      auth: 'user',
      params: entryParams,
      body: updateEntryInput,
      response: projectView,
      handler: ({ actor, params, body }) =>
        photovoice.updateEntry(ctx, actor, { organisationId: params.orgId, projectId: params.projectId, storyId: params.storyId, input: body }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/orgs/:orgId/photovoice/:projectId/entries/:storyId',
      summary: "Take a photo out of the project (the story's author, the facilitator or an admin)",
      tags,
      auth: 'user',
      params: entryParams,
      response: projectView,
      handler: ({ actor, params }) => photovoice.removeEntry(ctx, actor, params.orgId, params.projectId, params.storyId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/photovoice/:projectId/publish',
      summary: 'Publish the selection as a public exhibition (only photos consented for public use appear)',
      tags,
      auth: 'user',
      params: projectParams,
      response: projectView,
      handler: ({ actor, params }) => photovoice.publishExhibition(ctx, actor, params.orgId, params.projectId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/orgs/:orgId/photovoice/:projectId/unpublish',
      summary: 'Take the exhibition offline',
      tags,
      auth: 'user',
      params: projectParams,
      response: projectView,
      handler: ({ actor, params }) => photovoice.unpublishExhibition(ctx, actor, params.orgId, params.projectId),
    }),
  ];
}
