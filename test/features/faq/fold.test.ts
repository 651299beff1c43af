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
