import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { type PosterInput, renderPosterPdf } from "../../../../src/features/venues/render/poster-pdf";
import { POSTER_TEXT_KEYS } from "../../../../src/features/venues/render/poster-texts";
import { CheckinUrlError } from "../../../../src/features/venues/render/qr-symbol";
import { posterTextsFromLocales, readVenuesLocale } from "../../../support/locale-poster-texts";
import { extractPdfText } from "../../../support/pdf-text";

const texts = posterTextsFromLocales();
const cafe: PosterInput = {
  venueName: "Quán Cà Phê Hoa Sen",
  address: "123 Phạm Văn Đồng, tổ dân phố 4",
  communeName: "Thị trấn Châu Ổ",
  code: "7KQ3MZP9XA",
  checkinUrl: "https://checkin.binhson.example.vn/v/7KQ3MZP9XA",
  texts,
  createdAt: new Date("2021-10-01T00:00:00Z"),
};
// Exactly 120 characters, the longest name registration accepts.
const LONG_NAME =
  "Công ty Trách nhiệm Hữu hạn Một thành viên Thương mại Dịch vụ Vận tải và Chế biến Thủy sản Xuất khẩu Quảng Ngãi Bình Sơn";

// pdftoppm (Debian poppler-utils) is optional: the scan test runs where it is installed.
const hasPdftoppm = spawnSync("pdftoppm", ["-v"]).error === undefined;

/** Spaces between pdf.js text items depend on line breaks; compare without them. */
const squash = (text: string) => text.replace(/\s+/g, "");

describe("the printable poster a venue owner downloads", () => {
  it.each(["vi", "en"] as const)("has every %s poster string translated, and no stray ones", (lng) => {
    expect(Object.keys(readVenuesLocale(lng).poster).sort()).toEqual([...POSTER_TEXT_KEYS].sort());
  });

  it("is one A4 portrait page", async () => {
    const pdf = await extractPdfText(await renderPosterPdf(cafe));
    expect(pdf.pageCount).toBe(1);
    expect(pdf.firstPageSize[0]).toBeCloseTo(595.28, 1);
    expect(pdf.firstPageSize[1]).toBeCloseTo(841.89, 1);
  });

  it("shows the venue name and commune with their Vietnamese diacritics intact", async () => {
    const { text } = await extractPdfText(await renderPosterPdf(cafe));
    expect(text).toContain("Quán Cà Phê Hoa Sen");
    expect(text).toContain("123 Phạm Văn Đồng, tổ dân phố 4, Thị trấn Châu Ổ");
  });

  it("prints the venue code and the full check-in URL for visitors who cannot scan", async () => {
    const { text } = await extractPdfText(await renderPosterPdf(cafe));
    expect(text).toContain("7KQ3MZP9XA");
    expect(text).toContain("https://checkin.binhson.example.vn/v/7KQ3MZP9XA");
  });

  it("tells visitors what to do in Vietnamese, then English, and gives the MOH hotline", async () => {
    const { text } = await extractPdfText(await renderPosterPdf(cafe));
    for (const key of POSTER_TEXT_KEYS) {
      expect(text).toContain(texts.vi[key]);
      expect(text).toContain(texts.en[key]);
    }
    expect(text.indexOf(texts.vi.step1)).toBeLessThan(text.indexOf(texts.en.step1));
    expect(text).toContain("1900 9095");
    // Our codes are web links for the camera or Zalo: the poster names PC-Covid only to say it is not for this
    // code (content review A2), once per language.
    expect(text.match(/PC-Covid/gi)).toHaveLength(2);
    expect(text).toContain("không dùng PC-Covid");
    expect(text).toContain("do not use PC-Covid");
  });

  it("fits a 120-character name on the same single page, in full", async () => {
    expect(LONG_NAME).toHaveLength(120);
    const pdf = await extractPdfText(await renderPosterPdf({ ...cafe, venueName: LONG_NAME }));
    expect(pdf.pageCount).toBe(1);
    expect(squash(pdf.text)).toContain(squash(LONG_NAME));
  });

  it("still leaves room for a 15 cm QR with the longest name, address and URL", async () => {
    const worst = {
      ...cafe,
      venueName: "W".repeat(120),
      address: "Thôn Vĩnh Trà, đường ĐT622 nối dài, cạnh Khu kinh tế Dung Quất, gần cảng Sa Kỳ ".repeat(3),
      checkinUrl: `https://checkin.binhson.example.vn/v/7KQ3MZP9XA?src=poster&lang=vi&${"x".repeat(80)}`,
    };
    const pdf = await extractPdfText(await renderPosterPdf(worst));
    expect(pdf.pageCount).toBe(1);
  });

  it("reads correctly even when the owner's keyboard sent decomposed tone marks", async () => {
    const decomposed = "Quán Cà Phê Hoa Sen".normalize("NFD");
    const { text } = await extractPdfText(await renderPosterPdf({ ...cafe, venueName: decomposed }));
    expect(text).toContain("Quán Cà Phê Hoa Sen");
  });

  it("is never printed with a link a phone camera would not open", async () => {
    await expect(renderPosterPdf({ ...cafe, checkinUrl: "javascript:alert(1)" })).rejects.toThrow(
      CheckinUrlError,
    );
  });

  it("is byte-for-byte the same when re-downloaded with the same creation date", async () => {
    const [first, second] = await Promise.all([renderPosterPdf(cafe), renderPosterPdf(cafe)]);
    expect(first.equals(second)).toBe(true);
  });

  it.skipIf(!hasPdftoppm)("scans to the check-in URL once printed (rasterised at 72 dpi)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "poster-"));
    try {
      writeFileSync(join(dir, "poster.pdf"), await renderPosterPdf(cafe));
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "72",
        "-singlefile",
        join(dir, "poster.pdf"),
        join(dir, "page"),
      ]);
      const page = PNG.sync.read(readFileSync(join(dir, "page.png")));
      expect(jsQR(new Uint8ClampedArray(page.data), page.width, page.height)?.data).toBe(cafe.checkinUrl);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
