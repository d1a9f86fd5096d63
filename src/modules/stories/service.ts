import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, type FieldIssue, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { StoryTable } from '../../db/tables/stories.ts';
import { recordAudit } from '../audit/service.ts';
import { asReader, consentFactsOf, emptyTags, readableStory, readerFacts } from './access.ts';
import { findIdentifyingDetails } from './anonymity.ts';
import { isNarrowing, mayRead } from './consent.ts';
import {
  type ChangeScopeInput,
  type ConsentScope,
  type CreateStoryInput,
  type MediaChecklistInput,
  mediaChecklistKeys,
  type ReadableStory,
  type UpdateStoryInput,
} from './model.ts';
import type { PhotoStorage } from './photo-storage.ts';
import * as store from './store.ts';
import { tagRows } from './tags.ts';

/** Changes to stories. Only the author changes, narrows, withdraws or deletes a story. */

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Details in a text that could identify someone (the organisation's members' names among them). Stores nothing. */
export async function checkAnonymity(ctx: ServiceContext, actor: Actor, organisationId: string, text: string) {
  authorize(actor, 'stories.share', organisationId);
  const memberNames = await store.memberNames(ctx.db, organisationId);
  return { findings: findIdentifyingDetails(text, { memberNames }) };
}

/**
 * The story row when the actor is its author. Someone who may read it but is not the author gets
 * 403; someone who may not even read it learns nothing (404).
 */
export async function ownStory(ctx: ServiceContext, actor: Actor, organisationId: string, storyId: string, db: Db = ctx.db): Promise<StoryTable> {
  authorize(actor, 'stories.share', organisationId);
  const row = await store.findStory(db, organisationId, storyId);
  if (!row) throw notFound();
  if (row.author_user_id !== actor.userId) {
    const reader = await readerFacts(asReader({ ...ctx, db }, actor), organisationId, 'view');
    throw mayRead('view', consentFactsOf(row), reader) ? new AppError('forbidden') : notFound();
  }
  return row;
}

/** The team a story belongs to: the one chosen (the author must be in it), or the author's first team. */
async function resolveTeam(ctx: ServiceContext, actor: Actor, organisationId: string, teamId: string | undefined) {
  const mine = await store.positionsInOrganisation(ctx.db, organisationId, actor.userId);
  if (teamId === undefined) return mine[0] ? { teamId: mine[0].team_id, position: mine[0].position } : { teamId: null, position: null };
  const found = mine.find((m) => m.team_id === teamId);
  if (!found) throw new AppError('validation_failed', { issues: [{ path: 'teamId', message: 'team_not_yours' }] });
  return { teamId: found.team_id, position: found.position };
}

function teamScopeIssue(scope: ConsentScope, teamId: string | null): FieldIssue[] {
  return scope === 'team' && teamId === null ? [{ path: 'scope', message: 'no_team' }] : [];
}

export async function createStory(ctx: ServiceContext, actor: Actor, organisationId: string, input: CreateStoryInput): Promise<ReadableStory> {
  authorize(actor, 'stories.share', organisationId);
  const { teamId, position } = await resolveTeam(ctx, actor, organisationId, input.teamId);
  // A title alone is allowed: the photo can follow in a second request.
  const issues = teamScopeIssue(input.scope, teamId);
  if (issues.length) throw new AppError('validation_failed', { issues });
  const id = newId();
  const now = ctx.clock.now();
  const iso = now.toISOString();
  await inTransaction(ctx.db, async (trx) => {
    await store.insertStory(trx, {
      id,
      organisation_id: organisationId,
      team_id: teamId,
      author_user_id: actor.userId,
      author_position: position,
      title: input.title,
      body: input.text || null,
      caption: input.caption || null,
      pseudonym: input.pseudonym || null,
      scope: input.scope,
      scope_changed_at: iso,
      media_checklist: null,
      media_checklist_at: null,
      withdrawn_at: null,
      ...store.NO_PHOTO,
      created_on: day(now),
      created_at: iso,
      updated_at: iso,
    });
    await store.replaceTags(trx, id, await tagRows(trx, organisationId, id, { ...emptyTags(), ...input.tags }));
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'story.created',
      subjectType: 'story',
      subjectId: id,
      details: { scope: input.scope, teamId },
    });
  });
  return readableStory(asReader(ctx, actor), organisationId, id, 'view');
}

export async function updateStory(ctx: ServiceContext, actor: Actor, organisationId: string, storyId: string, input: UpdateStoryInput): Promise<ReadableStory> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const row = await ownStory(ctx, actor, organisationId, storyId, trx);
    const changes: Partial<StoryTable> = { updated_at: now.toISOString() };
    if (input.title !== undefined) changes.title = input.title;
    if (input.text !== undefined) changes.body = input.text || null;
    if (input.caption !== undefined) changes.caption = input.caption || null;
    if (input.pseudonym !== undefined) changes.pseudonym = input.pseudonym || null;
    if (input.photoAlt !== undefined) changes.photo_alt = input.photoAlt || null;
    if (input.photoPeople !== undefined) {
      if (!row.photo_key) throw new AppError('validation_failed', { issues: [{ path: 'photoPeople', message: 'no_photo' }] });
      changes.photo_people = input.photoPeople;
    }
    await store.updateStory(trx, storyId, changes);
    if (input.tags) await store.replaceTags(trx, storyId, await tagRows(trx, organisationId, storyId, { ...emptyTags(), ...input.tags }));
    const fields = Object.keys(input).sort().join(',');
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'story.updated',
      subjectType: 'story',
      subjectId: storyId,
      details: { fields },
    });
  });
  return readableStory(asReader(ctx, actor), organisationId, storyId, 'view');
}

function checklistIssues(checklist: MediaChecklistInput | undefined): FieldIssue[] {
  return mediaChecklistKeys.filter((k) => checklist?.[k] !== true).map((k) => ({ path: `mediaChecklist.${k}`, message: 'required' }));
}

/**
 * The author widens or narrows who may read the story. Public use needs the media checklist,
 * answered now; leaving 'public' forgets the checklist, so going public again asks it again.
 * A withdrawn story can be shared again this way.
 */
export async function changeScope(ctx: ServiceContext, actor: Actor, organisationId: string, storyId: string, input: ChangeScopeInput): Promise<ReadableStory> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const row = await ownStory(ctx, actor, organisationId, storyId, trx);
    const issues = teamScopeIssue(input.scope, row.team_id);
    if (input.scope === 'public') {
      issues.push(...checklistIssues(input.mediaChecklist));
      if (row.photo_key && !row.photo_people) issues.push({ path: 'photoPeople', message: 'required' });
    }
    if (issues.length) throw new AppError('validation_failed', { issues });
    const from = row.scope as ConsentScope;
    const wasWithdrawn = row.withdrawn_at !== null;
    await store.updateStory(trx, storyId, {
      scope: input.scope,
      scope_changed_at: now.toISOString(),
      withdrawn_at: null,
      media_checklist: input.scope === 'public' ? JSON.stringify(input.mediaChecklist) : null,
      media_checklist_at: input.scope === 'public' ? now.toISOString() : null,
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'story.scope_changed',
      subjectType: 'story',
      subjectId: storyId,
      details: { from, to: input.scope, narrowing: isNarrowing(from, input.scope), reshared: wasWithdrawn, mediaChecklist: input.scope === 'public' },
    });
  });
  return readableStory(asReader(ctx, actor), organisationId, storyId, 'view');
}

/** Withdraws consent: from now on only the author sees the story, everywhere (lists, links, exports, exhibitions). */
export async function withdrawStory(ctx: ServiceContext, actor: Actor, organisationId: string, storyId: string): Promise<ReadableStory> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const row = await ownStory(ctx, actor, organisationId, storyId, trx);
    await store.updateStory(trx, storyId, {
      scope: 'private',
      scope_changed_at: now.toISOString(),
      withdrawn_at: now.toISOString(),
      media_checklist: null,
      media_checklist_at: null,
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'story.withdrawn',
      subjectType: 'story',
      subjectId: storyId,
      details: { from: row.scope },
    });
  });
  return readableStory(asReader(ctx, actor), organisationId, storyId, 'view');
}

/** Deletes the story, its photo, tags, links, reflections and photovoice entries for good. */
export async function deleteStory(ctx: ServiceContext, storage: PhotoStorage, actor: Actor, organisationId: string, storyId: string): Promise<void> {
  const photoKey = await inTransaction(ctx.db, async (trx) => {
    const row = await ownStory(ctx, actor, organisationId, storyId, trx);
    await store.deleteStory(trx, storyId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'story.deleted',
      subjectType: 'story',
      subjectId: storyId,
      details: { hadPhoto: row.photo_key !== null },
    });
    return row.photo_key;
  });
  if (photoKey) await storage.delete(photoKey);
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** Links two stories the actor may read; the actor must be the author of at least one of them. */
export async function linkStories(ctx: ServiceContext, actor: Actor, organisationId: string, storyId: string, otherId: string): Promise<ReadableStory> {
  authorize(actor, 'stories.share', organisationId);
  if (storyId === otherId) throw new AppError('validation_failed', { issues: [{ path: 'otherId', message: 'same_story' }] });
  const reader = asReader(ctx, actor);
  const [one, other] = await Promise.all([readableStory(reader, organisationId, storyId, 'view'), readableStory(reader, organisationId, otherId, 'view')]);
  if (!one.isOwn && !other.isOwn) throw new AppError('forbidden');
  const [a, b] = ordered(storyId, otherId);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    if (await store.findLink(trx, a, b)) return;
    await store.insertLink(trx, { organisation_id: organisationId, story_a: a, story_b: b, created_by: actor.userId, created_at: now.toISOString() });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'story.linked',
      subjectType: 'story',
      subjectId: storyId,
      details: { otherId },
    });
  });
  return readableStory(reader, organisationId, storyId, 'view');
}

export async function unlinkStories(ctx: ServiceContext, actor: Actor, organisationId: string, storyId: string, otherId: string): Promise<ReadableStory> {
  authorize(actor, 'stories.share', organisationId);
  const reader = asReader(ctx, actor);
  const one = await readableStory(reader, organisationId, storyId, 'view');
  const [a, b] = ordered(storyId, otherId);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const link = await store.findLink(trx, a, b);
    if (!link) throw notFound();
    const otherRow = await store.findStory(trx, organisationId, otherId);
    const ownsOther = otherRow?.author_user_id === actor.userId;
    if (!one.isOwn && !ownsOther && link.created_by !== actor.userId) throw new AppError('forbidden');
    await store.deleteLink(trx, a, b);
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'story.unlinked',
      subjectType: 'story',
      subjectId: storyId,
      details: { otherId },
    });
  });
  return readableStory(reader, organisationId, storyId, 'view');
}
