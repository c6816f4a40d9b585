/**
 * CSV cells (RFC 4180) that a spreadsheet will not run: a cell starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a leading `'` (OWASP's advice against formula injection); a
 * cell with a comma, quote or line break is quoted, its quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
