import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Text and geometry of a PDF as a reader sees it, extracted with pdf.js (pure JS, no poppler). */
export interface PdfText {
  pageCount: number;
  /** [width, height] of the first page in points. */
  firstPageSize: [number, number];
  /** All text of all pages, items joined by a space, whitespace collapsed. */
  text: string;
  /** The same, page by page (what a reader sees before turning the page). */
  pages: string[];
}

/** Extracts the text of a PDF buffer. */
export async function extractPdfText(pdf: Buffer): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const parts: string[] = [];
    for (const item of content.items) if ("str" in item) parts.push(item.str);
    pages.push(parts.join(" ").replace(/\s+/g, " ").trim());
  }
  const first = await doc.getPage(1);
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = first.view;
  const result: PdfText = {
    pageCount: doc.numPages,
    firstPageSize: [x1 - x0, y1 - y0],
    text: pages.join(" "),
    pages,
  };
  await doc.destroy();
  return result;
}
