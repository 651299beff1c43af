import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { niceScale } from "../../../src/features/reports/report-charts";
import { chooseCommune, parseReportDay } from "../../../src/features/reports/report-input";
import { loadDistrict } from "../../../src/features/venues/district";
import { unitsForPeriod } from "../../../src/features/venues/units-for-period";

const district = loadDistrict(
  JSON.parse(readFileSync(new URL("../../../data/districts/binh-son.json", import.meta.url), "utf8")),
);
const now = new Date("2026-12-02T03:00:00Z");

describe("the units a report lists for its period", () => {
  it("22 former units before 1/7/2025, 5 xã from it, the 5 xã with a change date when the period spans it", () => {
    expect(unitsForPeriod(district, "2025-06-01", "2025-06-30")).toMatchObject({
      changedOn: null,
      grouped: [],
    });
    expect(unitsForPeriod(district, "2025-06-01", "2025-06-30").units).toHaveLength(22);
    expect(unitsForPeriod(district, "2025-07-01", "2025-07-31")).toMatchObject({ changedOn: null });
    const spanning = unitsForPeriod(district, "2025-06-30", "2025-07-01");
    expect(spanning.changedOn).toBe("2025-07-01");
    expect(spanning.units.map((u) => u.name)).toEqual([
      "Xã Bình Sơn",
      "Xã Vạn Tường",
      "Xã Bình Minh",
      "Xã Bình Chương",
      "Xã Đông Sơn",
    ]);
    // Every former unit is counted in exactly one xã (the shared data file's mapping).
    const covered = spanning.units.flatMap((u) => u.covers);
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered).toHaveLength(22);
    expect(spanning.units[1]?.covers.sort()).toEqual(["21043", "21049", "21061", "21067", "21073", "21079"]);
  });

  it("an xã typed for a period before it existed means the former units it was formed from", () => {
    const choice = chooseCommune(district, "van tuong", "2025-03-31", now);
    expect(choice.name).toBe("Xã Vạn Tường");
    expect(choice.note).toEqual({ key: "notYet", params: { unit: "Xã Vạn Tường", date: "01/07/2025" } });
    const rows = unitsForPeriod(district, "2025-03-01", "2025-03-31").units.filter((u) =>
      u.covers.some((c) => choice.codes.includes(c)),
    );
    expect(rows.map((u) => u.name)).toEqual([
      "Xã Bình Thuận",
      "Xã Bình Đông",
      "Xã Bình Trị",
      "Xã Bình Hải",
      "Xã Bình Phước",
      "Xã Bình Hòa",
    ]);
    // The same code means the unit of the period: 21040 is Thị trấn Châu Ổ in 2024, Xã Bình Sơn in 2026.
    expect(chooseCommune(district, "21040", "2024-12-31", now).name).toBe("Thị trấn Châu Ổ");
    expect(chooseCommune(district, "21040", "2026-11-22", now).name).toBe("Xã Bình Sơn");
  });
});

describe("report input and axes", () => {
  it("days typed either way, impossible days refused", () => {
    expect(parseReportDay("16/11/2026", "from")).toBe("2026-11-16");
    expect(parseReportDay(" 1-7-2025 ", "from")).toBe("2025-07-01");
    expect(parseReportDay("2026-11-16", "to")).toBe("2026-11-16");
    for (const typed of ["2026-02-29", "31/04/2026", "2026-13-01", "16/11", "", "tomorrow"])
      expect(() => parseReportDay(typed, "to"), typed).toThrow(/badDay/);
  });

  it("axes count in whole steps of 1, 2 or 5 with at most five intervals", () => {
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
    expect(niceScale(1)).toEqual({ top: 1, step: 1 });
    expect(niceScale(3)).toEqual({ top: 3, step: 1 });
    expect(niceScale(7)).toEqual({ top: 8, step: 2 });
    expect(niceScale(10)).toEqual({ top: 10, step: 2 });
    expect(niceScale(23)).toEqual({ top: 25, step: 5 });
    expect(niceScale(1234)).toEqual({ top: 1500, step: 500 });
  });
});
