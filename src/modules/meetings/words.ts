/**
 * Word-cloud words: trimmed, lower case, accents kept (Dutch needs them), inner spaces collapsed,
 * punctuation at the ends dropped, so "Erkenning!" and " erkenning" count as one word.
 */
export function normaliseWord(input: string): string {
  return input
    .normalize('NFC')
    .toLocaleLowerCase('nl')
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .trim();
}

/** Counts each normalised word once per person, most frequent first, then alphabetically. */
export function countWords(answers: readonly (readonly string[])[]): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const words of answers) {
    for (const word of new Set(words.map(normaliseWord).filter((w) => w.length > 0))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'nl'));
}
