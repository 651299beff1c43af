import { describe, expect, it } from "vitest";
import { venueCodeIn } from "../../src/core/venue-code-format";

describe("a venue code typed instead of scanned", () => {
  it("is found alone, in a sentence, in groups as printed, and in a pasted link", () => {
    expect(venueCodeIn("X4VN9DXUXA")).toBe("X4VN9DXUXA");
    expect(venueCodeIn("checkin x4vn9dxuxa")).toBe("X4VN9DXUXA");
    expect(venueCodeIn("ma dia diem la X4VN-9DXU-XA a")).toBe("X4VN9DXUXA");
    expect(venueCodeIn("X4VN 9DXU XA")).toBe("X4VN9DXUXA");
    expect(venueCodeIn(" 7kq3-mzp9 xa ")).toBe("7KQ3MZP9XA");
    expect(venueCodeIn("https://qr.binhson.vn/c/X4VN9DXUXA?x=1")).toBe("X4VN9DXUXA");
  });

  it("is not made of ordinary words, nor guessed from letters a code never holds", () => {
    expect(venueCodeIn("tiem tap hoa ba nam")).toBeUndefined();
    expect(venueCodeIn("quen mat khau so suc khoe")).toBeUndefined();
    expect(venueCodeIn("nguyenvana")).toBeUndefined();
    // 0, O, 1, I and L are never in a code: a misread is not corrected into someone else's venue.
    expect(venueCodeIn("X4VN9DXUX0")).toBeUndefined();
    expect(venueCodeIn("so dien thoai 0905123456")).toBeUndefined();
    expect(venueCodeIn(`${"rất dài ".repeat(20)} X4VN9DXUXA`)).toBeUndefined();
  });
});
