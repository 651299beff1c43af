import { describe, expect, it } from "vitest";
import { asksForPerson, readNavigation } from "../../../src/core/understanding/navigation";

describe("navigation words typed at any step", () => {
  it.each([
    ["quay lại", "back"],
    ["quay lai", "back"],
    ["Quay lại đi", "back"],
    ["trở lại", "back"],
    ["tro lai nha", "back"],
    ["lui", "back"],
    ["lùi lại", "back"],
    ["back", "back"],
    ["Back!", "back"],
    ["previous", "back"],
    ["prev", "back"],
    ["cho tôi quay lại bước trước", "back"],
    ["/back", "back"],
    ["hủy", "cancel"],
    ["huỷ", "cancel"],
    ["huy", "cancel"],
    ["HỦY NHA", "cancel"],
    ["thôi", "cancel"],
    ["thoi", "cancel"],
    ["thôi khỏi", "cancel"],
    ["thôi hủy đi", "cancel"],
    ["thoát", "cancel"],
    ["thoat ra", "cancel"],
    ["dừng lại", "cancel"],
    ["dừng", "cancel"],
    ["không làm nữa", "cancel"],
    ["ko lam nua", "cancel"],
    ["thôi không đăng ký nữa", "cancel"],
    ["thoi k dang ky nua dau", "cancel"],
    ["cancel", "cancel"],
    ["exit", "cancel"],
    ["quit", "cancel"],
    ["/cancel", "cancel"],
    ["mình muốn hủy ạ", "cancel"],
    ["menu", "menu"],
    ["Menu 📋", "menu"],
    ["danh mục", "menu"],
    ["trang chủ", "menu"],
    ["về trang chủ", "menu"],
    ["quay về menu", "menu"],
    ["help", "help"],
    ["trợ giúp", "help"],
    ["giúp", "help"],
    ["giup voi", "help"],
    ["hướng dẫn", "help"],
    ["cần giúp đỡ", "help"],
  ])("%j reads as %s", (text, expected) => {
    expect(readNavigation(text)).toBe(expected);
  });

  it.each([
    // Data that merely contains a navigation word: the rule is whole-message intent plus filler only.
    "Thôn Lui",
    "Thôn Lùi, xã Bình Hải",
    "Thôi Văn A",
    "Thôi Thị Hoa",
    "Huỳnh Văn Huy",
    "Quán Trở Lại",
    "Karaoke Back Stage",
    "Nhà hàng Menu Xanh",
    "tổ 3 thôn Phước Thiện, gần cây xăng",
    "đúng",
    "dung roi",
    "ok",
    "có",
    "",
    "   ",
    "💩",
    "quay",
    "lại",
    "không",
    "giúp tôi đăng ký địa điểm cho quán cà phê của tôi ở thôn Lui",
    "hủy ".repeat(40),
  ])("%j is data, not navigation", (text) => {
    expect(readNavigation(text)).toBeNull();
  });
});

describe("asking for a person, as a whole message", () => {
  it.each([
    "gặp cán bộ",
    "gap can bo",
    "cho tôi gặp cán bộ với",
    "mình muốn nói chuyện với cán bộ",
    "hỏi cán bộ xã đi",
    "cho em gặp người thật",
    "talk to a human please",
    "Gặp Cán Bộ!",
  ])("%j asks for a person", (text) => {
    expect(asksForPerson(text)).toBe(true);
  });

  it.each([
    "Nhà văn hóa cán bộ hưu trí",
    "cán bộ xã bảo tôi đăng ký mã QR",
    "Nguyễn Văn Cán",
    "hỏi",
    "",
    "gặp cán bộ ".repeat(10),
  ])("%j is an answer", (text) => {
    expect(asksForPerson(text)).toBe(false);
  });
});
