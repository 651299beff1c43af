import { dayMonth } from "../../core/vietnam-time";
import type { ReportRow } from "./report-data";

const GREEN = "#0b6b3a";
const BLUE = "#0b5394";
const ORANGE = "#e65100";
/** Room left of the plot for the tick labels. */
const AXIS = 30;
/** A bar no wider than this, so one commune's bar looks like a bar and not a wall. */
const MAX_BAR = 48;
const LABEL_SIZE = 7;

/** A box on the page. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * An axis of whole numbers: a step of 1, 2 or 5 × 10ⁿ giving at most five intervals, and the top rounded up to a
 * step. Counts are whole, so a tick never reads 0.25 and a small count is not stretched to an odd 4.
 */
export function niceScale(max: number): { top: number; step: number } {
  const m = Math.max(1, Math.ceil(max));
  let step = 1;
  for (let base = 1; step * 5 < m; base *= 10) {
    step = [base, 2 * base, 5 * base].find((s) => s * 5 >= m) ?? 10 * base;
  }
  return { top: Math.ceil(m / step) * step, step };
}

function axis(doc: PDFKit.PDFDocument, box: Box, top: number, step: number): void {
  doc.font("regular").fontSize(LABEL_SIZE).fillColor("#555");
  for (let v = 0; v <= top; v += step) {
    const gy = box.y + box.h - (box.h * v) / top;
    doc
      .moveTo(box.x + AXIS, gy)
      .lineTo(box.x + box.w, gy)
      .lineWidth(0.5)
      .strokeColor("#ccc")
      .stroke();
    doc.text(String(v), box.x, gy - 3, { width: AXIS - 4, align: "right", lineBreak: false });
  }
}

/** How the commune names go under the bars: wrapped across the slot when there is room, else tilted. */
export function labelLayout(doc: PDFKit.PDFDocument, names: string[], plotWidth: number) {
  const slot = plotWidth / Math.max(1, names.length);
  doc.font("regular").fontSize(LABEL_SIZE);
  const widest = Math.max(0, ...names.map((n) => doc.widthOfString(n)));
  const wrap = slot >= 56;
  const height = wrap
    ? Math.max(0, ...names.map((n) => doc.heightOfString(n, { width: slot - 4 })))
    : widest * Math.sin(Math.PI / 3) + 6;
  return { slot, wrap, height: height + 6 };
}

/** Venues registered per commune (bars, with their count) and the commune's target (a line across the bar). */
export function barChart(doc: PDFKit.PDFDocument, box: Box, rows: ReportRow[]): void {
  const { top, step } = niceScale(Math.max(...rows.map((r) => Math.max(r.venuesTotal, r.target ?? 0))));
  axis(doc, box, top, step);
  const plot = box.w - AXIS;
  const labels = labelLayout(
    doc,
    rows.map((r) => r.communeName),
    plot,
  );
  const bar = Math.min(labels.slot * 0.6, MAX_BAR);
  rows.forEach((r, i) => {
    const cx = box.x + AXIS + labels.slot * (i + 0.5);
    const bh = (box.h * r.venuesTotal) / top;
    if (bh > 0) doc.rect(cx - bar / 2, box.y + box.h - bh, bar, bh).fill(GREEN);
    if (r.target !== null) {
      const ty = box.y + box.h - (box.h * r.target) / top;
      doc
        .moveTo(cx - bar / 2 - 4, ty)
        .lineTo(cx + bar / 2 + 4, ty)
        .lineWidth(2)
        .strokeColor(ORANGE)
        .stroke();
    }
    doc.font("regular").fontSize(LABEL_SIZE).fillColor("#000");
    doc.text(String(r.venuesTotal), cx - 20, box.y + box.h - bh - 10, {
      width: 40,
      align: "center",
      lineBreak: false,
    });
    const ly = box.y + box.h + 4;
    if (labels.wrap) {
      doc.text(r.communeName, cx - labels.slot / 2 + 2, ly, { width: labels.slot - 4, align: "center" });
    } else {
      // Tilted 60° and starting under the bar's middle, as the dashboard's chart does when names do not fit.
      doc.save().translate(cx, ly).rotate(60);
      doc.text(r.communeName, 0, 0, { lineBreak: false });
      doc.restore();
    }
  });
}

/** Check-ins per day, the days as dd/mm; a long period labels about ten of its days. */
export function lineChart(
  doc: PDFKit.PDFDocument,
  box: Box,
  days: { day: string; checkins: number }[],
): void {
  const { top, step } = niceScale(Math.max(0, ...days.map((d) => d.checkins)));
  axis(doc, box, top, step);
  const slot = (box.w - AXIS) / Math.max(1, days.length);
  const every = Math.ceil(days.length / 10);
  const point = (i: number, v: number) =>
    [box.x + AXIS + slot * (i + 0.5), box.y + box.h - (box.h * v) / top] as const;
  days.forEach((d, i) => {
    const [px, py] = point(i, d.checkins);
    if (i === 0) doc.moveTo(px, py);
    else doc.lineTo(px, py);
  });
  if (days.length > 1) doc.lineWidth(1.5).strokeColor(BLUE).stroke();
  days.forEach((d, i) => {
    const [px, py] = point(i, d.checkins);
    doc.circle(px, py, 2).fill(BLUE);
    if (i % every === 0) {
      doc
        .font("regular")
        .fontSize(LABEL_SIZE)
        .fillColor("#000")
        .text(dayMonth(d.day), px - 15, box.y + box.h + 4, { width: 30, align: "center", lineBreak: false });
    }
  });
}
