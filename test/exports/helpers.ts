import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

/** Every record of a CSV text (RFC 4180: quoted fields may hold separators, quotes and line breaks). */
export function parseCsvRecords(text: string, separator = ','): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export type PsppTable = { title: string; rows: string[][] };

/** PSPP's CSV output: "Table: <title>" then the table's rows, tables separated by an empty line. */
export function psppTables(csv: string): PsppTable[] {
  const tables: PsppTable[] = [];
  for (const record of parseCsvRecords(csv)) {
    if (record.length === 1 && record[0]?.startsWith('Table: ')) tables.push({ title: record[0].slice(7), rows: [] });
    else if (record.length === 1 && record[0] === '') continue;
    else tables.at(-1)?.rows.push(record);
  }
  return tables;
}

const run = promisify(execFile);

/** Runs a PSPP syntax file on a .sav file and returns its output tables (CSV driver). */
export async function runPspp(sav: Buffer, syntax: (file: string) => string): Promise<PsppTable[]> {
  const pspp = inject('psppPath');
  if (!pspp) throw new Error('PSPP is not available');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-pspp-'));
  try {
    const file = path.join(dir, 'export.sav');
    fs.writeFileSync(file, sav);
    fs.writeFileSync(path.join(dir, 'read.sps'), syntax(file));
    const out = path.join(dir, 'out.csv');
    const { stderr } = await run(pspp, ['-O', 'format=csv', '-o', out, path.join(dir, 'read.sps')], { timeout: 30_000 });
    const csv = fs.readFileSync(out, 'utf8');
    if (/error|warning/i.test(stderr) || /^(error|warning):/im.test(csv)) throw new Error(`PSPP complained:\n${stderr}\n${csv.slice(0, 2000)}`);
    return psppTables(csv);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
