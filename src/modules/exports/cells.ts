/**
 * Cells that leave the platform in a spreadsheet or CSV. Pure.
 *
 * A text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) gets an apostrophe in front, so Excel, LibreOffice and Google Sheets show it as text
 * (OWASP's advice on CSV injection). Only texts are touched: numbers (a scale point of -2) stay numbers.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export type CsvOptions = {
  /** `,` (RFC 4180) or `;` (Dutch Excel). */
  separator: ',' | ';';
  /** Numbers with a decimal comma (Dutch Excel). */
  decimalComma: boolean;
};

/** One field, quoted when RFC 4180 asks for it (separator, quote, line break) or when it starts or ends with a space. */
export function csvField(value: string | number | null | undefined, options: CsvOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return options.decimalComma ? text.replace('.', ',') : text;
  }
  const text = neutralise(value);
  return /[",;\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF line end (RFC 4180). */
export const csvLine = (values: readonly (string | number | null | undefined)[], options: CsvOptions): string =>
  `${values.map((v) => csvField(v, options)).join(options.separator)}\r\n`;

/** The byte order mark Excel needs to read a CSV as UTF-8. */
export const BOM = '\uFEFF';
