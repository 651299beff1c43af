import { renderPosterPdf } from "../src/features/venues/render/poster-pdf";
import { buildPosterTexts } from "../src/features/venues/render/poster-texts";
import { renderQrPng } from "../src/features/venues/render/qr-png";
import { medianMs } from "./median";

/** Median ms to render a venue's QR PNG (the size sent in chat) and its A4 poster PDF. */
export async function measurePoster(runs: number): Promise<{ qrMedianMs: number; pdfMedianMs: number }> {
  const url = "https://checkin.binhson.example.vn/c/7KQ3MZP9XA";
  const texts = buildPosterTexts((lng, key) => `${lng} ${key} Quét mã QR khi vào`);
  return {
    qrMedianMs: await medianMs(runs, () => renderQrPng(url)),
    pdfMedianMs: await medianMs(runs, () =>
      renderPosterPdf({
        venueName: "Quán Cà Phê Hoa Sen",
        address: "123 Phạm Văn Đồng",
        communeName: "Thị trấn Châu Ổ",
        code: "7KQ3MZP9XA",
        checkinUrl: url,
        texts,
      }),
    ),
  };
}
