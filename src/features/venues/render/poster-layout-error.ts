/**
 * Thrown if the content leaves no room for a QR code of at least 15 × 15 cm (a layout bug, not user error).
 * Its own module so the poster pool can rebuild it without loading pdfkit on the main thread.
 */
export class PosterLayoutError extends Error {
  override readonly name = "PosterLayoutError";
}
