import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { asReader, readableReflections, readableStory } from './access.ts';
import type { ReadableReflection, ReflectionInput } from './model.ts';
import * as store from './store.ts';

/**
 * Reflections give shared meaning to a story: anyone who may read the story can add one, from
 * their team position (their position in the story's team, else their first team in the organisation).
 */
export async function addReflection(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  storyId: string,
  input: ReflectionInput,
): Promise<ReadableReflection> {
  authorize(actor, 'stories.share', organisationId);
  const story = await readableStory(asReader(ctx, actor), organisationId, storyId, 'view');
  const positions = await store.positionsInOrganisation(ctx.db, organisationId, actor.userId);
  const position = positions.find((p) => p.team_id === story.teamId)?.position ?? positions[0]?.position ?? null;
  const showed = Object.fromEntries(Object.entries(input.showed ?? {}).filter(([, v]) => typeof v === 'string' && v.length > 0));
  const id = newId();
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.insertReflection(trx, {
      id,
      story_id: storyId,
      organisation_id: organisationId,
      author_user_id: actor.userId,
      position,
      body: input.text,
      showed: Object.keys(showed).length ? JSON.stringify(showed) : null,
      research_consent: input.researchConsent ? 1 : 0,
      created_on: now.toISOString().slice(0, 10),
      created_at: now.toISOString(),
    });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'reflection.created',
      subjectType: 'story',
      subjectId: storyId,
      details: { reflectionId: id, position, researchConsent: input.researchConsent },
    });
  });
  const created = (await readableReflections(asReader(ctx, actor), organisationId, storyId, 'view')).find((r) => r.id === id);
  if (!created) throw notFound();
  return created;
}

/** Only the person who wrote a reflection removes it. */
export async function deleteReflection(ctx: ServiceContext, actor: Actor, organisationId: string, storyId: string, reflectionId: string): Promise<void> {
  authorize(actor, 'stories.share', organisationId);
  await readableStory(asReader(ctx, actor), organisationId, storyId, 'view');
  await inTransaction(ctx.db, async (trx) => {
    const row = await store.findReflection(trx, storyId, reflectionId);
    if (!row) throw notFound();
    if (row.author_user_id !== actor.userId) throw new AppError('forbidden');
    await store.deleteReflection(trx, reflectionId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'reflection.deleted',
      subjectType: 'story',
      subjectId: storyId,
      details: { reflectionId },
    });
  });
}
