import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Runtime } from '../bootstrap.ts';
import { languageSchema } from '../core/language.ts';
import { idSchema } from '../core/schemas.ts';
import { parseInput } from '../http/route.ts';
import type { ImportMapping } from '../modules/imports/mapping.ts';
import { importMappingSchema } from '../modules/imports/model.ts';
import { commitImport, type ImportPhase, ImportRejected, type ImportRequest, previewImport } from '../modules/imports/service.ts';
import { importLimits } from '../modules/imports/table.ts';
import type { ImportProblem } from '../modules/imports/validate-import.ts';
import { CliError } from './cli-error.ts';

export type ImportCliOptions = { mapping?: string; dryRun?: boolean; sheet?: string; lang?: string };

const labels: Record<ImportPhase, string> = { parsed: 'Parsed   ', validated: 'Validated', stored: 'Stored   ' };

/** One bar per phase (rows parsed, validated, stored), printed as lines when the output is not a terminal. */
function progressBar() {
  const bar = new SingleBar({ format: '{phase} [{bar}] {percentage}% | {value}/{total} rows', noTTYOutput: true, notTTYSchedule: 500, hideCursor: false });
  let phase: ImportPhase | undefined;
  return {
    update(next: ImportPhase, done: number, total: number | null) {
      if (next !== phase) {
        if (phase) bar.stop();
        bar.start(total ?? done, done, { phase: labels[next] });
        phase = next;
        return;
      }
      bar.setTotal(total ?? Math.max(done, 1));
      bar.update(done);
    },
    stop: () => {
      if (phase) bar.stop();
      phase = undefined;
    },
  };
}

export const formatProblem = (p: ImportProblem): string =>
  p.row > 0 ? `row ${p.row}${p.column ? `, column "${p.column}"` : ''}: ${p.message}` : `${p.column ? `column "${p.column}": ` : ''}${p.message}`;

function readMapping(file: string): ImportMapping {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
  } catch (error) {
    throw new CliError(`Could not read the mapping ${file}: ${(error as Error).message}`);
  }
  try {
    return parseInput(importMappingSchema, json, 'en');
  } catch (error) {
    const issues = (error as { issues?: { path: string; message: string }[] }).issues ?? [];
    throw new CliError(`The mapping ${file} is not valid:\n${issues.map((i) => `  ${i.path || '(top)'}: ${i.message}`).join('\n')}`);
  }
}

/**
 * Imports a CSV or .xlsx file into a round as the system (no account: the audit event has no actor
 * and says it came from the command line). All or nothing, as through the API.
 */
export async function importFile(runtime: Runtime, roundId: string, file: string, options: ImportCliOptions): Promise<void> {
  if (!idSchema.safeParse(roundId).success) throw new CliError(`"${roundId}" is not a round id (a UUID, as in the round's address).`);
  const lang = options.lang === undefined ? 'en' : languageSchema.safeParse(options.lang).data;
  if (!lang) throw new CliError('--lang must be nl or en.');
  const target = path.resolve(file);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new CliError(`${target} does not exist.`);
  const max = Math.max(importLimits.maxCsvBytes, importLimits.maxXlsxBytes);
  if (stat.size > max) throw new CliError(`${target} is larger than ${Math.round(max / 1024 / 1024)} MB; split it up.`);
  const request: ImportRequest = {
    fileName: path.basename(target),
    content: fs.readFileSync(target),
    sheet: options.sheet,
    mapping: options.mapping ? readMapping(options.mapping) : undefined,
  };
  const bar = progressBar();
  const settings = { lang, onProgress: bar.update };
  try {
    if (options.dryRun) {
      const preview = await previewImport(runtime.ctx, { kind: 'cli' }, roundId, request, settings);
      bar.stop();
      if (preview.problemCount > 0) throw new ImportRejected(preview.problems, preview.problemCount);
      const unmapped = preview.columns.filter((c) => c.target === null).map((c) => `"${c.header}"`);
      process.stdout.write(`Dry run: all ${preview.counts.rows} rows can be imported; nothing was stored.\n`);
      if (unmapped.length) process.stdout.write(`Columns not imported: ${unmapped.join(', ')}\n`);
      return;
    }
    const result = await commitImport(runtime.ctx, { kind: 'cli' }, roundId, request, settings);
    bar.stop();
    process.stdout.write(
      `Imported ${result.imported} ${result.imported === 1 ? 'response' : 'responses'} (${result.answers} answers) into round ${result.roundId}.\n`,
    );
  } catch (error) {
    bar.stop();
    if (error instanceof ImportRejected) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      const more = error.problemCount - error.problems.length;
      if (more > 0) process.stderr.write(`… and ${more} more.\n`);
      throw new CliError(`Nothing was imported: ${error.problemCount} ${error.problemCount === 1 ? 'problem' : 'problems'}.`);
    }
    if ((error as { id?: string }).id === 'not_found') throw new CliError(`No round with id ${roundId}.`);
    throw error;
  }
}
