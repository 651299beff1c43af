import { describe, expect, it } from "vitest";
import { readYesNo } from "../../../src/core/understanding/yes-no";

describe("a yes/no question answered by typing", () => {
  it.each([
    "có",
    "co",
    "Có ạ",
    "có chứ",
    "dạ có",
    "da co",
    "ừ",
    "ừm",
    "uh",
    "ok",
    "OK!",
    "oke",
    "okie",
    "okay",
    "đúng",
    "đúng rồi",
    "dung roi",
    "được",
    "duoc",
    "dc",
    "đc",
    "yes",
    "Yes please",
    "y",
    "yep",
    "rồi",
    "roi",
    "có rồi",
    "tiêm rồi",
    "vâng",
    "vâng ạ",
    "dạ",
    "dạ vâng",
    "chắc chắn",
    "đồng ý",
    "👍",
    "ok 👍",
    "✅",
  ])("%j reads yes", (text) => {
    expect(readYesNo(text)).toBe("yes");
  });

  it.each([
    "không",
    "khong",
    "Không ạ",
    "ko",
    "Ko có",
    "k",
    "k ạ",
    "K a",
    "kg",
    "kh",
    "khg",
    "hông",
    "hok",
    "khum",
    "chưa",
    "chua",
    "chưa có",
    "chưa tiêm",
    "no",
    "No.",
    "n",
    "nope",
    "dạ không",
    "da khong",
    "không cần",
    "khỏi",
    "👎",
    "❌",
  ])("%j reads no", (text) => {
    expect(readYesNo(text)).toBe("no");
  });

  it.each([
    "không biết",
    "ko biet",
    "có thể",
    "có lẽ",
    "dừng",
    "đừng",
    "hỏi lại sau",
    "có ai không",
    "tôi có 2 con",
    "0905123456",
    "",
    "😀",
    "👍👎",
    "có ".repeat(50),
  ])("%j is neither", (text) => {
    expect(readYesNo(text)).toBeNull();
  });
});
