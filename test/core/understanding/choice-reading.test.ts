import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { matchChoice } from "../../../src/core/choices";
import { type ChoiceOption, readChoice } from "../../../src/core/understanding/choice-reading";
import { withinEditDistance } from "../../../src/core/understanding/edit-distance";
import { readVenueCategory, VENUE_CATEGORIES } from "../../../src/features/venues/categories";
import { loadDistrict } from "../../../src/features/venues/district";

const district = loadDistrict(JSON.parse(readFileSync("data/districts/binh-son.json", "utf8")));
// The 22 units of 2020–2025: the most names that look alike ("Bình Thạnh", "Bình Thanh" …).
const COMMUNES = district.units
  .filter((u) => u.validTo !== null)
  .map((u) => ({ label: u.name, payload: u.code }));
const code = (name: string) => COMMUNES.find((c) => c.label === name)?.payload;

function read(text: string, choices: readonly (ChoiceOption & { payload: string })[]): string | null {
  const r = readChoice(text, choices);
  if (r.kind === "match") return r.choice.payload;
  if (r.kind === "ambiguous") return `ambiguous:${r.choices.map((c) => c.payload).join(",")}`;
  return null;
}

describe("a commune picked by typing its name (all 22 units of Bình Sơn)", () => {
  it.each([
    ["Xã Bình Hải", "Xã Bình Hải"],
    ["xã bình hải", "Xã Bình Hải"],
    ["Bình Hải", "Xã Bình Hải"],
    ["binh hai", "Xã Bình Hải"],
    ["BINH HAI", "Xã Bình Hải"],
    ["xa binh hai", "Xã Bình Hải"],
    ["binhhai", "Xã Bình Hải"],
    ["hải", "Xã Bình Hải"],
    ["ở xã Bình Hải ạ", "Xã Bình Hải"],
    ["Bình Thạnh", "Xã Bình Thạnh"],
    ["Bình Thanh", "Xã Bình Thanh"],
    ["xã Bình Thạnh", "Xã Bình Thạnh"],
    ["thạnh", "Xã Bình Thạnh"],
    ["Châu Ổ", "Thị trấn Châu Ổ"],
    ["chau o", "Thị trấn Châu Ổ"],
    ["thi tran chau o", "Thị trấn Châu Ổ"],
    ["tt châu ổ", "Thị trấn Châu Ổ"],
    ["tan phu", "Xã Bình Tân Phú"],
    ["binh chuong", "Xã Bình Chương"],
    ["binh nguyen", "Xã Bình Nguyên"],
    ["Bình Nguên", "Xã Bình Nguyên"],
    ["binh khuog", "Xã Bình Khương"],
    ["binh chuông", "Xã Bình Chương"],
  ])("%j is %s", (text, name) => {
    expect(read(text, COMMUNES)).toBe(code(name));
  });

  it("'binh thanh' without diacritics fits Bình Thạnh and Bình Thanh: ask which, offering only those two", () => {
    expect(read("binh thanh", COMMUNES)).toBe(`ambiguous:${code("Xã Bình Thạnh")},${code("Xã Bình Thanh")}`);
    expect(read("Bình Thánh", COMMUNES)).toBe(`ambiguous:${code("Xã Bình Thạnh")},${code("Xã Bình Thanh")}`);
  });

  it.each(["bình", "xã", "Hà Nội", "quận 1", "23", "0", "", "🙂", "Bình Sơn"])(
    "%j picks no commune",
    (text) => {
      expect(read(text, COMMUNES)).toBeNull();
    },
  );

  it("a number picks by position, as the buttons are numbered", () => {
    expect(read("2", COMMUNES)).toBe(COMMUNES[1]?.payload);
    expect(read("số 3", COMMUNES)).toBe(COMMUNES[2]?.payload);
    expect(read("#4", COMMUNES)).toBe(COMMUNES[3]?.payload);
    expect(read("5.", COMMUNES)).toBe(COMMUNES[4]?.payload);
    expect(read("số2", COMMUNES)).toBe(COMMUNES[1]?.payload);
  });
});

describe("a venue category typed in the words people use", () => {
  it.each([
    ["quán ăn", "food-service"],
    ["quan an", "food-service"],
    ["quán nhậu", "food-service"],
    ["nhà hàng", "food-service"],
    ["cafe", "food-service"],
    ["cà phê", "food-service"],
    ["cf", "food-service"],
    ["quán cafe", "food-service"],
    ["Quán Cà Phê", "food-service"],
    ["tra sua", "food-service"],
    ["Restaurant", "food-service"],
    ["tạp hóa", "shop"],
    ["tap hoa", "shop"],
    ["tiệm tạp hóa", "shop"],
    ["tiệm", "shop"],
    ["shop", "shop"],
    ["cửa hàng", "shop"],
    ["cua hang dien thoai", "shop"],
    ["siêu thị", "supermarket"],
    ["sieu thi", "supermarket"],
    ["chợ", "market"],
    ["cho", "market"],
    ["trường", "school"],
    ["trường học", "school"],
    ["truong mam non", "school"],
    ["UBND", "government"],
    ["ubnd xa", "government"],
    ["ủy ban", "government"],
    ["uy ban nhan dan", "government"],
    ["trạm y tế", "health"],
    ["nhà thuốc", "health"],
    ["tiệm thuốc tây", "health"],
    ["benh vien", "health"],
    ["khách sạn", "lodging"],
    ["nhà nghỉ", "lodging"],
    ["nha nghi", "lodging"],
    ["homestay", "lodging"],
    ["karaoke", "entertainment"],
    ["karaok", "entertainment"],
    ["bến xe", "transport"],
    ["ben xe", "transport"],
    ["chùa", "religious"],
    ["nhà thờ", "religious"],
    ["nha tho", "religious"],
    ["công ty", "business"],
    ["nhà máy", "business"],
    ["nha sach", "bookshop"],
    ["chốt kiểm dịch", "checkpoint"],
    ["khác", "other"],
    ["Nhà hàng/quán ăn/cà phê", "food-service"],
    ["Restaurant/eatery/café", "food-service"],
  ])("%j is %s", (text, category) => {
    const r = readVenueCategory(text);
    expect(r.kind === "match" ? r.choice.category : r.kind).toBe(category);
  });

  it.each(["vi", "en"])("every %s category label reads back as its category", (lng) => {
    const labels = (
      JSON.parse(readFileSync(`locales/${lng}/venues.json`, "utf8")) as {
        categories: Record<string, string>;
      }
    ).categories;
    for (const category of VENUE_CATEGORIES) {
      const r = readVenueCategory(labels[category] ?? "");
      expect(r.kind === "match" ? r.choice.category : r.kind, labels[category]).toBe(category);
    }
  });

  it.each([
    ["quan cafe", "food-service"],
    ["tiem tap hoa", "shop"],
    ["tiệm tạp hóa nhỏ", "shop"],
    ["tiem toc", "shop"],
    ["quán cà phê của tôi", "food-service"],
  ])("%j, a category in a stranger's words, is %s", (text, category) => {
    const r = readVenueCategory(text);
    expect(r.kind === "match" ? r.choice.category : r.kind).toBe(category);
  });

  it.each([
    "tiem mui 3 o dau",
    "tiệm mũi 3 ở đâu vậy",
    "cho hoi quan minh co can dan ma qr khong",
    "lam sao de dang ky tiem vaccine",
  ])("%j, a question that merely holds a category's word, is not read as one", (text) => {
    expect(readVenueCategory(text).kind).toBe("none");
  });

  it("a word nobody uses for a venue is not guessed", () => {
    expect(readVenueCategory("xyz").kind).toBe("none");
    expect(readVenueCategory("tôi không biết").kind).toBe("none");
  });
});

describe("buttons answered by typing their label", () => {
  const OFFER = [
    { label: "✅ Có, nhắc tôi", payload: "remind:yes" },
    { label: "Không, cảm ơn", payload: "remind:no" },
  ];
  const BUTTONS = [
    { label: "📍 Đăng ký mã QR địa điểm", payload: "venue:start" },
    { label: "🏪 Địa điểm của tôi", payload: "venue:mine" },
    { label: "❓ Hỏi đáp PC-Covid", payload: "faq" },
  ];

  it("a label typed without its emoji, diacritics or in part picks its button", () => {
    expect(read("dang ky ma qr dia diem", BUTTONS)).toBe("venue:start");
    expect(read("địa điểm của tôi", BUTTONS)).toBe("venue:mine");
    expect(read("hoi dap", BUTTONS)).toBe("faq");
    expect(read("nhắc tôi", OFFER)).toBe("remind:yes");
    expect(read("dia diem", BUTTONS)).toBe("ambiguous:venue:start,venue:mine");
    // Words of a label with some left out, in order.
    expect(read("tạo mới", [{ label: "➕ Tạo khảo sát mới", payload: "survey:new" }])).toBe("survey:new");
    expect(read("dang ky dia diem", BUTTONS)).toBe("venue:start");
    // Out of order, or one word only, is not enough.
    expect(read("mới tạo", [{ label: "➕ Tạo khảo sát mới", payload: "survey:new" }])).toBeNull();
  });

  it("the engine's strict matchChoice takes numbers and whole labels only, never a word inside data", () => {
    const nav = [
      { label: "◀ Quay lại", payload: "nav:back" },
      { label: "✖ Hủy", payload: "nav:cancel" },
    ];
    expect(matchChoice("2", nav)).toEqual(nav[1]);
    expect(matchChoice("huy", nav)).toEqual(nav[1]);
    expect(matchChoice("quay lai", nav)).toEqual(nav[0]);
    expect(matchChoice("Thôn Hủy", nav)).toBeUndefined();
    expect(matchChoice("Xã Hủy", nav)).toBeUndefined();
    expect(matchChoice("3", nav)).toBeUndefined();
    expect(matchChoice("tieng viet", [{ label: "🇻🇳 Tiếng Việt", payload: "lang:vi" }])?.payload).toBe(
      "lang:vi",
    );
  });

  it("a long paste is cut, not read for seconds", () => {
    const start = performance.now();
    expect(read(`${"binh ".repeat(5000)}hai`, COMMUNES)).toBeNull();
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe("typo distance", () => {
  it.each([
    ["karaoke", "karaoki", 1, true],
    ["nguyen", "nguen", 1, true],
    ["khuong", "khuog", 1, true],
    ["thuan", "thanh", 1, false],
    ["chuong", "chuogn", 1, true],
    ["abc", "abcdef", 2, false],
  ] as const)("%s ~ %s within %d: %s", (a, b, max, expected) => {
    expect(withinEditDistance(a, b, max)).toBe(expected);
  });
});
