import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { renderQrPng } from "../../../../src/features/venues/render/qr-png";
import { CheckinUrlError } from "../../../../src/features/venues/render/qr-symbol";

const URL_OF_VENUE = "https://checkin.binhson.example.vn/v/7KQ3MZP9XA";

function decode(png: Buffer) {
  const image = PNG.sync.read(png);
  const result = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return { image, result };
}

describe("the QR code image sent to a venue owner", () => {
  it("opens the venue's check-in page when scanned", async () => {
    const { result } = decode(await renderQrPng(URL_OF_VENUE));
    expect(result?.data).toBe(URL_OF_VENUE);
  });

  it("is large enough to print (≥ 1024 px by default) and square", async () => {
    const { image } = decode(await renderQrPng(URL_OF_VENUE));
    expect(image.width).toBeGreaterThanOrEqual(1024);
    expect(image.height).toBe(image.width);
  });

  it("honours a requested size and still scans", async () => {
    const { image, result } = decode(await renderQrPng(URL_OF_VENUE, { size: 512 }));
    expect(image.width).toBeGreaterThanOrEqual(512);
    expect(image.width).toBeLessThan(600);
    expect(result?.data).toBe(URL_OF_VENUE);
  });

  it("keeps a white quiet zone of at least 4 modules around the code", async () => {
    const { image, result } = decode(await renderQrPng(URL_OF_VENUE));
    if (result === null) throw new Error("QR did not decode");
    const modulesAcross = 17 + 4 * result.version + 8;
    const border = Math.floor((4 * image.width) / modulesAcross);
    const isWhite = (x: number, y: number) => image.data[(y * image.width + x) * 4] === 255;
    let darkInBorder = 0;
    for (let i = 0; i < image.width; i += 1) {
      for (let d = 0; d < border; d += 1) {
        const edges = [
          isWhite(i, d),
          isWhite(d, i),
          isWhite(i, image.height - 1 - d),
          isWhite(image.width - 1 - d, i),
        ];
        darkInBorder += edges.filter((white) => !white).length;
      }
    }
    expect(border).toBeGreaterThan(0);
    expect(darkInBorder).toBe(0);
  });

  it.each(["javascript:alert(1)", "ftp://example.vn/x", "không phải URL"])(
    "is never made for something a phone would not open as a web page: %s",
    async (url) => {
      await expect(renderQrPng(url)).rejects.toThrow(CheckinUrlError);
    },
  );

  it("refuses absurd sizes", async () => {
    await expect(renderQrPng(URL_OF_VENUE, { size: 10 })).rejects.toThrow(RangeError);
  });
});
