// CSV as RFC 4180 writes it, for spreadsheet programs: the Capacity Manager's export (its chunk alone imports it).

/** The byte order mark: without it, Excel reads UTF-8 as the system's code page and garbles accents. */
export const BOM = '\uFEFF';

/**
 * What a spreadsheet program takes for the start of a formula (OWASP, "CSV Injection"): a cell of the CRM's data
 * such as `=HYPERLINK(…)` would run on opening the file. A tab or carriage return first hides such a start.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that make a field need quotes (RFC 4180, 2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: neutralised with a leading `'` when it would start a formula (the spreadsheet then shows it as text,
 * the apostrophe hidden), and quoted, its quotes doubled, when it holds a comma, a quote, a CR or an LF.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record: its fields, comma-separated, ended by CRLF (RFC 4180, 2.1). */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A whole file: the BOM, then each record. */
export function csvText(records: readonly (readonly string[])[]): string {
  return BOM + records.map(csvRecord).join('');
}
