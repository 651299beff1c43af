import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDistrict } from "../../../src/features/venues/district";
import { validateVenueField } from "../../../src/features/venues/venue-fields";

const district = loadDistrict(
  JSON.parse(readFileSync(new URL("../../../data/districts/binh-son.json", import.meta.url), "utf8")),
);

describe("what an owner types for a venue's names", () => {
  it.each(["dc", "ok", "Có", "ừ", "vâng ạ", "ko"])(
    "asks for a real venue name when %j is typed at the name step",
    (typed) => {
      expect(validateVenueField("name", typed, district)).toEqual({ ok: false, errorKey: "flow.notAName" });
    },
  );

  it.each(["dc", "Được", "không"])("asks for a person's name when %j is typed as the contact", (typed) => {
    expect(validateVenueField("contactName", typed, district)).toEqual({
      ok: false,
      errorKey: "flow.notAPersonName",
    });
  });

  it.each(["Quán Có Ba", "Không Gian Xanh", "Ok Mart", "Nhà nghỉ Được Mùa", "Cà phê 36"])(
    "keeps a name that only contains such a word: %j",
    (name) => {
      expect(validateVenueField("name", name, district)).toEqual({ ok: true, value: name });
    },
  );
});
