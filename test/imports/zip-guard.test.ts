import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/modules/imports/parse-xlsx.ts';
import { checkZip } from '../../src/modules/imports/zip-guard.ts';
import { deflatedSpaces, xlsxBomb, zip } from '../helpers/bad-files.ts';

const MB = 1024 * 1024;
const limits = { maxRows: 1000, maxColumns: 100, maxUncompressedBytes: 8 * MB };

async function realWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Antwoorden');
  ws.addRow(['naam', 'uren']);
  ws.addRow(['René', 7.5]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a zip is judged by the bytes it really unpacks to, not by the sizes it declares', () => {
  it('refuses an .xlsx whose sheet declares 6 KB and unpacks to 64 MB, after inflating little', async () => {
    const bomb = xlsxBomb(64);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(readXlsx(bomb, { limits })).rejects.toMatchObject({ problem: { reason: 'too_large' } });
    const check = checkZip(bomb, limits.maxUncompressedBytes);
    expect(check).toMatchObject({ ok: false, reason: 'too_large' });
    // It stops once the entry gives more than the 6 KB it declared: one chunk (~4 MB at most), not 64 MB.
    expect(check.inflatedBytes).toBeLessThan(5 * MB);
  });

  it('refuses a sheet that declares its true size when the total is beyond the limit, and stops at the limit', () => {
    const honest = xlsxBomb(64, 64 * MB + 300);
    expect(checkZip(honest, limits.maxUncompressedBytes)).toMatchObject({ ok: false, reason: 'too_large' });
    const entries = [1, 2, 3].map((n) => ({ name: `xl/part${n}.xml`, data: deflatedSpaces('<a>', 5, '</a>'), method: 8 as const, declaredSize: 1000 }));
    // Each entry declares 1,000 bytes: the declared total passes, the real bytes do not.
    const check = checkZip(zip(entries), limits.maxUncompressedBytes);
    expect(check).toMatchObject({ ok: false, reason: 'too_large' });
    expect(check.inflatedBytes).toBeLessThan(5 * MB);
  });

  it('refuses an entry that is there for a reader walking the local headers but missing from the directory', () => {
    const entries = [
      { name: 'a.xml', data: new TextEncoder().encode('<a/>'), method: 0 as const },
      { name: 'hidden.xml', data: deflatedSpaces('<b>', 20, '</b>'), method: 8 as const, declaredSize: 20 * MB + 7 },
    ];
    expect(checkZip(zip(entries, { centralOnly: ['a.xml'] }), limits.maxUncompressedBytes)).toMatchObject({ ok: false, reason: 'not_zip' });
  });

  it('refuses an entry that unpacks to less than it declares, and bytes that are no zip', () => {
    const entries = [{ name: 'a.xml', data: deflatedSpaces('<a>', 1, '</a>'), method: 8 as const, declaredSize: 2 * MB }];
    expect(checkZip(zip(entries), limits.maxUncompressedBytes)).toMatchObject({ ok: false, reason: 'not_zip' });
    expect(checkZip(new TextEncoder().encode('naam;uren\nRené;7,5\n'), limits.maxUncompressedBytes)).toMatchObject({ ok: false, reason: 'not_zip' });
    expect(checkZip(new Uint8Array(0), limits.maxUncompressedBytes)).toMatchObject({ ok: false, reason: 'not_zip' });
  });

  it('reads sizes from a ZIP64 extra field in the local header, and still counts the real bytes', () => {
    const xml = new TextEncoder().encode('<a>hallo</a>');
    const honest = [{ name: 'a.xml', data: xml, method: 0 as const, zip64Local: true }];
    expect(checkZip(zip(honest), limits.maxUncompressedBytes)).toMatchObject({ ok: true, inflatedBytes: xml.length });
    const lying = [{ name: 'b.xml', data: deflatedSpaces('<b>', 20, '</b>'), method: 8 as const, declaredSize: 100, zip64Local: true }];
    expect(checkZip(zip(lying), limits.maxUncompressedBytes)).toMatchObject({ ok: false, reason: 'too_large' });
  });

  it('lets a real workbook through, and it still reads', async () => {
    const bytes = await realWorkbook();
    expect(checkZip(bytes, limits.maxUncompressedBytes)).toMatchObject({ ok: true });
    const sheet = await readXlsx(bytes, { limits });
    expect(sheet.header).toEqual(['naam', 'uren']);
    expect([...sheet.rows()].map((r) => r.cells)).toEqual([['René', '7.5']]);
  });
});
