import type { CsvOptions } from './cells.ts';
import type { Codebook } from './codebook.ts';
import type { TableColumn } from './report-tables.ts';

/**
 * An R script that reads the exported CSV and sets its labels, so `source("lees-gegevens.R")` gives a
 * labelled data frame: choice questions, team and language as factors with their labels as levels;
 * 0/1 and scale variables numeric with a `labels` attribute (value → label, as haven and labelled
 * use); every variable's text in its `label` attribute; "no opinion" (user-missing) as NA, kept in
 * `na_values`; multiple-response sets in the data frame's `mrsets` attribute. Base R only. Pure.
 *
 * The script is ASCII: every other character is written as a \u escape, so it reads the same in any
 * locale.
 */

/** An R string literal. */
export function rString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x80) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const rNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(n));
const vector = (items: string[]) => `c(${items.join(', ')})`;

export type RScriptOptions = { dataFile: string; csv: CsvOptions; objectName: string; title: string };

function preamble(options: RScriptOptions, colClasses: string): string[] {
  return [
    `# ${options.title.replace(/[^\x20-\x7e]/g, '?')}`,
    '# Made by Kruisbestuiving. Put this script next to the CSV file and run: source("<this file>")',
    `# Result: the data frame \`${options.objectName}\` with labels (attributes "label", "labels", "na_values").`,
    '',
    'local({',
    '  here <- tryCatch(dirname(sys.frame(1)$ofile), error = function(e) ".")',
    '  if (is.null(here) || length(here) == 0) here <- "."',
    `  path <- file.path(here, ${rString(options.dataFile)})`,
    `  if (!file.exists(path)) path <- ${rString(options.dataFile)}`,
    `  d <- utils::read.csv(path, sep = ${rString(options.csv.separator)}, dec = ${rString(options.csv.decimalComma ? ',' : '.')}, fileEncoding = "UTF-8-BOM", encoding = "UTF-8",`,
    `    na.strings = "", check.names = FALSE, stringsAsFactors = FALSE, colClasses = ${colClasses})`,
    '  # Texts that a spreadsheet would run as a formula were written with an apostrophe in front; take it off again.',
    '  unquote <- function(x) sub("^\'([=+@\\t\\r-])", "\\\\1", x)',
  ];
}

/** The script for a response-level export (data file and codebook as made by this module). */
export function rScript(codebook: Codebook, options: RScriptOptions): string {
  const classes = vector(codebook.variables.map((v) => `${rString(v.name)} = ${rString(v.width > 0 ? 'character' : 'numeric')}`));
  const lines = preamble(options, classes);
  for (const v of codebook.variables) {
    const col = `d[[${rString(v.name)}]]`;
    if (v.width > 0) lines.push(`  ${col} <- unquote(${col})`);
    if (v.missing.length > 0) lines.push(`  ${col}[${col} %in% ${vector(v.missing.map(rNumber))}] <- NA`);
    const factor = v.role === 'choice' || v.role === 'team' || v.role === 'language';
    if (factor && v.valueLabels.length > 0)
      lines.push(
        `  ${col} <- factor(${col}, levels = ${vector(v.valueLabels.map((l) => rNumber(l.value)))}, labels = ${vector(v.valueLabels.map((l) => rString(l.label)))})`,
      );
    else if (v.valueLabels.length > 0)
      lines.push(`  attr(${col}, "labels") <- ${vector(v.valueLabels.map((l) => `${rString(l.label)} = ${rNumber(l.value)}`))}`);
    if (v.missing.length > 0) lines.push(`  attr(${col}, "na_values") <- ${vector(v.missing.map(rNumber))}`);
    lines.push(`  attr(${col}, "label") <- ${rString(v.label)}`);
  }
  if (codebook.multipleResponseSets.length > 0) {
    const sets = codebook.multipleResponseSets.map(
      (s) => `    ${rString(s.name)} = list(label = ${rString(s.label)}, counted = ${s.countedValue}, variables = ${vector(s.variables.map(rString))})`,
    );
    lines.push('  attr(d, "mrsets") <- list(', sets.join(',\n'), '  )');
  }
  lines.push(`  assign(${rString(options.objectName)}, d, envir = globalenv())`, '})', '');
  return lines.join('\n');
}

/** The script for a tables-only export (the report's tables as one long CSV). */
export function rTablesScript(columns: TableColumn[], options: RScriptOptions): string {
  const classes = vector(columns.map((c) => `${rString(c.name)} = ${rString(c.kind === 'string' ? 'character' : 'numeric')}`));
  const lines = preamble(options, classes);
  for (const c of columns) {
    const col = `d[[${rString(c.name)}]]`;
    if (c.kind === 'string') lines.push(`  ${col} <- unquote(${col})`);
    lines.push(`  attr(${col}, "label") <- ${rString(c.label)}`);
  }
  lines.push(`  assign(${rString(options.objectName)}, d, envir = globalenv())`, '})', '');
  return lines.join('\n');
}
