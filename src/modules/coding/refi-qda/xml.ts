/** Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const cleanXmlText = (value: string): string => value.replace(INVALID, '');

/** Text content: &, < and > escaped; carriage returns kept as a reference so parsers do not fold them. */
export const escapeText = (value: string): string =>
  cleanXmlText(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\r', '&#13;');

/** Attribute values: also quotes and whitespace that attribute normalisation would change. */
export const escapeAttribute = (value: string): string => escapeText(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\t', '&#9;');

export const attributes = (values: Record<string, string | number | boolean | undefined>): string =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
