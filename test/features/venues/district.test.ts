import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DistrictDataError, findUnit, loadDistrict } from "../../../src/features/venues/district";

const binhSon: unknown = JSON.parse(
  readFileSync(new URL("../../../data/districts/binh-son.json", import.meta.url), "utf8"),
);

describe("the configured district", () => {
  it("offers owners in Bình Sơn its 22 communes and town", () => {
    const district = loadDistrict(binhSon);
    expect(district.province.name).toBe("Tỉnh Quảng Ngãi");
    expect(district.district.name).toBe("Huyện Bình Sơn");
    expect(district.units).toHaveLength(22);
    expect(district.units.filter((unit) => unit.type === "thi-tran")).toHaveLength(1);
  });

  it("finds a commune from the code stored with a venue", () => {
    const district = loadDistrict(binhSon);
    expect(findUnit(district, "21040")).toEqual({ code: "21040", name: "Thị trấn Châu Ổ", type: "thi-tran" });
    expect(findUnit(district, "21109")?.name).toBe("Xã Bình Tân Phú");
  });

  it("does not find a commune merged away in 2020", () => {
    expect(findUnit(loadDistrict(binhSon), "21076")).toBeUndefined();
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
