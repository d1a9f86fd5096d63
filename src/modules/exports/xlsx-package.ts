import { type ZipEntry, zipChunks } from './writer-zip.ts';

/**
 * A streaming .xlsx (Office Open XML spreadsheet) written as text into a zip: the sheets' XML goes
 * straight to the deflater page by page, so memory stays flat however many rows there are. Texts are
 * inline strings (no shared-strings table, which would have to be held whole until the end); bold is
 * the one style. Cell texts are escaped exactly as exceljs 4.4.0 escaped them (the writer used before),
 * so every cell holds the same text: control characters XML cannot carry are left out, tab, line feed
 * and carriage return kept. Pure apart from the zip.
 */

export type XlsxCell = string | number | null;
export type XlsxRow = { cells: readonly XlsxCell[]; bold?: boolean };
export type XlsxSheet = {
  name: string;
  /** The first row stays in view when scrolling. */
  frozenHeader: boolean;
  /** The rows, a batch at a time (a batch becomes one piece of XML). */
  rows: () => AsyncIterable<readonly XlsxRow[]> | Iterable<readonly XlsxRow[]>;
};

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument';

/** The five XML specials, and the control characters XML 1.0 cannot hold (all but tab, line feed, carriage return). */
const SPECIALS = '[<>&"\'\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]';
const NEEDS_ESCAPE = new RegExp(SPECIALS);
const ESCAPES = new RegExp(SPECIALS, 'g');
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** Text for XML content or an attribute; characters XML 1.0 cannot hold are dropped. */
export const xmlText = (text: string): string => (NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, (c) => ENTITY[c] ?? '') : text);

const EDGE_SPACE = /^\s|\s$/;

/** A, B, …, Z, AA, …: the letters of column i (0-based). */
export function columnLetters(i: number): string {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Turns batches of rows into <row> elements, numbering rows from 1 and naming cells (A1, B1, …). */
export function rowWriter() {
  const letters: string[] = [];
  let rowNumber = 0;
  return (rows: readonly XlsxRow[]): string => {
    let xml = '';
    for (const { cells, bold } of rows) {
      const r = ++rowNumber;
      const style = bold ? ' s="1"' : '';
      xml += bold ? `<row r="${r}" s="1" customFormat="1">` : `<row r="${r}">`;
      for (let i = 0; i < cells.length; i++) {
        const value = cells[i];
        if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
          // A bold row keeps its style on empty cells too.
          if (bold) xml += `<c r="${letters[i] ?? columnLetters(i)}${r}" s="1"/>`;
          continue;
        }
        letters[i] ??= columnLetters(i);
        const ref = letters[i];
        if (typeof value === 'number') xml += `<c r="${ref}${r}"${style}><v>${String(value)}</v></c>`;
        else xml += `<c r="${ref}${r}"${style} t="inlineStr"><is><t${EDGE_SPACE.test(value) ? ' xml:space="preserve"' : ''}>${xmlText(value)}</t></is></c>`;
      }
      xml += '</row>';
    }
    return xml;
  };
}

const FROZEN =
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>';

async function* sheetXml(sheet: XlsxSheet): AsyncGenerator<string> {
  yield `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${sheet.frozenHeader ? FROZEN : ''}<sheetFormatPr defaultRowHeight="15"/><sheetData>`;
  const write = rowWriter();
  for await (const batch of sheet.rows()) if (batch.length > 0) yield write(batch);
  yield '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The workbook's package parts around the sheets: content types, relationships, workbook, styles, properties. */
function packageParts(day: string, names: string[], creator: string): ZipEntry[] {
  const text = (name: string, content: string): ZipEntry => ({ name, content: () => [content] });
  const sheetPart = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;
  const created = `${day}T00:00:00Z`;
  return [
    text(
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/${sheetPart(i)}" ContentType="${TYPE}.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="${TYPE}.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${TYPE}.extended-properties+xml"/></Types>`,
    ),
    text(
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ),
    text(
      'docProps/core.xml',
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    ),
    text(
      'docProps/app.xml',
      `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(creator)}</Application></Properties>`,
    ),
    text(
      'xl/workbook.xml',
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="${PKG_REL}">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    text('xl/styles.xml', STYLES),
  ];
}

/**
 * The .xlsx file as chunks: each sheet streamed in order, then the package parts (as exceljs laid its
 * files out too). The first sheet starts at once, so a reader that stops after the first chunk stops
 * its rows (and the export's clean-up runs).
 */
export function xlsxChunks(day: string, sheets: XlsxSheet[], creator = 'Kruisbestuiving'): AsyncGenerator<Uint8Array> {
  return zipChunks(day, [
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, content: () => sheetXml(sheet) })),
    ...packageParts(
      day,
      sheets.map((s) => s.name),
      creator,
    ),
  ]);
}
