import { lazyRequire } from '../../../core/lazy-require.ts';
import type { CharterSection } from '../model.ts';

const diff = lazyRequire<typeof import('diff')>('diff');

export type SectionDiff = {
  key: string;
  title: string;
  change: 'added' | 'removed' | 'changed' | 'same';
  parts: { value: string; added: boolean; removed: boolean }[];
};

const fullText = (s: CharterSection) => [s.body, ...s.open.map((o) => `? ${o}`)].join('\n');

/** What changed from one charter version to the next, section by section, word by word. */
export function diffCharter(previous: CharterSection[] | null, next: CharterSection[]): SectionDiff[] {
  const before = new Map((previous ?? []).map((s) => [s.key, s]));
  const result: SectionDiff[] = next.map((section) => {
    const old = before.get(section.key);
    const text = fullText(section);
    if (!old)
      return {
        key: section.key,
        title: section.title,
        change: previous ? 'added' : 'same',
        parts: [{ value: text, added: previous !== null, removed: false }],
      };
    const parts = diff()
      .diffWords(fullText(old), text)
      .map((p) => ({ value: p.value, added: p.added === true, removed: p.removed === true }));
    return { key: section.key, title: section.title, change: parts.some((p) => p.added || p.removed) ? 'changed' : 'same', parts };
  });
  for (const old of previous ?? []) {
    if (!next.some((s) => s.key === old.key))
      result.push({ key: old.key, title: old.title, change: 'removed', parts: [{ value: fullText(old), added: false, removed: true }] });
  }
  return result;
}

/** Two versions say the same thing (the charter language included). */
export const sameCharter = (a: CharterSection[], b: CharterSection[]): boolean => JSON.stringify(a) === JSON.stringify(b);
