/**
 * CSV for spreadsheets. A cell that starts with = + - @ (or a tab or carriage return, which some
 * spreadsheets skip before reading a formula) would run as a formula when the seller opens the file, so it
 * gets a leading apostrophe, as OWASP advises ("CSV Injection"). The apostrophe shows in the cell; SKUs
 * and texts stay readable, and nothing a marketplace or an ERP user typed can run on the seller's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One quoted cell: quotes doubled (RFC 4180), formulas neutralised. */
export function csvCell(value: string): string {
  return `"${neutraliseFormula(value).replace(/"/g, '""')}"`;
}

/** Rows → CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
