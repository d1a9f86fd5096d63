import type { Language } from '../../core/language.ts';
import { NO_OPINION, OTHER } from '../instruments/definition.ts';
import type { ResolvedQuestion } from '../instruments/resolve.ts';
import { parseLocaleNumber } from './parse-csv.ts';

/** How cells and headers are compared: without case, accents, extra spaces or a closing ? or :. */
export const normalise = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[?:!.]+$/, '');

/** Headers compared as keys: `Uren per week`, `uren-per-week` and `uren_per_week` are the same. */
export const keyForm = (text: string): string => normalise(text).replace(/[\s-]+/g, '_');

/**
 * Normalised text → the value to store; a text that fits two values fits none. Cells repeat a lot
 * (a survey has few distinct answers), so what was looked up once is remembered.
 */
export class Lookup {
  readonly #map = new Map<string, string | null>();
  readonly #seen = new Map<string, string | null>();

  add(text: string, value: string): void {
    const key = normalise(text);
    if (key === '') return;
    const existing = this.#map.get(key);
    if (existing === undefined) this.#map.set(key, value);
    else if (existing !== value) this.#map.set(key, null);
  }

  get(text: string): string | undefined {
    let found = this.#seen.get(text);
    if (found === undefined) {
      found = this.#map.get(normalise(text)) ?? null;
      if (this.#seen.size >= 10_000) this.#seen.clear();
      this.#seen.set(text, found);
    }
    return found ?? undefined;
  }
}

/** Every way a cell may name an answer of a choice or scale question: its code, its Dutch or English words. */
export function valueLookup(q: ResolvedQuestion): Lookup {
  const lookup = new Lookup();
  if (q.type === 'single' || q.type === 'multiple') {
    for (const o of q.options) lookup.add(o.key, o.key);
    for (const o of q.options) for (const label of [o.label.nl, o.label.en]) lookup.add(label, o.key);
    if (q.other) for (const text of [OTHER, q.other.label.nl, q.other.label.en]) lookup.add(text, OTHER);
  }
  if (q.type === 'likert' || q.type === 'matrix') {
    for (const p of q.points) for (const label of [p.label.nl, p.label.en]) lookup.add(label, String(p.value));
    if (q.noOpinion) for (const text of [NO_OPINION, q.noOpinion.label.nl, q.noOpinion.label.en]) lookup.add(text, NO_OPINION);
  }
  return lookup;
}

/** A cell's own recoding (`values` in the mapping), compared exactly first, then normalised. */
export type Recode = (cell: string) => string | undefined;

export function recoder(values: Record<string, string> | undefined): Recode {
  if (!values) return () => undefined;
  const exact = new Map(Object.entries(values).map(([k, v]) => [k.trim(), v]));
  const loose = new Lookup();
  for (const [k, v] of exact) loose.add(k, v);
  return (cell) => exact.get(cell.trim()) ?? loose.get(cell);
}

/**
 * The options a multiple-choice cell names. The whole cell may be one answer; otherwise it is split
 * on `;` and `|`, and a part that is not an answer on `,` (labels may hold a comma, as in "Een loon,
 * met een arbeidscontract"). Unknown parts are returned as they were written.
 */
export function splitChoices(cell: string, match: (text: string) => string | undefined): { keys: string[]; unknown: string[] } {
  const whole = match(cell);
  if (whole !== undefined) return { keys: [whole], unknown: [] };
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(/[;|]/)) {
    if (part.trim() === '') continue;
    const pieces = part.split(',');
    // The longest run of pieces that names an answer wins, so "Een loon, met een arbeidscontract, Een factuur" is two answers.
    for (let i = 0; i < pieces.length; ) {
      let j = pieces.length;
      let key: string | undefined;
      for (; j > i; j--) {
        key = match(pieces.slice(i, j).join(','));
        if (key !== undefined) break;
      }
      if (key !== undefined) {
        keys.push(key);
        i = j;
        continue;
      }
      if ((pieces[i] ?? '').trim() !== '') unknown.push((pieces[i] ?? '').trim());
      i++;
    }
  }
  return { keys: [...new Set(keys)], unknown };
}

const truthy = new Set(['1', 'x', 'ja', 'yes', 'j', 'y', 'waar', 'true', 'wel', 'v', '✓', '✔', 'gekozen', 'checked']);
const falsy = new Set(['0', 'nee', 'no', 'n', 'onwaar', 'false', 'niet', '-', 'niet gekozen', 'unchecked']);

/** A 0/1 column for one option: chosen, not chosen, or something unreadable. */
export function indicator(cell: string): boolean | undefined {
  const text = normalise(cell);
  if (text === '') return false;
  const n = parseLocaleNumber(text);
  if (n !== undefined) return n === 1 ? true : n === 0 ? false : undefined;
  if (truthy.has(text)) return true;
  if (falsy.has(text)) return false;
  return undefined;
}

const languages: Record<string, Language> = {
  nl: 'nl',
  nld: 'nl',
  dut: 'nl',
  nederlands: 'nl',
  dutch: 'nl',
  vlaams: 'nl',
  'nl-be': 'nl',
  'nl-nl': 'nl',
  en: 'en',
  eng: 'en',
  engels: 'en',
  english: 'en',
  'en-gb': 'en',
  'en-us': 'en',
};

export const languageOf = (cell: string): Language | undefined => languages[normalise(cell)];

const isDay = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900;
};
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A day from what people write: 2024-03-31, 31-03-2024, 31/3/2024, 31.03.2024, with or without a
 * time after it (the time is dropped: only the day is kept). Day before month, as in Dutch.
 */
export function dayOf(cell: string): string | undefined {
  const text = cell.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: [\d:.]+)?$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  return isDay(Number(y), Number(m), Number(d)) ? `${y}-${pad(Number(m))}-${pad(Number(d))}` : undefined;
}
