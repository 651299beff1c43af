import { describe, expect, it } from "vitest";
import { asksSomething, looksLikeQuestion } from "../../../src/core/understanding/question";

describe("a question typed where a name or an address is wanted", () => {
  it.each([
    "cho hoi dang ky xong bao lau thi co ma qr vay",
    "đăng ký xong bao lâu thì có mã?",
    "quan toi co can dang ky khong",
    "lam sao de in poster",
    "how long does it take",
    "phải khai báo ở đâu",
    "dang ky ma qr co mat phi khong",
  ])("%j is a question", (text) => expect(looksLikeQuestion(text)).toBe(true));

  it.each([
    "Cafe Hoa Sen",
    "Hội Phụ nữ xã Bình Sơn",
    "Sao Mai Cafe",
    "Quán Bún Bò Huế",
    "Thôn Phú Long, xã Bình Sơn",
    "Nguyễn Thị Hỏi",
    "Tiệm Tạp Hóa Hồng",
    "Tiem Banh Be Nhi",
    "Com chay Chua",
  ])("%j is a name", (text) => expect(looksLikeQuestion(text)).toBe(false));
});

describe("a question typed where one of a list is wanted (after it matched none of the list)", () => {
  it.each([
    "xa nao cung dc ha ad",
    "chon cai gi",
    "o dau vay",
    "khong biet xa nao",
    "tiem mui 3 o dau",
    "sao nhiều xã thế",
  ])("%j is a question", (text) => expect(asksSomething(text)).toBe(true));

  it.each(["binh haii", "Bình Hải cũ", "van tuong", "thon 3", "Dong Son"])(
    "%j is a misspelt or unknown choice",
    (text) => expect(asksSomething(text)).toBe(false),
  );
});
