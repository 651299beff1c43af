/**
 * Quick timing of the venue renderers: `npx tsx bench/venue-render.ts [runs]`.
 * Prints the median wall time of renderQrPng and renderPosterPdf after a warm-up.
 */
import { performance } from "node:perf_hooks";
import { renderPosterPdf } from "../src/features/venues/render/poster-pdf";
import { buildPosterTexts } from "../src/features/venues/render/poster-texts";
import { renderQrPng } from "../src/features/venues/render/qr-png";

const runs = Number(process.argv[2] ?? 30);
const url = "https://checkin.binhson.example.vn/v/7KQ3MZP9XA";
const texts = buildPosterTexts((lng, key) => `${lng} ${key} Quét mã QR khi vào`);

async function median(label: string, task: () => Promise<unknown>): Promise<void> {
  await task(); // warm-up: font parsing and JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms over ${runs} runs`);
}

await median("renderQrPng 1024px", () => renderQrPng(url));
await median("renderQrPng 512px", () => renderQrPng(url, { size: 512 }));
await median("renderPosterPdf", () =>
  renderPosterPdf({
    venueName: "Quán Cà Phê Hoa Sen",
    address: "123 Phạm Văn Đồng",
    communeName: "Thị trấn Châu Ổ",
    code: "7KQ3MZP9XA",
    checkinUrl: url,
    texts,
  }),
);
