import type { Language } from '../../core/language.ts';
import type { Codebook, ExportVariable } from './codebook.ts';
import { type SavValue, type SavVariable, SavWriter } from './sav-writer.ts';

/**
 * The export formats as streams of chunks. Every writer pulls cases page by page from an async
 * iterable and yields as it goes, so a consumer that reads slowly slows the database reads down
 * (backpressure) and memory stays flat.
 */

export type ExportMeta = {
  roundKey: string;
  roundName: string;
  instrumentTitle: string;
  lang: Language;
  /** The day of the export (no time: nothing in an export carries a time). */
  exportedOn: string;
  cases: number;
};

export type Pages = AsyncIterable<SavValue[][]>;

const savVariable = (v: ExportVariable): SavVariable => ({
  name: v.name,
  label: v.label,
  width: v.width,
  decimals: v.decimals,
  measure: v.measure,
  valueLabels: v.valueLabels.map(({ value, label }) => ({ value, label })),
  missing: v.missing,
});

export async function* savChunks(variables: SavVariable[], sets: Codebook['multipleResponseSets'], meta: ExportMeta, pages: Pages): AsyncGenerator<Buffer> {
  const writer = new SavWriter({
    variables,
    multipleResponseSets: sets,
    fileLabel: meta.roundName,
    cases: meta.cases,
    createdAt: new Date(`${meta.exportedOn}T00:00:00Z`),
  });
  yield writer.header();
  for await (const page of pages) yield Buffer.concat(page.map((values) => writer.encode(values)));
  yield writer.end();
}

export const savResponses = (codebook: Codebook, meta: ExportMeta, pages: Pages) =>
  savChunks(codebook.variables.map(savVariable), codebook.multipleResponseSets, meta, pages);
