import { describe, expect, it } from "vitest";
import { writtenIn } from "../../../src/core/understanding/english";

describe("the language a message is plainly written in", () => {
  it.each([
    "where do I get a vaccine",
    "How do I download PC-Covid on my iPhone?",
    "how to install pc covid",
    "I lost my vaccination certificate, what should I do",
    "my number is not receiving the code",
    "can't login to the health book app",
    "Is there a booster shot for foreigners working at Dung Quat?",
  ])("%j is English", (text) => {
    expect(writtenIn(text)).toBe("en");
  });

  it.each([
    "tiêm mũi 3 ở đâu",
    "tai app pc covid o dau",
    "lam sao de dang ky tiem cho con",
    "cho em hoi ma qr dia diem lay o dau",
    "toi bi sot sau tiem",
    "ko nhan dc ma otp",
    "shop cua em can dang ky ma qr khong",
  ])("%j is Vietnamese", (text) => {
    expect(writtenIn(text)).toBe("vi");
  });

  it.each(["ok", "2", "pc covid", "hello", "F0", "0905 123 456", "Coffee House", "check in", "thanks"])(
    "%j does not say",
    (text) => {
      expect(writtenIn(text)).toBeUndefined();
    },
  );
});
