import { describe, expect, it } from "vitest";
import { readCloseRequest } from "../../../src/features/handover/close-words";

describe("a person ends the conversation with an officer in their own words", () => {
  it.each([
    "xong",
    "Xong rồi",
    "xong roi a",
    "cảm ơn, xong",
    "cam on xong nha",
    "hủy",
    "Huỷ",
    "ket thuc",
    "done, thanks",
    "ok xong",
  ])("%s closes it", (text) => expect(readCloseRequest(text)).toBe(true));
  it.each([
    "cảm ơn",
    "xong chưa ạ?",
    "Huy",
    "em đã tiêm xong mũi 2, giờ làm sao",
    "thôi",
    "khi nào thì xong giấy tờ",
  ])("%s is a message for the officer", (text) => expect(readCloseRequest(text)).toBe(false));
});
