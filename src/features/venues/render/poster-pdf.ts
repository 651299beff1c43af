import PDFDocument from "pdfkit";
import { loadPosterFont } from "./poster-fonts";
import { PosterLayoutError } from "./poster-layout-error";
import { drawQrSymbol } from "./poster-qr";
import type { PosterLanguageTexts, PosterTexts } from "./poster-texts";
import { createQrSymbol, QR_QUIET_ZONE_MODULES } from "./qr-symbol";

/** What a venue poster shows. Free-text fields come from the owner and are printed as typed. */
export interface PosterInput {
  /** Venue name as registered; up to 120 characters fit (smaller type for long names). */
  venueName: string;
  /** Street address detail (số nhà, thôn/xóm…); may be empty. */
  address: string;
  /** Commune-level unit, e.g. "Thị trấn Châu Ổ". */
  communeName: string;
  /** Venue code, printed under the QR so a visitor or officer can read it out. */
  code: string;
  /** The URL the QR encodes: our own check-in page for this venue. */
  checkinUrl: string;
  /** Translated strings, Vietnamese and English. */
  texts: PosterTexts;
  /** PDF creation date; pass a fixed value to get byte-identical output for the same input. */
  createdAt?: Date;
}

const PAGE = { width: 595.28, height: 841.89 }; // A4 in PDF points
const CM = 72 / 2.54;
const MARGIN = 36;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
// Hà Nội asked for venue codes printed at least 15 × 15 cm; this is the side of the dark symbol itself.
const MIN_QR_SIZE = 15 * CM;
const MAX_QR_SIZE = 16 * CM;
// Version 6 (41 modules, 3.7 mm each at 15 cm) or denser keeps the 4-module quiet zone ≤ 1.5 cm, so a
// 15 cm symbol and all the text fit on A4; a short URL alone would give version 1-3 and a 2-3 cm margin.
const MIN_QR_VERSION = 6;
const BAND_COLOR = "#0d47a1";
const TEXT_COLOR = "#111111";
const MUTED_COLOR = "#444444";
const TEXT_BOX = { width: CONTENT_WIDTH, align: "center" } as const;
const FONT = { regular: "poster-regular", bold: "poster-bold" } as const;

/** A piece of the page measured before it is placed, so the QR can take the space that is left. */
interface Block {
  height: number;
  draw(top: number): void;
}

/**
 * Renders an A4 portrait poster: title band, venue name and address, a ≥ 15 cm QR code for the check-in
 * URL, the venue code and URL in clear, numbered steps in Vietnamese and English, and the MOH hotline.
 * Always one page. Resolves to the PDF bytes; rejects with `CheckinUrlError` for a URL a phone would not
 * open and `PosterLayoutError` if the QR could not get its 15 cm.
 */
export async function renderPosterPdf(input: PosterInput): Promise<Buffer> {
  const symbol = createQrSymbol(input.checkinUrl, MIN_QR_VERSION);
  const venueName = clean(input.venueName);
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    lang: "vi-VN",
    info: { Title: venueName, CreationDate: input.createdAt ?? new Date() },
  });
  const bytes = collect(doc);
  doc.registerFont(FONT.regular, loadPosterFont("regular"));
  doc.registerFont(FONT.bold, loadPosterFont("bold"));

  // Blocks are drawn top to bottom so the PDF's text order (copy-paste, screen readers) is reading order;
  // the lower ones are measured first because the QR takes whatever they leave.
  const bandBottom = drawTitleBand(doc, input.texts);
  const footer = footerBlock(doc, input.texts);
  const steps = instructionsBlock(doc, input.texts);
  const codeAndUrl = codeAndUrlBlock(doc, input);
  const footerTop = PAGE.height - 22 - footer.height;
  const stepsTop = footerTop - 14 - steps.height;
  const codeTop = stepsTop - 6 - codeAndUrl.height;

  // The symbol and its quiet zone share the space between the address and the code. The venue text gets
  // whatever a 15 cm symbol leaves over, so a long name shrinks instead of the QR.
  const modules = symbol.modules.size;
  const withQuietZone = (side: number) => (side * (modules + 2 * QR_QUIET_ZONE_MODULES)) / modules;
  const address = [input.address, input.communeName].map(clean).filter(Boolean).join(", ");
  const top = drawVenue(doc, venueName, address, bandBottom, codeTop - withQuietZone(MIN_QR_SIZE));
  const size = Math.min(MAX_QR_SIZE, ((codeTop - top) * modules) / (modules + 2 * QR_QUIET_ZONE_MODULES));
  if (size < MIN_QR_SIZE) {
    throw new PosterLayoutError(`QR would be ${(size / CM).toFixed(1)} cm, below 15 cm`);
  }
  drawQrSymbol(doc, symbol, { x: (PAGE.width - size) / 2, y: (top + codeTop - size) / 2, size });
  codeAndUrl.draw(codeTop);
  steps.draw(stepsTop);
  footer.draw(footerTop);
  doc.end();
  return bytes;
}

/** NFC so decomposed tone marks (some Vietnamese keyboards send them) hit the font's precomposed glyphs. */
function clean(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** Largest size from `max` down to `min` at which `text` fits in `maxHeight`; `min` if none does. */
function fitFontSize(
  doc: PDFKit.PDFDocument,
  text: string,
  max: number,
  min: number,
  maxHeight: number,
): number {
  for (let size = max; size > min; size -= 0.5) {
    if (doc.fontSize(size).heightOfString(text, TEXT_BOX) <= maxHeight) return size;
  }
  return min;
}

function drawTitleBand(doc: PDFKit.PDFDocument, texts: PosterTexts): number {
  const height = 72;
  doc.rect(0, 0, PAGE.width, height).fill(BAND_COLOR);
  doc.fillColor("#ffffff").font(FONT.bold).fontSize(28);
  doc.text(texts.vi.title, MARGIN, 7, { ...TEXT_BOX, lineBreak: false });
  doc.font(FONT.regular).fontSize(16);
  doc.text(texts.en.title, MARGIN, 43, { ...TEXT_BOX, lineBreak: false });
  return height;
}

/**
 * Venue name (up to 3 lines, shrinking to fit) and address (up to 2 lines) between `top` and
 * `maxBottom`; returns the y below them.
 */
function drawVenue(
  doc: PDFKit.PDFDocument,
  name: string,
  address: string,
  top: number,
  maxBottom: number,
): number {
  doc.font(FONT.regular);
  const addressSize = fitFontSize(doc, address, 13, 9, 30);
  const addressHeight = Math.min(30, doc.fontSize(addressSize).heightOfString(address, TEXT_BOX));
  const nameTop = top + 8;
  const nameBudget = Math.min(84, maxBottom - nameTop - 2 - addressHeight);
  doc.font(FONT.bold);
  const nameSize = fitFontSize(doc, name, 28, 12, nameBudget);
  doc.fillColor(TEXT_COLOR).fontSize(nameSize);
  doc.text(name, MARGIN, nameTop, { ...TEXT_BOX, height: nameBudget, ellipsis: true });
  doc.font(FONT.regular).fillColor(MUTED_COLOR).fontSize(addressSize);
  doc.text(address, MARGIN, doc.y + 2, { ...TEXT_BOX, height: 30, ellipsis: true });
  return doc.y;
}

/** Venue code and check-in URL under the QR, so a visitor who cannot scan can type the address. */
function codeAndUrlBlock(doc: PDFKit.PDFDocument, input: PosterInput): Block {
  const label = `${input.texts.vi.codeLabel} / ${input.texts.en.codeLabel}`;
  const lines = [
    { text: label, font: FONT.regular, size: 10, color: MUTED_COLOR },
    // No letter-spacing: spaced glyphs come back as "7 KQ 3 M…" when the code is copied from the PDF.
    { text: input.code, font: FONT.bold, size: 24, color: TEXT_COLOR },
    { text: input.checkinUrl, font: FONT.regular, size: 10, color: BAND_COLOR },
  ];
  const heights = lines.map((line) =>
    doc.font(line.font).fontSize(line.size).heightOfString(line.text, TEXT_BOX),
  );
  return {
    height: heights.reduce((sum, h) => sum + h, 0),
    draw(top) {
      let y = top;
      lines.forEach((line, i) => {
        doc.font(line.font).fontSize(line.size).fillColor(line.color);
        doc.text(line.text, MARGIN, y, TEXT_BOX);
        y += heights[i] ?? 0;
      });
    },
  };
}

const COLUMN_GAP = 20;
const COLUMN_WIDTH = (CONTENT_WIDTH - COLUMN_GAP) / 2;
const NUMBER_WIDTH = 14;

/** Numbered steps: a Vietnamese column, then an English one. */
function instructionsBlock(doc: PDFKit.PDFDocument, texts: PosterTexts): Block {
  return {
    height: Math.max(layoutColumn(doc, texts.vi, 0, 0, false), layoutColumn(doc, texts.en, 0, 0, false)),
    draw(top) {
      layoutColumn(doc, texts.vi, MARGIN, top, true);
      layoutColumn(doc, texts.en, MARGIN + COLUMN_WIDTH + COLUMN_GAP, top, true);
    },
  };
}

/** Measures one language's column and, when `draw` is set, prints it; returns its height. */
function layoutColumn(
  doc: PDFKit.PDFDocument,
  texts: PosterLanguageTexts,
  x: number,
  top: number,
  draw: boolean,
): number {
  let y = top;
  doc.font(FONT.bold).fontSize(11.5).fillColor(BAND_COLOR);
  if (draw) doc.text(texts.stepsHeading, x, y, { width: COLUMN_WIDTH });
  y += doc.heightOfString(texts.stepsHeading, { width: COLUMN_WIDTH }) + 2;
  const stepWidth = COLUMN_WIDTH - NUMBER_WIDTH;
  [texts.step1, texts.step2, texts.step3].forEach((step, index) => {
    doc.font(FONT.bold).fontSize(9.5).fillColor(TEXT_COLOR);
    if (draw) doc.text(`${index + 1}.`, x, y, { width: NUMBER_WIDTH });
    doc.font(FONT.regular);
    if (draw) doc.text(step, x + NUMBER_WIDTH, y, { width: stepWidth });
    y += doc.heightOfString(step, { width: stepWidth }) + 1;
  });
  doc.font(FONT.regular).fontSize(8.5).fillColor(MUTED_COLOR);
  if (draw) doc.text(texts.tip, x, y + 2, { width: COLUMN_WIDTH });
  y += 2 + doc.heightOfString(texts.tip, { width: COLUMN_WIDTH });
  return y - top;
}

/** MOH hotline under a thin rule; the block's top is the text, the rule sits 6 pt above it. */
function footerBlock(doc: PDFKit.PDFDocument, texts: PosterTexts): Block {
  const line = `${texts.vi.hotline}  ·  ${texts.en.hotline}`;
  const height = doc.font(FONT.bold).fontSize(10).heightOfString(line, TEXT_BOX);
  return {
    height,
    draw(top) {
      doc
        .moveTo(MARGIN, top - 6)
        .lineTo(PAGE.width - MARGIN, top - 6)
        .lineWidth(0.75)
        .stroke("#bbbbbb");
      doc.font(FONT.bold).fontSize(10).fillColor(TEXT_COLOR).text(line, MARGIN, top, TEXT_BOX);
    },
  };
}
