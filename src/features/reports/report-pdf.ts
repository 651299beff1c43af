import PDFDocument from "pdfkit";
import type { Language } from "../../core/messages";
import { formatDay, formatVietnamTime } from "../../core/vietnam-time";
import { loadPosterFont } from "../venues/render/poster-fonts";
import { barChart, labelLayout, lineChart } from "./report-charts";
import { REPORT_COLUMNS, type Report, type ReportRow } from "./report-data";

/** The report's labels, already in the reader's language. */
export type ReportLabel = (key: string, params?: Record<string, string | number>) => string;

const GREEN = "#0b6b3a";
const MARGIN = 40;
const BAR_HEIGHT = 180;
const LINE_HEIGHT = 130;

/** The title: the communes asked for, or the whole area, and the body that sends the report (ORG_NAME). */
export function reportTitle(report: Report, label: ReportLabel, org: string): string {
  return report.communes
    ? label("titleCommune", { communes: report.communes.join(", "), org })
    : label("title", { org });
}

/**
 * The report as an A4 PDF drawn with pdfkit vector primitives (no browser needed, so it runs in any CI image):
 * title, notes and the table on page 1 — the table is what gets read and signed — then the charts, on the same
 * page when they fit. Be Vietnam Pro, the posters' font, is embedded so names keep their tone marks anywhere.
 */
export async function renderReportPdf(
  report: Report,
  label: ReportLabel,
  options: { org: string; lang: Language; createdAt?: Date },
): Promise<Buffer> {
  const createdAt = options.createdAt ?? new Date();
  const title = reportTitle(report, label, options.org);
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: options.lang === "vi" ? "vi-VN" : "en",
    info: { Title: title, CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.registerFont("regular", loadPosterFont("regular"));
  doc.registerFont("bold", loadPosterFont("bold"));
  const width = doc.page.width - 2 * MARGIN;

  doc.font("bold").fontSize(16).fillColor(GREEN).text(title);
  doc
    .font("regular")
    .fontSize(10)
    .fillColor("#333")
    .text(
      label("window", {
        from: formatDay(report.from),
        to: formatDay(report.to),
        created: formatVietnamTime(createdAt, options.lang),
      }),
    );
  doc.fontSize(8.5).fillColor("#555");
  for (const note of report.notes) doc.text(label(`notes.${note.key}`, note.params));
  doc.moveDown(0.8);
  table(doc, report, label, width);

  const names = report.rows.map((r) => r.communeName);
  const barBlock = 24 + BAR_HEIGHT + labelLayout(doc, names, width - 30).height;
  room(doc, barBlock);
  doc.moveDown(1).font("bold").fontSize(11).fillColor("#000").text(label("venuesChart"), MARGIN);
  const barTop = doc.y + 8;
  barChart(doc, { x: MARGIN, y: barTop, w: width, h: BAR_HEIGHT }, report.rows);
  // The charts draw text at absolute positions, which moves doc.y: place the next block ourselves.
  doc.x = MARGIN;
  doc.y = barTop + BAR_HEIGHT + labelLayout(doc, names, width - 30).height + 14;
  room(doc, 24 + LINE_HEIGHT + 20);
  doc.font("bold").fontSize(11).fillColor("#000").text(label("checkinsChart"), MARGIN);
  lineChart(doc, { x: MARGIN, y: doc.y + 8, w: width, h: LINE_HEIGHT }, report.days);
  doc.end();
  return done;
}

/** A new page unless `height` still fits under the cursor. */
function room(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function table(doc: PDFKit.PDFDocument, report: Report, label: ReportLabel, width: number): void {
  const first = 0.25 * width;
  const other = (width - first) / REPORT_COLUMNS.length;
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? "bold" : "regular").fontSize(8.5);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (i ? other : first) - 6 }))) + 6;
    room(doc, height);
    const y = doc.y;
    cells.forEach((c, i) => {
      const x = MARGIN + (i ? first + (i - 1) * other : 0);
      doc
        .fillColor("#000")
        .text(c, x + 3, y + 3, { width: (i ? other : first) - 6, align: i ? "right" : "left" });
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(bold ? 0.8 : 0.3)
      .strokeColor(bold ? "#666" : "#bbb")
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  const cells = (r: ReportRow, name: string) => [
    name,
    ...REPORT_COLUMNS.map((k) =>
      k === "target" ? (r.target === null ? "—" : String(r.target)) : String(r[k]),
    ),
  ];
  row([label("csv.commune"), ...REPORT_COLUMNS.map((k) => label(`csv.${k}`))], true);
  for (const r of report.rows) row(cells(r, r.communeName), false);
  row(cells(report.total, label("csv.total")), true);
}
