import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPhonesIn } from "../../src/core/mask-phones";
import { normaliseVietnamesePhone } from "../../src/core/vietnam-phone";

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });

/** A number the parser accepts, as its national digits: a mobile (0 + 3/5/7/8/9 + 8) or a 0255 landline. */
const national = fc.oneof(
  fc.tuple(fc.constantFrom("3", "5", "7", "8", "9"), digits(8)).map(([p, rest]) => `0${p}${rest.join("")}`),
  digits(7).map((rest) => `0255${rest.join("")}`),
);

/** The same number written any way the parser takes: country code, brackets, separators, full-width. */
const written = fc
  .record({
    national,
    prefix: fc.constantFrom("0", "+84", "84", "(+84) ", "+84 (0) ", "0084 ", "+84 ", "(0"),
    separator: fc.constantFrom("", " ", ".", "-", "/", " - ", "\u00a0"),
    sizes: fc.constantFrom<number[]>([4, 3, 3], [3, 3, 4], [2, 2, 2, 2, 2], [10], [4, 4, 3], [3, 4, 4]),
    fullWidth: fc.boolean(),
  })
  .map(({ national, prefix, separator, sizes, fullWidth }) => {
    const significant = national.slice(1);
    const body = prefix === "(0" ? national.slice(1) : significant;
    const groups: string[] = [];
    let at = 0;
    for (const size of sizes) {
      if (at >= body.length) break;
      groups.push(body.slice(at, at + size));
      at += size;
    }
    if (at < body.length) groups.push(body.slice(at));
    // "(0255) 3822 123": the area code in brackets.
    const [head = "", ...tail] = groups;
    let text =
      prefix === "(0"
        ? `(0${head})${separator || " "}${tail.join(separator)}`
        : `${prefix}${groups.join(separator)}`;
    if (fullWidth) text = text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    return { national, text };
  })
  .filter(({ text }) => normaliseVietnamesePhone(text, { allowLandline: true }).ok);

/** Text around it, as people write: no digits, but letters may touch the number ("sdt0905…"). */
const words = fc.constantFrom(
  "",
  "sdt",
  "SĐT: ",
  "goi cho toi so ",
  "ko nhan dc ma otp, so cua em la ",
  "my number is ",
  " nhe",
  ", cam on",
  ". Thanks!",
  " (Lan)",
);

describe("phone numbers in free text are masked before anything is stored or logged", () => {
  it("every way of writing a number that the phone parser accepts is masked, inside any text", () => {
    fc.assert(
      fc.property(words, written, words, (before, phone, after) => {
        const masked = maskPhonesIn(`${before}${phone.text}${after}`);
        // Only the last two digits survive, however the number was written.
        expect(masked.normalize("NFKC").replace(/\D/g, ""), masked).toBe(phone.national.slice(-2));
        expect(masked).toContain("***");
      }),
      { numRuns: 2000 },
    );
  });

  it("masks the forms an outside test found stored unmasked", () => {
    for (const [text, last] of <[string, string][]>[
      ["(+84) 905 123 456", "56"],
      ["+84 (0) 905 123 456", "56"],
      ["(0255) 3822 123", "23"],
      ["0905/123/456", "56"],
      ["０９０５１２３４５６", "56"],
      ["sdt0905123456", "56"],
    ]) {
      expect(maskPhonesIn(`ko nhan dc ma otp ${text} giup em`)).toBe(
        `ko nhan dc ma otp ${text.startsWith("sdt") ? "sdt" : ""}***${last} giup em`,
      );
    }
  });

  it("two numbers side by side are both masked; ids, dates and amounts are left alone", () => {
    expect(maskPhonesIn("0905123456 0912345678")).toBe("***56 ***78");
    expect(
      maskPhonesIn("update_id 123456789, 2026-12-01 20:38, 150.000 dong, 1.500.000.000 dong, mui 3"),
    ).toBe("update_id 123456789, 2026-12-01 20:38, 150.000 dong, 1.500.000.000 dong, mui 3");
  });
});
