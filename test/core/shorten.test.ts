import { describe, expect, it } from "vitest";
import { shorten } from "../../src/core/shorten";

describe("a long text shown in a list", () => {
  it("is cut on a word with an ellipsis, never inside a word", () => {
    expect(shorten("Sáng mai 8h tiêm vắc xin tại trạm y tế xã Bình Chánh", 30)).toBe(
      "Sáng mai 8h tiêm vắc xin tại…",
    );
    expect(shorten("Ngắn gọn", 30)).toBe("Ngắn gọn");
    expect(shorten("Dòng một\n\nDòng   hai", 30)).toBe("Dòng một Dòng hai");
  });
  it("a single very long word is still cut to fit", () => {
    expect(shorten("https://binhson.quangngai.gov.vn/thong-bao/123456", 20)).toBe("https://binhson.qua…");
  });
});
