import { describe, expect, it } from "vitest";
import {
  generateVenueCode,
  isVenueCodeFormat,
  normaliseVenueCode,
  VENUE_CODE_ALPHABET,
} from "../../../src/features/venues/venue-code";

describe("venue codes printed on posters", () => {
  const codes = Array.from({ length: 10_000 }, generateVenueCode);

  it("are unique across 10,000 venues", () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("have at least 10 characters, none of them easy to misread (0 O 1 I L)", () => {
    expect(codes.filter((code) => code.length < 10 || /[01OIL]/.test(code))).toEqual([]);
    expect(codes.every(isVenueCodeFormat)).toBe(true);
    expect(VENUE_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("each hold a digit, so one typed in lower case is not taken for a word", () => {
    expect(codes.filter((code) => !/\d/.test(code))).toEqual([]);
  });

  it("use every character of the alphabet about equally, so none can be predicted", () => {
    const counts = new Map<string, number>();
    for (const char of codes.join("")) counts.set(char, (counts.get(char) ?? 0) + 1);
    const expected = (codes.length * 10) / VENUE_CODE_ALPHABET.length;
    expect(counts.size).toBe(VENUE_CODE_ALPHABET.length);
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.1);
  });

  it("do not follow one another: consecutive codes share no long prefix", () => {
    const shared = codes.slice(1).filter((code, i) => code.slice(0, 4) === codes[i]?.slice(0, 4));
    expect(shared.length).toBeLessThan(3);
  });
});

describe("a code typed in by a person", () => {
  it("is accepted in lower case or with spaces and dashes", () => {
    expect(normaliseVenueCode(" 7kq3-mzp9 xa ")).toBe("7KQ3MZP9XA");
  });

  it.each(["7KQ3MZP9X", "7KQ3MZP9XAB", "7KQ3MZP9X0", "7KQ3MZP9XO", "7KQ3MZP9XI", "7KQ3MZP9XL", "7kq3mzp9xa"])(
    "is not taken for a venue code when malformed: %s",
    (input) => {
      expect(isVenueCodeFormat(input)).toBe(false);
    },
  );
});
