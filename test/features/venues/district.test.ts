import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  codesCoveredBy,
  DistrictDataError,
  findUnit,
  findUnitByName,
  findUnitMentioned,
  loadDistrict,
  unitsInForce,
} from "../../../src/features/venues/district";

const binhSon: unknown = JSON.parse(
  readFileSync(new URL("../../../data/districts/binh-son.json", import.meta.url), "utf8"),
);

describe("the configured district", () => {
  it("offered owners the 22 communes and town of 2021, and offers the 5 xã since 1/7/2025", () => {
    const district = loadDistrict(binhSon);
    expect(district.province.name).toBe("Tỉnh Quảng Ngãi");
    expect(district.district.name).toBe("Huyện Bình Sơn");
    const in2021 = unitsInForce(district, "2021-11-15");
    expect(in2021).toHaveLength(22);
    expect(in2021.filter((unit) => unit.type === "thi-tran")).toHaveLength(1);
    expect(unitsInForce(district, "2025-06-30")).toHaveLength(22);
    expect(unitsInForce(district, "2025-07-01").map((u) => u.name)).toEqual([
      "Xã Bình Sơn",
      "Xã Vạn Tường",
      "Xã Bình Minh",
      "Xã Bình Chương",
      "Xã Đông Sơn",
    ]);
    // Vietnam time decides the day: 17:30 UTC on 30 June is already 1 July in Bình Sơn.
    expect(unitsInForce(district, new Date("2025-06-30T17:30:00Z"))).toHaveLength(5);
  });

  it("reads a reused code with the unit in force when it was stored", () => {
    const district = loadDistrict(binhSon);
    expect(findUnit(district, "21040", "2021-10-01")?.name).toBe("Thị trấn Châu Ổ");
    expect(findUnit(district, "21040", "2026-01-01")?.name).toBe("Xã Bình Sơn");
    expect(findUnit(district, "21061", "2021-10-01")?.name).toBe("Xã Bình Trị");
    expect(findUnit(district, "21109", "2026-01-01")?.name).toBe("Xã Đông Sơn");
    // A code that was not reused keeps its historical unit, whatever the day.
    expect(findUnit(district, "21067", "2026-01-01")).toMatchObject({
      name: "Xã Bình Hải",
      validTo: "2025-06-30",
    });
  });

  it("does not find a commune merged away in 2020", () => {
    expect(findUnit(loadDistrict(binhSon), "21076")).toBeUndefined();
    expect(findUnitByName(loadDistrict(binhSon), "Bình Thới", "2021-11-15")).toEqual({ kind: "none" });
  });

  it("accepts a former commune typed in 2026 and says which xã it is part of now", () => {
    const district = loadDistrict(binhSon);
    const now = "2026-03-02";
    const typings = ["Bình Hải", "binh hai", "xa binh hai", "Xã Bình Hải", "  BINH HAI ", "21067"];
    // With the words people type around it, in either language.
    const withWords = [
      "binh hai commune",
      "Commune of Binh Hai",
      "em ở Bình Hải ạ",
      "o binh hai",
      "tai xa binh hai nha",
    ];
    for (const typed of [...typings, ...withWords]) {
      const match = findUnitByName(district, typed, now);
      expect(match.kind, typed).toBe("former");
      if (match.kind === "former") {
        expect(match.unit.name).toBe("Xã Vạn Tường");
        expect(match.former.name).toBe("Xã Bình Hải");
      }
    }
    expect(findUnitByName(district, "chau o", now)).toMatchObject({
      kind: "former",
      unit: { name: "Xã Bình Sơn" },
    });
    expect(findUnitByName(district, "tt Châu Ổ", now)).toMatchObject({
      kind: "former",
      unit: { name: "Xã Bình Sơn" },
    });
    expect(findUnitByName(district, "binh tan phu", now)).toMatchObject({
      kind: "former",
      unit: { name: "Xã Đông Sơn" },
    });
  });

  it("finds today's xã typed any way, and a name both old and new means today's unit", () => {
    const district = loadDistrict(binhSon);
    const now = "2026-03-02";
    for (const typed of ["Vạn Tường", "van tuong", "xã vạn tường", "XA VAN TUONG", "21061"]) {
      expect(findUnitByName(district, typed, now), typed).toMatchObject({
        kind: "unit",
        unit: { code: "21061" },
      });
    }
    expect(findUnitByName(district, "binh minh", now)).toMatchObject({
      kind: "unit",
      unit: { name: "Xã Bình Minh", validFrom: "2025-07-01" },
    });
    expect(findUnitByName(district, "dong son", now)).toMatchObject({
      kind: "unit",
      unit: { code: "21109" },
    });
    expect(findUnitByName(district, "Bình Hải", "2021-11-15")).toMatchObject({
      kind: "unit",
      unit: { code: "21067" },
    });
    expect(findUnitByName(district, "ha noi", now)).toEqual({ kind: "none" });
    expect(findUnitByName(district, "", now)).toEqual({ kind: "none" });
  });

  it("tells Bình Thạnh from Bình Thanh when typed with diacritics, and asks when typed without", () => {
    const district = loadDistrict(binhSon);
    const now = "2026-03-02";
    expect(findUnitByName(district, "Bình Thạnh", now)).toMatchObject({
      kind: "former",
      unit: { name: "Xã Bình Sơn" },
      former: { code: "21046" },
    });
    expect(findUnitByName(district, "Bình Thanh", now)).toMatchObject({
      kind: "former",
      unit: { name: "Xã Đông Sơn" },
      former: { code: "21091" },
    });
    const folded = findUnitByName(district, "binh thanh", now);
    expect(folded.kind).toBe("ambiguous");
    if (folded.kind === "ambiguous") {
      expect(folded.units.map((u) => u.name).sort()).toEqual(["Xã Bình Thanh", "Xã Bình Thạnh"]);
    }
  });

  it("reaches records stored with former units when a message goes to today's xã", () => {
    const district = loadDistrict(binhSon);
    expect(codesCoveredBy(district, "21061", "2026-01-01").sort()).toEqual(
      ["21043", "21049", "21061", "21067", "21073", "21079"].sort(),
    );
    expect(codesCoveredBy(district, "21100", "2026-01-01").sort()).toEqual(["21100", "21106"]);
  });

  it("stops start-up with a clear message when the file is broken", () => {
    const broken = {
      province: { code: "51", name: "Tỉnh Quảng Ngãi" },
      district: { code: "524", name: "Huyện Bình Sơn" },
      units: [
        { code: "21040", name: "Thị trấn Châu Ổ", type: "thi-tran" },
        { code: "2104", name: "", type: "village" },
      ],
    };
    expect(() => loadDistrict(broken)).toThrow(DistrictDataError);
    expect(() => loadDistrict(broken)).toThrow(/units\.1\.code: commune GSO codes have 5 digits/);
    expect(() => loadDistrict(broken)).toThrow(/units\.1\.type/);
    expect(() => loadDistrict({ units: [] })).toThrow(/province/);
    expect(() => loadDistrict("not json object")).toThrow(DistrictDataError);
  });

  it("refuses two communes with the same code, which would make a venue's commune ambiguous", () => {
    const duplicated = {
      province: { code: "51", name: "Tỉnh Quảng Ngãi" },
      district: { code: "524", name: "Huyện Bình Sơn" },
      units: [
        { code: "21040", name: "Thị trấn Châu Ổ", type: "thi-tran" },
        { code: "21040", name: "Xã Bình Thuận", type: "xa" },
      ],
    };
    expect(() => loadDistrict(duplicated)).toThrow(/units\.1\.code: duplicate code 21040/);
  });
});

describe("a commune named inside a sentence", () => {
  const district = loadDistrict(binhSon);
  const now = new Date("2026-12-01T03:00:00Z");
  it("finds today's xã, or maps a former one, in the words around it", () => {
    const named = (text: string) => {
      const match = findUnitMentioned(district, text, now);
      return match.kind === "unit" || match.kind === "former" ? match.unit.code : match.kind;
    };
    expect(named("toi muon nhan tin cua xa binh son")).toBe("21040");
    expect(named("dang ky nhan thong bao xa van tuong nha")).toBe(named("Xã Vạn Tường"));
    expect(findUnitMentioned(district, "nhận tin xã Bình Hải", now).kind).toBe("former");
    // The district of the same name is not its xã; no name at all is "none".
    expect(named("tin cua huyen binh son")).toBe("none");
    expect(named("toi muon nhan thong bao")).toBe("none");
  });
});
