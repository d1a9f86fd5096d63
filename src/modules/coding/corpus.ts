import type { Actor, ServiceContext } from '../../core/context.ts';
import { can } from '../../core/policy.ts';
import type { Position, Sector } from '../organisations/model.ts';
import { asReader, readableReflections, readableStories } from '../stories/access.ts';
import type { ReadableStory } from '../stories/model.ts';
import type { SourceKind } from './model.ts';

/** One text that can be coded: a story, or a reflection on a story. */
export type CodingSource = {
  kind: SourceKind;
  id: string;
  storyId: string;
  title: string;
  text: string;
  position: Position | null;
  sector: Sector;
  pseudonym: string | null;
  createdOn: string;
};

export const sourceKey = (kind: string, id: string): string => `${kind}:${id}`;

const researchScopes = new Set(['research', 'public']);

/**
 * Everything shared for research that this person may use now, read through the stories access
 * API on every call: a story narrowed below 'research' or withdrawn is gone from the result, and
 * with it every segment, frequency and export built on it. Researchers and admins read with the
 * 'research' purpose. Others (coordinators looking at frequencies) read what they may view, kept
 * to what the authors shared for research — the same material, counted, never quoted.
 */
export async function researchCorpus(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  options: { storyIds?: string[] } = {},
): Promise<CodingSource[]> {
  const research = can(actor, 'stories.research', organisationId);
  const purpose = research ? 'research' : 'view';
  const reader = asReader(ctx, actor);
  const stories = (await readableStories(reader, organisationId, purpose, options)).filter(
    (s) => !s.withdrawn && researchScopes.has(s.scope) && s.text !== null && s.text.trim() !== '',
  );
  const sources: CodingSource[] = [];
  for (const story of stories) {
    sources.push(storySource(story));
    const reflections = await readableReflections(reader, organisationId, story.id, purpose);
    for (const r of reflections.filter((x) => x.researchConsent))
      sources.push({
        kind: 'reflection',
        id: r.id,
        storyId: story.id,
        title: story.title,
        text: r.text,
        position: r.position,
        sector: story.sector,
        pseudonym: story.pseudonym,
        createdOn: r.createdOn,
      });
  }
  return sources;
}

const storySource = (story: ReadableStory): CodingSource => ({
  kind: 'story',
  id: story.id,
  storyId: story.id,
  title: story.title,
  text: story.text ?? '',
  position: story.authorPosition,
  sector: story.sector,
  pseudonym: story.pseudonym,
  createdOn: story.createdOn,
});
