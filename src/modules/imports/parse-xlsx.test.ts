import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, readXlsx, XlsxError } from './parse-xlsx.ts';

const limits = { maxRows: 1000, maxColumns: 100, maxUncompressedBytes: 50 * 1024 * 1024 };

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads the first sheet as text: numbers, days, rich text, cached formula results, booleans, errors', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Antwoorden');
      ws.addRow([]);
      ws.addRow(['naam', 'uren', 'datum', 'rich', 'som', 'tekstformule', 'datumformule', 'ja', 'fout', 'link']);
      ws.addRow([
        'René',
        7.5,
        new Date(Date.UTC(2024, 2, 31)),
        { richText: [{ text: 'Kritische ', font: { bold: true } }, { text: 'stem' }] },
        { formula: 'B3*2', result: 15 },
        { formula: 'A3&"!"', result: 'René!' },
        { formula: 'C3+1', result: 45383 },
        true,
        { error: '#N/A' },
        { text: 'site', hyperlink: 'https://example.org' },
      ]);
      ws.getCell('G3').numFmt = 'dd/mm/yyyy';
      ws.addRow([]);
      ws.addRow(['', 12]);
      wb.addWorksheet('Tweede').addRow(['anders']);
    });
    const sheet = await readXlsx(bytes, { limits });
    expect(sheet.sheet).toBe('Antwoorden');
    expect(sheet.headerLine).toBe(2);
    expect(sheet.header).toEqual(['naam', 'uren', 'datum', 'rich', 'som', 'tekstformule', 'datumformule', 'ja', 'fout', 'link']);
    expect([...sheet.rows()]).toEqual([
      { line: 3, cells: ['René', '7.5', '2024-03-31', 'Kritische stem', '15', 'René!', '2024-04-01', '1', '#N/A', 'site'] },
      { line: 5, cells: ['', '12'] },
    ]);
    expect(sheet.rowCount).toBe(2);
    // The rows can be read again (a check, then the store).
    expect([...sheet.rows()]).toHaveLength(2);
  });

  it('reads a named sheet, and says so when there is none by that name', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Eerste').addRow(['a']);
      const second = wb.addWorksheet('Ronde 2023');
      second.addRow(['b']);
      second.addRow(['x']);
    });
    const sheet = await readXlsx(bytes, { sheet: 'Ronde 2023', limits });
    expect(sheet.header).toEqual(['b']);
    expect([...sheet.rows()].map((r) => r.cells)).toEqual([['x']]);
    await expect(readXlsx(bytes, { sheet: 'Bestaat niet', limits })).rejects.toMatchObject({ problem: { reason: 'no_sheet', sheet: 'Bestaat niet' } });
  });

  it('stops at the row limit, and refuses what is not an .xlsx file', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Veel');
      ws.addRow(['n']);
      for (let i = 0; i < 20; i++) ws.addRow([i]);
    });
    await expect(readXlsx(bytes, { limits: { ...limits, maxRows: 10 } })).rejects.toMatchObject({ problem: { reason: 'too_many_rows', line: 12 } });
    await expect(readXlsx(bytes, { limits: { ...limits, maxUncompressedBytes: 1000 } })).rejects.toMatchObject({ problem: { reason: 'too_large' } });
    await expect(readXlsx(new TextEncoder().encode('a;b\n1;2'), { limits })).rejects.toBeInstanceOf(XlsxError);
    const broken = bytes.slice(0, bytes.length - 200);
    await expect(readXlsx(broken, { limits })).rejects.toMatchObject({ problem: { reason: 'not_xlsx' } });
  });

  it('reads a sheet stored before the workbook part that names it (exceljs issue 3064), from the same file reordered', async () => {
    const { unzipSync, zipSync } = await import('fflate');
    const written = await workbook((wb) => {
      wb.addWorksheet('Eerste').addRows([
        ['naam', 'uren'],
        ['René', 7.5],
      ]);
      wb.addWorksheet('Tweede').addRows([['ander', 'blad']]);
    });
    const files = unzipSync(written);
    // The worksheets after the relations and shared strings, the workbook part last: exceljs's
    // streaming reader meets a sheet it cannot name yet.
    const order = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
    const last = 'xl/workbook.xml';
    const unordered: Record<string, Uint8Array> = {};
    for (const name of order) if (files[name]) unordered[name] = files[name];
    for (const [name, data] of Object.entries(files)) if (!(name in unordered) && name !== last) unordered[name] = data;
    unordered[last] = files[last] as Uint8Array;
    expect(Object.keys(unordered).indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(Object.keys(unordered).indexOf(last));
    const sheet = await readXlsx(zipSync(unordered), { limits });
    expect(sheet.sheet).toBe('Eerste');
    expect(sheet.header).toEqual(['naam', 'uren']);
    expect([...sheet.rows()].map((r) => r.cells)).toEqual([['René', '7.5']]);
  });
});

describe('helpers', () => {
  it('cellText', () => {
    expect(cellText({ value: null })).toBe('');
    expect(cellText({ value: 0.1 + 0.2 })).toBe('0.30000000000000004');
    expect(cellText({ value: false })).toBe('0');
    expect(cellText({ value: { sharedFormula: 'A1', result: 'x' } })).toBe('x');
    expect(cellText({ value: { formula: 'NOW()', result: 45383.5 }, numFmt: '[$-413]d mmmm yyyy;@' })).toBe('2024-04-01');
    expect(cellText({ value: { formula: 'A1' } })).toBe('');
  });
});
