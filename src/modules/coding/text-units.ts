/**
 * Splits a text into paragraphs and sentences with their character offsets (UTF-16, end
 * exclusive), so a segment can be chosen from a list with the keyboard instead of by selecting.
 */
export type TextUnit = { kind: 'paragraph' | 'sentence'; start: number; end: number; text: string };

function trimmed(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return s < e ? { start: s, end: e } : null;
}

export function paragraphs(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  const breaks = /(?:\r?\n[ \t]*){2,}/g;
  let from = 0;
  for (const match of text.matchAll(breaks)) {
    const range = trimmed(text, from, match.index);
    if (range) units.push({ kind: 'paragraph', ...range, text: text.slice(range.start, range.end) });
    from = match.index + match[0].length;
  }
  const last = trimmed(text, from, text.length);
  if (last) units.push({ kind: 'paragraph', ...last, text: text.slice(last.start, last.end) });
  return units;
}

/** Sentences end at . ! ? or … followed by white space, or at a line break. */
export function sentences(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  const ends = /[.!?…]+["'”’)]*(?=\s|$)|\r?\n/g;
  let from = 0;
  for (const match of text.matchAll(ends)) {
    const end = match[0].includes('\n') ? match.index : match.index + match[0].length;
    const range = trimmed(text, from, end);
    if (range) units.push({ kind: 'sentence', ...range, text: text.slice(range.start, range.end) });
    from = match.index + match[0].length;
  }
  const last = trimmed(text, from, text.length);
  if (last) units.push({ kind: 'sentence', ...last, text: text.slice(last.start, last.end) });
  return units;
}

export type SegmentCheck = { ok: true; quote: string } | { ok: false; field: 'start' | 'end'; reason: 'order' | 'range' | 'empty' };

/** Whether start–end is a segment of the text worth coding; returns the quoted text. */
export function checkSegment(text: string, start: number, end: number): SegmentCheck {
  if (start < 0 || start > text.length) return { ok: false, field: 'start', reason: 'range' };
  if (end > text.length) return { ok: false, field: 'end', reason: 'range' };
  if (end <= start) return { ok: false, field: 'end', reason: 'order' };
  const quote = text.slice(start, end);
  if (quote.trim() === '') return { ok: false, field: 'end', reason: 'empty' };
  return { ok: true, quote };
}
