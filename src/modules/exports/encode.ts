import type { CsvOptions } from './cells.ts';
import type { Codebook } from './codebook.ts';
import { rScript } from './r-script.ts';
import type { TablesData } from './report-tables.ts';
import { codebookCsv, csvResponses } from './writer-csv.ts';
import { jsonResponses } from './writer-json.ts';
import { xlsxResponses } from './writer-xlsx.ts';
import { zipChunks } from './writer-zip.ts';
import { type ExportMeta, type Pages, savResponses } from './writers.ts';

/**
 * What a response-level export writes, given its cases page by page: everything the worker thread
 * needs (export-worker.ts), as plain data that crosses to it by structured clone. Decided on the
 * request thread (service.ts): who may see what, the codebook, the order of the cases.
 */
export type ResponsesJob = {
  format: 'sav' | 'xlsx' | 'json' | 'csv' | 'r';
  codebook: Codebook;
  meta: ExportMeta;
  csv: CsvOptions & { bom: boolean };
  names: { data: string; codebook: string; read: string };
  /** The report's tables, for the xlsx's table sheets. */
  tables: TablesData | null;
};

/** The file's bytes, as the writers yield them. */
export function responsesBody(job: ResponsesJob, pages: Pages): AsyncIterable<string | Uint8Array> {
  const { codebook, meta, csv, names } = job;
  const codebookFile = { name: `${names.codebook}.csv`, content: () => [codebookCsv(codebook, csv)] };
  switch (job.format) {
    case 'sav':
      return savResponses(codebook, meta, pages);
    case 'xlsx':
      return xlsxResponses(codebook, meta, pages, job.tables as TablesData);
    case 'json':
      return jsonResponses(codebook, meta, pages);
    case 'csv':
      return zipChunks(meta.exportedOn, [{ name: `${names.data}.csv`, content: () => csvResponses(codebook, csv, pages) }, codebookFile]);
    case 'r':
      return zipChunks(meta.exportedOn, [
        { name: `${names.data}.csv`, content: () => csvResponses(codebook, csv, pages) },
        codebookFile,
        {
          name: `${names.read}-${names.data}.R`,
          content: () => [rScript(codebook, { dataFile: `${names.data}.csv`, csv, objectName: names.data, title: `${meta.roundName}: ${names.data}` })],
        },
      ]);
  }
}
