import { BOM, type CsvOptions, csvField, csvLine } from './cells.ts';
import type { Codebook, ExportVariable } from './codebook.ts';
import type { TablesData } from './report-tables.ts';
import type { SavValue } from './sav-writer.ts';
import type { Pages } from './writers.ts';

export const numericCell = (value: SavValue) => (typeof value === 'number' ? value : null);

export async function* csvResponses(codebook: Codebook, options: CsvOptions & { bom: boolean }, pages: Pages): AsyncGenerator<string> {
  const strings = codebook.variables.map((v) => v.width > 0);
  const { separator } = options;
  // csvLine's output, written field by field without an array per case.
  const line = (values: SavValue[]): string => {
    let text = '';
    for (let i = 0; i < strings.length; i++) {
      const value = values[i] ?? null;
      if (i > 0) text += separator;
      if (strings[i]) text += value === null ? '' : csvField(String(value), options);
      else if (typeof value === 'number') text += csvField(value, options);
    }
    return `${text}\r\n`;
  };
  yield (options.bom ? BOM : '') +
    csvLine(
      codebook.variables.map((v) => v.name),
      options,
    );
  for await (const page of pages) yield page.map(line).join('');
}

export const CODEBOOK_HEADER = {
  nl: [
    'variabele',
    'label',
    'rol',
    'vraag',
    'stelling',
    'optie',
    'importdoel',
    'type',
    'meetniveau',
    'decimalen',
    'ontbrekend',
    'waarde',
    'waardelabel',
    'sleutel',
  ],
  en: [
    'variable',
    'label',
    'role',
    'question',
    'statement',
    'option',
    'import_target',
    'type',
    'measure',
    'decimals',
    'missing',
    'value',
    'value_label',
    'key',
  ],
};

/** The codebook's columns of one variable (the first 11 of CODEBOOK_HEADER): name, label, role, where it comes from, type, measure. */
export function variableColumns(v: ExportVariable): (string | number)[] {
  return [
    v.name,
    v.label,
    v.role,
    v.question ?? '',
    v.item ?? '',
    v.option ?? '',
    v.target ?? '',
    v.width > 0 ? `string(${v.width})` : 'numeric',
    v.measure,
    v.decimals,
    v.missing.join(' '),
  ];
}

/** One row per variable, then one row per value label of it (the same variable name in front). */
export function codebookRows(codebook: Codebook): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const v of codebook.variables) {
    const common = variableColumns(v);
    rows.push([...common, null, '', '']);
    for (const l of v.valueLabels) rows.push([...common, l.value, l.label, l.key]);
  }
  return rows;
}

export function codebookCsv(codebook: Codebook, options: CsvOptions & { bom: boolean }): string {
  return (options.bom ? BOM : '') + [CODEBOOK_HEADER[codebook.lang], ...codebookRows(codebook)].map((row) => csvLine(row, options)).join('');
}

export function tablesCsv(data: TablesData, options: CsvOptions & { bom: boolean }): string {
  return (options.bom ? BOM : '') + [data.columns.map((c) => c.name), ...data.rows].map((row) => csvLine(row as (string | number | null)[], options)).join('');
}
