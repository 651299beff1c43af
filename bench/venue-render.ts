import { toBuffer } from "qrcode";
import { PosterCache } from "../src/features/venues/render/poster-cache";
import { type PosterInput, renderPosterPdf } from "../src/features/venues/render/poster-pdf";
import { PosterPool } from "../src/features/venues/render/poster-pool";
import { buildPosterTexts } from "../src/features/venues/render/poster-texts";
import { renderQrPng } from "../src/features/venues/render/qr-png";
import {
  createQrSymbol,
  QR_ERROR_CORRECTION,
  QR_QUIET_ZONE_MODULES,
} from "../src/features/venues/render/qr-symbol";
import { medianMs } from "./median";

export interface RenderBench {
  /** The QR PNG sent in chat (1024 px), as rendered now: 1-bit PNG through native zlib, on the loop. */
  qrMedianMs: number;
  /** The same image through qrcode's own PNG renderer (RGBA + pngjs), as before: the side-by-side figure. */
  qrBeforeMedianMs: number;
  /** An A4 poster rendered by pdfkit on the calling thread (what the worker does per poster). */
  pdfMedianMs: number;
  /** A poster through the worker pool, each one a new venue version (no cache hit). */
  pdfPoolMedianMs: number;
  /** The same poster asked again: served from the cache of venue versions. */
  pdfCachedMedianMs: number;
}

/** Median ms to render a venue's QR PNG and its A4 poster, now and as before. */
export async function measurePoster(runs: number): Promise<RenderBench> {
  const url = "https://checkin.binhson.example.vn/c/7KQ3MZP9XA";
  const texts = buildPosterTexts((lng, key) => `${lng} ${key} Quét mã QR khi vào`);
  const cafe: PosterInput = {
    venueName: "Quán Cà Phê Hoa Sen",
    address: "123 Phạm Văn Đồng",
    communeName: "Thị trấn Châu Ổ",
    code: "7KQ3MZP9XA",
    checkinUrl: url,
    texts,
  };
  const pool = new PosterPool({ size: 1 });
  const cache = new PosterCache();
  let version = 0;
  try {
    return {
      qrMedianMs: await medianMs(runs, () => renderQrPng(url)),
      qrBeforeMedianMs: await medianMs(runs, () => qrcodePng(url)),
      pdfMedianMs: await medianMs(runs, () => renderPosterPdf(cafe)),
      pdfPoolMedianMs: await medianMs(runs, () => pool.render({ ...cafe, venueName: `${version++}` })),
      pdfCachedMedianMs: await medianMs(runs, () => cache.get(cafe, (input) => pool.render(input))),
    };
  } finally {
    await pool.close();
  }
}

/** What src/features/venues/render/qr-png.ts did until issue 22. */
function qrcodePng(url: string): Promise<Buffer> {
  const symbol = createQrSymbol(url);
  const modulesAcross = symbol.modules.size + 2 * QR_QUIET_ZONE_MODULES;
  return toBuffer(url, {
    type: "png",
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    version: symbol.version,
    margin: QR_QUIET_ZONE_MODULES,
    scale: Math.ceil(1024 / modulesAcross),
    color: { dark: "#000000ff", light: "#ffffffff" },
  });
}
