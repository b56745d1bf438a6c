/**
 * The CSV files the assistant lets an admin download, written one way everywhere. Pure: no DOM.
 *
 * - RFC 4180: cells with a comma, a double quote or a line break are quoted, quotes inside doubled;
 *   lines end with CRLF.
 * - CSV (formula) injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@`, and
 *   a tab or carriage return can hide one. The rows hold values other people typed (contact and
 *   account names, platform messages), so such a cell is prefixed with a single quote, which
 *   spreadsheets read as "this is text" (OWASP, "CSV Injection",
 *   https://owasp.org/www-community/attacks/CSV_Injection; OWASP ASVS 5.0 requirement 1.2.10).
 *   Spaces before the character do not make it safe (spreadsheets may skip them), so the check
 *   looks past them.
 * - The file starts with a byte-order mark (U+FEFF): without it Excel reads UTF-8 as the
 *   system's ANSI code page, and names with accents come out garbled.
 */

/** The byte-order mark every exported file starts with. */
export const BYTE_ORDER_MARK = '\uFEFF';

/** A cell a spreadsheet would read as a formula: one of = + - @ tab CR, after any spaces. */
const FORMULA_START = /^ *[=+\-@\t\r]/;

/** What RFC 4180 says must be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell value: anything else is written as text, null and undefined as an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * A value made safe to open in a spreadsheet: prefixed with `'` when it would start a formula.
 * @param value the value as text
 * @returns the value, or `'` and the value
 */
export function neutralizeFormula(value: string): string {
    return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One cell: neutralized, then quoted where RFC 4180 needs it.
 * @param value the value
 * @returns the cell text
 */
export function csvCell(value: CsvValue): string {
    const safe = neutralizeFormula(value === null || value === undefined ? '' : String(value));
    return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A whole file: the byte-order mark, the header row, then one line per row, CRLF after each.
 * @param header the column titles
 * @param rows the rows, each with its cells in the order of the header
 * @returns the file's text
 */
export function toCsv(header: readonly CsvValue[], rows: ReadonlyArray<readonly CsvValue[]>): string {
    const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
    return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}

/**
 * A `data:` URL for an `<a download>` link. The byte-order mark is encoded with the rest
 * (`%EF%BB%BF`).
 * @param csv the file's text, as {@link toCsv} returns it
 * @returns the URL
 */
export function csvDataUrl(csv: string): string {
    return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
