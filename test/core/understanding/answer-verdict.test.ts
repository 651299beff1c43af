import { describe, expect, it } from "vitest";
import { readAnswerVerdict } from "../../../src/core/understanding/answer-verdict";

describe("what a person types about the answer they were just given", () => {
  it("hears 'did not help' however it is typed", () => {
    for (const text of [
      "ko giup dc gi het",
      "không giúp được gì cả",
      "sai rồi",
      "cau tra loi khong dung",
      "van chua duoc",
      "khong phai cai nay",
      "ko hiểu",
      "👎",
      "not helpful",
      "that's not it",
      "useless",
    ])
      expect(readAnswerVerdict(text), text).toBe("not-helped");
  });

  it("hears 'it helped'", () => {
    for (const text of [
      "hiểu rồi cảm ơn ạ",
      "ok hieu roi",
      "huu ich qua",
      "lam dc roi",
      "👍👍",
      "got it thanks",
    ])
      expect(readAnswerVerdict(text), text).toBe("helped");
  });

  it("leaves a new question, an answer to a yes/no and small talk alone", () => {
    for (const text of [
      "khong giup duoc me toi dang ky tiem",
      "sai ten tren so suc khoe",
      "ko",
      "có",
      "cảm ơn",
      "ok",
      "tiem mui 3 o dau",
      "ko nhan dc ma otp",
      "",
    ])
      expect(readAnswerVerdict(text), text).toBeNull();
  });
});
