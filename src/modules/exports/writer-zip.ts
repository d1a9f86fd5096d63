import { once } from 'node:events';
import zlib from 'node:zlib';
import type { ZipInputFile } from 'fflate';
import { lazyRequire } from '../../core/lazy-require.ts';

const fflate = lazyRequire<typeof import('fflate')>('fflate');

export type ZipEntry = { name: string; content: () => AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> };

/**
 * Files into one zip, deflated as they stream; the entries are dated to the day (midnight), like the
 * rest of an export. fflate lays out the zip (headers, data descriptors, central directory); the
 * deflating is Node's own zlib (native, several times faster than deflate in JavaScript, which was
 * most of the CPU time of a CSV or XLSX export), at the same level 6.
 */
export async function* zipChunks(day: string, entries: ZipEntry[]): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new (fflate().Zip)((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  for (const entry of entries) {
    const file = nativeDeflated(entry.name, new Date(`${day}T00:00:00`));
    zip.add(file.input);
    try {
      for await (const chunk of entry.content()) {
        await file.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        if (failure) throw failure;
        while (ready.length > 0) yield ready.shift() as Uint8Array;
      }
      await file.end();
    } finally {
      file.destroy();
    }
    while (ready.length > 0) yield ready.shift() as Uint8Array;
  }
  zip.end();
  if (failure) throw failure;
  while (ready.length > 0) yield ready.shift() as Uint8Array;
}

/** One zip entry whose bytes Node's zlib deflates (raw deflate, level 6); its size and CRC are counted as it goes. */
function nativeDeflated(filename: string, mtime: Date) {
  const deflater = zlib.createDeflateRaw({ level: 6 });
  let size = 0;
  let crc = 0;
  const input: ZipInputFile = { filename, mtime, size: 0, crc: 0, compression: 8, flag: 0 };
  deflater.on('data', (data: Buffer) => input.ondata?.(null, new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.length), false));
  return {
    input,
    async push(chunk: Uint8Array) {
      if (chunk.length === 0) return;
      size += chunk.length;
      crc = zlib.crc32(chunk, crc);
      if (!deflater.write(chunk)) await once(deflater, 'drain');
    },
    async end() {
      const ended = once(deflater, 'end');
      deflater.end();
      await ended;
      input.size = size;
      input.crc = crc;
      input.ondata?.(null, new Uint8Array(0), true);
    },
    destroy: () => deflater.destroy(),
  };
}
