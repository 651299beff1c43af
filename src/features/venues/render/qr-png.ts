import { crc32, deflateSync } from "node:zlib";
import { createQrSymbol, QR_QUIET_ZONE_MODULES } from "./qr-symbol";

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
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Renders the check-in URL as a black-on-white PNG QR code with a 4-module quiet zone, ready to send
 * as a photo in Telegram/Zalo. Throws `CheckinUrlError` for a non-http(s) URL and `RangeError` for a
 * size outside 64..4096.
 *
 * The image is written here as a 1-bit greyscale PNG rather than by `qrcode`'s PNG renderer: that one
 * paints 32-bit RGBA pixels one by one in JavaScript and compresses them through pngjs, 78–104 ms of
 * event loop per image (docs/adr/010-rendering-startup-footprint.md). One bit per pixel and a row per
 * module row copied `scale` times is ≈ 130 kB for native zlib to deflate: about 1–2 ms.
 */
export async function renderQrPng(url: string, opts: QrPngOptions = {}): Promise<Buffer> {
  const size = opts.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < 64 || size > MAX_SIZE) {
    throw new RangeError(`QR size must be an integer between 64 and ${MAX_SIZE}, got ${size}`);
  }
  const { modules } = createQrSymbol(url);
  const across = modules.size + 2 * QR_QUIET_ZONE_MODULES;
  const scale = Math.ceil(size / across);
  const width = across * scale;
  const rowBytes = 1 + Math.ceil(width / 8); // filter byte "none", then 8 pixels a byte
  const pixels = Buffer.alloc(rowBytes * width, 0xff); // 1 = white: the quiet zone needs no drawing
  for (let y = 0; y < across; y += 1) {
    const first = y * scale * rowBytes;
    const row = pixels.subarray(first, first + rowBytes);
    row[0] = 0;
    // Padding bits past the last pixel stay 1; decoders ignore them.
    for (let x = 0; x < across; x += 1) {
      if (!isDark(modules, x - QR_QUIET_ZONE_MODULES, y - QR_QUIET_ZONE_MODULES)) continue;
      for (let px = x * scale; px < (x + 1) * scale; px += 1) {
        const at = 1 + (px >> 3);
        row[at] = (row[at] ?? 0) & ~(0x80 >> (px & 7));
      }
    }
    for (let copy = 1; copy < scale; copy += 1) row.copy(pixels, first + copy * rowBytes);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale; compression, filter and interlace bytes stay 0
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function isDark(modules: { size: number; get(row: number, col: number): number }, col: number, row: number) {
  const inside = col >= 0 && row >= 0 && col < modules.size && row < modules.size;
  return inside && modules.get(row, col) !== 0;
}

/** One PNG chunk: length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
