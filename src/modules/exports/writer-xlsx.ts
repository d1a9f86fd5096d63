import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Language } from '../../core/language.ts';
import { neutralise } from './cells.ts';
import type { Codebook } from './codebook.ts';
import type { TableCell, TablesData } from './report-tables.ts';
import type { SavValue } from './sav-writer.ts';
import { CODEBOOK_HEADER, numericCell, variableColumns } from './writer-csv.ts';
import type { ExportMeta, Pages } from './writers.ts';

// ---- Excel ----------------------------------------------------------------------------------

const SHEETS = {
  nl: { data: 'Gegevens', codebook: 'Codeboek', values: 'Waardelabels', tables: 'Tabellen', hidden: 'verborgen', about: 'Over dit bestand' },
  en: { data: 'Data', codebook: 'Codebook', values: 'Value labels', tables: 'Tables', hidden: 'hidden', about: 'About this file' },
};

const xlsxText = (value: string) => neutralise(value);
const xlsxCell = (value: TableCell | SavValue) => (typeof value === 'string' ? xlsxText(value) : value);

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetNamer() {
  const used = new Set<string>();
  return (wished: string) => {
    const base =
      wished
        .replace(/[[\]:*?/\\]/g, ' ')
        .slice(0, 31)
        .trim() || 'Blad';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  };
}

type Driver = (
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  pause: (sheet: ExcelJS.Worksheet) => Promise<void>,
  sheetName: (wished: string) => string,
) => Promise<void>;

const PENDING_LIMIT = 1 << 20;

/**
 * Bytes of a worksheet's XML handed to the zip but not yet compressed. exceljs's streaming writer
 * (4.4.0, pinned) writes each sheet into a buffer piped to the zip without waiting, so a fast producer
 * (rows from synchronous SQLite reads) would pile the whole sheet up in memory; the writer waits on this.
 * 0 when the internals look different (then only the reader's backpressure applies).
 */
function pendingBytes(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as { stream?: { pipes?: { _writableState?: { length?: number } }[] } }).stream;
  return (stream?.pipes ?? []).reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0), 0);
}

/** An .xlsx written with exceljs's streaming writer; the writing pauses while the reader is behind. */
function xlsxStream(exportedOn: string, drive: Driver): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  // Waits while the zip is behind (rows not yet compressed) or the reader is (the client reads slowly),
  // and stops the export when the reader went away (the client hung up).
  const pause = async (sheet: ExcelJS.Worksheet) => {
    while (!out.destroyed && pendingBytes(sheet) > PENDING_LIMIT) await new Promise((resolve) => setTimeout(resolve, 1));
    if (!out.destroyed && out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    if (out.destroyed) throw new Error('The export was stopped by its reader');
  };
  const write = async () => {
    // exceljs is large (about 150 modules): loaded at the first spreadsheet, not at start.
    const { default: excel } = await import('exceljs');
    const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Kruisbestuiving';
    // The file's own dates carry the day only, like everything else in an export.
    workbook.created = new Date(`${exportedOn}T00:00:00Z`);
    workbook.modified = workbook.created;
    await drive(workbook, pause, sheetNamer());
    await workbook.commit();
  };
  write().catch((error: Error) => out.destroy(error));
  return out;
}

function addTableSheets(workbook: ExcelJS.stream.xlsx.WorkbookWriter, data: TablesData, lang: Language, sheetName: (wished: string) => string): void {
  const s = SHEETS[lang];
  const all = workbook.addWorksheet(sheetName(s.tables));
  all.addRow(data.columns.map((c) => c.name)).commit();
  for (const row of data.rows) all.addRow(row.map(xlsxCell)).commit();
  all.commit();
  const columnIndex = new Map(data.columns.map((c, i) => [c.name, i]));
  const at = (row: TableCell[], name: string) => row[columnIndex.get(name) ?? -1] ?? null;
  for (const title of data.titles) {
    const sheet = workbook.addWorksheet(sheetName(`${title.number} ${title.question}`));
    sheet.addRow([xlsxText(title.text)]).font = { bold: true };
    const rows = data.rows.filter((r) => at(r, 'tabel') === title.number);
    const first = rows[0];
    if (first) sheet.addRow([`n = ${at(first, 'n')}`, lang === 'nl' ? `beantwoord: ${at(first, 'beantwoord')}` : `answered: ${at(first, 'beantwoord')}`]);
    const header = ['code', 'antwoord', 'aantal', 'geldig_n', 'procent', 'bi_laag', 'bi_hoog'];
    sheet.addRow(header.map((name) => data.columns[columnIndex.get(name) ?? 0]?.label ?? name)).font = { bold: true };
    for (const row of rows) {
      const hidden = at(row, 'verborgen') === 1;
      sheet.addRow(header.map((name) => (hidden && (name === 'aantal' || name === 'procent') ? s.hidden : xlsxCell(at(row, name))))).commit();
    }
    sheet.commit();
  }
}

export function xlsxResponses(codebook: Codebook, meta: ExportMeta, pages: Pages, tables: TablesData): Readable {
  const s = SHEETS[codebook.lang];
  return xlsxStream(meta.exportedOn, async (workbook, pause, sheetName) => {
    const data = workbook.addWorksheet(sheetName(s.data), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = data.addRow(codebook.variables.map((v) => v.name));
    header.font = { bold: true };
    header.commit();
    const strings = codebook.variables.map((v) => v.width > 0);
    for await (const page of pages) {
      for (const values of page)
        data.addRow(values.map((value, i) => (strings[i] ? (value === null ? null : xlsxText(String(value))) : numericCell(value)))).commit();
      await pause(data);
    }
    data.commit();
    const book = workbook.addWorksheet(sheetName(s.codebook), { views: [{ state: 'frozen', ySplit: 1 }] });
    book.addRow(CODEBOOK_HEADER[codebook.lang].slice(0, 11)).font = { bold: true };
    for (const v of codebook.variables) book.addRow(variableColumns(v).map(xlsxCell)).commit();
    book.commit();
    const labels = workbook.addWorksheet(sheetName(s.values), { views: [{ state: 'frozen', ySplit: 1 }] });
    labels.addRow([CODEBOOK_HEADER[codebook.lang][0], ...CODEBOOK_HEADER[codebook.lang].slice(11)]).font = { bold: true };
    for (const v of codebook.variables) for (const l of v.valueLabels) labels.addRow([v.name, l.value, xlsxText(l.label), xlsxText(l.key)]).commit();
    labels.commit();
    addTableSheets(workbook, tables, codebook.lang, sheetName);
    const about = workbook.addWorksheet(sheetName(s.about));
    for (const line of aboutLines(meta, codebook)) about.addRow([xlsxText(line)]).commit();
    about.commit();
  });
}

export function xlsxTables(data: TablesData, meta: ExportMeta, rule: string): Readable {
  return xlsxStream(meta.exportedOn, async (workbook, _pause, sheetName) => {
    addTableSheets(workbook, data, meta.lang, sheetName);
    const about = workbook.addWorksheet(sheetName(SHEETS[meta.lang].about));
    for (const line of [...aboutLines(meta, null), rule]) about.addRow([xlsxText(line)]).commit();
    about.commit();
  });
}

function aboutLines(meta: ExportMeta, codebook: Codebook | null): string[] {
  const nl = meta.lang === 'nl';
  return [
    `${meta.roundName} (${meta.roundKey})`,
    meta.instrumentTitle,
    nl ? `Geëxporteerd op ${meta.exportedOn} uit Kruisbestuiving.` : `Exported on ${meta.exportedOn} from Kruisbestuiving.`,
    ...(codebook
      ? [
          nl
            ? `${meta.cases} antwoorden, in willekeurige volgorde (niet de volgorde van invullen).`
            : `${meta.cases} responses, in random order (not the order of answering).`,
          codebook.openText
            ? nl
              ? 'Open antwoorden staan erin: deze ronde staat dat toe.'
              : 'Open answers are included: this round allows it.'
            : nl
              ? 'Open antwoorden staan er niet in: deze ronde staat dat niet toe.'
              : 'Open answers are not included: this round does not allow it.',
        ]
      : []),
  ];
}
