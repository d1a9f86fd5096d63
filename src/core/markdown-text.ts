/**
 * What people typed, made safe to put into a Markdown document: every character Markdown would
 * read as markup is backslash-escaped, so the text renders as exactly the text its author wrote —
 * no raw HTML, entities, links, images, emphasis, code, tables or headings of its own.
 *
 * `markdownBlock` keeps line breaks (a paragraph of its own); `markdownInline` puts everything on
 * one line, for headings, list items and names.
 */

// CommonMark lets a backslash escape any ASCII punctuation; these are the ones that act inline.
const INLINE_MARKUP = /[\\`*_[\]<>|~&#!]/g;

/** Escapes what would start a block at the beginning of a line: a list, a quote, a heading, a rule. */
function escapeLineStart(line: string): string {
  const rest = line.replace(/^\s+/, '');
  const ordered = rest.match(/^(\d{1,9})([.)])/);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${rest.slice(ordered[0].length)}`;
  return /^[-+=]/.test(rest) ? `\\${rest}` : rest;
}

const escapeLine = (line: string): string => escapeLineStart(line.replace(INLINE_MARKUP, (c) => `\\${c}`));

export function markdownInline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

export function markdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeLine(line).trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
