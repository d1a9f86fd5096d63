import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import type { Runtime } from '../bootstrap.ts';
import { AppError } from '../core/errors.ts';
import { languageSchema } from '../core/language.ts';
import { messageOf } from '../http/messages.ts';
import { type ExportFormat, exportFormats } from '../modules/exports/model.ts';
import { exportForCli } from '../modules/exports/service.ts';
import { publishedInstruments } from '../modules/rounds/instrument-source.ts';
import { CliError } from './cli-error.ts';

export type ExportCliOptions = { format?: string; out?: string; lang?: string; tablesOnly?: boolean; dutchExcel?: boolean; org?: string };

/**
 * `export <round-key> --format sav|xlsx|csv|json|r --out <file>`: the round's responses (or with
 * --tables-only the report's tables), with researcher rights, audited with no user. Streams to the
 * file with a progress bar on stderr (rows written of the total).
 */
export async function exportCommand(runtime: Runtime, roundKey: string, options: ExportCliOptions): Promise<void> {
  const format = options.format ?? '';
  if (!(exportFormats as readonly string[]).includes(format)) throw new CliError(`Unknown format "${format}": use ${exportFormats.join(', ')}.`);
  if (!options.out) throw new CliError('Name the file to write with --out <file>.');
  const lang = languageSchema.safeParse(options.lang ?? 'nl');
  if (!lang.success) throw new CliError('--lang must be nl or en.');
  const bar = new SingleBar({
    format: 'Export [{bar}] {percentage}% | {value}/{total} rows',
    noTTYOutput: true,
    notTTYSchedule: 1000,
    hideCursor: false,
    stream: process.stderr,
  });
  let started = false;
  const progress = (done: number, total: number) => {
    if (!started) {
      bar.start(Math.max(total, 1), done);
      started = true;
    } else bar.update(done);
  };
  const out = options.out;
  const partial = `${out}.part`;
  try {
    const file = await exportForCli(
      runtime.ctx,
      publishedInstruments,
      roundKey,
      {
        format: format as ExportFormat,
        lang: lang.data,
        tablesOnly: options.tablesOnly ?? false,
        dutchExcel: options.dutchExcel ?? false,
        organisation: options.org,
      },
      progress,
    );
    // Written under a temporary name first, so a stopped export never leaves a file that looks whole.
    await pipeline(file.body, fs.createWriteStream(partial));
    fs.renameSync(partial, out);
    if (started) bar.update(file.totalRows);
    bar.stop();
    process.stderr.write(`Written to ${out} (${file.totalRows} ${options.tablesOnly ? 'table rows' : 'responses'}, ${fs.statSync(out).size} bytes).\n`);
  } catch (error) {
    bar.stop();
    fs.rmSync(partial, { force: true });
    if (error instanceof AppError && (error.id === 'not_found' || error.id === 'conflict')) throw new CliError(messageOf(error, 'en'));
    throw error;
  }
}
