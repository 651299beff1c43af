import PDFDocument from "pdfkit";
import { loadPosterFont } from "../venues/render/poster-fonts";
import type { WeeklyReport } from "./weekly-report";

/** The report's labels, already in the reader's language. */
export type ReportLabel = (key: string, params?: Record<string, string | number>) => string;

const GREEN = "#0b6b3a";
const BLUE = "#0b5394";
const ORANGE = "#e65100";
const MARGIN = 40;

/**
 * The weekly report as an A4 PDF drawn with pdfkit vector primitives from the same numbers as the
 * dashboard's charts (no browser needed, so it runs in any CI image). Be Vietnam Pro — the posters' font —
 * is embedded so commune names keep their tone marks on any computer.
 */
export async function renderReportPdf(
  report: WeeklyReport,
  label: ReportLabel,
  createdAt = new Date(),
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: "vi-VN",
    info: { Title: label("title", { district: report.district }), CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.registerFont("regular", loadPosterFont("regular"));
  doc.registerFont("bold", loadPosterFont("bold"));
  const width = doc.page.width - 2 * MARGIN;

  doc
    .font("bold")
    .fontSize(18)
    .fillColor(GREEN)
    .text(label("title", { district: report.district }));
  doc
    .font("regular")
    .fontSize(11)
    .fillColor("#333")
    .text(label("window", { from: report.from, to: report.to }));
  doc.moveDown();

  // Chart helpers draw text at absolute positions, which moves doc.y: keep our own cursor.
  doc.font("bold").fontSize(12).fillColor("#000").text(label("venuesChart"));
  const barTop = doc.y + 8;
  barChart(doc, MARGIN, barTop, width, 200, report);
  doc.x = MARGIN;
  doc.y = barTop + 200 + 90;
  doc.font("bold").fontSize(12).fillColor("#000").text(label("checkinsChart"));
  lineChart(doc, MARGIN, doc.y + 8, width, 140, report.days);
  doc.addPage();
  table(doc, report, label, width);
  doc.end();
  return done;
}

function gridlines(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, max: number): void {
  doc.font("regular").fontSize(7).fillColor("#555");
  for (let i = 0; i <= 4; i++) {
    const gy = y + h - (h * i) / 4;
    doc
      .moveTo(x + 24, gy)
      .lineTo(x + w, gy)
      .lineWidth(0.5)
      .strokeColor("#ccc")
      .stroke();
    doc.text(String((max * i) / 4), x, gy - 3, { width: 20, align: "right" });
  }
}

const niceMax = (values: number[]) => Math.ceil(Math.max(1, ...values) / 4) * 4;

function barChart(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  w: number,
  h: number,
  report: WeeklyReport,
): void {
  const rows = report.rows;
  const max = niceMax(rows.flatMap((r) => [r.venuesTotal, r.target ?? 0]));
  gridlines(doc, x, y, w, h, max);
  const step = (w - 28) / Math.max(1, rows.length);
  rows.forEach((r, i) => {
    const bx = x + 28 + i * step;
    const bh = (h * r.venuesTotal) / max;
    if (bh > 0) doc.rect(bx + step * 0.15, y + h - bh, step * 0.7, bh).fill(GREEN);
    if (r.target !== null) {
      const ty = y + h - (h * r.target) / max;
      doc
        .moveTo(bx + step * 0.05, ty)
        .lineTo(bx + step * 0.95, ty)
        .lineWidth(2)
        .strokeColor(ORANGE)
        .stroke();
    }
    // Names run down at 60° under their bar, as on the dashboard.
    doc
      .save()
      .translate(bx + step / 2, y + h + 4)
      .rotate(60);
    doc.font("regular").fontSize(7).fillColor("#000").text(r.communeName, 0, 0, { lineBreak: false });
    doc.restore();
  });
}

function lineChart(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  w: number,
  h: number,
  days: { day: string; checkins: number }[],
): void {
  const max = niceMax(days.map((d) => d.checkins));
  gridlines(doc, x, y, w, h, max);
  const step = (w - 28) / Math.max(1, days.length);
  const point = (i: number, v: number) => [x + 28 + i * step + step / 2, y + h - (h * v) / max] as const;
  days.forEach((d, i) => {
    const [px, py] = point(i, d.checkins);
    if (i === 0) doc.moveTo(px, py);
    else doc.lineTo(px, py);
  });
  if (days.length) doc.lineWidth(1.5).strokeColor(BLUE).stroke();
  days.forEach((d, i) => {
    const [px, py] = point(i, d.checkins);
    doc.circle(px, py, 2).fill(BLUE);
    if (days.length <= 14 || i % 5 === 0) {
      doc
        .font("regular")
        .fontSize(7)
        .fillColor("#000")
        .text(d.day.slice(5), px - 12, y + h + 4, { width: 24, align: "center" });
    }
  });
}

function table(doc: PDFKit.PDFDocument, report: WeeklyReport, label: ReportLabel, width: number): void {
  const cols = [
    { key: "commune", w: 0.36 },
    { key: "venues", w: 0.16 },
    { key: "checkins", w: 0.16 },
    { key: "subscribers", w: 0.16 },
    { key: "broadcasts", w: 0.16 },
  ];
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = MARGIN;
    doc
      .font(bold ? "bold" : "regular")
      .fontSize(9)
      .fillColor("#000");
    cells.forEach((c, i) => {
      const w = (cols[i]?.w ?? 0.16) * width;
      doc.text(c, x + 2, y, { width: w - 4, align: i === 0 ? "left" : "right" });
      x += w;
    });
    doc.y = y + 16;
    doc
      .moveTo(MARGIN, doc.y - 3)
      .lineTo(MARGIN + width, doc.y - 3)
      .lineWidth(0.3)
      .strokeColor("#bbb")
      .stroke();
  };
  row(
    cols.map((c) => label(c.key)),
    true,
  );
  for (const r of report.rows) {
    row(
      [r.communeName, String(r.newVenues), String(r.checkins), String(r.subscribers), String(r.broadcasts)],
      false,
    );
  }
  const sum = (f: (r: WeeklyReport["rows"][number]) => number) =>
    String(report.rows.reduce((a, r) => a + f(r), 0));
  row(
    [
      label("total"),
      sum((r) => r.newVenues),
      sum((r) => r.checkins),
      sum((r) => r.subscribers),
      String(report.broadcastsTotal),
    ],
    true,
  );
}
