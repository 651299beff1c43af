import { describe, expect, it } from "vitest";
import {
  formatPhoneForDisplay,
  maskPhone,
  normaliseVietnamesePhone,
} from "../../../src/features/venues/phone";

describe("a venue owner typing a mobile number into the chat", () => {
  it.each([
    "0905 123 456",
    "0905.123.456",
    "0905-123-456",
    "0905123456",
    "+84905123456",
    "+84 905 123 456",
    "84-905-123-456",
    "84905123456",
    "(+84) 905 123 456",
    "+84 (0) 905 123 456",
    "0084 905 123 456",
    "  0905 123 456\n",
    "０９０５１２３４５６", // full-width digits from some phone keyboards
    "0905\u00a0123\u00a0456", // no-break spaces pasted from a contact card
    "905 123 456", // trunk 0 dropped, as some contact exports do
    // The words people put around it when asked for their number.
    "sdt 0905 123 456",
    "SĐT: 0905123456",
    "sdt0905123456",
    "số điện thoại 0905.123.456",
    "so dt cua em la 0905123456",
    "số của tôi là 0905 123 456",
    "đt 0905 123 456 ạ",
    "0905123456 nhé",
    "my number is +84 905 123 456",
    "phone: 0905-123-456",
  ])("is understood however it is written: %j", (input) => {
    expect(normaliseVietnamesePhone(input)).toEqual({ ok: true, e164: "+84905123456", kind: "mobile" });
  });

  it.each(["0321234567", "0561234567", "0701234567", "0861234567", "0981234567"])(
    "works for every post-2018 carrier prefix: %s",
    (input) => {
      expect(normaliseVietnamesePhone(input)).toMatchObject({ ok: true, kind: "mobile" });
    },
  );

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["không có", "not-digits"],
    ["0905 abc 456", "not-digits"],
    ["gọi 0905 123 456 sau 5 giờ", "not-digits"],
    ["số nhà 12", "not-digits"],
    ["0905+123456", "not-digits"],
    ["0905 123 45", "wrong-length"],
    ["0905 123 4567", "wrong-length"],
    ["12345", "wrong-length"],
    ["1900 9095", "wrong-length"],
    ["0905123456".repeat(4), "wrong-length"],
    ["0255 3822 123", "not-mobile"],
    ["0405 123 456", "not-mobile"],
    ["0165 123 4567", "old-mobile-prefix"],
    ["+1 415 555 0100", "not-vietnamese"],
    ["0061 2 9999 0000", "not-vietnamese"],
  ])("is told why %j was not accepted (%s)", (input, reason) => {
    expect(normaliseVietnamesePhone(input)).toEqual({ ok: false, reason });
  });
});

describe("a venue's contact number", () => {
  it("may be a Quảng Ngãi landline when the caller allows landlines", () => {
    expect(normaliseVietnamesePhone("(0255) 3822 123", { allowLandline: true })).toEqual({
      ok: true,
      e164: "+842553822123",
      kind: "landline",
    });
  });

  it("still has to be a whole landline number", () => {
    expect(normaliseVietnamesePhone("0255 382 212", { allowLandline: true })).toEqual({
      ok: false,
      reason: "wrong-length",
    });
  });
});

describe("an officer looking at a list of registrants", () => {
  it("sees only the first two and last two digits of a mobile number", () => {
    expect(maskPhone("+84905123456")).toBe("+84 90* *** *56");
  });

  it("sees a landline masked the same way", () => {
    expect(maskPhone("+842553822123")).toBe("+84 25* *** **23");
  });

  it("never sees digits of something that is not a Vietnamese number", () => {
    expect(maskPhone("+14155550100")).toBe("+84 *** *** ***");
    expect(maskPhone("0905123456")).not.toMatch(/123/);
  });
});

describe("a number shown back to the owner", () => {
  it.each([
    ["+84905123456", "0905 123 456"],
    ["+842553822123", "0255 3822 123"],
    ["+842438221234", "024 3822 1234"],
    ["not a phone", "not a phone"],
  ])("reads the Vietnamese way: %s → %s", (e164, shown) => {
    expect(formatPhoneForDisplay(e164)).toBe(shown);
  });

  it("can be typed back in and means the same number", () => {
    const shown = formatPhoneForDisplay("+84365123456");
    expect(normaliseVietnamesePhone(shown)).toMatchObject({ ok: true, e164: "+84365123456" });
  });
});
