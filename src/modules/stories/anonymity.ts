import { placeNames } from './places.ts';

/**
 * Help for anonymising: finds details in a text that could identify someone, so the author can
 * look at them before sharing wider than the team. It only advises; the author decides.
 * Pure: no I/O. Positions are UTF-16 offsets into the text (as JavaScript strings count).
 */

export const findingKinds = ['email', 'phone', 'date', 'national_number', 'iban', 'address', 'postcode', 'place', 'member_name', 'name'] as const;
export type FindingKind = (typeof findingKinds)[number];
export type Finding = { kind: FindingKind; start: number; end: number; text: string };

/** Capitalised words that are no person's name, even in the middle of a sentence. */
const notNames = new Set(
  [
    'God',
    'Allah',
    'Jezus',
    'Kerstmis',
    'Kerst',
    'Pasen',
    'Pinksteren',
    'Ramadan',
    'Suikerfeest',
    'Nieuwjaar',
    'Sinterklaas',
    'Vlaanderen',
    'Wallonië',
    'België',
    'Nederland',
    'Europa',
    'Vlaams',
    'Vlaamse',
    'Belgische',
    'Nederlandse',
    'Nederlands',
    'Frans',
    'Franse',
    'Engels',
    'Engelse',
    'Duits',
    'Duitse',
    'Arabisch',
    'Turks',
    'Marokkaans',
    'Marokkaanse',
    'Facebook',
    'WhatsApp',
    'Instagram',
    'Google',
    'Internet',
    'Corona',
    'Covid',
    'Alcoholisten',
    'Anonieme',
    'Ervaringswerk',
    'Ervaringsdeskundige',
    'Ervaringswerker',
  ].map((w) => w.toLowerCase()),
);

const months = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october';
const streetSuffixes = 'straat|laan|weg|plein|steenweg|dreef|lei|kaai|gracht|singel|dijk|markt|baan|pad|hof|kade|steeg|vest|wal|berg|veld|park|ring';

type Pattern = { kind: FindingKind; regex: RegExp };

const patterns: Pattern[] = [
  { kind: 'email', regex: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu },
  { kind: 'national_number', regex: /\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}\b/g },
  { kind: 'iban', regex: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g },
  { kind: 'phone', regex: /(?:\+|00)\s?(?:31|32)[\s./-]?(?:\(0\))?[\s./-]?\d(?:[\s./-]?\d){7,9}\b/g },
  { kind: 'phone', regex: /\b0\d(?:[\s./-]?\d){7,8}\b/g },
  { kind: 'date', regex: /\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b/g },
  { kind: 'date', regex: new RegExp(`\\b\\d{1,2}\\s+(?:${months})\\s+(?:19|20)\\d{2}\\b`, 'giu') },
  {
    kind: 'address',
    regex: new RegExp(`\\b(?:[\\p{Lu}][\\p{L}'-]*\\s)?[\\p{Lu}][\\p{L}'-]*(?:${streetSuffixes})\\s+\\d{1,4}(?:\\s?[a-zA-Z]\\b|\\s?bus\\s?\\d+)?`, 'gu'),
  },
  { kind: 'postcode', regex: /\b[1-9]\d{3}\s?[A-Z]{2}\b/g },
  { kind: 'postcode', regex: /\b[1-9]\d{3}(?=\s+\p{Lu})/gu },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordRegex(words: string[], flags: string): RegExp | undefined {
  const unique = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}'-])(?:${unique.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-])`, flags);
}

const placeRegex = wordRegex([...placeNames], 'gu');

/** The parts of members' names worth looking for: the full name and each part of three letters or more. */
function memberNameParts(names: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length < 3) continue;
    parts.add(trimmed);
    for (const part of trimmed.split(/\s+/)) if (part.length >= 3 && !notNames.has(part.toLowerCase())) parts.add(part);
  }
  return [...parts];
}

/** Whether the word starting at `index` opens a sentence (start of text, after . ! ? or a blank line, maybe behind a quote). */
function startsSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /["“”‘’'(«\s*\-–•]/u.test(text[i] ?? '')) {
    if (text[i] === '\n') return true;
    i--;
  }
  if (i < 0) return true;
  return /[.!?…:;]/u.test(text[i] ?? '');
}

function collect(text: string, regex: RegExp, kind: FindingKind, into: Finding[]): void {
  for (const match of text.matchAll(regex)) {
    const start = match.index ?? 0;
    into.push({ kind, start, end: start + match[0].length, text: match[0] });
  }
}

const priority: Record<FindingKind, number> = {
  email: 0,
  national_number: 1,
  iban: 2,
  phone: 3,
  date: 4,
  address: 5,
  postcode: 6,
  member_name: 7,
  place: 8,
  name: 9,
};

/** Every identifying detail found, in text order, without overlaps (the more specific kind wins). */
export function findIdentifyingDetails(text: string, options: { memberNames?: readonly string[] } = {}): Finding[] {
  const found: Finding[] = [];
  for (const { kind, regex } of patterns) collect(text, regex, kind, found);
  const members = wordRegex(memberNameParts(options.memberNames ?? []), 'giu');
  if (members) collect(text, members, 'member_name', found);
  if (placeRegex) collect(text, placeRegex, 'place', found);
  for (const match of text.matchAll(/(?<![\p{L}\p{N}'-])\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*(?![\p{L}\p{N}])/gu)) {
    const start = match.index ?? 0;
    if (startsSentence(text, start) || notNames.has(match[0].toLowerCase())) continue;
    found.push({ kind: 'name', start, end: start + match[0].length, text: match[0] });
  }
  found.sort((a, b) => a.start - b.start || priority[a.kind] - priority[b.kind] || b.end - a.end);
  const result: Finding[] = [];
  for (const f of found) {
    const last = result.at(-1);
    if (last && f.start < last.end) {
      // Overlap: keep the more specific one, or the longer of equal kinds.
      if (priority[f.kind] < priority[last.kind] || (f.kind === last.kind && f.end > last.end)) result[result.length - 1] = f;
      continue;
    }
    result.push(f);
  }
  return result;
}

/** The text cut into plain and flagged pieces, for highlighting. */
export function highlightSegments(text: string, findings: readonly Finding[]): { text: string; kind: FindingKind | null }[] {
  const segments: { text: string; kind: FindingKind | null }[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.start > at) segments.push({ text: text.slice(at, f.start), kind: null });
    segments.push({ text: text.slice(f.start, f.end), kind: f.kind });
    at = f.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: null });
  return segments;
}
