import { toBuffer } from "qrcode";
import { createQrSymbol, QR_ERROR_CORRECTION, QR_QUIET_ZONE_MODULES } from "./qr-symbol";

/** Options for {@link renderQrPng}. */
export interface QrPngOptions {
  /**
   * Minimum width/height in pixels (default 1024: about 170 dpi when an owner prints the PNG itself at
   * the 15 cm asked for venue codes). The image is rounded up so every module is a whole number of
   * pixels and stays sharp when scaled.
   */
  size?: number;
}

const DEFAULT_SIZE = 1024;
const MAX_SIZE = 4096;

/**
 * Renders the check-in URL as a black-on-white PNG QR code with a 4-module quiet zone, ready to send
 * as a photo in Telegram/Zalo. Throws `CheckinUrlError` for a non-http(s) URL and `RangeError` for a
 * size outside 64..4096.
 */
export async function renderQrPng(url: string, opts: QrPngOptions = {}): Promise<Buffer> {
  const size = opts.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < 64 || size > MAX_SIZE) {
    throw new RangeError(`QR size must be an integer between 64 and ${MAX_SIZE}, got ${size}`);
  }
  const symbol = createQrSymbol(url);
  const modulesAcross = symbol.modules.size + 2 * QR_QUIET_ZONE_MODULES;
  return toBuffer(url, {
    type: "png",
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    version: symbol.version,
    margin: QR_QUIET_ZONE_MODULES,
    scale: Math.ceil(size / modulesAcross),
    color: { dark: "#000000ff", light: "#ffffffff" },
  });
}
