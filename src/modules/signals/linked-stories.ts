import type { Actor, ServiceContext } from '../../core/context.ts';
import { asReader, readableStories } from '../stories/access.ts';

export type LinkedStory = { id: string; title: string; authorUserId: string | null; isOwn: boolean };

/**
 * The stories among `ids` this person may read now, through the stories access API, so a story
 * whose consent was narrowed or withdrawn drops out of every signal view and export at once.
 */
export async function readableLinkedStories(ctx: ServiceContext, actor: Actor, organisationId: string, ids: string[]): Promise<LinkedStory[]> {
  if (ids.length === 0) return [];
  const stories = await readableStories(asReader(ctx, actor), organisationId, 'view', { storyIds: ids });
  const order = new Map(ids.map((id, i) => [id, i]));
  return stories
    .map((s) => ({ id: s.id, title: s.title, authorUserId: s.author?.userId ?? null, isOwn: s.isOwn }))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
