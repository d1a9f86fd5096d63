import { Readable } from 'node:stream';
import type { Actor, ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { streamFromWorker } from '../../core/off-thread.ts';
import { authorize, can } from '../../core/policy.ts';
import { sqliteFileOf } from '../../db/database.ts';
import type { RoundTable } from '../../db/tables/rounds.ts';
import { DEFAULT_DISCLOSURE_THRESHOLD } from '../analysis/core/index.ts';
import { type Access, assertResultsShared, composeCrossTabs, composeReport, roundForCli } from '../analysis/service.ts';
import { recordAudit } from '../audit/service.ts';
import { localise } from '../instruments/definition.ts';
import * as surveyAnswers from '../rounds/answers.ts';
import { respondentDataPolicy, teamsNamedInRows } from '../rounds/data-policy.ts';
import type { InstrumentSource } from '../rounds/instrument-source.ts';
import { findRoundOf } from '../rounds/service.ts';
import type { CsvOptions } from './cells.ts';
import { buildCodebook } from './codebook.ts';
import type { ResponsesJob } from './encode.ts';
import type { ExportWorkerJob } from './export-worker.ts';
import type { ExportFormat } from './model.ts';
import { rTablesScript } from './r-script.ts';
import { columnWidths, reportTables, type TablesData } from './report-tables.ts';
import type { SavValue, SavVariable } from './sav-writer.ts';
import * as store from './store.ts';
import { tablesCsv } from './writer-csv.ts';
import { jsonTables } from './writer-json.ts';
import { xlsxTables } from './writer-xlsx.ts';
import { zipChunks } from './writer-zip.ts';
import { type ExportMeta, savChunks } from './writers.ts';

/**
 * Exports of a round. Response-level data only for people with raw-data rights ('reports.raw'), never
 * with tokens, resume codes, ids or times, in an order unrelated to the order of answering, open text
 * only when the round allows it. The report's tables alone for everyone who may see the report, with
 * small counts hidden exactly as the report hides them for that person. Every export is audited.
 */

export type ExportRequest = { format: ExportFormat; lang: Language; tablesOnly: boolean; dutchExcel: boolean; crossTabs?: string[] };

export type ExportFile = {
  fileName: string;
  contentType: string;
  /** Cases (responses) or table rows that will be written. */
  totalRows: number;
  body: Readable;
};

export type ExportProgress = (rowsDone: number, totalRows: number) => void;

const CONTENT_TYPES = {
  sav: 'application/x-spss-sav',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip',
} as const;

type ZipEntries = Parameters<typeof zipChunks>[1];

/** The file makers of one export, all saying how many rows it holds; a zip is dated to the export's day. */
function exportFiles(totalRows: number, exportedOn: string) {
  const file = (fileName: string, contentType: string, body: Readable): ExportFile => ({ fileName, contentType, totalRows, body });
  const zip = (fileName: string, entries: ZipEntries): ExportFile => file(fileName, CONTENT_TYPES.zip, Readable.from(zipChunks(exportedOn, entries)));
  return { file, zip };
}

const NAMES = {
  nl: { data: 'gegevens', codebook: 'codeboek', tables: 'tabellen', read: 'lees' },
  en: { data: 'data', codebook: 'codebook', tables: 'tables', read: 'read' },
} as const;

const PAGE_SIZE = 500;
const DAY_MS = 86_400_000;

const csvOptionsOf = (request: ExportRequest): CsvOptions & { bom: boolean } =>
  request.dutchExcel ? { separator: ';', decimalComma: true, bom: true } : { separator: ',', decimalComma: false, bom: false };

/** A signed-in person's export of a round (web). */
export async function exportForActor(
  ctx: ServiceContext,
  source: InstrumentSource,
  actor: Actor,
  { organisationId, roundId, request }: { organisationId: string; roundId: string; request: ExportRequest },
): Promise<ExportFile> {
  authorize(actor, request.tablesOnly ? 'reports.view' : 'reports.raw', organisationId);
  const round = await findRoundOf(ctx, organisationId, roundId);
  if (!round) throw notFound();
  assertResultsShared(ctx, actor, organisationId, round);
  const access: Access = { organisationId, suppress: !can(actor, 'reports.raw', organisationId), actorUserId: actor.userId, source: 'web' };
  return exportRound(ctx, source, access, round, { request });
}

/** The command line: researcher rights (audited without a person), a round named by its key. */
export async function exportForCli(
  ctx: ServiceContext,
  source: InstrumentSource,
  roundKey: string,
  request: ExportRequest & { organisation?: string | undefined },
  onProgress?: ExportProgress,
): Promise<ExportFile> {
  const round = await roundForCli(ctx, roundKey, request.organisation);
  const access: Access = { organisationId: round.organisation_id, suppress: false, actorUserId: null, source: 'cli' };
  return exportRound(ctx, source, access, round, { request, onProgress });
}

async function exportRound(
  ctx: ServiceContext,
  source: InstrumentSource,
  access: Access,
  round: RoundTable,
  { request, onProgress }: { request: ExportRequest; onProgress?: ExportProgress },
): Promise<ExportFile> {
  const published = await source(ctx, round.instrument_version_id);
  if (!published || published.organisationId !== access.organisationId) throw notFound();
  const { lang } = request;
  const now = ctx.clock.now();
  const base = {
    roundKey: round.key ?? round.id,
    roundName: round.name,
    instrumentTitle: localise(published.title, lang),
    lang,
    exportedOn: now.toISOString().slice(0, 10),
  };
  const stem = base.roundKey.replace(/[^a-zA-Z0-9_-]/g, '-');
  const names = NAMES[lang];
  const csv = csvOptionsOf(request);
  const audit = (rows: number, openText: boolean) =>
    recordAudit(ctx.db, now, {
      organisationId: access.organisationId,
      actorUserId: access.actorUserId,
      action: 'export.downloaded',
      subjectType: 'round',
      subjectId: round.id,
      details: {
        round: round.id,
        format: request.format,
        lang,
        tablesOnly: request.tablesOnly,
        suppressed: access.suppress,
        dutchExcel: request.dutchExcel,
        openText,
        rows,
        source: access.source,
      },
    });

  if (request.tablesOnly || access.suppress) {
    const report = await composeReport(ctx, source, access, round, { query: { lang } });
    const data = reportTables(report, lang, await composeCrossTabs(ctx, source, access, round, { pairs: request.crossTabs ?? [], lang }));
    const meta: ExportMeta = { ...base, cases: data.rows.length };
    await audit(data.rows.length, false);
    onProgress?.(data.rows.length, data.rows.length);
    const { file, zip } = exportFiles(data.rows.length, base.exportedOn);
    const name = `${stem}-${names.tables}`;
    switch (request.format) {
      case 'sav':
        return file(`${name}.sav`, CONTENT_TYPES.sav, Readable.from(savChunks(tablesVariables(data, lang), [], meta, onePage(data.rows))));
      case 'xlsx':
        return file(`${name}.xlsx`, CONTENT_TYPES.xlsx, xlsxTables(data, meta, report.disclosure.rule[lang]));
      case 'csv':
        return file(`${name}.csv`, CONTENT_TYPES.csv, Readable.from([tablesCsv(data, csv)]));
      case 'json':
        return file(`${name}.json`, CONTENT_TYPES.json, Readable.from([jsonTables(report, data, meta)]));
      case 'r':
        return zip(`${name}-r.zip`, [
          { name: `${names.tables}.csv`, content: () => [tablesCsv(data, csv)] },
          {
            name: `${names.read}-${names.tables}.R`,
            content: () => [
              rTablesScript(data.columns, { dataFile: `${names.tables}.csv`, csv, objectName: names.tables, title: `${base.roundName}: ${names.tables}` }),
            ],
          },
        ]);
    }
  }

  // The same policy the consent text is written from (rounds/data-policy.ts).
  const policy = respondentDataPolicy({
    openTextExport: round.open_text_export === 1,
    disclosureThreshold: (await store.organisationThreshold(ctx.db, access.organisationId)) ?? DEFAULT_DISCLOSURE_THRESHOLD,
  });
  const openText = policy.openTextInRows;
  const named = teamsNamedInRows(policy, await surveyAnswers.completeByTeam(ctx.db, round.id));
  const codebook = buildCodebook(published.instrument, {
    lang,
    openText,
    teams: (await store.teamsOf(ctx.db, access.organisationId)).filter((team) => named.has(team.id)),
    teamWithheldBelow: policy.teamInRowsFrom,
    textWidths: openText ? await surveyAnswers.textWidths(ctx.db, round.id) : new Map(),
  });
  await store.dropStaleOrders(ctx.db, new Date(now.getTime() - DAY_MS).toISOString());
  const exportId = newId();
  const total = await store.prepareOrder(ctx.db, exportId, round.id, now.toISOString());
  const meta: ExportMeta = { ...base, cases: total };
  const tables = request.format === 'xlsx' ? reportTables(await composeReport(ctx, source, access, round, { query: { lang } }), lang) : null;
  await audit(total, openText);
  const job: ResponsesJob = { format: request.format, codebook, meta, csv, names, tables };
  const body = await responsesOffThread(ctx, { job, exportId, total, ...(onProgress ? { onProgress } : {}) });
  const name = `${stem}-${names.data}`;
  const { file } = exportFiles(total, base.exportedOn);
  switch (request.format) {
    case 'sav':
      return file(`${name}.sav`, CONTENT_TYPES.sav, body);
    case 'xlsx':
      return file(`${name}.xlsx`, CONTENT_TYPES.xlsx, body);
    case 'json':
      return file(`${name}.json`, CONTENT_TYPES.json, body);
    case 'csv':
      return file(`${name}-csv.zip`, CONTENT_TYPES.zip, body);
    case 'r':
      return file(`${name}-r.zip`, CONTENT_TYPES.zip, body);
  }
}

/**
 * The file's bytes, written in a worker thread (export-worker.ts) and streamed back as the reader
 * takes them. The cases are read in the export's order; the order is removed once the job's channel
 * is closed, whether the file was read to the end or the reader went away.
 */
async function responsesOffThread(
  ctx: ServiceContext,
  { job, exportId, total, onProgress }: { job: ResponsesJob; exportId: string; total: number; onProgress?: ExportProgress },
): Promise<Readable> {
  const sqliteFile = ctx.dialect === 'sqlite' ? await sqliteFileOf(ctx.db) : null;
  const pages = sqliteFile ? null : store.responsePages(ctx.db, exportId, PAGE_SIZE);
  const workerJob: ExportWorkerJob = { task: 'export', job, exportId, pageSize: PAGE_SIZE, sqliteFile };
  onProgress?.(0, total);
  return streamFromWorker(workerJob, {
    onProgress: (done) => onProgress?.(done, total),
    nextPage: async () => {
      const next = await pages?.next();
      return next && !next.done ? next.value : null;
    },
    cleanup: async () => {
      await pages?.return(undefined);
      await store.dropOrder(ctx.db, exportId);
    },
  });
}

async function* onePage(rows: SavValue[][]): AsyncGenerator<SavValue[][]> {
  yield rows;
}

/** The long table of a report as system-file variables (numbers, and strings as wide as their longest text). */
function tablesVariables(data: TablesData, lang: Language): SavVariable[] {
  const widths = columnWidths(data);
  return data.columns.map((column, i) => ({
    name: column.name,
    label: column.label,
    width: widths[i] ?? 0,
    decimals: column.decimals,
    measure: column.kind === 'string' || column.name === 'tabel' ? 'nominal' : 'scale',
    valueLabels:
      column.name === 'verborgen'
        ? [
            { value: 0, label: lang === 'nl' ? 'Nee' : 'No' },
            { value: 1, label: lang === 'nl' ? 'Ja, verborgen' : 'Yes, hidden' },
          ]
        : [],
    missing: [],
  }));
}
