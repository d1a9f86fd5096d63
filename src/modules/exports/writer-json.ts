import type { Codebook } from './codebook.ts';
import type { TablesData } from './report-tables.ts';
import type { SavValue } from './sav-writer.ts';
import type { ExportMeta, Pages } from './writers.ts';

/** The JSON shape is documented in docs/exports.md. */
export function codebookJson(codebook: Codebook) {
  return {
    variables: codebook.variables.map((v) => ({
      name: v.name,
      label: v.label,
      role: v.role,
      question: v.question,
      item: v.item,
      option: v.option,
      target: v.target,
      type: v.width > 0 ? 'string' : 'numeric',
      width: v.width > 0 ? v.width : null,
      measure: v.measure,
      decimals: v.decimals,
      values: v.valueLabels,
      missing: v.missing,
    })),
    multipleResponseSets: codebook.multipleResponseSets.map((s) => ({
      name: `$${s.name}`,
      label: s.label,
      question: s.question,
      countedValue: s.countedValue,
      variables: s.variables,
    })),
  };
}

const roundJson = (meta: ExportMeta) => ({
  key: meta.roundKey,
  name: meta.roundName,
  instrument: meta.instrumentTitle,
  language: meta.lang,
  exportedOn: meta.exportedOn,
  responses: meta.cases,
});

export async function* jsonResponses(codebook: Codebook, meta: ExportMeta, pages: Pages): AsyncGenerator<string> {
  const head = {
    format: 'kruisbestuiving-export',
    version: 1,
    kind: 'responses',
    round: { ...roundJson(meta), openText: codebook.openText, withheld: codebook.withheld },
    codebook: codebookJson(codebook),
  };
  // Each record written as JSON.stringify would write an object with these keys in this order
  // (names start with a letter, so no key is moved to the front), without building the object.
  const keys = codebook.variables.map((v, i) => `${i === 0 ? '{' : ','}${JSON.stringify(v.name)}:`);
  const record = (values: SavValue[]): string => {
    let text = '';
    for (let i = 0; i < keys.length; i++) {
      const value = values[i];
      text += keys[i] + (typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' && Number.isFinite(value) ? String(value) : 'null');
    }
    return keys.length === 0 ? '{}' : `${text}}`;
  };
  yield `${JSON.stringify(head, null, 1).replace(/\n}$/, '')},\n "responses": [`;
  let first = true;
  for await (const page of pages) {
    const text = page.map(record).join(',\n  ');
    if (text === '') continue;
    yield `${first ? '\n  ' : ',\n  '}${text}`;
    first = false;
  }
  yield '\n ]\n}\n';
}

export function jsonTables(report: { disclosure: unknown; rounding: unknown; tables: unknown[] }, data: TablesData, meta: ExportMeta): string {
  return `${JSON.stringify(
    {
      format: 'kruisbestuiving-export',
      version: 1,
      kind: 'tables',
      round: roundJson(meta),
      disclosure: report.disclosure,
      rounding: report.rounding,
      columns: data.columns,
      rows: data.rows,
      tables: report.tables,
    },
    null,
    1,
  )}\n`;
}
