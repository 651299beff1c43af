/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as Windows-1252), CRLF
 * line ends, every field quoted. A field starting with = + - @ gets a leading apostrophe so a venue named
 * "=HYPERLINK(…)" stays text instead of becoming a formula (CSV injection).
 */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = typeof v === "number" ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return `"${s.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
