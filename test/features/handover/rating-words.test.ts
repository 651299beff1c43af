import { describe, expect, it } from "vitest";
import { readRating, readsNoComment } from "../../../src/features/handover/rating-words";

describe("the rating after a ticket closes, typed", () => {
  it.each([
    "có, cảm ơn",
    "co cam on nhieu",
    "tot",
    "Tốt lắm ạ",
    "hai long",
    "rat hai long a",
    "ok",
    "👍",
    "on roi, cam on ban",
    "huu ich that",
  ])("%s is a 👍", (text) => expect(readRating(text)).toBe("up"));

  it.each(["ko", "khong hai long", "te", "tệ quá", "chua giup duoc gi", "khong, cam on", "kem lam", "👎"])(
    "%s is a 👎",
    (text) => expect(readRating(text)).toBe("down"),
  );

  it.each(["cho em hoi them ve mui 3", "co can mang so tiem khong", "binh son", "do"])(
    "%s is not a vote",
    (text) => expect(readRating(text)).toBeNull(),
  );
});

describe("the comment after a rating, typed", () => {
  it.each(["ko", "khong", "thoi", "khong co gi", "ko co gi dau", "khong a, cam on", "het", "k co y kien"])(
    "%s is no comment",
    (text) => expect(readsNoComment(text)).toBe(true),
  );

  it.each(["can bo tra loi cham", "nen co so dien thoai tram y te", "tot", "khong co so dien thoai"])(
    "%s is a comment, kept",
    (text) => expect(readsNoComment(text)).toBe(false),
  );
});
