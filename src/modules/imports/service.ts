import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { ANSWER_BATCH, type AnswerTable, answerBatches, RESPONSE_BATCH, type ResponseTable, rebuildTallies, responseBatches } from '../rounds/bulk-load.ts';
import { type InstrumentSource, publishedInstruments } from '../rounds/instrument-source.ts';
import { today } from '../rounds/service.ts';
import { compileMapping, type ImportMapping, proposeMapping, targetList } from './mapping.ts';
import { importMessages } from './messages.ts';
import type { ImportPreviewView, ImportResultView } from './model.ts';
import { readTableOffThread } from './parse-off-thread.ts';
import * as store from './store.ts';
import { ImportFileError, type ImportFormat, type SourceTable } from './table.ts';
import { type CheckContext, type CheckedRow, checkRow, type ImportProblem, ProblemList, teamLinkKey } from './validate-import.ts';

/**
 * Brings earlier data (a spreadsheet of an older survey) into a round as complete responses. The
 * file is read once into memory, checked row by row with the respondent form's rules, and only when
 * every row is right stored in one transaction: all or nothing.
 */

/** A person with a role in the organisation (the API), or the command line, which acts for no one. */
export type ImportCaller = { kind: 'user'; actor: Actor; organisationId: string } | { kind: 'cli' };

export type ImportRequest = {
  fileName: string;
  content: Uint8Array;
  format?: ImportFormat | undefined;
  sheet?: string | undefined;
  mapping?: ImportMapping | undefined;
};

export type ImportPhase = 'parsed' | 'validated' | 'stored';
export type ImportOptions = {
  /** The language of the messages. */
  lang: Language;
  onProgress?: (phase: ImportPhase, done: number, total: number | null) => void;
  source?: InstrumentSource;
};

/** Nothing was stored: every problem found (at most 1,000 listed) and how many there are in all. */
export class ImportRejected extends AppError {
  constructor(
    readonly problems: ImportProblem[],
    readonly problemCount: number,
  ) {
    super('validation_failed', { issues: problems.map((p) => ({ path: p.column ? `row ${p.row}, ${p.column}` : `row ${p.row}`, message: p.message })) });
  }
}

const PREVIEW_ROWS = 20;
/** Checking 100,000 rows takes seconds: hand the event loop back now and then, so the server keeps answering. */
const YIELD_EVERY = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

type Prepared = {
  round: NonNullable<Awaited<ReturnType<typeof store.findRound>>>;
  table: SourceTable;
  proposed: ImportMapping;
  mapping: ImportMapping;
  check: CheckContext;
  problems: ProblemList;
  instrumentTargets: { target: string; label: string }[];
};

async function prepare(ctx: ServiceContext, caller: ImportCaller, roundId: string, request: ImportRequest, options: ImportOptions): Promise<Prepared> {
  const { lang } = options;
  if (caller.kind === 'user') authorize(caller.actor, 'rounds.manage', caller.organisationId);
  const round = await store.findRound(ctx.db, roundId, caller.kind === 'user' ? caller.organisationId : undefined);
  if (!round) throw notFound();
  const published = await (options.source ?? publishedInstruments)(ctx, round.instrument_version_id);
  if (!published) throw notFound();
  const instrument = published.instrument;

  let table: SourceTable;
  try {
    table = await readTableOffThread(request, lang, (n) => options.onProgress?.('parsed', n, null));
  } catch (error) {
    if (error instanceof ImportFileError) throw new ImportRejected([{ row: error.line, column: '', message: error.message }], 1);
    throw error;
  }
  options.onProgress?.('parsed', table.rowCount, table.rowCount);

  const proposed = proposeMapping(instrument, table.header);
  const mapping = request.mapping ?? proposed;
  const compiled = compileMapping(instrument, table.header, mapping, lang);
  const problems = new ProblemList(lang);
  problems.addMapping(compiled.problems, table.headerLine);

  const msg = importMessages(lang);
  const links = await store.listLinks(ctx.db, round.id);
  const organisationLink = links.find((l) => l.team_id === null);
  let defaultLink: CheckContext['defaultLink'];
  if (mapping.teamId !== undefined) {
    const link = links.find((l) => l.team_id === mapping.teamId);
    if (link) defaultLink = { linkId: link.id, teamId: link.team_id };
    else problems.add({ row: table.headerLine, column: 'teamId', message: msg.unknownTeamId });
  } else if (organisationLink) defaultLink = { linkId: organisationLink.id, teamId: null };
  else if (!compiled.plan.columns.some((c) => c.target.kind === 'meta' && c.target.meta === '_team'))
    problems.add({ row: table.headerLine, column: '_team', message: msg.noOrganisationLink });
  if (table.rowCount === 0) problems.add({ row: table.headerLine, column: '', message: msg.noRows });

  const teamLinks = new Map(links.flatMap((l) => (l.team_id && l.team_name ? [[teamLinkKey(l.team_name), { linkId: l.id, teamId: l.team_id }] as const] : [])));
  const check: CheckContext = {
    instrument,
    plan: compiled.plan,
    lang,
    today: today(ctx),
    headerWidth: table.header.length,
    defaultLink,
    teamLinks,
  };
  return { round, table, proposed, mapping, check, problems, instrumentTargets: targetList(instrument, lang) };
}

/** Goes through every row once; keeps the problems, the count of good rows and the first rows as they would be stored. */
async function checkAll(prepared: Prepared, options: ImportOptions): Promise<{ valid: number; first: { row: number; checked: CheckedRow | undefined }[] }> {
  const { table, check, problems } = prepared;
  const first: { row: number; checked: CheckedRow | undefined }[] = [];
  let done = 0;
  let valid = 0;
  for (const source of table.rows()) {
    const result = checkRow(check, source);
    if (result.ok) valid++;
    else problems.addRow(result);
    if (first.length < PREVIEW_ROWS) first.push({ row: source.line, checked: result.ok ? result.row : undefined });
    done++;
    if (done % YIELD_EVERY === 0) {
      options.onProgress?.('validated', done, table.rowCount);
      await nextTurn();
    }
  }
  options.onProgress?.('validated', done, table.rowCount);
  return { valid, first };
}

export async function previewImport(
  ctx: ServiceContext,
  caller: ImportCaller,
  roundId: string,
  request: ImportRequest,
  options: ImportOptions,
): Promise<ImportPreviewView> {
  const prepared = await prepare(ctx, caller, roundId, request, options);
  const { valid, first } = await checkAll(prepared, options);
  const { table, mapping, proposed } = prepared;
  const { problems, total } = prepared.problems.finish();
  return {
    fileName: request.fileName,
    format: table.format,
    encoding: table.encoding ?? null,
    delimiter: table.delimiter ?? null,
    sheet: table.sheet ?? null,
    columns: table.header.map((header) => ({ header, target: mapping.columns[header] ?? null, proposed: proposed.columns[header] ?? null })),
    mapping,
    proposedMapping: proposed,
    targets: prepared.instrumentTargets,
    rows: first.map(({ row, checked }) => ({
      row,
      valid: checked !== undefined,
      language: checked?.language ?? null,
      startedOn: checked?.startedOn ?? null,
      submittedOn: checked?.submittedOn ?? null,
      teamId: checked?.link.teamId ?? null,
      answers: checked?.answers ?? [],
    })),
    counts: { rows: table.rowCount, valid, invalid: prepared.problems.invalidRows, problems: total },
    problems,
    problemCount: total,
  };
}

const baseName = (fileName: string): string => (fileName.split(/[\\/]/).pop() ?? fileName).slice(0, 200);

/**
 * Stores every row as a complete response, in one transaction with one audit event, or nothing at
 * all: a file with any problem is refused with every problem (ImportRejected).
 */
export async function commitImport(
  ctx: ServiceContext,
  caller: ImportCaller,
  roundId: string,
  request: ImportRequest,
  options: ImportOptions,
): Promise<ImportResultView> {
  const prepared = await prepare(ctx, caller, roundId, request, options);
  await checkAll(prepared, options);
  const { problems, total } = prepared.problems.finish();
  if (total > 0) throw new ImportRejected(problems, total);

  const { round, table, check } = prepared;
  let stored = 0;
  let answerCount = 0;
  await inTransaction(ctx.db, async (trx) => {
    const responses: ResponseTable[] = [];
    const answers: AnswerTable[] = [];
    const responseInsert = responseBatches();
    const answerInsert = answerBatches();
    // Responses first: the answers refer to them. Answers go in full batches; the rest waits for the next flush.
    const flush = async (last: boolean) => {
      await responseInsert.insert(trx, responses.splice(0));
      await answerInsert.insert(trx, answers.splice(0, last ? answers.length : answers.length - (answers.length % ANSWER_BATCH)));
      options.onProgress?.('stored', stored, table.rowCount);
    };
    for (const source of table.rows()) {
      const result = checkRow(check, source);
      // The same rows and rules as a moment ago: a difference is a bug, and the transaction rolls back.
      if (!result.ok) throw new Error(`Import row ${source.line} failed the second check`);
      const row = result.row;
      const id = newId();
      responses.push({
        id,
        round_id: round.id,
        link_id: row.link.linkId,
        team_id: row.link.teamId,
        instrument_version_id: round.instrument_version_id,
        language: row.language,
        consent_version: 'import',
        status: 'complete',
        started_on: row.startedOn,
        submitted_on: row.submittedOn,
        resume_code_hash: null,
      });
      for (const a of row.answers)
        answers.push({ response_id: id, question: a.question, item: a.item, option: a.option, number_value: a.number, text_value: a.text });
      stored++;
      answerCount += row.answers.length;
      if (responses.length >= RESPONSE_BATCH || answers.length >= ANSWER_BATCH * 5) await flush(false);
    }
    await flush(true);
    // Recounting the whole round is as cheap as the import itself, and exact whatever was there before.
    await rebuildTallies(trx, [round.id]);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId: round.organisation_id,
      actorUserId: caller.kind === 'user' ? caller.actor.userId : null,
      action: 'round.imported',
      subjectType: 'round',
      subjectId: round.id,
      details: {
        rows: stored,
        answers: answerCount,
        fileName: baseName(request.fileName),
        format: table.format,
        source: caller.kind === 'user' ? 'api' : 'cli',
      },
    });
  });
  return { roundId: round.id, imported: stored, answers: answerCount };
}
