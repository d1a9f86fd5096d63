import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId, newSecretToken } from '../../core/ids.ts';
import { authorize, can } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { displayNames } from '../../db/display-names.ts';
import type { PhotovoiceProjectTable } from '../../db/tables/stories.ts';
import { recordAudit } from '../audit/service.ts';
import { asReader, readableStories, readableStory, readableStoryRow } from './access.ts';
import type { PhotoStorage } from './photo-storage.ts';
import { readablePhoto } from './photos.ts';
import type {
  CreateProjectInput,
  EntryView,
  Exhibition,
  PhotovoiceStatus,
  ProjectSummary,
  ProjectView,
  UpdateEntryInput,
  UpdateProjectInput,
} from './photovoice-model.ts';
import * as pv from './photovoice-store.ts';
import * as store from './store.ts';

/**
 * Photovoice: a facilitator sets a theme, members add their photo stories, the group selects and
 * captions them, and the selection becomes a public exhibition. The exhibition shows only stories
 * whose author consented to public use (with the media checklist); withdrawing removes one at once.
 */

export const exhibitionPath = (slug: string) => `/tentoonstelling/${slug}`;

async function mayViewProject(ctx: ServiceContext, actor: Actor, project: PhotovoiceProjectTable): Promise<boolean> {
  if (!project.team_id || project.facilitator_user_id === actor.userId || can(actor, 'members.manage', project.organisation_id)) return true;
  return (await store.teamIdsOfUser(ctx.db, project.organisation_id, actor.userId)).includes(project.team_id);
}

async function visibleProject(ctx: ServiceContext, actor: Actor, organisationId: string, projectId: string, db: Db = ctx.db): Promise<PhotovoiceProjectTable> {
  authorize(actor, 'stories.share', organisationId);
  const project = await pv.findProject(db, organisationId, projectId);
  if (!project || !(await mayViewProject({ ...ctx, db }, actor, project))) throw notFound();
  return project;
}

const isFacilitator = (actor: Actor, project: PhotovoiceProjectTable) =>
  project.facilitator_user_id === actor.userId || can(actor, 'members.manage', project.organisation_id);

async function facilitatedProject(ctx: ServiceContext, actor: Actor, organisationId: string, projectId: string, db: Db): Promise<PhotovoiceProjectTable> {
  const project = await visibleProject(ctx, actor, organisationId, projectId, db);
  if (!isFacilitator(actor, project)) throw new AppError('forbidden');
  return project;
}

async function summary(ctx: ServiceContext, actor: Actor, project: PhotovoiceProjectTable): Promise<ProjectSummary> {
  const names = await displayNames(ctx.db, project.facilitator_user_id ? [project.facilitator_user_id] : []);
  return {
    id: project.id,
    title: project.title,
    theme: project.theme,
    themeCode: project.theme_code,
    description: project.description,
    teamId: project.team_id,
    status: project.status as PhotovoiceStatus,
    facilitator: project.facilitator_user_id ? { userId: project.facilitator_user_id, displayName: names.get(project.facilitator_user_id) ?? '—' } : null,
    isFacilitator: isFacilitator(actor, project),
    exhibitionPath: project.exhibition_slug ? exhibitionPath(project.exhibition_slug) : null,
    createdOn: project.created_at.slice(0, 10),
  };
}

export async function listProjects(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<ProjectSummary[]> {
  authorize(actor, 'stories.share', organisationId);
  const rows = await pv.listProjects(ctx.db, organisationId);
  const visible: ProjectSummary[] = [];
  for (const row of rows) if (await mayViewProject(ctx, actor, row)) visible.push(await summary(ctx, actor, row));
  return visible;
}

export async function createProject(ctx: ServiceContext, actor: Actor, organisationId: string, input: CreateProjectInput): Promise<ProjectView> {
  authorize(actor, 'photovoice.facilitate', organisationId);
  if (input.teamId && !(await store.findTeam(ctx.db, organisationId, input.teamId))) {
    throw new AppError('validation_failed', { issues: [{ path: 'teamId', message: 'unknown_team' }] });
  }
  const id = newId();
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await pv.insertProject(trx, {
      id,
      organisation_id: organisationId,
      team_id: input.teamId ?? null,
      facilitator_user_id: actor.userId,
      title: input.title,
      theme: input.theme,
      theme_code: input.themeCode ?? null,
      description: input.description || null,
      status: 'collecting',
      exhibition_slug: null,
      exhibition_intro: null,
      published_at: null,
      created_at: now.toISOString(),
    });
    await recordAudit(trx, now, { organisationId, actorUserId: actor.userId, action: 'photovoice.created', subjectType: 'photovoice', subjectId: id });
  });
  return getProject(ctx, actor, organisationId, id);
}

export async function getProject(ctx: ServiceContext, actor: Actor, organisationId: string, projectId: string): Promise<ProjectView> {
  const project = await visibleProject(ctx, actor, organisationId, projectId);
  const entries = await pv.entriesOf(ctx.db, projectId);
  const ids = entries.map((e) => e.story_id);
  const reader = asReader(ctx, actor);
  const [readable, publicIds] = await Promise.all([
    readableStories(reader, organisationId, 'view', { storyIds: ids }),
    readableStories(asReader(ctx, null), organisationId, 'exhibition', { storyIds: ids }).then((s) => new Set(s.map((x) => x.id))),
  ]);
  const byId = new Map(readable.map((s) => [s.id, s]));
  const views: EntryView[] = [];
  let hiddenSelectedCount = 0;
  for (const entry of entries) {
    const story = byId.get(entry.story_id);
    if (!story) {
      if (entry.selected === 1) hiddenSelectedCount++;
      continue;
    }
    views.push({
      story,
      addedOn: entry.added_at.slice(0, 10),
      selected: entry.selected === 1,
      groupCaption: entry.group_caption,
      sortOrder: entry.sort_order,
      publicReady: publicIds.has(entry.story_id),
    });
  }
  return { ...(await summary(ctx, actor, project)), exhibitionIntro: project.exhibition_intro, entries: views, hiddenSelectedCount };
}

export async function updateProject(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  projectId: string,
  input: UpdateProjectInput,
): Promise<ProjectView> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const project = await facilitatedProject(ctx, actor, organisationId, projectId, trx);
    await pv.updateProject(trx, projectId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.theme !== undefined ? { theme: input.theme } : {}),
      ...(input.themeCode !== undefined ? { theme_code: input.themeCode } : {}),
      ...(input.description !== undefined ? { description: input.description || null } : {}),
      ...(input.exhibitionIntro !== undefined ? { exhibition_intro: input.exhibitionIntro || null } : {}),
      ...(input.status !== undefined && project.status !== 'exhibited' ? { status: input.status } : {}),
    });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'photovoice.updated',
      subjectType: 'photovoice',
      subjectId: projectId,
      details: { fields: Object.keys(input).sort().join(',') },
    });
  });
  return getProject(ctx, actor, organisationId, projectId);
}

export async function deleteProject(ctx: ServiceContext, actor: Actor, organisationId: string, projectId: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    await facilitatedProject(ctx, actor, organisationId, projectId, trx);
    await pv.deleteProject(trx, projectId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'photovoice.deleted',
      subjectType: 'photovoice',
      subjectId: projectId,
    });
  });
}

/**
 * A member adds one of their own photo stories; it must be shared at least with the team. Also
 * while the exhibition is online: it only appears there once selected and consented for public use.
 */
export async function addEntry(ctx: ServiceContext, actor: Actor, organisationId: string, projectId: string, storyId: string): Promise<ProjectView> {
  const now = ctx.clock.now();
  await visibleProject(ctx, actor, organisationId, projectId);
  const story = await readableStory(asReader(ctx, actor), organisationId, storyId, 'view');
  if (!story.isOwn) throw new AppError('forbidden');
  const issues = [];
  if (!story.photo) issues.push({ path: 'storyId', message: 'no_photo' });
  if (story.scope === 'private') issues.push({ path: 'storyId', message: 'private' });
  if (issues.length) throw new AppError('validation_failed', { issues });
  await inTransaction(ctx.db, async (trx) => {
    if (await pv.findEntry(trx, projectId, storyId)) return;
    await pv.insertEntry(trx, {
      project_id: projectId,
      story_id: storyId,
      added_by: actor.userId,
      added_at: now.toISOString(),
      selected: 0,
      group_caption: null,
      sort_order: (await pv.maxSortOrder(trx, projectId)) + 1,
    });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'photovoice.entry_added',
      subjectType: 'photovoice',
      subjectId: projectId,
      details: { storyId },
    });
  });
  return getProject(ctx, actor, organisationId, projectId);
}

/** The facilitator records what the group chose: selected or not, the group's caption, the order. */
export async function updateEntry(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, projectId, storyId, input }: { organisationId: string; projectId: string; storyId: string; input: UpdateEntryInput },
): Promise<ProjectView> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await facilitatedProject(ctx, actor, organisationId, projectId, trx);
    const entry = await pv.findEntry(trx, projectId, storyId);
    if (!entry) throw notFound();
    // The facilitator must be able to read the story to select or caption it.
    await readableStoryRow(asReader({ ...ctx, db: trx }, actor), organisationId, storyId, 'view');
    await pv.updateEntry(trx, projectId, storyId, {
      ...(input.selected !== undefined ? { selected: input.selected ? 1 : 0 } : {}),
      ...(input.groupCaption !== undefined ? { group_caption: input.groupCaption || null } : {}),
      ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
    });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'photovoice.entry_selected',
      subjectType: 'photovoice',
      subjectId: projectId,
      details: { storyId, selected: input.selected ?? entry.selected === 1, captioned: input.groupCaption !== undefined },
    });
  });
  return getProject(ctx, actor, organisationId, projectId);
}

/** The story's author or the facilitator takes a photo out of the project. */
export async function removeEntry(ctx: ServiceContext, actor: Actor, organisationId: string, projectId: string, storyId: string): Promise<ProjectView> {
  await inTransaction(ctx.db, async (trx) => {
    const project = await visibleProject(ctx, actor, organisationId, projectId, trx);
    const entry = await pv.findEntry(trx, projectId, storyId);
    if (!entry) throw notFound();
    const story = await store.findStory(trx, organisationId, storyId);
    if (story?.author_user_id !== actor.userId && !isFacilitator(actor, project)) throw new AppError('forbidden');
    await pv.deleteEntry(trx, projectId, storyId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'photovoice.entry_removed',
      subjectType: 'photovoice',
      subjectId: projectId,
      details: { storyId },
    });
  });
  return getProject(ctx, actor, organisationId, projectId);
}

/** Publishes the selection as a public exhibition at a new unguessable address. */
export async function publishExhibition(ctx: ServiceContext, actor: Actor, organisationId: string, projectId: string): Promise<ProjectView> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const project = await facilitatedProject(ctx, actor, organisationId, projectId, trx);
    const selected = (await pv.entriesOf(trx, projectId)).filter((e) => e.selected === 1);
    if (selected.length === 0) throw new AppError('validation_failed', { issues: [{ path: 'entries', message: 'nothing_selected' }] });
    await pv.updateProject(trx, projectId, {
      status: 'exhibited',
      exhibition_slug: project.exhibition_slug ?? newSecretToken().slice(0, 22),
      published_at: now.toISOString(),
    });
    await recordAudit(trx, now, { organisationId, actorUserId: actor.userId, action: 'photovoice.published', subjectType: 'photovoice', subjectId: projectId });
  });
  return getProject(ctx, actor, organisationId, projectId);
}

/** Takes the exhibition offline; publishing again gives a new address. */
export async function unpublishExhibition(ctx: ServiceContext, actor: Actor, organisationId: string, projectId: string): Promise<ProjectView> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await facilitatedProject(ctx, actor, organisationId, projectId, trx);
    await pv.updateProject(trx, projectId, { status: 'selecting', exhibition_slug: null, published_at: null });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'photovoice.unpublished',
      subjectType: 'photovoice',
      subjectId: projectId,
    });
  });
  return getProject(ctx, actor, organisationId, projectId);
}

/** The public exhibition: selected entries whose stories are consented for public use, right now. */
export async function exhibitionBySlug(ctx: ServiceContext, slug: string): Promise<Exhibition | undefined> {
  const project = await pv.findProjectBySlug(ctx.db, slug);
  if (project?.status !== 'exhibited') return undefined;
  const entries = (await pv.entriesOf(ctx.db, project.id)).filter((e) => e.selected === 1);
  const stories = await readableStories(asReader(ctx, null), project.organisation_id, 'exhibition', { storyIds: entries.map((e) => e.story_id) });
  const byId = new Map(stories.map((s) => [s.id, s]));
  return {
    slug,
    organisationId: project.organisation_id,
    organisationName: project.organisation_name,
    title: project.title,
    theme: project.theme,
    intro: project.exhibition_intro,
    items: entries.flatMap((e) => {
      const story = byId.get(e.story_id);
      if (!story) return [];
      return [
        {
          storyId: story.id,
          title: story.title,
          caption: e.group_caption ?? story.caption,
          text: story.text,
          pseudonym: story.pseudonym,
          photo: story.photo ? { width: story.photo.width, height: story.photo.height, alt: story.photo.alt } : null,
        },
      ];
    }),
  };
}

/** An exhibition photo: only for a selected entry of a published exhibition, and only while consented for public use. */
export async function exhibitionPhoto(ctx: ServiceContext, storage: PhotoStorage, slug: string, storyId: string): Promise<Buffer> {
  const project = await pv.findProjectBySlug(ctx.db, slug);
  if (project?.status !== 'exhibited') throw notFound();
  const entry = await pv.findEntry(ctx.db, project.id, storyId);
  if (entry?.selected !== 1) throw notFound();
  return readablePhoto(asReader(ctx, null), storage, project.organisation_id, storyId, 'exhibition');
}
