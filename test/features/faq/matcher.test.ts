import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadFaqMatcher } from "../../../src/features/faq/load-faq-matcher";
import { ANSWER_THRESHOLD, SUGGEST_THRESHOLD } from "../../../src/features/faq/matcher";
import { FAQ_TOPIC_IDS } from "../../../src/features/faq/topics";

const matcher = loadFaqMatcher(fileURLToPath(new URL("../../../locales", import.meta.url)));

describe("FAQ matcher", () => {
  it("answers a citizen who asks about the OTP with full diacritics", () => {
    const result = matcher.match("Tôi không nhận được mã OTP khi đăng ký PC-Covid");
    expect(result).toMatchObject({ topic: "pccovid.otp", band: "answer" });
  });

  it("gives a citizen who types without diacritics and in chat shorthand the same OTP answer", () => {
    const result = matcher.match("ko nhan dc ma otp gi het");
    expect(result.topic).toBe("pccovid.otp");
    expect(result.band).toBe("answer");
  });

  it("tolerates typos in longer words", () => {
    expect(matcher.match("cai dat pc covd tren dien thaoi").topic).toBe("pccovid.install");
    expect(matcher.match("bluzone con dung dc khong").topic).toBe("pccovid.bluezone");
  });

  it("understands a question asked in English", () => {
    expect(matcher.match("I can't find my vaccine passport").topic).toBe("vaccine.passport");
  });

  it("sends a venue owner to the registration topic", () => {
    expect(matcher.match("tôi mở quán cà phê, muốn làm mã QR cho quán").topic).toBe("venue.register-qr");
  });

  it("falls back to the menu for a question about the weather", () => {
    const result = matcher.match("ngày mai Bình Sơn có mưa không");
    expect(result.topic).toBeNull();
    expect(result.band).toBe("fallback");
    expect(result.confidence).toBeLessThan(SUGGEST_THRESHOLD);
  });

  it("falls back when a password question is about another app", () => {
    expect(matcher.match("quên mật khẩu zalo").band).toBe("fallback");
  });

  it("falls back with zero confidence on empty or whitespace input", () => {
    for (const input of ["", "   ", "\n\t", "?!"]) {
      expect(matcher.match(input)).toEqual({
        topic: null,
        confidence: 0,
        alternatives: [],
        band: "fallback",
      });
    }
  });

  it("offers a guess, not an answer, when the question only names the app", () => {
    const result = matcher.match("pc covid");
    expect(result.band).not.toBe("answer");
  });

  it("keeps confidence in 0..1, the band consistent with it and alternatives distinct known ids", () => {
    for (const question of ["thẻ xanh là gì", "đăng ký tiêm", "hello", "so dien thoai ho tro", "x"]) {
      const result = matcher.match(question);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      const expectedBand =
        result.confidence >= ANSWER_THRESHOLD
          ? "answer"
          : result.confidence >= SUGGEST_THRESHOLD
            ? "suggest"
            : "fallback";
      expect(result.band).toBe(expectedBand);
      expect(result.alternatives.length).toBeLessThanOrEqual(3);
      expect(new Set(result.alternatives).size).toBe(result.alternatives.length);
      for (const id of result.alternatives) expect(FAQ_TOPIC_IDS).toContain(id);
      if (result.topic !== null) expect(result.alternatives).not.toContain(result.topic);
    }
  });

  it("sends the questions a new user tried to the right place", () => {
    expect(matcher.match("tiem mui 3 o dau").topic).toBe("vaccine.booster");
    expect(matcher.match("quen mat khau pc covid").topic).toBe("pccovid.register");
    expect(matcher.match("where can I get a covid vaccine").topic).toBe("vaccine.register");
    // Too short to answer outright, but it no longer lands on the vaccine passport.
    const short = matcher.match("where do I get a vaccine");
    expect(short.topic).not.toBe("vaccine.passport");
    expect(short.topic ?? short.alternatives[0]).toBe("vaccine.register");
  });

  it("rejects a bus-fare question with no topic and names the subject it is about", () => {
    const result = matcher.match("giá vé xe khách đi sài gòn");
    expect(result).toMatchObject({
      topic: null,
      band: "fallback",
      outOfScope: "transport",
      alternatives: [],
    });
  });

  it("rejects near-domain health questions the FAQ does not answer", () => {
    for (const question of ["chich ngua dai o dau", "sot xuat huyet co nguy hiem ko", "gia han the bhyt"]) {
      expect(matcher.match(question).topic, question).toBeNull();
    }
  });

  it("leaves another service's OTP, password or sign-up to that service, unless the question names ours", () => {
    // "mã otp … không về" and "quên mật khẩu" fit PC-Covid's and the health book's topics word for word.
    for (const [question, category] of [
      ["mã otp agribank ko về đt, ko ck đc", "finance"],
      ["quen mat khau vssid lay lai sao", "other-apps"],
      ["tai khoan dich vu cong quoc gia bi khoa", "other-apps"],
      ["dang ky thong tin thue bao sim chinh chu o dau", "other-apps"],
      ["con gái 12 tuổi tiêm HPV ở đâu", "other-vaccines"],
    ] as const) {
      expect(matcher.match(question), question).toMatchObject({ topic: null, outOfScope: category });
    }
    // Naming PC-Covid, Covid or the health book keeps the question ours, whatever else it names.
    expect(matcher.match("sim viettel ko nhan dc ma otp pc covid").topic).toBe("pccovid.otp");
    expect(matcher.match("quên mật khẩu sổ sức khỏe điện tử, em dùng gmail").topic).toBe("sskdt.login");
    // "bị lỗi" fits "other apps crash" best, but a person whose PC-Covid fails is never told it is not ours.
    for (const question of ["pc covid bi loi", "app pccovid bị lỗi hoài"]) {
      expect(matcher.match(question).outOfScope, question).toBeUndefined();
    }
    // With no topic sure enough, the app named is said, so its problems can be offered.
    expect(matcher.match("pc covid bị lỗi")).toMatchObject({ band: "fallback", app: "pccovid" });
    expect(matcher.match("sổ sức khoẻ điện tử ko dc").app ?? "sskdt").toBe("sskdt");
    expect(matcher.match("ung dung shopee bi loi").app).toBeUndefined();
    expect(matcher.match("ung dung shopee bi loi").outOfScope).toBe("other-apps");
  });

  it("offers only alternatives that come close to the best topic, not padding", () => {
    const clear = matcher.match("Tôi không nhận được mã OTP khi đăng ký PC-Covid");
    const explained = matcher.explain("Tôi không nhận được mã OTP khi đăng ký PC-Covid");
    const best = explained.ranked[0]?.score ?? 0;
    for (const id of clear.alternatives) {
      expect(explained.ranked.find((entry) => entry.topic === id)?.score ?? 0).toBeGreaterThanOrEqual(
        0.6 * best,
      );
    }
    expect(explained.ranked.length).toBeGreaterThan(clear.alternatives.length + 1);
  });

  it("explains its choice with the terms it searched and the evidence", () => {
    const explanation = matcher.explain("Sổ sức khỏe điện tử là gì");
    expect(explanation.terms).toContain("suc_khoe");
    expect(matcher.explain("cai dat pc covd tren dien thaoi").terms).toContain("thoai");
    expect(explanation.ranked[0]?.topic).toBe("sskdt.about");
    expect(explanation.evidence?.coverage).toBeGreaterThan(0.5);
  });
});
