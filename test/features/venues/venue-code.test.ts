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

  it("use every character of the alphabet about as often as a uniform draw of codes holding a digit would", () => {
    const counts = new Map<string, number>();
    for (const char of codes.join("")) counts.set(char, (counts.get(char) ?? 0) + 1);
    // Codes are uniform over those with at least one digit, so a digit is a little (~5 %) more frequent.
    const size = VENUE_CODE_ALPHABET.length;
    const digits = [...VENUE_CODE_ALPHABET].filter((char) => /\d/.test(char)).length;
    const digitsPerCode = (10 * (digits / size)) / (1 - ((size - digits) / size) ** 10);
    const expected = (char: string) =>
      /\d/.test(char)
        ? (codes.length * digitsPerCode) / digits
        : (codes.length * (10 - digitsPerCode)) / (size - digits);
    expect(counts.size).toBe(size);
    for (const [char, count] of counts)
      expect(Math.abs(count - expected(char)) / expected(char), char).toBeLessThan(0.1);
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
