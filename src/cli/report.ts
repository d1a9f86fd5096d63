import fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Runtime } from '../bootstrap.ts';
import { AppError } from '../core/errors.ts';
import { languageSchema } from '../core/language.ts';
import { createPdfPrinter } from '../core/pdf-printer.ts';
import { messageOf } from '../http/messages.ts';
import { reportDocumentForCli } from '../modules/analysis/report-files.ts';
import { footerTexts, renderReportHtml } from '../modules/analysis/report-html.tsx';
import { crossTabsForCli, reportForCli } from '../modules/analysis/service.ts';
import { publishedInstruments } from '../modules/rounds/instrument-source.ts';
import { CliError } from './cli-error.ts';

export type ReportCliOptions = { format?: string; lang?: string; out?: string; org?: string; compare?: string; crosstab?: string[] };

/**
 * `report <round-key>`: the round's tables as JSON, with researcher rights (every count shown),
 * recorded in the audit trail with no user. Progress goes to stderr, so stdout stays clean JSON.
 */
export async function reportCommand(runtime: Runtime, roundKey: string, options: ReportCliOptions): Promise<void> {
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'html' && format !== 'pdf') throw new CliError(`Unknown format "${format}": use json, html or pdf.`);
  const lang = languageSchema.safeParse(options.lang ?? 'nl');
  if (!lang.success) throw new CliError('--lang must be nl or en.');
  if (format !== 'json') return reportFileCommand(runtime, roundKey, { ...options, format, lang: lang.data });
  if (options.compare) throw new CliError('--compare works with --format html or pdf.');
  const pairs = crossTabPairs(options.crosstab);
  const bar = new SingleBar({
    format: 'Report [{bar}] {percentage}% | {value}/{total} steps',
    noTTYOutput: true,
    notTTYSchedule: 500,
    hideCursor: false,
    stream: process.stderr,
  });
  bar.start(4, 0);
  let report: Awaited<ReturnType<typeof reportForCli>>;
  try {
    report = await reportForCli(runtime.ctx, publishedInstruments, roundKey, { organisation: options.org, lang: lang.data }, (done) => bar.update(done));
  } catch (error) {
    if (error instanceof AppError && (error.id === 'not_found' || error.id === 'conflict')) throw new CliError(messageOf(error, 'en'));
    throw error;
  } finally {
    bar.stop();
  }
  const output = {
    round: report.round,
    disclosure: report.disclosure,
    rounding: report.rounding,
    tables: report.tables.map((t) => ({
      question: t.question,
      item: t.item,
      view: t.view,
      text: t.text,
      n: t.n,
      validN: t.validN,
      missing: t.missing,
      items: t.items.map((i) => ({ code: i.code, label: i.label, count: i.count, validN: i.validN, percent: i.percent })),
      ...(t.scale ? { scale: t.scale } : {}),
      notes: t.notes,
    })),
    ...(pairs.length
      ? { crossTabs: await crossTabsForCli(runtime.ctx, publishedInstruments, roundKey, pairs, { organisation: options.org, lang: lang.data }) }
      : {}),
  };
  const text = `${JSON.stringify(output, null, 2)}\n`;
  if (options.out) {
    fs.writeFileSync(options.out, text);
    process.stderr.write(`Written to ${options.out} (${output.tables.length} tables).\n`);
  } else process.stdout.write(text);
}

/** `--crosstab rows:cols`, checked before any work is done. */
function crossTabPairs(values: string[] | undefined): string[] {
  for (const value of values ?? [])
    if (!/^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/.test(value)) throw new CliError(`--crosstab "${value}": use rows:cols, e.g. sector:betaald.`);
  return values ?? [];
}

/**
 * `report <round-key> --format html|pdf`: the printable report (researcher rights, audited with no
 * user), optionally compared with a second round of the same organisation. Progress on stderr:
 * aggregate → render → print.
 */
async function reportFileCommand(runtime: Runtime, roundKey: string, options: ReportCliOptions & { format: 'html' | 'pdf'; lang: 'nl' | 'en' }): Promise<void> {
  if (options.format === 'pdf' && !options.out) throw new CliError('A PDF needs a file: add --out <file>.');
  const printer = options.format === 'pdf' ? createPdfPrinter(runtime.ctx.config.chromiumPath) : null;
  if (printer && !printer.available()) throw new CliError('Chromium is not installed (set CHROMIUM_PATH): use --format html and print it from a browser.');
  const steps = options.format === 'pdf' ? 6 : 5;
  const bar = new SingleBar({
    format: 'Report [{bar}] {percentage}% | {value}/{total} steps | {stage}',
    noTTYOutput: true,
    notTTYSchedule: 500,
    hideCursor: false,
    stream: process.stderr,
  });
  bar.start(steps, 0, { stage: 'aggregate' });
  let output: string | Buffer;
  try {
    const doc = await reportDocumentForCli(
      runtime.ctx,
      publishedInstruments,
      roundKey,
      { lang: options.lang, organisation: options.org, compare: options.compare, crossTabs: crossTabPairs(options.crosstab), format: options.format },
      (done) => bar.update(done, { stage: 'aggregate' }),
    );
    bar.update(4, { stage: 'render' });
    const html = renderReportHtml(doc);
    bar.update(5, { stage: printer ? 'print' : 'done' });
    output = printer ? await printer.print(html, footerTexts(options.lang)) : html;
    bar.update(steps, { stage: 'done' });
  } catch (error) {
    if (error instanceof AppError && (error.id === 'not_found' || error.id === 'conflict')) throw new CliError(messageOf(error, 'en'));
    throw error;
  } finally {
    bar.stop();
    await printer?.close();
  }
  if (options.out) {
    fs.writeFileSync(options.out, output);
    process.stderr.write(`Written to ${options.out} (${options.format.toUpperCase()}, ${output.length} bytes).\n`);
  } else process.stdout.write(output);
}
