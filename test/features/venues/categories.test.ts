import { describe, expect, it } from "vitest";
import {
  isVenueCategory,
  readVenueCategory,
  VENUE_CATEGORIES,
  venueCategoryLabelKey,
} from "../../../src/features/venues/categories";
import { readVenuesLocale } from "../../support/locale-poster-texts";

describe("the category menu a venue owner picks from", () => {
  it("lists the categories in the agreed order", () => {
    expect(VENUE_CATEGORIES).toEqual([
      "government",
      "school",
      "health",
      "business",
      "shop",
      "supermarket",
      "bookshop",
      "market",
      "food-service",
      "lodging",
      "entertainment",
      "transport",
      "religious",
      "checkpoint",
      "other",
    ]);
  });

  it.each(["vi", "en"] as const)("has a %s label for every category and no stray labels", (lng) => {
    const labels = readVenuesLocale(lng).categories;
    expect(Object.keys(labels).sort()).toEqual([...VENUE_CATEGORIES].sort());
    for (const label of Object.values(labels)) expect(label.trim()).not.toBe("");
  });

  it("shows Vietnamese owners the labels from the suggested list", () => {
    const labels = readVenuesLocale("vi").categories;
    expect(labels[venueCategoryLabelKey("food-service").split(".")[1] ?? ""]).toBe("Nhà hàng/quán ăn/cà phê");
    expect(labels.checkpoint).toBe("Chốt kiểm dịch");
  });

  it("ignores a button payload that is not a category", () => {
    expect(isVenueCategory("market")).toBe(true);
    expect(isVenueCategory("casino")).toBe(false);
  });
});

describe("a category typed in English", () => {
  it("reads 'coffee shop' and 'tea shop' as a café, not a shop; 'phone shop' stays a shop", () => {
    const read = (text: string) => {
      const r = readVenueCategory(text);
      return r.kind === "match" ? r.choice.category : r.kind;
    };
    expect(read("coffee shop")).toBe("food-service");
    expect(read("a small tea shop")).toBe("food-service");
    expect(read("phone shop")).toBe("shop");
  });
});
