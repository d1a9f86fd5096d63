import fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Runtime } from '../bootstrap.ts';
import { AppError } from '../core/errors.ts';
import { languageSchema } from '../core/language.ts';
import { reportForCli } from '../modules/analysis/service.ts';
import { publishedInstruments } from '../modules/rounds/instrument-source.ts';
import { CliError } from './backup.ts';

export type ReportCliOptions = { format?: string; lang?: string; out?: string; org?: string };

/**
 * `report <round-key>`: the round's tables as JSON, with researcher rights (every count shown),
 * recorded in the audit trail with no user. Progress goes to stderr, so stdout stays clean JSON.
 */
export async function reportCommand(runtime: Runtime, roundKey: string, options: ReportCliOptions): Promise<void> {
  const format = options.format ?? 'json';
  if (format !== 'json') throw new CliError(`The format "${format}" is not available yet: use --format json.`);
  const lang = languageSchema.safeParse(options.lang ?? 'nl');
  if (!lang.success) throw new CliError('--lang must be nl or en.');
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
    if (error instanceof AppError && (error.id === 'not_found' || error.id === 'conflict')) throw new CliError(error.message);
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
  };
  const text = `${JSON.stringify(output, null, 2)}\n`;
  if (options.out) {
    fs.writeFileSync(options.out, text);
    process.stderr.write(`Written to ${options.out} (${output.tables.length} tables).\n`);
  } else process.stdout.write(text);
}
