import { describe, expect, it } from 'vitest';
import { type SavVariable, SavWriter, segmentsOf, utf8Truncate } from './sav-writer.ts';

const numeric = (name: string, extra: Partial<SavVariable> = {}): SavVariable => ({
  name,
  label: name,
  width: 0,
  decimals: 0,
  measure: 'nominal',
  valueLabels: [],
  missing: [],
  ...extra,
});

const writer = (variables: SavVariable[], cases = 2) =>
  new SavWriter({ variables, multipleResponseSets: [], fileLabel: 'Proef', cases, createdAt: new Date('2027-03-04T05:06:07Z') });

const int32 = (b: Buffer, at: number) => b.readInt32LE(at);
const text = (b: Buffer, at: number, length: number) => b.subarray(at, at + length).toString('utf8');

describe('SPSS system file writer', () => {
  it('writes the 176-byte file header of the published format', () => {
    const header = writer([numeric('a'), { ...numeric('s'), width: 20 }], 7).header();
    expect(text(header, 0, 4)).toBe('$FL2');
    expect(text(header, 4, 19)).toBe('@(#) SPSS DATA FILE');
    expect(int32(header, 64)).toBe(2); // layout code
    expect(int32(header, 68)).toBe(1 + 3); // one numeric unit, a 20-byte string in three 8-byte units
    expect(int32(header, 72)).toBe(1); // bytecode compression
    expect(int32(header, 80)).toBe(7); // cases
    expect(header.readDoubleLE(84)).toBe(100); // bias
    expect(text(header, 92, 9)).toBe('04 Mar 27');
    expect(text(header, 101, 8)).toBe('05:06:07');
    expect(text(header, 109, 5)).toBe('Proef');
    // The first variable record follows at 176.
    expect(int32(header, 176)).toBe(2);
  });

  it('declares UTF-8 twice (machine integer info 65001 and the character encoding record)', () => {
    const header = writer([numeric('a')]).header();
    expect(header.includes(Buffer.from('UTF-8'))).toBe(true);
    const info = header.indexOf(Buffer.from([7, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 8, 0, 0, 0]));
    expect(int32(header, info + 16 + 7 * 4)).toBe(65001);
    // The dictionary ends with record 999 and a zero.
    expect(int32(header, header.length - 8)).toBe(999);
    expect(int32(header, header.length - 4)).toBe(0);
  });

  it('writes long variable names and a multiple dichotomy set with short names in lower case', () => {
    const long = 'rollen_kritische_stem_met_een_naam_langer_dan_acht_tekens';
    const w = new SavWriter({
      variables: [numeric(long), numeric('rollen_brug')],
      multipleResponseSets: [{ name: 'rollen', label: 'Welke rol?', variables: [long, 'rollen_brug'], countedValue: 1 }],
      fileLabel: '',
      cases: -1,
      createdAt: new Date(0),
    });
    const header = w.header().toString('latin1');
    const shorts = w.shortNames();
    expect(shorts.get(long)).toBe('ROLLEN_K');
    expect(header).toContain(`ROLLEN_K=${long}\tROLLEN_B=rollen_brug`);
    expect(header).toContain('$rollen=D1 1 10 Welke rol? rollen_k rollen_b\n');
  });

  it('compresses small whole numbers to one byte, system-missing to 255, others as raw values after the commands', () => {
    const w = writer([numeric('a'), numeric('b'), { ...numeric('c'), decimals: 2 }, { ...numeric('s'), width: 8 }, numeric('d')]);
    w.header();
    const first = w.encode([5, null, 1.5, 'abc', -99]);
    expect(first.length).toBe(0); // five commands do not fill a block yet
    const rest = Buffer.concat([w.encode([151, 152, null, '', 0]), w.end()]);
    // Block 1: 5, sysmis, raw, raw, -99, 151, raw(152), sysmis
    expect([...rest.subarray(0, 8)]).toEqual([105, 255, 253, 253, 1, 251, 253, 255]);
    expect(rest.readDoubleLE(8)).toBe(1.5);
    expect(rest.subarray(16, 24).toString('latin1')).toBe('abc     ');
    expect(rest.readDoubleLE(24)).toBe(152);
    // Block 2: an all-space string, 0, end of file, zero padding.
    expect([...rest.subarray(32, 40)]).toEqual([254, 100, 252, 0, 0, 0, 0, 0]);
    expect(rest.length).toBe(40);
  });

  it('splits strings over 255 bytes into segments of 255 bytes of data each', () => {
    expect(segmentsOf(255)).toEqual([255]);
    expect(segmentsOf(600)).toEqual([255, 255, 96]);
    expect(segmentsOf(20000).length).toBe(80);
    expect(segmentsOf(20000).at(-1)).toBe(20000 - 79 * 252);
    const w = writer([{ ...numeric('lang'), width: 300 }], 1);
    const header = w.header().toString('latin1');
    expect(header).toContain('LANG=00300\u0000\t');
    const value = `${'x'.repeat(255)}yz`;
    const data = Buffer.concat([w.encode([value]), w.end()]);
    // 32 units for segment one (255 bytes + 1 pad) then 8 units for the 48-byte last segment: 40 commands.
    const commands: number[] = [];
    const raws: Buffer[] = [];
    for (let at = 0; at < data.length; ) {
      const block = [...data.subarray(at, at + 8)];
      at += 8;
      for (const c of block) {
        if (c === 253) {
          raws.push(data.subarray(at, at + 8));
          at += 8;
        }
        if (c !== 0 && c !== 252) commands.push(c);
      }
    }
    expect(commands.length).toBe(32 + 6);
    const bytes = Buffer.concat(raws).toString('latin1');
    expect(bytes.startsWith('x'.repeat(255))).toBe(true);
    expect(bytes).toContain('yz');
  });

  it('cuts texts at a character boundary, never inside a UTF-8 sequence', () => {
    expect(new TextDecoder().decode(utf8Truncate('aëb', 2))).toBe('a');
    expect(new TextDecoder().decode(utf8Truncate('aëb', 3))).toBe('aë');
    expect(utf8Truncate('😀', 3).length).toBe(0);
  });

  it('refuses a dictionary without variables', () => {
    expect(() => writer([])).toThrow(RangeError);
  });
});
