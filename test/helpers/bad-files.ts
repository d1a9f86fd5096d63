import zlib from 'node:zlib';

/**
 * Hostile files made on the spot (never committed): zips whose declared sizes lie, and images whose
 * headers promise more pixels than anyone photographs.
 */

/** zip64Local: the local header says 0xFFFFFFFF and carries the sizes in a ZIP64 extra field, as .NET writes. */
type ZipEntry = { name: string; data: Uint8Array; method: 0 | 8; declaredSize?: number; crc?: number; zip64Local?: boolean };

/** A plain zip: local headers with sizes (no descriptors), the central directory, the end record. */
export function zip(entries: ZipEntry[], options: { centralOnly?: string[] } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(entry.zip64Local ? 20 : 0);
    if (entry.zip64Local) {
      local.writeUInt32LE(0xffffffff, 18);
      local.writeUInt32LE(0xffffffff, 22);
      local.writeUInt16LE(extra.length, 28);
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(entry.data.length), 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, Buffer.from(entry.data));
    // An entry left out of the central directory is still there for a reader that walks local headers.
    if (!options.centralOnly || options.centralOnly.includes(entry.name)) centrals.push(central, name);
    offset += 30 + name.length + extra.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = centrals.length / 2;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const flushed = (data: Uint8Array | string) => zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });

/**
 * A deflate stream of `prefix`, then `megabytes` MB of spaces, then `suffix`, built from one
 * compressed megabyte repeated (a full flush makes each copy stand alone): ~1 KB per MB unpacked.
 */
export function deflatedSpaces(prefix: string, megabytes: number, suffix: string): Uint8Array {
  const block = flushed(Buffer.alloc(1024 * 1024, 0x20));
  const parts: Buffer[] = [flushed(prefix)];
  for (let i = 0; i < megabytes; i++) parts.push(block);
  parts.push(zlib.deflateRawSync(suffix));
  return new Uint8Array(Buffer.concat(parts));
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const rootRels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const workbook =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const workbookRels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const sheetHead =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>naam';
const sheetTail = '</t></is></c></row></sheetData></worksheet>';

const text = (s: string) => new TextEncoder().encode(s);

/**
 * An .xlsx whose one sheet unpacks to `megabytes` MB (a header cell full of spaces) while the zip
 * declares `declaredBytes` for it, in the central directory and in the local header alike.
 */
export function xlsxBomb(megabytes: number, declaredBytes = 6 * 1024): Uint8Array {
  return zip([
    { name: '[Content_Types].xml', data: text(contentTypes), method: 0 },
    { name: '_rels/.rels', data: text(rootRels), method: 0 },
    { name: 'xl/workbook.xml', data: text(workbook), method: 0 },
    { name: 'xl/_rels/workbook.xml.rels', data: text(workbookRels), method: 0 },
    { name: 'xl/worksheets/sheet1.xml', data: deflatedSpaces(sheetHead, megabytes, sheetTail), method: 8, declaredSize: declaredBytes },
  ]);
}

/**
 * A real, decodable black PNG of width × height pixels that is small on disk: its rows are zeros,
 * deflated as one compressed megabyte repeated (about 1 KB per megabyte of pixels).
 */
export function pngBomb(width: number, height: number): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // 8 bits per sample
  ihdr.writeUInt8(0, 9); // greyscale
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  // Each row is a filter byte (0) and one byte per pixel: all zeros.
  const raw = height * (width + 1);
  const mb = 1024 * 1024;
  const block = zlib.deflateRawSync(Buffer.alloc(mb), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])];
  for (let i = 0; i < Math.floor(raw / mb); i++) parts.push(block);
  parts.push(zlib.deflateRawSync(Buffer.alloc(raw % mb), { level: 9 }));
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(adler32Zeros(raw));
  parts.push(adler);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', Buffer.concat(parts)), chunk('IEND', Buffer.alloc(0))]);
}

/** Adler-32 of n zero bytes: a stays 1, b adds 1 for each byte. */
function adler32Zeros(n: number): number {
  const b = n % 65521;
  return ((b << 16) | 1) >>> 0;
}
