import type { Language } from '../../core/language.ts';
import type { CrossTab, Report } from '../analysis/service.ts';
import { utf8Truncate } from './sav-writer.ts';

/**
 * A report's tables as one long table: a row per cell (option, combination or scale point) with the
 * table's own figures repeated, exactly as the report shows them to that person: a hidden cell has no
 * count and no percentage, and `verborgen` (hidden) = 1. Pure.
 */

export type TableColumn = { name: string; label: string; kind: 'number' | 'string'; decimals: number };
export type TableCell = string | number | null;

const label = (nl: string, en: string) => ({ nl, en });
const COLUMNS: { name: string; label: { nl: string; en: string }; kind: 'number' | 'string'; decimals: number }[] = [
  { name: 'tabel', label: label('Tabel (volgnummer in het rapport)', 'Table (number in the report)'), kind: 'number', decimals: 0 },
  { name: 'vraag', label: label('Vraag (sleutel)', 'Question (key)'), kind: 'string', decimals: 0 },
  { name: 'stelling', label: label('Stelling (sleutel, bij een matrix)', 'Statement (key, in a matrix)'), kind: 'string', decimals: 0 },
  { name: 'tekst', label: label('Tekst van de vraag', 'Text of the question'), kind: 'string', decimals: 0 },
  {
    name: 'weergave',
    label: label('Weergave: opties, combinaties, waarden of klassen (bij een getal)', 'View: options, combinations, values or classes (for a number)'),
    kind: 'string',
    decimals: 0,
  },
  { name: 'code', label: label('Code van het antwoord', 'Code of the answer'), kind: 'string', decimals: 0 },
  { name: 'antwoord', label: label('Antwoord', 'Answer'), kind: 'string', decimals: 0 },
  { name: 'aantal', label: label('Aantal', 'Count'), kind: 'number', decimals: 0 },
  { name: 'geldig_n', label: label('Geldig aantal (noemer)', 'Valid n (denominator)'), kind: 'number', decimals: 0 },
  { name: 'procent', label: label('Percentage', 'Percentage'), kind: 'number', decimals: 1 },
  { name: 'bi_laag', label: label('95%-betrouwbaarheidsinterval, ondergrens', '95% confidence interval, lower'), kind: 'number', decimals: 1 },
  { name: 'bi_hoog', label: label('95%-betrouwbaarheidsinterval, bovengrens', '95% confidence interval, upper'), kind: 'number', decimals: 1 },
  { name: 'verborgen', label: label('Verborgen: klein aantal (1 = ja)', 'Hidden: small count (1 = yes)'), kind: 'number', decimals: 0 },
  { name: 'n', label: label('Aan hoeveel mensen de vraag gesteld is', 'How many people were asked'), kind: 'number', decimals: 0 },
  { name: 'beantwoord', label: label('Hoeveel mensen antwoordden', 'How many people answered'), kind: 'number', decimals: 0 },
  { name: 'ontbrekend', label: label('Ontbrekend', 'Missing'), kind: 'number', decimals: 0 },
  { name: 'gemiddelde', label: label('Gemiddelde', 'Mean'), kind: 'number', decimals: 2 },
  { name: 'sd', label: label('Standaardafwijking', 'Standard deviation'), kind: 'number', decimals: 2 },
  { name: 'mediaan', label: label('Mediaan', 'Median'), kind: 'number', decimals: 2 },
  { name: 'kolomprocent', label: label('Kolompercentage (bij een kruistabel)', 'Column percentage (in a cross-tab)'), kind: 'number', decimals: 1 },
];

export const tableColumns = (lang: Language): TableColumn[] => COLUMNS.map((c) => ({ ...c, label: c.label[lang] }));

export type TablesData = { columns: TableColumn[]; rows: TableCell[][]; titles: { number: number; question: string; text: string }[] };

export function reportTables(report: Report, lang: Language, crossTabs: CrossTab[] = []): TablesData {
  const rows: TableCell[][] = [];
  const titles: TablesData['titles'] = [];
  report.tables.forEach((table, index) => {
    const number = index + 1;
    titles.push({ number, question: table.item ? `${table.question}.${table.item}` : table.question, text: table.text });
    const shared = [number, table.question, table.item ?? '', table.text, table.view] as TableCell[];
    const tail = [table.n, table.validN, table.missing, table.scale?.mean ?? null, table.scale?.sd ?? null, table.scale?.median ?? null, null];
    if (table.items.length === 0) {
      rows.push([...shared, '', '', null, null, null, null, null, table.tooFew || table.suppressed ? 1 : 0, ...tail]);
      return;
    }
    for (const item of table.items)
      rows.push([
        ...shared,
        item.code,
        item.label,
        item.count,
        item.validN,
        item.percent,
        item.ci?.[0] ?? null,
        item.ci?.[1] ?? null,
        item.suppressed || table.tooFew ? 1 : 0,
        ...tail,
      ]);
  });
  // A cross-tab as rows of cells: `stelling` is the row's answer, `code` the column's; `procent` the row percentage.
  crossTabs.forEach((crossTab, index) => {
    const number = report.tables.length + index + 1;
    const key = `${crossTab.rows.question}×${crossTab.cols.question}`;
    const text = `${crossTab.rows.text} × ${crossTab.cols.text}`;
    titles.push({ number, question: key, text });
    for (const line of crossTab.lines)
      for (const [j, column] of crossTab.columns.entries()) {
        const cell = line.cells[j];
        rows.push([
          number,
          key,
          line.code,
          text,
          lang === 'nl' ? 'kruistabel' : 'crosstab',
          column.code,
          `${line.label} × ${column.label}`,
          cell?.count ?? null,
          line.validN,
          cell?.rowPercent ?? null,
          null,
          null,
          line.refused || cell?.suppressed ? 1 : 0,
          line.validN,
          line.validN,
          null,
          null,
          null,
          null,
          cell?.colPercent ?? null,
        ]);
      }
  });
  return { columns: tableColumns(lang), rows, titles };
}

/** The widest text per column in bytes (string widths of a system file). */
export function columnWidths(data: TablesData): number[] {
  return data.columns.map((column, i) =>
    column.kind === 'number' ? 0 : Math.max(1, ...data.rows.map((row) => utf8Truncate(String(row[i] ?? ''), 32767).length)),
  );
}
