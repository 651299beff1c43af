/// <reference types="pdfkit" />
import type { QRCode } from "qrcode";

/** A square on the page, in PDF points. */
export interface QrPlacement {
  x: number;
  y: number;
  /** Side of the symbol itself (dark modules), without the quiet zone. */
  size: number;
}

/**
 * Draws a QR symbol as vector squares so it prints sharp at any size. Dark runs along a row become one
 * rectangle, and rows overlap by a hair, so viewers that anti-alias do not show white seams between
 * modules (seams can confuse cheap scanners).
 */
export function drawQrSymbol(doc: PDFKit.PDFDocument, symbol: QRCode, at: QrPlacement): void {
  const count = symbol.modules.size;
  const module = at.size / count;
  const overlap = module * 0.02;
  doc.save();
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (symbol.modules.get(row, col) === 0) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && symbol.modules.get(row, col) !== 0) col += 1;
      const bottomOverlap = row < count - 1 ? overlap : 0;
      doc.rect(at.x + start * module, at.y + row * module, (col - start) * module, module + bottomOverlap);
    }
  }
  doc.fillColor("#000000").fill();
  doc.restore();
}
