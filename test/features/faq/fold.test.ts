import { describe, expect, it } from "vitest";
import { foldVietnamese } from "../../../src/features/faq/fold";
import { toSearchTerms } from "../../../src/features/faq/search-terms";

describe("foldVietnamese", () => {
  it("makes a question typed with diacritics equal to the same question typed without", () => {
    expect(foldVietnamese("Không nhận được mã OTP")).toBe(foldVietnamese("khong nhan duoc ma otp"));
  });

  it("turns đ into d, which Unicode decomposition does not do", () => {
    expect(foldVietnamese("Đăng ký ĐT")).toBe("dang ky dien thoai");
  });

  it("expands chat shorthand for không, được, số điện thoại and mật khẩu", () => {
    expect(foldVietnamese("ko nhan dc")).toBe("khong nhan duoc");
    expect(foldVietnamese("k có sđt")).toBe("khong co so dien thoai");
    expect(foldVietnamese("quên mk")).toBe("quen mat khau");
    expect(foldVietnamese("hok bik ntn")).toBe("khong biet nhu the nao");
  });

  it("writes every spelling of the app name as one word", () => {
    for (const spelling of ["PC-Covid", "pc covid", "PCCovid", "pc covid 19", "Pc-Covid19"]) {
      expect(foldVietnamese(spelling)).toBe("pccovid");
    }
  });

  it("expands identity and insurance card abbreviations", () => {
    expect(foldVietnamese("CCCD")).toBe("can cuoc cong dan");
    expect(foldVietnamese("cmnd")).toBe("chung minh nhan dan");
    expect(foldVietnamese("thẻ BHYT")).toBe("the bao hiem y te");
  });

  it("unifies vaccine spellings and the two accepted spellings of đăng ký", () => {
    expect(foldVietnamese("vắc xin")).toBe("vaccine");
    expect(foldVietnamese("vacxin")).toBe("vaccine");
    expect(foldVietnamese("đăng kí")).toBe(foldVietnamese("đăng ký"));
  });

  it("treats mã xác nhận as the OTP", () => {
    expect(foldVietnamese("mã xác nhận")).toBe("otp");
  });

  it("turns punctuation and repeated spaces into single spaces", () => {
    expect(foldVietnamese("  Alo!!!   bot??? ")).toBe("alo bot");
    expect(foldVietnamese("?!...")).toBe("");
  });

  it("leaves hỏng alone, because hong could mean broken rather than không", () => {
    expect(foldVietnamese("app bị hỏng")).toBe("ung dung bi hong");
  });
});

describe("foldVietnamese on chat spellings", () => {
  it("reads every way of asking for a third or later dose as the booster", () => {
    for (const spelling of [
      "mũi 3",
      "mui 3",
      "m3",
      "mũi nhắc lại",
      "mui tang cuong",
      "mũi thứ ba",
      "mui 4",
    ]) {
      expect(foldVietnamese(spelling), spelling).toBe("booster");
    }
    expect(foldVietnamese("third dose")).toBe("booster");
  });

  it("reads chích, chích ngừa and tiêm ngừa as tiêm", () => {
    expect(foldVietnamese("chich ngua cho be")).toBe("tiem cho be");
    expect(foldVietnamese("Tiêm ngừa covid")).toBe("tiem covid");
    expect(foldVietnamese("chích vacxin")).toBe("tiem vaccine");
  });

  it("reads a positive test as F0 and close contact as F1", () => {
    expect(foldVietnamese("test nhanh lên 2 vạch")).toBe("xet nghiem nhanh f0");
    expect(foldVietnamese("bị dương tính")).toBe("bi f0");
    expect(foldVietnamese("tiếp xúc gần")).toBe("f1");
  });

  it("expands test, result, health-book and commune abbreviations", () => {
    expect(foldVietnamese("kq xn")).toBe("ket qua xet nghiem");
    expect(foldVietnamese("sổ sk đt")).toBe("so suc khoe dien tu");
    expect(foldVietnamese("tyt xa")).toBe("tram y te xa");
    expect(foldVietnamese("pc cv")).toBe("pccovid");
    expect(foldVietnamese("vn eid")).toBe("vneid");
    expect(foldVietnamese("gọi 1900 9095")).toBe("goi 19009095");
  });

  it("strips English plural and tense endings but never a Vietnamese word's", () => {
    expect(foldVietnamese("doses vaccinated", { englishGlosses: false })).toBe("dose vaccine");
    expect(foldVietnamese("tested results", { englishGlosses: false })).toBe("test result");
    expect(foldVietnamese("không thông minh")).toBe("khong thong minh");
  });

  it("reads English words as the Vietnamese words the topics use, so English finds the Vietnamese examples", () => {
    expect(foldVietnamese("Forgot my password")).toBe(foldVietnamese("quên my mật khẩu"));
    expect(foldVietnamese("test results")).toBe("xet nghiem ket qua");
    expect(foldVietnamese("my kids")).toBe("my tre em");
    expect(foldVietnamese("second dose")).toBe("mui 2");
    expect(foldVietnamese("booster shots")).toBe("booster");
    // Bình Sơn stays the place name (a stop word), never "con" (child)
    expect(foldVietnamese("Binh Son")).toBe("binh son");
  });

  it("cuts a pasted endless word so no later step sees more than a few dozen letters", () => {
    expect(foldVietnamese("a".repeat(12_000)).length).toBeLessThanOrEqual(32);
  });
});

describe("toSearchTerms", () => {
  it("drops politeness and question fillers but keeps the subject", () => {
    expect(toSearchTerms("Cho em hỏi làm sao để quét mã QR ạ")).toEqual([
      "quet",
      "ma",
      "qr",
      "quet_ma",
      "ma_qr",
    ]);
  });

  it("keeps words whose folded form is also a filler elsewhere, like thẻ and đỏ", () => {
    expect(toSearchTerms("thẻ đỏ")).toEqual(["the", "do", "the_do"]);
  });

  it("returns nothing for a message made only of fillers", () => {
    expect(toSearchTerms("ạ nhé")).toEqual([]);
  });
});
