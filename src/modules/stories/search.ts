import type { ReadableStory, TagFramework } from './model.ts';

export type StoryFilter = { q?: string | undefined; tag?: { framework: TagFramework; code: string } | undefined; withPhoto?: boolean | undefined };

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Filters stories that were already read through the access API; it never widens what a reader sees. */
export function filterStories(stories: ReadableStory[], filter: StoryFilter): ReadableStory[] {
  const words = filter.q ? fold(filter.q).split(/\s+/).filter(Boolean) : [];
  return stories.filter((story) => {
    if (filter.withPhoto && !story.photo) return false;
    if (filter.tag && !story.tags[filter.tag.framework].includes(filter.tag.code)) return false;
    if (words.length === 0) return true;
    const haystack = fold([story.title, story.text ?? '', story.caption ?? '', story.pseudonym ?? ''].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}
