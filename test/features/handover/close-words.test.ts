import { describe, expect, it } from "vitest";
import { readEnding } from "../../../src/features/handover/close-words";

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
    "het roi",
    "hết rồi ạ",
    "ko con gi nua",
    "vay thoi, cam on ban",
    "thats all thank you",
  ])("%s closes it", (text) => expect(readEnding(text)).toBe("close"));

  it.each([
    "cảm ơn",
    "ok cảm ơn",
    "ok cam on",
    "cam on nhe",
    "thanks",
    "oke cam on ad nhieu",
    "da em cam on a",
    "thank u so much",
    "ok",
    "vâng, rõ rồi ạ",
  ])("%s is a thank-you: after an answer the person is asked whether they are done", (text) =>
    expect(readEnding(text)).toBe("thanks"),
  );

  it.each([
    "xong chưa ạ?",
    "Huy",
    "em đã tiêm xong mũi 2, giờ làm sao",
    "thôi",
    "khi nào thì xong giấy tờ",
    "dạ em cảm ơn, vậy có cần mang sổ tiêm không ạ",
    "thuoc het han roi thi sao",
    "ok vay mai em qua tram",
  ])("%s is a message for the officer", (text) => expect(readEnding(text)).toBeNull());
});
