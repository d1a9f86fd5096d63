import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnLetters, rowWriter, xlsxChunks, xmlText } from './xlsx-package.ts';

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('the streaming xlsx writer', () => {
  it('names columns A…Z, AA…, and escapes texts as exceljs did (control characters XML cannot hold left out)', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(xmlText(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(xmlText('x\u0000\u0008\u000b\u000e\u001f\u007fy\t\n\rz')).toBe('xy\t\n\rz');
    expect(xmlText('gewoon')).toBe('gewoon');
  });

  it('writes numbers as values, texts inline, leaves empty cells out but keeps the bold style on them', () => {
    const write = rowWriter();
    expect(write([{ cells: ['a', null, 'b'], bold: true }])).toBe(
      '<row r="1" s="1" customFormat="1"><c r="A1" s="1" t="inlineStr"><is><t>a</t></is></c><c r="B1" s="1"/><c r="C1" s="1" t="inlineStr"><is><t>b</t></is></c></row>',
    );
    expect(write([{ cells: [-2, null, ' x', 0.5, Number.NaN] }])).toBe(
      '<row r="2"><c r="A2"><v>-2</v></c><c r="C2" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c><c r="D2"><v>0.5</v></c></row>',
    );
  });

  it('makes a workbook that a spreadsheet reader opens with its sheets, bold headers, frozen first row, numbers and texts', async () => {
    const file = await bytesOf(
      xlsxChunks('2026-12-06', [
        {
          name: 'Gegevens',
          frozenHeader: true,
          rows: async function* () {
            yield [{ cells: ['volgnummer', 'opmerking'], bold: true }];
            yield [{ cells: [1, "'=1+1"] }, { cells: [2, null] }];
          },
        },
        { name: 'Over "dit" bestand', frozenHeader: false, rows: () => [[{ cells: ['Geëxporteerd <vandaag> & 😀 '] }]] },
      ]),
    );
    expect(Object.keys(unzipSync(file))).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Gegevens', 'Over "dit" bestand']);
    const data = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(data.views).toMatchObject([{ state: 'frozen', ySplit: 1 }]);
    expect(data.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(data.getRow(2).getCell(1).font?.bold).toBeUndefined();
    expect([data.getCell('A2').type, data.getCell('A2').value, data.getCell('B2').value, data.getCell('B3').value]).toEqual([
      ExcelJS.ValueType.Number,
      1,
      "'=1+1",
      null,
    ]);
    expect(workbook.worksheets[1]?.getCell('A1').value).toBe('Geëxporteerd <vandaag> & 😀 ');
    expect(workbook.creator).toBe('Kruisbestuiving');
    expect(workbook.created.toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });
});
