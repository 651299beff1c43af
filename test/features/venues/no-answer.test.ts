import { describe, expect, it } from "vitest";
import { isNoAnswer } from "../../../src/features/venues/no-answer";

describe("a free-text registration answer that is no answer", () => {
  it.each([
    "ko biet dia chi",
    "không biết địa chỉ ạ",
    "chưa có số nhà",
    "k co dia chi cu the",
    "ko nho so nha",
    "không",
    "ko",
    "có",
    "ko biết",
    "i don't know the address",
    "no address yet",
    "khong co sdt",
    "ko co dt a",
    "không có số điện thoại",
    "no phone",
  ])("%s is someone stuck on the question", (text) => {
    expect(isNoAnswer(text)).toBe(true);
  });

  it.each([
    "Thôn Thanh Thủy",
    "12 Quang Trung",
    "thon 2 gan cho",
    "No 5 Nguyen Trai",
    "không số, thôn Phú Long",
    "Tổ 3, đường Lê Lợi",
    "Quán Không Tên",
    "Ngô Văn Hai",
    "0905 123 456",
    "Số 5 đường Lê Lợi",
  ])("%s is an answer", (text) => {
    expect(isNoAnswer(text)).toBe(false);
  });
});
