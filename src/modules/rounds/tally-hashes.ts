import { type AnswerRowCounts, answeredKey, type ChoiceSetCount, type ValueCount } from './answer-counts.ts';
import type { TallyRows } from './tally-batch.ts';

/**
 * Each complete response keeps what it added to its round's tallies, as a short list of hashes of
 * those tally keys (`responses.tally_hashes`, 4 bytes a key). A report with answer filters then
 * counts the hashes of the responses in scope and reads their keys back from the round's tallies,
 * which hold every key of every complete response: about 250 bytes a response to read and a few
 * million additions in a typed loop, instead of grouping some 30 answer rows per response in SQL
 * (docs/performance.md, "Filtered reports from each response's tally hashes").
 *
 * A hash is not a key: the counts are only taken from hashes when every hash counted is the hash of
 * exactly one key of the scope's tallies. Otherwise (two keys with one hash, a hash no tally key
 * has, a response without hashes) the caller counts the answer rows themselves.
 */

/** A key of the tallies, as text: what it counts and its fields, separated by U+001F. */
type TallyKey =
  | { kind: 'v'; question: string; item: string; option: string; value: string; marker: number }
  | { kind: 'a'; question: string; item: string }
  | { kind: 's'; question: string; options: string };

const SEPARATOR = '\u001f';
const SEPARATOR_CODE = 0x1f;

/**
 * A number as the keys write it: at most 15 significant digits, then JavaScript's shortest form. The
 * tallies keep a number as the database's text (SQLite writes 15 digits, "3.0" for 3; PostgreSQL the
 * shortest exact form), and the answers hold the double itself: all three give the same text here.
 */
export function numberText(value: number | null): string {
  if (value === null) return '';
  // A whole number below 10^15 has at most 15 digits: its shortest form is already the text.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(15)));
}

function keyText(key: TallyKey): string {
  switch (key.kind) {
    case 'v':
      return ['v', key.question, key.item, key.option, key.value, String(key.marker)].join(SEPARATOR);
    case 'a':
      return ['a', key.question, key.item].join(SEPARATOR);
    case 's':
      return ['s', key.question, key.options].join(SEPARATOR);
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the UTF-16 code units, halved to 31 bits (V8 keeps such numbers unboxed in a Map). */
export function hashOf(text: string): number {
  return fnv(FNV_OFFSET, text) >>> 1;
}

function fnv(start: number, text: string): number {
  let hash = start;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash;
}

/** hashOf(fields joined by the separator), without making that text (a submission hashes some 60 keys). */
export function hashOfFields(fields: readonly string[]): number {
  let hash = FNV_OFFSET;
  for (let f = 0; f < fields.length; f++) {
    if (f > 0) hash = Math.imul(hash ^ SEPARATOR_CODE, FNV_PRIME);
    hash = fnv(hash, fields[f] as string);
  }
  return hash >>> 1;
}

/** The hashes of the tally keys one complete response adds (from tallyRowsOf, so the same keys as the tallies). */
export function keyHashesOf(rows: TallyRows): number[] {
  return [
    ...rows.values.map(([question, item, option, number, marker]) => hashOfFields(['v', question, item, option, numberText(number), marker === 1 ? '1' : '0'])),
    ...rows.answered.map(([question, item]) => hashOfFields(['a', question, item])),
    ...rows.sets.map(([question, options]) => hashOfFields(['s', question, options])),
  ];
}

/**
 * The hashes to store with a complete response, 4 bytes each, little-endian: of every tally key it
 * adds, from the keys already made for the tallies (tallyRowsOf).
 */
export function hashesOfTallyRows(rows: TallyRows): Buffer {
  const hashes = keyHashesOf(rows);
  const bytes = Buffer.allocUnsafe(hashes.length * 4);
  for (let i = 0; i < hashes.length; i++) bytes.writeUInt32LE(hashes[i] as number, i * 4);
  return bytes;
}

/** How often each hash occurs in these responses' stored hashes (hash → count). */
export function countHashes(stored: Iterable<Uint8Array>, into: Map<number, number> = new Map()): Map<number, number> {
  for (const bytes of stored) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 4 <= bytes.byteLength; at += 4) {
      const hash = view.getUint32(at, true);
      into.set(hash, (into.get(hash) ?? 0) + 1);
    }
  }
  return into;
}

/** The tally keys of a scope's rounds, as the tallies hold them ('' for none, a number as its text). */
export type ScopeTallyKeys = {
  values: { question: string; item: string; option: string; value: string; marker: number }[];
  answered: { question: string; item: string }[];
  sets: { question: string; options: string }[];
};

/**
 * A report's counts from the hashes counted over the responses in scope (`n` of them), their keys
 * read from the scope's tallies. Null when a hash counted is not the hash of exactly one of those keys:
 * then only the answer rows can say what was counted.
 */
export function countsFromHashes(
  n: number,
  counted: ReadonlyMap<number, number>,
  keys: ScopeTallyKeys,
  multipleChoice: readonly string[],
): AnswerRowCounts | null {
  const byHash = new Map<number, TallyKey | null>();
  const known = new Set<string>();
  const add = (key: TallyKey) => {
    const text = keyText(key);
    if (known.has(text)) return;
    known.add(text);
    const hash = hashOf(text);
    byHash.set(hash, byHash.has(hash) ? null : key);
  };
  for (const v of keys.values) add({ kind: 'v', ...v, value: v.value === '' ? '' : numberText(Number(v.value)) });
  for (const a of keys.answered) add({ kind: 'a', ...a });
  for (const s of keys.sets) add({ kind: 's', ...s });

  const multiple = new Set(multipleChoice);
  const values: ValueCount[] = [];
  const answered = new Map<string, number>();
  const sets = new Map<string, ChoiceSetCount[]>();
  for (const [hash, count] of counted) {
    const key = byHash.get(hash);
    if (!key) return null;
    const orNull = (text: string) => (text === '' ? null : text);
    if (key.kind === 'v')
      values.push({
        question: key.question,
        item: orNull(key.item),
        option: orNull(key.option),
        value: key.value === '' ? null : Number(key.value),
        marker: key.marker === 1,
        count,
      });
    else if (!multiple.has(key.question)) continue;
    else if (key.kind === 'a') answered.set(answeredKey(key.question, orNull(key.item)), count);
    else {
      const list = sets.get(key.question) ?? [];
      sets.set(key.question, list);
      list.push({ options: key.options === '' ? [] : key.options.split(' '), count });
    }
  }
  return { n, values, answered, sets };
}
