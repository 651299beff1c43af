import { describe, expect, it } from "vitest";
import { readChoice } from "../../../src/core/understanding/choice-reading";
import { readOrdinal } from "../../../src/core/understanding/ordinal";

describe("a place in a list typed in words", () => {
  it.each([
    ["cái thứ 2", 2],
    ["cai thu hai", 2],
    ["cái thứ hai ạ", 2],
    ["chọn cái thứ ba", 3],
    ["số 2", 2],
    ["so hai", 2],
    ["thứ nhất", 1],
    ["thu nhat", 1],
    ["đầu tiên", 1],
    ["cuối cùng", 5],
    ["địa điểm thứ tư", 4],
    ["cai thu muoi", 10],
    ["second", 2],
    ["the second one", 2],
    ["the 2nd one", 2],
    ["3rd", 3],
    ["last", 5],
  ])("%s → %i of 5", (typed, place) => {
    expect(readOrdinal(typed, 5)).toBe(place);
  });

  it("'thứ hai' alone is Monday unless the list is not one of days", () => {
    expect(readOrdinal("thu hai", 5)).toBeNull();
    expect(readOrdinal("thứ 7", 5)).toBeNull();
    expect(readOrdinal("thu hai", 5, { bareWeekdays: true })).toBe(2);
    expect(readOrdinal("cái thứ hai", 5)).toBe(2);
  });

  it.each(["thứ hai tuần sau", "quán thứ hai của tôi ở đâu", "hai", "Quán Ba Miền", "second hand shop"])(
    "%s is not a place in a list",
    (typed) => {
      expect(readOrdinal(typed, 5, { bareWeekdays: true })).toBeNull();
    },
  );

  it("reads the labels first: a button named 'Thứ Hai' is that button, 'cái thứ hai' the second", () => {
    const days = ["Chủ Nhật", "Thứ Hai", "Thứ Ba"].map((label) => ({ label }));
    expect(readChoice("thu hai", days)).toMatchObject({ kind: "match", choice: { label: "Thứ Hai" } });
    const shops = ["Quán A – 1 Lê Lợi", "Quán A – 2 Lê Lợi", "Quán A – 3 Lê Lợi"].map((label) => ({ label }));
    expect(readChoice("cái thứ hai", shops)).toMatchObject({ kind: "match", choice: shops[1] });
    expect(readChoice("thu hai", shops, { weekdayOrdinals: true })).toMatchObject({ choice: shops[1] });
    expect(readChoice("cai thu muoi", shops)).toEqual({ kind: "none" });
  });
});
