import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { signalAsMarkdown } from '../../src/modules/signals/export-text.ts';
import type { SignalView } from '../../src/modules/signals/model.ts';
import { charterMarkdown } from '../../src/modules/trajecten/charter/markdown.ts';

/**
 * Text people typed, put through every Markdown export and rendered by a CommonMark renderer that
 * lets raw HTML through (as many do): it must come out as the same text, never as HTML, a link, an
 * image or a heading of its own.
 */
const payloads = [
  '<script>alert(1)</script>',
  '<img src="https://tracker.example/p.gif">',
  '<a href="javascript:alert(1)">klik</a>',
  '<!-- verborgen --> zichtbaar',
  '<iframe src="https://evil.example"></iframe>',
  '![pixel](https://tracker.example/p.gif)',
  '![pixel][t]\n\n[t]: https://tracker.example/p.gif',
  '[klik hier](javascript:alert(1))',
  '[klik hier](https://evil.example "titel")',
  '[ref]\n\n[ref]: https://evil.example',
  '<javascript:alert(1)>',
  '<https://evil.example>',
  '<mail@evil.example>',
  '# Besluit: goedgekeurd',
  '## Terugkoppeling',
  'Nep kop\n===',
  'Nep kop\n---',
  'tekst #',
  '> Citaat van de minister',
  '- een lijst',
  '+ een lijst',
  '* een lijst',
  '1. genummerd',
  '7) genummerd',
  '    ingesprongen code',
  'regel\n    ingesprongen code',
  '\tmet tab',
  '```\ncode\n```',
  '~~~\ncode\n~~~',
  '***',
  '___',
  '**vet** en _schuin_ en ~~doorgestreept~~',
  '`code`',
  '| a | b |\n| --- | --- |\n| 1 | 2 |',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x&#62;',
  '\\<img src=x>',
  '\\\\',
  'regel een\r\n# regel twee',
  'x<br>y',
  '<style>body{display:none}</style>',
  '<svg onload=alert(1)>',
  '<div\nonclick="x">',
  '[x]:\nhttps://evil.example',
  'Gewone tekst: 50% (bijna), "zo" & zo!',
];

const renderer = new MarkdownIt({ html: true, linkify: false });

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function tagsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] as string).toLowerCase()))].sort();
}

const person = (displayName: string) => ({ id: 'u1', displayName });

function signalWith(text: string): SignalView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    title: text,
    status: 'feedback_given',
    level: 'regional',
    logic: 'toegankelijke_hulpverlening',
    theme: 'toegankelijkheid',
    team: { id: '00000000-0000-4000-8000-000000000002', name: text },
    raisedBy: person(text),
    raisedByMe: false,
    createdAt: '2026-10-01T09:00:00.000Z',
    lastStepAt: '2026-11-01T09:00:00.000Z',
    daysWaiting: null,
    observation: text,
    barrierFor: text,
    sourceCodeId: null,
    steps: [{ from: 'taken_up', to: 'feedback_given', note: text, by: person(text), at: '2026-11-01T09:00:00.000Z' }],
    memberChecks: [{ id: 'c1', stance: 'nuance', comment: text, by: person(text), at: '2026-10-02T09:00:00.000Z' }],
    stories: [{ id: 's1', title: text }],
    canHandle: false,
    canCheck: false,
    nextStatuses: [],
    feedback: { note: text, at: '2026-11-01T09:00:00.000Z', by: person(text) },
  };
}

// As the charter generator writes a section: every text of the team behind a label or a bullet.
function charterWith(text: string): string {
  return charterMarkdown({
    title: text,
    team: text,
    version: 1,
    language: 'nl',
    sections: [{ key: 'visie', title: text, body: `Wie: ${text}\n- ${text}\n  Omdat: ${text}`, open: [text] } as never],
    signatures: [{ displayName: text, signedAt: '2027-01-02T10:00:00.000Z' }],
    missing: [{ displayName: text }],
    established: false,
  });
}

describe('Markdown exports carry what people wrote as text, never as markup that acts', () => {
  it.each(payloads)('a signal with %j in every field', (payload) => {
    const labels = { logic: { nl: payload, en: payload }, theme: { nl: payload, en: payload } };
    const html = renderer.render(signalAsMarkdown(signalWith(payload), labels, 'nl'));
    expect(tagsOf(html)).toEqual(['h1', 'h2', 'li', 'p', 'ul']);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    // What was seen, for whom, linked stories, member checking, steps, feedback.
    expect(html.match(/<h2>/g)).toHaveLength(6);
    const text = squash(decode(html));
    // Every field still says what its author wrote (a line break may become a space).
    expect(text.split(squash(payload)).length - 1).toBeGreaterThanOrEqual(13);
  });

  it.each(payloads)('a charter with %j in every field', (payload) => {
    const html = renderer.render(charterWith(payload));
    expect(tagsOf(html).filter((t) => !['h1', 'h2', 'li', 'p', 'ul', 'strong', 'br'].includes(t))).toEqual([]);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    // The section and the signatures.
    expect(html.match(/<h2>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<(a|img|script|code|pre|blockquote|hr|table|iframe|svg|style|h3|h4|h5|h6|ol|em|del|s)\b/);
    expect(squash(decode(html)).split(squash(payload)).length - 1).toBeGreaterThanOrEqual(9);
  });
});
