import { toCsv } from "../dashboard/csv";
import { REPORT_COLUMNS, type Report, type ReportRow } from "./report-data";

/**
 * The report as CSV (UTF-8 with BOM, formula-looking cells defused by {@link toCsv}): one row per commune and a
 * last row with the totals the PDF prints. Days stay YYYY-MM-DD so a spreadsheet sorts and reads them in any
 * locale.
 */
export function reportCsv(report: Report, label: (key: string) => string): string {
  const line = (r: ReportRow, code: string, name: string) => [
    report.from,
    report.to,
    code,
    name,
    ...REPORT_COLUMNS.map((k) => (k === "target" ? (r.target ?? "") : r[k])),
  ];
  return toCsv([
    ["from", "to", "communeCode", "commune", ...REPORT_COLUMNS].map((k) => label(k)),
    ...report.rows.map((r) => line(r, r.communeCode, r.communeName)),
    line(report.total, "", label("total")),
  ]);
}
