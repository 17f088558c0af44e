/**
 * CSV as Danish Excel opens it: a byte order mark (so æøå are read as UTF-8), semicolons between cells (a
 * Danish Excel reads a comma as the decimal sign) and CRLF line ends. The editor's overview export and
 * `referat outline --format csv` both write it.
 */
export const CSV_BOM = '\uFEFF';

/** One cell: quoted when it holds a quote, a semicolon or a line break. */
function cell(s: string): string {
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as a CSV text for Danish Excel, ending in CRLF. */
export function danishCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
