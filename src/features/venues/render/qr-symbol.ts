import { create, type QRCode } from "qrcode";

/**
 * Error correction shared by the PNG and the poster. Q (≈25 % recovery) rather than M: posters hang at
 * entrances where they get wet, creased and scratched, and at ≥ 15 cm the extra modules cost nothing.
 */
export const QR_ERROR_CORRECTION = "Q";

/** Light border around the symbol, in modules; 4 is the minimum the QR specification asks for. */
export const QR_QUIET_ZONE_MODULES = 4;

// Check-in URLs are short; a cap keeps the symbol at a version phones read easily from a poster.
const MAX_URL_LENGTH = 512;

/** Thrown when the text to encode is not an http(s) URL a phone camera would open. */
export class CheckinUrlError extends Error {
  override readonly name = "CheckinUrlError";
}

/**
 * Builds the QR symbol for a check-in URL. `minVersion` lets the poster force a denser symbol so the
 * quiet zone (4 modules) stays a predictable size on the page.
 */
export function createQrSymbol(url: string, minVersion = 1): QRCode {
  assertCheckinUrl(url);
  const symbol = create(url, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  if (symbol.version >= minVersion) return symbol;
  return create(url, { errorCorrectionLevel: QR_ERROR_CORRECTION, version: minVersion });
}

function assertCheckinUrl(url: string): void {
  if (url.length > MAX_URL_LENGTH) throw new CheckinUrlError(`check-in URL longer than ${MAX_URL_LENGTH}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CheckinUrlError(`not a URL: ${url}`);
  }
  // A camera app only offers to open web links; anything else would print a dead poster.
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new CheckinUrlError(`check-in URL must be http(s): ${url}`);
  }
}
