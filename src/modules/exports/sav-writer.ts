/**
 * An SPSS system file (.sav) writer, from the format's published description (GNU PSPP's developer
 * guide, appendix "System File Format"). Pure: a dictionary in, bytes out; cases are encoded one at a
 * time, so a file of any size streams with flat memory.
 *
 * What it writes: the file header; one variable record per numeric variable and per 8 bytes of string
 * (strings over 255 bytes as 255-byte segments, tied together by the very long string record); value
 * labels of numeric variables; discrete user-missing values; the machine integer and floating-point
 * records (little-endian IEEE 754, UTF-8); multiple dichotomy sets (subtype 7); measurement level,
 * width and alignment (subtype 11); long variable names (subtype 13); very long strings (subtype 14);
 * the character encoding "UTF-8" (subtype 20); then the data with simple bytecode compression.
 */

export type SavMeasure = 'nominal' | 'ordinal' | 'scale';

export type SavVariable = {
  /** The variable name researchers see: ≤ 64 bytes, letter first (see spss-names.ts). */
  name: string;
  /** Variable label (truncated to 255 bytes). */
  label: string;
  /** 0 for numeric, else the string width in bytes (1–32767). */
  width: number;
  /** Decimals shown for a numeric variable. */
  decimals: number;
  measure: SavMeasure;
  /** Value labels of a numeric variable. */
  valueLabels: { value: number; label: string }[];
  /** Discrete user-missing values of a numeric variable (at most three). */
  missing: number[];
};

export type SavMultipleResponseSet = {
  /** Without the leading `$`. */
  name: string;
  label: string;
  /** Names of the set's 0/1 variables, in order. */
  variables: string[];
  countedValue: number;
};

export type SavDictionary = {
  variables: SavVariable[];
  multipleResponseSets: SavMultipleResponseSet[];
  fileLabel: string;
  /** Number of cases when known up front, else -1. */
  cases: number;
  createdAt: Date;
};

/** A case: one value per variable, in dictionary order; null is system-missing (numbers) or blank (strings). */
export type SavValue = number | string | null;

const SYSMIS = -Number.MAX_VALUE;
const BIAS = 100;
const encoder = new TextEncoder();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** UTF-8 bytes of a text, cut at a character boundary to at most `max` bytes. */
export function utf8Truncate(text: string, max: number): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length <= max) return bytes;
  let end = max;
  // Step back over continuation bytes (10xxxxxx) so no character is cut in half.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** Bytes padded on the right with spaces (or cut) to exactly `length`. */
function padded(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length).fill(0x20);
  out.set(bytes.subarray(0, length));
  return out;
}

/** A growable little-endian byte buffer. */
class Bytes {
  #chunks: Uint8Array[] = [];
  #length = 0;
  int32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32LE(value);
    return this.raw(b);
  }
  float64(value: number): this {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    return this.raw(b);
  }
  raw(bytes: Uint8Array): this {
    this.#chunks.push(bytes);
    this.#length += bytes.length;
    return this;
  }
  text(text: string, length: number): this {
    return this.raw(padded(encoder.encode(text), length));
  }
  get length() {
    return this.#length;
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.#chunks, this.#length);
  }
}

/** Width of one segment of a string variable, and how many there are (very long strings have several). */
export function segmentsOf(width: number): number[] {
  if (width <= 255) return [width];
  const n = Math.ceil(width / 252);
  return [...Array.from({ length: n - 1 }, () => 255), width - (n - 1) * 252];
}

/** 8-byte units a variable (segment) of this width takes in a case. */
const unitsOf = (width: number) => (width === 0 ? 1 : Math.ceil(width / 8));

const format = (type: number, width: number, decimals: number) => (type << 16) | (Math.min(width, 255) << 8) | decimals;

type Layout = {
  variable: SavVariable;
  shortNames: string[];
  segments: number[];
  /** 1-based dictionary index of the first record. */
  index: number;
};

/** Short (8-byte) names: unique, upper case; the long names are kept in the long variable names record. */
function layoutOf(variables: SavVariable[]): Layout[] {
  const taken = new Set<string>();
  let counter = 0;
  const shortName = (preferred: string): string => {
    const base = preferred
      .toUpperCase()
      .replace(/[^A-Z0-9_]/g, '')
      .slice(0, 8);
    if (/^[A-Z]/.test(base) && !taken.has(base)) {
      taken.add(base);
      return base;
    }
    for (;;) {
      const candidate = `V${(++counter).toString(36).toUpperCase()}`.slice(0, 8);
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  let index = 1;
  return variables.map((variable) => {
    const segments = variable.width === 0 ? [0] : segmentsOf(variable.width);
    const shortNames = segments.map((_, i) => shortName(i === 0 ? variable.name : `${variable.name.slice(0, 5)}${i}`));
    const layout = { variable, shortNames, segments, index };
    index += segments.reduce((sum, w) => sum + unitsOf(w), 0);
    return layout;
  });
}

function variableRecords(out: Bytes, layout: Layout): void {
  const v = layout.variable;
  layout.segments.forEach((width, s) => {
    const numeric = width === 0;
    const label = s === 0 ? utf8Truncate(v.label, 255) : new Uint8Array(0);
    const missing = numeric ? v.missing.slice(0, 3) : [];
    const fmt = numeric ? format(5, v.decimals > 0 ? 10 : 8, v.decimals) : format(1, width, 0);
    out
      .int32(2)
      .int32(numeric ? 0 : width)
      .int32(label.length > 0 ? 1 : 0)
      .int32(missing.length)
      .int32(fmt)
      .int32(fmt)
      .text(layout.shortNames[s] ?? '', 8);
    if (label.length > 0) out.int32(label.length).raw(padded(label, Math.ceil(label.length / 4) * 4));
    for (const m of missing) out.float64(m);
    // Continuation records: one per further 8 bytes of the string.
    for (let i = 1; i < unitsOf(width); i++) out.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0).text('', 8);
  });
}

function valueLabelRecords(out: Bytes, layout: Layout): void {
  const v = layout.variable;
  if (v.width !== 0 || v.valueLabels.length === 0) return;
  out.int32(3).int32(v.valueLabels.length);
  for (const { value, label } of v.valueLabels) {
    const bytes = utf8Truncate(label, 120);
    out.float64(value);
    const entry = new Uint8Array(Math.ceil((bytes.length + 1) / 8) * 8).fill(0x20);
    entry[0] = bytes.length;
    entry.set(bytes, 1);
    out.raw(entry);
  }
  out.int32(4).int32(1).int32(layout.index);
}

function extension(out: Bytes, subtype: number, size: number, data: Uint8Array): void {
  out
    .int32(7)
    .int32(subtype)
    .int32(size)
    .int32(data.length / size)
    .raw(data);
}

const ascii = (text: string) => encoder.encode(text);

function dateParts(date: Date): { day: string; time: string } {
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCFullYear() % 100)}`,
    time: `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`,
  };
}

/** Everything before the data: header, dictionary and extension records. */
function dictionaryBytes(dictionary: SavDictionary, layouts: Layout[]): Buffer {
  const out = new Bytes();
  const caseUnits = layouts.reduce((sum, l) => sum + l.segments.reduce((s, w) => s + unitsOf(w), 0), 0);
  const { day, time } = dateParts(dictionary.createdAt);
  out
    .text('$FL2', 4)
    .text('@(#) SPSS DATA FILE Kruisbestuiving', 60)
    .int32(2)
    .int32(caseUnits)
    .int32(1)
    .int32(0)
    .int32(dictionary.cases)
    .float64(BIAS)
    .text(day, 9)
    .text(time, 8)
    .raw(padded(utf8Truncate(dictionary.fileLabel, 64), 64))
    .raw(new Uint8Array(3));
  for (const layout of layouts) variableRecords(out, layout);
  for (const layout of layouts) valueLabelRecords(out, layout);

  // Machine integer info: version 1.0.0, IEEE 754, little-endian, UTF-8 (65001).
  const integers = new Bytes();
  for (const n of [1, 0, 0, -1, 1, 1, 2, 65001]) integers.int32(n);
  extension(out, 3, 4, integers.toBuffer());
  // Machine floating point info: SYSMIS, HIGHEST, LOWEST.
  extension(out, 4, 8, new Bytes().float64(SYSMIS).float64(Number.MAX_VALUE).float64(-Number.MAX_VALUE).toBuffer());

  const byName = new Map(layouts.map((l) => [l.variable.name, l]));
  if (dictionary.multipleResponseSets.length > 0) {
    const lines = dictionary.multipleResponseSets.map((set) => {
      const label = new TextDecoder().decode(utf8Truncate(set.label, 255));
      const counted = String(set.countedValue);
      const names = set.variables.map((name) => (byName.get(name)?.shortNames[0] ?? name).toLowerCase()).join(' ');
      return `$${set.name}=D${counted.length} ${counted} ${encoder.encode(label).length} ${label} ${names}\n`;
    });
    extension(out, 7, 1, encoder.encode(lines.join('')));
  }

  // Display parameters: one entry per variable segment (not per continuation record).
  const display = new Bytes();
  for (const layout of layouts)
    for (const width of layout.segments) {
      const v = layout.variable;
      const measure = v.measure === 'scale' ? 3 : v.measure === 'ordinal' ? 2 : 1;
      display
        .int32(width === 0 ? measure : 1)
        .int32(width === 0 ? 8 : Math.min(Math.max(width, 8), 40))
        .int32(width === 0 ? 1 : 0);
    }
  extension(out, 11, 4, display.toBuffer());

  extension(out, 13, 1, encoder.encode(layouts.map((l) => `${l.shortNames[0]}=${l.variable.name}`).join('\t')));

  const veryLong = layouts.filter((l) => l.variable.width > 255);
  if (veryLong.length > 0) extension(out, 14, 1, ascii(veryLong.map((l) => `${l.shortNames[0]}=${String(l.variable.width).padStart(5, '0')}\0\t`).join('')));

  extension(out, 20, 1, ascii('UTF-8'));
  out.int32(999).int32(0);
  return out.toBuffer();
}

/**
 * Simple bytecode compression: blocks of eight command bytes, each followed by the 8-byte values
 * that could not be compressed. Small whole numbers and all-space string units cost one byte.
 */
class Compressor {
  #commands = new Uint8Array(8);
  #filled = 0;
  #raw: Uint8Array[] = [];
  #out: Uint8Array[] = [];

  #push(code: number, raw?: Uint8Array): void {
    this.#commands[this.#filled++] = code;
    if (raw) this.#raw.push(raw);
    if (this.#filled === 8) this.#flush();
  }

  #flush(): void {
    if (this.#filled === 0) return;
    this.#out.push(this.#commands.slice(0, 8), ...this.#raw);
    this.#commands = new Uint8Array(8);
    this.#filled = 0;
    this.#raw = [];
  }

  number(value: number | null): void {
    if (value === null || Number.isNaN(value)) {
      this.#push(255);
      return;
    }
    if (Number.isInteger(value) && value >= 1 - BIAS && value <= 251 - BIAS) {
      this.#push(value + BIAS);
      return;
    }
    const raw = Buffer.alloc(8);
    raw.writeDoubleLE(value);
    this.#push(253, raw);
  }

  /** A string's bytes, already padded to a multiple of 8. */
  string(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i += 8) {
      const unit = bytes.subarray(i, i + 8);
      if (unit.every((b) => b === 0x20)) this.#push(254);
      else this.#push(253, unit.slice());
    }
  }

  /** The bytes made so far (whole blocks only, unless `end`). */
  take(end = false): Buffer {
    if (end) {
      if (this.#filled > 0) this.#push(252);
      // The end code and zero padding fill the last block.
      while (this.#filled > 0) this.#push(0);
    }
    const out = Buffer.concat(this.#out);
    this.#out = [];
    return out;
  }
}

/** Writes one system file: `header()` first, then `encode(case)` per case, then `end()`. */
export class SavWriter {
  readonly #layouts: Layout[];
  readonly #dictionary: SavDictionary;
  readonly #compressor = new Compressor();

  constructor(dictionary: SavDictionary) {
    if (dictionary.variables.length === 0) throw new RangeError('A system file needs at least one variable');
    this.#dictionary = dictionary;
    this.#layouts = layoutOf(dictionary.variables);
  }

  /** Short names given to the variables, by long name (for tests and the codebook). */
  shortNames(): Map<string, string> {
    return new Map(this.#layouts.map((l) => [l.variable.name, l.shortNames[0] ?? '']));
  }

  header(): Buffer {
    return dictionaryBytes(this.#dictionary, this.#layouts);
  }

  /** One case's bytes (possibly none yet: compression fills blocks of eight values). */
  encode(values: readonly SavValue[]): Buffer {
    this.#layouts.forEach((layout, i) => {
      const value = values[i] ?? null;
      if (layout.variable.width === 0) {
        this.#compressor.number(typeof value === 'number' ? value : null);
        return;
      }
      const bytes = padded(utf8Truncate(typeof value === 'string' ? value : value === null ? '' : String(value), layout.variable.width), layout.variable.width);
      // Segments of a very long string hold 255 bytes each, in slots of 256.
      layout.segments.forEach((width, s) => {
        const slot = unitsOf(width) * 8;
        this.#compressor.string(padded(bytes.subarray(s * 255, s * 255 + Math.min(255, width)), slot));
      });
    });
    return this.#compressor.take();
  }

  end(): Buffer {
    return this.#compressor.take(true);
  }
}
