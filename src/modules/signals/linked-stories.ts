import type { Actor, ServiceContext } from '../../core/context.ts';

/** Reads linked stories through the stories module's access API (filled in once that module is merged). */
export async function readableLinkedStories(
  _ctx: ServiceContext,
  _actor: Actor,
  _organisationId: string,
  ids: string[],
): Promise<{ id: string; title: string }[]> {
  return ids.length === 0 ? [] : [];
}

export async function storyAuthors(_ctx: ServiceContext, _organisationId: string, _ids: string[]): Promise<string[]> {
  return [];
}
