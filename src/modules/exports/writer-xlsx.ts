import { Readable } from 'node:stream';
import type { Language } from '../../core/language.ts';
import { neutralise } from './cells.ts';
import type { Codebook } from './codebook.ts';
import type { TableCell, TablesData } from './report-tables.ts';
import type { SavValue } from './sav-writer.ts';
import { CODEBOOK_HEADER, numericCell, variableColumns } from './writer-csv.ts';
import type { ExportMeta, Pages } from './writers.ts';
import { type XlsxCell, type XlsxRow, type XlsxSheet, xlsxChunks } from './xlsx-package.ts';

/**
 * The Excel exports: a data sheet, the codebook, the value labels, the report's tables and a sheet about
 * the file (xlsx-package.ts writes the XML and the zip).
 */

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

/** A bold row (headings). */
const bold = (cells: readonly XlsxCell[]): XlsxRow => ({ cells, bold: true });
const plain = (cells: readonly XlsxCell[]): XlsxRow => ({ cells });

/** The report's tables: all rows in one sheet, then a sheet per table. */
function tableSheets(data: TablesData, lang: Language, sheetName: (wished: string) => string): XlsxSheet[] {
  const s = SHEETS[lang];
  const all: XlsxSheet = {
    name: sheetName(s.tables),
    frozenHeader: false,
    rows: () => [[plain(data.columns.map((c) => c.name)), ...data.rows.map((row) => plain(row.map(xlsxCell)))]],
  };
  const columnIndex = new Map(data.columns.map((c, i) => [c.name, i]));
  const at = (row: TableCell[], name: string) => row[columnIndex.get(name) ?? -1] ?? null;
  const header = ['code', 'antwoord', 'aantal', 'geldig_n', 'procent', 'bi_laag', 'bi_hoog'];
  const perTable = data.titles.map(
    (title): XlsxSheet => ({
      name: sheetName(`${title.number} ${title.question}`),
      frozenHeader: false,
      rows: () => {
        const rows = data.rows.filter((r) => at(r, 'tabel') === title.number);
        const first = rows[0];
        return [
          [
            bold([xlsxText(title.text)]),
            ...(first
              ? [plain([`n = ${at(first, 'n')}`, lang === 'nl' ? `beantwoord: ${at(first, 'beantwoord')}` : `answered: ${at(first, 'beantwoord')}`])]
              : []),
            bold(header.map((name) => data.columns[columnIndex.get(name) ?? 0]?.label ?? name)),
            ...rows.map((row) => {
              const hidden = at(row, 'verborgen') === 1;
              return plain(header.map((name) => (hidden && (name === 'aantal' || name === 'procent') ? s.hidden : xlsxCell(at(row, name)))));
            }),
          ],
        ];
      },
    }),
  );
  return [all, ...perTable];
}

export function xlsxResponses(codebook: Codebook, meta: ExportMeta, pages: Pages, tables: TablesData): Readable {
  const s = SHEETS[codebook.lang];
  const sheetName = sheetNamer();
  const strings = codebook.variables.map((v) => v.width > 0);
  const head = CODEBOOK_HEADER[codebook.lang];
  const data: XlsxSheet = {
    name: sheetName(s.data),
    frozenHeader: true,
    rows: async function* () {
      yield [bold(codebook.variables.map((v) => v.name))];
      for await (const page of pages)
        yield page.map((values) => plain(values.map((value, i) => (strings[i] ? (value === null ? null : xlsxText(String(value))) : numericCell(value)))));
    },
  };
  const book: XlsxSheet = {
    name: sheetName(s.codebook),
    frozenHeader: true,
    rows: () => [[bold(head.slice(0, 11)), ...codebook.variables.map((v) => plain(variableColumns(v).map(xlsxCell)))]],
  };
  const labels: XlsxSheet = {
    name: sheetName(s.values),
    frozenHeader: true,
    rows: () => [
      [
        bold([head[0] ?? '', ...head.slice(11)]),
        ...codebook.variables.flatMap((v) => v.valueLabels.map((l) => plain([v.name, l.value, xlsxText(l.label), xlsxText(l.key)]))),
      ],
    ],
  };
  const tableParts = tableSheets(tables, codebook.lang, sheetName);
  const about: XlsxSheet = { name: sheetName(s.about), frozenHeader: false, rows: () => [aboutLines(meta, codebook).map((line) => plain([xlsxText(line)]))] };
  return Readable.from(xlsxChunks(meta.exportedOn, [data, book, labels, ...tableParts, about]));
}

export function xlsxTables(data: TablesData, meta: ExportMeta, rule: string): Readable {
  const sheetName = sheetNamer();
  const tableParts = tableSheets(data, meta.lang, sheetName);
  const about: XlsxSheet = {
    name: sheetName(SHEETS[meta.lang].about),
    frozenHeader: false,
    rows: () => [[...aboutLines(meta, null), rule].map((line) => plain([xlsxText(line)]))],
  };
  return Readable.from(xlsxChunks(meta.exportedOn, [...tableParts, about]));
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
