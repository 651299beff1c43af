import { describe, expect, it } from "vitest";
import { readIntent } from "../../../src/core/understanding/intent";

describe("what a message typed outside a flow asks for", () => {
  it.each([
    ["ko nhận tin nữa", "unsubscribe"],
    ["đừng gửi nữa", "unsubscribe"],
    ["dung gui tin nua", "unsubscribe"],
    ["hủy đăng ký nhận tin", "unsubscribe"],
    ["dừng nhận tin", "unsubscribe"],
    ["tắt thông báo", "unsubscribe"],
    ["stop messages", "unsubscribe"],
    ["ngừng gửi thông báo cho tôi", "unsubscribe"],
    ["k muon nhan tin nua", "unsubscribe"],
    ["unsubscribe", "unsubscribe"],
    ["tại sao tôi không nhận được tin nữa?", null],
    ["đăng ký nhận tin", "subscribe"],
    ["dk nhan thong bao", "subscribe"],
    ["subscribe", "subscribe"],
    ["nhan tin nhac nho", "subscribe"],
    ["nhận thông báo", "subscribe"],
    ["bat thong bao", "subscribe"],
    ["nhận được thông báo F1 thì làm gì", null],
    ["yes please send reminders", "subscribe"],
    ["i want to get updates", "subscribe"],
    ["how do i get reminders", null],
    ["I don't want reminders", null],
    ["đăng ký mã qr cho quán", "register-venue"],
    ["dang ky ma qr cho quan", "register-venue"],
    ["tạo mã qr địa điểm", "register-venue"],
    ["tôi muốn đăng ký địa điểm", "register-venue"],
    ["làm sao quét mã qr", null],
    ["I want to register my shop", "register-venue"],
    ["how do i create a qr code for my restaurant", "register-venue"],
    ["how do I get my QR code", "own-venues"],
    ["can I get vaccinated in the shop", null],
    ["nhắc tôi tiêm mũi tiếp theo", "dose-reminder"],
    ["nhac em lich tiem mui 2 voi", "dose-reminder"],
    ["remind me of my next dose", "dose-reminder"],
    ["tiêm mũi nhắc lại ở đâu", null],
    ["đăng ký nhận nhắc nhở", "subscribe"],
    ["english please", "language"],
    ["Tiếng Anh", "language"],
    ["tieng viet", "language"],
    ["is there an english version of pc covid", null],
    ["gặp cán bộ", "human"],
    ["cho em hỏi người thật", "human"],
    ["talk to someone", "human"],
    ["cho tôi nói chuyện với nhân viên", "human"],
    ["xóa dữ liệu của tôi", "erase-data"],
    ["xoa du lieu cua toi", "erase-data"],
    ["delete my data", "erase-data"],
    ["tiêm vắc xin ở đâu", null],
    ["", null],
  ])("%j reads as %s", (text, expected) => {
    expect(readIntent(text)?.kind ?? null).toBe(expected);
  });

  it("an owner asking again for the QR code or poster, or for their venues, is not starting a new registration", () => {
    const own = (text: string) => readIntent(text);
    expect(own("in lai poster")).toEqual({ kind: "own-venues", resend: true, sure: true });
    expect(own("gửi lại áp phích cho quán em")).toEqual({ kind: "own-venues", resend: true, sure: true });
    expect(own("dia diem cua toi")).toEqual({ kind: "own-venues", resend: false, sure: true });
    expect(own("my venues")).toEqual({ kind: "own-venues", resend: false, sure: true });
    expect(own("please resend the poster")).toEqual({ kind: "own-venues", resend: true, sure: true });
    // Could be a citizen's own PC-Covid code: only an owner's, which the caller checks.
    expect(own("cho toi xin lai ma qr")).toEqual({ kind: "own-venues", resend: true, sure: false });
    expect(own("ma qr cua toi dau")).toEqual({ kind: "own-venues", resend: true, sure: false });
    expect(readIntent("cho toi xin lai ma qr", { notOwner: true })?.kind).toBe("register-venue");
    expect(readIntent("ma qr cua toi dau", { notOwner: true })).toBeNull();
    // "mã của tôi" alone is a code too (folded "mà của tôi" alone says nothing); a code that names the app is
    // the citizen's PC-Covid code, never a venue's nor a registration.
    expect(own("mã của tôi")).toEqual({ kind: "own-venues", resend: true, sure: false });
    for (const personal of [
      "ma qr ca nhan cua toi o dau",
      "in lai ma qr pc covid cua toi",
      "tạo mã qr cá nhân cho con",
    ])
      expect(readIntent(personal), personal).toBeNull();
    expect(own("in lai ma qr quan cua toi")).toEqual({ kind: "own-venues", resend: true, sure: true });
    for (const typed of [
      "đăng ký quán của tôi",
      "I want to register my shop",
      "con cua toi ma chua tiem",
      "quet ma qr cua quan",
      "tai lai app pc covid",
    ])
      expect(readIntent(typed)?.kind, typed).not.toBe("own-venues");
  });

  it("a language asked for by name switches to it", () => {
    expect(readIntent("english please")).toEqual({ kind: "language", language: "en" });
    expect(readIntent("in English")).toEqual({ kind: "language", language: "en" });
    expect(readIntent("tiếng Việt")).toEqual({ kind: "language", language: "vi" });
  });

  it("a language asked for in a sentence around its name switches too; a question about the language does not", () => {
    for (const typed of [
      "chuyen sang tieng viet di",
      "tiếng việt nha",
      "cho minh noi tieng viet",
      "tra loi bang tieng viet",
    ])
      expect(readIntent(typed), typed).toEqual({ kind: "language", language: "vi" });
    for (const typed of ["switch to english please", "can you speak English", "đổi sang tiếng Anh"])
      expect(readIntent(typed), typed).toEqual({ kind: "language", language: "en" });
    for (const typed of [
      "tieng anh la gi",
      "hoc tieng anh o dau",
      "pc covid co tieng anh khong",
      "dich tieng viet sang tieng anh",
    ])
      expect(readIntent(typed)?.kind, typed).not.toBe("language");
  });

  it("a venue code typed alone, as printed on the poster or read over the phone, names the venue", () => {
    expect(readIntent("7KQ3MZP9XA")).toEqual({ kind: "venue-code", code: "7KQ3MZP9XA" });
    expect(readIntent(" 7kq3-mzp9 xa ")).toEqual({ kind: "venue-code", code: "7KQ3MZP9XA" });
    expect(readIntent("mã 7KQ3MZP9XA")).toEqual({ kind: "venue-code", code: "7KQ3MZP9XA" });
    // 0/O and 1/I/L are not in the alphabet: a word of ten letters is not a code.
    expect(readIntent("OOOOOOOOOO")).toBeNull();
    expect(readIntent("0905123456")).toBeNull();
  });
});
