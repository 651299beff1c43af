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

  it("of letters only is read in lower case when a word before it names it a code", () => {
    // Codes made before every code held a digit: "ADVPBZMWGE" typed as "checkin advpbzmwge".
    expect(venueCodeIn("checkin advpbzmwge")).toBe("ADVPBZMWGE");
    expect(venueCodeIn("check in advpbzmwge")).toBe("ADVPBZMWGE");
    expect(venueCodeIn("mã advpbzmwge")).toBe("ADVPBZMWGE");
    expect(venueCodeIn("ADVPBZMWGE")).toBe("ADVPBZMWGE");
    // Alone and in lower case it is a word, as English "understand" is.
    expect(venueCodeIn("advpbzmwge")).toBeUndefined();
    expect(venueCodeIn("understand")).toBeUndefined();
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
