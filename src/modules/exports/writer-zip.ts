import { Zip, ZipDeflate } from 'fflate';

/** Files into one zip, deflated as they stream; the entries are dated to the day (midnight), like the rest of an export. */
export async function* zipChunks(
  day: string,
  entries: { name: string; content: () => AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> }[],
): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  const encoder = new TextEncoder();
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    file.mtime = new Date(`${day}T00:00:00`);
    zip.add(file);
    for await (const chunk of entry.content()) {
      file.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk, false);
      if (failure) throw failure;
      while (ready.length > 0) yield ready.shift() as Uint8Array;
    }
    file.push(new Uint8Array(0), true);
    while (ready.length > 0) yield ready.shift() as Uint8Array;
  }
  zip.end();
  if (failure) throw failure;
  while (ready.length > 0) yield ready.shift() as Uint8Array;
}
