import { lazyRequire } from '../../core/lazy-require.ts';

const fflate = lazyRequire<typeof import('fflate')>('fflate');

/**
 * Checks a zip before anything unpacks it for real: the sizes a zip declares are only claims (a
 * 4.5 MB file can declare 6 KB and unpack to gigabytes), so every entry is inflated here, its bytes
 * counted and thrown away, and the reading stops as soon as an entry gives more than it declared or
 * the whole more than `maxBytes`. Memory stays at one small chunk.
 *
 * It also makes sure that a reader going through the local headers one after the other (as exceljs
 * does) sees exactly the entries of the central directory, with the same sizes: the entries must
 * follow each other without gaps from the start of the file to the central directory.
 */

export type ZipCheck = { ok: true; entries: number; inflatedBytes: number } | { ok: false; reason: 'not_zip' | 'too_large'; inflatedBytes: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const STORED = 0;
const DEFLATED = 8;
/** Input handed to the inflater at once: even at deflate's best ratio (~1:1032) it gives ~4 MB. */
const CHUNK = 4096;

type Entry = { name: string; flags: number; method: number; compressed: number; size: number; offset: number };

class Refused extends Error {
  constructor(readonly reason: 'not_zip' | 'too_large') {
    super(reason);
  }
}

function centralDirectory(bytes: Uint8Array, view: DataView): { entries: Entry[]; start: number } {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Refused('not_zip');
  const count = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  // ZIP64 markers: far beyond anything a person imports.
  if (count === 0xffff || start === 0xffffffff) throw new Refused('too_large');
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) throw new Refused('not_zip');
    const nameLength = view.getUint16(at + 28, true);
    const entry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff) throw new Refused('too_large');
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, start };
}

/** Where the entry's data starts and where the next entry must begin, checked against its local header. */
function localSpan(bytes: Uint8Array, view: DataView, entry: Entry): { data: number; next: number } {
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new Refused('not_zip');
  const flags = view.getUint16(at + 6, true);
  const nameLength = view.getUint16(at + 26, true);
  const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
  if (view.getUint16(at + 8, true) !== entry.method || name !== entry.name || (flags & 8) !== (entry.flags & 8)) throw new Refused('not_zip');
  const described = (flags & 8) !== 0;
  const extraStart = at + 30 + nameLength;
  const data = extraStart + view.getUint16(at + 28, true);
  if (data > bytes.length) throw new Refused('not_zip');
  const local = localSizes(view, at, extraStart, data);
  // Without a data descriptor the local header states the sizes itself: they must be the same.
  if (!described && (local.compressed !== entry.compressed || local.size !== entry.size)) throw new Refused('not_zip');
  // A stored entry whose length is only in a descriptor cannot be read in one pass without guessing.
  if (described && entry.method === STORED) throw new Refused('not_zip');
  let next = data + entry.compressed;
  if (next > bytes.length) throw new Refused('not_zip');
  if (described) next += (next + 4 <= bytes.length && view.getUint32(next, true) === DESCRIPTOR ? 4 : 0) + (local.zip64 ? 20 : 12);
  return { data, next };
}

/**
 * The sizes in a local header. Some writers (.NET's packaging among them) put 0xFFFFFFFF there and
 * the real sizes in a ZIP64 extra field (id 1: uncompressed, then compressed, 8 bytes each).
 */
function localSizes(view: DataView, at: number, extraStart: number, extraEnd: number): { compressed: number; size: number; zip64: boolean } {
  const compressed = view.getUint32(at + 18, true);
  const size = view.getUint32(at + 22, true);
  if (compressed !== 0xffffffff && size !== 0xffffffff) return { compressed, size, zip64: false };
  for (let i = extraStart; i + 4 <= extraEnd; ) {
    const id = view.getUint16(i, true);
    const length = view.getUint16(i + 2, true);
    if (id === 1 && length >= 16 && i + 4 + 16 <= extraEnd) {
      return { size: Number(view.getBigUint64(i + 4, true)), compressed: Number(view.getBigUint64(i + 12, true)), zip64: true };
    }
    i += 4 + length;
  }
  throw new Refused('not_zip');
}

export function checkZip(bytes: Uint8Array, maxBytes: number): ZipCheck {
  let inflatedBytes = 0;
  try {
    if (bytes.length < 22) throw new Refused('not_zip');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const { entries, start } = centralDirectory(bytes, view);
    if (entries.reduce((sum, e) => sum + e.size, 0) > maxBytes) throw new Refused('too_large');
    let expected = 0;
    for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
      if (entry.offset !== expected) throw new Refused('not_zip');
      const span = localSpan(bytes, view, entry);
      expected = span.next;
      const data = bytes.subarray(span.data, span.data + entry.compressed);
      let produced = 0;
      const count = (length: number) => {
        produced += length;
        inflatedBytes += length;
        if (produced > entry.size || inflatedBytes > maxBytes) throw new Refused('too_large');
      };
      if (entry.method === STORED) count(data.length);
      else if (entry.method === DEFLATED) {
        let ended = false;
        const inflater = new (fflate().Inflate)((chunk, final) => {
          count(chunk.length);
          if (final) ended = true;
        });
        for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
        if (data.length === 0 || !ended) throw new Refused('not_zip');
      } else throw new Refused('not_zip');
      if (produced !== entry.size) throw new Refused('not_zip');
    }
    if (expected !== start) throw new Refused('not_zip');
    return { ok: true, entries: entries.length, inflatedBytes };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, inflatedBytes };
    // fflate throws on a damaged deflate stream.
    return { ok: false, reason: 'not_zip', inflatedBytes };
  }
}
